package index_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"terril/corpus"
	"terril/index"
)

func TestQueryHints(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	commune := mostCommon(docs, func(d *corpus.Document) []string {
		var s []string
		for _, c := range d.Communes {
			s = append(s, c.Name)
		}
		return s
	})
	epci := mostCommon(docs, func(d *corpus.Document) []string {
		var s []string
		for _, e := range d.EPCIs {
			s = append(s, e.Name)
		}
		return s
	})
	person := mostCommon(docs, func(d *corpus.Document) []string {
		var s []string
		for _, p := range d.People {
			s = append(s, p.Name)
		}
		return s
	})
	for _, tc := range []struct {
		name       string
		q          index.Query
		field      string // of the hint; "" for none
		suggestion string // among the hint's suggestions
		col        int
	}{
		{"theme:logemnt", index.Query{Text: "theme:logemnt"}, "theme", "logement", 1},
		{"--theme logemnt", index.Query{Themes: []string{"logemnt"}}, "theme", "logement", 0},
		{"theme:culture", index.Query{Text: "friche theme:culture"}, "theme", "culture-patrimoine", 8},
		{"genre:comunique", index.Query{Text: "genre:comunique"}, "genre", "communique", 1},
		{"instrument:subvantion", index.Query{Text: "instrument:subvantion"}, "instrument", "subvention", 1},
		{"source:sampel", index.Query{Text: "source:sampel"}, "source", "sample", 1},
		{"commune typo", index.Query{Text: `commune:"` + commune + `x"`}, "commune", commune, 1},
		{"--commune typo", index.Query{Communes: []string{commune + "x"}}, "commune", commune, 0},
		{"epci typo", index.Query{Text: `epci:"` + epci + `x"`}, "epci", epci, 1},
		{"person typo", index.Query{Text: `person:"` + string([]rune(person)[:len([]rune(person))-1]) + `"`}, "person", person, 1},
		{"person reversed", index.Query{People: []string{strings.Join(reversed(strings.Fields(person)), " ")}}, "-", "", 0},
		{"lower-case or", index.Query{Text: "collège ou lycée"}, "", "", 9},
		{"theme known", index.Query{Text: "theme:logement theme:ruralite"}, "-", "", 0},
		{"commune known", index.Query{Text: `commune:"` + strings.ToUpper(commune) + `"`}, "-", "", 0},
		{"epci part of a name", index.Query{EPCIs: []string{strings.Fields(epci)[len(strings.Fields(epci))-1]}}, "-", "", 0},
		{"OR in capitals", index.Query{Text: "collège OR lycée"}, "-", "", 0},
	} {
		res, err := ix.Search(context.Background(), tc.q)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if tc.field == "-" {
			if len(res.Hints) > 0 {
				t.Errorf("%s: hints %+v, want none", tc.name, res.Hints)
			}
			continue
		}
		if len(res.Hints) != 1 {
			t.Errorf("%s: hints %+v, want one", tc.name, res.Hints)
			continue
		}
		h := res.Hints[0]
		if h.Field != tc.field || h.Col != tc.col || tc.suggestion != "" && !slices.Contains(h.Suggestions, tc.suggestion) {
			t.Errorf("%s: hint %+v, want field %q at %d suggesting %q", tc.name, h, tc.field, tc.col, tc.suggestion)
		}
		if tc.field != "" && res.Total != 0 {
			t.Errorf("%s: %d hits for a value the index does not know", tc.name, res.Total)
		}
	}
}

func TestQueryErrorsGuide(t *testing.T) {
	ix, _ := mustOpenIndex(t)
	for _, tc := range []struct{ q, want string }{
		{"rénovation foo:bar", `unknown field "foo" at character 12`},
		{"thme:logement", `unknown field "thme" at character 1; did you mean "theme"?`},
		{"montnt>1M", `did you mean "montant"?`},
		{"logement dept:Nrod", `unknown département "Nrod" at character 10; did you mean "Nord"?`},
		{`logement "cités`, `unclosed quote at character 10`},
		{"logement OR", "nothing after OR"},
	} {
		_, err := ix.Search(context.Background(), index.Query{Text: tc.q})
		var qe *index.QueryError
		if !errors.As(err, &qe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want a QueryError with %q", tc.q, err, tc.want)
		}
	}
	_, err := ix.Search(context.Background(), index.Query{Depts: []string{"Pas-de-Calai"}})
	if err == nil || !strings.Contains(err.Error(), `did you mean "Pas-de-Calais"?`) || strings.Contains(err.Error(), "character") {
		t.Errorf("--dept Pas-de-Calai: %v", err)
	}
}

func TestNegatedGroups(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	has := func(d *corpus.Document, w string) bool {
		return strings.Contains(strings.ToLower(d.Title+" "+d.Text), w)
	}
	neither := where(docs, func(d *corpus.Document) bool { return !has(d, "collège") && !has(d, "lycée") })
	check(t, "-(collège OR lycée)", all(t, ix, index.Query{Text: "-(collège OR lycée)"}), neither)
	check(t, "NOT (collège OR lycée)", all(t, ix, index.Query{Text: "NOT (collège OR lycée)"}), neither)
	check(t, "NOT -collège", all(t, ix, index.Query{Text: "NOT -collège"}),
		where(docs, func(d *corpus.Document) bool { return has(d, "collège") }))
	// A stop word, negated or not, constrains nothing.
	check(t, "collège -le", all(t, ix, index.Query{Text: "collège -le"}),
		where(docs, func(d *corpus.Document) bool { return has(d, "collège") }))
}

func reversed(s []string) []string {
	s = slices.Clone(s)
	slices.Reverse(s)
	return s
}
