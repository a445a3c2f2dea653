package index

// SetPostingsFacets turns the facets from postings on or off, for the tests.
func SetPostingsFacets(on bool) { postingsFacets = on }

// SetKeywordDocValues gives the keyword fields of indexes created after it doc
// values, which Bleve's own facets read, for the tests that compare with them.
func SetKeywordDocValues(on bool) { keywordDocValues = on }
