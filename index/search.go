package index

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Query is a search over the corpus: free text in terril's query language (see
// package querylang) and filters, with the facets and sums to compute.
type Query struct {
	Text string // query language; empty matches every document

	// Filters, ANDed with the text. Within one filter, values are ORed.
	Communes    []string // names or INSEE codes
	Depts       []string // codes ("59", "2A") or names
	EPCIs       []string // SIRENs or names
	Themes      []string
	Genres      []string
	People      []string // names or keys
	Signatories []string
	Sources     []string
	ActKinds    []string // kinds of the acts of recueils (arrete, decision…)
	Recueils    []string // document IDs of recueils: their acts
	// Funders, Instruments, FundCommunes and FundDepts filter on the document's
	// funding events: a funder's name, an instrument, a funded commune (name or
	// INSEE code), a funded commune's département.
	Funders, Instruments, FundCommunes, FundDepts []string
	MinAmount                                     *float64 // some amount of the document is ≥ MinAmount
	MaxAmount                                     *float64 // some amount of the document is ≤ MaxAmount
	From, To                                      string   // publication date bounds, inclusive: YYYY, YYYY-MM or YYYY-MM-DD

	Sort   string // "relevance" (default), "date", "-date" (newest first), "amount", "-amount"
	Size   int    // hits per page (default 10; 0 hits with Size < 0)
	Offset int

	Facets []string // facet names (see FacetNames)
	Sums   []string // sum dimensions (see SumDimensions)

	Snippets bool // compute highlighted snippets
}

// Hit is one matching document. Every string is plain text as the document gave
// it (it may hold any character: escape it where it is shown) except Snippets,
// which are HTML.
type Hit struct {
	ID        string    `json:"id"`
	Score     float64   `json:"score"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Source    string    `json:"source,omitempty"`
	Genre     string    `json:"genre,omitempty"`
	Published string    `json:"published,omitempty"`
	Snippets  []string  `json:"snippets,omitempty"` // HTML: the text escaped, matches in <mark>…</mark>
	Amounts   []float64 `json:"amounts,omitempty"`
	Communes  []string  `json:"communes,omitempty"` // "INSEE Name"
	Themes    []string  `json:"themes,omitempty"`

	// SnippetsText are the Snippets as plain text (unescaped, without the marks).
	SnippetsText []string `json:"snippets_text,omitempty"`
	// Fundings are the document's funding events.
	Fundings []FundingRow `json:"fundings,omitempty"`
	// Details are the other facts: dates, EPCIs, départements, people…
	Details
	// Act, for an act of a recueil des actes, names the recueil and the act's pages.
	Act *ActRef `json:"act,omitempty"`
}

// Result is the answer to a Query.
type Result struct {
	Total  uint64        `json:"total"`
	Hits   []Hit         `json:"hits"`
	Facets []Facet       `json:"facets,omitempty"`
	Sums   []Sum         `json:"sums,omitempty"`
	Hints  []Hint        `json:"hints,omitempty"` // why the query may match nothing (see Hint)
	Took   time.Duration `json:"took_ns"`
}

// Facet is the count of matching documents by the values of one field.
type Facet struct {
	Name    string       `json:"name"`
	Total   int          `json:"total"`   // documents with a value
	Missing int          `json:"missing"` // documents without
	Other   int          `json:"other"`   // values beyond the top ones
	Values  []FacetValue `json:"values"`
}

// FacetValue is one value of a facet and its count of documents.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// A QueryError is a mistake in a query (its text or its filters), as opposed to a
// failure of the index.
type QueryError struct{ Err error }

func (e *QueryError) Error() string { return e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

// Search runs q. A mistake in q is a *QueryError.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	bq, hints, err := ix.buildQueryHints(q)
	if err != nil {
		return nil, &QueryError{Err: err}
	}
	bq = withActFilters(q, bq)
	size := q.Size
	if size == 0 {
		size = 10
	}
	if size < 0 {
		size = 0
	}
	req := bleve.NewSearchRequestOptions(bq, size, q.Offset, false)
	req.Fields = append(hitFields(), fAct)
	switch q.Sort {
	case "", "relevance", "-score":
	case "date", "-date":
		// Undated documents come last either way.
		req.SortByCustom(search.SortOrder{
			&search.SortField{Field: fPubText, Desc: q.Sort == "-date", Missing: search.SortFieldMissingLast},
			&search.SortScore{Desc: true},
		})
	case "amount", "-amount":
		// By each document's largest amount; documents without amounts last.
		req.SortByCustom(search.SortOrder{
			&search.SortField{Field: fAmount, Type: search.SortFieldAsNumber, Mode: search.SortFieldMax,
				Desc: q.Sort == "-amount", Missing: search.SortFieldMissingLast},
			&search.SortScore{Desc: true},
		})
	default:
		return nil, fmt.Errorf("unknown sort %q (want relevance, date, -date, amount or -amount)", q.Sort)
	}
	for _, name := range q.Facets {
		if _, err := facetRequest(name); err != nil {
			return nil, &QueryError{Err: err}
		}
	}
	facets, err := ix.facetsFromPostings(ctx, bq, q.Facets)
	if err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	if facets == nil && len(q.Facets) > 0 {
		for _, name := range q.Facets {
			fr, _ := facetRequest(name)
			req.AddFacet(name, fr)
		}
	}
	sr, err := ix.searchHits(ctx, req, bq, q, size)
	if err != nil {
		return nil, err
	}
	if facets != nil {
		sr.Facets = facets
	}
	res := &Result{Total: sr.Total, Hints: hints}
	for _, m := range sr.Hits {
		res.Hits = append(res.Hits, toHit(m))
	}
	for _, name := range q.Facets {
		if f, ok := sr.Facets[name]; ok {
			res.Facets = append(res.Facets, toFacet(name, f))
		}
	}
	if len(q.Sums) > 0 {
		sums, err := ix.sums(ctx, bq, q.Sums)
		if err != nil {
			return nil, err
		}
		res.Sums = sums
	}
	res.Took = time.Since(start)
	return res, nil
}

// searchHits runs req, the search of bq for q, and sets the snippets of its hits
// when q asks for them.
func (ix *Index) searchHits(ctx context.Context, req *bleve.SearchRequest, bq query.Query, q Query, size int) (*bleve.SearchResult, error) {
	// Where the terms to mark are known, the fields and snippets of the hits are
	// loaded after the search, each document once (see fieldsAndSnippets).
	var marks []fieldTerm
	direct := false
	if q.Snippets && directSnippets {
		marks, _, direct = snippetTerms(bq)
	}
	if direct {
		req.Fields = nil
	}
	// Words alone, ranked by score: their searcher hands the collector only the
	// documents that can be among the hits, and counts the matches itself.
	tq, _ := bq.(*termsQuery)
	relevance := q.Sort == "" || q.Sort == "relevance" || q.Sort == "-score"
	if tq != nil && relevance && req.Facets == nil && size > 0 {
		tq.top = size + q.Offset
	} else {
		tq = nil
	}
	sr, err := ix.searchCounted(ctx, req, tq)
	if err != nil {
		return nil, err
	}
	if direct && len(sr.Hits) > 0 {
		ok, err := ix.fieldsAndSnippets(marks, sr.Hits)
		if err != nil {
			return nil, fmt.Errorf("snippets: %w", err)
		}
		if !ok {
			// A hit was replaced meanwhile: the search again, as below.
			req.Fields = append(hitFields(), fAct)
			if sr, err = ix.searchCounted(ctx, req, tq); err != nil {
				return nil, err
			}
			direct = false
		}
	}
	if q.Snippets && !direct && len(sr.Hits) > 0 {
		if err := ix.highlight(ctx, bq, sr.Hits); err != nil {
			return nil, fmt.Errorf("snippets: %w", err)
		}
	}
	return sr, nil
}

// searchCounted runs req; with tq (its query, ranked by score), its total is the
// matches tq's searcher counted.
func (ix *Index) searchCounted(ctx context.Context, req *bleve.SearchRequest, tq *termsQuery) (*bleve.SearchResult, error) {
	if tq != nil {
		tq.matched, tq.counted = 0, false
	}
	sr, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if tq != nil && tq.counted {
		sr.Total = tq.matched
	}
	return sr, nil
}

// directSnippets turns fieldsAndSnippets on; the tests turn it off to compare
// with the second search.
var directSnippets = true

// highlight sets the fragments of hits, the matches of q. Asking Bleve for them
// in the search itself makes it read the term locations of every match, not only
// of the hits shown: a fifth of a plain query's time at 100 000 documents. A
// second search, of q within the hits, reads them for the hits only.
func (ix *Index) highlight(ctx context.Context, q query.Query, hits search.DocumentMatchCollection) error {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.AddField(fText)
	req.Highlight.AddField(fTitle)
	req.Score = "none"
	sr, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return err
	}
	byID := make(map[string]*search.DocumentMatch, len(sr.Hits))
	for _, m := range sr.Hits {
		byID[m.ID] = m
	}
	for _, h := range hits {
		if m := byID[h.ID]; m != nil {
			h.Fragments = m.Fragments
		}
	}
	return nil
}

func toHit(m *search.DocumentMatch) Hit {
	h := Hit{ID: m.ID, Score: m.Score}
	str := func(name string) string {
		s, _ := m.Fields[name].(string)
		return s
	}
	h.Title, h.URL, h.Source, h.Genre, h.Published = str(fTitle), str(fURL), str(fSource), str(fGenre), str(fPubText)
	var f Facts
	if s := str(fFacts); s != "" {
		_ = json.Unmarshal([]byte(s), &f)
	}
	h.Amounts, h.Communes, h.Themes = f.Amounts, f.Communes, f.Themes
	h.Details = decodeDetails(str(fDetails))
	h.Act = actRef(str(fAct))
	if s := str(fFundings); s != "" {
		_ = json.Unmarshal([]byte(s), &h.Fundings)
	}
	for _, field := range []string{fText, fTitle} {
		h.Snippets = append(h.Snippets, m.Fragments[field]...)
		if len(h.Snippets) > 0 {
			break
		}
	}
	for i, s := range h.Snippets {
		s = wordBoundaries(s)
		h.Snippets[i] = s
		h.SnippetsText = append(h.SnippetsText, SnippetText(s))
	}
	return h
}

// markTags are the tags of an HTML snippet, removed for its plain text.
var markTags = strings.NewReplacer("<mark>", "", "</mark>", "")

// SnippetText turns an HTML snippet (escaped text, matches in <mark>) into plain text.
func SnippetText(s string) string { return html.UnescapeString(markTags.Replace(s)) }

func toFacet(name string, f *search.FacetResult) Facet {
	out := Facet{Name: name, Total: f.Total, Missing: f.Missing, Other: f.Other}
	if f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			out.Values = append(out.Values, FacetValue{Value: facetLabel(name, t.Term), Count: t.Count})
		}
	}
	for _, r := range f.NumericRanges {
		out.Values = append(out.Values, FacetValue{Value: r.Name, Count: r.Count})
	}
	for _, r := range f.DateRanges {
		out.Values = append(out.Values, FacetValue{Value: r.Name, Count: r.Count})
	}
	switch name {
	case "commune", "epci", "fcommune", "person", "signatory", "funder":
		// Equal counts by label, as the labels were counted before labelTerm.
		sort.SliceStable(out.Values, func(i, j int) bool {
			a, b := out.Values[i], out.Values[j]
			return a.Count > b.Count || a.Count == b.Count && a.Value < b.Value
		})
	case "year", "month":
		sort.Slice(out.Values, func(i, j int) bool { return out.Values[i].Value < out.Values[j].Value })
	case "amount":
		rank := map[string]int{}
		for i, r := range amountRanges {
			rank[r.name] = i
		}
		sort.Slice(out.Values, func(i, j int) bool { return rank[out.Values[i].Value] < rank[out.Values[j].Value] })
	}
	return out
}

// facetLabel is the value a facet shows for a term: "Name (code)" for places,
// the name as written for people and funders (see labelTerm).
func facetLabel(facet, term string) string {
	switch facet {
	case "commune", "epci", "fcommune":
		if code, label, ok := strings.Cut(term, labelSep); ok {
			return label + " (" + code + ")"
		}
	case "person", "signatory", "funder":
		_, label := splitLabel(term)
		return label
	}
	return term
}

// FacetNames lists the facets Search computes.
var FacetNames = []string{"commune", "dept", "epci", "theme", "genre", "person", "signatory", "source", "year", "month", "amount",
	"funder", "instrument", "fcommune", "fdept", "act_kind"}

// amountRanges are the buckets of the amount facet.
var amountRanges = []struct {
	name     string
	min, max float64
}{
	{"< 100 k€", math.Inf(-1), 1e5},
	{"100 k€ – 1 M€", 1e5, 1e6},
	{"1 – 10 M€", 1e6, 1e7},
	{"10 – 100 M€", 1e7, 1e8},
	{"≥ 100 M€", 1e8, math.Inf(1)},
}

// amountRange returns the name of the facet range of an amount.
func amountRange(v float64) string {
	for _, r := range amountRanges {
		if v >= r.min && v < r.max {
			return r.name
		}
	}
	return amountRanges[len(amountRanges)-1].name
}

func facetRequest(name string) (*bleve.FacetRequest, error) {
	field := map[string]string{
		"commune": fCommune, "dept": fDept, "epci": fEPCI, "theme": fTheme,
		"genre": fGenre, "person": fPerson, "signatory": fSignatory, "source": fSource,
		"year": fYear, "month": fMonth, "amount": fAmountRange,
		"funder": fFunder, "instrument": fInstrument, "fcommune": fFundCommune, "fdept": fFundDept,
		"act_kind": fActKind,
	}
	f, ok := field[name]
	if !ok {
		return nil, fmt.Errorf("unknown facet %q (want one of %s)", name, strings.Join(FacetNames, ", "))
	}
	size := 20
	if name == "month" || name == "year" {
		size = 500
	}
	return bleve.NewFacetRequest(f, size), nil
}

var _ query.Query = (*query.MatchAllQuery)(nil)
