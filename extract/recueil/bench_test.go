package recueil

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"terril/extract/pdfread"
)

// recueil111 is the 111-page recueil of ../shared/pdfs.
const recueil111 = "pref83_raa_2025-240.pdf"

// BenchmarkSplit111 splits the 111-page recueil from its pages' texts (reading
// excluded): sommaire, offset, boundaries and every act's facts. Run it with -short:
// else realPages OCRs the hybrid recueil's scans first (minutes).
func BenchmarkSplit111(b *testing.B) {
	gold := readGold(b)
	pages := realPages(b, gold)[recueil111]
	b.ResetTimer()
	for b.Loop() {
		if r := Split(pages); r == nil || len(r.Acts) != 3 {
			b.Fatal("not split")
		}
	}
}

// BenchmarkReadSplit111 reads the 111-page recueil (fast reader, PDFium for the
// pages that fail its gate, no OCR; PDFium's runtime already started) and splits it.
func BenchmarkReadSplit111(b *testing.B) {
	readGold(b)
	data, err := os.ReadFile(filepath.Join(sharedDir, recueil111))
	if err != nil {
		b.Skip(err)
	}
	r := pdfread.New(pdfread.Options{OCRPages: -1, Log: nopWriter{}})
	if _, err := r.ReadPDF(context.Background(), recueil111, data); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := r.ReadPDF(context.Background(), recueil111, data)
		if err != nil {
			b.Fatal(err)
		}
		pages, err := PageTexts(res.Text, res.Pages)
		if err != nil {
			b.Fatal(err)
		}
		if Split(pages) == nil {
			b.Fatal("not split")
		}
	}
}
