package gold

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, fold, key string }{
		{"Jean-René LECERF", "jeanrenelecerf", "aceeeeefjlnnrr"},
		{"LECERF Jean-René", "lecerfjeanrene", "aceeeeefjlnnrr"},
		{"Alain Neveü", "alainneveu", "aaeeilnnuv"},
		{"Cœur d'Ostrevent", "coeurdostrevent", "cdeeenoorrsttuv"},
		{"ÆSTHÉTIQUE", "aesthetique", "aeeehiqsttu"},
		{"Straße", "strasse", "aerssst"},
		{"n° 2016-13 bis", "n201613bis", "011236bins"},
		{"e\u0301te\u0301", "ete", "eet"},        // combining acute: vanishes
		{"Ångström K", "angstromk", "agkmnorst"}, // U+212B, U+212A
		{"ǽ Œ", "oe", "eo"},                      // ǽ decomposes to æ + mark: æ is dropped
		{"—", "", ""},
	} {
		if got := Fold(c.in); got != c.fold {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.fold)
		}
		if got := NameKey(c.in); got != c.key {
			t.Errorf("NameKey(%q) = %q, want %q", c.in, got, c.key)
		}
	}
}

func TestSameParty(t *testing.T) {
	org := func(s string) party { return party{name: s, key: NameKey(s), org: true} }
	per := func(s string) party { return party{name: s, key: NameKey(s)} }
	for _, c := range []struct {
		g, p party
		want bool
	}{
		{org("Conseil départemental du Nord"), org("Département du Nord"), true},
		{org("Communauté d'agglomération du Douaisis"), org("CA du Douaisis"), true},
		{org("CC Pévèle Carembault"), org("Communauté de communes Pévèle-Carembault"), true},
		{org("Préfecture de Région"), org("Préfet de région Hauts-de-France"), true},
		{org("Département du Nord"), org("Département du Pas-de-Calais"), false},
		{org("Conseil de la communauté"), org("Région"), false}, // no significant word
		{per("Xavier Bertrand"), org("Région Hauts-de-France"), false},
		{per("Xavier Bertrand"), per("BERTRAND Xavier"), true},
		{per("Xavier Bertrand"), per("Xavier"), false},
		{per(""), per(""), true}, // two nameless parties, as in score.py
	} {
		if got := sameParty(c.g, c.p); got != c.want {
			t.Errorf("sameParty(%q, %q) = %v, want %v", c.g.name, c.p.name, got, c.want)
		}
	}
}

func TestMatchAmounts(t *testing.T) {
	for _, c := range []struct {
		g, p       []float64
		tp, fp, fn int
	}{
		{[]float64{1e6}, []float64{1.005e6}, 1, 0, 0},          // 0.5 %: in
		{[]float64{1e6}, []float64{1.0051e6}, 0, 1, 1},         // just out
		{[]float64{1e6, 1e6}, []float64{1e6}, 1, 0, 0},         // duplicates count once
		{[]float64{1e6, 1.004e6}, []float64{1.002e6}, 1, 0, 1}, // one prediction, one match
		{[]float64{0.5}, []float64{0.504}, 1, 0, 0},            // tolerance at least 0.005
		{nil, []float64{3}, 0, 1, 0},
	} {
		tp, fn, fp := matchAmounts(c.g, c.p)
		if tp != c.tp || len(fp) != c.fp || len(fn) != c.fn {
			t.Errorf("matchAmounts(%v, %v) = %d, %d, %d; want %d, %d, %d",
				c.g, c.p, tp, len(fp), len(fn), c.tp, c.fp, c.fn)
		}
	}
}

func TestPyStr(t *testing.T) {
	for _, c := range []struct {
		in   any
		want string
	}{
		{json.Number("59632"), "59632"},
		{json.Number("-0"), "0"},
		{json.Number("245901160.0"), "245901160.0"},
		{json.Number("1e5"), "100000.0"},
		{json.Number("1e16"), "1e+16"},
		{json.Number("123456789012345678"), "123456789012345678"},
		{json.Number("0.0001"), "0.0001"},
		{json.Number("0.00001"), "1e-05"},
		{json.Number("1.5e300"), "1.5e+300"},
		{json.Number("1e400"), "inf"},
		{true, "True"},
		{nil, "None"},
		{"2A", "2A"},
	} {
		got, err := pyStr(c.in)
		if err != nil || got != c.want {
			t.Errorf("pyStr(%#v) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	if _, err := pyStr([]any{"x"}); err == nil {
		t.Error("pyStr of a list: no error")
	}
}

func TestReadErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"{\"id\": \"a\"}\n\n{\"id\": \"b\",}\n", "f.jsonl:3: "},
		{"{\"id\": \"a\"}\r{\"x\": 1}", `f.jsonl:2: no "id"`},
		{`{"id": 3}`, `f.jsonl:1: "id" is a number, not a string`},
		{`["a"]`, "f.jsonl:1: a list, not a JSON object"},
		{`{"id": "a"} {"id": "b"}`, "f.jsonl:1: extra data"},
		{`{"id": "a", "themes": "logement"}`, "f.jsonl:1: themes: a string, not a list"},
		{`{"id": "a", "dates": ["2019"]}`, "f.jsonl:1: dates[0]: a string, not an object"},
		{`{"id": "a", "amounts": [{"value": "35 M€"}]}`, `f.jsonl:1: amounts[0].value: amount value "35 M€" is not a number`},
		{`{"id": "a", "people": [{"name": 3}]}`, "f.jsonl:1: people[0].name: a number, not a string"},
		{`{"id": "a", "communes": [{"insee": ["59"]}]}`, "f.jsonl:1: communes[0].insee: a list where a string is expected"},
	} {
		_, err := Read(strings.NewReader(c.in), "f.jsonl")
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Read(%q): error %v, want prefix %q", c.in, err, c.want)
		}
	}
	s, err := Read(strings.NewReader("{\"id\":\"a\",\"genre\":\"page\"}\r\n \u00a0\r\n{\"id\":\"b\"}\n{\"id\":\"a\",\"genre\":\"article\"}"), "f")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.IDs, " ") != "a b" || s.Docs["a"]["genre"] != "article" {
		t.Errorf("Read: ids %v, a = %v; want a b, the later a", s.IDs, s.Docs["a"])
	}
}

func TestRoles(t *testing.T) {
	gold := mustRead(t, `{"id": "a", "people": [{"name": "Jean-René Lecerf", "role": "Président du Département"}, {"name": "Xavier Bertrand", "role": null}, {"name": "Alain Neveü", "role": "sous-préfet"}, {"name": "B. Troni", "role": "maire"}]}`)
	pred := mustRead(t, `{"id": "a", "people": [{"name": "LECERF Jean-René", "role": "président du  departement"}, {"name": "Xavier Bertrand", "role": ""}, {"name": "Alain Neveu", "role": "préfet"}, {"name": "Olivier Sichel", "role": "directeur"}]}`)
	rep, err := Score(gold, pred, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Role.OK != 2 || rep.Role.Total != 3 {
		t.Errorf("role accuracy %d/%d, want 2/3", rep.Role.OK, rep.Role.Total)
	}
	want := []RoleDiff{{"Alain Neveü", "sous-préfet", "préfet"}}
	if got := rep.Docs[0].Roles; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("role diffs %v, want %v", got, want)
	}
}

func mustRead(t *testing.T, s string) *Set {
	t.Helper()
	set, err := Read(strings.NewReader(s), t.Name())
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// scorePy runs the reference scorer and returns its output lines, skipping the test
// when python3 or ../shared is absent.
func scorePy(t *testing.T, gold, pred string) []string {
	t.Helper()
	script := filepath.Join("..", "..", "..", "shared", "gold", "score.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("reference scorer not available: %v", err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot run score.py")
	}
	out, err := exec.Command(py, script, gold, pred).CombinedOutput()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, out)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// ours scores the files and returns the lines score.py also prints (without the
// role line and the note on predictions not in the gold).
func ours(t *testing.T, gold, pred string) []string {
	t.Helper()
	g, err := Load(gold)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load(pred)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Score(g, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := rep.WriteText(&b, false); err != nil {
		t.Fatal(err)
	}
	return CommonLines(b.String())
}

func compareLines(t *testing.T, want, got []string) {
	t.Helper()
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Errorf("score.py and gold disagree:\n--- score.py\n%s\n--- gold\n%s",
			strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}

func TestAgreesWithScorePy(t *testing.T) {
	gold, pred := filepath.Join("testdata", "tricky.gold.jsonl"), filepath.Join("testdata", "tricky.pred.jsonl")
	compareLines(t, scorePy(t, gold, pred), ours(t, gold, pred))
}

// TestAgreesWithScorePyRandom scores random records drawn from small pools, so that
// matches, near misses and duplicates are frequent, with both scorers.
func TestAgreesWithScorePyRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(pool ...any) any { return pool[r.IntN(len(pool))] }
	some := func(n int, f func() any) []any {
		l := make([]any, r.IntN(n+1))
		for i := range l {
			l[i] = f()
		}
		return l
	}
	names := []any{"Jean-René Lecerf", "LECERF Jean-René", "jean rene lecerf", "Alain Neveü",
		"Alain Neveu", "Xavier Bertrand", "B. Troni", "Œdipe Straße", "", nil, "—"}
	orgs := []any{"Conseil départemental du Nord", "Département du Nord", "CA du Douaisis",
		"Communauté d'agglomération du Douaisis", "État", "Etat", "Préfet de région",
		"Région Hauts-de-France", "Conseil régional", "Communauté de communes", "", nil}
	record := func(id string) map[string]any {
		return map[string]any{
			"id":        id,
			"genre":     pick("communique", "article", "page", "", nil),
			"published": pick("2019-03-12", "2019", 2019, 2019.0, "", nil, "2018"),
			"dates": some(4, func() any {
				return map[string]any{"value": pick("2017", "2017-03", "2018-02-05", 2018, "", nil)}
			}),
			"amounts": some(5, func() any {
				base := pick(1e6, 2.5e6, 100.0, 1.0, 0.0, 1.6e9).(float64)
				return map[string]any{"value": pick(base, base*(1+(r.Float64()-0.5)*0.02), int(base), nil)}
			}),
			"communes":     some(3, func() any { return map[string]any{"insee": pick("59632", 59632, "62498", "", nil)} }),
			"epcis":        some(2, func() any { return map[string]any{"siren": pick("246200364", 246200364.0, "200044618")} }),
			"departements": some(3, func() any { return pick("59", "62", "2A", "2a", nil, 59) }),
			"people": some(4, func() any {
				return map[string]any{"name": pick(names...), "role": pick("maire", "Maire ", "président", nil, "")}
			}),
			"signatories": some(5, func() any {
				if r.IntN(2) == 0 {
					return map[string]any{"name": pick(names...), "kind": "person"}
				}
				return map[string]any{"name": pick(orgs...), "kind": pick("organization", "person")}
			}),
			"references": some(3, func() any { return map[string]any{"number": pick("20161396", "n° 12", "12", "2016-13 BIS", 12, "")} }),
			"themes":     some(3, func() any { return pick("logement", "mobilites", "sante", nil) }),
			"fundings": some(4, func() any {
				base := pick(1e6, 2.5e6, 1.78e6, 0.0).(float64)
				return map[string]any{
					"amount":     pick(base, base*(1+(r.Float64()-0.5)*0.02), int(base), "1000000", "35 M€", nil, true),
					"funder":     pick(orgs...),
					"communes":   some(2, func() any { return pick("59632", 59632, 59632.0, "62498", nil) }),
					"instrument": pick("subvention", "pret", "dotation", "", nil),
				}
			}),
		}
	}
	var gold, pred bytes.Buffer
	for i := range 300 {
		id := fmt.Sprintf("doc%03d", i)
		json.NewEncoder(&gold).Encode(record(id))
		if r.IntN(10) > 0 {
			json.NewEncoder(&pred).Encode(record(id))
		}
	}
	dir := t.TempDir()
	gp, pp := filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "pred.jsonl")
	if err := os.WriteFile(gp, gold.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pp, pred.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	compareLines(t, scorePy(t, gp, pp), ours(t, gp, pp))
}
