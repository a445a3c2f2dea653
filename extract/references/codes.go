package references

import (
	"terril/extract/lex"
	"terril/extract/text"
)

// The codes of services written with an act's number ("2009-651 SIDPC", "ARS
// 2017-131").

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
		case text.Word:
			if !x.AllCaps(q) || x.Toks[q].E-x.Toks[q].S > 8 {
				return false
			}
		case text.Punct:
			if !x.IsPunct(q, "/") {
				return false
			}
		default:
			return false
		}
	}
	w := x.Str(p)
	return !codeStop[w] && lex.Months.Value(w) == 0 && (len(w) <= 4 || !lex.French().Has(w))
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
		if c >= len(x.Toks) || x.Toks[c].Gap != text.GapSpace || !x.Alnum(c) {
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
		if x.Kind(q) == text.Num {
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
	if c+1 >= len(x.Toks) || x.Toks[c].Gap != text.GapSpace || x.Kind(c) != text.Num && x.Kind(c+1) != text.Num {
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
	if k >= len(x.Toks) || x.Toks[k].Gap != text.GapSpace {
		return c
	}
	e := x.Compound(k)
	if !x.serviceCode(k, e) {
		return c
	}
	if e < len(x.Toks) && x.Toks[e].Gap < text.GapLine && x.Kind(e) == text.Word && x.Upper(e) && !codeStop[x.Str(e)] {
		return c
	}
	return e
}
