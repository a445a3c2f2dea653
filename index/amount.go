package index

import (
	"context"
	"math"
	"strconv"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// Amounts.
//
// Bleve's numeric fields index each value as 16 prefix-coded terms (a precision
// step of 4 bits): with nine amounts a document, they were more terms than every
// other keyword field together, and about an eighth of terril's ingest CPU. The
// amount field is instead a text field whose analyzer gives the same prefix-coded
// terms at a step of 8 bits (8 terms a value), and amountQuery splits a range at
// that step, reading from the dictionary only the terms it holds. Sorting reads
// the full-precision terms from doc values, as for a numeric field.

const (
	analyzerAmount = "terril_amount"
	amountStep     = 8 // bits of precision between the terms of a value
)

func init() {
	if err := registry.RegisterAnalyzer(analyzerAmount, func(map[string]any, *registry.Cache) (analysis.Analyzer, error) {
		return amountAnalyzer{}, nil
	}); err != nil {
		panic(err)
	}
}

// amountAnalyzer turns an amount written as a decimal number into its
// prefix-coded terms, one every amountStep bits; nothing for anything else.
type amountAnalyzer struct{}

func (amountAnalyzer) Analyze(input []byte) analysis.TokenStream {
	v, err := strconv.ParseFloat(string(input), 64)
	if err != nil || math.IsNaN(v) {
		return nil
	}
	i := numeric.Float64ToInt64(v)
	out := make(analysis.TokenStream, 0, 64/amountStep)
	for shift := uint(0); shift < 64; shift += amountStep {
		out = append(out, &analysis.Token{
			Term:     numeric.MustNewPrefixCodedInt64(i, shift),
			Start:    0,
			End:      len(input),
			Position: 1,
			Type:     analysis.Numeric,
		})
	}
	return out
}

// amountText is how an amount is given to the amount field.
func amountText(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// amountRangeQuery matches the documents with an amount between min and max
// (nil: unbounded), each bound inclusive or not.
type amountRangeQuery struct {
	min, max        *float64
	inclMin, incMax bool
}

func newAmountRange(min, max *float64, inclMin, inclMax bool) query.Query {
	return &amountRangeQuery{min: min, max: max, inclMin: inclMin, incMax: inclMax}
}

// Searcher implements query.Query: the terms of the amount field within the
// range, as Bleve's numeric range searcher finds them at its own step.
func (q *amountRangeQuery) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	lo, hi := math.Inf(-1), math.Inf(1)
	if q.min != nil {
		lo = *q.min
	}
	if q.max != nil {
		hi = *q.max
	}
	minI, maxI := numeric.Float64ToInt64(lo), numeric.Float64ToInt64(hi)
	if !q.inclMin && minI != math.MaxInt64 {
		minI++
	}
	if !q.incMax && maxI != math.MinInt64 {
		maxI--
	}
	var terms [][]byte
	for _, tr := range splitInt64Range(minI, maxI, amountStep) {
		d, err := r.FieldDictRange(fAmount, tr[0], tr[1])
		if err != nil {
			return nil, err
		}
		for {
			e, err := d.Next()
			if err != nil {
				d.Close()
				return nil, err
			}
			if e == nil {
				break
			}
			terms = append(terms, []byte(e.Term))
		}
		if err := d.Close(); err != nil {
			return nil, err
		}
	}
	// A filter: without scores nor locations, Bleve ORs the terms' postings into
	// one bitmap instead of merging hundreds of term searchers in a heap (40 ms
	// against 425 for bench's filtered query at 100 000 documents), and an amount
	// does not weigh on the relevance of a document.
	opts.Score, opts.IncludeTermVectors, opts.Explain = "none", false, false
	return searcher.NewMultiTermSearcherBytes(ctx, r, terms, fAmount, 1, opts, true)
}

// splitInt64Range returns the ranges of prefix-coded terms, first and last
// inclusive, whose union is [minBound, maxBound] at the given precision step:
// Bleve's own split (search/searcher/search_numeric_range.go), which is not
// exported and is fixed at a step of 4.
func splitInt64Range(minBound, maxBound int64, precisionStep uint) [][2][]byte {
	var rv [][2][]byte
	if minBound > maxBound {
		return rv
	}
	add := func(lo, hi int64, shift uint) {
		hi |= (int64(1) << shift) - 1
		rv = append(rv, [2][]byte{numeric.MustNewPrefixCodedInt64(lo, shift), numeric.MustNewPrefixCodedInt64(hi, shift)})
	}
	for shift := uint(0); ; shift += precisionStep {
		diff := int64(1) << (shift + precisionStep)
		mask := ((int64(1) << precisionStep) - 1) << shift
		hasLower := minBound&mask != 0
		hasUpper := maxBound&mask != mask
		nextMin := minBound &^ mask
		if hasLower {
			nextMin = (minBound + diff) &^ mask
		}
		nextMax := maxBound &^ mask
		if hasUpper {
			nextMax = (maxBound - diff) &^ mask
		}
		if shift+precisionStep >= 64 || nextMin > nextMax || nextMin < minBound || nextMax > maxBound {
			add(minBound, maxBound, shift)
			return rv
		}
		if hasLower {
			add(minBound, minBound|mask, shift)
		}
		if hasUpper {
			add(maxBound&^mask, maxBound, shift)
		}
		minBound, maxBound = nextMin, nextMax
	}
}
