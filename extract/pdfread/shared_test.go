package pdfread

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"terril/extract/read"
)

// sharedPDFs is the directory of real PDFs shared beside the repository.
var sharedPDFs = filepath.Join("..", "..", "..", "shared", "pdfs")

// TestSharedPDFs measures the Reader on the real PDFs of ../shared/pdfs against their
// reference texts: on every file with a text layer, word F1 ≥ 0.97 (recall for the
// hybrid files, whose reference lacks their scanned pages) and no U+FFFD; no file
// fails; the scanned files' OCR text has ≥ 85 % French words; the fast reader keeps
// the files it reads well. OCR is slow: the test OCRs at most
// TERRIL_PDF_OCR_PAGES pages per file (default 1); the bench command OCRs them all.
func TestSharedPDFs(t *testing.T) {
	if _, err := os.Stat(filepath.Join(sharedPDFs, "MANIFEST.tsv")); err != nil {
		t.Skipf("skipping: real PDFs not found at %s (%v)", sharedPDFs, err)
	}
	if testing.Short() {
		t.Skip("skipping the real PDFs in -short mode")
	}
	ocrPages := 1
	if s := os.Getenv("TERRIL_PDF_OCR_PAGES"); s != "" {
		ocrPages, _ = strconv.Atoi(s)
	}
	ocr := &OCR{}
	haveOCR := ocr.Available() == nil
	if !haveOCR {
		t.Logf("tesseract missing: scanned files not checked (%v)", ocr.Available())
	}
	r := New(Options{Runtime: testRuntime, OCR: ocr, OCRPages: ocrPages, Log: testLog{t}})
	files, err := Bench(context.Background(), sharedPDFs, r)
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	PrintBench(&table, files)
	t.Logf("OCR limit %d pages per file\n%s", ocrPages, table.String())
	if len(files) < 19 {
		t.Errorf("measured %d files, want the 19 of MANIFEST.tsv", len(files))
	}
	for _, b := range files {
		if b.Err != nil {
			t.Errorf("%s: failed as a whole: %v", b.Name, b.Err)
			continue
		}
		if b.Agree.FFFD > 0 {
			t.Errorf("%s: %d U+FFFD", b.Name, b.Agree.FFFD)
		}
		switch {
		case b.Scanned():
			if !haveOCR {
				continue
			}
			if b.French < 0.85 {
				t.Errorf("%s: OCR text has %.0f %% French words, want ≥ 85 %%", b.Name, 100*b.French)
			}
		case b.Hybrid():
			if b.Agree.Recall < 0.97 {
				t.Errorf("%s: recall %.3f, want ≥ 0.97", b.Name, b.Agree.Recall)
			}
		default:
			if b.Layer.F1 < 0.97 || b.Agree.Recall < 0.97 {
				t.Errorf("%s: F1 of the text layer %.3f, recall with OCR %.3f, want ≥ 0.97", b.Name, b.Layer.F1, b.Agree.Recall)
			}
			// The fast reader reads a file well when its words are right and its lines
			// do not break sentences apart; then most pages must keep its text.
			if b.FastOnly.F1 >= 0.97 && b.FastBroken <= 0.05 && 2*b.Readers[read.ReaderFast] < b.Pages {
				t.Errorf("%s: the fast reader reads it well (F1 %.3f, %.0f %% broken lines) but kept only %d of %d pages", b.Name, b.FastOnly.F1, 100*b.FastBroken, b.Readers[read.ReaderFast], b.Pages)
			}
			// Whatever the readers, the lines of the text read keep sentences whole,
			// about as well as poppler's (tables break lines in both).
			if want := max(0.08, b.RefBroken+0.05); b.Broken > want {
				t.Errorf("%s: %.0f %% of the lines read break a sentence apart, want ≤ %.0f %% (poppler: %.0f %%)", b.Name, 100*b.Broken, 100*want, 100*b.RefBroken)
			}
		}
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
