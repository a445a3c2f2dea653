package index_test

import (
	"context"
	"path/filepath"
	"testing"

	"terril/corpus"
	"terril/index"
)

func intp(i int) *int { return &i }

// fundingDocs are two documents with funding events: a range, a total and its
// "dont" part, a total and parts naming other communes, two communes for one
// amount, an implicit amount.
func fundingDocs() []*corpus.Document {
	lens := corpus.Commune{Name: "Lens", INSEE: "62498", Departement: "62", EPCI: "246200364"}
	lievin := corpus.Commune{Name: "Liévin", INSEE: "62510", Departement: "62", EPCI: "246200364"}
	douai := corpus.Commune{Name: "Douai", INSEE: "59178", Departement: "59", EPCI: "245901160"}
	return []*corpus.Document{
		{
			ID: "a", Title: "Logement", Text: "…", Published: "2019-05-02", Themes: []string{"logement"},
			Communes: []corpus.Commune{lens, lievin},
			EPCIs:    []corpus.EPCI{{Name: "CA de Lens-Liévin", SIREN: "246200364"}},
			Amounts:  []corpus.Amount{{Value: 2e6}, {Value: 3e6}, {Value: 4.6e6}, {Value: 936000}},
			Fundings: []corpus.Funding{
				// "entre 2 et 3 M€ pour Lens": once, from the low end
				{Amount: 2e6, AmountMax: 3e6, Funder: "Région Hauts-de-France", Communes: []string{"62498"},
					Instrument: "subvention"},
				// "4,6 M€ à Liévin, dont 936 000 € pour le CCAS": 4,6 M€
				{Amount: 4.6e6, Funder: "Région Hauts-de-France", Communes: []string{"62510"}, Instrument: "subvention"},
				{Amount: 936000, Funder: "Région Hauts-de-France", Communes: []string{"62510"}, Instrument: "subvention",
					PartOf: intp(1)},
			},
		},
		{
			ID: "b", Title: "DSIL", Text: "…", Published: "2021-03-01", Themes: []string{"logement", "mobilites"},
			Communes: []corpus.Commune{lens, douai},
			Fundings: []corpus.Funding{
				// A total with no commune, its parts naming communes: each commune gets
				// its part, the funder the total once.
				{Amount: 1e6, Funder: "État", Instrument: "dotation"},
				{Amount: 600000, Funder: "État", Communes: []string{"62498"}, Instrument: "dotation", PartOf: intp(0)},
				{Amount: 400000, Funder: "État", Communes: []string{"59178"}, Instrument: "dotation", PartOf: intp(0),
					Implicit: true},
				// One amount for two communes: credited to each.
				{Amount: 50000, Funder: "Banque des Territoires", Communes: []string{"62498", "59178"}, Instrument: "pret"},
			},
		},
	}
}

func openFundings(t *testing.T) *index.Index {
	t.Helper()
	ix, err := index.Open(filepath.Join(t.TempDir(), "ix"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Index(fundingDocs()); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestFundingSums checks that a range counts once from its low end and that a
// total and its parts are not added twice, in the index's sums and in SumFundings.
func TestFundingSums(t *testing.T) {
	ix := openFundings(t)
	want := map[string]map[string]float64{
		"funder": {"Région Hauts-de-France": 6.6e6, "État": 1e6, "Banque des Territoires": 50000},
		"commune": {"Lens (62498)": 2e6 + 600000 + 50000, "Liévin (62510)": 4.6e6,
			"Douai (59178)": 400000 + 50000},
		"dept":       {"62": 2e6 + 4.6e6 + 600000 + 50000, "59": 450000},
		"epci":       {"246200364": 6.6e6 + 650000, "245901160": 450000},
		"instrument": {"subvention": 6.6e6, "dotation": 1e6, "pret": 50000},
		"theme":      {"logement": 6.6e6 + 1.05e6, "mobilites": 1.05e6},
		"year":       {"2019": 6.6e6, "2021": 1.05e6},
	}
	dims := []string{"funder", "commune", "dept", "epci", "instrument", "theme", "year"}
	res, err := ix.Search(context.Background(), index.Query{Size: -1, Sums: dims})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ix.Fundings(context.Background(), index.Query{}, index.FundingFilter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 {
		t.Fatalf("%d funding rows, want 7", len(rows))
	}
	fromRows, err := index.SumFundings(rows, dims)
	if err != nil {
		t.Fatal(err)
	}
	for name, sums := range map[string][]index.Sum{"index": res.Sums, "rows": fromRows} {
		for _, s := range sums {
			w := want[s.Dimension]
			if len(s.Values) != len(w) {
				t.Errorf("%s: %s: %d values %+v, want %d", name, s.Dimension, len(s.Values), s.Values, len(w))
			}
			for _, v := range s.Values {
				if got, ok := w[v.Value]; !ok || got != v.Total {
					t.Errorf("%s: %s %q = %.0f, want %.0f", name, s.Dimension, v.Value, v.Total, got)
				}
				if s.Dimension == "commune" && v.Value == "Douai (59178)" && v.Implicit != 1 {
					t.Errorf("%s: Douai's implicit amounts %d, want 1", name, v.Implicit)
				}
			}
		}
	}
}

// TestFundingFilters filters documents and rows by funder, instrument and funded
// commune, and facets them.
func TestFundingFilters(t *testing.T) {
	ix := openFundings(t)
	ctx := context.Background()
	for _, c := range []struct {
		q    index.Query
		docs int
	}{
		{index.Query{Funders: []string{"Région"}}, 1},
		{index.Query{Text: "financeur:etat"}, 1},
		{index.Query{Instruments: []string{"pret"}}, 1},
		{index.Query{FundCommunes: []string{"Douai"}}, 1},
		{index.Query{FundCommunes: []string{"62498"}}, 2},
		{index.Query{Text: "fdept:62 instrument:subvention"}, 1},
	} {
		res, err := ix.Search(ctx, c.q)
		if err != nil {
			t.Fatalf("%+v: %v", c.q, err)
		}
		if int(res.Total) != c.docs {
			t.Errorf("%+v: %d documents, want %d", c.q, res.Total, c.docs)
		}
	}
	rows, err := ix.Fundings(ctx, index.Query{}, index.FundingFilter{Communes: []string{"Lens"}, From: "2020"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Amount != 600000 || rows[1].Amount != 50000 {
		t.Errorf("Lens since 2020: %+v", rows)
	}
	res, err := ix.Search(ctx, index.Query{Size: 10, Facets: []string{"funder", "instrument", "fcommune"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facets) != 3 || len(res.Facets[0].Values) != 3 {
		t.Errorf("funding facets: %+v", res.Facets)
	}
	for _, h := range res.Hits {
		if len(h.Fundings) == 0 {
			t.Errorf("hit %s has no fundings", h.ID)
		}
	}
}

func TestFunderLabel(t *testing.T) {
	for in, want := range map[string]string{
		"RÉGION HAUTS-DE-FRANCE":       "Région Hauts-de-France",
		"COMMUNE D'AVION":              "Commune d'Avion",
		"Département du Pas-de-Calais": "Département du Pas-de-Calais",
		"ARS":                          "ARS",
		"État":                         "État",
	} {
		if got := index.FunderLabel(in); got != want {
			t.Errorf("FunderLabel(%q) = %q, want %q", in, got, want)
		}
	}
}
