// Package lex holds the French lexicons every extractor shares — months, days of the
// week, number words and scales, the words that start a day written out — as embedded
// data files (data/*.txt one word per line, data/*.tsv word TAB value), folded as
// text.Fold folds. A word list is a Set; a list with values is a Table. Each carries a
// Guard derived from its words, a cheap necessary condition that lets a hot loop skip
// most words without a map lookup; a word added to a file is admitted by construction.
package lex
