package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestPdftext(t *testing.T) {
	dir := filepath.Join("..", "..", "extract", "read", "testdata", "pdf")
	out, errOut := terril(t, false, "pdftext", filepath.Join(dir, "corruptpage.pdf"), "--reader", "ledongthuc")
	if !strings.Contains(out, "2 décembre 2024") {
		t.Errorf("stdout lacks the text:\n%s", out)
	}
	for _, want := range []string{"page 1: ledongthuc", "page 2: not read", "unexpected delimiter", "page 3: ledongthuc"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	// A scan with OCR disabled: the page is reported unread and the exit status is 0.
	_, errOut = terril(t, false, "pdftext", "--ocr-pages", "0", filepath.Join(dir, "imageonly.pdf"))
	if !strings.Contains(errOut, "page 1: not read") {
		t.Errorf("stderr:\n%s", errOut)
	}
	terril(t, true, "pdftext", "--reader", "magic", filepath.Join(dir, "plain.pdf"))
	terril(t, true, "pdftext", filepath.Join(dir, "missing.pdf"))
}
