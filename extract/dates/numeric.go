package dates

import (
	"strings"

	"terril/extract/text"
)

// Dates written as numbers: the forms of numericForms, spans of years, and days and
// months joined to a month name.

// numericForm is a numeric date: its parts in order and the separators it may use
// (one throughout). Parts: d a day and m a month of one or two digits, D and M of
// exactly two, y a four-digit year, z a two-digit one. A form with a cue is a date
// only after a word that introduces a day (cueDay: dayCued) or a month (cueMonth:
// monthTriggers).
type numericForm struct {
	parts string
	seps  string
	cue   uint8
}

// Cues of numericForm.
const (
	cueNone uint8 = iota
	cueDay
	cueMonth
)

// numericForms are the numeric dates, tried in order.
var numericForms = []numericForm{
	{"dmy", "/.-", cueNone}, // 07/07/2023, 7.3.2017, 07-07-2023
	// 02/22/2016: month first (English, as some software exports dates) only where
	// the day-first reading is impossible; dmy, tried first, keeps 03/07/2016.
	{"mdy", "/", cueNone},
	{"yMD", "-/", cueNone},  // 2023-07-07, 2023/07/07
	{"yM", "-", cueNone},    // 2017-04 (a metadata line)
	{"my", "/", cueNone},    // 03/2019, 3/2019
	{"dm", "/", cueDay},     // le 17/02 (the year from the context; see dayCued, notDay)
	{"DM", "-", cueDay},     // le 10-02 (two digits each: "les 3-5" is a range of numbers)
	{"dmz", "/", cueNone},   // 20/02/14
	{"DMz", ".", cueNone},   // 15.05.99
	{"ym", "-./", cueMonth}, // en 2015-3, depuis 2016.11 (not "délibération 2015-3")
	{"my", "-.", cueMonth},  // en 11-2016
}

// read returns the date of the parts nums (of lens digits) joined by sep when they
// have the form's shape and make a valid date.
func (f numericForm) read(nums, lens []int, sep string) (Value, bool) {
	var v Value
	if len(f.parts) != len(nums) || !strings.Contains(f.seps, sep) {
		return v, false
	}
	day := false
	for p := range len(nums) {
		n, l := nums[p], lens[p]
		switch c := f.parts[p]; {
		case (c == 'd' || c == 'm') && l <= 2, (c == 'D' || c == 'M') && l == 2:
			if c == 'd' || c == 'D' {
				v.D, day = n, true
			} else {
				v.M = n
			}
		case c == 'y' && text.IsYear(n, l):
			v.Y = n
		case c == 'z' && l == 2:
			v.Y = 2000 + n
			if n >= 50 {
				v.Y = 1900 + n // "05/05/89"
			}
		default:
			return v, false
		}
	}
	if v.M < 1 || v.M > 12 || day && !validDay(v.Y, v.M, v.D) {
		return v, false
	}
	return v, true
}

// NumericDate classifies the compound [i, j) starting with a number: a numeric date
// (numericForms), or a span of years "2017-2027", "2017/2018", "2017-18".
func (x *Scanner) NumericDate(i, j int) int {
	if w := x.PrevWord(i); w == i-1 && notYearBeforeTable.Value(x.Str(w)) {
		return 0
	}
	var nums [3]int
	var lens [3]int
	sep := ""
	k := 0
	for p := i; p < j; p++ {
		if k == 3 && x.IsWord(p, "t") && x.Kind(p+1) == text.Num {
			j = p // "2021-03-26T10:00:00": an ISO date and its time
			break
		}
		if x.Kind(p) == text.Num {
			if k == 3 {
				return 0
			}
			nums[k], lens[k] = x.Num(p), len(x.Str(p))
			k++
			continue
		}
		if x.Kind(p) != text.Punct {
			return 0
		}
		s := x.Str(p)
		if sep == "" {
			sep = s
		} else if s != sep {
			return 0
		}
	}
	for _, f := range numericForms {
		if v, ok := f.read(nums[:k], lens[:k], sep); ok && x.cued(f.cue, i, j, lens[:k]) && (v.Y != 0 || !x.notDay(i, j)) {
			if y, next, ok := x.year(j); ok && v.Y == 0 && v.D != 0 {
				v.Y, j = y, next // "07/05, 2020", "17/02 2019"
			}
			x.Out = append(x.Out, Entry{I: i, J: j, V: v, NoYear: v.Y == 0})
			return j - i
		}
	}
	switch {
	case k == 2 && text.IsYear(nums[0], lens[0]) && lens[1] == 2 && (sep == "-" || sep == "/" || sep == "–") && nums[1] == (nums[0]+1)%100:
		x.Out = append(x.Out, Entry{I: i, J: j, V: Value{Y: nums[0]}}, Entry{I: i, J: j, V: Value{Y: nums[0] + 1}})
	case k == 2 && text.IsYear(nums[0], lens[0]) && text.IsYear(nums[1], lens[1]) && (sep == "-" || sep == "/" || sep == "–") && nums[1] > nums[0] && nums[1]-nums[0] <= 100:
		x.Out = append(x.Out, Entry{I: i, J: j, V: Value{Y: nums[0]}}, Entry{I: i, J: j, V: Value{Y: nums[1]}})
	default:
		return 0
	}
	return j - i
}

// spacedDate records a day, a month and a year written as numbers apart, as forms
// and exports give them ("18 08 1978", "02 04 2009"), at token i and returns how many
// tokens it took (0: none). The day and month have two digits, one of them a leading
// zero, which counts and quantities never have; the three stand alone, so that a
// row of numbers or a telephone number is no date.
func (x *Scanner) spacedDate(i int) int {
	if i+2 >= len(x.Toks) || x.Kind(i-1) == text.Num && x.Toks[i].Gap <= text.GapSpace {
		return 0
	}
	for k := i; k <= i+2; k++ {
		if x.Kind(k) != text.Num || k > i && x.Toks[k].Gap != text.GapSpace || k < i+2 && len(x.Str(k)) != 2 {
			return 0
		}
	}
	if x.Str(i)[0] != '0' && x.Str(i + 1)[0] != '0' || i+3 < len(x.Toks) && x.Toks[i+3].Gap <= text.GapSpace &&
		(x.Kind(i+3) == text.Num || x.Alnum(i+3) && x.Glued(i+3) || x.countAfter(i+3)) {
		return 0
	}
	y, l := x.Num(i+2), len(x.Str(i+2))
	v := Value{y, x.Num(i + 1), x.Num(i)}
	if !text.IsYear(y, l) || v.M < 1 || v.M > 12 || !validDay(v.Y, v.M, v.D) {
		return 0
	}
	x.Out = append(x.Out, Entry{I: i, J: i + 3, V: v})
	return 3
}

// spacedMonthYear records a month and a year with a slash and a space the way PDFs
// space them ("11 / 2016", "03/ 2019", "6 /2022") at token i, as "my" reads them
// glued, and returns how many tokens it took (0: none).
func (x *Scanner) spacedMonthYear(i int) int {
	m := x.Num(i)
	if i+2 >= len(x.Toks) || m < 1 || m > 12 || !x.IsPunct(i+1, "/") || x.Kind(i+2) != text.Num ||
		x.Toks[i+1].Gap == text.GapNone && x.Toks[i+2].Gap == text.GapNone || x.Toks[i+1].Gap > text.GapSpace || x.Toks[i+2].Gap > text.GapSpace {
		return 0
	}
	if w := x.PrevWord(i); w == i-1 && notYearBeforeTable.Value(x.Str(w)) || x.Kind(i-1) == text.Punct && x.Glued(i) {
		return 0 // "n° 11 / 2016", "4/11 / 2016"
	}
	y := x.Num(i + 2)
	if !text.IsYear(y, len(x.Str(i+2))) || x.Glued(i+3) && (x.Alnum(i+3) || x.IsPunct(i+3, "/")) || x.countAfter(i+3) {
		return 0
	}
	x.Out = append(x.Out, Entry{I: i, J: i + 3, V: Value{Y: y, M: m}})
	return 3
}

// numericRange records the compound [i, j) of two days and months as numbers joined
// by a hyphen, with a year after the second or not ("du 28/12-03/01/2017", "semaine
// du 01/06-07/06"), and returns how many tokens it took (0: none). Without a year it
// needs a day's cue, as "le 17/02" does (dayCued).
func (x *Scanner) numericRange(i, j int) int {
	if j-i != 7 && j-i != 9 || !x.IsPunct(i+3, "-") && !x.IsPunct(i+3, "–") {
		return 0
	}
	var v [2]Value
	lens := make([]int, 0, 4)
	for k := range 2 {
		p := i + 4*k
		if !x.IsPunct(p+1, "/") || len(x.Str(p)) > 2 || len(x.Str(p+2)) > 2 || x.Kind(p) != text.Num || x.Kind(p+2) != text.Num {
			return 0
		}
		v[k] = Value{0, x.Num(p + 2), x.Num(p)}
		lens = append(lens, len(x.Str(p)), len(x.Str(p+2)))
	}
	y, next := 0, j
	if j-i == 9 {
		if !x.IsPunct(i+7, "/") || !text.IsYear(x.Num(i+8), len(x.Str(i+8))) {
			return 0
		}
		y = x.Num(i + 8)
	} else if !x.dayCued(i, j, lens[:2]) || x.notDay(i, j) {
		return 0
	} else if yy, after, ok := x.year(j); ok {
		y, next = yy, after // "du 01/05-07/05, 2020"
	}
	v[0].Y, v[1].Y = y, y
	if y != 0 && (v[0].M > v[1].M || v[0].M == v[1].M && v[0].D > v[1].D) {
		v[0].Y-- // "28/12-03/01/2017": December of the year before
	}
	for _, d := range v {
		if d.M < 1 || d.M > 12 || !validDay(d.Y, d.M, d.D) {
			return 0
		}
	}
	x.Out = append(x.Out, Entry{I: i, J: next, V: v[0], NoYear: y == 0}, Entry{I: i, J: next, V: v[1], NoYear: y == 0})
	return next - i
}

// cued reports whether the numeric date [i, j) has the cue its form needs.
func (x *Scanner) cued(cue uint8, i, j int, lens []int) bool {
	switch cue {
	case cueDay:
		return x.dayCued(i, j, lens)
	case cueMonth:
		w := x.PrevWord(i)
		return w >= i-3 && monthTriggers[x.Str(w)]
	}
	return true
}

// dayCues are the words that introduce a day written as numbers without its year
// ("le 17/02", "du 3/05 au 7/05"), besides the days of the week.
var dayCues = map[string]bool{
	"le": true, "les": true, "du": true, "au": true, "depuis": true, "des": true, "ce": true,
	"prochain": true, "entre": true,
}

// notDayAfter are the words after which a day and month written as numbers are a
// street number ("9/9 bis") or a quantity ("10/12 ans").
var notDayAfter = map[string]bool{"bis": true, "ter": true, "quater": true}

// dayCued reports whether the numeric date [i, j) without a year is introduced as a
// day ("le 17/02", "mardi 3/05", or the next item of a list of them) and is not a
// fraction ("le 1/3 des crédits": two one-digit parts). Without a cue, "12/04" may
// be a score, a reference or a ratio.
func (x *Scanner) dayCued(i, j int, lens []int) bool {
	if len(lens) == 2 && lens[0] == 1 && lens[1] == 1 {
		return false
	}
	w := x.PrevWord(i)
	if w == i-1 && (dayCues[x.Str(w)] || isWeekday(x.Str(w)) || x.weekdayNext(w)) {
		return true
	}
	if x.IsPunct(i-1, "(") && isWeekday(x.Str(x.PrevWord(i-1))) {
		return true // "vendredi (15/06)"
	}
	if w == i-1 && x.Str(w) == "de" && x.IsWord(j, "a") && x.Kind(j+1) == text.Num && x.Compound(j+1) > j+2 {
		return true // "de 01/10 à 07/11": a range of such dates
	}
	// The next item of a list or range of such dates ("le 20/11, 22/11 ou 25/11").
	if n := len(x.Out); n > 0 && x.Out[n-1].V.Y == 0 && x.Out[n-1].V.D != 0 {
		next, ok := x.listSep(x.Out[n-1].J)
		return ok && next == i
	}
	return false
}

// notDay reports whether the day and month written as numbers [i, j) are a number:
// after a capital letter (an act's number "D 87/12"), or before a word that makes
// them a street number ("9/12 bis"), a quantity ("10/12 ans") or a ratio ("%").
func (x *Scanner) notDay(i, j int) bool {
	if w := x.PrevWord(i); w == i-1 && x.Toks[w].E-x.Toks[w].S == 1 && x.Upper(w) {
		return true
	}
	if x.Kind(j) == text.Word && x.Toks[j].Gap <= text.GapSpace && (notDayAfter[x.Str(j)] || notYearAfterTable.Value(x.Str(j))) {
		return true
	}
	return x.IsPunct(j, "%")
}

// gluedDayMonth records the compound [i, j) of a day and a month name joined by a
// hyphen or a slash, with a year after another one or not ("22-avril", "02/oct.",
// "23/sep/2020").
func (x *Scanner) gluedDayMonth(i, j int) {
	sep := x.Str(i + 1)
	if j-i != 3 && j-i != 5 || sep != "-" && sep != "/" || len(x.Str(i)) > 2 {
		return
	}
	m, ok := x.MonthAt(i + 2)
	d := x.Num(i)
	if !ok || d < 1 || d > 31 {
		return
	}
	e := Entry{I: i, J: j, V: Value{0, m, d}, NoYear: true}
	if j-i == 5 {
		if x.Str(i+3) != sep || !text.IsYear(x.Num(i+4), len(x.Str(i+4))) {
			return
		}
		e.V.Y, e.NoYear = x.Num(i+4), false
	} else if x.Glued(j) && x.IsPunct(j, ".") && monthOf(x.Str(i+2)) < 0 {
		e.J++ // "02/oct."
	}
	if validDay(e.V.Y, m, d) {
		x.Out = append(x.Out, e)
	}
}
