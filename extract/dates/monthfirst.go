package dates

import "terril/extract/text"

// Dates written month first, the English order some French texts copy ("novembre
// 19-20", "janvier 21 2018"), and months with a year joined by a stray mark
// ("décembre/2018", "mars. 2015"). French writes the day first, so a number after a
// month is read as its day only where what follows settles it: a range to a second
// day that ends the clause, or a four-digit year right after the day. Anything else
// ("en mars 12 communes", "novembre 19-20 ans", "juillet 98,") is left to MonthList.

// monthFirst parses, at the month at token i, "novembre 19-20", "novembre 19 au 20",
// "oct. 2 au octobre 22", "novembre entre 19 et 20", "janvier 21 2018" and "novembre
// 23 de 1987", and returns how many tokens it consumed (0: none of these).
func (x *Scanner) monthFirst(i int) int {
	m, j, _, ok := x.month(i)
	if !ok {
		return 0
	}
	between := x.IsWord(j, "entre")
	if between {
		j++
	}
	d, k, ok := x.monthFirstDay(j, false)
	if !ok {
		return 0
	}
	start := i
	if w := x.PrevWord(i); w == i-1 && isWeekday(x.Str(w)) {
		start = w
	}
	if !between {
		if y, e, ok := x.monthFirstYear(k); ok {
			if !validDay(y, m, d) {
				return 0
			}
			x.Out = append(x.Out, Entry{I: start, J: e, V: Value{y, m, d}})
			return e - i
		}
	}
	m2, d2, e, ok := x.monthFirstEnd(k, between)
	if !ok || !x.clauseEnd(e) {
		return 0
	}
	if m2 == 0 {
		m2 = m
	}
	if m2 == m && d2 <= d || !validDay(0, m, d) || !validDay(0, m2, d2) {
		return 0
	}
	x.Out = append(x.Out, Entry{I: start, J: e, V: Value{0, m, d}, NoYear: true},
		Entry{I: start, J: e, V: Value{0, m2, d2}, NoYear: true})
	return e - i
}

// monthFirstDay parses a day of one or two digits at token i, separated from the
// word before it (glued, after a hyphen), not glued to a letter or a digit after
// it ("8h", "2e") except the ordinal of the first ("1er").
func (x *Scanner) monthFirstDay(i int, glued bool) (int, int, bool) {
	if x.Kind(i) != text.Num || len(x.Str(i)) > 2 || x.Glued(i) != glued || x.Toks[i].Gap > text.GapSpace {
		return 0, i, false
	}
	d := x.Num(i)
	if d < 1 || d > 31 {
		return 0, i, false
	}
	j := i + 1
	if x.Glued(j) && x.Alnum(j) {
		if d != 1 || !text.IsOrdinal(x.Str(j)) {
			return 0, i, false
		}
		j++
	}
	return d, j, true
}

// monthFirstYear parses the four-digit year after a month and its day ("21 2018",
// "23 de 1987") at token k, on the same line and not a quantity ("2018 habitants")
// nor one number of a row of them.
func (x *Scanner) monthFirstYear(k int) (int, int, bool) {
	n := k
	if x.IsWord(k, "de") {
		n++
	}
	if x.Kind(n) != text.Num || len(x.Str(n)) != 4 || x.Toks[n].Gap > text.GapSpace {
		return 0, k, false
	}
	y, e, ok := x.year(k)
	if !ok || x.countAfter(e) || x.Kind(e) == text.Num || x.Glued(e) && x.Alnum(e) {
		return 0, k, false
	}
	return y, e, true
}

// monthFirstEnd parses the end of a range after a month and its day at token k: a
// glued hyphen and a day ("19-20"), or "au", "à", "jusqu'à", "jusqu'au", "et" and a
// day, with its month again or another ("au 20", "au octobre 22", "et oct 22"); only
// "et" after "entre". It returns the second month (0: not written), the day and the
// index after them.
func (x *Scanner) monthFirstEnd(k int, between bool) (m2, d2, e int, ok bool) {
	j := k
	switch {
	case x.IsPunct(k, "-") && x.Glued(k) && !between:
		if d, e, ok := x.monthFirstDay(k+1, true); ok {
			return 0, d, e, true
		}
		return 0, 0, k, false
	case x.IsWord(k, "et"):
		j = k + 1
	case between:
		return 0, 0, k, false
	case x.IsWord(k, "au") || x.IsWord(k, "a"):
		j = k + 1
	case x.IsWord(k, "jusqu") && x.IsPunct(k+1, "'") && (x.IsWord(k+2, "au") || x.IsWord(k+2, "a")):
		j = k + 3
	default:
		return 0, 0, k, false
	}
	if mm, next, _, ok := x.month(j); ok {
		m2, j = mm, next
	}
	d, e, ok := x.monthFirstDay(j, false)
	return m2, d, e, ok
}

// monthYearMark parses a month and its year joined by a slash ("décembre/2018", as
// in "décembre/2018-mai/2019") or after a stray full stop that ends nothing ("en
// mars. 2015" ending its clause), at the month at token i.
func (x *Scanner) monthYearMark(i int) int {
	m := monthOf(x.Str(i))
	if m <= 0 || !x.Glued(i+1) || x.Kind(i+2) != text.Num || len(x.Str(i+2)) != 4 {
		return 0
	}
	switch {
	case x.IsPunct(i+1, "/") && x.Glued(i+2):
		if x.Glued(i+3) && x.Alnum(i+3) || x.IsPunct(i+3, "/") && x.Glued(i+3) {
			return 0
		}
	case x.IsPunct(i+1, ".") && x.Toks[i+2].Gap == text.GapSpace:
		if !x.clauseEnd(i + 3) {
			return 0
		}
	default:
		return 0
	}
	y := x.Num(i + 2)
	if !text.IsYear(y, 4) {
		return 0
	}
	x.Out = append(x.Out, Entry{I: i, J: i + 3, V: Value{y, m, 0}})
	return 3
}

// rangeMonthAfterDe returns the index of the month after "de" closing a range of
// two days ("du 9 au 12 de juin", "entre 3 et 12 de sept"): j is right after the
// second day, after "au", "à", "jusqu'à" or "et". Else it returns j: "de" after a single
// number is no month's ("le 12 de chaque mois").
func (x *Scanner) rangeMonthAfterDe(j int) int {
	if !x.IsWord(j, "de") || x.Kind(j-1) != text.Num || x.Toks[j].Gap != text.GapSpace {
		return j
	}
	first := j - 3
	if x.IsPunct(j-3, "'") && x.IsWord(j-4, "jusqu") {
		first = j - 5 // "3 jusqu'à 12 de sept"
	}
	if !x.IsWord(j-2, "au") && !x.IsWord(j-2, "a") && !x.IsWord(j-2, "et") || x.Kind(first) != text.Num {
		return j
	}
	if _, ok := x.MonthAt(j + 1); !ok {
		return j
	}
	return j + 1
}

// weekdayNext reports whether word w is "suivant" after a day of the week, which
// introduces a day written as numbers like the weekday itself ("au dimanche
// suivant 20/05").
func (x *Scanner) weekdayNext(w int) bool {
	return x.Str(w) == "suivant" && isWeekday(x.Str(x.PrevWord(w)))
}
