package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"terril/corpus"
)

// The amount ranges, split at amountStep, match what comparing every amount
// would: bounds inclusive or not, open, at the edges of the terms' precision.
func TestAmountRangeIsExact(t *testing.T) {
	ix, err := Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	rng := rand.New(rand.NewPCG(7, 8))
	values := []float64{0, 0.5, 1, 255, 256, 257, 65535, 65536, 99999.99, 1e5, 1e6, 1e6 + 0.01, 2.5e6, 1e9, 3.2e12}
	for range 60 {
		values = append(values, float64(rng.IntN(1e8))/float64(1+rng.IntN(100)))
	}
	var docs []*corpus.Document
	for i := 0; i < len(values); i += 3 {
		d := &corpus.Document{ID: fmt.Sprintf("d%03d", i), Title: "t", Text: "x"}
		for _, v := range values[i:min(i+3, len(values))] {
			d.Amounts = append(d.Amounts, corpus.Amount{Value: v, Currency: "EUR"})
		}
		docs = append(docs, d)
	}
	for i := 0; i < len(docs); i += 5 { // several segments
		if err := ix.Index(docs[i:min(i+5, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	matched := 0
	bounds := append(slices.Clone(values), -1, 254.99, 1e7, 5e12)
	for range 300 {
		lo, hi := bounds[rng.IntN(len(bounds))], bounds[rng.IntN(len(bounds))]
		inclLo, inclHi := rng.IntN(2) == 0, rng.IntN(2) == 0
		var plo, phi *float64
		if rng.IntN(6) > 0 {
			plo = &lo
		}
		if rng.IntN(6) > 0 {
			phi = &hi
		}
		var want []string
		for _, d := range docs {
			if slices.ContainsFunc(d.Amounts, func(a corpus.Amount) bool {
				v := a.Value
				return (plo == nil || v > lo || inclLo && v == lo) && (phi == nil || v < hi || inclHi && v == hi)
			}) {
				want = append(want, d.ID)
			}
		}
		res, err := ix.b.SearchInContext(context.Background(), searchAll(newAmountRange(plo, phi, inclLo, inclHi)))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		matched += len(got)
		if !slices.Equal(got, want) {
			t.Errorf("[%v (%v), %v (%v)] lo set %v hi set %v: got %v, want %v", lo, inclLo, hi, inclHi, plo != nil, phi != nil, got, want)
		}
	}
	if matched < 1000 {
		t.Errorf("only %d matches in all: the test tests little", matched)
	}

}

func searchAll(q query.Query) *bleve.SearchRequest {
	return bleve.NewSearchRequestOptions(q, 1000, 0, false)
}
