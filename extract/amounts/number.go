package amounts

import (
	"math"

	"terril/extract/text"
)

// A number and what is written around it: its multiplier and currency, its
// qualifier and approximator.

// parseNumber reads a number at token i: digit groups separated by spaces or dots,
// a decimal comma (or point before other than three digits).
func (x *amountScanner) parseNumber(i int, second bool) (number, bool) {
	if x.Kind(i) != text.Num {
		if x.Kind(i) == text.Word {
			if v, end, _ := x.WordNumber(i); end > i {
				return number{i: i, j: end, value: v, intLen: 1, words: true}, true
			}
		}
		return number{}, false
	}
	if x.Glued(i) && (x.Alnum(i-1) || x.IsPunct(i-1, ",") || x.IsPunct(i-1, ".") || x.IsPunct(i-1, "/") || x.IsPunct(i-1, "-") && !second) {
		return number{}, false
	}
	if x.NumeroBefore(i) {
		return number{}, false
	}
	if x.Kind(i-1) == text.Num && x.Toks[i].Gap == text.GapSpace && len(x.Str(i)) == 3 && (len(x.Str(i-1)) <= 3 || x.NumeroBefore(i-1)) {
		return number{}, false // a digit group of a number not read as one ("n°2019 000")
	}
	n := number{i: i}
	first := x.Str(i)
	if len(first) == 3 && first[0] == '0' {
		return number{}, false // a thousands group cut from its number ("30\n000 euros")
	}
	digits := make([]byte, 0, 24)
	digits = append(digits, first...)
	j := i + 1
	spaced := false
	if len(first) <= 3 {
		// Thousands groups: "78 500", "1 234 567", "78.500".
		sep := ""
		for {
			switch {
			case (sep == "" || sep == " ") && j < len(x.Toks) && x.Toks[j].Gap == text.GapSpace && x.Kind(j) == text.Num && len(x.Str(j)) == 3 &&
				!(x.Glued(j+1) && x.IsPunct(j+1, ".") && x.Glued(j+2) && x.Kind(j+2) == text.Num && len(x.Str(j+2)) == 3):
				sep = " "
				digits = append(digits, x.Str(j)...)
				j++
				continue
			case (sep == "" || sep == ".") && x.Glued(j) && x.IsPunct(j, ".") && x.Glued(j+1) && x.Kind(j+1) == text.Num && len(x.Str(j+1)) == 3 &&
				!(x.Glued(j+2) && x.Kind(j+2) == text.Num):
				sep = "."
				digits = append(digits, x.Str(j+1)...)
				j += 2
				continue
			case (sep == "" || sep == "'") && x.Glued(j) && x.IsPunct(j, "'") && x.Glued(j+1) && x.Kind(j+1) == text.Num && len(x.Str(j+1)) == 3:
				// "1'697 €", "20’000 €".
				sep = "'"
				digits = append(digits, x.Str(j+1)...)
				j += 2
				continue
			case (sep == "" || sep == " ") && j < len(x.Toks) && x.Toks[j].Gap == text.GapLine && x.Kind(j) == text.Num && len(x.Str(j)) == 3 && x.Str(j)[0] == '0':
				// A group starting with 0 on the next line belongs to this number.
				sep = " "
				digits = append(digits, x.Str(j)...)
				j++
				continue
			}
			break
		}
		n.grouped, spaced = sep != "", sep == " "
	}
	n.intLen = len(digits)
	dec := 0
	// A point after space groups, before one or two digits, is a decimal point ("480
	// 813.60 €"): groups written with spaces are not also written with points.
	pointOK := !n.grouped || spaced && len(x.Str(j+1)) <= 2
	if x.Glued(j) && (x.IsPunct(j, ",") || x.IsPunct(j, ".") && pointOK) && x.Glued(j+1) && x.Kind(j+1) == text.Num &&
		(x.IsPunct(j, ",") || len(x.Str(j+1)) != 3) {
		d := x.Str(j + 1)
		digits = append(digits, d...)
		dec = len(d)
		n.decimal = true
		j += 2
	}
	if len(digits) > 18 {
		return number{}, false
	}
	var v int64
	for _, c := range digits {
		v = v*10 + int64(c-'0')
	}
	n.value = float64(v) / math.Pow10(dec)
	n.j = j
	return n, true
}

// suffix reads what follows a number: a multiplier and a currency, possibly across a
// line break ("10\nmillions d'euros"). It returns the multiplier (1 when none),
// whether a currency was found, and the index after the amount.
func (x *amountScanner) suffix(j int) (mult float64, cur bool, end int, multEnd int) {
	mult, end, multEnd = 1, j, j
	// Words whose first byte starts no multiplier need no map lookup.
	if j < len(x.Toks) && x.Toks[j].Gap <= text.GapLine && x.Kind(j) == text.Word && multiplierFirst[x.F[x.Toks[j].S]] {
		if m, ok := multiplierTable.Get(x.Str(j)); ok {
			if m.hasCur {
				return m.mult, true, j + 1, j + 1
			}
			if c, ok := x.currency(j + 1); ok {
				return m.mult, true, c, j + 1
			}
			if m.needs {
				return 1, false, j, j
			}
			return m.mult, false, j + 1, j + 1
		}
	}
	if c, ok := x.currency(j); ok {
		return 1, true, c, j
	}
	return 1, false, j, j
}

// currency reads a euro currency (currencyForms) at token k and returns the index
// after it.
func (x *amountScanner) currency(k int) (int, bool) {
	if k >= len(x.Toks) || x.Toks[k].Gap > text.GapLine {
		return k, false
	}
forms:
	for _, f := range currencyFirst[x.F[x.Toks[k].S]] {
		for n, w := range f {
			if x.Str(k+n) != w {
				continue forms
			}
		}
		end := k + len(f)
		if x.Kind(end-1) == text.Word && x.Glued(end) && (x.Alnum(end) || x.IsPunct(end, "-") && x.Glued(end+1) && x.Alnum(end+1)) {
			continue // "euros2", "euro-compatible"
		}
		return end, true
	}
	return k, false
}

// currencyBeforeAt reports whether the number at token i follows a euro currency
// (currencyBefore) that is not the currency of a number before it ("1 000 € 2 000
// visiteurs").
func (x *amountScanner) currencyBeforeAt(i int) bool {
	k := i - 1
	return k >= 0 && x.Toks[i].Gap <= text.GapSpace && currencyBeforeFirst[x.F[x.Toks[k].S]] && currencyBeforeTable.Value(x.Str(k)) && x.Kind(k-1) != text.Num &&
		!(x.Kind(k) == text.Word && x.Glued(k) && x.Alnum(k-1))
}

// qualifier reads "HT", "TTC", "H.T.", "hors taxes", "toutes taxes comprises".
func (x *amountScanner) qualifier(k int) string {
	if k >= len(x.Toks) || x.Toks[k].Gap > text.GapLine {
		return ""
	}
	switch x.Str(k) {
	case "ht":
		return "HT"
	case "ttc":
		return "TTC"
	case "h":
		if x.IsPunct(k+1, ".") && x.IsWord(k+2, "t") {
			return "HT"
		}
	case "t":
		if x.IsPunct(k+1, ".") && x.IsWord(k+2, "t") && x.IsPunct(k+3, ".") && x.IsWord(k+4, "c") {
			return "TTC"
		}
	case "hors":
		if w := x.Str(k + 1); w == "taxes" || w == "taxe" {
			return "HT"
		}
	case "toutes":
		if x.IsWord(k+1, "taxes") && x.IsWord(k+2, "comprises") {
			return "TTC"
		}
	}
	return ""
}

// approx returns the approximator written before token i ("près de", "plus de",
// "environ", "jusqu'à"…) as written in Text.S, or "".
func (x *amountScanner) approx(i int) string {
	k := i - 1
	if k < 0 || x.Toks[i].Gap > text.GapLine {
		return ""
	}
	from := -1
	switch x.Str(k) {
	case "environ", "quelque", "presque", "quasiment", "approximativement", "pratiquement", "~", "≈":
		from = k
	case "de":
		from = x.approxHead(k - 1)
	case "'":
		if x.IsWord(k-1, "d") {
			from = x.approxHead(k - 2)
		}
	case "a":
		if x.IsPunct(k-1, "'") && x.IsWord(k-2, "jusqu") {
			from = k - 2
		}
	case "moins":
		if x.IsWord(k-1, "au") {
			from = k - 1
		}
	}
	if from < 0 {
		return ""
	}
	s, e := x.Span(from, i)
	return x.T.S[s:e]
}

func (x *amountScanner) approxHead(k int) int {
	switch x.Str(k) {
	case "pres", "plus", "moins", "autour", "dela", "maximum", "minimum":
		if x.Str(k) == "dela" && x.IsPunct(k-1, "-") && x.IsWord(k-2, "au") {
			return k - 2
		}
		if x.Str(k) == "plus" && x.IsWord(k-1, "peu") && x.IsWord(k-2, "un") {
			return k - 2
		}
		return k
	case "ordre":
		// "de l'ordre de"
		if x.IsPunct(k-1, "'") && x.IsWord(k-2, "l") && x.IsWord(k-3, "de") {
			return k - 3
		}
		return k
	}
	return -1
}

// approxNumber reads "une vingtaine d'euros", "un millier d'euros", "une dizaine de
// millions d'euros" at token i and returns the tokens consumed (0: none). The value is
// the noun's ("vingtaine" = 20), and the noun fills Approx. Without a currency, "une
// dizaine de millions" is a candidate for an implicit currency; "une vingtaine" alone
// is not an amount.
func (x *amountScanner) approxNumber(i int) int {
	if w := x.Str(i); w != "un" && w != "une" || i+1 >= len(x.Toks) || !approxFirst[x.F[x.Toks[i+1].S]] {
		return 0
	}
	v, ok := approxNounTable.Get(x.Str(i + 1))
	if !ok || x.Toks[i+1].Gap > text.GapLine {
		return 0
	}
	k, mult := i+2, 1.0
	if x.IsWord(k, "de") {
		if m, ok := approxMultipliers[x.Str(k+1)]; ok && x.Toks[k+1].Gap <= text.GapLine {
			k, mult = k+2, m
		}
	}
	s, e := x.Span(i, i+2)
	if end, ok := x.currency(k); ok {
		x.out = append(x.out, amt{i: i, j: end, value: v * mult, approx: x.T.S[s:e], qualifier: x.qualifier(end)})
		return end - i
	}
	if mult >= 1e6 {
		x.out = append(x.out, amt{i: i, j: k, value: v * mult, implicit: true, coord: true, approx: x.T.S[s:e]})
		return k - i
	}
	return 0
}
