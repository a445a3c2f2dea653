package dates_test

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/amounts"
	"terril/extract/dates"
	"terril/extract/lex"
	"terril/extract/text"
)

// The peer specs: Microsoft Recognizers-Text's French test specifications in
// ../../shared/peer (see its README for a fair reading). The test keeps the cases in
// terril's scope (calendar dates with a month name, a numeric date or a four-digit
// year, and their periods; euro amounts), reports detection and value accuracy, and
// fails when a figure falls below the floor reached.

const peerDir = "../../../shared/peer/recognizers-text-fr"

// Floors: the figures reached; a rule that lowers one fails the test.
const (
	peerFloorDateFound   = 0.907 // 786/866
	peerFloorDateValue   = 0.853 // 362/424
	peerFloorEuroNative  = 1.0   // 6/6
	peerFloorEuroNumbers = 1.0   // 93/93
	peerMaxNonEuro       = 0
)

type peerCase struct {
	Input   string
	Context struct {
		ReferenceDateTime string
	}
	NotSupported string
	Results      []peerResult
}

type peerResult struct {
	Text       string
	Type       string
	TypeName   string
	Start      int
	Length     int
	End        int
	Value      json.RawMessage
	Resolution json.RawMessage
}

// span returns the byte span of r in the normalised input: the specs count UTF-16
// units (runes here: French is in the BMP); Model results have an inclusive End.
func (r peerResult) span(input string) (int, int) {
	n := r.Length
	if n == 0 && r.End >= r.Start {
		n = r.End - r.Start + 1
	}
	runes := []rune(input)
	s, e := min(r.Start, len(runes)), min(r.Start+n, len(runes))
	if got := string(runes[s:e]); !strings.EqualFold(strings.TrimSpace(got), strings.TrimSpace(r.Text)) &&
		!strings.HasPrefix(strings.ToLower(got), strings.ToLower(strings.TrimSpace(r.Text))) {
		// A few specs give a span that is not their Text ("le mois de mars" at the
		// place of "pas ici au mois de"): the Text where the input has it, else the
		// whole input (such cases have one date).
		lower := strings.ToLower(input)
		if k := strings.Index(lower, strings.ToLower(r.Text)); k >= 0 {
			s = utf8.RuneCountInString(lower[:k])
			e = min(s+utf8.RuneCountInString(r.Text), len(runes))
		} else {
			s, e = 0, len(runes)
		}
	}
	// A letter after the prefix keeps a space Normalize would drop at its end.
	norm := func(k int) int { return len(text.Normalize(string(runes[:k])+"x")) - 1 }
	return norm(s), norm(e)
}

func readPeer(tb testing.TB, name string) []peerCase {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(peerDir, name))
	if err != nil {
		tb.Skipf("%s not found (%v): the peer specs are in ../shared/peer", name, err)
	}
	b = []byte(strings.TrimPrefix(string(b), "\ufeff"))
	var cs []peerCase
	if err := json.Unmarshal(b, &cs); err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return cs
}

// peerOutOfScope are words whose presence makes a date expression a week, a season,
// a quarter, a decade, a holiday, a time or a duration: out of scope.
var peerOutOfScope = regexp.MustCompile(`\b(semaines?|week|weekend|trimestres?\d*|quart|semestre|saison|ete|printemps|automne|hiver|decennies?|siecles?|annees|noel|paques|toussaint|saint|noir|terre|fete|exercice|scolaire|sy|fy|heures?|matin|soir|nuit|midi|minuit|aujourd|demain|hier|maintenant|jours?|ans|mi|[hq][1-4])\b|\d+s\b|\d(h|ᵉ|eme)\b`)

var (
	peerNumericDate = regexp.MustCompile(`\d{1,4} ?[/.\-,] ?\d{1,4}`)
	peerYear        = regexp.MustCompile(`\b(1[89]|20)\d\d\b`)
	peerTimexOut    = regexp.MustCompile(`W|T|Q|H\d|SP|SU|FA|WI|^P|XX\d\d`)
	// peerHasYear: the text writes a year (else values compare without it).
	peerHasYear = regexp.MustCompile(`\d{4}|\d{1,2} ?[/.\-] ?\d{1,2} ?[/.\-,] ?\d{2}|\bmille?\b`)
)

// peerDateScope reports whether an expected date expression is in scope: a month
// name, a numeric date or a four-digit year, and nothing that makes it a week, a
// season, a time or a duration.
func peerDateScope(in, timex string) bool {
	f := text.New(text.Normalize(in)).Folded
	if peerOutOfScope.MatchString(f) || timex != "" && peerTimexOut.MatchString(timex) {
		return false
	}
	month := false
	toks := text.LexString(f)
	for k, tk := range toks {
		w := f[tk.S:tk.E]
		if tk.Kind != text.Word || lex.Months.Value(w) == 0 {
			continue
		}
		// "vingt-sept", "mille sept cent": the number, not September.
		if w == "sept" && k > 0 && (f[toks[k-1].S:toks[k-1].E] == "-" || text.IsNumberWord(f[toks[k-1].S:toks[k-1].E]) ||
			k+1 < len(toks) && text.IsNumberWord(f[toks[k+1].S:toks[k+1].E])) {
			continue
		}
		month = true
	}
	if !month && strings.Contains(f, "mois") {
		return false // "le 4 de ce mois": the month is relative
	}
	return month || peerYear.MatchString(f) || peerNumericDate.MatchString(f)
}

// Expected values not scored, each for a written reason (peerContradicts says which
// applies); the test logs every case it leaves out.
const (
	peerWhyNotResolved = "not a calendar day: the spec itself resolves it as \"not resolved\" (30 February, 29/2/2019)"
	peerWhyMonthDay    = "the spec reads a numeric date whose parts are both <= 12 month first (English); French writes day/month"
	peerWhyMonthName   = "the expected month is neither the month the text names nor a number in it"
	peerWhyDay         = "the expected day is no number the text writes beside its month name"
	peerWhyYear        = "the expected year is not the four-digit year the text writes"
)

// peerRelative are the words that make a date relative or a part of a unit: its
// values need not be written in the text, so peerContradicts says nothing of them.
var peerRelative = regexp.MustCompile(`\b(ce|cet|cette|prochaine?|derniere?|suivante?|precedente?|passee?|fin|debut|milieu|mi|premier|deuxieme|seconde?|troisieme|quatrieme|cinquieme|l'annee|annee)\b`)

// peerContradicts returns why the expected values want contradict the text (one of
// the peerWhy reasons), or "" when they may be read from it: the spec's French cases
// were translated from English ones and some kept the English value.
func peerContradicts(in string, want []string) string {
	f := text.New(text.Normalize(in)).Folded
	var months, nums, years []int
	words := false
	toks := text.LexString(f)
	for k, tk := range toks {
		w := f[tk.S:tk.E]
		switch {
		case tk.Kind == text.Word && lex.Months.Value(w) != 0:
			months = append(months, max(lex.Months.Value(w), -lex.Months.Value(w)))
		case tk.Kind == text.Word && text.IsNumberWord(w):
			words = true
		case tk.Kind == text.Num && len(w) <= 2:
			nums = append(nums, atoiPeer(w))
		case tk.Kind == text.Num && len(w) == 4:
			years = append(years, atoiPeer(w))
		}
		// "3-7-2017" expecting 2017-03-07: two parts <= 12 read month first.
		if tk.Kind == text.Num && len(w) <= 2 && k+2 < len(toks) && toks[k+2].Kind == text.Num && len(f[toks[k+2].S:toks[k+2].E]) <= 2 &&
			strings.Contains("/.-", f[toks[k+1].S:toks[k+1].E]) && (k == 0 || toks[k-1].Kind != text.Punct || tk.Gap != text.GapNone) {
			a, b := atoiPeer(w), atoiPeer(f[toks[k+2].S:toks[k+2].E])
			for _, v := range want {
				if a != b && a <= 12 && b <= 12 && len(v) == 10 && atoiPeer(v[5:7]) == a && atoiPeer(v[8:]) == b {
					return peerWhyMonthDay
				}
			}
		}
	}
	if peerRelative.MatchString(f) {
		return ""
	}
	for _, v := range want {
		// A period of years or months gives its ends as first days: "-01-01" and,
		// where the text writes no day, "-01" are no part of the text.
		if len(v) < 7 || v[5] == 'X' || strings.HasSuffix(v, "-01-01") {
			continue
		}
		if y := atoiPeer(v[:4]); len(want) == 1 && len(years) > 0 && v[0] != 'X' && !slices.Contains(years, y) {
			return peerWhyYear
		}
		if m := atoiPeer(v[5:7]); !slices.Contains(months, m) && !(len(months) == 0 && slices.Contains(nums, m)) {
			return peerWhyMonthName
		}
		if len(v) == 10 && !words && len(months) > 0 && len(nums) > 0 && !slices.Contains(nums, atoiPeer(v[8:])) {
			return peerWhyDay
		}
	}
	return ""
}

func atoiPeer(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// peerEndOf gives, for a period whose Timex ends with the first day after "la fin
// de 2008" ("(2007-01-01,2009-01-01,P24M)"), the end as the text says it: the year
// (a duration of years or of twelve months) or the month before.
func peerEndOf(v, dur string) string {
	months := strings.HasSuffix(dur, "M") && atoiPeer(strings.Trim(dur, "PM"))%12 == 0
	switch {
	case (strings.HasSuffix(dur, "Y") || months) && strings.HasSuffix(v, "-01-01") && v[0] != 'X':
		return fmt.Sprintf("%04d", atoiPeer(v[:4])-1)
	case strings.HasSuffix(dur, "M") && len(v) == 10 && strings.HasSuffix(v, "-01"):
		m := atoiPeer(v[5:7]) - 1
		if m == 0 {
			if v[0] == 'X' {
				return "XXXX-12"
			}
			return fmt.Sprintf("%04d-12", atoiPeer(v[:4])-1)
		}
		return fmt.Sprintf("%s-%02d", v[:4], m)
	}
	return v
}

// peerTimexValues turns a Timex into the values terril should give: a date, a month
// or a year, or a period's two ends; "XXXX" when the text gives no year.
func peerTimexValues(timex string) []string {
	if strings.HasPrefix(timex, "(") {
		parts := strings.Split(strings.Trim(timex, "()"), ",")
		if len(parts) < 2 {
			return nil
		}
		return []string{parts[0], parts[1]}
	}
	return []string{timex}
}

// peerFinValues are want with, for a text that says "la fin de", the period's ends
// read as peerEndOf does: Recognizers writes the end of 2008 as 2009-01-01.
func peerFinValues(in, timex string, want []string) [][]string {
	alts := make([][]string, len(want))
	parts := strings.Split(strings.Trim(timex, "()"), ",")
	fin := len(parts) == 3 && strings.Contains(text.New(text.Normalize(in)).Folded, "fin d")
	for k, w := range want {
		alts[k] = []string{w}
		if e := peerEndOf(w, parts[len(parts)-1]); fin && e != w {
			alts[k] = append(alts[k], e)
		}
	}
	return alts
}

// peerDateMatch reports whether terril's value v is the expected e: equal, or e at a
// finer precision whose extra parts are the first of their unit (a period of
// months or years gives its ends as first days); without a year in the text (noYear)
// or in e, month and day only.
func peerDateMatch(v, e string, noYear bool) bool {
	if noYear || strings.HasPrefix(e, "XXXX") {
		if len(v) < 4 || len(e) < 4 {
			return false
		}
		v, e = v[4:], e[4:]
	}
	if v == e {
		return true
	}
	if !strings.HasPrefix(e, v) {
		return false
	}
	rest := e[len(v):]
	return rest == "-01" || rest == "-01-01"
}

// peerSetsMatch reports whether every value of got matches one of want and every
// one of want is matched; each wanted value may be read in one of its alternatives.
func peerSetsMatch(got []string, want [][]string, noYear bool) bool {
	if len(got) == 0 {
		return false
	}
	matches := func(g string, alts []string) bool {
		return slices.ContainsFunc(alts, func(w string) bool { return peerDateMatch(g, w, noYear) })
	}
	for _, g := range got {
		if !slices.ContainsFunc(want, func(alts []string) bool { return matches(g, alts) }) {
			return false
		}
	}
	for _, alts := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return matches(g, alts) }) {
			return false
		}
	}
	return true
}

// peerDateTimex returns the Timex of a parser or model result and whether its type
// is a date or a date period.
func peerDateTimex(r peerResult) (string, bool) {
	if len(r.Value) > 0 {
		var v struct{ Timex string }
		_ = json.Unmarshal(r.Value, &v)
		return v.Timex, r.Type == "date" || r.Type == "daterange"
	}
	if len(r.Resolution) > 0 {
		var v struct {
			Values []struct{ Timex string }
		}
		_ = json.Unmarshal(r.Resolution, &v)
		if len(v.Values) == 0 {
			return "", false
		}
		return v.Values[0].Timex, r.TypeName == "datetimeV2.date" || r.TypeName == "datetimeV2.daterange"
	}
	return "", r.Type == "date" || r.Type == "daterange"
}

type peerTally struct{ n, ok int }

func (t peerTally) rate() float64 {
	if t.n == 0 {
		return 1
	}
	return float64(t.ok) / float64(t.n)
}

func (t peerTally) String() string { return fmt.Sprintf("%d/%d = %.3f", t.ok, t.n, t.rate()) }

// peerOtherResult reports whether terril's date d is the value of another expected
// result of c that it overlaps too: the guidelines give "le 18 et le 19 juin" as one
// expression with two values where the spec has "18" and "19 juin".
func peerOtherResult(c peerCase, r peerResult, d corpus.Date) bool {
	for _, o := range c.Results {
		timex, isDate := peerDateTimex(o)
		if o.Start == r.Start && o.Text == r.Text || !isDate || timex == "" {
			continue
		}
		s, e := o.span(c.Input)
		noYear := !peerHasYear.MatchString(text.New(text.Normalize(o.Text)).Folded)
		if d.Start < e && s < d.End && slices.ContainsFunc(peerTimexValues(timex), func(w string) bool { return peerDateMatch(d.Value, w, noYear) }) {
			return true
		}
	}
	return false
}

// peerDateResult scores one expected result against terril's dates of its input:
// whether it is in scope, found, has a value to compare, and the values match.
func peerDateResult(t *testing.T, file string, c peerCase, r peerResult, dates []corpus.Date) (scope, found, valued, ok bool) {
	timex, isDate := peerDateTimex(r)
	if !isDate || !peerDateScope(r.Text, timex) {
		return false, false, false, false
	}
	if strings.Contains(string(r.Resolution)+string(r.Value), "not resolved") {
		t.Logf("%s: left out %q: %s", file, r.Text, peerWhyNotResolved)
		return false, false, false, false
	}
	s, e := r.span(c.Input)
	var got []string
	for _, d := range dates {
		if d.Start < e && s < d.End && !slices.Contains(got, d.Value) && !peerOtherResult(c, r, d) {
			got = append(got, d.Value)
		}
	}
	if len(got) == 0 && testing.Verbose() {
		t.Logf("%s: missed %q in %q", file, r.Text, c.Input)
	}
	if timex == "" {
		return true, len(got) > 0, false, false
	}
	noYear := !peerHasYear.MatchString(text.New(text.Normalize(r.Text)).Folded)
	want := peerTimexValues(timex)
	if why := peerContradicts(r.Text, want); why != "" {
		t.Logf("%s: value of %q (want %v) not scored: %s", file, r.Text, want, why)
		return true, len(got) > 0, false, false
	}
	ok = peerSetsMatch(got, peerFinValues(r.Text, timex, want), noYear)
	if !ok && len(got) > 0 && testing.Verbose() {
		t.Logf("%s: %q in %q: got %v, want %v", file, r.Text, c.Input, got, want)
	}
	return true, len(got) > 0, true, ok
}

func TestPeerDates(t *testing.T) {
	// All in-scope cases, and those the peer itself passes (not NotSupported by dotnet).
	var found, valued, foundPeer, valuedPeer peerTally
	count := func(t *peerTally, cond, ok bool) {
		if cond {
			t.n++
			if ok {
				t.ok++
			}
		}
	}
	for _, file := range []string{"DateTime_DateExtractor.json", "DateTime_DateParser.json",
		"DateTime_DatePeriodExtractor.json", "DateTime_DatePeriodParser.json", "DateTime_DateTimeModel.json"} {
		var f, v peerTally
		for _, c := range readPeer(t, file) {
			ref := "2016-11-07"
			if r := c.Context.ReferenceDateTime; len(r) >= 10 {
				ref = r[:10]
			}
			dates := findDates(newTestText(c.Input), ref)
			peerPasses := !strings.Contains(c.NotSupported, "dotnet")
			for _, r := range c.Results {
				scope, ok, hasValue, valueOK := peerDateResult(t, file, c, r, dates)
				count(&f, scope, ok)
				count(&v, hasValue, valueOK)
				count(&foundPeer, scope && peerPasses, ok)
				count(&valuedPeer, hasValue && peerPasses, valueOK)
			}
		}
		t.Logf("%-36s found %s, value %s", file, f, v)
		found.n, found.ok, valued.n, valued.ok = found.n+f.n, found.ok+f.ok, valued.n+v.n, valued.ok+v.ok
	}
	t.Logf("dates in scope: found %s, value %s", found, valued)
	t.Logf("of which the peer passes: found %s, value %s", foundPeer, valuedPeer)
	t.Logf("of which the peer fails (dotnet): found %s, value %s",
		peerTally{found.n - foundPeer.n, found.ok - foundPeer.ok}, peerTally{valued.n - valuedPeer.n, valued.ok - valuedPeer.ok})
	if found.rate() < peerFloorDateFound || valued.rate() < peerFloorDateValue {
		t.Errorf("peer dates fell: found %.3f (floor %.3f), value %.3f (floor %.3f)",
			found.rate(), peerFloorDateFound, valued.rate(), peerFloorDateValue)
	}
}

// peerAmount returns the value and unit of a currency or number result.
func peerAmount(r peerResult) (float64, string, string, bool) {
	var v struct{ Value, Unit, Subtype string }
	if json.Unmarshal(r.Resolution, &v) != nil || v.Value == "" {
		return 0, v.Unit, v.Subtype, false
	}
	// The specs write a decimal comma (and sometimes a point in the unsupported ones).
	f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, ",", "."), 64)
	return math.Abs(f), v.Unit, v.Subtype, err == nil
}

// peerAmountFound reports whether an amount of as overlapping [s, e) has value v
// (within 0.5 %, as the guidelines score), and whether any overlaps.
func peerAmountFound(tx *text.Text, s, e int, v float64) (overlap, value bool) {
	for _, a := range findAmounts(tx) {
		if a.Start < e && s < a.End {
			overlap = true
			if math.Abs(a.Value-v) <= 0.005*v {
				value = true
			}
		}
	}
	return overlap, value
}

func TestPeerAmounts(t *testing.T) {
	var native, nativeFound, numbers peerTally
	nonEuro := 0
	currency := readPeer(t, "NumberWithUnit_CurrencyModel.json")
	number := readPeer(t, "Number_NumberModel.json")
	for _, c := range currency {
		tx := newTestText(c.Input)
		for _, r := range c.Results {
			v, unit, _, ok := peerAmount(r)
			if !ok {
				continue
			}
			s, e := r.span(c.Input)
			overlap, value := peerAmountFound(tx, s, e, v)
			if unit != "Euro" {
				if overlap {
					nonEuro++
					t.Logf("non-euro reported as euros: %q in %q", r.Text, c.Input)
				}
				continue
			}
			native.n++
			nativeFound.n++
			if overlap {
				nativeFound.ok++
			}
			if value {
				native.ok++
			} else if testing.Verbose() {
				t.Logf("euro amount missed: %q in %q", r.Text, c.Input)
			}
		}
	}
	// Euro amounts written before their number in the number spec ("€1000").
	for _, c := range number {
		if !strings.Contains(c.Input, "€") {
			continue
		}
		tx := newTestText(c.Input)
		for _, r := range c.Results {
			v, _, _, ok := peerAmount(r)
			s, e := r.span(c.Input)
			if !ok || !strings.Contains(c.Input[max(0, strings.Index(c.Input, r.Text)-4):], "€"+r.Text) {
				continue
			}
			native.n++
			nativeFound.n++
			overlap, value := peerAmountFound(tx, s, e, v)
			if overlap {
				nativeFound.ok++
			}
			if value {
				native.ok++
			} else if testing.Verbose() {
				t.Logf("euro amount missed: %q in %q", r.Text, c.Input)
			}
		}
	}
	// The number spec's numbers as euro amounts: "<number> euros".
	var seen []string
	for _, c := range number {
		for _, r := range c.Results {
			v, _, sub, ok := peerAmount(r)
			// A point in the value is the English notation of cases the peer fails.
			if !ok || sub != "integer" && sub != "decimal" || strings.Contains(string(r.Resolution), ".") ||
				!peerNumberScope(r.Text) || slices.Contains(seen, r.Text) {
				continue
			}
			seen = append(seen, r.Text)
			unit := "euros"
			if v < 2 {
				unit = "euro"
			}
			in := "Le montant est de " + strings.TrimLeft(r.Text, "- ") + " " + unit + " au total."
			numbers.n++
			tx := newTestText(in)
			if _, value := peerAmountFound(tx, 0, len(tx.S), v); value {
				numbers.ok++
			} else if testing.Verbose() {
				t.Logf("number as euros missed: %q (%v)", in, v)
			}
		}
	}
	t.Logf("euro amounts native: value %s (found %s); numbers as euros: %s; non-euro as euros: %d",
		native, nativeFound, numbers, nonEuro)
	if native.rate() < peerFloorEuroNative || numbers.rate() < peerFloorEuroNumbers || nonEuro > peerMaxNonEuro {
		t.Errorf("peer amounts fell: native %.3f (floor %.3f), numbers %.3f (floor %.3f), non-euro %d (max %d)",
			native.rate(), peerFloorEuroNative, numbers.rate(), peerFloorEuroNumbers, nonEuro, peerMaxNonEuro)
	}
}

// peerNumberWords are the French number words an amount may be written with (the
// test's own list, independent of the extractor's tables).
var peerNumberWords = strings.Fields(`zero un une deux trois quatre cinq six sept huit neuf dix onze
	douze treize quatorze quinze seize vingt vingts trente quarante cinquante soixante septante
	huitante octante nonante cent cents mille million millions milliard milliards et`)

// peerNumberScope reports whether a number of the number spec is one an amount is
// written with: digits with spaces, dots or a decimal comma, or number words (no
// fractions, powers, "billion", "douzaine", "virgule", "k" or "G", nor words after
// digits other than "mille", "million(s)", "milliard(s)").
func peerNumberScope(in string) bool {
	f := text.New(text.Normalize(in)).Folded
	if f == "" || !strings.ContainsAny(f[:1], "0123456789abcdefghijklmnopqrstuvwxyz-") {
		return false
	}
	digits := false
	for _, tk := range text.LexString(f) {
		w := f[tk.S:tk.E]
		switch tk.Kind {
		case text.Word:
			if !slices.Contains(peerNumberWords, w) {
				return false
			}
			if digits && !strings.HasPrefix(w, "mil") {
				return false // "322 cent": hundreds after digits are English
			}
		case text.Num:
			digits = true
		case text.Punct:
			if w != "-" && w != "," && w != "." {
				return false
			}
		}
	}
	return true
}

// findDates is dates.Find on t lexed.
func findDates(t *text.Text, published string) []corpus.Date {
	tk := text.Lex(t)
	return dates.Find(&tk, published)
}

// findAmounts is amounts.Find on t lexed.
func findAmounts(t *text.Text) []corpus.Amount {
	tk := text.Lex(t)
	return amounts.Find(&tk)
}
