// Package index is terril's searchable corpus: the only package that imports Bleve.
//
// It owns the mapping (French analysis for title and text; keyword fields for the
// facets; numeric fields for amounts; datetimes for dates), Open, batch indexing,
// and Search with filters, facets and sums. Callers speak in corpus types and in
// this package's Query and Result; nothing of Bleve leaks out.
//
// Text analysis: a unicode tokenizer, lower case, French elision (l', d', qu'…),
// French stop words, accent folding, then the French light stemmer. Folding is a
// token filter, not a character filter, so that the offsets of highlighted terms
// stay those of the original text. The same analyser is Bleve's default analyser,
// so the _all field and query text are analysed like title and text.
package index
