package references

import (
	"strings"

	"terril/corpus"
	"terril/extract/dates"
	"terril/extract/text"
)

// An act word and what follows it: qualifiers, a number, a date.

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
		if x.Toks[j].Gap == text.GapPara {
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
		if x.Alnum(j) && !(x.Glued(j) && x.Alnum(j-1)) && x.Toks[j].Gap < text.GapLine {
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
		if x.Kind(j) != text.Word || x.Toks[j].Gap > text.GapLine {
			break
		}
		if actKind(x.Str(j)) != "" || x.IsWord(j, "article") {
			break // "ARRÊTE\nArticle 1er"
		}
		j++
		// A hyphenated qualifier or an elided article: "inter-préfectoral", "du
		// conseil d'administration de l'EPF Hauts-de-France".
		for (x.IsPunct(j, "-") || x.IsPunct(j, "'") || x.IsPunct(j, "’")) && x.Glued(j) && x.Glued(j+1) && x.Kind(j+1) == text.Word {
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
		if x.Kind(k) == text.Num {
			hasDigit = true
		}
	}
	if !hasDigit {
		return false
	}
	if c-j == 1 {
		s := x.Str(j)
		return x.Kind(j) == text.Num && len(s) >= 5
	}
	// A number glued to a word in lower case is a PDF's lost space ("2008susvisé",
	// "30juin"), and "1er" an ordinal, not a number.
	for k := j; k+1 < c; k++ {
		if x.Kind(k) == text.Num && x.Kind(k+1) == text.Word && x.Glued(k+1) && (text.IsOrdinal(x.Str(k+1)) || len(x.Str(k+1)) >= 3 && !x.Upper(k+1)) {
			return false
		}
	}
	// A date is not a number: "07/07/2023".
	if x.Kind(j) == text.Num {
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
	if k >= len(x.Toks) || !x.Alnum(k) || x.Toks[k].Gap > text.GapLine {
		return k, false
	}
	c := x.Compound(x.codesBefore(k))
	// Slashes spaced by the PDF's layout: "n°2025/ 53 /MCI", "2025/12/ MCI".
	spaced := false
	for c+1 < len(x.Toks) && x.IsPunct(c, "/") && x.Toks[c].Gap <= text.GapSpace && x.Toks[c+1].Gap <= text.GapSpace && x.Alnum(c+1) &&
		(x.Toks[c].Gap == text.GapSpace || x.Toks[c+1].Gap == text.GapSpace) {
		c = x.Compound(c + 1)
		spaced = true
	}
	hasDigit := false
	for p := k; p < c; p++ {
		if x.Kind(p) == text.Num {
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
	case x.IsWord(k, "en") && x.IsWord(k+1, "date") && x.Kind(k+2) == text.Num:
		k += 2 // "en date 9 novembre 2006"
	default:
		return "", k, false
	}
	x.Out = x.Out[:0]
	var n int
	if x.Kind(k) == text.Num {
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
	return x.Toks[j].Gap != text.GapNone || j+1 < len(x.Toks) && x.Toks[j+1].Gap != text.GapNone
}
