// Package pdfgen renders the PDF documents of the sample corpus from their source text.
//
// The source is pre-wrapped: every line becomes one line of the PDF, so line-break
// hyphenation ("revitali-" / "sation") is written exactly as in the source. A few
// directives shape the page:
//
//	%title T     document title (PDF metadata)
//	%footer T    footer printed on every page, followed by "page N/M"
//	%page        start a new page
//	# T          a bold heading line
//
// An empty line is a paragraph gap. The text is set in the PDF core fonts with the
// cp1252 encoding, which keeps French accents, «», œ, € and ’ readable by
// github.com/ledongthuc/pdf (a TrueType font added with AddUTF8Font is not: that
// reader keeps only the low byte of characters above U+00FF). Output is
// deterministic: fixed dates, sorted catalog.
//
// Render is used by internal/genpdf (`go generate` in corpus/sample); the sample
// tests use Render to check that the committed PDFs are not stale and Lines to check
// that they read back as their source.
package pdfgen
