package extract

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/ledongthuc/pdf"

	"terril/corpus"
)

// readPDF reads the text layer of a PDF with github.com/ledongthuc/pdf, page by page.
func readPDF(data []byte) (*Result, error) {
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("open PDF: %w", err)
	}
	res := &Result{ContentType: "application/pdf"}
	var b strings.Builder
	n := r.NumPage()
	for i := 1; i <= n; i++ {
		text, err := pageText(r, i)
		page := corpus.Page{Number: i, Reader: "ledongthuc"}
		if err != nil {
			page.Reader = ""
			page.Note = err.Error()
			res.Problems.Add(-1, "page %d not read: %v", i, err)
		} else {
			page.Chars = len([]rune(text))
			b.WriteString(text)
			b.WriteString("\n\n")
		}
		res.Pages = append(res.Pages, page)
	}
	res.Text = Normalize(b.String())
	if strings.TrimSpace(res.Text) == "" {
		return nil, fmt.Errorf("no text layer in %d pages", n)
	}
	res.Title = firstLine(res.Text)
	if t := r.Trailer().Key("Info").Key("Title").Text(); strings.TrimSpace(t) != "" {
		res.Title = truncate(Normalize(t), 300)
	}
	return res, nil
}

// pageText returns the plain text of page i, recovering from a panic in the parser.
func pageText(r *pdf.Reader, i int) (s string, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("parser panic: %v", x)
		}
	}()
	p := r.Page(i)
	if p.V.IsNull() {
		return "", fmt.Errorf("missing page object")
	}
	return p.GetPlainText(nil)
}
