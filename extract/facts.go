package extract

import (
	"terril/corpus"
	"terril/extract/amounts"
	"terril/extract/dates"
	"terril/extract/genre"
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

// Published returns the document's own date, ISO 8601 at the precision given, or ""
// (see package genre).
func Published(t *Text) string {
	tk := text.Lex(t)
	return genre.Published(&tk)
}

// Genre returns the document's genre (corpus.Genre*; see package genre). title is
// the document's title and published its publication date (possibly empty).
func Genre(t *Text, title, published string) string {
	tk := text.Lex(t)
	return genre.Find(&tk, title, published)
}
