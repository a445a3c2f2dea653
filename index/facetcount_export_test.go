package index

// SetPostingsFacets turns the facets from postings on or off, for the tests.
func SetPostingsFacets(on bool) { postingsFacets = on }
