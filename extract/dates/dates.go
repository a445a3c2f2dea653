package dates

import (
	"strconv"

	"terril/corpus"
	"terril/extract/lex"
	"terril/extract/text"
)

// Find returns the calendar references of the text lexed as tk (see the package
// documentation): one entry per distinct text and value, in text order. published is
// the document's publication date (ISO, possibly empty), used for the year of a day or
// month written without one.
func Find(tk *text.Tokens, published string) []corpus.Date { return FindBuf(tk, published, nil) }

// A Buf lends FindBuf the working slice of its scan, reused from one text to the
// next: nothing of it is kept in a result.
type Buf struct{ out []Entry }

// FindBuf is Find with the scan's slice in buf, when not nil.
func FindBuf(tk *text.Tokens, published string, buf *Buf) []corpus.Date {
	var out []Entry
	if buf != nil {
		out = buf.out[:0]
	}
	if n := 16 + len(tk.Toks)/200; cap(out) < n {
		out = make([]Entry, 0, n)
	}
	sc := Scanner{Tokens: *tk, Out: out}
	if buf != nil {
		defer func() { buf.out = sc.Out[:0] }()
	}
	for i := sc.skip(0); i < len(sc.Toks); i = sc.skip(i) {
		if tk := sc.Toks[i]; tk.Kind == text.Word && !sc.gluedNum(i+1) {
			// at does nothing with a word that is neither a month nor a day written
			// out; a day written out is tried after "le", "du", "au", or when it starts
			// like a month ("deux", "seize").
			w := sc.F[tk.S:tk.E]
			if monthOf(w) == 0 && !(dayWordValue(w) > 0 && (sc.afterLeDuAu(i) || monthPrefix(w))) {
				// The first byte and length of a year word (lex.YearWords: "an", "annee").
				if lex.YearWords.Lens[w[0]]&(1<<min(len(w), 15)) != 0 {
					sc.relativeYear(i)
				}
				i++
				continue
			}
		}
		n := sc.at(i)
		if n <= 0 {
			n = 1
		}
		i += n
	}
	return sc.finish(publishedYear(published), publishedMonth(published))
}

// A Scanner reads dates on a token stream. Find runs one over a whole text; the
// extractors of references and publication dates run one at a token to read the date
// written there (NumericDate, DayList, MonthList), each call appending to Out.
type Scanner struct {
	text.Tokens
	Out []Entry
}

// Entry is one date value found, with the token range of its expression.
type Entry struct {
	I, J   int // tokens [I, J) of the whole expression
	V      Value
	NoYear bool // the year is to be resolved from context
	// rel is +1 for a month or day said to be next ("janvier prochain"), -1 for one
	// said to be past ("le 12 mars dernier"): its year is counted from the
	// publication date. ctx marks a relative year ("l'an prochain", "l'année
	// dernière"): it sets the year of its sentence but is not a date itself.
	rel int8
	ctx bool
}

// A Value is a date at the precision written: a year, a month of a year (D 0), or a
// day; a part not written is 0.
type Value struct{ Y, M, D int }

// ISO returns v in ISO 8601 at its precision ("2019", "2019-03", "2019-03-12"), or ""
// for a year out of range.
func (v Value) ISO() string {
	if v.Y <= 0 || v.Y > 9999 {
		return ""
	}
	if v.M <= 0 && v.Y >= firstYearDigits && v.Y < firstYearDigits+len(yearDigits)/4 {
		k := 4 * (v.Y - firstYearDigits)
		return yearDigits[k : k+4]
	}
	b := [10]byte{byte('0' + v.Y/1000), byte('0' + v.Y/100%10), byte('0' + v.Y/10%10), byte('0' + v.Y%10),
		'-', byte('0' + v.M/10%10), byte('0' + v.M%10), '-', byte('0' + v.D/10%10), byte('0' + v.D%10)}
	switch {
	case v.M <= 0:
		return string(b[:4])
	case v.D <= 0:
		return string(b[:7])
	}
	return string(b[:])
}

// yearDigits holds the years from firstYearDigits to 2999 written out, four bytes
// each: ISO slices a year from it rather than allocating a string for it.
const firstYearDigits = 1000

var yearDigits = func() string {
	b := make([]byte, 0, 4*(3000-firstYearDigits))
	for y := firstYearDigits; y < 3000; y++ {
		b = strconv.AppendInt(b, int64(y), 10)
	}
	return string(b)
}()

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if d > days[m] {
		return false
	}
	if m == 2 && d == 29 && y != 0 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return false
	}
	return true
}

// skip returns the first token from i on that may start a date or "l'an prochain":
// a number, a word glued to a number, or a word whose first byte and length may be
// those of a month, a day written out, "an" or "annee" (text.FlagDate). Most tokens are none
// of these; datesOf checks the words it returns further.
func (x *Scanner) skip(i int) int {
	toks := x.Toks
	for i < len(toks) && toks[i].Flags&(text.FlagNum|text.FlagDate|text.FlagBeforeNum) == 0 {
		i++
	}
	return i
}

// gluedNum reports whether token i is a number glued to the token before it.
func (x *Scanner) gluedNum(i int) bool {
	return i < len(x.Toks) && x.Toks[i].Gap == text.GapNone && x.Toks[i].Kind == text.Num
}

// dateGuard admits a month name or abbreviation, a day written out and "an", "annee"
// (lex.Months, lex.DayWords, lex.YearWords): the lexer's text.FlagDate comes from its lengths.
var dateGuard = &text.DateGuard

// at tries the date patterns starting at token i and returns how many tokens it
// consumed (0: nothing here).
func (x *Scanner) at(i int) int {
	switch x.Kind(i) {
	case text.Word:
		w := x.Str(i)
		if x.Glued(i+1) && x.Kind(i+1) == text.Num {
			// "Rev3", "T1", "A330", "L2121-1": an identifier.
			return x.Compound(i) - i
		}
		if _, ok := x.MonthAt(i); ok {
			if n := x.monthFirst(i) + x.monthYearMark(i); n > 0 {
				return n // "novembre 19-20", "janvier 21 2018", "décembre/2018"
			}
			if n := x.MonthList(i); n > 0 {
				return n
			}
		}
		if dayWordValue(w) > 0 {
			return x.writtenDay(i)
		}
		return 0
	case text.Num:
		if x.Glued(i) && x.Alnum(i-1) {
			return x.Compound(i) - i
		}
		if x.NumeroBefore(i) {
			return x.Compound(i) - i
		}
		j := x.Compound(i)
		if j-i == 3 && x.dayRange(i+1) {
			if n := x.DayList(i); n > 0 {
				return n // "13-15 juillet"
			}
		}
		if j-i > 1 {
			if x.Kind(i+1) == text.Word && j-i == 2 && (text.IsOrdinal(x.Str(i+1)) || monthOf(x.Str(i+1)) > 0) {
				// "1er mars", and "30juin 2023" with the space a PDF lost.
				if n := x.DayList(i); n > 0 {
					return n
				}
				return j - i
			}
			if n := x.NumericDate(i, j); n > 0 {
				return n
			}
			if n := x.numericRange(i, j); n > 0 {
				return n
			}
			x.gluedDayMonth(i, j)
			return j - i
		}
		n, digits := x.Num(i), len(x.Str(i))
		if digits <= 2 && n >= 1 && n <= 31 {
			if k := x.spacedMonthYear(i); k > 0 {
				return k
			}
			if k := x.DayList(i); k > 0 {
				return k
			}
			return max(x.spacedDate(i), 1)
		}
		if text.IsYear(n, digits) {
			x.bareYear(i)
		}
		return 1
	}
	return 0
}

func isWeekday(w string) bool { return lex.Weekdays.Has(w) }

// monthOf returns the month of a full month name (1–12), of an abbreviation (-1…-12),
// or 0. It runs on every word the lexer flags text.FlagDate: its guard spares the map lookup
// for most of them.
func monthOf(w string) int { return lex.Months.Value(w) }

// monthPrefix reports whether w starts like a month name or abbreviation.
func monthPrefix(w string) bool {
	return lex.Months.MayStart(w)
}

// publishedMonth returns the month of an ISO publication date, or 0.
func publishedMonth(p string) int {
	if len(p) < 7 || p[4] != '-' || p[5] < '0' || p[5] > '1' || p[6] < '0' || p[6] > '9' {
		return 0
	}
	if m := int(p[5]-'0')*10 + int(p[6]-'0'); m >= 1 && m <= 12 {
		return m
	}
	return 0
}

// publishedYear returns the year of an ISO publication date, or 0.
func publishedYear(p string) int {
	if len(p) < 4 || len(p) > 4 && p[4] != '-' {
		return 0
	}
	y := 0
	for _, c := range []byte(p[:4]) {
		if c < '0' || c > '9' {
			return 0
		}
		y = y*10 + int(c-'0')
	}
	if y < 1000 {
		return 0
	}
	return y
}
