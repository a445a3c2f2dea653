package extract

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

	"terril/corpus"
)

// The peer specs: Microsoft Recognizers-Text's French test specifications in
// ../../shared/peer (see its README for a fair reading). The test keeps the cases in
// terril's scope (calendar dates with a month name, a numeric date or a four-digit
// year, and their periods; euro amounts), reports detection and value accuracy, and
// fails when a figure falls below the floor reached.

const peerDir = "../../shared/peer/recognizers-text-fr"

// Floors: the figures reached; a rule that lowers one fails the test.
const (
	peerFloorDateFound   = 0.887 // 774/872
	peerFloorDateValue   = 0.741 // 330/445
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
	// A letter after the prefix keeps a space Normalize would drop at its end.
	norm := func(k int) int { return len(Normalize(string(runes[:k])+"x")) - 1 }
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
func peerDateScope(text, timex string) bool {
	f := NewText(Normalize(text)).Folded
	if peerOutOfScope.MatchString(f) || timex != "" && peerTimexOut.MatchString(timex) {
		return false
	}
	month := false
	toks := lex(f)
	for k, tk := range toks {
		w := f[tk.s:tk.e]
		if tk.kind != tokWord || monthOf(w) == 0 {
			continue
		}
		// "vingt-sept", "mille sept cent": the number, not September.
		if w == "sept" && k > 0 && (f[toks[k-1].s:toks[k-1].e] == "-" || isNumberWord(f[toks[k-1].s:toks[k-1].e]) ||
			k+1 < len(toks) && isNumberWord(f[toks[k+1].s:toks[k+1].e])) {
			continue
		}
		month = true
	}
	if !month && strings.Contains(f, "mois") {
		return false // "le 4 de ce mois": the month is relative
	}
	return month || peerYear.MatchString(f) || peerNumericDate.MatchString(f)
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
// one of want is matched.
func peerSetsMatch(got, want []string, noYear bool) bool {
	if len(got) == 0 {
		return false
	}
	for _, g := range got {
		if !slices.ContainsFunc(want, func(w string) bool { return peerDateMatch(g, w, noYear) }) {
			return false
		}
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return peerDateMatch(g, w, noYear) }) {
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

// peerDateResult scores one expected result against terril's dates of its input:
// whether it is in scope, found, has a value to compare, and the values match.
func peerDateResult(t *testing.T, file string, c peerCase, r peerResult, dates []corpus.Date) (scope, found, valued, ok bool) {
	timex, isDate := peerDateTimex(r)
	if !isDate || !peerDateScope(r.Text, timex) {
		return false, false, false, false
	}
	s, e := r.span(c.Input)
	var got []string
	for _, d := range dates {
		if d.Start < e && s < d.End && !slices.Contains(got, d.Value) {
			got = append(got, d.Value)
		}
	}
	if len(got) == 0 && testing.Verbose() {
		t.Logf("%s: missed %q in %q", file, r.Text, c.Input)
	}
	if timex == "" {
		return true, len(got) > 0, false, false
	}
	noYear := !peerHasYear.MatchString(NewText(Normalize(r.Text)).Folded)
	want := peerTimexValues(timex)
	ok = peerSetsMatch(got, want, noYear)
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
			dates := Dates(newTestText(c.Input), ref)
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
func peerAmountFound(tx *Text, s, e int, v float64) (overlap, value bool) {
	for _, a := range Amounts(tx) {
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
func peerNumberScope(text string) bool {
	f := NewText(Normalize(text)).Folded
	if f == "" || !strings.ContainsAny(f[:1], "0123456789abcdefghijklmnopqrstuvwxyz-") {
		return false
	}
	digits := false
	for _, tk := range lex(f) {
		w := f[tk.s:tk.e]
		switch tk.kind {
		case tokWord:
			if !slices.Contains(peerNumberWords, w) {
				return false
			}
			if digits && !strings.HasPrefix(w, "mil") {
				return false // "322 cent": hundreds after digits are English
			}
		case tokNum:
			digits = true
		case tokPunct:
			if w != "-" && w != "," && w != "." {
				return false
			}
		}
	}
	return true
}
