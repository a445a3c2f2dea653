// Package index is terril's searchable corpus: the only package that imports Bleve.
//
// It owns the mapping (French analysis for title and text; keyword fields for the
// facets and filters, publication dates included as year, month and day keywords, so
// that a date range is a set of terms; a numeric field for amounts), Open, batch
// indexing, and Search with filters, facets and sums. Callers speak in corpus types
// and in this package's Query and Result; nothing of Bleve leaks out.
//
// Text analysis: a unicode tokenizer, lower case, French elision (l', d', qu'…),
// French stop words, accent folding, then the French light stemmer. Folding is a
// token filter, not a character filter, so that the offsets of highlighted terms
// stay those of the original text. Query words go through the same analyser and are
// looked up in title and text by name (there is no _all copy of the fields).
package index
