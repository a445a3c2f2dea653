package genre

import (
	"terril/extract/dates"
	"terril/extract/lex"
	"terril/extract/text"
)

// headLen is how far into a document its heading, dateline and metadata are looked for.
const headLen = 1500

// Published returns the document's own date, ISO 8601 at the precision given, or ""
// when the text lexed as tk states none (see the package documentation for the
// rules, in order of preference).
func Published(tk *text.Tokens) string {
	x := scanner{Scanner: dates.Scanner{Tokens: *tk}}
	// One pass over the words; the first date each rule finds, by rule.
	var p pubFinds
	toks, f := tk.Toks, tk.F
	for i := range toks {
		// A token neither flagged as a cue nor starting a line is nothing to either rule.
		if toks[i].Flags&text.FlagPublished == 0 && toks[i].Gap < text.GapLine && i > 0 || toks[i].Kind != text.Word {
			continue
		}
		if i == 0 || toks[i].Gap >= text.GapLine {
			x.pubLineStart(i, &p)
		}
		// Most words start no cue: the lexer's flag (from publishedCueMask), then bit
		// sets of first and last bytes and lengths skip them.
		if n := uint32(toks[i].E - toks[i].S); toks[i].Flags&text.FlagPublished == 0 || n > 15 || publishedCueMask[f[toks[i].S]]>>n&1 == 0 || publishedCueLast[f[toks[i].E-1]]>>n&1 == 0 {
			continue
		}
		if x.pubCue(i, &p) {
			break
		}
	}
	found, at := &p.found, &p.at
	// An act's own date is its meeting or its signature; a "publié le" after it is the
	// publication formality of the act (its display, its posting online), not its date.
	// A "publié le" before them (a recueil's "PUBLIÉ LE" on its cover) stays first.
	if found[rPublie] != "" && (found[rMeeting] != "" && at[rMeeting] < at[rPublie] || found[rSigned] != "" && at[rSigned] < at[rPublie]) {
		found[rPublie] = ""
	}
	for _, v := range found {
		if v != "" {
			return v
		}
	}
	return ""
}

// The rules of publishedOf, in order of preference.
const (
	rPublie = iota
	rMeta
	rIssue // a recueil's or bulletin's issue: "RECUEIL … MAI 2009", "N° 55 du 09/09/2015"
	rDateline
	rMeeting
	rByline
	rSigned
	rUpdated
	nRules
)

// pubFinds is the first date each rule of publishedOf finds.
type pubFinds struct {
	found [nRules]string
	at    [nRules]int // token where each rule's cue was found
}

// pubLineStart applies publishedOf's rules for a word i starting a line.
func (x *scanner) pubLineStart(i int, p *pubFinds) {
	inHead := int(x.Toks[i].S) < headLen
	if inHead && p.found[rIssue] == "" {
		p.found[rIssue] = x.issueDate(i)
	}
	if inHead && p.found[rDateline] == "" {
		p.found[rDateline] = x.datelineOnLine(i)
	} else if !inHead && p.found[rSigned] == "" && !x.IsWord(i, "le") && !lex.Weekdays.Has(x.Str(i)) && x.commaSoon(i) && x.Upper(i) {
		// An act signed under a place and date without "Fait à" ("Nîmes, le 30
		// septembre 2021" after the articles). (Without a comma soon after the word,
		// dateline finds no place.)
		if _, month := x.MonthAt(i); !month {
			if v := x.dateline(i); v != "" {
				p.found[rSigned], p.at[rSigned] = v, i
			}
		}
	}
}

// pubCue applies publishedOf's rules for the cue word i ("publié", "date",
// "réunion"…). It reports whether the result is settled: a "publié le" with its
// date before any meeting or signature, which no later find can displace.
func (x *scanner) pubCue(i int, p *pubFinds) bool {
	found, at := &p.found, &p.at
	lineStart := i == 0 || x.Toks[i].Gap >= text.GapLine
	inHead := int(x.Toks[i].S) < headLen
	w := x.Str(i)
	var rule, k int
	switch publishedCueTable.Value(w) {
	case pcPublie:
		// "publié le …", "publié en …", "édité le …", as a line of its own or a
		// byline's part, not inside a sentence or a citation ("Vu l'avis … publié le
		// …").
		rule, k = rPublie, i+1
		if !x.IsWord(k, "le") && !x.IsWord(k, "en") || !x.publicationNotice(i) {
			return false
		}
	case pcDate:
		switch {
		case x.IsWord(i+1, "de") && x.IsWord(i+2, "publication"):
			rule, k = rPublie, i+3
		case lineStart:
			rule, k = rMeta, i+1
		default:
			return false
		}
		if x.IsPunct(k, ":") {
			k++
		}
	case pcMeeting:
		// "Réunion du …", "Séance publique du …", "Conseil municipal du …".
		if !inHead {
			return false
		}
		if !x.headingLine(i) {
			return false
		}
		rule = rMeeting
		for k = i + 1; k < i+4 && !x.IsWord(k, "du") && x.Kind(k) != text.Num; k++ {
		}
		switch {
		case x.IsWord(k, "du") && !convocationWords[x.Str(k-1)]:
			k++
		case x.Kind(k) == text.Num && k > i+1 && x.Toks[k].Gap < text.GapLine && w != "communique":
		// "CR du conseil municipal 28 octobre 2022"
		default:
			return false
		}
	case pcPar:
		if !inHead || found[rByline] != "" || !(lineStart || x.Kind(i-1) == text.Punct) {
			return false
		}
		for k := i + 1; k < len(x.Toks) && k < i+12 && x.Toks[k].Gap < text.GapLine; k++ {
			if x.Kind(k) == text.Num || x.Kind(k) == text.Word && lex.Weekdays.Has(x.Str(k)) {
				if v := x.dateValueAt(k); v != "" {
					found[rByline] = v
					break
				}
			}
		}
		return false
	case pcFait:
		// "Fait à Arras, le 19 octobre 2023".
		if !x.IsWord(i+1, "a") {
			return false
		}
		rule, k = rSigned, i+2
		for n := 0; n < 6 && k < len(x.Toks) && (x.Kind(k) == text.Word || x.IsPunct(k, "-") || x.IsPunct(k, "'")) && !x.IsWord(k, "le"); n++ {
			k++
		}
		if x.IsPunct(k, ",") {
			k++
		}
	case pcMis:
		if !x.IsWord(i+1, "a") || !x.IsWord(i+2, "jour") {
			return false
		}
		rule, k = rUpdated, i+3
		if x.IsPunct(k, ":") {
			k++ // "Mise à jour : 18 novembre 2024"
		}
	case pcRecueil:
		// A heading: in capitals, or capitalised starting its line; not "le recueil
		// des actes de mai 2019" in a sentence.
		if inHead && found[rIssue] == "" && (x.AllCaps(i) || lineStart && x.Upper(i)) {
			found[rIssue] = x.recueilDate(i)
		}
		return false
	case pcProces:
		// "PROCÈS-VERBAL … CONSEIL COMMUNAUTAIRE DE … Le jeudi 15 mars 2018 à 18 heures".
		if !inHead || !lineStart || found[rMeeting] != "" {
			return false
		}
		if v, at := x.dateOnLine(i, 30); v != "" {
			found[rMeeting], p.at[rMeeting] = v, at
		}
		return false
	case pcReunis:
		// "Les membres … se sont réunis le 1er décembre 2015", "s'est réuni en séance
		// publique le 12 mars 2019".
		if !inHead || found[rMeeting] != "" {
			return false
		}
		if v, _ := x.dateOnLine(i, 6); v != "" {
			found[rMeeting], p.at[rMeeting] = v, i
		} else if v := x.meetingBefore(i); v != "" {
			found[rMeeting], p.at[rMeeting] = v, i
		}
		return false
	default:
		return false
	}
	if found[rule] != "" {
		return false
	}
	if x.IsWord(k, "le") {
		k++
	}
	found[rule], at[rule] = x.dateValueAt(k), i
	return rule == rPublie && found[rPublie] != "" && found[rMeeting] == "" && found[rSigned] == ""
}

// publicationNotice reports whether "publié" at token i states the document's own
// publication: it starts its line in capitals ("Publié le …", "PUBLIÉ LE …"), follows
// a separator of a byline or metadata line ("Par X | Publié le …", "Mobilités –
// publié le …"), or ends a short label that starts the line ("Article publié le …").
// A lower-case "publié" starting a line continues the sentence of the line before.
func (x *scanner) publicationNotice(i int) bool {
	if i == 0 || x.Toks[i].Gap >= text.GapLine {
		return x.Upper(i)
	}
	// In capitals, as a cover or a byline writes it ("CORSE DU SUD PUBLIÉ LE 19 MAI
	// 2017", "Article du Ouest France, PUBLIÉ le 27 avril 2018"); after an issue's
	// number ("N° 11 Édité le 4 décembre 2006").
	if x.AllCaps(i) {
		return true
	}
	if k := i - 1; x.Kind(k) == text.Num && x.NumeroBefore(k) && x.Toks[k].Gap < text.GapLine {
		for m := k - 1; m >= 0 && x.Kind(m) == text.Punct; m-- {
			k = m
		}
		if k-1 >= 0 && (k-1 == 0 || x.Toks[k-1].Gap >= text.GapLine) && x.Kind(k-1) == text.Word {
			return x.Upper(k - 1)
		}
	}
	if x.Kind(i-1) == text.Punct {
		switch x.Str(i - 1) {
		case "|", "–", "—", "-", "•", "·", "/":
			return true
		}
		return false
	}
	// At most two words before it on its line, the first capitalised.
	k := i - 1
	for ; k > 0 && x.Toks[k].Gap < text.GapLine; k-- {
		if i-k >= 2 {
			return false
		}
	}
	for j := k; j < i; j++ {
		if x.Kind(j) != text.Word {
			return false
		}
	}
	switch x.Str(k) {
	case "vu", "considerant", "visa":
		return false
	}
	return x.Upper(k)
}

// Cue words of publishedOf, by the rules they start.
const (
	pcNone    = iota
	pcPublie  // "publié le …", "édité le …"
	pcDate    // "date de publication", a metadata line "date …"
	pcMeeting // "Réunion du …", "Séance du …"
	pcPar     // a byline
	pcFait    // "Fait à …, le …"
	pcMis     // "Mis à jour le …"
	pcRecueil // a recueil's issue
	pcProces  // a procès-verbal's heading
	pcReunis  // "se sont réunis le …"
)

// publishedCues are the cue words of publishedOf, folded, each with its rule
// (at most 15 bytes, the width of publishedCueMask).
var publishedCues = map[string]uint8{
	"publie": pcPublie, "publiee": pcPublie, "edite": pcPublie, "editee": pcPublie, "date": pcDate,
	"reunion": pcMeeting, "seance": pcMeeting, "conseil": pcMeeting, "commission": pcMeeting,
	"assemblee": pcMeeting, "bureau": pcMeeting, "comite": pcMeeting, "communique": pcMeeting,
	"par": pcPar, "fait": pcFait, "mis": pcMis, "mise": pcMis, "recueil": pcRecueil, "proces": pcProces,
	"reuni": pcReunis, "reunie": pcReunis, "reunis": pcReunis, "reunies": pcReunis,
}

// publishedCueMask has bit n of [c] set when a cue word of publishedOf starts with c
// and has n bytes, publishedCueLast when one ends with c.
var publishedCueMask, publishedCueLast = func() (m, l [256]uint16) {
	for w := range publishedCues {
		m[w[0]] |= 1 << len(w)
		l[w[len(w)-1]] |= 1 << len(w)
	}
	return m, l
}()

// recueilDate returns the issue date of a recueil's heading at token i ("RECUEIL
// DES ACTES ADMINISTRATIFS MAI 2009", "RECUEIL n° 24 du 01 septembre 2016"): after
// the words of its title and its number, on its line, "du" and a date or a month and
// its year. Else "".
func (x *scanner) recueilDate(i int) string {
	for k := i + 1; k < len(x.Toks) && k < i+16 && x.Toks[k].Gap < text.GapLine; k++ {
		switch {
		case x.IsWord(k, "du"):
			if v := x.dateValueAt(k + 1); v != "" {
				return v
			}
		case x.Kind(k) == text.Word:
			if _, month := x.MonthAt(k); month {
				return x.dateValueAt(k)
			}
			continue
		case x.Kind(k) == text.Num && x.NumeroBefore(k):
			k = x.Compound(k) - 1 // its number
			continue
		case x.IsPunct(k, "°") || x.IsPunct(k, "º") || x.IsPunct(k, "'") || x.IsPunct(k, "-"):
			continue
		}
		return ""
	}
	return ""
}

// issueDate returns the date of an issue's line starting at token i: "N° 55 du
// 09/09/2015", a number of at most three digits (an act's number is longer), "du"
// and a date. Else "".
func (x *scanner) issueDate(i int) string {
	k, ok := x.NumberMark(i)
	if !ok || x.Kind(k) != text.Num || len(x.Str(k)) > 3 || x.Compound(k) != k+1 || !x.IsWord(k+1, "du") {
		return ""
	}
	return x.dateValueAt(k + 2)
}

// meetingBefore returns the day a minute's opening sentence gives before "réunis" at
// token i, without its year, with the year of the other full date of the sentence:
// "Le 11 juillet suivant la convocation adressée le 04 juillet 2017, les conseillers
// … se sont réunis" gives 2017-07-11. Else "".
func (x *scanner) meetingBefore(i int) string {
	start := i
	for start > 0 && i-start < 60 && x.Toks[start].Gap < text.GapPara && !x.IsPunct(start-1, ".") {
		start--
	}
	var day dates.Value
	year := 0
	for k := start; k < i; k++ {
		if !x.IsWord(k, "le") || x.Kind(k+1) != text.Num {
			continue
		}
		x.Out = x.Out[:0]
		x.DayList(k + 1)
		if len(x.Out) == 0 {
			continue
		}
		switch o := x.Out[0]; {
		case o.NoYear && day.D == 0 && !convocationWords[x.Str(k-1)]:
			day = o.V
		case !o.NoYear && year == 0:
			year = o.V.Y
		}
	}
	if day.D == 0 || year == 0 {
		return ""
	}
	day.Y = year
	return day.ISO()
}

// convocationWords introduce the date of a meeting's notice, not of the meeting
// ("Convocation du 16 novembre 2015", "la convocation adressée le 4 juillet").
var convocationWords = map[string]bool{"convocation": true, "adressee": true, "envoyee": true, "convoque": true, "convoques": true}

// dateOnLine returns the first full date after "le" or "du" within n tokens after
// token i on its line ("… LUBERON Le jeudi 15 mars 2018"), and where it is; not the
// date of the convocation.
func (x *scanner) dateOnLine(i, n int) (string, int) {
	for k := i + 1; k < len(x.Toks) && k <= i+n && x.Toks[k].Gap < text.GapLine; k++ {
		if (x.IsWord(k, "le") || x.IsWord(k, "du")) && !convocationWords[x.Str(k-1)] {
			if v := x.dateValueAt(k + 1); v != "" {
				return v, k
			}
		}
	}
	return "", -1
}

// headingLine reports whether token i is on a heading line: one that does not cite
// an act ("Vu …", "Considérant …") and is short (at most 20 tokens), or that starts
// with token i ("Séance du lundi 27 mars 2023 à 18h00 – Salle des fêtes…").
func (x *scanner) headingLine(i int) bool {
	if i == 0 || x.Toks[i].Gap >= text.GapLine {
		return true
	}
	n, k := 0, i
	for ; k > 0 && x.Toks[k].Gap < text.GapLine; k-- {
		n++
	}
	switch x.Str(k) {
	case "vu", "considerant", "visa":
		return false
	}
	for k := i + 1; k < len(x.Toks) && x.Toks[k].Gap < text.GapLine; k++ {
		n++
	}
	return n < 20
}

// publishedCueTable is publishedCues for pubCue's lookups.
var publishedCueTable = text.NewWordTable(publishedCues)
