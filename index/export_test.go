package index

// FunderLabel is funderLabel, for the tests.
var FunderLabel = funderLabel

// SetTermsSearch turns the searcher of words in several fields on or off, for the
// tests that compare it with Bleve's tree of queries.
func SetTermsSearch(on bool) { termsSearch = on }

// SetDirectSnippets turns the snippets read from the hits' postings on or off,
// for the tests that compare them with the second search's.
func SetDirectSnippets(on bool) { directSnippets = on }

// SameBleveDocument is sameBleveDocument, for the tests of the sample corpus.
var SameBleveDocument = sameBleveDocument
