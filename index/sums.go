package index

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Sums of amounts by a dimension.
//
// Bleve's facets only count. To sum without loading any stored document, each
// document is indexed with keyword fields whose terms pair a dimension value with the
// document's total and count of distinct amounts: "Lille (59350)␟1780000␟2" in
// sum_commune, "logement␟1780000␟2" in sum_theme, "2019␟1780000␟2" in sum_year. A
// terms facet over such a field, computed by Bleve from doc values in the same pass
// as the search, gives for each term the number of matching documents holding it; the
// total for a value is Σ total × count over its terms, and its count of amounts
// Σ amounts × count. One term per value and document keeps the index small; nothing
// but the facet pass is read at query time.
//
// An amount counts once per document for each commune, theme or year the document
// has: a document naming two communes adds its amounts to both (sums by commune are
// "amounts of the documents that name the commune", not an apportionment).

// Sum is the total and count of amounts by the values of one dimension.
type Sum struct {
	Dimension string     `json:"dimension"`
	Values    []SumValue `json:"values"` // by decreasing total
}

// SumValue is the total of the amounts of one value of a dimension.
type SumValue struct {
	Value string  `json:"value"`
	Total float64 `json:"total"`
	Count int     `json:"count"` // amounts summed (fundings; distinct amounts per document for doc-*)
	Docs  int     `json:"docs"`  // documents holding them
	// Implicit counts the amounts summed whose currency the text leaves implicit.
	Implicit int `json:"implicit,omitempty"`
}

const sumSep = "\x1f"

// sumFields maps the sum dimensions to their fields: from the funding events
// (see fundings.go) for funder, instrument, commune, dept, epci, theme and year;
// doc-commune, doc-theme and doc-year keep the totals of every amount of the
// documents.
var sumFields = map[string]string{"doc-commune": "sum_commune", "doc-theme": "sum_theme", "doc-year": "sum_year",
	"funder": "fsum_funder", "instrument": "fsum_instrument", "commune": "fsum_commune", "dept": "fsum_dept",
	"epci": "fsum_epci", "theme": "fsum_theme", "year": "fsum_year"}

// SumDimensions lists the dimensions sums are computed by.
var SumDimensions = []string{"funder", "instrument", "commune", "dept", "epci", "theme", "year",
	"doc-commune", "doc-theme", "doc-year"}

// sumTerms returns the terms of the sum fields of a document.
func sumTerms(amounts []float64, communes, themes []string, year string) map[string][]string {
	uniq := map[float64]bool{}
	var total float64
	for _, a := range amounts {
		if !uniq[a] {
			uniq[a] = true
			total += a
		}
	}
	if len(uniq) == 0 {
		return nil
	}
	suffix := sumSep + strconv.FormatFloat(total, 'f', -1, 64) + sumSep + strconv.Itoa(len(uniq))
	terms := func(keys []string) []string {
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = k + suffix
		}
		return out
	}
	m := map[string][]string{"sum_commune": terms(communes), "sum_theme": terms(themes)}
	if year != "" {
		m["sum_year"] = terms([]string{year})
	}
	return m
}

// sums computes the sums of q's matching documents by each dimension. Each sum
// term is read from the postings once, segment by segment, and added to its value
// at once: memory holds the values of a dimension, not its terms (one per
// document and value), so it does not grow with the corpus. Where the postings
// cannot be read, Bleve's terms facet gives the terms and their counts.
func (ix *Index) sums(ctx context.Context, q query.Query, dims []string) ([]Sum, error) {
	for _, d := range dims {
		if _, ok := sumFields[d]; !ok {
			return nil, &QueryError{Err: fmt.Errorf("unknown sum dimension %q (want %s)", d, strings.Join(SumDimensions, ", "))}
		}
	}
	sm, done, err := ix.snapshotMatches(ctx, q)
	defer done()
	if err != nil {
		return nil, fmt.Errorf("sums: %w", err)
	}
	var out []Sum
	for _, d := range dims {
		acc := sumAcc{by: map[string]*SumValue{}}
		ok := false
		if sm != nil {
			if _, ok, err = sm.eachTerm(sumFields[d], false, acc.add); err != nil {
				return nil, fmt.Errorf("sums: %w", err)
			}
		}
		if !ok {
			acc = sumAcc{by: map[string]*SumValue{}}
			if err := ix.sumsByFacet(ctx, q, sumFields[d], acc.add); err != nil {
				return nil, err
			}
		}
		out = append(out, acc.sum(d))
	}
	return out, nil
}

// sumsByFacet calls fn with each term of field among q's matches and its count,
// from a Bleve terms facet (which holds every term).
func (ix *Index) sumsByFacet(ctx context.Context, q query.Query, field string, fn func(string, int)) error {
	req := bleve.NewSearchRequestOptions(q, 0, 0, false)
	req.AddFacet("sum", bleve.NewFacetRequest(field, math.MaxInt32))
	sr, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("sums: %w", err)
	}
	if fr := sr.Facets["sum"]; fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			fn(t.Term, t.Count)
		}
	}
	return nil
}

// sumAcc adds sum terms ("value␟total␟amounts[␟implicit]") to their values.
type sumAcc struct {
	by map[string]*SumValue
}

func (a *sumAcc) add(term string, count int) {
	parts := strings.Split(term, sumSep)
	if len(parts) != 3 && len(parts) != 4 {
		return
	}
	key := parts[0]
	v, err := strconv.ParseFloat(parts[1], 64)
	if err != nil {
		return
	}
	k, err := strconv.Atoi(parts[2])
	if err != nil {
		return
	}
	s := a.by[key]
	if s == nil {
		s = &SumValue{Value: key}
		a.by[key] = s
	}
	s.Total += v * float64(count)
	s.Count += k * count
	s.Docs += count
	if len(parts) == 4 {
		n, _ := strconv.Atoi(parts[3])
		s.Implicit += n * count
	}
}

// sum returns the values by decreasing total, then by value.
func (a *sumAcc) sum(dim string) Sum {
	sum := Sum{Dimension: dim}
	for _, v := range a.by {
		sum.Values = append(sum.Values, *v)
	}
	sort.Slice(sum.Values, func(i, j int) bool {
		x, y := sum.Values[i], sum.Values[j]
		if x.Total != y.Total {
			return x.Total > y.Total
		}
		return x.Value < y.Value
	})
	return sum
}
