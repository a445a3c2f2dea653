// Package extract turns bytes into text and text into facts. Everything here is a pure
// function of its input: no network, no files, no mutable globals. Reference data
// (gazetteer, lexicons) is embedded with go:embed and loaded into immutable values.
//
// Reading: Read dispatches on the content type to the HTML reader (goquery: main
// text without navigation, title, charset from header or meta tag), the PDF reader
// and the plain-text reader. Every reader's output goes through Normalize, and every
// offset of every fact refers to that normalised text.
//
// Hostile input degrades instead of failing or hanging: text of no declared charset
// is UTF-8 when most of it is (a stray byte reads as Windows-1252), else
// Windows-1252; binary bytes under a text name fail by name; HTML nested deeper than
// the parser accepts is flattened; a PDF is read up to DefaultMaxPDFPages pages, a
// page tree's cycles skipped and its repeated pages read once. hostile_test.go
// generates a corpus of such files (go test -run Hostile -hostile DIR writes it).
//
// Matching: NewText pairs the normalised text with an accent-folded, lower-case form
// and maps spans of the folded form back to the original.
//
// Themes: a Themes lexicon (themes.tsv, embedded and parsed once by DefaultThemes, or
// a user's file through ParseThemes) scores stemmed terms by their context — title,
// headings, list items and axes, funded projects, examples and boilerplate — and
// assigns the themes of the annotation guidelines with the terms and spans that made
// each one.
//
// Extracting: an Extractor, built once with New and safe for concurrent use, fills a
// corpus.Document's facts from its text. Problems are collected, go/scanner-style, as
// a Problems list; none is fatal, and no panic escapes Extract or Read.
//
// Dates: package dates (extract/dates/doc.go has its rules).
//
// People and signatories: package parties (extract/parties/doc.go has its rules).
//
// Amounts: package amounts (extract/amounts/doc.go has its rules).
//
// References: package references (extract/references/doc.go has its rules).
//
// Published and Genre: package genre (extract/genre/doc.go has their rules).
//
// Places and fundings: packages extract/geo (behind Options.Places) and
// extract/fundings, each documented there; Extract passes both the one token stream.
package extract
