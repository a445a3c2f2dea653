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

func TestDocumentReturnsTextAndEveryFact(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	// The document with the most kinds of facts tests the most.
	d := docs[0]
	best := -1
	for _, x := range docs {
		n := 0
		for _, l := range []int{len(x.Dates), len(x.EPCIs), len(x.Departements), len(x.People), len(x.Signatories), len(x.References)} {
			if l > 0 {
				n++
			}
		}
		if n > best {
			d, best = x, n
		}
	}
	r, err := ix.Document(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != d.ID || r.Title != d.Title || r.Text != d.Text {
		t.Errorf("Document(%q) = id %q title %q, %d bytes of text; want %q, %q, %d", d.ID, r.ID, r.Title, len(r.Text), d.ID, d.Title, len(d.Text))
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"departements", len(r.Departements), len(uniq(d.Departements))},
		{"epcis", len(r.EPCIs), len(d.EPCIs)},
		{"signatories", len(r.Signatories), len(d.Signatories)},
		{"references", len(r.References), len(d.References)},
	} {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.what, c.got, c.want)
		}
	}
	if len(d.Dates) > 0 && len(r.Dates) == 0 || len(d.People) > 0 && len(r.People) == 0 {
		t.Errorf("dates %v, people %v: missing", r.Dates, r.People)
	}
	// Hits carry the same facts.
	res, err := ix.Search(context.Background(), index.Query{Text: `id:"` + d.ID + `"`})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search by id: %v, %+v", err, res)
	}
	if h := res.Hits[0]; len(h.Dates) != len(r.Dates) || len(h.People) != len(r.People) {
		t.Errorf("hit has %d dates, %d people; Document %d, %d", len(h.Dates), len(h.People), len(r.Dates), len(r.People))
	}
	if _, err := ix.Document(context.Background(), "no-such-doc"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("Document(no-such-doc): %v, want ErrNotFound", err)
	}
}

func uniq(s []string) []string {
	var out []string
	for _, v := range s {
		dup := false
		for _, o := range out {
			dup = dup || o == v
		}
		if !dup {
			out = append(out, v)
		}
	}
	return out
}

func TestDocumentSpans(t *testing.T) {
	text := "Le 3 mars 2024, la ville d'Arras verse 12 500 euros à Arras Pays d'Artois."
	at := func(s string) corpus.Span {
		i := strings.Index(text, s)
		return corpus.Span{Start: i, End: i + len(s)}
	}
	d := &corpus.Document{ID: "spans", Text: text,
		Dates:    []corpus.Date{{Text: "3 mars 2024", Value: "2024-03-03", Span: at("3 mars 2024")}},
		Amounts:  []corpus.Amount{{Text: "12 500 euros", Value: 12500, Currency: "EUR", Span: at("12 500 euros")}},
		Communes: []corpus.Commune{{Name: "Arras", INSEE: "62041", Spans: []corpus.Span{at("Arras"), {Start: 70, End: 900}}}},
	}
	ix, err := index.Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Index([]*corpus.Document{d}); err != nil {
		t.Fatal(err)
	}
	r, err := ix.Document(context.Background(), "spans")
	if err != nil {
		t.Fatal(err)
	}
	want := []index.FactSpan{
		{Start: at("3 mars 2024").Start, End: at("3 mars 2024").End, Kind: "date", Value: "2024-03-03"},
		{Start: at("12 500 euros").Start, End: at("12 500 euros").End, Kind: "amount", Value: "12500 EUR"},
		{Start: at("Arras").Start, End: at("Arras").End, Kind: "commune", Value: "62041 Arras"},
	} // the span past the end of the text is dropped
	if !slices.Equal(r.Spans, want) {
		t.Errorf("spans %+v, want %+v", r.Spans, want)
	}
}
