// Package read turns a document's bytes into normalised text, a title and, for
// paged formats, its pages. Everything here is a pure function of its input: no
// network, no files, no mutable globals. It depends on the text model (package
// extract/text: Normalize, Fold, the French word list's statistics, Problems) and
// on nothing of the extractors; package extract/pdfread builds on its fast PDF
// reader, adding PDFium and OCR.
//
// Read dispatches on the format Sniff decides (a PDF header or HTML markup in the
// bytes first, then the Content-Type, then the file name) to the HTML reader
// (html.go, goquery: main text without navigation, title, charset from header or
// meta tag), the PDF reader (the fast reader, github.com/ledongthuc/pdf, page by
// page with its quality gate: pdf*.go), the
// DOCX and ODT reader (office.go) and the plain-text reader (read.go). Every
// reader's output goes through text.Normalize, and every offset of every fact
// refers to that normalised text. Titles (title.go): a document's
// metadata title when it reads as one (LooksLikeTitle), else the heading of an act
// or the first line that reads as a title, stamps and noise skipped, else its file
// name cleaned (FileTitle).
//
// Hostile input degrades instead of failing or hanging: text of no declared charset
// is UTF-8 when most of it is (a stray byte reads as Windows-1252), else
// Windows-1252; binary bytes under a text name fail by name; HTML nested deeper than
// the parser accepts is flattened; a PDF is read up to DefaultMaxPDFPages pages, a
// page tree's cycles skipped and its repeated pages read once; a zip entry of an
// office document is read up to a bound whatever its header says. hostile_test.go
// generates a corpus of such files (go test -run Hostile -hostile DIR writes it).
// No panic escapes Read.
package read
