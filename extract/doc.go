// Package extract turns text into facts. Everything here is a pure function of its
// input: no network, no files, no mutable globals. Reference data (gazetteer,
// lexicons) is embedded with go:embed and loaded into immutable values.
//
// Reading is not here: the readers (HTML, PDF, DOCX/ODT, plain text) are package
// extract/read (see its doc.go), PDFium and OCR package extract/pdfread.
//
// Matching: NewText pairs the normalised text with an accent-folded, lower-case form
// and maps spans of the folded form back to the original.
//
// Themes: package themes (see its doc).
//
// Extracting: an Extractor, built once with New and safe for concurrent use, fills a
// corpus.Document's facts from its text. Problems are collected, go/scanner-style, as
// a Problems list; none is fatal, and no panic escapes Extract.
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
