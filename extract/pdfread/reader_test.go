package pdfread

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"terril/extract/read"
	"terril/extract/text"
)

// testRuntime is shared by every test of the package: one compilation (or cache
// load) per test binary.
var testRuntime = NewRuntime(RuntimeOptions{})

func fixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "read", "testdata", "pdf", name))
	if err != nil {
		tb.Fatalf("%v (regenerate with go generate ./extract/read)", err)
	}
	return b
}

func readers(res *read.Result) []string {
	var rs []string
	for _, p := range res.Pages {
		rs = append(rs, p.Reader)
	}
	return rs
}

func TestReaderFixtures(t *testing.T) {
	r := New(Options{Runtime: testRuntime, OCRPages: -1, Log: &bytes.Buffer{}})
	tests := []struct {
		file    string
		readers []string
	}{
		{"plain.pdf", []string{"ledongthuc", "ledongthuc"}},
		{"header.pdf", []string{"ledongthuc", "ledongthuc"}},
		{"formxobject.pdf", []string{"pdfium"}},
		{"corruptpage.pdf", []string{"ledongthuc", "pdfium", "ledongthuc"}},
	}
	for _, tt := range tests {
		res, err := r.ReadPDF(context.Background(), tt.file, fixture(t, tt.file))
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if got := readers(res); strings.Join(got, ",") != strings.Join(tt.readers, ",") {
			t.Errorf("%s: readers %v, want %v", tt.file, got, tt.readers)
		}
		for _, want := range []string{"2 décembre 2024", "125 000 euros", "Délibération n° 2024-01"} {
			if !strings.Contains(res.Text, want) {
				t.Errorf("%s: text lacks %q:\n%s", tt.file, want, res.Text)
			}
		}
		for _, p := range res.Pages {
			if p.Gate == nil || p.Chars == 0 {
				t.Errorf("%s: page %d: gate %v, %d chars", tt.file, p.Number, p.Gate, p.Chars)
			}
			if p.Reader == read.ReaderPDFium && p.Note == "" {
				t.Errorf("%s: page %d re-read without a note", tt.file, p.Number)
			}
		}
	}
}

func TestReaderModes(t *testing.T) {
	data := fixture(t, "plain.pdf")
	for _, mode := range []string{ModeFast, ModePDFium} {
		r := New(Options{Runtime: testRuntime, Mode: mode, OCRPages: -1})
		res, err := r.ReadPDF(context.Background(), "plain.pdf", data)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		if got := readers(res); got[0] != mode || got[1] != mode {
			t.Errorf("mode %s: readers %v", mode, got)
		}
		if !strings.Contains(res.Text, "rénovation énergétique") {
			t.Errorf("mode %s: text %q", mode, res.Text)
		}
	}
	// The fast reader alone leaves the Form XObject's text unread, and says so.
	res, err := New(Options{Runtime: testRuntime, Mode: ModeFast}).ReadPDF(context.Background(), "f.pdf", fixture(t, "formxobject.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages[0].Gate.Pass || !strings.Contains(res.Pages[0].Note, "gate") {
		t.Errorf("fast mode on a Form XObject: page %+v", res.Pages[0])
	}
}

func TestReaderNotPDF(t *testing.T) {
	r := New(Options{Runtime: testRuntime})
	if _, err := r.ReadPDF(context.Background(), "garbage.pdf", []byte("%PDF-1.4\nnothing here")); err == nil || !strings.Contains(err.Error(), "garbage.pdf") {
		t.Errorf("err = %v, want an error naming the file", err)
	}
	// Read dispatches other formats to read.Read.
	res, err := r.Read(context.Background(), "note.txt", "", []byte("Séance du 2 décembre 2024."))
	if err != nil || res.ContentType != "text/plain" {
		t.Errorf("Read(text) = %+v, %v", res, err)
	}
}

// TestReaderNoTesseract: without tesseract, a scan is recorded as not read, never as
// empty text, and the notice is given once.
func TestReaderNoTesseract(t *testing.T) {
	var log bytes.Buffer
	r := New(Options{Runtime: testRuntime, OCR: &OCR{Binary: "/nonexistent/tesseract"}, Log: &log})
	for range 2 {
		res, err := r.ReadPDF(context.Background(), "scan.pdf", fixture(t, "imageonly.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		p := res.Pages[0]
		if p.Reader != "" || !strings.Contains(p.Note, "not read") || !strings.Contains(p.Note, "tesseract") {
			t.Errorf("page = %+v; want not read, naming tesseract", p)
		}
		if len(res.Problems) == 0 || !strings.Contains(res.Problems.Error(), "scan.pdf") {
			t.Errorf("problems = %v; want the page named", res.Problems)
		}
	}
	if n := strings.Count(log.String(), "\n"); n != 1 {
		t.Errorf("notice given %d times, want once:\n%s", n, log.String())
	}
}

func TestReaderOCRLimit(t *testing.T) {
	r := New(Options{Runtime: testRuntime, OCRPages: -1})
	res, err := r.ReadPDF(context.Background(), "scan.pdf", fixture(t, "imageonly.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Pages[0]; p.Reader != "" || !strings.Contains(p.Note, "OCR disabled") {
		t.Errorf("page = %+v", p)
	}
}

func TestReaderOCR(t *testing.T) {
	ocr := &OCR{}
	if err := ocr.Available(); err != nil {
		t.Skipf("skipping OCR test: %v (apt-get install tesseract-ocr tesseract-ocr-fra)", err)
	}
	r := New(Options{Runtime: testRuntime, OCR: ocr})
	res, err := r.ReadPDF(context.Background(), "scan.pdf", fixture(t, "imageonly.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	p := res.Pages[0]
	if p.Reader != read.ReaderOCR {
		t.Fatalf("page = %+v, want OCR", p)
	}
	tokens, french := text.WordStats(res.Text)
	if tokens < 30 || float64(french) < 0.85*float64(tokens) {
		t.Errorf("OCR: %d of %d tokens French:\n%s", french, tokens, res.Text)
	}
	ref := string(fixtureText(t))
	if a := Agree(ref, res.Text); a.F1 < 0.9 {
		t.Errorf("OCR F1 %.3f against the text layer of plain.pdf:\n%s", a.F1, res.Text)
	}
}

// fixtureText is page 1 of plain.pdf, which imageonly.pdf is a picture of.
func fixtureText(t *testing.T) string {
	pages, err := read.ReadPDFPages(fixture(t, "plain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	return text.Normalize(pages[0].Text)
}

func TestAgree(t *testing.T) {
	a := Agree("le 2 décembre 2024, le maire", "le maire le 2 decembre 2024 \uFFFD")
	// ref: le×2 2 décembre 2024 maire (6); got: le×2 maire 2 decembre 2024 (6); tp 5.
	if a.Precision != 5.0/6 || a.Recall != 5.0/6 || a.FFFD != 1 {
		t.Errorf("Agree = %+v", a)
	}
	if a := Agree("", ""); a.F1 != 0 {
		t.Errorf("Agree of empty texts = %+v", a)
	}
}

// TestReaderBrokenXref: a file the fast reader cannot open (its startxref points
// nowhere) is read whole by PDFium, which rebuilds the cross-reference table.
func TestReaderBrokenXref(t *testing.T) {
	data := bytes.Clone(fixture(t, "plain.pdf"))
	i := bytes.LastIndex(data, []byte("startxref\n"))
	if i < 0 {
		t.Fatal("no startxref in plain.pdf")
	}
	j := i + len("startxref\n")
	for ; data[j] >= '0' && data[j] <= '9'; j++ {
		data[j] = '1'
	}
	if _, err := read.ReadPDFPages(data); err == nil {
		t.Fatal("the fast reader opened a file with a broken startxref: the test proves nothing")
	}
	res, err := New(Options{Runtime: testRuntime, OCRPages: -1}).ReadPDF(context.Background(), "broken.pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := readers(res); strings.Join(got, ",") != "pdfium,pdfium" {
		t.Errorf("readers %v, want pdfium for both pages", got)
	}
	if !strings.Contains(res.Text, "2 décembre 2024") || len(res.Problems) == 0 {
		t.Errorf("text %q, problems %v", res.Text, res.Problems)
	}
}
