package extract

import (
	"strings"

	"terril/corpus"
	"terril/extract/dates"
	"terril/extract/lex"
	"terril/extract/text"
)

// actWord is what a folded word says of an act: its kind, and whether it is an
// abbreviation of a register's numbering, an act only in capitals before "n°" ("DE
// N°1", "DD N° 22/18"), where it is also a French word or a common acronym.
type actWord struct {
	kind   string
	abbrev bool
}

// actWords are the words that name acts, folded.
var actWords = map[string]actWord{
	"deliberation": {kind: corpus.RefDeliberation}, "deliberations": {kind: corpus.RefDeliberation},
	"delib": {kind: corpus.RefDeliberation}, "dcm": {kind: corpus.RefDeliberation}, "dcc": {kind: corpus.RefDeliberation},
	"arrete": {kind: corpus.RefArrete}, "arretes": {kind: corpus.RefArrete},
	"decision": {kind: corpus.RefDecision}, "decisions": {kind: corpus.RefDecision},
	// Registers' abbreviations: délibération (DE, DEL), décision du directeur (DD),
	// décision du président (DP).
	"de": {corpus.RefDeliberation, true}, "del": {corpus.RefDeliberation, true},
	"dd": {corpus.RefDecision, true}, "dp": {corpus.RefDecision, true},
}

// actKind returns the kind of act a folded word names, or "" (abbreviations
// included, which only actAt reads in their context).
func actKind(w string) string {
	if !maybeActWord(w) {
		return ""
	}
	if a, ok := actWords[w]; ok && !a.abbrev {
		return a.kind
	}
	return ""
}

// actWordMask has bit n of [c] set when a word of actWords starts with byte c and
// has n bytes (n < 16), actWordLast when one ends with byte c and has n bytes: most
// tokens are skipped on them ("des" on the second).
var actWordMask, actWordLast = func() (m, l [256]uint16) {
	for w := range actWords {
		m[w[0]] |= 1 << len(w)
		l[w[len(w)-1]] |= 1 << len(w)
	}
	return m, l
}()

// maybeActWord reports whether the folded word w passes both masks.
func maybeActWord(w string) bool {
	n := len(w)
	return n > 0 && n < 16 && actWordMask[w[0]]>>n&1 != 0 && actWordLast[w[n-1]]>>n&1 != 0
}

// actAt returns the kind of act word i names in its context, or "": an
// abbreviation counts in capitals before a number mark.
func (x *refScanner) actAt(i int) string {
	a, ok := actWords[x.Str(i)]
	if !ok {
		return ""
	}
	if a.abbrev {
		if _, mark := x.NumberMark(i + 1); !mark || !x.AllCaps(i) {
			return ""
		}
	}
	return a.kind
}

// References returns the acts (délibérations, arrêtés, décisions) t cites or contains
// with their number, and their date when the text gives it right after the number
// ("n°20161396 du 13 octobre 2016"): one per number, in text order. Laws, decrees,
// récépissés and acts cited without a number are left out. Numbers written before
// their act, as sommaires and lists give them, count too (see numberFirst).
func References(t *Text) []corpus.Reference {
	return referencesOf(newTokens(t))
}

func referencesOf(tk tokens) []corpus.Reference {
	x := refScanner{Scanner: dates.Scanner{Tokens: tk.Tokens}}
	toks, f := tk.Toks, tk.F
	// Most tokens start nothing: bit sets of first bytes and lengths skip them, in a
	// loop without calls.
	for i := 0; i < len(toks); i++ {
		tk := &toks[i]
		n := uint32(tk.E - tk.S)
		switch tk.Kind {
		case tokWord:
			if n > 15 || refWordMask[f[tk.S]]>>n&1 == 0 || refWordLast[f[tk.E-1]]>>n&1 == 0 {
				continue
			}
			// "D", "R" before a number; "N" of "N°" starting a line; "DE" before
			// "N°" (see tokenAt), not "de".
			if n == 1 && (i+1 == len(toks) || toks[i+1].Kind != tokNum) && (f[tk.S] != 'n' || tk.Gap < gapLine && i > 0) ||
				n == 2 && f[tk.S] == 'd' && (i+1 == len(toks) || f[toks[i+1].S] != 'n') {
				continue
			}
		case tokNum:
			// Within a line, only a prefecture's identifier is read before its act:
			// its first part (département or year) has at most four digits, glued to
			// a hyphen or to the letter of "2A-".
			if tk.Gap < gapLine && i > 0 && (n > 4 || i+1 == len(toks) || toks[i+1].Gap != gapNone ||
				f[toks[i+1].S] != '-' && toks[i+1].Kind != tokWord) {
				continue
			}
		default:
			continue
		}
		if n := x.tokenAt(i); n > 0 {
			i += n - 1
		}
	}
	x.settleRows()
	return x.res
}

// refWordMask and refWordLast are actWordMask and actWordLast with the words
// numberFirst starts at: "D" and "R" before a number, a number mark starting a line.
var refWordMask, refWordLast = func() (m, l [256]uint16) {
	m, l = actWordMask, actWordLast
	for _, w := range append([]string{"d", "r"}, text.NumberMarkWords...) {
		m[w[0]] |= 1 << len(w)
		l[w[len(w)-1]] |= 1 << len(w)
	}
	return m, l
}()

// tokenAt reads the references starting at token i, a number or a word of
// refWordMask, and returns the tokens they take, 0 if none.
func (x *refScanner) tokenAt(i int) int {
	lineStart := i == 0 || x.Toks[i].Gap >= gapLine
	if x.Toks[i].Kind == tokNum {
		return x.numberFirst(i, lineStart)
	}
	n, c := x.Toks[i].E-x.Toks[i].S, x.F[x.Toks[i].S]
	if n == 1 && (c == 'd' || c == 'r') && x.Kind(i+1) == tokNum || lineStart && c == 'n' {
		// "D87/13", "R06-2025-04-07-00003"; "N° 2019-045 : Budget" starting a line
		// of a list.
		if k := x.numberFirst(i, lineStart); k > 0 {
			return k
		}
	}
	w := x.Str(i)
	if !maybeActWord(w) {
		return 0
	}
	// Two-letter act words are abbreviations, read before a number mark only
	// ("DE N°1"): a look at the next token spares every "de" the table.
	if n == 2 && (i+1 == len(x.Toks) || x.F[x.Toks[i+1].S] != 'n') {
		return 0
	}
	kind := x.actAt(i)
	if kind == "" {
		return 0
	}
	if kind == corpus.RefDeliberation {
		x.deliberations = true
	}
	return x.act(i, kind)
}

type refScanner struct {
	dates.Scanner
	res  []corpus.Reference
	seen map[string]int // lower-case number → index in res
	// rows are the indices in res of numbers heading the lines of a list without an
	// act word ("2019-12-01 : PLAN LOCAL D'URBANISME"), kept only in a text that
	// speaks of délibérations (settleRows).
	rows          []int
	deliberations bool
}

// act parses the references introduced by the act word at token i: qualifiers
// ("préfectoral", "du conseil municipal"), a number with or without "n°", a date, and
// further numbers coordinated with the first ("et n°20161857 du 13 et 14 décembre 2016").
func (x *refScanner) act(i int, kind string) int {
	j := i + 1
	if x.IsPunct(j, ".") && x.Glued(j) {
		j++ // "délib."
	}
	date := ""
	found := false
	for skipped := 0; j < len(x.Toks) && skipped < 12; skipped++ {
		if x.Toks[j].Gap == gapPara {
			break
		}
		if k, ok := x.NumberMark(j); ok {
			end, ok := x.refNumber(k, i, kind, &date)
			if !ok {
				break
			}
			found = true
			j = end
			// Coordinated numbers: "et n°…", ", n°…".
			for {
				c := j
				if x.IsPunct(c, ",") || x.IsWord(c, "et") || x.IsWord(c, "ou") {
					c++
				} else {
					break
				}
				if x.IsWord(c, "la") || x.IsWord(c, "le") || x.IsWord(c, "l") {
					break
				}
				k, ok := x.NumberMark(c)
				if !ok {
					break
				}
				d := ""
				end, ok := x.refNumber(k, c, kind, &d)
				if !ok {
					break
				}
				j = end
			}
			break
		}
		// A date before the number: "délibération du 12 mars 2019 n° 2019-12".
		if d, end, ok := x.dateAfter(j); ok {
			date = d
			j = end
			continue
		}
		// A number written without "n°": "arrêté préfectoral DDTM/SEBIO/2025-96",
		// "décision ARS 2017-131"; on the act's line (a heading "Délibérations" and
		// the numbered items of its list are not an act and its number).
		if x.Alnum(j) && !(x.Glued(j) && x.Alnum(j-1)) && x.Toks[j].Gap < gapLine {
			if p := x.codesBeforeNumber(j); p > j {
				if c := x.Compound(p); x.identifier(p, c) {
					if end, ok := x.refNumber(j, i, kind, &date); ok {
						found = true
						j = end
					}
					break
				}
			}
			if c := x.Compound(j); x.identifier(j, c) {
				end, ok := x.refNumber(j, i, kind, &date)
				if ok {
					found = true
					j = end
				}
				break
			}
		}
		// A number after the title of a sommaire's item: "Décision du 9 octobre 2006
		// portant délégation de signature - N°SIT 2B 2006-282-13".
		if x.spacedDash(j) {
			if _, ok := x.NumberMark(j + 1); ok {
				j++
				continue
			}
		}
		if x.Kind(j) != tokWord || x.Toks[j].Gap > gapLine {
			break
		}
		if actKind(x.Str(j)) != "" || x.IsWord(j, "article") {
			break // "ARRÊTE\nArticle 1er"
		}
		j++
		// A hyphenated qualifier or an elided article: "inter-préfectoral", "du
		// conseil d'administration de l'EPF Hauts-de-France".
		for (x.IsPunct(j, "-") || x.IsPunct(j, "'") || x.IsPunct(j, "’")) && x.Glued(j) && x.Glued(j+1) && x.Kind(j+1) == tokWord {
			j += 2
		}
	}
	if !found {
		return 0
	}
	return j - i
}

// identifier reports whether tokens [j, c) look like an act number: they contain a
// digit and are not a lone year or a small count.
func (x *refScanner) identifier(j, c int) bool {
	hasDigit := false
	for k := j; k < c; k++ {
		if x.Kind(k) == tokNum {
			hasDigit = true
		}
	}
	if !hasDigit {
		return false
	}
	if c-j == 1 {
		s := x.Str(j)
		return x.Kind(j) == tokNum && len(s) >= 5
	}
	// A number glued to a word in lower case is a PDF's lost space ("2008susvisé",
	// "30juin"), and "1er" an ordinal, not a number.
	for k := j; k+1 < c; k++ {
		if x.Kind(k) == tokNum && x.Kind(k+1) == tokWord && x.Glued(k+1) && (text.IsOrdinal(x.Str(k+1)) || len(x.Str(k+1)) >= 3 && !x.Upper(k+1)) {
			return false
		}
	}
	// A date is not a number: "07/07/2023".
	if x.Kind(j) == tokNum {
		ds := dates.Scanner{Tokens: x.Tokens}
		if ds.NumericDate(j, c) > 0 {
			return false
		}
	}
	return true
}

// refNumber reads the act number starting at token k, then an optional date, records
// the reference (its span starting at token from) and returns the index after it.
func (x *refScanner) refNumber(k, from int, kind string, date *string) (int, bool) {
	if k >= len(x.Toks) || !x.Alnum(k) || x.Toks[k].Gap > gapLine {
		return k, false
	}
	c := x.Compound(x.codesBefore(k))
	// Slashes spaced by the PDF's layout: "n°2025/ 53 /MCI", "2025/12/ MCI".
	spaced := false
	for c+1 < len(x.Toks) && x.IsPunct(c, "/") && x.Toks[c].Gap <= gapSpace && x.Toks[c+1].Gap <= gapSpace && x.Alnum(c+1) &&
		(x.Toks[c].Gap == gapSpace || x.Toks[c+1].Gap == gapSpace) {
		c = x.Compound(c + 1)
		spaced = true
	}
	hasDigit := false
	for p := k; p < c; p++ {
		if x.Kind(p) == tokNum {
			hasDigit = true
		}
	}
	if !hasDigit {
		return k, false
	}
	if !spaced {
		c = x.codeAfter(c)
	}
	s, e := x.Span(k, c)
	number := x.T.S[s:e]
	if spaced {
		number = strings.Join(strings.Fields(number), "")
	}
	end := c
	if d, after, ok := x.dateAfter(skipComma(x, c)); ok {
		*date = d
		end = after
	}
	key := strings.ToLower(number)
	if k, ok := x.seen[key]; ok {
		if x.res[k].Date == "" {
			x.res[k].Date = *date
		}
		return end, true
	}
	if x.seen == nil {
		x.seen = map[string]int{}
	}
	x.seen[key] = len(x.res)
	rs, re := x.Span(from, end)
	x.res = append(x.res, corpus.Reference{Kind: kind, Number: number, Date: *date, Span: corpus.Span{Start: rs, End: re}})
	return end, true
}

// skipComma skips a comma or a colon before a number's date ("n° 22/18 : le 19 juin
// 2018").
func skipComma(x *refScanner, k int) int {
	if x.IsPunct(k, ",") || x.IsPunct(k, ":") {
		return k + 1
	}
	return k
}

// dateAfter reads "du <date>", "le <date>", "en date (du) <date>" at token k and returns
// the date at the precision the text gives (a session of several days gives its month:
// "du 13 et 14 décembre 2016" → "2016-12") and the index after it.
func (x *refScanner) dateAfter(k int) (string, int, bool) {
	switch {
	case x.IsWord(k, "du") || x.IsWord(k, "le"):
		k++
	case x.IsWord(k, "en") && x.IsWord(k+1, "date") && (x.IsWord(k+2, "du") || x.IsWord(k+2, "de")):
		k += 3
	case x.IsWord(k, "en") && x.IsWord(k+1, "date") && x.Kind(k+2) == tokNum:
		k += 2 // "en date 9 novembre 2006"
	default:
		return "", k, false
	}
	x.Out = x.Out[:0]
	var n int
	if x.Kind(k) == tokNum {
		if c := x.Compound(k); c-k > 1 && !(c-k == 2 && text.IsOrdinal(x.Str(k+1))) {
			n = x.NumericDate(k, c)
		} else {
			n = x.DayList(k)
		}
	}
	if n <= 0 || len(x.Out) == 0 {
		return "", k, false
	}
	v := x.Out[0].V
	if x.Out[0].NoYear {
		v.Y = 0
	}
	for _, o := range x.Out[1:] {
		if o.V.Y != v.Y || o.V.M != v.M {
			v.M, v.D = 0, 0
		}
		if o.V.D != v.D {
			v.D = 0
		}
	}
	return v.ISO(), k + n, true
}

// spacedDash reports whether token j is a dash with a space on either side, as
// between the parts of a sommaire's item (" - ", " – ").
func (x *refScanner) spacedDash(j int) bool {
	if !(x.IsPunct(j, "-") || x.IsPunct(j, "–") || x.IsPunct(j, "—")) {
		return false
	}
	return x.Toks[j].Gap != gapNone || j+1 < len(x.Toks) && x.Toks[j+1].Gap != gapNone
}

// codeStop are the words in capitals that are no service's code around a number.
var codeStop = map[string]bool{
	"du": true, "de": true, "des": true, "la": true, "le": true, "les": true, "au": true, "aux": true,
	"en": true, "et": true, "ou": true, "no": true, "nos": true, "par": true, "pour": true, "sur": true,
	"un": true, "une": true, "ce": true, "bis": true, "ter": true,
}

// serviceCode reports whether the compound [p, c) is a service's code written with a
// number: words in capitals of two to eight letters, possibly joined by "/" ("SIDPC",
// "SG/API", "ARS"), not a preposition, a month or (above four letters) a French word.
func (x *refScanner) serviceCode(p, c int) bool {
	for q := p; q < c; q++ {
		switch x.Kind(q) {
		case tokWord:
			if !x.AllCaps(q) || x.Toks[q].E-x.Toks[q].S > 8 {
				return false
			}
		case tokPunct:
			if !x.IsPunct(q, "/") {
				return false
			}
		default:
			return false
		}
	}
	w := x.Str(p)
	return !codeStop[w] && lex.Months.Value(w) == 0 && (len(w) <= 4 || !frenchWords().Has(w))
}

// shortCode reports whether the compound [p, c) is a short code of letters and
// digits, as a département's ("2B", "2A") inside a number ("SIT 2B 2006-282-13").
func (x *refScanner) shortCode(p, c int) bool {
	if c-p != 2 || x.Toks[c-1].E-x.Toks[p].S > 3 {
		return false
	}
	return x.Kind(p) != x.Kind(p+1) && x.Alnum(p) && x.Alnum(p+1)
}

// codesBefore returns the token after the codes written before a number on its line
// ("ARS 2017-131", "CR 08-16", "SIT 2B 2006-282-13"), k if there are none or no
// number follows them.
func (x *refScanner) codesBefore(k int) int {
	p := k
	for n := 0; n < 3; n++ {
		c := x.Compound(p)
		if c >= len(x.Toks) || x.Toks[c].Gap != gapSpace || !x.Alnum(c) {
			break
		}
		if !x.serviceCode(p, c) && !x.shortCode(p, c) {
			break
		}
		p = c
	}
	if p == k {
		return k
	}
	for q, c := p, x.Compound(p); q < c; q++ {
		if x.Kind(q) == tokNum {
			return p
		}
	}
	return k
}

// codesBeforeNumber is codesBefore where a number or a code of letters and digits
// follows token j on its line ("ARS 2017-131", "SIT 2B …"), j elsewhere: a cheap
// look spares most qualifiers the test of their capitals.
func (x *refScanner) codesBeforeNumber(j int) int {
	c := x.Compound(j)
	if c+1 >= len(x.Toks) || x.Toks[c].Gap != gapSpace || x.Kind(c) != tokNum && x.Kind(c+1) != tokNum {
		return j
	}
	return x.codesBefore(j)
}

// codeAfter returns the end of a service's code written after the number ending at
// c ("2009-651 SIDPC du 4 mai 2009", "19-DIR-057– DDCSPP", "2009-685 SG/API"), or c.
// A capitalised word after the code, but a preposition, makes it the start of a
// title instead.
func (x *refScanner) codeAfter(c int) int {
	k := c
	if (x.IsPunct(k, "–") || x.IsPunct(k, "-")) && x.Glued(k) {
		k++
	}
	if k >= len(x.Toks) || x.Toks[k].Gap != gapSpace {
		return c
	}
	e := x.Compound(k)
	if !x.serviceCode(k, e) {
		return c
	}
	if e < len(x.Toks) && x.Toks[e].Gap < gapLine && x.Kind(e) == tokWord && x.Upper(e) && !codeStop[x.Str(e)] {
		return c
	}
	return e
}

// numPart is one part of a compound number between its separators.
type numPart struct {
	digits bool // digits only
	digit  bool // some digit
	len    int  // bytes
	n      int  // value, when digits
}

// numParts splits the compound [i, c) at its separators into parts (at most len(parts);
// more give len(parts)+1) and the separators' first bytes.
func (x *refScanner) numParts(i, c int, parts *[6]numPart, seps *[6]byte) int {
	n := 0
	for q := i; q < c; {
		if n == len(parts) {
			return n + 1
		}
		p := numPart{digits: true}
		for ; q < c && x.Alnum(q); q++ {
			p.len += int(x.Toks[q].E - x.Toks[q].S)
			if x.Kind(q) == tokNum {
				p.digit = true
				p.n = x.Num(q)
			} else {
				p.digits = false
			}
		}
		parts[n] = p
		if q < c {
			seps[n] = x.F[x.Toks[q].S]
			q++
		}
		n++
	}
	return n
}

// Layouts of act numbers written without their act word before them.
const (
	shapeNone = iota
	// A prefecture's act identifier in its recueil: [département-]YYYY-MM-DD-NNN
	// ("81-2025-04-24-00001", "2A-2017-05-02-002", "R06-2025-04-07-00003",
	// "2024-12-19-00004").
	shapeRAA
	// A register's number with its year: "2019-045", "2019-12-01", "045/2019".
	shapeYear
)

func yearPart(p numPart) bool { return p.digits && p.len == 4 && p.n >= 1990 && p.n <= 2099 }

// numberShape returns the layout of the compound [i, c).
func (x *refScanner) numberShape(i, c int) int {
	var parts [6]numPart
	var seps [6]byte
	n := x.numParts(i, c, &parts, &seps)
	if off := n - 4; n <= len(parts) && (off == 0 || off == 1) {
		ok := off == 0 || parts[0].digit && parts[0].len >= 2 && parts[0].len <= 3
		for k := 0; k < n-1; k++ {
			ok = ok && seps[k] == '-'
		}
		y, m, d, s := parts[off], parts[off+1], parts[off+2], parts[off+3]
		if ok && yearPart(y) && m.digits && m.len == 2 && m.n >= 1 && m.n <= 12 && d.digits && d.len == 2 &&
			d.n >= 1 && d.n <= 31 && s.digits && s.len >= 3 && s.len <= 5 {
			return shapeRAA
		}
	}
	if n < 2 || n > 3 {
		return shapeNone
	}
	years := 0
	for k := 0; k < n; k++ {
		if !parts[k].digits || parts[k].len > 4 {
			return shapeNone
		}
		if yearPart(parts[k]) {
			years++
		}
	}
	for k := 0; k < n-1; k++ {
		switch seps[k] {
		case '-', '/', '.', '_':
		default:
			return shapeNone
		}
	}
	// Not a season either: "2024/25", "2024-2025" (two years).
	season := n == 2 && yearPart(parts[0]) && parts[1].len == 2 && parts[1].n == (parts[0].n+1)%100
	if years == 1 && !season && !dateParts(parts[:n]) {
		return shapeYear
	}
	return shapeNone
}

// dateParts reports whether parts are a date with its year last ("12/03/2020",
// "03/2020"). A date with its year first is also how registers number the acts of
// a year ("2019-12-01" for the first act of December 2019).
func dateParts(p []numPart) bool {
	n := len(p)
	if n < 2 || n > 3 || !yearPart(p[n-1]) {
		return false
	}
	m := p[n-2]
	if !m.digits || m.len > 2 || m.n < 1 || m.n > 12 {
		return false
	}
	return n == 2 || p[0].digits && p[0].len <= 2 && p[0].n >= 1 && p[0].n <= 31
}

// dateLike reports whether the compound [k, c) is a date with its year last.
func (x *refScanner) dateLike(k, c int) bool {
	var parts [6]numPart
	var seps [6]byte
	n := x.numParts(k, c, &parts, &seps)
	return n <= len(parts) && dateParts(parts[:n])
}

// pointIndex reports whether the compound [k, c) is the index of a point of an
// agenda or a section, numbers of one or two digits ("2.3", "4-1", "3.1.2"), not an
// act's number: "2.3 – Arrêté des comptes".
func (x *refScanner) pointIndex(k, c int) bool {
	var parts [6]numPart
	var seps [6]byte
	n := x.numParts(k, c, &parts, &seps)
	if n > len(parts) {
		return false
	}
	for _, p := range parts[:n] {
		if !p.digits || p.len > 2 {
			return false
		}
	}
	return true
}

// dNumber reports whether the compound [k, c) after a "D" is a délibération's
// number: a number and its year, of two digits after a slash or of four ("D87/13",
// "D2019-45", "D 45-2019").
func (x *refScanner) dNumber(k, c int) bool {
	var parts [6]numPart
	var seps [6]byte
	if x.numParts(k, c, &parts, &seps) != 2 || !parts[0].digits || !parts[1].digits || parts[0].len > 4 {
		return false
	}
	switch {
	case seps[0] == '/' && parts[1].len == 2:
		return true
	case seps[0] == '/' || seps[0] == '-':
		return yearPart(parts[0]) != yearPart(parts[1])
	}
	return false
}

// numberFirst reads an act number written before its act, or on its own, at token i
// (a number, a "D" or an "R" before one, or a number mark starting a line) and
// returns the tokens it takes, 0 if none:
//   - a prefecture's act identifier (shapeRAA) anywhere, followed by its act:
//     "81-2025-04-24-00001 - Arrêté abrogeant…"; the act's own number is read too
//     ("R06-2025-04-07-00003 - Arrêté n°2025-SG-ARS-0169");
//   - any act number starting a line and followed by its act, as sommaires list them
//     ("2024-12-19-00004 - Arrêté préfectoral portant…", "DDTM/2025-96 – Décision");
//   - a délibération's number after a D ("à partir de D98/13", "D 87/13");
//   - a register's number with its year starting a line of a list, a separator and
//     a capitalised title after it ("2019-12-01 : PLAN LOCAL D'URBANISME", "N°
//     2021-045 – Budget primitif"): a délibération, kept in a text that speaks of
//     délibérations.
func (x *refScanner) numberFirst(i int, lineStart bool) int {
	k, d := i, false
	if x.Kind(i) == tokWord {
		switch c := x.F[x.Toks[i].S]; {
		case x.Toks[i].E-x.Toks[i].S == 1 && (c == 'd' || c == 'r'):
			if x.Kind(i+1) != tokNum || x.Toks[i+1].Gap > gapSpace || !x.Upper(i) {
				return 0
			}
			if c == 'd' {
				k, d = i+1, true
			}
		case lineStart:
			m, ok := x.NumberMark(i)
			if !ok || x.Kind(m) != tokNum || x.Toks[m].Gap > gapSpace {
				return 0
			}
			k = m
		default:
			return 0
		}
	}
	// Inside a compound already read, or glued to a word: not a number's start.
	if x.Glued(i) && (x.Alnum(i-1) || x.Glued(i-1) && x.Alnum(i-2) && x.Kind(i-1) == tokPunct && x.Str(i-1) != "°") {
		return 0
	}
	c := x.Compound(k)
	if d {
		if !x.dNumber(k, c) {
			return 0
		}
		x.addRef(i, c, corpus.RefDeliberation, "")
		return c - i
	}
	shape := x.numberShape(k, c)
	if shape == shapeNone && !(lineStart && x.identifier(k, c) && !x.dateLike(k, c) && !x.pointIndex(k, c)) {
		return 0
	}
	// The act after the number: " - Arrêté …", " : Décision …", on the line or the next.
	j := c
	if x.spacedDash(j) || x.IsPunct(j, ":") || x.IsPunct(j, "|") {
		j++
	}
	if j < len(x.Toks) && x.Toks[j].Gap <= gapLine && x.Kind(j) == tokWord {
		if kind := actKind(x.Str(j)); kind != "" {
			at := x.addRef(i, c, kind, "")
			n := x.act(j, kind)
			if at >= 0 && at+1 < len(x.res) && x.res[at].Date == "" {
				x.res[at].Date = x.res[at+1].Date // the act's own date is the identifier's
			}
			return j + max(n, 1) - i
		}
	}
	if shape == shapeRAA {
		return c - i
	}
	// A title, not a date: "N° 2025-04 – Avril 2025" numbers a recueil's issue.
	if shape == shapeYear && lineStart && j > c && j < len(x.Toks) && x.Toks[j].Gap <= gapSpace && x.Upper(j) &&
		lex.Months.Value(x.Str(j)) <= 0 && !lex.Weekdays.Has(x.Str(j)) {
		if at := x.addRef(i, c, corpus.RefDeliberation, ""); at >= 0 {
			x.rows = append(x.rows, at)
		}
		return c - i
	}
	return 0
}

// addRef records the reference numbered by tokens [k, c) once and returns its index
// in res, -1 if the number was listed already.
func (x *refScanner) addRef(k, c int, kind, date string) int {
	s, e := x.Span(k, c)
	number := x.T.S[s:e]
	key := strings.ToLower(number)
	if _, ok := x.seen[key]; ok {
		return -1
	}
	if x.seen == nil {
		x.seen = map[string]int{}
	}
	x.seen[key] = len(x.res)
	x.res = append(x.res, corpus.Reference{Kind: kind, Number: number, Date: date, Span: corpus.Span{Start: s, End: e}})
	return len(x.res) - 1
}

// settleRows drops the rows numberFirst took without an act word when the text
// never speaks of délibérations: a list of dated items is no register.
func (x *refScanner) settleRows() {
	if x.deliberations || len(x.rows) == 0 {
		return
	}
	res := x.res[:0]
	r := 0
	for k, ref := range x.res {
		if r < len(x.rows) && x.rows[r] == k {
			r++
			continue
		}
		res = append(res, ref)
	}
	x.res = res
}
