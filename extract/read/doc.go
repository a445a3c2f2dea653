// Package read turns a document's bytes into normalised text, a title and, for
// paged formats, its pages. Everything here is a pure function of its input: no
// network, no files, no mutable globals. It depends on the text model (package
// extract/text: Normalize, Fold, NonWordShare, Problems) and the French word list
// (extract/lex), on nothing of the extractors; package extract/pdfread builds on
// its fast PDF reader, adding PDFium and OCR.
//
// Read dispatches on the format Sniff decides (a PDF header or HTML markup in the
// bytes first, then the Content-Type, then the file name) to a reader:
//   - HTML (html.go, goquery): the main text without navigation, the title, the
//     charset from the header or a meta tag;
//   - PDF, the fast reader (github.com/ledongthuc/pdf) page by page: pdf.go opens
//     the file leniently and reads its pages within bounds, pdftree.go walks the
//     page tree, pdfcontent.go counts what a page's content streams promise,
//     pdfgate.go is the quality gate that sends a page to PDFium or OCR (package
//     extract/pdfread), pdflines.go joins the words the reader cut by line breaks;
//   - DOCX and ODT (office.go);
//   - plain text (read.go), with the charset decoding the others share.
//
// Every reader's output goes through text.Normalize, and every offset of every
// fact refers to that normalised text. Titles (title.go, pdftitle.go): a
// document's metadata title when it reads as one (LooksLikeTitle), else the
// heading of an act or the first line that reads as a title, stamps and noise
// skipped, else its file name cleaned (FileTitle).
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
