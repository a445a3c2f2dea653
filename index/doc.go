// Package index is terril's searchable corpus: the only package that imports Bleve.
//
// It owns the mapping (French analysis for title and text; keyword fields for the
// facets and filters, publication dates included as year, month and day keywords, so
// that a date range is a set of terms; amounts as prefix-coded terms, see amount.go),
// Open, batch indexing, and Search with filters, facets and sums. Callers speak in
// corpus types and in this package's Query and Result; nothing of Bleve leaks out.
//
// Indexing: Prepare builds a document's Bleve fields in the caller's goroutine (the
// pipeline's workers), each keyword list as one field (termsfield.go) and title and
// text already analysed (textfield.go), so that IndexPrepared, in the one goroutine
// that commits batches, has only Bleve's segment building left.
//
// Text analysis: a unicode tokenizer, lower case, French elision (l', d', qu'…),
// French stop words, accent folding, then the French light stemmer. Folding is a
// token filter, not a character filter, so that the offsets of highlighted terms
// stay those of the original text. Query words go through the same analyser and are
// looked up in title and text by name (there is no _all copy of the fields); words
// alone are searched by terms.go's searcher, which scores as Bleve does from the
// postings and hands the collector only documents that can still rank.
//
// Facets and sums are counted from the postings of each term within the matches
// (facetcount.go, sums.go), so their memory grows with the values shown, not with
// the corpus.
package index
