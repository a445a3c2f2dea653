package querylang

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"terril/extract"
)

// noPos returns a copy of n with every position zero, to compare shapes.
func noPos(n Node) Node {
	switch n := n.(type) {
	case *Word:
		return &Word{Text: n.Text}
	case *Phrase:
		return &Phrase{Text: n.Text}
	case *Field:
		return &Field{Name: n.Name, Value: n.Value}
	case *Compare:
		return &Compare{Name: n.Name, Op: n.Op, Value: n.Value}
	case *Range:
		return &Range{Name: n.Name, From: n.From, To: n.To}
	case *Not:
		return &Not{X: noPos(n.X)}
	case *And:
		out := &And{}
		for _, x := range n.Xs {
			out.Xs = append(out.Xs, noPos(x))
		}
		return out
	case *Or:
		out := &Or{}
		for _, x := range n.Xs {
			out.Xs = append(out.Xs, noPos(x))
		}
		return out
	}
	return n
}

func TestParse(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// want is String of the AST: fields by their French prefix, groups in parentheses.
		{"rénovation cités minières", "rénovation cités minières"},
		{`"cités minières"`, `"cités minières"`},
		{`« cités minières »`, `"cités minières"`},
		{`«le "plan" vélo»`, `«le "plan" vélo»`},
		{"logement OR habitat OR hébergement", "logement OR habitat OR hébergement"},
		{"logement OU habitat", "logement OR habitat"},
		{"collège NOT lycée", "collège -lycée"},
		{"collège SAUF lycée", "collège -lycée"},
		{"collège -lycée", "collège -lycée"},
		{"collège AND lycée", "collège lycée"},
		{"(collège OR lycée) theme:education-jeunesse", "(collège OR lycée) theme:education-jeunesse"},
		{"a OR b c", "a OR b c"},
		{"(a OR b) OR c", "(a OR b) OR c"},
		{"-(friche OR usine) lens", "NOT (friche OR usine) lens"},
		{"NOT -friche", "NOT -friche"},
		{"NOT 2024", "NOT 2024"},
		{"-5 % +friche", "-5 % friche"},
		{"+AND", "+AND"},
		{"-AND", "-AND"},
		{"ville:Lens Commune:62498", "commune:Lens commune:62498"},
		{`commune:"Hénin-Beaumont" person:"Xavier Bertrand"`, `commune:Hénin-Beaumont person:"Xavier Bertrand"`},
		{`commune:"Saint-Omer"`, `commune:Saint-Omer`},
		{`signataire:«Marie Curie»`, `signataire:"Marie Curie"`},
		{"département:Somme thème:logement bénéficiaire:Douai", "dept:Somme theme:logement fcommune:Douai"},
		{"montant>1000000 montant<=5e6 montant>=1,5M", "montant>1000000 montant<=5e6 montant>=1,5M"},
		{"montant:1M..5M montant:200k.. montant:..2Md", "montant:1M..5M montant:200k.. montant:..2Md"},
		{`montant:"1 000 000"`, `montant:"1 000 000"`},
		{"date:2018 date:2018..2019 date:2019-03.. date>=2019-03", "date:2018 date:2018..2019 date:2019-03.. date>=2019-03"},
		{"année:2021", "date:2021"},
		{"mention:2030 mention:2018-03 mention:2018..2020", "mention:2030 mention:2018-03 mention:2018..2020"},
		{"financeur:Région instrument:subvention fdept:62", "financeur:Région instrument:subvention fdept:62"},
		{"titre:bassin texte:friche", "titre:bassin texte:friche"},
		{"Objet: subvention", "Objet: subvention"},
		{"https://www.hautsdefrance.fr/x", "https://www.hautsdefrance.fr/x"},
		{"l'État 10:30", "l'État 10:30"},
		{"", "()"},
		{"()", "()"},
		{"  ( ( a ) )  ", "a"},
	} {
		n, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := String(n); got != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseShape(t *testing.T) {
	const src = `rénovation (logement OR habitat) -friche montant:1M..5M date>2019 commune:"Lens"`
	n, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	want := &And{Xs: []Node{
		&Word{Text: "rénovation"},
		&Or{Xs: []Node{&Word{Text: "logement"}, &Word{Text: "habitat"}}},
		&Not{X: &Word{Text: "friche"}},
		&Range{Name: "amount", From: "1M", To: "5M"},
		&Compare{Name: "date", Op: ">", Value: "2019"},
		&Field{Name: "commune", Value: "Lens"},
	}}
	if got := noPos(n); !reflect.DeepEqual(got, want) {
		t.Errorf("got %s, want %s", String(got), String(want))
	}
	// Positions are byte offsets of each clause, after its sign.
	and := n.(*And)
	for i, clause := range []string{"rénovation", "logement", "-friche", "montant", "date", "commune"} {
		if got, at := and.Xs[i].Pos(), strings.Index(src, clause); got != at {
			t.Errorf("clause %d (%s) at %d, want %d", i, String(and.Xs[i]), got, at)
		}
	}
	if w, at := and.Xs[2].(*Not).X.Pos(), strings.Index(src, "friche"); w != at {
		t.Errorf("friche at %d, want %d", w, at)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`logement "cités minières`, `query: unclosed quote at character 10`},
		{`« cités minières`, `query: unclosed quote at character 1`},
		{`commune:"Lens`, `query: unclosed quote at character 9`},
		{`(a OR b`, `query: missing ')' for this '(' at character 1`},
		{`a OR b)`, `query: unexpected ')' at character 7`},
		{`OR habitat`, `query: nothing before OR at character 1`},
		{`logement OR`, `query: nothing after OR at character 10`},
		{`logement NOT`, `query: NOT at the end at character 10`},
		{`NOT OR a`, `query: nothing after NOT at character 1`},
		{`montant>`, `query: montant> needs a value at character 1`},
		{`montant>beaucoup`, `query: bad amount "beaucoup" at character 1`},
		{`date:hier`, `query: bad date "hier" (want YYYY, YYYY-MM or YYYY-MM-DD) at character 1`},
		{`date:2021-13`, `query: bad date "2021-13" (want YYYY, YYYY-MM or YYYY-MM-DD) at character 1`},
		{`mention:2020..2018`, `query: bad range of years "2020..2018" (want YYYY..YYYY) at character 1`},
		{`montant:..`, `query: montant:.. needs a bound at character 1`},
		{`theme>logement`, `query: theme>logement: only montant and date take a comparison at character 1`},
		{`rénovation thme:logement`, `query: unknown field "thme" at character 12; did you mean "theme"?`},
		{`montnt>1M`, `query: unknown field "montnt" at character 1; did you mean "montant"?`},
		{`fdep:62`, `query: unknown field "fdep" at character 1; did you mean "fdept"?`},
		{`couleur:rouge`, `query: unknown field "couleur" at character 1; the fields are commune: dept: epci: theme: genre: person: signataire: source: montant: date: titre: texte: mention: id: financeur: instrument: fcommune: fdept:`},
		{`éé -foo:"a b"`, `query: unknown field "foo" at character 5; the fields are commune: dept: epci: theme: genre: person: signataire: source: montant: date: titre: texte: mention: id: financeur: instrument: fcommune: fdept:`},
	} {
		_, err := Parse(tc.in)
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Parse(%q): error %v, want an *Error", tc.in, err)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("Parse(%q):\n got  %v\n want %s", tc.in, err, tc.want)
		}
	}
}

func TestHints(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string // words hinted at
	}{
		{"logement ou habitat", []string{"ou"}},
		{"logement or habitat and culture", []string{"or", "and"}},
		{"logement OU habitat", nil},
		{"ou bien", nil},   // not between two clauses
		{"or massif", nil}, // "or" the metal
		{"(friche ou usine) lens", []string{"ou"}},
	} {
		n, err := Parse(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range Hints(n) {
			got = append(got, tc.in[h.Pos:h.Pos+len(strings.Fields(tc.in[h.Pos:])[0])])
			if !strings.Contains(h.Msg, "capitals") {
				t.Errorf("%q: hint %q says nothing of capitals", tc.in, h.Msg)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Hints(%q) on %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	for _, tc := range []struct {
		in   string
		list []string
		want []string
	}{
		{"logemnt", Themes, []string{"logement"}},
		{"culture", Themes, []string{"culture-patrimoine"}},
		{"Education", Themes, []string{"education-jeunesse"}},
		{"comunique", Genres, []string{"communique"}},
		{"délibérations", Genres, []string{"deliberation"}},
		{"montan", prefixes, []string{"montant"}},
		{"Lense", []string{"Lens", "Lille", "Liévin", "Avion"}, []string{"Lens"}},
		{"xyz", Themes, nil},
		{"Nrod", []string{"Nord", "Oise", "Orne"}, []string{"Nord"}},
		{"Métrople", []string{"Métropole Européenne de Lille", "Communauté urbaine d'Arras"}, []string{"Métropole Européenne de Lille"}},
		{"arras", []string{"Communauté urbaine d'Arras", "Arras", "Avion"}, []string{"Communauté urbaine d'Arras"}},
	} {
		if got := Suggest(tc.in, tc.list, 3); !slices.Equal(got, tc.want) {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestThemesAreTheLexicons checks the closed list of themes against the ids
// extract assigns.
func TestThemesAreTheLexicons(t *testing.T) {
	ids := extract.DefaultThemes().IDs()
	slices.Sort(ids)
	got := slices.Clone(Themes)
	slices.Sort(got)
	if !slices.Equal(got, ids) {
		t.Errorf("Themes = %v, extract's lexicon has %v", got, ids)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"lens", "lens", 0}, {"lense", "lens", 1}, {"nrod", "nord", 1},
		{"logemnt", "logement", 1}, {"abc", "", 3}, {"ca", "abc", 3}, {"fdep", "dept", 2},
	} {
		if got := distance(tc.a, tc.b); got != tc.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"rénovation cités minières", `"cités minières" genre:communique`, "(collège OR lycée) -friche",
		`commune:"Hénin-Beaumont" montant:1M..5M date>=2019-03`, "NOT (a OR b) c", "-AND +OR --x ++y",
		`«le "plan" vélo» person:«Jean "Jo" Martin»`, "mention:2018..2020 Objet: https://x.fr", "-5 -(a) ()",
		"date:2018.. montant:..2M commune:a\"b", "a\u00a0b ou c", "\xff(\"", "thme:x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) || qe.Pos < 0 || qe.Pos > len(s) {
				t.Fatalf("Parse(%q): error %#v", s, err)
			}
			return
		}
		_ = Hints(n)
		printed := String(n)
		again, err := Parse(printed)
		if err != nil {
			t.Fatalf("Parse(%q) printed as %q, which does not parse: %v", s, printed, err)
		}
		if a, b := noPos(n), noPos(again); !reflect.DeepEqual(a, b) {
			t.Fatalf("Parse(%q) printed as %q parses to %q", s, printed, String(again))
		}
	})
}
