package extract

import (
	"math/bits"
	"slices"
	"strings"

	"terril/corpus"
	"terril/extract/dates"
	"terril/extract/lex"
	"terril/extract/names"
	"terril/extract/text"
)

// headLen is how far into a document its heading, dateline and metadata are looked for.
const headLen = 1500

// Published returns the document's own date, ISO 8601 at the precision given, or ""
// when the text states none. In order of preference: "publié le …" (or "date de
// publication"); a metadata line "date …"; a dateline near the top ("Lille, le 12 mars
// 2019", "Le 16 mai 2025", "Communiqué de presse du …"); the meeting a minute reports
// ("Réunion du 25 mars 2019", "Séance du conseil municipal du …") near the top;
// "mis à jour le …" last. A date in a title about something else ("… pour 2018") does
// not count.
func Published(t *Text) string {
	return publishedOf(newTokens(t))
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

func publishedOf(tk tokens) string {
	x := pubScanner{Scanner: dates.Scanner{Tokens: tk.Tokens}}
	// One pass over the words; the first date each rule finds, by rule.
	var p pubFinds
	toks, f := tk.Toks, tk.F
	for i := range toks {
		if toks[i].Kind != tokWord {
			continue
		}
		if i == 0 || toks[i].Gap >= gapLine {
			x.pubLineStart(i, &p)
		}
		// Most words start no cue: a bit set of first bytes and lengths skips them.
		if n := uint32(toks[i].E - toks[i].S); n < 3 || n > 12 || publishedCueMask[f[toks[i].S]]>>n&1 == 0 || publishedCueLast[f[toks[i].E-1]]>>n&1 == 0 {
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

// pubLineStart applies publishedOf's rules for a word i starting a line.
func (x *pubScanner) pubLineStart(i int, p *pubFinds) {
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
func (x *pubScanner) pubCue(i int, p *pubFinds) bool {
	found, at := &p.found, &p.at
	lineStart := i == 0 || x.Toks[i].Gap >= gapLine
	inHead := int(x.Toks[i].S) < headLen
	w := x.Str(i)
	var rule, k int
	switch publishedCues[w] {
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
		for k = i + 1; k < i+4 && !x.IsWord(k, "du") && x.Kind(k) != tokNum; k++ {
		}
		switch {
		case x.IsWord(k, "du") && !convocationWords[x.Str(k-1)]:
			k++
		case x.Kind(k) == tokNum && k > i+1 && x.Toks[k].Gap < gapLine && w != "communique":
		// "CR du conseil municipal 28 octobre 2022"
		default:
			return false
		}
	case pcPar:
		if !inHead || found[rByline] != "" || !(lineStart || x.Kind(i-1) == tokPunct) {
			return false
		}
		for k := i + 1; k < len(x.Toks) && k < i+12 && x.Toks[k].Gap < gapLine; k++ {
			if x.Kind(k) == tokNum || x.Kind(k) == tokWord && lex.Weekdays.Has(x.Str(k)) {
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
		for n := 0; n < 6 && k < len(x.Toks) && (x.Kind(k) == tokWord || x.IsPunct(k, "-") || x.IsPunct(k, "'")) && !x.IsWord(k, "le"); n++ {
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
func (x *pubScanner) publicationNotice(i int) bool {
	if i == 0 || x.Toks[i].Gap >= gapLine {
		return x.Upper(i)
	}
	// In capitals, as a cover or a byline writes it ("CORSE DU SUD PUBLIÉ LE 19 MAI
	// 2017", "Article du Ouest France, PUBLIÉ le 27 avril 2018"); after an issue's
	// number ("N° 11 Édité le 4 décembre 2006").
	if x.AllCaps(i) {
		return true
	}
	if k := i - 1; x.Kind(k) == tokNum && x.NumeroBefore(k) && x.Toks[k].Gap < gapLine {
		for m := k - 1; m >= 0 && x.Kind(m) == tokPunct; m-- {
			k = m
		}
		if k-1 >= 0 && (k-1 == 0 || x.Toks[k-1].Gap >= gapLine) && x.Kind(k-1) == tokWord {
			return x.Upper(k - 1)
		}
	}
	if x.Kind(i-1) == tokPunct {
		switch x.Str(i - 1) {
		case "|", "–", "—", "-", "•", "·", "/":
			return true
		}
		return false
	}
	// At most two words before it on its line, the first capitalised.
	k := i - 1
	for ; k > 0 && x.Toks[k].Gap < gapLine; k-- {
		if i-k >= 2 {
			return false
		}
	}
	for j := k; j < i; j++ {
		if x.Kind(j) != tokWord {
			return false
		}
	}
	switch x.Str(k) {
	case "vu", "considerant", "visa":
		return false
	}
	return x.Upper(k)
}

// datelineOnLine reads a dateline at the start of the line at token i, or after a
// label and a separator on the same line ("Communiqué de presse – Douai, le 5 octobre
// 2023", "Service communication | Arras, le 2 juin 2022"). After a label, only a
// place with its date counts.
func (x *pubScanner) datelineOnLine(i int) string {
	if v := x.dateline(i); v != "" {
		return v
	}
	for k := i + 1; k < len(x.Toks) && k < i+12 && x.Toks[k].Gap < gapLine; k++ {
		if x.Kind(k) != tokPunct {
			continue
		}
		switch x.Str(k) {
		case "–", "—", "|", "•":
		case "-":
			if x.Glued(k) || x.Glued(k+1) {
				continue // a hyphen inside a word
			}
		default:
			continue
		}
		if p := k + 1; p < len(x.Toks) && x.Toks[p].Gap < gapLine && x.Kind(p) == tokWord && x.Upper(p) && !x.IsWord(p, "le") && !lex.Weekdays.Has(x.Str(p)) {
			if _, month := x.MonthAt(p); !month {
				return x.dateline(p)
			}
		}
		return ""
	}
	return ""
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
// (3 to 12 bytes).
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
func (x *pubScanner) recueilDate(i int) string {
	for k := i + 1; k < len(x.Toks) && k < i+16 && x.Toks[k].Gap < gapLine; k++ {
		switch {
		case x.IsWord(k, "du"):
			if v := x.dateValueAt(k + 1); v != "" {
				return v
			}
		case x.Kind(k) == tokWord:
			if _, month := x.MonthAt(k); month {
				return x.dateValueAt(k)
			}
			continue
		case x.Kind(k) == tokNum && x.NumeroBefore(k):
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
func (x *pubScanner) issueDate(i int) string {
	k, ok := x.NumberMark(i)
	if !ok || x.Kind(k) != tokNum || len(x.Str(k)) > 3 || x.Compound(k) != k+1 || !x.IsWord(k+1, "du") {
		return ""
	}
	return x.dateValueAt(k + 2)
}

// meetingBefore returns the day a minute's opening sentence gives before "réunis" at
// token i, without its year, with the year of the other full date of the sentence:
// "Le 11 juillet suivant la convocation adressée le 04 juillet 2017, les conseillers
// … se sont réunis" gives 2017-07-11. Else "".
func (x *pubScanner) meetingBefore(i int) string {
	start := i
	for start > 0 && i-start < 60 && x.Toks[start].Gap < gapPara && !x.IsPunct(start-1, ".") {
		start--
	}
	var day dates.Value
	year := 0
	for k := start; k < i; k++ {
		if !x.IsWord(k, "le") || x.Kind(k+1) != tokNum {
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
func (x *pubScanner) dateOnLine(i, n int) (string, int) {
	for k := i + 1; k < len(x.Toks) && k <= i+n && x.Toks[k].Gap < gapLine; k++ {
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
func (x *pubScanner) headingLine(i int) bool {
	if i == 0 || x.Toks[i].Gap >= gapLine {
		return true
	}
	n, k := 0, i
	for ; k > 0 && x.Toks[k].Gap < gapLine; k-- {
		n++
	}
	switch x.Str(k) {
	case "vu", "considerant", "visa":
		return false
	}
	for k := i + 1; k < len(x.Toks) && x.Toks[k].Gap < gapLine; k++ {
		n++
	}
	return n < 20
}

// dateValueAt parses a date with its year at token k: "12 mars 2019", "lundi 12 mars
// 2019", "07/07/2023", "2017-04", "mars 2019".
func (x *pubScanner) dateValueAt(k int) string {
	if k < 0 || k >= len(x.Toks) {
		return ""
	}
	if x.Kind(k) == tokWord && lex.Weekdays.Has(x.Str(k)) {
		k++
	}
	x.Out = x.Out[:0]
	switch x.Kind(k) {
	case tokNum:
		// A day glued to its month by a PDF's lost space is a day: "le 1décembre 2015".
		c := x.Compound(k)
		if c-k > 1 && !(c-k == 2 && (text.IsOrdinal(x.Str(k+1)) || lex.Months.Value(x.Str(k+1)) > 0)) {
			x.NumericDate(k, c)
		} else {
			x.DayList(k)
		}
	case tokWord:
		if _, ok := x.MonthAt(k); ok {
			x.MonthList(k)
		}
	}
	if len(x.Out) == 0 || x.Out[0].NoYear {
		return ""
	}
	return x.Out[0].V.ISO()
}

// dateline reads a line starting at token i of the form "<Place>, le <date>",
// "<Place>, <date>", "Le <date>" or "<date>", and nothing else.
func (x *pubScanner) dateline(i int) string {
	k := i
	place := false
	if x.IsWord(k, "le") {
		k++
	} else if x.Kind(k) == tokWord && !lex.Weekdays.Has(x.Str(k)) {
		// A word other than a weekday or a month starts a place ("Lille, le …") or
		// no dateline: a lower-case word, "Fait", a place without its comma.
		if _, ok := x.MonthAt(k); !ok {
			if x.IsWord(k, "fait") || !x.Upper(k) {
				return ""
			}
			if !x.commaSoon(k) {
				return x.datelineNoComma(k)
			}
			// A place of a few words, then a comma.
			for n := 0; n < 6; n++ {
				if k >= len(x.Toks) || (k > i && x.Toks[k].Gap > gapSpace) {
					return ""
				}
				if x.IsPunct(k, ",") {
					break
				}
				if x.Kind(k) == tokWord || x.IsPunct(k, "-") || x.IsPunct(k, "'") {
					k++
					continue
				}
				return ""
			}
			if !x.IsPunct(k, ",") {
				return ""
			}
			k++
			if x.IsWord(k, "le") {
				k++
			}
			place = true
		}
	}
	v := x.dateValueAt(k)
	if v == "" {
		return ""
	}
	// Nothing else on the line but a full stop; after a place, a dash or a full stop
	// may lead into the text ("Lille, le 30 janvier 2023 – Le Département…").
	end := x.Out[len(x.Out)-1].J
	if end >= len(x.Toks) || x.Toks[end].Gap >= gapLine {
		return v
	}
	switch x.Str(end) {
	case ".":
		if place || end+1 >= len(x.Toks) || x.Toks[end+1].Gap >= gapLine {
			return v
		}
	case "–", "—", "-", "|", ":":
		// After a place; or a date, then its author: "Samedi 12 avril 2025 – par
		// Thomas Leclère".
		if place || (&tokens{x.Tokens}).bylineAt(end+1) {
			return v
		}
	}
	return ""
}

// datelineNoComma returns the date of a dateline whose place has no comma after it,
// as scanned acts often write it ("Digne-les-Bains le 12/05/2025", "Saint-Omer le
// 3 mars 2024"): from token i, a place name — capitalised words, or words glued to
// them by hyphens and apostrophes, not a French word alone —, "le", a date, and the
// end of the line. Else "".
func (x *pubScanner) datelineNoComma(i int) string {
	k := i
	for n := 0; ; n++ {
		if n == 6 || k >= len(x.Toks) || k > i && x.Toks[k].Gap > gapSpace {
			return ""
		}
		if k > i && x.IsWord(k, "le") && x.Toks[k].Gap == gapSpace {
			break
		}
		switch {
		case x.Kind(k) == tokWord && (x.Upper(k) || x.Glued(k)):
		case (x.IsPunct(k, "-") || x.IsPunct(k, "'")) && x.Glued(k) && x.Glued(k+1):
		default:
			return ""
		}
		k++
	}
	// "Publié le 5 octobre 2023", "Modifié le…": a capitalised French word alone is
	// no place (at the cost of "Tours le…"); "Saint-Omer" is.
	if !x.Glued(i+1) && IsFrenchWord(x.Str(i)) {
		return ""
	}
	v := x.dateValueAt(k + 1)
	if v == "" {
		return ""
	}
	if end := x.Out[len(x.Out)-1].J; end < len(x.Toks) && x.Toks[end].Gap < gapLine {
		return ""
	}
	return v
}

// commaSoon reports whether one of the six tokens after token i is a comma, as
// after the place of a dateline.
func (x *pubScanner) commaSoon(i int) bool {
	for k := i + 1; k <= i+6 && k < len(x.Toks); k++ {
		if x.IsPunct(k, ",") {
			return true
		}
	}
	return false
}

// Genre returns the document's genre (corpus.Genre*): "deliberation" for acts,
// recueils and minutes; "communique" for press releases and the news items an
// institution publishes on its own site; "article" for press articles; "page" for
// the rest (programme descriptions, institutional pages). title is the document's
// title and published its publication date (possibly empty).
func Genre(t *Text, title, published string) string {
	return genreOf(newTokens(t), title, published)
}

// Cue categories for Genre.
const (
	cueAct      = iota // in the head: the vocabulary of acts and minutes
	cuePress           // anywhere: press-release furniture
	cuePaper           // in the head: a newspaper's name
	cueNews            // in the head: news of an event
	cuePage            // anywhere: a programme or procedure page
	cueTitleAct        // in the title: an act
	nCues
)

// genreCues are the cue phrases of Genre, folded. A phrase marked "^" counts twice
// when it starts a line, an act's heading ("RECUEIL DES ACTES", "EXTRAIT DU
// REGISTRE"); one marked "@" counts only there, twice: a minute's heading
// ("COMMISSION PERMANENTE DU VENDREDI 6 AVRIL 2007"), which a release cites in a
// sentence ("lors de sa séance du 28 septembre").
var genreCues = newPhraseSet(map[int][]string{
	cueAct: {"^extrait du registre", "^registre des deliberations", "^recueil des actes", "proces verbal",
		"apres en avoir delibere", "apres avoir delibere", "liste des deliberations", "compte rendu de la seance",
		"compte rendu du conseil", "conseil municipal", "conseil communautaire", "deliberation n",
		"arrete n", "assemblee delibere", "ordre du jour", "secretaire de seance", "quorum",
		"vote a l unanimite", "adopte a l unanimite", "adoptee a l unanimite",
		// A dated meeting heading, and the attendance of a minute.
		"@commission permanente du", "@seance du", "@reunion du conseil", "conseillers en exercice",
		"membres en exercice", "delegues en exercice", "nombre de votants", "nombre de procurations",
		"delegues presents", "membres presents", "absents excuses", "donne pouvoir a", "ont donne procuration",
		"sont reunis en seance", "est reuni en seance", "est reunie en seance", "au nombre prescrit"},
	cuePress: {"communique de presse", "communique", "contact presse", "contacts presse", "relations presse",
		"service de presse", "service presse", "attachee de presse", "attache de presse", "dossier de presse",
		"information presse", "invitation presse",
		// A news site's rubric of an institution's releases, republished whole
		// ("<<< RETOUR Département de …", "Revenir à la rubrique DÉPARTEMENT DE …").
		"retour departement", "retour region", "retour prefecture", "retour ville", "retour mairie",
		"retour metropole", "retour ministere", "retour conseil departemental", "retour conseil regional",
		"rubrique departement", "rubrique region", "rubrique prefecture", "rubrique ville", "rubrique mairie",
		"rubrique metropole", "rubrique ministere", "rubrique conseil departemental", "rubrique conseil regional"},
	cuePaper: {"voix du nord", "ouest france", "figaro", "echos", "parisien", "gazette des communes",
		"courrier picard", "nord eclair", "usine nouvelle", "afp", "agence france presse", "journaliste",
		"midi libre", "depeche", "sud ouest", "dauphine libere", "est republicain", "telegramme", "20 minutes",
		"mediacites", "france bleu", "franceinfo", "localtis", "nice matin", "var matin", "corse matin",
		"corse net infos", "tahiti infos", "actu fr", "maire info", "acteurs publics",
		"republicain lorrain", "nouvelle republique", "berry republicain", "paris normandie", "centre presse",
		"reuters", "bfmtv", "mediapart", "rue89"},
	// Recency, not merely the past: an institution's pages also tell what was signed.
	cueNews: {"article publie", "actualite", "actualites", "vient d", "vient de", "viennent de",
		"ce lundi", "ce mardi", "ce mercredi", "ce jeudi", "ce vendredi", "ce samedi", "ce dimanche", "hier"},
	cuePage: {"beneficiaires", "pour qui", "qui peut", "eligible", "eligibles", "eligibilite", "modalites",
		"montant de l aide", "comment candidater", "deposer", "dossier de candidature", "conditions d",
		"pieces justificatives", "en savoir plus", "demarche", "demarches", "criteres",
		"depenses", "plafond", "plafonne", "plafonnee", "aide financiere", "preambule", "demandeurs",
		"ouvert aux candidatures", "taux d intervention", "taux de subvention"},
})

var titleActCues = newPhraseSet(map[int][]string{
	cueTitleAct: {"deliberation", "arrete", "proces verbal", "recueil des actes", "compte rendu du conseil",
		"conseil municipal du"},
})

// speechVerbs introduce reported speech after a quotation ("», déclare X").
var speechVerbs = map[string]bool{
	"declare": true, "indique": true, "explique": true, "souligne": true, "affirme": true, "precise": true,
	"assure": true, "ajoute": true, "confie": true, "estime": true, "rappelle": true, "poursuit": true,
	"insiste": true, "annonce": true, "lance": true, "resume": true, "temoigne": true, "sourit": true,
	"constate": true, "raconte": true, "note": true, "observe": true, "reconnait": true, "glisse": true,
	"commente": true, "detaille": true, "martele": true, "plaide": true, "regrette": true, "deplore": true,
	"salue": true, "conclut": true, "tempere": true, "previent": true, "felicite": true, "rejouit": true,
	"inquiete": true, "enthousiasme": true, "agace": true, "soupire": true, "amuse": true, "avoue": true,
	"admet": true, "lache": true, "declare-t-il": true,
}

func genreOf(x tokens, title, published string) string {
	var cues [nCues]int
	// The head is the tokens starting before byte 3000 (tokens are in text order).
	headEnd := x.firstAt(3000)
	// One pass over the tokens: the cue phrases in the head (a heading "RECUEIL DES
	// ACTES ADMINISTRATIFS", "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS" is enough on its
	// own: see phrase.heading), and the words genreToken counts. Most tokens matter to
	// neither: bit sets of first bytes and lengths skip them.
	var g genreTally
	toks, f := x.Toks, x.F
	for i, tk := range toks[:headEnd] {
		if n := uint32(tk.E - tk.S); n < 64 && genreHeadMask[f[tk.S]]>>n&1 != 0 {
			x.genreHeadToken(i, headEnd, &cues, &g)
		}
	}
	for i := headEnd; i < len(toks); i++ {
		if n := uint32(toks[i].E - toks[i].S); n <= 12 && genreWordMask[f[toks[i].S]]>>n&1 != 0 && genreWordLast[f[toks[i].E-1]]>>n&1 != 0 {
			x.genreToken(i, headEnd, &g)
		}
	}
	cues[cuePress] += g.press
	act := cues[cueAct] + g.act
	if g.vu >= 2 {
		act += 2
	}
	if act < 2 && title != "" {
		// The title only adds to the act and press cues: read once the text alone
		// does not make an act.
		var tc [nCues]int
		tt := newTokens(NewText(title))
		titleActCues.count(&tt, 0, len(tt.Toks), &tc)
		act += 2 * tc[cueTitleAct]
		clear(tc[:])
		genreCues.count(&tt, 0, len(tt.Toks), &tc)
		cues[cuePress] += tc[cuePress]
	}
	switch {
	case act >= 2:
		return corpus.GenreDeliberation
	case cues[cuePress] > 0:
		return corpus.GenreCommunique
	}
	// A newspaper's name or a byline make an article; without them, a newspaper's
	// habits add up: reported speech, people given with their age ("Kévin, 23 ans,";
	// two of them count twice), the journalist's name alone on the last line.
	paper := cues[cuePaper] > 0 || g.byline
	speech := g.speech
	habits := min(speech, 1) + min(g.ages, 2) + 2*min(g.party, 1) + min(g.weekday, 1)
	if x.closingName() {
		habits++
	}
	rs := pubScanner{Scanner: dates.Scanner{Tokens: x.Tokens}}
	for i, end := 0, x.firstAt(headLen); i < end; i++ {
		if (i == 0 || toks[i].Gap >= gapLine) && toks[i].Kind == tokWord && !x.IsWord(i, "le") && x.Upper(i) {
			if rs.dateline(i) != "" {
				// "Lille, le 12 mars 2019" is a release's; a date alone on its line
				// heads newspaper articles too.
				if _, month := rs.MonthAt(i); month || lex.Weekdays.Has(x.Str(i)) {
					if paper || habits >= 2 {
						return corpus.GenreArticle
					}
				}
				return corpus.GenreCommunique
			}
		}
	}
	// Press articles: a newspaper's name, a byline, reported speech; a title that
	// asks a question, but on a page cut into sections, which asks "Pour qui ?".
	// An institution's news, with its publication line, quotes its people too: there,
	// speech alone does not make an article.
	if paper || speech > 0 && !g.publie || habits >= 2 || cues[cuePage] < 2 && x.questionTitle(title) && x.sectionHeadings(headEnd) < 3 {
		return corpus.GenreArticle
	}
	// A programme or procedure page says who may apply, for what and how
	// ("Bénéficiaires", "Dépenses éligibles", "Modalités"); one such word is enough
	// where nothing tells news ("Actualités", "vient de", "Publié le").
	// So does one cut into sections under short headings ("Notre offre", "Chiffres
	// clés", "La couverture mobile").
	if cues[cuePage] >= 2 || cues[cuePage] == 1 && cues[cueNews] == 0 && !g.publie || x.sectionHeadings(headEnd) >= 3 {
		return corpus.GenrePage
	}
	// The rest is the news of an institution, on its own site or republished.
	return corpus.GenreCommunique
}

// questionTitle reports whether the title, or the first line of the text, asks a
// question ("Projets Anru 2 : où en est-on ?", "Quelle commune touche le plus ?
// Pourquoi ?"), as newspapers' titles and leads do.
func (x *tokens) questionTitle(title string) bool {
	if t := strings.TrimSpace(title); strings.HasSuffix(t, "?") {
		return true
	}
	for i := 0; i < len(x.Toks) && (i == 0 || x.Toks[i].Gap < gapLine); i++ {
		if x.IsPunct(i, "?") && x.Toks[i].Gap != gapNone {
			return true
		}
	}
	return false
}

// sectionHeadings counts the lines before token end that head a section: one to
// seven words, the first capitalised, no punctuation at the end, and a paragraph
// of twelve words or more on the next line. The first line, the title, is not
// counted.
func (x *tokens) sectionHeadings(end int) int {
	end = min(end, len(x.Toks))
	n := 0
	prevStart := -1 // the line before, when it may head a section
	for s := 0; s < end; {
		e, words := s+1, 0
		if x.Toks[s].Kind == tokWord {
			words++
		}
		for ; e < end && x.Toks[e].Gap < gapLine; e++ {
			if x.Toks[e].Kind == tokWord {
				words++
			}
		}
		if prevStart > 0 && words >= 12 && x.headingWords(prevStart) {
			n++
		}
		prevStart = -1
		if words >= 1 && words <= 7 && x.Kind(e-1) != tokPunct {
			prevStart = s
		}
		s = e
	}
	return n
}

// headingWords reports whether the line starting at token s starts with a
// capitalised word.
func (x *tokens) headingWords(s int) bool {
	return x.Kind(s) == tokWord && x.Upper(s)
}

// firstAt returns the index of the first token starting at byte n of the folded text
// or after it, len(x.toks) if none does.
func (x *tokens) firstAt(n int32) int {
	lo, hi := 0, len(x.Toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.Toks[m].S < n {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// genreTally is what genreToken counts over the text for Genre.
type genreTally struct {
	act    int  // act lines: "ARRÊTE :", "DÉCIDE" alone on their line (2 each)
	vu     int  // lines starting with "Vu" or "Considérant"
	speech int  // reported speech
	ages   int  // people given with their age
	press  int  // press-release furniture after the head
	publie bool // "publié" in the head
	byline bool // a byline near the top
	// A party's abbreviation in parentheses after a name ("Jean Martin (PS)"), as
	// newspapers label elected people.
	party int
	// A weekday right after a verb ("a confirmé mardi"), as newspapers date events.
	weekday int
}

// What a token says of the genre, for genreToken.
const (
	gwNone    = iota
	gwQuote   // a closing quotation mark: reported speech may follow
	gwT       // "t" of "a-t-il"
	gwPublie  // "publié" in the head
	gwPar     // "par" of a byline
	gwVisa    // "Vu", "Considérant" starting a line
	gwActLine // "ARRÊTE", "DÉCIDE" alone on its line
	gwPress   // "communiqué", "presse" after the head
	gwParen   // "(" of a party's abbreviation: "Jean Martin (PS)"
	gwWeekday // a weekday: "a confirmé mardi"
)

// genreWords are the tokens genreToken reads, folded (numbers of two or three
// digits, ages, aside).
var genreWords = map[string]uint8{
	"»": gwQuote, "\"": gwQuote, "t": gwT, "publie": gwPublie, "publiee": gwPublie, "par": gwPar,
	"vu": gwVisa, "considerant": gwVisa, "arrete": gwActLine, "arretent": gwActLine, "decide": gwActLine,
	"delibere": gwActLine, "deliberation": gwActLine, "arretons": gwActLine, "communique": gwPress,
	"presse": gwPress, "(": gwParen, "lundi": gwWeekday, "mardi": gwWeekday, "mercredi": gwWeekday,
	"jeudi": gwWeekday, "vendredi": gwWeekday, "samedi": gwWeekday, "dimanche": gwWeekday,
}

// notBareWeekday are the words before a weekday that make it a date or a habit ("ce
// lundi", "chaque mardi", "le jeudi 5 mai"), not a newspaper's bare day of the event.
var notBareWeekday = map[string]bool{
	"ce": true, "le": true, "du": true, "au": true, "chaque": true, "les": true, "tous": true, "un": true,
	"et": true, "ou": true, "de": true, "a": true, "des": true, "depuis": true,
	"jusqu": true, "partir": true, "par": true, "entre": true, "prochain": true, "dernier": true,
}

// partyAbbrevs are the abbreviations of political parties and labels newspapers
// put after an elected person's name, folded.
var partyAbbrevs = map[string]bool{
	"ps": true, "lr": true, "rn": true, "udi": true, "modem": true, "eelv": true, "pcf": true, "lfi": true,
	"dvd": true, "dvg": true, "ump": true, "lrem": true, "prg": true, "npa": true, "fn": true, "dlf": true,
	"ps-npes": true, "ecolo": true,
}

// genreWordMask has bit n of [c] set when a token genreToken looks at can start with
// byte c and have n bytes (n <= 12), genreWordLast when it can end with byte c: the
// words of genreWords, and numbers of two or three digits (ages).
var genreWordMask, genreWordLast = func() (m, l [256]uint16) {
	for w := range genreWords {
		m[w[0]] |= 1 << len(w)
		l[w[len(w)-1]] |= 1 << len(w)
	}
	for c := '0'; c <= '9'; c++ {
		m[c] |= 1<<2 | 1<<3
		l[c] |= 1<<2 | 1<<3
	}
	return m, l
}()

// maybeGenreWord reports whether token tk passes genreWordMask and genreWordLast.
func (x *tokens) maybeGenreWord(tk *token) bool {
	n := uint32(tk.E - tk.S)
	return n <= 12 && genreWordMask[x.F[tk.S]]>>n&1 != 0 && genreWordLast[x.F[tk.E-1]]>>n&1 != 0
}

// genreHeadMask is genreWordMask and genreCues.mask together, for the head.
var genreHeadMask = func() (m [256]uint64) {
	for c := range m {
		m[c] = genreCues.mask[c] | uint64(genreWordMask[c])
	}
	return m
}()

// genreHeadToken is genreToken and the cue phrases starting at token i of the head.
func (x *tokens) genreHeadToken(i, headEnd int, cues *[nCues]int, g *genreTally) {
	n, c := uint32(x.Toks[i].E-x.Toks[i].S), x.F[x.Toks[i].S]
	if genreCues.maybe(x, &x.Toks[i]) {
		genreCues.countAt(x, i, cues)
	}
	if n <= 12 && genreWordMask[c]>>n&1 != 0 && x.maybeGenreWord(&x.Toks[i]) {
		x.genreToken(i, headEnd, g)
	}
}

// genreToken counts in g what token i adds to the genre's evidence; headEnd ends
// the head.
func (x *tokens) genreToken(i, headEnd int, g *genreTally) {
	tk := x.Toks[i]
	if tk.Kind == tokNum {
		if x.ageAt(i) {
			g.ages++
		}
		return
	}
	w := x.Str(i)
	kind := genreWords[w]
	switch kind {
	case gwNone:
		return
	case gwQuote:
		g.speech += x.speechAfter(i + 1)
		return
	case gwT:
		if x.IsPunct(i-1, "-") && x.IsPunct(i+1, "-") && (x.IsWord(i+2, "il") || x.IsWord(i+2, "elle")) {
			g.speech++ // "a-t-il indiqué", "explique-t-elle"
		}
		return
	case gwWeekday:
		// "a confirmé mardi son implantation", "signés lundi.": the day of the event
		// right after the verb, as newspapers write it.
		if p := i - 1; x.Kind(p) == tokWord && !x.Upper(p) && !notBareWeekday[x.Str(p)] && x.Kind(i+1) != tokNum &&
			len(x.Str(p)) >= 4 && !x.Upper(i) {
			g.weekday++
		}
		return
	case gwParen:
		if x.Kind(i+1) == tokWord && x.IsPunct(i+2, ")") && partyAbbrevs[x.Str(i+1)] && x.AllCaps(i+1) &&
			x.Kind(i-1) == tokWord && x.Upper(i-1) {
			g.party++
		}
		return
	}
	if i >= headEnd {
		// Press-release furniture also sits at the end ("Contact presse").
		if kind == gwPress {
			x.pressCue(i, &g.press)
		}
		return
	}
	switch kind {
	case gwPublie:
		g.publie = true
	case gwPar:
		if !g.byline && tk.S < headLen && x.bylineAt(i) {
			g.byline = true
		}
	}
	if !(i == 0 || tk.Gap >= gapLine) {
		return
	}
	switch kind {
	case gwVisa:
		g.vu++
	case gwActLine:
		if i+1 == len(x.Toks) || x.Toks[i+1].Gap >= gapLine || x.IsPunct(i+1, ":") {
			g.act += 2
		}
	}
}

// ageAt reports whether number i gives a person's age between commas or in
// parentheses, as newspapers write them: "Kévin, 23 ans, a fait la route", "le
// directeur, 52 ans," "Marie Dupont (41 ans)".
func (x *tokens) ageAt(i int) bool {
	if i < 1 || i+2 >= len(x.Toks) || x.Toks[i].Kind != tokNum || !x.IsWord(i+1, "ans") {
		return false
	}
	if a := x.Num(i); a < 12 || a > 110 || len(x.Str(i)) > 3 {
		return false
	}
	switch {
	case x.IsPunct(i-1, ",") && (x.IsPunct(i+2, ",") || x.IsPunct(i+2, ".") || x.IsPunct(i+2, ")")):
		return true
	case x.IsPunct(i-1, "(") && x.IsPunct(i+2, ")"):
		return true
	}
	return false
}

// closingName reports whether the last line of the text is a person's name alone,
// as a journalist signs an article: two or three capitalised words, the first a
// given name ("Thomas Grenier", "Anne-Sophie Leroy").
func (x *tokens) closingName() bool {
	end := len(x.Toks)
	start := end - 1
	for start > 0 && x.Toks[start].Gap < gapLine {
		start--
	}
	if start < 0 || end-start > 7 || start == 0 {
		return false
	}
	words := 0
	for k := start; k < end; k++ {
		switch {
		case x.Kind(k) == tokWord && x.Upper(k):
			words++
		case x.IsPunct(k, "-") && x.Glued(k) && x.Glued(k+1):
		default:
			return false
		}
	}
	if words < 2 || words > 4 {
		return false
	}
	return names.IsGiven(x.Str(start))
}

// pressCue counts "communiqué" and "contact(s) presse", "service de presse"… at
// token i.
func (x *tokens) pressCue(i int, n *int) {
	switch x.Str(i) {
	case "communique":
		*n++
	case "presse":
		p := x.PrevWord(i)
		if x.IsWord(p, "de") {
			p = x.PrevWord(p)
		}
		switch x.Str(p) {
		case "contact", "contacts", "relations", "service", "attache", "attachee", "dossier", "information", "invitation":
			*n++
		}
	}
}

// speechAfter reports (1 or 0) whether the tokens from i, right after a closing
// quotation mark, introduce reported speech: "», déclare", "» a indiqué", "», se
// félicite", "», s'inquiète".
func (x *tokens) speechAfter(i int) int {
	if x.IsPunct(i, ",") {
		i++
	}
	switch x.Str(i) {
	case "a", "ont", "se", "s":
		i++
		if x.IsPunct(i, "'") {
			i++
		}
	}
	if x.Kind(i) == tokWord && speechVerbs[x.Str(i)] {
		return 1
	}
	return 0
}

// bylineAt reports whether the "par" at token i, near the top, credits an author:
// "Par Mathilde Lefort", "Publié le 18 mars 2024 par Karim Ouali", "… – Par Éric
// Dufresne".
func (x *tokens) bylineAt(i int) bool {
	if i+2 >= len(x.Toks) || !x.IsWord(i, "par") {
		return false
	}
	lineStart := i == 0 || x.Toks[i].Gap >= gapLine
	afterMark := x.Kind(i-1) == tokNum || x.Kind(i-1) == tokPunct && strings.Contains("|–—-", x.Str(i-1))
	if !lineStart && !afterMark {
		return false
	}
	// Two or three capitalised words, then the end of the line or a separator.
	k := i + 1
	names := 0
	for k < len(x.Toks) && x.Toks[k].Gap < gapLine && x.Kind(k) == tokWord && x.Upper(k) {
		names++
		k++
		for x.IsPunct(k, "-") && x.Glued(k) && x.Kind(k+1) == tokWord {
			k += 2
		}
	}
	if names < 2 || names > 3 {
		return false
	}
	return k >= len(x.Toks) || x.Toks[k].Gap >= gapLine || x.Kind(k) == tokPunct && strings.Contains("|–—-,", x.Str(k))
}

// A phraseSet matches multi-word phrases on tokens, ignoring hyphens and
// apostrophes between words ("procès-verbal" = "procès verbal", "l'aide" = "l aide").
// A bit set of first bytes and lengths spares most words any comparison; the others
// are compared with the first words of their first byte and length (one or two).
type phraseSet struct {
	mask [256]uint64 // bit n of mask[c]: some first word starts with c and has length n
	last [256]uint64 // bit n of last[c]: some first word ends with c and has length n
	// The first words starting with byte c and of length n are words[lo:hi] of
	// groups[g], g being group[c] plus the number of lengths below n in mask[c].
	group  [256]uint8
	groups [][2]uint8
	words  []firstWord
}

// firstWord is the first word of phrases, with them.
type firstWord struct {
	w    string
	list []phrase
}

type phrase struct {
	rest []string
	cat  int
	// heading: the phrase (marked "^" or "@" in its list) counts twice when it starts
	// a line (acts' headings "RECUEIL DES ACTES", "EXTRAIT DU REGISTRE"); headingOnly
	// (marked "@"): and not elsewhere.
	heading, headingOnly bool
}

func newPhraseSet(m map[int][]string) *phraseSet {
	first := map[string][]phrase{}
	for cat, list := range m {
		for _, p := range list {
			heading, only := strings.HasPrefix(p, "^"), strings.HasPrefix(p, "@")
			words := strings.Fields(strings.TrimLeft(p, "^@"))
			w := words[0]
			if len(w) >= 64 {
				panic("phraseSet: first word too long: " + w)
			}
			first[w] = append(first[w], phrase{rest: words[1:], cat: cat, heading: heading || only, headingOnly: only})
		}
	}
	ps := &phraseSet{}
	for w, list := range first {
		ps.words = append(ps.words, firstWord{w, list})
		ps.mask[w[0]] |= 1 << len(w)
		ps.last[w[len(w)-1]] |= 1 << len(w)
	}
	// By first byte, then length, then word (for a fixed order).
	slices.SortFunc(ps.words, func(a, b firstWord) int {
		if a.w[0] != b.w[0] {
			return int(a.w[0]) - int(b.w[0])
		}
		if len(a.w) != len(b.w) {
			return len(a.w) - len(b.w)
		}
		return strings.Compare(a.w, b.w)
	})
	if len(ps.words) > 255 {
		panic("phraseSet: too many first words")
	}
	for lo := 0; lo < len(ps.words); {
		hi := lo + 1
		for hi < len(ps.words) && ps.words[hi].w[0] == ps.words[lo].w[0] && len(ps.words[hi].w) == len(ps.words[lo].w) {
			hi++
		}
		if lo == 0 || ps.words[lo-1].w[0] != ps.words[lo].w[0] {
			ps.group[ps.words[lo].w[0]] = uint8(len(ps.groups))
		}
		ps.groups = append(ps.groups, [2]uint8{uint8(lo), uint8(hi)})
		lo = hi
	}
	return ps
}

// count adds to n[cat] the phrases of category cat matched at tokens in [from, to).
func (ps *phraseSet) count(x *tokens, from, to int, n *[nCues]int) {
	toks := x.Toks[:to]
	for i := from; i < len(toks); i++ {
		if ps.maybe(x, &toks[i]) {
			ps.countAt(x, i, n)
		}
	}
}

// maybe reports whether a first word can be token tk: one of its length starts with
// its first byte and ends with its last. No first word starts with a byte of
// punctuation: the masks leave them out.
func (ps *phraseSet) maybe(x *tokens, tk *token) bool {
	l := uint32(tk.E - tk.S)
	return l < 64 && ps.mask[x.F[tk.S]]>>l&1 != 0 && ps.last[x.F[tk.E-1]]>>l&1 != 0
}

// countAt is count at token i, whose first byte and length are in ps.mask.
func (ps *phraseSet) countAt(x *tokens, i int, n *[nCues]int) {
	w := x.F[x.Toks[i].S:x.Toks[i].E]
	g := ps.groups[int(ps.group[w[0]])+bits.OnesCount64(ps.mask[w[0]]&(1<<len(w)-1))]
	for _, fw := range ps.words[g[0]:g[1]] {
		if fw.w != w {
			continue
		}
	next:
		for _, p := range fw.list {
			k := i + 1
			for _, w := range p.rest {
				for x.IsPunct(k, "-") || x.IsPunct(k, "'") {
					k++
				}
				if x.Str(k) != w || x.Toks[k].Gap >= gapPara {
					continue next
				}
				k++
			}
			atStart := i == 0 || x.Toks[i].Gap >= gapLine
			switch {
			case p.heading && atStart:
				n[p.cat] += 2
			case !p.headingOnly:
				n[p.cat]++
			}
		}
		return
	}
}

// pubScanner reads publication dates with the date scanner.
type pubScanner struct{ dates.Scanner }
