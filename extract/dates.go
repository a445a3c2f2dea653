package extract

import (
	"math"
	"slices"
	"strings"

	"terril/corpus"
	"terril/extract/lex"
	"terril/extract/text"
)

// numeroBefore reports whether token i is introduced by "n°", "nº", "no", "numéro".
func (x *tokens) numeroBefore(i int) bool {
	k := i - 1
	if k < 0 {
		return false
	}
	if x.Kind(k) == tokPunct {
		switch x.Str(k) {
		case "°", "º":
			return true
		}
		return false
	}
	switch w := x.Str(k); {
	case w[0] != 'n': // most words: no string comparison
		return false
	case w == "no", w == "nº", w == "numero", w == "num", w == "nos", w == "n":
		return true
	}
	return false
}

// ---------------------------------------------------------------------------
// Dates.

func isWeekday(w string) bool { return lex.Weekdays.Has(w) }

// yearTriggers are words that, written before a bare year, make it a calendar
// reference even when capitalised, and that the date's text includes.
var yearTriggers = map[string]bool{
	"en": true, "depuis": true, "pour": true, "fin": true, "debut": true, "des": true,
	"ici": true, "annee": true, "annees": true, "mi": true, "courant": true, "avant": true,
	"apres": true, "exercice": true, "budget": true, "bilan": true, "printemps": true,
	"ete": true, "automne": true, "hiver": true, "trimestre": true, "semestre": true,
	"jusqu": true, "dans": true, "entre": true, "vers": true,
	"milieu": true, "rentree": true, "saison": true, "au": true, "a": true,
	"de": true, "du": true, "le": true, "et": true, "ou": true, "partir": true, "campagne": true,
	"programmation": true, "periode": true, "rapport": true, "compte": true,
}

// monthTriggers introduce a month written without a year ("en mars", "fin juin").
var monthTriggers = map[string]bool{
	"en": true, "depuis": true, "fin": true, "debut": true, "mi": true, "courant": true,
	"ici": true, "des": true, "avant": true, "apres": true, "jusqu": true, "entre": true,
	"mois": true, "milieu": true, "dernier": true, "ce": true, "cet": true, "cette": true,
	"durant": true, "pendant": true,
}

// demonstratives before a month make it a time even abbreviated without a full stop
// ("cette Oct").
var demonstratives = map[string]bool{"ce": true, "cet": true, "cette": true}

// notYearBefore are words after which a number is not a year.
var notYearBefore = map[string]bool{
	"article": true, "art": true, "alinea": true, "page": true, "p": true, "pages": true,
	"tome": true, "annexe": true, "chapitre": true, "titre": true, "route": true,
	"rd": true, "rn": true, "rue": true, "avenue": true, "bp": true, "cs": true,
	"cedex": true, "tel": true, "fax": true, "numero": true, "deliberation": true,
	"deliberations": true, "arrete": true, "arretes": true, "decision": true,
	"decisions": true, "decret": true, "loi": true, "ordonnance": true, "circulaire": true,
	"reglement": true, "directive": true, "dcm": true, "delib": true, "code": true,
	"dossier": true, "lot": true, "parcelle": true, "section": true, "version": true,
}

// programmeNames are words that, capitalised before a year, name a programme or an
// event rather than a time ("France 2030", "Horizon 2020", "Euro 2016").
var programmeNames = map[string]bool{
	"france": true, "horizon": true, "europe": true, "agenda": true, "ambition": true,
	"vision": true, "euro": true, "expo": true, "cop": true, "lille": true, "paris": true,
}

// notYearAfter are words after which a four-digit number is a quantity, not a year.
var notYearAfter = map[string]bool{
	"euros": true, "euro": true, "eur": true, "m": true, "km": true, "ha": true,
	"hectares": true, "metres": true, "m2": true, "kw": true, "kwh": true, "mw": true,
	"mwh": true, "t": true, "tonnes": true, "kg": true, "litres": true, "l": true,
	"heures": true, "h": true, "minutes": true, "ans": true, "mois": true, "jours": true,
	"pour": false, "places": true, "lits": true, "m3": true, "k": true,
}

// functionWords ending in s or x that may follow a year ("en 2018 les projets").
var functionWords = map[string]bool{
	"les": true, "des": true, "ces": true, "ses": true, "mes": true, "tes": true,
	"nos": true, "vos": true, "leurs": true, "dans": true, "sous": true, "sans": true,
	"vers": true, "plus": true, "moins": true, "puis": true, "alors": true, "mais": true,
	"apres": true, "depuis": true, "tous": true, "toutes": true, "nous": true, "vous": true,
	"lors": true, "jusqu": true, "pres": true, "aux": true, "deux": true, "trois": true,
	"ceux": true, "parmi": true, "selon": true, "avons": true, "sommes": true, "etes": true,
	"avez": true, "dernieres": true, "derniers": true, "prochains": true, "prochaines": true,
	"tandis": true, "toujours": true, "dus": true, "pas": true, "tres": true,
}

func isYear(n, digits int) bool { return digits == 4 && n >= 1800 && n <= 2099 }

type dval struct{ y, m, d int }

func (v dval) iso() string {
	if v.y <= 0 || v.y > 9999 {
		return ""
	}
	b := [10]byte{byte('0' + v.y/1000), byte('0' + v.y/100%10), byte('0' + v.y/10%10), byte('0' + v.y%10),
		'-', byte('0' + v.m/10%10), byte('0' + v.m%10), '-', byte('0' + v.d/10%10), byte('0' + v.d%10)}
	switch {
	case v.m <= 0:
		return string(b[:4])
	case v.d <= 0:
		return string(b[:7])
	}
	return string(b[:])
}

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

// dent is one date value found, with the token range of its expression.
type dent struct {
	i, j   int // tokens [i, j) of the whole expression
	v      dval
	noYear bool // the year is to be resolved from context
	// rel is +1 for a month or day said to be next ("janvier prochain"), -1 for one
	// said to be past ("le 12 mars dernier"): its year is counted from the
	// publication date. ctx marks a relative year ("l'an prochain", "l'année
	// dernière"): it sets the year of its sentence but is not a date itself.
	rel int8
	ctx bool
}

type dateScanner struct {
	tokens
	out []dent
}

// Dates returns the calendar references of t (see the DATES section of the package
// documentation): one entry per distinct text and value, in text order. published is
// the document's publication date (ISO, possibly empty), used for the year of a day or
// month written without one.
func Dates(t *Text, published string) []corpus.Date {
	return datesOf(newTokens(t), published)
}

func datesOf(x tokens, published string) []corpus.Date {
	sc := dateScanner{tokens: x, out: make([]dent, 0, 16+len(x.Toks)/200)}
	for i := sc.skip(0); i < len(sc.Toks); i = sc.skip(i) {
		if tk := sc.Toks[i]; tk.Kind == tokWord && !sc.gluedNum(i+1) {
			// at does nothing with a word that is neither a month nor a day written
			// out; a day written out is tried after "le", "du", "au", or when it starts
			// like a month ("deux", "seize").
			w := sc.F[tk.S:tk.E]
			if n := len(w); monthOf(w) == 0 && !(dayWordValue(w) > 0 && (sc.afterLeDuAu(i) || n >= 3 && n <= 9 && monthPrefix(w))) {
				if (n == 2 || n == 5) && sc.F[tk.S] == 'a' {
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

// skip returns the first token from i on that may start a date or "l'an prochain":
// a number, a word glued to a number, or a word whose first byte and length may be
// those of a month, a day written out, "an" or "annee" (fDate). Most tokens are none
// of these; datesOf checks the words it returns further.
func (x *dateScanner) skip(i int) int {
	toks := x.Toks
	for i < len(toks) && toks[i].Flags&(fNum|fDate|fBeforeNum) == 0 {
		i++
	}
	return i
}

// gluedNum reports whether token i is a number glued to the token before it.
func (x *dateScanner) gluedNum(i int) bool {
	return i < len(x.Toks) && x.Toks[i].Gap == gapNone && x.Toks[i].Kind == tokNum
}

// dateGuard admits a month name or abbreviation, a day written out and "an", "annee"
// (lex.Months, lex.DayWords, lex.YearWords): the lexer's fDate comes from its lengths.
var dateGuard = &text.DateGuard

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

// relativeYear records "l'an prochain", "l'année prochaine", "l'an dernier", "l'année
// dernière", "l'an passé", "l'année passée" at token i ("an" or "annee") as a year
// context for the days and months of its sentence.
func (x *dateScanner) relativeYear(i int) {
	w := x.Str(i)
	if w != "an" && w != "annee" || !x.IsPunct(i-1, "'") || !x.IsWord(i-2, "l") {
		return
	}
	var rel int8
	switch x.Str(i + 1) {
	case "prochain", "prochaine":
		rel = 1
	case "dernier", "derniere", "passe", "passee":
		rel = -1
	default:
		// "L'an deux mille vingt-trois, le seize mars": the year of the sentence.
		if y, j, ok := x.year(i + 1); ok && x.Kind(i+1) == tokWord {
			x.out = append(x.out, dent{i: i - 2, j: j, v: dval{y: y}, ctx: true})
		}
		return
	}
	x.out = append(x.out, dent{i: i - 2, j: i + 2, rel: rel, ctx: true})
}

// relativeAfter returns +1 when token j says "prochain", -1 when it says "dernier",
// else 0.
func (x *dateScanner) relativeAfter(j int) int8 {
	if j >= len(x.Toks) || x.Toks[j].Gap > gapSpace {
		return 0
	}
	switch x.Str(j) {
	case "prochain":
		return 1
	case "dernier":
		return -1
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

// at tries the date patterns starting at token i and returns how many tokens it
// consumed (0: nothing here).
func (x *dateScanner) at(i int) int {
	switch x.Kind(i) {
	case tokWord:
		w := x.Str(i)
		if x.Glued(i+1) && x.Kind(i+1) == tokNum {
			// "Rev3", "T1", "A330", "L2121-1": an identifier.
			return x.Compound(i) - i
		}
		if _, ok := x.monthAt(i); ok {
			if n := x.monthList(i); n > 0 {
				return n
			}
		}
		if dayWordValue(w) > 0 {
			return x.writtenDay(i)
		}
		return 0
	case tokNum:
		if x.Glued(i) && x.Alnum(i-1) {
			return x.Compound(i) - i
		}
		if x.numeroBefore(i) {
			return x.Compound(i) - i
		}
		j := x.Compound(i)
		if j-i == 3 && x.dayRange(i+1) {
			if n := x.dayList(i); n > 0 {
				return n // "13-15 juillet"
			}
		}
		if j-i > 1 {
			if x.Kind(i+1) == tokWord && j-i == 2 && (isOrdinal(x.Str(i+1)) || monthOf(x.Str(i+1)) > 0) {
				// "1er mars", and "30juin 2023" with the space a PDF lost.
				if n := x.dayList(i); n > 0 {
					return n
				}
				return j - i
			}
			if n := x.numericDate(i, j); n > 0 {
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
			if k := x.dayList(i); k > 0 {
				return k
			}
			return max(x.spacedDate(i), 1)
		}
		if isYear(n, digits) {
			x.bareYear(i)
		}
		return 1
	}
	return 0
}

func isOrdinal(w string) bool {
	switch w {
	case "er", "re", "ere", "ᵉʳ", "ᵉ":
		return true
	}
	return false
}

// monthOf returns the month of a full month name (1–12), of an abbreviation (-1…-12),
// or 0. It runs on every word the lexer flags fDate: its guard spares the map lookup
// for most of them.
func monthOf(w string) int { return lex.Months.Value(w) }

// monthPrefix reports whether w starts like a month name or abbreviation.
func monthPrefix(w string) bool {
	return lex.Months.MayStart(w)
}

// afterLeDuAu reports whether token i follows "le", "du" or "au" (which introduce a
// day written out).
func (x *dateScanner) afterLeDuAu(i int) bool {
	if i == 0 || x.Toks[i-1].Kind != tokWord || x.Toks[i-1].E-x.Toks[i-1].S != 2 {
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
	return dayWordValues[w]
}

// writtenDay parses a day written out before a month, as minutes write it ("le seize
// mars", "le vingt-huit septembre", "le trente et un mai", "le premier juin"), at
// token i; the day is introduced by "le", "du" or "au".
func (x *dateScanner) writtenDay(i int) int {
	switch x.Str(x.PrevWord(i)) {
	case "le", "du", "au":
	default:
		return 0
	}
	d := dayWordValue(x.Str(i))
	j := i + 1
	if d >= 20 || d == 10 {
		switch {
		case x.IsPunct(j, "-") && x.Glued(j) && x.Kind(j+1) == tokWord:
			if u := dayWordValue(x.Str(j + 1)); u > 0 && u < 10 && u != 1 {
				d += u
				j += 2
			}
		case x.IsWord(j, "et") && x.IsWord(j+1, "un") && d >= 20:
			d++
			j += 2
		case x.Kind(j) == tokWord && x.Toks[j].Gap == gapSpace:
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
	x.out = append(x.out, dent{i: x.PrevWord(i), j: next, v: dval{y, m, d}, noYear: !hasYear})
	return next - i
}

// monthAt returns the month of the month name or abbreviation at token i.
func (x *dateScanner) monthAt(i int) (int, bool) {
	if x.Kind(i) != tokWord {
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
func (x *dateScanner) month(i int) (m, next int, bare bool, ok bool) {
	if x.Kind(i) != tokWord {
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
func (x *dateScanner) year(i int) (int, int, bool) {
	if i >= len(x.Toks) || x.Toks[i].Gap == gapPara {
		return 0, i, false
	}
	if x.IsPunct(i, ",") && x.Kind(i+1) == tokNum {
		// "12 janvier, 2016": a year after a comma, ending its clause.
		if y, j, ok := x.year(i + 1); ok && (j >= len(x.Toks) || x.Kind(j) == tokPunct || x.Toks[j].Gap >= gapLine) {
			return y, j, true
		}
		return 0, i, false
	}
	if x.Kind(i) == tokWord {
		if x.Str(i) == "de" {
			k := i + 1
			if x.IsWord(k, "l") && x.IsPunct(k+1, "'") && x.IsWord(k+2, "annee") {
				k += 3 // "novembre de l'année 2016"
			}
			if y, j, ok := x.year(k); ok && x.Kind(k) == tokNum && !x.countAfter(j) && !x.IsWord(j, "a") {
				return y, j, true // "juin de 1992", not "juin de 2000 à 2500 euros"
			}
			return 0, i, false
		}
		if _, ok := lookupNumber(x.Str(i)); ok {
			if v, j, scaled := x.wordNumber(i); scaled && v >= 1000 && v <= 2099 && v == math.Trunc(v) && !x.countAfter(j) {
				return int(v), j, true
			}
		}
		return 0, i, false
	}
	if x.Kind(i) != tokNum {
		return 0, i, false
	}
	n := x.Num(i)
	if len(x.Str(i)) == 2 && x.Toks[i].Gap == gapSpace && x.clauseEnd(i+1) {
		// "en juillet 98,", "Mai 68": two digits ending the clause (00–49 → 20xx).
		if n < 50 {
			return 2000 + n, i + 1, true
		}
		return 1900 + n, i + 1, true
	}
	if !isYear(n, len(x.Str(i))) && !x.oldYear(i) {
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
func (x *dateScanner) oldYear(i int) bool {
	n := x.Num(i)
	if len(x.Str(i)) != 4 || n < 1000 || n >= 1800 || x.countAfter(i+1) || x.Kind(i+1) == tokNum && x.Toks[i+1].Gap <= gapSpace {
		return false
	}
	_, month := x.monthAt(i - 1)
	return month && x.Toks[i].Gap == gapSpace
}

// clauseEnd reports whether token j ends a clause: the end of the text, a line
// break, or a punctuation mark other than one inside a number.
func (x *dateScanner) clauseEnd(j int) bool {
	if j >= len(x.Toks) || x.Toks[j].Gap >= gapLine {
		return true
	}
	if x.Kind(j) != tokPunct || x.Glued(j) && x.Glued(j+1) && x.Alnum(j+1) {
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
func (x *dateScanner) countAfter(j int) bool {
	if j >= len(x.Toks) || x.Toks[j].Gap > gapSpace {
		return false
	}
	w := x.Str(j)
	switch x.Kind(j) {
	case tokPunct:
		switch w {
		case "%", "€", "$", "°", "²":
			return true
		}
	case tokWord:
		if notYearAfter[w] {
			return true
		}
		if len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x') && !functionWords[w] && !x.Upper(j) {
			_, month := x.monthAt(j)
			return !month
		}
	}
	return false
}

// day parses a day number ("5", "05", "1er", "1ᵉʳ") at token i.
func (x *dateScanner) day(i int) (int, int, bool) {
	if x.Kind(i) != tokNum || len(x.Str(i)) > 2 {
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
		case x.Kind(j) == tokWord && isOrdinal(x.Str(j)):
			if d != 1 {
				return 0, i, false
			}
			j++
		case x.Kind(j) == tokWord && monthOf(x.Str(j)) > 0:
			// "30juin": a full month name glued by a PDF's lost space.
		case x.Alnum(j):
			return 0, i, false
		case x.Kind(j) == tokPunct && x.Glued(j+1) && x.Alnum(j+1):
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
	} else if d == 1 && x.IsWord(j, "er") && x.Toks[j].Gap == gapSpace {
		j++ // "1 er février": the space a PDF put in
	}
	return d, j, true
}

// dayRange reports whether the hyphen at k joins two days of a month written after
// them ("13-15 juillet").
func (x *dateScanner) dayRange(k int) bool {
	if x.Kind(k+1) != tokNum || len(x.Str(k+1)) > 2 || x.Glued(k+2) {
		return false
	}
	_, ok := x.monthAt(k + 2)
	return ok
}

// listSep parses a separator between two items of a list or range ("et", "au", ",",
// "-", "et le", "au lundi") and returns the index after it.
func (x *dateScanner) listSep(i int) (int, bool) {
	if i >= len(x.Toks) || x.Toks[i].Gap == gapPara {
		return i, false
	}
	j := i + 1
	switch {
	case x.Kind(i) == tokWord:
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
	case x.Kind(i) == tokPunct:
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
		if x.Kind(j) == tokWord && isWeekday(x.Str(j)) {
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

// dayList parses "5 février 2018", "1er janvier", "13 et 14 décembre 2016",
// "du 13 au 15 mars 2019", "28 février au 3 mars" at token i.
func (x *dateScanner) dayList(i int) int {
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
		x.out = append(x.out, dent{i: start, j: stop, v: dval{it.y, it.m, it.d}, noYear: it.y == 0, rel: rel})
	}
	return stop - i
}

// monthOfDays returns the index of the month after days introduced by "du mois de",
// "du mois d'" ("du 19 au 20 du mois de novembre", "le 6 du mois d'avril"), else j.
func (x *dateScanner) monthOfDays(j int) int {
	if !x.IsWord(j, "du") || !x.IsWord(j+1, "mois") {
		return j
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
func (x *dateScanner) namedAfterDate(i int) bool {
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

// monthList parses "mars 2017", "janvier et février 2018", "fin juin" at token i.
func (x *dateScanner) monthList(i int) int {
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
		x.out = append(x.out, dent{i: start, j: j, v: dval{items[k].y, items[k].m, 0}, noYear: items[k].y == 0, rel: rel})
	}
	return j - i
}

// notBareMonth reports whether the month at token i, alone (no day, year, time word
// nor second month), is not a date. A month name alone is one ("le conseil de
// juin"), but not "mars" (the planet, the brand) nor an abbreviation, nor a month
// after an article ("le Mai", a word cut short), nor a capitalised month before a
// capitalised word (a name: "AVRIL Florence").
func (x *dateScanner) notBareMonth(i int) bool {
	if x.Str(i) == "mars" || monthOf(x.Str(i)) < 0 {
		return true
	}
	if w := x.PrevWord(i); w == i-1 {
		switch x.Str(w) {
		case "le", "la", "un", "une":
			return true
		}
	}
	return x.Upper(i) && i+1 < len(x.Toks) && x.Toks[i+1].Gap == gapSpace && x.Upper(i+1)
}

// sentenceEnd reports whether tokens [from, to) cross the end of a sentence (. ! ? ;
// not inside a number) or a paragraph break.
func (x *dateScanner) sentenceEnd(from, to int) bool {
	for k := max(from, 0); k < to && k < len(x.Toks); k++ {
		tk := x.Toks[k]
		if tk.Gap == gapPara {
			return true
		}
		if tk.Kind == tokPunct && tk.E-tk.S == 1 {
			switch x.F[tk.S] {
			case '.', '!', '?', ';':
				if !(x.Kind(k-1) == tokNum && x.Glued(k) && x.Glued(k+1) && x.Kind(k+1) == tokNum) {
					return true
				}
			}
		}
	}
	return false
}

// elided extends word w back over an elided article or preposition glued to it
// ("d'ici", "l'année", "jusqu'en").
func (x *dateScanner) elided(w int) int {
	if x.IsPunct(w-1, "'") && x.Glued(w) && x.Glued(w-1) && x.Kind(w-2) == tokWord {
		return w - 2
	}
	return w
}

// monthTriggered reports whether the month at token i is introduced as a time ("en
// mars", "fin juin", "au mois de mai", "à partir de septembre").
func (x *dateScanner) monthTriggered(i int) bool {
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
func (f numericForm) read(nums, lens []int, sep string) (dval, bool) {
	var v dval
	if len(f.parts) != len(nums) || !strings.Contains(f.seps, sep) {
		return v, false
	}
	day := false
	for p := range len(nums) {
		n, l := nums[p], lens[p]
		switch c := f.parts[p]; {
		case (c == 'd' || c == 'm') && l <= 2, (c == 'D' || c == 'M') && l == 2:
			if c == 'd' || c == 'D' {
				v.d, day = n, true
			} else {
				v.m = n
			}
		case c == 'y' && isYear(n, l):
			v.y = n
		case c == 'z' && l == 2:
			v.y = 2000 + n
			if n >= 50 {
				v.y = 1900 + n // "05/05/89"
			}
		default:
			return v, false
		}
	}
	if v.m < 1 || v.m > 12 || day && !validDay(v.y, v.m, v.d) {
		return v, false
	}
	return v, true
}

// numericDate classifies the compound [i, j) starting with a number: a numeric date
// (numericForms), or a span of years "2017-2027", "2017/2018", "2017-18".
func (x *dateScanner) numericDate(i, j int) int {
	if w := x.PrevWord(i); w == i-1 && notYearBefore[x.Str(w)] {
		return 0
	}
	var nums [3]int
	var lens [3]int
	sep := ""
	k := 0
	for p := i; p < j; p++ {
		if k == 3 && x.IsWord(p, "t") && x.Kind(p+1) == tokNum {
			j = p // "2021-03-26T10:00:00": an ISO date and its time
			break
		}
		if x.Kind(p) == tokNum {
			if k == 3 {
				return 0
			}
			nums[k], lens[k] = x.Num(p), len(x.Str(p))
			k++
			continue
		}
		if x.Kind(p) != tokPunct {
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
		if v, ok := f.read(nums[:k], lens[:k], sep); ok && x.cued(f.cue, i, j, lens[:k]) && (v.y != 0 || !x.notDay(i, j)) {
			if y, next, ok := x.year(j); ok && v.y == 0 && v.d != 0 {
				v.y, j = y, next // "07/05, 2020", "17/02 2019"
			}
			x.out = append(x.out, dent{i: i, j: j, v: v, noYear: v.y == 0})
			return j - i
		}
	}
	switch {
	case k == 2 && isYear(nums[0], lens[0]) && lens[1] == 2 && (sep == "-" || sep == "/" || sep == "–") && nums[1] == (nums[0]+1)%100:
		x.out = append(x.out, dent{i: i, j: j, v: dval{y: nums[0]}}, dent{i: i, j: j, v: dval{y: nums[0] + 1}})
	case k == 2 && isYear(nums[0], lens[0]) && isYear(nums[1], lens[1]) && (sep == "-" || sep == "/" || sep == "–") && nums[1] > nums[0] && nums[1]-nums[0] <= 100:
		x.out = append(x.out, dent{i: i, j: j, v: dval{y: nums[0]}}, dent{i: i, j: j, v: dval{y: nums[1]}})
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
func (x *dateScanner) spacedDate(i int) int {
	if i+2 >= len(x.Toks) || x.Kind(i-1) == tokNum && x.Toks[i].Gap <= gapSpace {
		return 0
	}
	for k := i; k <= i+2; k++ {
		if x.Kind(k) != tokNum || k > i && x.Toks[k].Gap != gapSpace || k < i+2 && len(x.Str(k)) != 2 {
			return 0
		}
	}
	if x.Str(i)[0] != '0' && x.Str(i + 1)[0] != '0' || i+3 < len(x.Toks) && x.Toks[i+3].Gap <= gapSpace &&
		(x.Kind(i+3) == tokNum || x.Alnum(i+3) && x.Glued(i+3) || x.countAfter(i+3)) {
		return 0
	}
	y, l := x.Num(i+2), len(x.Str(i+2))
	v := dval{y, x.Num(i + 1), x.Num(i)}
	if !isYear(y, l) || v.m < 1 || v.m > 12 || !validDay(v.y, v.m, v.d) {
		return 0
	}
	x.out = append(x.out, dent{i: i, j: i + 3, v: v})
	return 3
}

// spacedMonthYear records a month and a year with a slash and a space the way PDFs
// space them ("11 / 2016", "03/ 2019", "6 /2022") at token i, as "my" reads them
// glued, and returns how many tokens it took (0: none).
func (x *dateScanner) spacedMonthYear(i int) int {
	m := x.Num(i)
	if i+2 >= len(x.Toks) || m < 1 || m > 12 || !x.IsPunct(i+1, "/") || x.Kind(i+2) != tokNum ||
		x.Toks[i+1].Gap == gapNone && x.Toks[i+2].Gap == gapNone || x.Toks[i+1].Gap > gapSpace || x.Toks[i+2].Gap > gapSpace {
		return 0
	}
	if w := x.PrevWord(i); w == i-1 && notYearBefore[x.Str(w)] || x.Kind(i-1) == tokPunct && x.Glued(i) {
		return 0 // "n° 11 / 2016", "4/11 / 2016"
	}
	y := x.Num(i + 2)
	if !isYear(y, len(x.Str(i+2))) || x.Glued(i+3) && (x.Alnum(i+3) || x.IsPunct(i+3, "/")) || x.countAfter(i+3) {
		return 0
	}
	x.out = append(x.out, dent{i: i, j: i + 3, v: dval{y: y, m: m}})
	return 3
}

// numericRange records the compound [i, j) of two days and months as numbers joined
// by a hyphen, with a year after the second or not ("du 28/12-03/01/2017", "semaine
// du 01/06-07/06"), and returns how many tokens it took (0: none). Without a year it
// needs a day's cue, as "le 17/02" does (dayCued).
func (x *dateScanner) numericRange(i, j int) int {
	if j-i != 7 && j-i != 9 || !x.IsPunct(i+3, "-") && !x.IsPunct(i+3, "–") {
		return 0
	}
	var v [2]dval
	lens := make([]int, 0, 4)
	for k := range 2 {
		p := i + 4*k
		if !x.IsPunct(p+1, "/") || len(x.Str(p)) > 2 || len(x.Str(p+2)) > 2 || x.Kind(p) != tokNum || x.Kind(p+2) != tokNum {
			return 0
		}
		v[k] = dval{0, x.Num(p + 2), x.Num(p)}
		lens = append(lens, len(x.Str(p)), len(x.Str(p+2)))
	}
	y, next := 0, j
	if j-i == 9 {
		if !x.IsPunct(i+7, "/") || !isYear(x.Num(i+8), len(x.Str(i+8))) {
			return 0
		}
		y = x.Num(i + 8)
	} else if !x.dayCued(i, j, lens[:2]) || x.notDay(i, j) {
		return 0
	} else if yy, after, ok := x.year(j); ok {
		y, next = yy, after // "du 01/05-07/05, 2020"
	}
	v[0].y, v[1].y = y, y
	if y != 0 && (v[0].m > v[1].m || v[0].m == v[1].m && v[0].d > v[1].d) {
		v[0].y-- // "28/12-03/01/2017": December of the year before
	}
	for _, d := range v {
		if d.m < 1 || d.m > 12 || !validDay(d.y, d.m, d.d) {
			return 0
		}
	}
	x.out = append(x.out, dent{i: i, j: next, v: v[0], noYear: y == 0}, dent{i: i, j: next, v: v[1], noYear: y == 0})
	return next - i
}

// cued reports whether the numeric date [i, j) has the cue its form needs.
func (x *dateScanner) cued(cue uint8, i, j int, lens []int) bool {
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
func (x *dateScanner) dayCued(i, j int, lens []int) bool {
	if len(lens) == 2 && lens[0] == 1 && lens[1] == 1 {
		return false
	}
	w := x.PrevWord(i)
	if w == i-1 && (dayCues[x.Str(w)] || isWeekday(x.Str(w))) {
		return true
	}
	if x.IsPunct(i-1, "(") && isWeekday(x.Str(x.PrevWord(i-1))) {
		return true // "vendredi (15/06)"
	}
	if w == i-1 && x.Str(w) == "de" && x.IsWord(j, "a") && x.Kind(j+1) == tokNum && x.Compound(j+1) > j+2 {
		return true // "de 01/10 à 07/11": a range of such dates
	}
	// The next item of a list or range of such dates ("le 20/11, 22/11 ou 25/11").
	if n := len(x.out); n > 0 && x.out[n-1].v.y == 0 && x.out[n-1].v.d != 0 {
		next, ok := x.listSep(x.out[n-1].j)
		return ok && next == i
	}
	return false
}

// notDay reports whether the day and month written as numbers [i, j) are a number:
// after a capital letter (an act's number "D 87/12"), or before a word that makes
// them a street number ("9/12 bis"), a quantity ("10/12 ans") or a ratio ("%").
func (x *dateScanner) notDay(i, j int) bool {
	if w := x.PrevWord(i); w == i-1 && x.Toks[w].E-x.Toks[w].S == 1 && x.Upper(w) {
		return true
	}
	if x.Kind(j) == tokWord && x.Toks[j].Gap <= gapSpace && (notDayAfter[x.Str(j)] || notYearAfter[x.Str(j)]) {
		return true
	}
	return x.IsPunct(j, "%")
}

// gluedDayMonth records the compound [i, j) of a day and a month name joined by a
// hyphen or a slash, with a year after another one or not ("22-avril", "02/oct.",
// "23/sep/2020").
func (x *dateScanner) gluedDayMonth(i, j int) {
	sep := x.Str(i + 1)
	if j-i != 3 && j-i != 5 || sep != "-" && sep != "/" || len(x.Str(i)) > 2 {
		return
	}
	m, ok := x.monthAt(i + 2)
	d := x.Num(i)
	if !ok || d < 1 || d > 31 {
		return
	}
	e := dent{i: i, j: j, v: dval{0, m, d}, noYear: true}
	if j-i == 5 {
		if x.Str(i+3) != sep || !isYear(x.Num(i+4), len(x.Str(i+4))) {
			return
		}
		e.v.y, e.noYear = x.Num(i+4), false
	} else if x.Glued(j) && x.IsPunct(j, ".") && monthOf(x.Str(i+2)) < 0 {
		e.j++ // "02/oct."
	}
	if validDay(e.v.y, m, d) {
		x.out = append(x.out, e)
	}
}

// bareYear records the four-digit number at token i as a year unless its context
// makes it a name ("France 2030"), an identifier or a quantity ("2000 habitants").
func (x *dateScanner) bareYear(i int) {
	start := i
	if w := x.PrevWord(i); w >= 0 {
		pw := x.Str(w)
		if notYearBefore[pw] && w == i-1 {
			return
		}
		if yearTriggers[pw] {
			if w >= i-2 {
				start = x.elided(w)
			}
		} else if w == i-1 && x.Upper(w) && (!x.SentenceStart(w) && !x.AllCaps(w) || programmeNames[pw]) {
			// A capitalised word right before, inside a sentence: a name ("France 2030",
			// "Horizon Europe 2027"). At the start of a sentence or heading the capital
			// says nothing ("Calendrier 2019 :"), nor does a word in capitals (a heading
			// "BUDGET PRIMITIF 2024", an acronym "DETR 2024"), except for programme names.
			return
		}
	}
	if k := i - 1; k >= 0 && x.Kind(k) == tokNum && x.Toks[i].Gap == gapSpace && len(x.Str(k)) <= 3 && !(x.Glued(k) && x.Alnum(k-1)) {
		return // a digit group ("1 2018" cannot be a year)
	}
	// What follows.
	j := i + 1
	if j < len(x.Toks) && x.Toks[j].Gap <= gapSpace {
		switch x.Kind(j) {
		case tokPunct:
			switch x.Str(j) {
			case "%", "€", "$", "°", "²":
				return
			case ",", ".":
				if x.Glued(j) && x.Glued(j+1) && x.Kind(j+1) == tokNum {
					return // a decimal number
				}
			}
		case tokWord:
			w := x.Str(j)
			if notYearAfter[w] {
				return
			}
			if x.Toks[j].Gap == gapSpace && len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x') && !functionWords[w] && !x.Upper(j) {
				if _, ok := x.monthAt(j); !ok {
					return // "2000 communes": a count
				}
			}
		case tokNum:
			if x.Toks[j].Gap == gapSpace && len(x.Str(j)) == 3 {
				return // "2015 000": a digit group
			}
		}
		switch x.Str(j) {
		case "a", "et", "-", "–":
			if x.Kind(j+1) == tokNum && x.countAfter(j+2) {
				return // "de 2000 à 2500 visiteurs", "entre 1800 et 2000 euros"
			}
		}
	}
	x.out = append(x.out, dent{i: start, j: i + 1, v: dval{y: x.Num(i)}})
}

// finish resolves the years left open and builds the result. A day or month written
// without a year takes the nearest year established before it in the same sentence,
// else the publication year, else the nearest year established before it anywhere,
// else the first one after it.
func (x *dateScanner) finish(pubYear, pubMonth int) []corpus.Date {
	if len(x.out) == 0 {
		return nil
	}
	res := make([]corpus.Date, 0, len(x.out))
	var seen seenSet[[2]string]
	// Entries are in text order: keep the last explicit year seen, the year of the
	// current sentence (until a sentence end is crossed), and the last anywhere.
	sentYear, anyYear, scanned := 0, 0, 0
	for k, e := range x.out {
		if e.ctx {
			// "l'an prochain", "l'an deux mille trois": the year of what follows in
			// its sentence.
			if e.v.y != 0 {
				sentYear, scanned = e.v.y, e.j
			} else if pubYear != 0 {
				sentYear, scanned = pubYear+int(e.rel), e.j
			}
			continue
		}
		if e.noYear && e.rel == 0 {
			if y, j := x.yearOfAfter(k, pubYear); y != 0 {
				e.v.y, e.j, e.noYear = y, j, false // "en juin de l'année prochaine"
			} else if y := x.rangeYear(k); y != 0 {
				e.v.y, e.noYear = y, false // "du 01/10 au 02/11/2017"
			}
		}
		if e.noYear {
			if sentYear != 0 && x.sentenceEnd(scanned, e.i) {
				sentYear = 0
			}
			scanned = max(scanned, e.i)
			switch {
			case e.rel != 0 && pubMonth != 0:
				// "janvier prochain" is the next January after the publication date,
				// "mars dernier" the last March before it.
				e.v.y = pubYear
				if e.rel > 0 && e.v.m <= pubMonth {
					e.v.y++
				} else if e.rel < 0 && e.v.m > pubMonth {
					e.v.y--
				}
			case sentYear != 0:
				e.v.y = sentYear
			case pubYear != 0:
				e.v.y = pubYear
			case anyYear != 0:
				e.v.y = anyYear
			default:
				e.v.y = x.nextYear(k)
			}
			if e.v.y == 0 || !validDay(e.v.y, max(e.v.m, 1), max(e.v.d, 1)) {
				continue
			}
		} else {
			sentYear, anyYear, scanned = e.v.y, e.v.y, e.j
		}
		s, end := x.Span(e.i, e.j)
		text := x.T.S[s:end]
		val := e.v.iso()
		if !seen.add([2]string{text, val}) {
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
func (x *dateScanner) yearOfAfter(k, pubYear int) (int, int) {
	if k+1 >= len(x.out) {
		return 0, 0
	}
	e, n := x.out[k], x.out[k+1]
	if !n.ctx || n.i != e.j+1 || !x.IsWord(e.j, "de") {
		return 0, 0
	}
	if n.v.y != 0 {
		return n.v.y, n.j
	}
	if pubYear == 0 {
		return 0, 0
	}
	return pubYear + int(n.rel), n.j
}

// rangeYear returns the year of the date that follows entry k as the other end of a
// range or the next item of a list ("du 01/10 au 02/11/2017", "le 3/05 et le
// 7/05/2020"), the year before when that date's month comes earlier, or 0.
func (x *dateScanner) rangeYear(k int) int {
	if k+1 >= len(x.out) {
		return 0
	}
	e, n := x.out[k], x.out[k+1]
	if n.noYear || n.ctx || n.v.m == 0 || n.i < e.j || n.i > e.j+3 {
		return 0
	}
	if next, ok := x.listSep(e.j); !ok || next != n.i {
		return 0
	}
	if e.v.m > n.v.m {
		return n.v.y - 1
	}
	return n.v.y
}

// nextYear returns the year written out after entry k in its sentence (for a day or
// month without a year, in a text with no publication date and no year before it:
// "Le 11 juillet, suivant la convocation du 4 juillet 2017"), or 0. A year in a later
// sentence is not established for it.
func (x *dateScanner) nextYear(k int) int {
	for _, e := range x.out[k+1:] {
		if !e.noYear && !e.ctx {
			if x.sentenceEnd(x.out[k].j, e.i) {
				return 0
			}
			return e.v.y
		}
	}
	return 0
}

// seenSet is a set of the keys of the entries already kept, for dropping duplicates:
// a list scanned in order while it is short (most texts have a few dates and
// amounts), a map once it grows.
type seenSet[K comparable] struct {
	list []K
	m    map[K]struct{}
}

// add adds k and reports whether it was new.
func (s *seenSet[K]) add(k K) bool {
	if s.m != nil {
		if _, ok := s.m[k]; ok {
			return false
		}
		s.m[k] = struct{}{}
		return true
	}
	for _, l := range s.list {
		if l == k {
			return false
		}
	}
	if len(s.list) < 16 {
		s.list = append(s.list, k)
		return true
	}
	s.m = make(map[K]struct{}, 2*len(s.list))
	for _, l := range s.list {
		s.m[l] = struct{}{}
	}
	s.m[k] = struct{}{}
	return true
}
