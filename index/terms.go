package index

import (
	"context"
	"math"
	"slices"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Words searched in several fields.
//
// A query's words are, for Bleve, a conjunction of disjunctions: each term in the
// title (boosted) or the text. Bleve runs that tree as a searcher per term and
// field, a disjunction searcher per term and a conjunction over them, each step
// through interfaces and a DocumentMatch of its own: at 100 000 documents most of
// a plain query's instructions went there, not into reading the postings.
// termsQuery is that tree as one query whose searcher walks the postings of each
// segment itself and scores each match with Bleve's own arithmetic, in Bleve's
// order (the same sorting of the clauses by count, the same sums, the same query
// norm), so that hits, scores and order are Bleve's to the bit. Where that
// arithmetic would be another (explanations, term locations for snippets, no
// scores, BM25, synonyms) it runs Bleve's tree instead.

// termsQuery matches the documents holding every group's term (conj) or the one
// group's term, in one of its fields.
type termsQuery struct {
	groups []termGroup
	conj   bool // a conjunction of the groups; else a single group

	// top, when above 0, says that the query is the whole search, ranked by
	// score, its first top hits wanted: the searcher then returns only the
	// documents that can still be among them (see termsSearcher.Next) and
	// counts every match in matched, the total to report.
	top     int
	matched uint64
	counted bool // matched is the count of termsSearcher (not Bleve's tree)
}

// termGroup is one term searched in several fields, each with its boost.
type termGroup struct {
	term   string
	fields []string
	boosts []float64
}

// termsSearch turns the custom searcher on; the tests turn it off to compare
// with Bleve's tree.
var termsSearch = true

// bleveQuery is the query as Bleve's own tree.
func (q *termsQuery) bleveQuery() query.Query {
	var groups []query.Query
	for _, g := range q.groups {
		var disj []query.Query
		for i, f := range g.fields {
			tq := bleve.NewTermQuery(g.term)
			tq.SetField(f)
			if g.boosts[i] != 1 {
				tq.SetBoost(g.boosts[i])
			}
			disj = append(disj, tq)
		}
		groups = append(groups, bleve.NewDisjunctionQuery(disj...))
	}
	if !q.conj {
		return groups[0]
	}
	return bleve.NewConjunctionQuery(groups...)
}

// Searcher implements query.Query.
func (q *termsQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok || !termsSearch || !q.plain(ctx, o) {
		return q.bleveQuery().Searcher(ctx, r, m, o)
	}
	s, err := newTermsSearcher(ctx, snap, q)
	if err != nil {
		return nil, err
	}
	if s == nil { // postings that are not bitmaps
		return q.bleveQuery().Searcher(ctx, r, m, o)
	}
	return s, nil
}

// plain tells whether the searcher computes what Bleve's tree would: scores by
// tf-idf, no explanation, no term locations, no synonyms, and few enough clauses
// that Bleve's sorts of them are stable (insertion sorts) and its disjunctions
// are slice searchers.
func (q *termsQuery) plain(ctx context.Context, o search.SearcherOptions) bool {
	if o.Explain || o.IncludeTermVectors || o.Score == "none" || len(q.groups) > 12 || len(q.groups) == 0 {
		return false
	}
	for _, g := range q.groups {
		if len(g.fields) < 2 || len(g.fields) > 10 {
			return false
		}
	}
	if ctx == nil {
		return true
	}
	if cb, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn); ok && cb() == bindex.BM25Scoring {
		return false
	}
	if _, ok := ctx.Value(search.FieldTermSynonymMapKey).(search.FieldTermSynonymMap); ok {
		return false
	}
	if b, _ := ctx.Value(search.IncludeScoreBreakdownKey).(bool); b {
		return false
	}
	return true
}

// exhausted is the doc number of a field's postings past their end.
const exhausted = math.MaxUint64

// tsField is one term in one field: Bleve's term searcher and scorer.
type tsField struct {
	boost, idf, queryWeight float64
	count                   uint64                 // documents holding the term (Bleve's docTerm)
	lists                   []segment.PostingsList // by segment
	it                      segment.PostingsIterator
	cur                     uint64          // doc number of the current posting, or exhausted
	p                       segment.Posting // the current posting (read for its score only)
}

// weight is Bleve's TermQueryScorer.Weight.
func (f *tsField) weight() float64 {
	sum := f.boost * f.idf
	return sum * sum
}

// score is Bleve's TermQueryScorer.Score of the current posting (tf-idf).
func (f *tsField) score() float64 {
	freq := f.p.Frequency()
	var tf float64
	if freq < scorer.MaxSqrtCache {
		tf = scorer.SqrtCache[int(freq)]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	score := tf * f.p.Norm() * f.idf
	if f.queryWeight != 1.0 {
		score = score * f.queryWeight
	}
	return score
}

// advance moves f to its first posting at or after doc t, which is after the
// current one (zap's iterators go forwards only).
func (f *tsField) advance(t uint64) error {
	p, err := f.it.Advance(t)
	if err != nil {
		return err
	}
	if p == nil {
		f.cur, f.p = exhausted, nil
		return nil
	}
	f.cur, f.p = p.Number(), p
	return nil
}

// tsGroup is one term in its fields: Bleve's disjunction searcher over them,
// its fields sorted as Bleve sorts them (by count, stable).
type tsGroup struct {
	fields []*tsField
	count  uint64
}

func (g *tsGroup) weight() float64 {
	var rv float64
	for _, f := range g.fields {
		rv += f.weight()
	}
	return rv
}

// termsSearcher runs a termsQuery segment by segment: the matching documents of
// a segment are its postings' bitmaps intersected (no frequency read), then each
// field's postings are read at those documents only, for the scores.
type termsSearcher struct {
	segs    []*scorch.SegmentSnapshot
	offsets []uint64 // global number of each segment's first document
	groups  []*tsGroup
	fields  []*tsField // the groups' fields, in order
	conj    bool
	seg     int                 // current segment
	matches roaring.IntPeekable // its matching documents not yet returned
	loaded  bool                // matches and the fields' iterators are on seg
	next    uint64              // first doc of seg not yet returned
	m, tmp  *roaring.Bitmap     // scratch of load

	ctx     context.Context
	q       *termsQuery
	best    []float64 // the q.top best scores so far, a min-heap (q.top > 0)
	matched uint64
}

func newTermsSearcher(ctx context.Context, snap *scorch.IndexSnapshot, q *termsQuery) (*termsSearcher, error) {
	segs := snap.Segments()
	s := &termsSearcher{segs: segs, offsets: make([]uint64, len(segs)), conj: q.conj, ctx: ctx, q: q}
	var running uint64
	for i, seg := range segs {
		s.offsets[i] = running
		running += seg.Segment().Count()
	}
	total, err := snap.DocCount()
	if err != nil {
		return nil, err
	}
	for _, g := range q.groups {
		tg := &tsGroup{}
		for i, field := range g.fields {
			if err := search.RecordTermSearcher(ctx); err != nil {
				return nil, err
			}
			f := &tsField{boost: g.boosts[i], queryWeight: 1.0, lists: make([]segment.PostingsList, len(segs))}
			for j, seg := range segs {
				dict, err := seg.Segment().Dictionary(field)
				if err != nil {
					return nil, err
				}
				pl, err := dict.PostingsList([]byte(g.term), seg.Deleted(), nil)
				if err != nil {
					return nil, err
				}
				if _, ok := pl.(orIntoer); !ok {
					return nil, nil
				}
				f.lists[j] = pl
				f.count += pl.Count()
			}
			f.idf = 1.0 + math.Log(float64(total)/float64(f.count+1))
			tg.fields = append(tg.fields, f)
			tg.count += f.count
		}
		slices.SortStableFunc(tg.fields, func(a, b *tsField) int { return cmpCount(a.count, b.count) })
		s.groups = append(s.groups, tg)
	}
	slices.SortStableFunc(s.groups, func(a, b *tsGroup) int { return cmpCount(a.count, b.count) })
	for _, g := range s.groups {
		s.fields = append(s.fields, g.fields...)
	}
	s.m, s.tmp = roaring.New(), roaring.New()
	// The query norm Bleve's outermost searcher of the tree sets (a parent
	// searcher sets its own through SetQueryNorm).
	s.SetQueryNorm(1.0 / math.Sqrt(s.Weight()))
	return s, nil
}

func cmpCount(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// load sets the matches on those of segment i and the fields' iterators on
// their first postings.
func (s *termsSearcher) load(i int) error {
	s.m.Clear()
	for k, g := range s.groups {
		u := s.m
		if k > 0 {
			u = s.tmp
			u.Clear()
		}
		for _, f := range g.fields {
			f.lists[i].(orIntoer).OrInto(u)
		}
		if k > 0 {
			s.m.And(u)
		}
	}
	if d := s.segs[i].Deleted(); d != nil {
		s.m.AndNot(d)
	}
	s.matches = s.m.Iterator()
	for _, f := range s.fields {
		f.it = f.lists[i].Iterator(true, true, false, f.it)
		if err := f.advance(0); err != nil {
			return err
		}
	}
	s.seg, s.loaded, s.next = i, true, 0
	return nil
}

// score is Bleve's score of doc t: each group's is Bleve's disjunction's, the
// sum of its matching fields' scores times the share of its fields that match;
// the conjunction adds the groups' in their order.
func (s *termsSearcher) score(t uint64) float64 {
	var sum float64
	for _, g := range s.groups {
		var gs float64
		n := 0
		for _, f := range g.fields {
			if f.cur == t {
				gs += f.score()
				n++
			}
		}
		coord := float64(n) / float64(len(g.fields))
		if !s.conj {
			return gs * coord
		}
		sum += gs * coord
	}
	return sum
}

func (s *termsSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for s.seg < len(s.segs) {
		if !s.loaded {
			if err := s.load(s.seg); err != nil {
				return nil, err
			}
		}
		if !s.matches.HasNext() {
			s.seg++
			s.loaded = false
			continue
		}
		doc := uint64(s.matches.Next())
		for _, f := range s.fields {
			if f.cur < doc {
				if err := f.advance(doc); err != nil {
					return nil, err
				}
			}
		}
		s.next = doc + 1
		s.matched++
		score := s.score(doc)
		if !s.competes(score) {
			if s.matched%1024 == 0 && s.ctx != nil && s.ctx.Err() != nil {
				return nil, s.ctx.Err()
			}
			continue
		}
		rv := ctx.DocumentMatchPool.Get()
		rv.IndexInternalID = bindex.NewIndexInternalID(rv.IndexInternalID, doc+s.offsets[s.seg])
		rv.Score = score
		return rv, nil
	}
	return nil, nil
}

// competes tells whether a match of this score can be among the q.top best of
// the search, and keeps the best scores. A document that is among the best of
// all is among the best of those before it, whatever the order of equal scores:
// the collector gets every document it will keep, in the same order, and the
// same hits come out; only its count of matches is short (Search uses
// q.matched).
func (s *termsSearcher) competes(score float64) bool {
	top := s.q.top
	if top <= 0 {
		return true
	}
	if len(s.best) < top {
		s.best = append(s.best, score)
		up(s.best, len(s.best)-1)
		return true
	}
	if score < s.best[0] {
		return false
	}
	if score > s.best[0] {
		s.best[0] = score
		down(s.best, 0)
	}
	return true
}

// up and down keep h a min-heap.
func up(h []float64, i int) {
	for i > 0 {
		p := (i - 1) / 2
		if h[p] <= h[i] {
			return
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
}

func down(h []float64, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		c := l
		if r := l + 1; r < len(h) && h[r] < h[l] {
			c = r
		}
		if h[i] <= h[c] {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

func (s *termsSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if len(s.segs) == 0 {
		return nil, nil
	}
	num := id.Value()
	i := max(sort.Search(len(s.offsets), func(x int) bool { return s.offsets[x] > num })-1, 0)
	local := num - s.offsets[i]
	// Backwards (i < s.seg or local < s.next), the iterators, which only go
	// forwards, start the segment again, as Bleve's term field readers do.
	if i != s.seg || !s.loaded || local < s.next {
		if err := s.load(i); err != nil {
			return nil, err
		}
	}
	if local > uint64(math.MaxUint32) {
		local = math.MaxUint32
	}
	s.matches.AdvanceIfNeeded(uint32(local))
	return s.Next(ctx)
}

func (s *termsSearcher) Close() error {
	s.q.matched, s.q.counted = s.matched, true
	return nil
}

// Weight is the sum of the groups' weights (Bleve's conjunction or disjunction).
func (s *termsSearcher) Weight() float64 {
	var rv float64
	for _, g := range s.groups {
		rv += g.weight()
	}
	return rv
}

func (s *termsSearcher) SetQueryNorm(qnorm float64) {
	for _, f := range s.fields {
		f.queryWeight = f.boost * f.idf * qnorm
	}
}

// Count is the sum of the term counts, as Bleve's searchers add them.
func (s *termsSearcher) Count() uint64 {
	var sum uint64
	for _, g := range s.groups {
		sum += g.count
	}
	return sum
}

func (s *termsSearcher) Min() int { return 0 }

func (s *termsSearcher) Size() int {
	n := 64
	for _, g := range s.groups {
		n += 32 + 96*len(g.fields)
	}
	return n
}

func (s *termsSearcher) DocumentMatchPoolSize() int { return 1 }
