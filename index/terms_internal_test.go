package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Words in the title and the text make one termsQuery, searched by termsSearcher
// when scored, by Bleve's tree when not (facets, sums) or for snippets.
func TestTermsQueryShape(t *testing.T) {
	ix, err := Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	q, err := ix.buildQuery(Query{Text: "rénovation énergétique des écoles"})
	if err != nil {
		t.Fatal(err)
	}
	tq, ok := q.(*termsQuery)
	if !ok || !tq.conj || len(tq.groups) != 3 {
		t.Fatalf("query %T %+v, want a termsQuery of 3 groups", q, q)
	}
	adv, err := ix.b.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	for _, c := range []struct {
		o    search.SearcherOptions
		ours bool
	}{
		{search.SearcherOptions{}, true},
		{search.SearcherOptions{Score: "none"}, false},
		{search.SearcherOptions{IncludeTermVectors: true}, false},
		{search.SearcherOptions{Explain: true}, false},
	} {
		s, err := q.Searcher(ctx, r, ix.b.Mapping(), c.o)
		if err != nil {
			t.Fatal(err)
		}
		_, ours := s.(*termsSearcher)
		if ours != c.ours {
			t.Errorf("%+v: searcher %T", c.o, s)
		}
		// An empty index: nothing, and no panic (Bleve's own term searchers
		// panic on Advance there).
		sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(10, 0)}
		if d, err := s.Next(sctx); d != nil || err != nil {
			t.Errorf("%+v: Next on an empty index: %v, %v", c.o, d, err)
		}
		if ours {
			if d, err := s.Advance(sctx, bindex.NewIndexInternalID(nil, 5)); d != nil || err != nil {
				t.Errorf("%+v: Advance on an empty index: %v, %v", c.o, d, err)
			}
		}
		s.Close()
	}
}
