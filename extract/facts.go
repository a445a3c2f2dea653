package extract

import (
	"terril/corpus"
	"terril/extract/amounts"
	"terril/extract/dates"
	"terril/extract/references"
	"terril/extract/text"
)

// The extractors of dates, amounts, references, publication date and genre live in
// packages of their own (extract/dates…), reading the token stream; these are their
// names as the callers of package extract know them, on a text lexed for them alone.

// Dates returns the calendar references of t (see package dates); published is the
// document's publication date (ISO, possibly empty).
func Dates(t *Text, published string) []corpus.Date {
	tk := text.Lex(t)
	return dates.Find(&tk, published)
}

// Amounts returns the sums of money of t (see package amounts).
func Amounts(t *Text) []corpus.Amount {
	tk := text.Lex(t)
	return amounts.Find(&tk)
}

// References returns the acts t cites or contains with their number (see package
// references).
func References(t *Text) []corpus.Reference {
	tk := text.Lex(t)
	return references.Find(&tk)
}
