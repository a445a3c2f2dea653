package amounts

import (
	"math"
	"slices"

	"terril/corpus"
	"terril/extract/text"
)

// Find returns the sums of money of the text lexed as tk (see the package
// documentation), one per distinct text and value, in text order.
func Find(tk *text.Tokens) []corpus.Amount { return FindBuf(tk, nil) }

// A Buf lends FindBuf the working slice of its scan, reused from one text to the
// next: nothing of it is kept in a result.
type Buf struct{ out []amt }

// FindBuf is Find with the scan's slice in buf, when not nil.
func FindBuf(tk *text.Tokens, buf *Buf) []corpus.Amount {
	var out []amt
	if buf != nil {
		out = buf.out[:0]
	}
	if n := 8 + len(tk.Toks)/400; cap(out) < n {
		out = make([]amt, 0, n)
	}
	x := amountScanner{Tokens: *tk, out: out}
	if buf != nil {
		defer func() { clear(x.out); buf.out = x.out[:0] }()
	}
	for i := x.skip(0); i < len(x.Toks); i = x.skip(i) {
		if tk := x.Toks[i]; tk.Kind == text.Word {
			if !text.NumGuard.May(x.F[tk.S:tk.E]) {
				i++ // text.FlagNumWord is of the first byte and length only
				continue
			}
			if n := x.approxNumber(i); n > 0 {
				i += n
				continue
			}
			if !x.numberMayGoOn(i) || !text.IsNumberWord(x.Str(i)) {
				i++
				continue
			}
		}
		n := x.at(i)
		if n <= 0 {
			n = 1
		}
		i += n
	}
	x.implicits()
	return x.result()
}

type amountScanner struct {
	text.Tokens
	out []amt
}

type amt struct {
	i, j      int // tokens of the amount itself
	value     float64
	implicit  bool
	coord     bool // an implicit candidate that a later euro amount may coordinate
	qualifier string
	approx    string
}

// number is a parsed number: its tokens [i, j), value, and how it was written.
type number struct {
	i, j    int
	value   float64
	intLen  int  // digits before the decimal separator
	grouped bool // thousands groups
	decimal bool
	words   bool // written in words ("deux millions", "quinze euros")
}

// skip returns the first token from i on that may start an amount: a number, or a
// word whose first byte and length may be a number word or a scale word (text.FlagNumWord:
// "une vingtaine", "deux millions").
func (x *amountScanner) skip(i int) int {
	toks := x.Toks
	for i < len(toks) && toks[i].Flags&(text.FlagNum|text.FlagNumWord) == 0 {
		i++
	}
	return i
}

// at tries an amount (or a range of two) at token i and returns the tokens consumed.
func (x *amountScanner) at(i int) int {
	a, ok := x.parseNumber(i, false)
	if !ok {
		return 0
	}
	if n := x.halfAmount(i, a); n > 0 {
		return n
	}
	mult, cur, end, multEnd := x.suffix(a.j)
	if a.words && !cur && a.value < 1e6 {
		return a.j - i // without a currency, only millions and more are candidates
	}
	if cur {
		if c, e := x.centsAfter(end); e > end {
			a.value, a.decimal, mult, end = a.value*mult+c, true, 1, e
		}
		x.emit(a, mult, end, false)
		return end - i
	}
	if x.currencyBeforeAt(i) && (mult > 1 || !text.IsYear(int(a.value), a.intLen) || a.decimal || a.grouped) {
		// "€ 6 millions", "EUR 1000"; not a year after a column's unit ("en € 2019").
		a.i = i - 1
		x.emit(a, mult, multEnd, false)
		return multEnd - i
	}
	// A range whose currency is written once: "7 à 8 millions d'euros", "entre 2 et 3 M€".
	if k, ok := x.rangeSep(i, multEnd); ok {
		if b, ok := x.parseNumber(k, true); ok && x.Kind(k) == text.Num {
			bm, bcur, bend, _ := x.suffix(b.j)
			if bcur {
				am := mult
				if am == 1 && bm > 1 && a.value < 1000 && !a.grouped {
					am = bm
				}
				x.emit(a, am, multEnd, false)
				x.emit(b, bm, bend, false)
				return bend - i
			}
		}
	}
	if mult > 1 || a.words {
		// A candidate for an implicit currency; decided once every explicit amount is known.
		x.out = append(x.out, amt{i: i, j: multEnd, value: a.value * mult, implicit: true, coord: true, approx: x.approx(i)})
		return multEnd - i
	}
	if a.value >= 1000 && (a.grouped || a.intLen > 4) {
		switch x.Str(x.PrevWord(i)) {
		case "dont", "soit", "contre":
			if x.PrevWord(i) == i-1 {
				x.out = append(x.out, amt{i: i, j: a.j, value: a.value, implicit: true})
				return a.j - i
			}
		}
		if a.grouped && !a.decimal && (x.IsPunct(a.j, ",") || x.IsWord(a.j, "et")) {
			// An item of a list whose currency may come at its end ("la Région 700 000 et
			// la commune 450 000 euros").
			x.out = append(x.out, amt{i: i, j: a.j, value: a.value, implicit: true, coord: true})
		}
	}
	return a.j - i
}

// halfAmount reads "2 millions et demi d'euros" (the half of the multiplier adds up)
// for the number a at token i, explicit or as an implicit candidate, and returns the
// tokens consumed (0: none).
func (x *amountScanner) halfAmount(i int, a number) int {
	if a.words || x.Kind(a.j) != text.Word || !x.HalfAfter(a.j+1) {
		return 0
	}
	m, ok := multiplierTable.Get(x.Str(a.j))
	if !ok || m.needs || m.hasCur {
		return 0
	}
	a.value, a.decimal = a.value+0.5, true
	if c, ok := x.currency(a.j + 3); ok {
		x.emit(a, m.mult, c, false)
		return c - i
	}
	x.out = append(x.out, amt{i: i, j: a.j + 3, value: a.value * m.mult, implicit: true, coord: true, approx: x.approx(i)})
	return a.j + 3 - i
}

// numberMayGoOn reports whether the token after word i may continue a number in
// words into an amount: another number word, a joiner, a currency or a multiplier
// (by their flags and first bytes: most words after "un" or "des" are none).
func (x *amountScanner) numberMayGoOn(i int) bool {
	k := i + 1
	if k >= len(x.Toks) || x.Toks[k].Gap > text.GapLine {
		return false
	}
	tk := x.Toks[k]
	c := x.F[tk.S]
	return tk.Flags&text.FlagNumWord != 0 || c == '-' || currencyFirst[c] != nil || multiplierFirst[c] || x.IsWord(k, "et")
}

// centsAfter reads the cents after a euro amount ending at token k ("et quarante-cinq
// centimes", "et 15 cents") and returns them in euros and the index after them.
func (x *amountScanner) centsAfter(k int) (float64, int) {
	if !x.IsWord(k, "et") || k+1 >= len(x.Toks) {
		return 0, k
	}
	var v float64
	j := k + 2
	switch x.Kind(k + 1) {
	case text.Num:
		if len(x.Str(k+1)) > 2 {
			return 0, k
		}
		v = float64(x.Num(k + 1))
	case text.Word:
		if v, j, _ = x.WordNumber(k + 1); j == k+1 {
			return 0, k
		}
		if w := x.Str(j - 1); (w == "cent" || w == "cents") && j-1 > k+1 {
			return v / 100 / 100, j // "quarante-cinq cents": the last word is the unit
		}
	default:
		return 0, k
	}
	switch x.Str(j) {
	case "centimes", "centime", "cents":
		if v < 100 {
			return v / 100, j + 1
		}
	}
	return 0, k
}

func (x *amountScanner) rangeSep(i, k int) (int, bool) {
	if k >= len(x.Toks) || x.Toks[k].Gap > text.GapLine {
		return k, false
	}
	switch x.Str(k) {
	case "a", "-", "–", "ou":
		return k + 1, true
	case "et":
		if x.IsWord(i-1, "entre") {
			return k + 1, true
		}
	}
	return k, false
}

func (x *amountScanner) emit(n number, mult float64, end int, implicit bool) {
	v := n.value * mult
	if n.decimal {
		v = math.Round(v*100) / 100
	}
	a := amt{i: n.i, j: end, value: v, implicit: implicit, approx: x.approx(n.i)}
	a.qualifier = x.qualifier(end)
	x.out = append(x.out, a)
}

func (x *amountScanner) result() []corpus.Amount {
	if len(x.out) == 0 {
		return nil
	}
	res := make([]corpus.Amount, 0, len(x.out))
	type key struct {
		text string
		v    float64
	}
	var seen text.SeenSet[key]
	for _, a := range x.out {
		s, e := x.Span(a.i, a.j)
		text := x.T.S[s:e]
		if !seen.Add(key{text, a.value}) {
			continue
		}
		res = append(res, corpus.Amount{
			Text: text, Value: a.value, Currency: "EUR", Implicit: a.implicit,
			Qualifier: a.qualifier, Approx: a.approx, Span: corpus.Span{Start: s, End: e},
		})
	}
	slices.SortStableFunc(res, func(a, b corpus.Amount) int { return a.Start - b.Start })
	return res
}
