package index_test

import (
	"context"
	"reflect"
	"testing"

	"terril/index"
)

// Facets and sums counted from postings must be Bleve's own: counts, order, Total, Missing
// and Other, over several segments and with replaced (deleted) documents.
func TestFacetsFromPostingsAreBleves(t *testing.T) {
	docs, err := sampleDocs()
	if err != nil {
		t.Fatal(err)
	}
	index.SetKeywordDocValues(true)
	ix, err := index.Open(t.TempDir() + "/index")
	index.SetKeywordDocValues(false)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i := 0; i < len(docs); i += 7 { // several segments
		if err := ix.Index(docs[i:min(i+7, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Index(docs[3:12]); err != nil { // replaced: deleted in their first segments
		t.Fatal(err)
	}
	defer index.SetPostingsFacets(true)
	summed := 0
	for _, q := range []index.Query{
		{},
		{Text: "logement"},
		{Text: "commune:Lens OR theme:sante"},
		{Text: "aucunmotpareil"},
		{Depts: []string{"62"}},
		{Text: "date:2019"},
	} {
		q.Facets, q.Sums = index.FacetNames, index.SumDimensions
		index.SetPostingsFacets(true)
		got, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		index.SetPostingsFacets(false)
		want, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != want.Total || !reflect.DeepEqual(got.Facets, want.Facets) {
			t.Errorf("%+v:\n got %+v\nwant %+v", q, got.Facets, want.Facets)
		}
		if !reflect.DeepEqual(got.Sums, want.Sums) {
			t.Errorf("%+v: sums\n got %+v\nwant %+v", q, got.Sums, want.Sums)
		}
		for _, sum := range want.Sums {
			summed += len(sum.Values)
		}
		if len(want.Facets) != len(index.FacetNames) {
			t.Errorf("%+v: %d facets, want %d", q, len(want.Facets), len(index.FacetNames))
		}
	}
	if summed == 0 {
		t.Error("no sums to compare")
	}
}
