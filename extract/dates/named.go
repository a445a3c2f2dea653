package dates

import (
	"math"

	"terril/extract/lex"
	"terril/extract/text"
)

// Dates written with a month name: days, lists and ranges of days, months, and the
// year after them.

// afterLeDuAu reports whether token i follows "le", "du" or "au" (which introduce a
// day written out).
func (x *Scanner) afterLeDuAu(i int) bool {
	if i == 0 || x.Toks[i-1].Kind != text.Word || x.Toks[i-1].E-x.Toks[i-1].S != 2 {
		return false
	}
	switch x.F[x.Toks[i-1].S:x.Toks[i-1].E] {
	case "le", "du", "au":
		return true
	}
	return false
}

var dayWordValues = func() map[string]int {
	m := make(map[string]int)
	for _, w := range lex.DayWords.Words() {
		m[w] = int(lex.Numbers.Value(w))
	}
	m["premier"] = 1
	return m
}()

// dayWordValue returns the value of a number word that can start a day written out
// ("seize", "vingt", "premier"), or 0.
func dayWordValue(w string) int {
	if !lex.DayWords.May(w) {
		return 0
	}
	return dayWordTable.Value(w)
}

// writtenDay parses a day written out before a month, as minutes write it ("le seize
// mars", "le vingt-huit septembre", "le trente et un mai", "le premier juin"), at
// token i; the day is introduced by "le", "du" or "au".
func (x *Scanner) writtenDay(i int) int {
	switch x.Str(x.PrevWord(i)) {
	case "le", "du", "au":
	default:
		return 0
	}
	d := dayWordValue(x.Str(i))
	j := i + 1
	if d >= 20 || d == 10 {
		switch {
		case x.IsPunct(j, "-") && x.Glued(j) && x.Kind(j+1) == text.Word:
			if u := dayWordValue(x.Str(j + 1)); u > 0 && u < 10 && u != 1 {
				d += u
				j += 2
			}
		case x.IsWord(j, "et") && x.IsWord(j+1, "un") && d >= 20:
			d++
			j += 2
		case x.Kind(j) == text.Word && x.Toks[j].Gap == text.GapSpace:
			// "le vingt sept mars": the unit written apart, when a month follows it
			// (else "le vingt sept." is the 20th of September).
			if u := dayWordValue(x.Str(j)); u > 1 && u < 10 {
				if _, _, _, ok := x.month(j + 1); ok {
					d += u
					j++
				}
			}
		}
	}
	m, next, _, ok := x.month(j)
	if !ok || d > 31 {
		return 0
	}
	y, after, hasYear := x.year(next)
	if hasYear {
		next = after
	}
	if !validDay(y, m, d) {
		return 0
	}
	x.Out = append(x.Out, Entry{I: x.PrevWord(i), J: next, V: Value{y, m, d}, NoYear: !hasYear})
	return next - i
}

// MonthAt returns the month of the month name or abbreviation at token i.
func (x *Scanner) MonthAt(i int) (int, bool) {
	if x.Kind(i) != text.Word {
		return 0, false
	}
	m := monthOf(x.Str(i))
	if m < 0 {
		m = -m
	}
	return m, m > 0
}

// month parses a month at token i: it returns the month, the index after it, and
// whether it is an abbreviation without full stop.
func (x *Scanner) month(i int) (m, next int, bare bool, ok bool) {
	if x.Kind(i) != text.Word {
		return 0, i, false, false
	}
	m = monthOf(x.Str(i))
	switch {
	case m > 0:
		return m, i + 1, false, true
	case m < 0:
		if x.Glued(i+1) && x.IsPunct(i+1, ".") {
			return -m, i + 2, false, true
		}
		return -m, i + 1, true, true
	}
	return 0, i, false, false
}

// year parses the year after a month at token i: four digits not glued to a
// following alphanumeric, "de 1992", or a year in words ("deux mille dix-huit",
// "deux mil trois") that is not a count ("deux mille personnes").
func (x *Scanner) year(i int) (int, int, bool) {
	if i >= len(x.Toks) || x.Toks[i].Gap == text.GapPara {
		return 0, i, false
	}
	if x.IsPunct(i, ",") && x.Kind(i+1) == text.Num {
		// "12 janvier, 2016": a year after a comma, ending its clause.
		if y, j, ok := x.year(i + 1); ok && (j >= len(x.Toks) || x.Kind(j) == text.Punct || x.Toks[j].Gap >= text.GapLine) {
			return y, j, true
		}
		return 0, i, false
	}
	if x.Kind(i) == text.Word {
		if x.Str(i) == "de" {
			k := i + 1
			if x.IsWord(k, "l") && x.IsPunct(k+1, "'") && x.IsWord(k+2, "annee") {
				k += 3 // "novembre de l'année 2016"
			}
			if y, j, ok := x.year(k); ok && x.Kind(k) == text.Num && !x.countAfter(j) && !x.IsWord(j, "a") {
				return y, j, true // "juin de 1992", not "juin de 2000 à 2500 euros"
			}
			return 0, i, false
		}
		if text.IsNumberWord(x.Str(i)) {
			if v, j, scaled := x.WordNumber(i); scaled && v >= 1000 && v <= 2099 && v == math.Trunc(v) && !x.countAfter(j) {
				return int(v), j, true
			}
		}
		return 0, i, false
	}
	if x.Kind(i) != text.Num {
		return 0, i, false
	}
	n := x.Num(i)
	if len(x.Str(i)) == 2 && x.Toks[i].Gap == text.GapSpace && x.clauseEnd(i+1) {
		// "en juillet 98,", "Mai 68": two digits ending the clause (00–49 → 20xx).
		if n < 50 {
			return 2000 + n, i + 1, true
		}
		return 1900 + n, i + 1, true
	}
	if !text.IsYear(n, len(x.Str(i))) && !x.oldYear(i) {
		return 0, i, false
	}
	if x.Glued(i+1) && (x.Alnum(i+1) || x.Compound(i) > i+1) {
		return 0, i, false
	}
	return n, i + 1, true
}

// oldYear reports whether the four digits at token i, from 1000 to 1799, are a year
// because a month name is right before them ("le 14 juillet 1789", "en mars 1562"),
// not a count or an amount ("en mars 1500 personnes", "juin 1250 €", "mai 1200 000").
func (x *Scanner) oldYear(i int) bool {
	n := x.Num(i)
	if len(x.Str(i)) != 4 || n < 1000 || n >= 1800 || x.countAfter(i+1) || x.Kind(i+1) == text.Num && x.Toks[i+1].Gap <= text.GapSpace {
		return false
	}
	_, month := x.MonthAt(i - 1)
	return month && x.Toks[i].Gap == text.GapSpace
}

// clauseEnd reports whether token j ends a clause: the end of the text, a line
// break, or a punctuation mark other than one inside a number.
func (x *Scanner) clauseEnd(j int) bool {
	if j >= len(x.Toks) || x.Toks[j].Gap >= text.GapLine {
		return true
	}
	if x.Kind(j) != text.Punct || x.Glued(j) && x.Glued(j+1) && x.Alnum(j+1) {
		return false
	}
	switch x.Str(j) {
	case ",", ".", ";", ")", "!", "?", ":":
		return true
	}
	return false
}

// countAfter reports whether token j makes the number before it a count or a
// quantity: a unit or a symbol ("%", "€", "euros", "ha"), or a plural noun ("2000
// communes") that is not a month nor a function word.
func (x *Scanner) countAfter(j int) bool {
	if j >= len(x.Toks) || x.Toks[j].Gap > text.GapSpace {
		return false
	}
	w := x.Str(j)
	switch x.Kind(j) {
	case text.Punct:
		switch w {
		case "%", "€", "$", "°", "²":
			return true
		}
	case text.Word:
		if notYearAfterTable.Value(w) {
			return true
		}
		if len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x') && !lex.FunctionWords.Has(w) && !x.Upper(j) {
			_, month := x.MonthAt(j)
			return !month
		}
	}
	return false
}

// day parses a day number ("5", "05", "1er", "1ᵉʳ") at token i.
func (x *Scanner) day(i int) (int, int, bool) {
	if x.Kind(i) != text.Num || len(x.Str(i)) > 2 {
		return 0, i, false
	}
	if x.Glued(i) && (x.Alnum(i-1) || x.IsPunct(i-1, "/") || x.IsPunct(i-1, ".") || x.IsPunct(i-1, ",")) {
		return 0, i, false
	}
	d := x.Num(i)
	if d < 1 || d > 31 {
		return 0, i, false
	}
	j := i + 1
	if x.Glued(j) {
		switch {
		case x.Kind(j) == text.Word && text.IsOrdinal(x.Str(j)):
			if d != 1 {
				return 0, i, false
			}
			j++
		case x.Kind(j) == text.Word && monthOf(x.Str(j)) > 0:
			// "30juin": a full month name glued by a PDF's lost space.
		case x.Alnum(j):
			return 0, i, false
		case x.Kind(j) == text.Punct && x.Glued(j+1) && x.Alnum(j+1):
			switch x.Str(j) {
			case "-", "–":
				if x.dayRange(j) {
					break // "13-15 juillet"
				}
				return 0, i, false
			case "/", ".", ",", ":":
				return 0, i, false
			}
		}
	} else if d == 1 && x.IsWord(j, "er") && x.Toks[j].Gap == text.GapSpace {
		j++ // "1 er février": the space a PDF put in
	}
	return d, j, true
}

// dayRange reports whether the hyphen at k joins two days of a month written after
// them ("13-15 juillet").
func (x *Scanner) dayRange(k int) bool {
	if x.Kind(k+1) != text.Num || len(x.Str(k+1)) > 2 || x.Glued(k+2) {
		return false
	}
	_, ok := x.MonthAt(k + 2)
	return ok
}

// listSep parses a separator between two items of a list or range ("et", "au", ",",
// "-", "et le", "au lundi") and returns the index after it.
func (x *Scanner) listSep(i int) (int, bool) {
	if i >= len(x.Toks) || x.Toks[i].Gap == text.GapPara {
		return i, false
	}
	j := i + 1
	switch {
	case x.Kind(i) == text.Word:
		switch x.Str(i) {
		case "et", "au", "a", "ou":
		case "jusqu": // "13 jusqu'au 15 juillet"
			if !x.IsPunct(i+1, "'") || !x.IsWord(i+2, "au") && !x.IsWord(i+2, "a") {
				return i, false
			}
			j = i + 3
		default:
			return i, false
		}
	case x.Kind(i) == text.Punct:
		switch x.Str(i) {
		case ",", "-", "–", "&":
		default:
			return i, false
		}
	default:
		return i, false
	}
	for k := 0; k < 2; k++ {
		switch x.Str(j) {
		case "le", "les", "du", "au":
			j++
			continue
		}
		if x.Kind(j) == text.Word && isWeekday(x.Str(j)) {
			j++
			continue
		}
		break
	}
	return j, true
}

type ditem struct {
	d, m, y int
}

// DayList parses "5 février 2018", "1er janvier", "13 et 14 décembre 2016",
// "du 13 au 15 mars 2019", "28 février au 3 mars" at token i.
func (x *Scanner) DayList(i int) int {
	var items [8]ditem
	n := 0
	j := i
	end := i
	for n < len(items) {
		d, next, ok := x.day(j)
		if !ok {
			break
		}
		it := ditem{d: d}
		j = next
		if m, nx, _, ok := x.month(x.monthOfDays(j)); ok {
			it.m, j = m, nx
			if y, nx, ok := x.year(j); ok {
				it.y, j = y, nx
			}
		}
		items[n] = it
		n++
		if it.m > 0 {
			end = j
		}
		k, ok := x.listSep(j)
		if !ok {
			break
		}
		if _, _, ok := x.day(k); !ok {
			break
		}
		j = k
	}
	// Trailing days without a month are not dates.
	for n > 0 && items[n-1].m == 0 {
		n--
	}
	if n == 0 {
		return 0
	}
	for k := n - 2; k >= 0; k-- {
		if items[k].m == 0 {
			items[k].m = items[k+1].m
		}
		if items[k].y == 0 && items[k].m <= items[k+1].m {
			items[k].y = items[k+1].y
		} else if items[k].y == 0 && items[k+1].y != 0 {
			// "du 28 décembre au 3 janvier 2019": the first day is in the year before.
			items[k].y = items[k+1].y - 1
		}
	}
	start := i
	if w := x.PrevWord(i); w == i-1 && isWeekday(x.Str(w)) {
		start = w
	}
	if x.namedAfterDate(start) {
		return end - i
	}
	stop := end
	rel := int8(0)
	if items[n-1].y == 0 {
		if rel = x.relativeAfter(end); rel != 0 {
			stop = end + 1 // "le 12 mars dernier"
		}
	}
	for k := 0; k < n; k++ {
		it := items[k]
		if !validDay(it.y, it.m, it.d) {
			continue
		}
		x.Out = append(x.Out, Entry{I: start, J: stop, V: Value{it.y, it.m, it.d}, NoYear: it.y == 0, rel: rel})
	}
	return stop - i
}

// monthOfDays returns the index of the month after days introduced by "du mois de",
// "du mois d'" ("du 19 au 20 du mois de novembre", "le 6 du mois d'avril"), else j.
func (x *Scanner) monthOfDays(j int) int {
	if !x.IsWord(j, "du") || !x.IsWord(j+1, "mois") {
		return x.rangeMonthAfterDe(j)
	}
	switch {
	case x.IsWord(j+2, "de"):
		return j + 3
	case x.IsWord(j+2, "d") && x.IsPunct(j+3, "'"):
		return j + 4
	}
	return j
}

// namedAfterDate reports whether the date at token i names a street or a place ("rue
// du 8 Mai 1945", "place du 11 Novembre").
func (x *Scanner) namedAfterDate(i int) bool {
	w := x.PrevWord(i)
	switch x.Str(w) {
	case "du", "des":
	default:
		return false
	}
	switch x.Str(x.PrevWord(w)) {
	case "rue", "avenue", "av", "place", "boulevard", "bd", "square", "allee", "quai", "pont", "cours",
		"impasse", "chemin", "esplanade", "parvis", "carrefour", "rond", "residence", "cite", "stade",
		"college", "lycee", "ecole", "groupe", "parc", "jardin", "espace", "salle":
		return true
	}
	return false
}

// MonthList parses "mars 2017", "janvier et février 2018", "fin juin" at token i.
func (x *Scanner) MonthList(i int) int {
	var items [6]ditem
	n := 0
	j := i
	hasYear := false
	for n < len(items) {
		m, next, bare, ok := x.month(j)
		if !ok {
			break
		}
		it := ditem{m: m}
		if y, nx, ok := x.year(next); ok {
			it.y, next = y, nx
			hasYear = true
		} else if bare && !demonstratives[x.Str(x.PrevWord(j))] {
			break // "oct" alone is an abbreviation of a date only with a year or "cet oct"
		}
		j = next
		items[n] = it
		n++
		k, ok := x.listSep(j)
		if !ok {
			break
		}
		if _, _, _, ok := x.month(k); !ok {
			break
		}
		j = k
	}
	if n == 0 {
		return 0
	}
	if n == 1 && !hasYear && !x.monthTriggered(i) && x.relativeAfter(j) == 0 && x.notBareMonth(i) {
		return j - i
	}
	for k := n - 2; k >= 0; k-- {
		if items[k].y == 0 && items[k+1].y != 0 {
			items[k].y = items[k+1].y
			if items[k].m > items[k+1].m {
				items[k].y--
			}
		}
	}
	start := i
	if w := x.PrevWord(i); w >= 0 && monthTriggers[x.Str(w)] && w >= i-2 {
		start = x.elided(w)
	}
	rel := int8(0)
	if !hasYear {
		if rel = x.relativeAfter(j); rel != 0 {
			j++ // "en janvier prochain", "en mars dernier"
		}
	}
	for k := 0; k < n; k++ {
		x.Out = append(x.Out, Entry{I: start, J: j, V: Value{items[k].y, items[k].m, 0}, NoYear: items[k].y == 0, rel: rel})
	}
	return j - i
}

// notBareMonth reports whether the month at token i, alone (no day, year, time word
// nor second month), is not a date. A month name alone is one ("le conseil de
// juin"), but not "mars" (the planet, the brand) nor an abbreviation, nor a month
// after an article ("le Mai", a word cut short), nor a capitalised month before a
// capitalised word (a name: "AVRIL Florence").
func (x *Scanner) notBareMonth(i int) bool {
	if x.Str(i) == "mars" || monthOf(x.Str(i)) < 0 {
		return true
	}
	if w := x.PrevWord(i); w == i-1 {
		switch x.Str(w) {
		case "le", "la", "un", "une":
			return true
		}
	}
	return x.Upper(i) && i+1 < len(x.Toks) && x.Toks[i+1].Gap == text.GapSpace && x.Upper(i+1)
}

// elided extends word w back over an elided article or preposition glued to it
// ("d'ici", "l'année", "jusqu'en").
func (x *Scanner) elided(w int) int {
	if x.IsPunct(w-1, "'") && x.Glued(w) && x.Glued(w-1) && x.Kind(w-2) == text.Word {
		return w - 2
	}
	return w
}

// monthTriggered reports whether the month at token i is introduced as a time ("en
// mars", "fin juin", "au mois de mai", "à partir de septembre").
func (x *Scanner) monthTriggered(i int) bool {
	w := x.PrevWord(i)
	if w < 0 {
		return false
	}
	p := x.Str(w)
	if monthTriggers[p] {
		return true
	}
	if p == "de" || p == "d" {
		switch x.Str(x.PrevWord(w)) {
		case "mois", "partir", "fin", "debut", "courant", "milieu":
			return true
		}
	}
	return false
}

// dayWordTable is dayWordValues for dayWordValue's lookups.
var dayWordTable = text.NewWordTable(dayWordValues)
