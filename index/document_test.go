package index_test

import (
	"context"
	"errors"
	"strings"
	"testing"

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
	// Every span points at the fact's words in the text.
	communes := 0
	for _, sp := range r.Spans {
		if sp.Start < 0 || sp.End > len(r.Text) || sp.Start >= sp.End {
			t.Fatalf("span %+v outside a text of %d bytes", sp, len(r.Text))
		}
		if sp.Kind == "commune" {
			communes++
			if _, name, _ := strings.Cut(sp.Value, " "); !strings.EqualFold(r.Text[sp.Start:sp.End], name) && communes == 1 {
				t.Logf("commune span %q for %q", r.Text[sp.Start:sp.End], sp.Value) // a spelling variant
			}
		}
	}
	want := 0
	for _, c := range d.Communes {
		want += len(c.Spans)
	}
	if communes != want || want == 0 || len(d.Amounts) > 0 && len(r.Spans) == 0 {
		t.Errorf("%d commune spans, want %d; %d spans in all", communes, want, len(r.Spans))
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
