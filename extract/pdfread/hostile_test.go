package pdfread

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"terril/extract/internal/pdfbytes"
	"terril/extract/read"
)

var hostileLine = "Le bureau du 9 octobre 2022 accorde 12 300 euros à l'association sportive de la commune."

// TestReaderPageTreeBomb: a page tree listing one page 50 000 times is read up to
// the page limit, quickly, with the limit named in the problems.
func TestReaderPageTreeBomb(t *testing.T) {
	n := 50000
	data := pdfbytes.Build("",
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Repeat("4 0 R ", n), n),
		pdfbytes.Font,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		pdfbytes.Stream("", pdfbytes.TextContent(hostileLine)))
	for _, mode := range []string{ModeAuto, ModePDFium} {
		r := New(Options{Runtime: testRuntime, Mode: mode, OCRPages: -1, MaxPages: 300, Log: &bytes.Buffer{}})
		t0 := time.Now()
		res, err := r.ReadPDF(context.Background(), "bomb.pdf", data)
		if err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		t.Logf("%s: %v", mode, time.Since(t0))
		if len(res.Pages) != 300 || !strings.Contains(res.Text, "12 300 euros") {
			t.Errorf("%s: %d pages, text %.80q", mode, len(res.Pages), res.Text)
		}
		if got := strings.Join(res.Problems.Strings(), "; "); !strings.Contains(got, "300 pages") {
			t.Errorf("%s: the page limit is not named: %q", mode, got)
		}
	}
}

// TestReaderUndecodableContent: a page whose content stream the fast reader reads as
// empty (its Length is 0) goes to PDFium, which reads its text.
func TestReaderUndecodableContent(t *testing.T) {
	objs := pdfbytes.Pages(nil)
	objs[4] = fmt.Sprintf("<< /Length 0 >>\nstream\n%s\nendstream", pdfbytes.TextContent(hostileLine))
	r := New(Options{Runtime: testRuntime, OCRPages: -1, Log: &bytes.Buffer{}})
	res, err := r.ReadPDF(context.Background(), "length0.pdf", pdfbytes.Build("", objs...))
	if err != nil {
		t.Fatal(err)
	}
	if got := readers(res); len(got) != 1 || got[0] != read.ReaderPDFium || !strings.Contains(res.Text, "12 300 euros") {
		t.Errorf("readers %v, text %q, notes %q", got, res.Text, res.Pages[0].Note)
	}
}

// TestReaderEncrypted: an encrypted PDF without a user password is read (by PDFium:
// the fast reader decrypts 40-bit RC4 wrongly and reads nothing); one with a
// password fails with an error naming the file and the reason.
func TestReaderEncrypted(t *testing.T) {
	objs := pdfbytes.Pages(pdfbytes.TextContent(hostileLine))
	r := New(Options{Runtime: testRuntime, OCRPages: -1, Log: &bytes.Buffer{}})
	res, err := r.ReadPDF(context.Background(), "chiffre.pdf", pdfbytes.BuildEncrypted("", "proprio", objs...))
	if err != nil || !strings.Contains(res.Text, "12 300 euros") {
		t.Errorf("no user password: %v, %+v", err, res)
	}
	_, err = r.ReadPDF(context.Background(), "secret.pdf", pdfbytes.BuildEncrypted("secret", "proprio", objs...))
	if err == nil || !strings.Contains(err.Error(), "secret.pdf") || !strings.Contains(err.Error(), "password") {
		t.Errorf("user password: %v", err)
	}
}

// TestReaderContentBomb: a page whose content stream inflates beyond what the fast
// reader parses is not sent to PDFium either (which spends a minute on 300 MB); it
// is recorded as not read, and the next page is read.
func TestReaderContentBomb(t *testing.T) {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	w.Write(bytes.Repeat([]byte(" "), 40<<20))
	w.Write(pdfbytes.TextContent(hostileLine))
	w.Close()
	objs := pdfbytes.Pages(nil, pdfbytes.TextContent(hostileLine))
	objs[4] = pdfbytes.Stream("/Filter /FlateDecode", b.Bytes())
	r := New(Options{Runtime: testRuntime, OCRPages: -1, Log: &bytes.Buffer{}})
	res, err := r.ReadPDF(context.Background(), "bombe.pdf", pdfbytes.Build("", objs...))
	if err != nil {
		t.Fatal(err)
	}
	if got := readers(res); len(got) != 2 || got[0] != "" || got[1] != read.ReaderFast {
		t.Errorf("readers %v, notes %q", got, res.Pages[0].Note)
	}
	if !strings.Contains(res.Pages[0].Note, "content too large") {
		t.Errorf("note %q", res.Pages[0].Note)
	}
}
