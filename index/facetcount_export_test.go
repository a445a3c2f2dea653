package index

import "github.com/blevesearch/bleve/v2/index/scorch"

// SetPostingsFacets turns the facets from postings on or off, for the tests.
func SetPostingsFacets(on bool) { postingsFacets = on }

// SetKeywordDocValues gives the keyword fields of indexes created after it doc
// values, which Bleve's own facets read, for the tests that compare with them.
func SetKeywordDocValues(on bool) { keywordDocValues = on }

// SetMaxSegmentDocs sets the merge cap of the indexes opened after it and returns
// the previous one.
func SetMaxSegmentDocs(n int) int {
	old := maxSegmentDocs
	maxSegmentDocs = n
	return old
}

// SegmentSizes returns the number of documents of each segment of ix's snapshot.
func SegmentSizes(ix *Index) ([]uint64, error) {
	adv, err := ix.b.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var n []uint64
	for _, s := range r.(*scorch.IndexSnapshot).Segments() {
		n = append(n, s.Segment().Count())
	}
	return n, nil
}
