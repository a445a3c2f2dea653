package extract

import (
	"strings"

	"terril/corpus"
)

// actKind returns the kind of act a folded word names, or "".
func actKind(w string) string {
	if len(w) < 3 || w[0] != 'd' && w[0] != 'a' {
		return ""
	}
	switch w {
	case "deliberation", "deliberations", "delib", "dcm", "dcc":
		return corpus.RefDeliberation
	case "arrete", "arretes":
		return corpus.RefArrete
	case "decision", "decisions":
		return corpus.RefDecision
	}
	return ""
}

// actWordMask has bit n of [c] set when a word actKind knows starts with byte c and
// has n bytes.
var actWordMask = func() (m [256]uint16) {
	for _, w := range []string{"deliberation", "deliberations", "delib", "dcm", "dcc", "arrete", "arretes", "decision", "decisions"} {
		m[w[0]] |= 1 << len(w)
	}
	return m
}()

// References returns the acts (délibérations, arrêtés, décisions) t cites or contains
// with their number, and their date when the text gives it right after the number
// ("n°20161396 du 13 octobre 2016"): one per number, in text order. Laws, decrees,
// récépissés and acts cited without a number are left out.
func References(t *Text) []corpus.Reference {
	return referencesOf(newTokens(t))
}

func referencesOf(tk tokens) []corpus.Reference {
	x := refScanner{dateScanner: dateScanner{tokens: tk}}
	toks, f := tk.toks, tk.f
	for i := 0; i < len(toks); i++ {
		// Most tokens are no act word: a bit set of first bytes and lengths skips them.
		if n := uint32(toks[i].e - toks[i].s); n > 15 || actWordMask[f[toks[i].s]]>>n&1 == 0 || toks[i].kind != tokWord {
			continue
		}
		kind := actKind(f[toks[i].s:toks[i].e])
		if kind == "" {
			continue
		}
		if n := x.act(i, kind); n > 0 {
			i += n - 1
		}
	}
	return x.res
}

type refScanner struct {
	dateScanner
	res  []corpus.Reference
	seen map[string]int // lower-case number → index in res
}

// act parses the references introduced by the act word at token i: qualifiers
// ("préfectoral", "du conseil municipal"), a number with or without "n°", a date, and
// further numbers coordinated with the first ("et n°20161857 du 13 et 14 décembre 2016").
func (x *refScanner) act(i int, kind string) int {
	j := i + 1
	if x.isPunct(j, ".") && x.glued(j) {
		j++ // "délib."
	}
	date := ""
	found := false
	for skipped := 0; j < len(x.toks) && skipped < 8; skipped++ {
		if x.toks[j].gap == gapPara {
			break
		}
		if k, ok := x.numberMark(j); ok {
			end, ok := x.refNumber(k, i, kind, &date)
			if !ok {
				break
			}
			found = true
			j = end
			// Coordinated numbers: "et n°…", ", n°…".
			for {
				c := j
				if x.isPunct(c, ",") || x.isWord(c, "et") || x.isWord(c, "ou") {
					c++
				} else {
					break
				}
				if x.isWord(c, "la") || x.isWord(c, "le") || x.isWord(c, "l") {
					break
				}
				k, ok := x.numberMark(c)
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
		// A number written without "n°": "arrêté préfectoral DDTM/SEBIO/2025-96".
		if x.alnum(j) && !(x.glued(j) && x.alnum(j-1)) {
			if c := x.compound(j); x.identifier(j, c) {
				end, ok := x.refNumber(j, i, kind, &date)
				if ok {
					found = true
					j = end
				}
				break
			}
		}
		if x.kind(j) != tokWord || x.toks[j].gap > gapLine {
			break
		}
		if actKind(x.str(j)) != "" || x.isWord(j, "article") {
			break // "ARRÊTE\nArticle 1er"
		}
		j++
	}
	if !found {
		return 0
	}
	return j - i
}

// numberMark reads "n°", "nº", "n °", "no", "numéro", "N°" at token j and returns the
// index after it.
func (x *refScanner) numberMark(j int) (int, bool) {
	switch x.str(j) {
	case "n":
		if x.isPunct(j+1, "°") || x.isPunct(j+1, "º") {
			return j + 2, true
		}
		if x.isWord(j+1, "o") && x.kind(j+2) == tokNum {
			return j + 2, true
		}
	case "nº", "no", "numero", "nos", "n°":
		if x.isPunct(j+1, ".") {
			return j + 2, true
		}
		return j + 1, true
	case "num":
		if x.isPunct(j+1, ".") {
			return j + 2, true
		}
	}
	return j, false
}

// identifier reports whether tokens [j, c) look like an act number: they contain a
// digit and are not a lone year or a small count.
func (x *refScanner) identifier(j, c int) bool {
	hasDigit := false
	for k := j; k < c; k++ {
		if x.kind(k) == tokNum {
			hasDigit = true
		}
	}
	if !hasDigit {
		return false
	}
	if c-j == 1 {
		s := x.str(j)
		return x.kind(j) == tokNum && len(s) >= 5
	}
	// A number glued to a word in lower case is a PDF's lost space ("2008susvisé",
	// "30juin"), and "1er" an ordinal, not a number.
	for k := j; k+1 < c; k++ {
		if x.kind(k) == tokNum && x.kind(k+1) == tokWord && x.glued(k+1) && (isOrdinal(x.str(k+1)) || len(x.str(k+1)) >= 3 && !x.upper(k+1)) {
			return false
		}
	}
	// A date is not a number: "07/07/2023".
	if x.kind(j) == tokNum {
		ds := dateScanner{tokens: x.tokens}
		if ds.numericDate(j, c) > 0 {
			return false
		}
	}
	return true
}

// refNumber reads the act number starting at token k, then an optional date, records
// the reference (its span starting at token from) and returns the index after it.
func (x *refScanner) refNumber(k, from int, kind string, date *string) (int, bool) {
	if k >= len(x.toks) || !x.alnum(k) || x.toks[k].gap > gapLine {
		return k, false
	}
	c := x.compound(k)
	// Slashes spaced by the PDF's layout: "n°2025/ 53 /MCI", "2025/12/ MCI".
	spaced := false
	for c+1 < len(x.toks) && x.isPunct(c, "/") && x.toks[c].gap <= gapSpace && x.toks[c+1].gap <= gapSpace && x.alnum(c+1) &&
		(x.toks[c].gap == gapSpace || x.toks[c+1].gap == gapSpace) {
		c = x.compound(c + 1)
		spaced = true
	}
	hasDigit := false
	for p := k; p < c; p++ {
		if x.kind(p) == tokNum {
			hasDigit = true
		}
	}
	if !hasDigit {
		return k, false
	}
	s, e := x.span(k, c)
	number := x.t.S[s:e]
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
	rs, re := x.span(from, end)
	x.res = append(x.res, corpus.Reference{Kind: kind, Number: number, Date: *date, Span: corpus.Span{Start: rs, End: re}})
	return end, true
}

func skipComma(x *refScanner, k int) int {
	if x.isPunct(k, ",") {
		return k + 1
	}
	return k
}

// dateAfter reads "du <date>", "le <date>", "en date du <date>" at token k and returns
// the date at the precision the text gives (a session of several days gives its month:
// "du 13 et 14 décembre 2016" → "2016-12") and the index after it.
func (x *refScanner) dateAfter(k int) (string, int, bool) {
	switch {
	case x.isWord(k, "du") || x.isWord(k, "le"):
		k++
	case x.isWord(k, "en") && x.isWord(k+1, "date") && (x.isWord(k+2, "du") || x.isWord(k+2, "de")):
		k += 3
	default:
		return "", k, false
	}
	x.out = x.out[:0]
	var n int
	if x.kind(k) == tokNum {
		if c := x.compound(k); c-k > 1 && !(c-k == 2 && isOrdinal(x.str(k+1))) {
			n = x.numericDate(k, c)
		} else {
			n = x.dayList(k)
		}
	}
	if n <= 0 || len(x.out) == 0 {
		return "", k, false
	}
	v := x.out[0].v
	if x.out[0].noYear {
		v.y = 0
	}
	for _, o := range x.out[1:] {
		if o.v.y != v.y || o.v.m != v.m {
			v.m, v.d = 0, 0
		}
		if o.v.d != v.d {
			v.d = 0
		}
	}
	return v.iso(), k + n, true
}
