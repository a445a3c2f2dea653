package index

import (
	"context"
	"sort"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Facets from postings.
//
// Bleve counts a terms facet by reading every matching document's doc values and
// turning each term into a string: its cost grows with the matches, hundreds of
// milliseconds for five facets over 100 000 documents. terril's facet fields have
// few terms (themes, genres, years, départements) or short postings (communes), so
// counting each term's postings within the matches, segment by segment, with
// roaring bitmaps costs what the term dictionaries weigh instead. The result is
// Bleve's: the same counts, order (count, then term), Total, Missing and Other.

// postingsFacets turns the counting from postings (facets and sums) on; the tests
// turn it off to compare with Bleve's facets.
var postingsFacets = true

// orIntoer is a postings list that can add its documents to a bitmap (zap's can).
type orIntoer interface{ OrInto(*roaring.Bitmap) }

// segmentMatches are the documents of q in each segment of a snapshot.
type segmentMatches struct {
	segs    []*scorch.SegmentSnapshot
	matches []*roaring.Bitmap // live matching documents, by segment
	all     bool              // every live document matches
}

// matchesOf runs q on snap and returns its matches by segment.
func (ix *Index) matchesOf(ctx context.Context, snap *scorch.IndexSnapshot, q query.Query) (*segmentMatches, error) {
	segs := snap.Segments()
	sm := &segmentMatches{segs: segs, matches: make([]*roaring.Bitmap, len(segs))}
	if _, sm.all = q.(*query.MatchAllQuery); sm.all {
		for i, s := range segs {
			sm.matches[i] = s.DocNumbersLive()
		}
	} else {
		// Global document numbers run through the segments in order (see scorch's
		// introducer): offsets[i] is the first of segment i.
		offsets := make([]uint64, len(segs))
		var running uint64
		for i, s := range segs {
			offsets[i] = running
			running += s.Segment().Count()
			sm.matches[i] = roaring.New()
		}
		searcher, err := q.Searcher(ctx, snap, ix.b.Mapping(), search.SearcherOptions{Score: "none"})
		if err != nil {
			return nil, err
		}
		defer searcher.Close()
		sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(searcher.DocumentMatchPoolSize(), 0)}
		for n := 0; ; n++ {
			if n%1024 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			d, err := searcher.Next(sctx)
			if err != nil {
				return nil, err
			}
			if d == nil {
				break
			}
			num := d.IndexInternalID.Value()
			i := sort.Search(len(offsets), func(i int) bool { return offsets[i] > num }) - 1
			sm.matches[i].Add(uint32(num - offsets[i]))
			sctx.DocumentMatchPool.Put(d)
		}
	}
	return sm, nil
}

// eachTerm calls fn with each term of field and its count of matching documents,
// segment by segment (a term of several segments comes once for each), and
// returns the matching documents without any term of field (when wantMissing,
// else 0); ok is false where a
// segment's postings cannot be read as bitmaps. Nothing but the current term is
// held: memory does not grow with the dictionary.
func (sm *segmentMatches) eachTerm(field string, wantMissing bool, fn func(term string, count int)) (missing int, ok bool, err error) {
	var pl segment.PostingsList
	union, tmp := roaring.New(), roaring.New()
	for i, s := range sm.segs {
		m := sm.matches[i]
		if m.IsEmpty() {
			continue
		}
		dict, err := s.Segment().Dictionary(field)
		if err != nil {
			return 0, false, err
		}
		union.Clear()
		// Matching all of a segment without deletions, the dictionary's counts
		// are the counts.
		fast := sm.all && !wantMissing && (s.Deleted() == nil || s.Deleted().IsEmpty())
		it := dict.AutomatonIterator(nil, nil, nil)
		for {
			e, err := it.Next()
			if err != nil {
				return 0, false, err
			}
			if e == nil {
				break
			}
			if fast {
				if e.Count > 0 {
					fn(e.Term, int(e.Count))
				}
				continue
			}
			// Matching all, the postings less the deleted documents are the
			// count; else each postings list is intersected with the matches,
			// which are few where the query is selective.
			var except *roaring.Bitmap
			if sm.all {
				except = s.Deleted()
			}
			if pl, err = dict.PostingsList([]byte(e.Term), except, pl); err != nil {
				return 0, false, err
			}
			o, isOr := pl.(orIntoer)
			if !isOr {
				return 0, false, nil
			}
			var c int
			if sm.all {
				c = int(pl.Count())
				if wantMissing {
					o.OrInto(union)
				}
			} else {
				tmp.Clear()
				o.OrInto(tmp)
				tmp.And(m)
				c = int(tmp.GetCardinality())
				union.Or(tmp)
			}
			if c > 0 {
				fn(e.Term, c)
			}
		}
		if wantMissing {
			union.And(m)
			missing += int(m.GetCardinality() - union.GetCardinality())
		}
	}
	return missing, true, nil
}

// postingsFacet counts field's terms over the matches, as Bleve's terms facet of
// that size would.
func (sm *segmentMatches) postingsFacet(field string, size int) (f *search.FacetResult, ok bool, err error) {
	counts := map[string]int{}
	total := 0
	missing, ok, err := sm.eachTerm(field, true, func(term string, c int) {
		counts[term] += c
		total += c
	})
	if err != nil || !ok {
		return nil, ok, err
	}
	f = &search.FacetResult{Field: field, Total: total, Missing: missing, Terms: &search.TermFacets{}}
	for t, c := range counts {
		f.Terms.Add(&search.TermFacet{Term: t, Count: c})
	}
	sort.Sort(f.Terms)
	f.Terms.TrimToTopN(min(size, f.Terms.Len()))
	f.Other = total
	for _, t := range f.Terms.Terms() {
		f.Other -= t.Count
	}
	return f, true, nil
}

// snapshotMatches returns q's matches in a snapshot of the index, and a function
// to release it; nil matches where the index is not a scorch index.
func (ix *Index) snapshotMatches(ctx context.Context, q query.Query) (*segmentMatches, func(), error) {
	if !postingsFacets {
		return nil, func() {}, nil
	}
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, func() {}, nil
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, func() {}, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, func() {}, nil
	}
	sm, err := ix.matchesOf(ctx, snap, q)
	if err != nil {
		r.Close()
		return nil, func() {}, err
	}
	return sm, func() { r.Close() }, nil
}

// facetsFromPostings computes the facets named, by their fields, from the
// postings of q's matches; it returns nil (and Bleve's facets are used) where the
// index is not a scorch index of zap segments.
func (ix *Index) facetsFromPostings(ctx context.Context, q query.Query, names []string) (search.FacetResults, error) {
	if len(names) == 0 {
		return nil, nil
	}
	sm, done, err := ix.snapshotMatches(ctx, q)
	defer done()
	if sm == nil || err != nil {
		return nil, err
	}
	out := search.FacetResults{}
	for _, name := range names {
		fr, err := facetRequest(name)
		if err != nil {
			return nil, &QueryError{Err: err}
		}
		f, ok, err := sm.postingsFacet(fr.Field, fr.Size)
		if err != nil || !ok {
			return nil, err
		}
		out[name] = f
	}
	return out, nil
}
