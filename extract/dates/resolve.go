package dates

import (
	"slices"

	"terril/corpus"
	"terril/extract/text"
)

// Resolving the years left open, and the result.

// finish resolves the years left open and builds the result. A day or month written
// without a year takes the nearest year established before it in the same sentence,
// else the publication year, else the nearest year established before it anywhere,
// else the first one after it.
func (x *Scanner) finish(pubYear, pubMonth int) []corpus.Date {
	if len(x.Out) == 0 {
		return nil
	}
	res := make([]corpus.Date, 0, len(x.Out))
	var seen text.SeenSet[[2]string]
	// Entries are in text order: keep the last explicit year seen, the year of the
	// current sentence (until a sentence end is crossed), and the last anywhere.
	sentYear, anyYear, scanned := 0, 0, 0
	for k, e := range x.Out {
		if e.ctx {
			// "l'an prochain", "l'an deux mille trois": the year of what follows in
			// its sentence.
			if e.V.Y != 0 {
				sentYear, scanned = e.V.Y, e.J
			} else if pubYear != 0 {
				sentYear, scanned = pubYear+int(e.rel), e.J
			}
			continue
		}
		if e.NoYear && e.rel == 0 {
			if y, j := x.yearOfAfter(k, pubYear); y != 0 {
				e.V.Y, e.J, e.NoYear = y, j, false // "en juin de l'année prochaine"
			} else if y := x.rangeYear(k); y != 0 {
				e.V.Y, e.NoYear = y, false // "du 01/10 au 02/11/2017"
			}
		}
		if e.NoYear {
			if sentYear != 0 && x.sentenceEnd(scanned, e.I) {
				sentYear = 0
			}
			scanned = max(scanned, e.I)
			switch {
			case e.rel != 0 && pubMonth != 0:
				// "janvier prochain" is the next January after the publication date,
				// "mars dernier" the last March before it.
				e.V.Y = pubYear
				if e.rel > 0 && e.V.M <= pubMonth {
					e.V.Y++
				} else if e.rel < 0 && e.V.M > pubMonth {
					e.V.Y--
				}
			case sentYear != 0:
				e.V.Y = sentYear
			case pubYear != 0:
				e.V.Y = pubYear
			case anyYear != 0:
				e.V.Y = anyYear
			default:
				e.V.Y = x.nextYear(k)
			}
			if e.V.Y == 0 || !validDay(e.V.Y, max(e.V.M, 1), max(e.V.D, 1)) {
				continue
			}
		} else {
			sentYear, anyYear, scanned = e.V.Y, e.V.Y, e.J
		}
		s, end := x.Span(e.I, e.J)
		text := x.T.S[s:end]
		val := e.V.ISO()
		if !seen.Add([2]string{text, val}) {
			continue
		}
		res = append(res, corpus.Date{Text: text, Value: val, Span: corpus.Span{Start: s, End: end}})
	}
	slices.SortStableFunc(res, func(a, b corpus.Date) int { return a.Start - b.Start })
	return res
}

// yearOfAfter returns the year of a relative or written-out year context that
// follows entry k through "de" ("en juin de l'année prochaine", "le 3 mars de l'an
// dernier", "mai de l'an deux mille dix") and where it ends, or 0: that year is the
// entry's, and its text the entry's too.
func (x *Scanner) yearOfAfter(k, pubYear int) (int, int) {
	if k+1 >= len(x.Out) {
		return 0, 0
	}
	e, n := x.Out[k], x.Out[k+1]
	if !n.ctx || n.I != e.J+1 || !x.IsWord(e.J, "de") {
		return 0, 0
	}
	if n.V.Y != 0 {
		return n.V.Y, n.J
	}
	if pubYear == 0 {
		return 0, 0
	}
	return pubYear + int(n.rel), n.J
}

// rangeYear returns the year of the date that follows entry k as the other end of a
// range or the next item of a list ("du 01/10 au 02/11/2017", "le 3/05 et le
// 7/05/2020"), the year before when that date's month comes earlier, or 0.
func (x *Scanner) rangeYear(k int) int {
	if k+1 >= len(x.Out) {
		return 0
	}
	e, n := x.Out[k], x.Out[k+1]
	if n.NoYear || n.ctx || n.V.M == 0 || n.I < e.J || n.I > e.J+3 {
		return 0
	}
	if next, ok := x.listSep(e.J); !ok || next != n.I {
		return 0
	}
	if e.V.M > n.V.M {
		return n.V.Y - 1
	}
	return n.V.Y
}

// nextYear returns the year written out after entry k in its sentence (for a day or
// month without a year, in a text with no publication date and no year before it:
// "Le 11 juillet, suivant la convocation du 4 juillet 2017"), or 0. A year in a later
// sentence is not established for it.
func (x *Scanner) nextYear(k int) int {
	for _, e := range x.Out[k+1:] {
		if !e.NoYear && !e.ctx {
			if x.sentenceEnd(x.Out[k].J, e.I) {
				return 0
			}
			return e.V.Y
		}
	}
	return 0
}

// sentenceEnd reports whether tokens [from, to) cross the end of a sentence (. ! ? ;
// not inside a number) or a paragraph break.
func (x *Scanner) sentenceEnd(from, to int) bool {
	for k := max(from, 0); k < to && k < len(x.Toks); k++ {
		tk := x.Toks[k]
		if tk.Gap == text.GapPara {
			return true
		}
		if tk.Kind == text.Punct && tk.E-tk.S == 1 {
			switch x.F[tk.S] {
			case '.', '!', '?', ';':
				if !(x.Kind(k-1) == text.Num && x.Glued(k) && x.Glued(k+1) && x.Kind(k+1) == text.Num) {
					return true
				}
			}
		}
	}
	return false
}
