package index

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// snippetCut is the mark Bleve's highlighter puts where a fragment cuts the text.
const snippetCut = "…"

// wordBoundaries trims an HTML snippet to whole words: where the highlighter cut
// the text (a leading or trailing "…") inside a word, the piece of word goes, so
// that "…ovation des quais coûte 8 mill…" reads "…des quais coûte 8…". A piece
// holding a match is kept.
func wordBoundaries(s string) string {
	if rest, ok := strings.CutPrefix(s, snippetCut); ok {
		s = snippetCut + trimHead(rest)
	}
	if rest, ok := strings.CutSuffix(s, snippetCut); ok {
		s = trimTail(rest) + snippetCut
	}
	return s
}

// trimHead drops a partial word at the start of s.
func trimHead(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if !isWordRune(r) {
		return s
	}
	i := strings.IndexAny(s, " \n\t")
	if i < 0 || strings.Contains(s[:i], "<") || strings.TrimSpace(s[i:]) == "" {
		return s
	}
	return strings.TrimLeft(s[i:], " \n\t")
}

// trimTail drops a partial word at the end of s.
func trimTail(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if !isWordRune(r) {
		return s
	}
	i := strings.LastIndexAny(s, " \n\t")
	if i < 0 || strings.Contains(s[i:], ">") || strings.TrimSpace(s[:i]) == "" {
		return s
	}
	return strings.TrimRight(s[:i], " \n\t")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Snippets without a second search.
//
// Bleve's highlighter marks the term locations a search collected for a hit. For
// most queries those are every occurrence, in the title and the text, of a known
// set of terms: the words of termsQuery and of title:/text: clauses, whatever the
// filters beside them. For those, the locations are read from each shown hit's
// postings and handed to Bleve's own highlighter with the stored document, which
// is loaded once for its fields and its snippets. Phrases (only the occurrences
// that form the phrase) and anything not known here keep the second search.

// fieldTerm is a term of a text field.
type fieldTerm struct{ field, term string }

// snippetTerms returns the terms whose every occurrence in a hit of q the second
// search would collect; ok is false when that is not known of q. atomic tells
// that q matches a document exactly when one of the terms occurs in it (a
// disjunction can then hold it: its clauses that do not match collect nothing).
func snippetTerms(q query.Query) (terms []fieldTerm, atomic, ok bool) {
	text := func(field string) bool { return field == fTitle || field == fText }
	switch q := q.(type) {
	case *termsQuery:
		for _, g := range q.groups {
			for _, f := range g.fields {
				if text(f) {
					terms = append(terms, fieldTerm{f, g.term})
				}
			}
		}
		return terms, !q.conj, true
	case *query.TermQuery:
		if text(q.FieldVal) {
			return []fieldTerm{{q.FieldVal, q.Term}}, true, true
		}
		return nil, true, true
	case *query.PrefixQuery:
		return nil, true, !text(q.FieldVal)
	case *query.WildcardQuery:
		return nil, true, !text(q.FieldVal)
	case *query.MatchAllQuery, *query.MatchNoneQuery, *query.DocIDQuery, *amountRangeQuery:
		return nil, true, true
	case *query.ConjunctionQuery:
		atomic = true
		for _, c := range q.Conjuncts {
			t, _, ok := snippetTerms(c)
			if !ok {
				return nil, false, false
			}
			if len(t) > 0 {
				atomic = false
			}
			terms = append(terms, t...)
		}
		return terms, atomic, true
	case *query.DisjunctionQuery:
		if q.Min > 1 {
			return nil, false, false
		}
		for _, c := range q.Disjuncts {
			t, a, ok := snippetTerms(c)
			if !ok || len(t) > 0 && !a {
				return nil, false, false
			}
			terms = append(terms, t...)
		}
		return terms, true, true
	case *query.BooleanQuery:
		if q.Should != nil {
			return nil, false, false
		}
		if q.Must == nil {
			return nil, true, true
		}
		// The excluded clauses collect nothing.
		t, _, ok := snippetTerms(q.Must)
		return t, len(t) == 0, ok
	}
	return nil, false, false
}

// snippetRequest is what the second search asked of Bleve for each hit: its
// stored fields and snippets of the text, then the title.
func snippetRequest() *bleve.SearchRequest {
	req := &bleve.SearchRequest{Fields: append(hitFields(), fAct), Highlight: bleve.NewHighlightWithStyle("html")}
	req.Highlight.AddField(fText)
	req.Highlight.AddField(fTitle)
	return req
}

// fieldsAndSnippets loads the stored fields of hits and their snippets, the
// occurrences of terms marked. It returns false, having set nothing for
// certain, when a hit is no longer in the index (replaced meanwhile) or the
// index is not of the kind it reads: the caller then searches again.
func (ix *Index) fieldsAndSnippets(terms []fieldTerm, hits search.DocumentMatchCollection) (bool, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return false, nil
	}
	r, err := adv.Reader()
	if err != nil {
		return false, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return false, nil
	}
	hl, err := bleve.Config.Cache.HighlighterNamed("html")
	if err != nil {
		return false, err
	}
	segs := snap.Segments()
	offsets := make([]uint64, len(segs))
	var running uint64
	for i, s := range segs {
		offsets[i] = running
		running += s.Segment().Count()
	}
	type found struct {
		hit  *search.DocumentMatch
		seg  int
		num  uint64
		locs []search.FieldTermLocation
	}
	all := make([]*found, len(hits))
	// Every hit is found before any is changed, so that a false leaves them as
	// they were.
	for k, h := range hits {
		id, err := snap.InternalID(h.ID)
		if err != nil {
			return false, err
		}
		if len(id) == 0 {
			return false, nil
		}
		num := id.Value()
		i := sort.Search(len(offsets), func(x int) bool { return offsets[x] > num }) - 1
		all[k] = &found{hit: h, seg: i, num: num - offsets[i]}
	}
	// Zap's postings iterators reach a document by stepping through the ones
	// before it: one iterator a segment and term, through the hits in order.
	byDoc := slices.Clone(all)
	slices.SortFunc(byDoc, func(a, b *found) int {
		return cmp.Or(cmp.Compare(a.seg, b.seg), cmp.Compare(a.num, b.num))
	})
	for _, ft := range terms {
		var it segment.PostingsIterator
		var p segment.Posting
		seg := -1
		for _, f := range byDoc {
			if f.seg != seg {
				seg = f.seg
				dict, err := segs[seg].Segment().Dictionary(ft.field)
				if err != nil {
					return false, err
				}
				pl, err := dict.PostingsList([]byte(ft.term), segs[seg].Deleted(), nil)
				if err != nil {
					return false, err
				}
				it, p = pl.Iterator(true, true, true, it), nil
			}
			if p == nil || p.Number() < f.num {
				if p, err = it.Advance(f.num); err != nil {
					return false, err
				}
			}
			if p != nil && p.Number() == f.num {
				f.locs = appendLocations(f.locs, p, ft.term)
			}
			if p == nil {
				// Past the term's last document of this segment: the next
				// hits of the segment hold none.
				p = exhaustedPosting{}
			}
		}
	}
	req := snippetRequest()
	for _, f := range all {
		h := f.hit
		h.FieldTermLocations = append(h.FieldTermLocations[:0], f.locs...)
		h.Complete(nil)
		err, _ := bleve.LoadAndHighlightFields(h, req, "", r, hl)
		h.Locations = nil
		if err != nil {
			return false, err
		}
	}
	return true, nil
}

// exhaustedPosting stands for the end of a segment's postings.
type exhaustedPosting struct{ segment.Posting }

func (exhaustedPosting) Number() uint64 { return exhausted }

// appendLocations appends the locations of term in posting p, as Bleve's term
// scorer records them.
func appendLocations(locs []search.FieldTermLocation, p segment.Posting, term string) []search.FieldTermLocation {
	for _, l := range p.Locations() {
		var ap search.ArrayPositions
		if len(l.ArrayPositions()) > 0 {
			ap = append(ap, l.ArrayPositions()...)
		}
		locs = append(locs, search.FieldTermLocation{Field: l.Field(), Term: term,
			Location: search.Location{Pos: l.Pos(), Start: l.Start(), End: l.End(), ArrayPositions: ap}})
	}
	return locs
}
