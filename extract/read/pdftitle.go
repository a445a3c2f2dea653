package read

import (
	"strings"

	"terril/extract/text"
)

// PDFTitle is PDFTitleNamed for a PDF of no known file name.
func PDFTitle(data []byte, s string) string { return PDFTitleNamed("", data, s) }

// PDFTitleNamed returns the title of the PDF name, data, whose normalised text is
// s: the Title of its document information when it reads as one (see
// LooksLikeTitle: Office and scanners fill it with a file name or their model),
// else the first line of s that reads as a title, stamps and noise skipped: the
// heading of an act or a line that reads as a title, whichever comes first (see
// textTitle); else its file name cleaned (see FileTitle).
func PDFTitleNamed(name string, data []byte, s string) string {
	if t := pdfInfoTitle(data); LooksLikeTitle(t) {
		return truncate(text.Normalize(strings.Join(strings.Fields(t), " ")), 300)
	}
	if t, ok := textTitle(s); ok || name == "" {
		return t
	}
	if t := FileTitle(name); t != "" {
		return t
	}
	return firstLine(s)
}

// pdfInfoTitle returns the Title of a PDF's document information, or "".
func pdfInfoTitle(data []byte) (title string) {
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	if r, _, err := openPDF(data); err == nil {
		return r.Trailer().Key("Info").Key("Title").Text()
	}
	return ""
}
