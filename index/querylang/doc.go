// Package querylang is terril's query language without Bleve: a lexer and a parser
// that turn a query ("rénovation commune:Lens montant>1M -friche") into an AST with
// the byte position of every node, errors as values that name the position and what
// to write instead, and hints for queries that parse but probably do not say what
// their author meant (a lower-case "or" between words).
//
// The AST has one node per construct: Word, Phrase, Field (commune:Lens), Compare
// (montant>1M), Range (date:2018..2019), Not, And, Or. String prints an AST back as
// a query that parses to the same AST. Package index builds Bleve queries from it.
package querylang
