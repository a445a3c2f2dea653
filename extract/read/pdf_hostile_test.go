package read

import (
	"bytes"
	"compress/zlib"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"terril/extract/internal/pdfbytes"
)

// Lines of the hand-written PDFs: administrative French with a date and an amount.
var hostileLines = []string{
	"La commission permanente du 14 mars 2023 attribue une aide de 48 500 euros",
	"à la commune pour la réfection du gymnase et de ses vestiaires.",
}

// pageTreeBomb is a PDF whose page tree lists its one page n times.
func pageTreeBomb(n int) []byte {
	kids := strings.Repeat("4 0 R ", n)
	return pdfbytes.Build("",
		"<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n),
		pdfbytes.Font,
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
		pdfbytes.Stream("", pdfbytes.TextContent(hostileLines...)))
}

// pageTreeCycle is a PDF of two pages whose page tree holds, besides them, a node
// listing its own ancestor.
func pageTreeCycle() []byte {
	objs := pdfbytes.Pages(pdfbytes.TextContent(hostileLines[0]), pdfbytes.TextContent(hostileLines[1]))
	objs[1] = "<< /Type /Pages /Kids [4 0 R 8 0 R 6 0 R] /Count 2 >>"
	objs = append(objs, "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
	return pdfbytes.Build("", objs...)
}

// undecodablePages are one-page PDFs whose content stream the fast reader cannot
// decode, each in its own way; PDFium reads the first three.
var undecodablePages = map[string]func() []byte{
	// The stream's Length is 0 while it holds the page's text.
	"length0": func() []byte {
		return undecodable(func(c []byte) string { return fmt.Sprintf("<< /Length 0 >>\nstream\n%s\nendstream", c) })
	},
	// The Length is a reference to an object the file lacks.
	"lengthref": func() []byte {
		return undecodable(func(c []byte) string { return fmt.Sprintf("<< /Length 9 0 R >>\nstream\n%s\nendstream", c) })
	},
	// A filter the fast reader does not know.
	"asciihex": func() []byte {
		return undecodable(func(c []byte) string {
			return pdfbytes.Stream("/Filter /ASCIIHexDecode", []byte(hex.EncodeToString(c)+">"))
		})
	},
	// Deflated, then cut: the stream ends early.
	"cutflate": func() []byte {
		return undecodable(func(c []byte) string {
			var b bytes.Buffer
			w := zlib.NewWriter(&b)
			w.Write(c)
			w.Close()
			return pdfbytes.Stream("/Filter /FlateDecode", b.Bytes()[:b.Len()/3])
		})
	},
	// The page's Contents is a reference to an object the file lacks.
	"contentsmissing": func() []byte {
		objs := pdfbytes.Pages(nil)
		objs[3] = strings.Replace(objs[3], "/Contents 5 0 R", "/Contents 9 0 R", 1)
		return pdfbytes.Build("", objs...)
	},
}

// undecodable is a one-page PDF whose content stream object is stream(the content).
func undecodable(stream func(content []byte) string) []byte {
	objs := pdfbytes.Pages(nil)
	objs[4] = stream(pdfbytes.TextContent(hostileLines...))
	return pdfbytes.Build("", objs...)
}

func TestReadPDFPagesPageTreeBomb(t *testing.T) {
	t0 := time.Now()
	pages, problems, err := ReadPDFPagesMax(pageTreeBomb(50000), 2000)
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(t0); took > 20*time.Second {
		t.Errorf("took %v", took)
	}
	if len(pages) != 2000 {
		t.Errorf("%d pages, want the first 2000", len(pages))
	}
	if !strings.Contains(strings.Join(problems.Strings(), "; "), "2000") {
		t.Errorf("the page limit is not reported: %q", strings.Join(problems.Strings(), "; "))
	}
	for _, i := range []int{0, len(pages) - 1} {
		if p := pages[i]; p.Number != i+1 || !strings.Contains(p.Text, "48 500 euros") {
			t.Errorf("page %d: number %d, text %q", i+1, p.Number, p.Text)
		}
	}
}

func TestReadPDFPagesPageTreeCycle(t *testing.T) {
	pages, problems, err := ReadPDFPagesMax(pageTreeCycle(), DefaultMaxPDFPages)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || !strings.Contains(pages[1].Text, "gymnase") {
		t.Fatalf("%d pages: %+v", len(pages), pages)
	}
	if !strings.Contains(strings.Join(problems.Strings(), "; "), "cycle") {
		t.Errorf("the cycle is not reported: %q", strings.Join(problems.Strings(), "; "))
	}
}

// TestReadPDFPagesUndecodableContent: a page whose content the fast reader cannot
// decode is never an empty page read well: its Err is set or it fails the gate.
func TestReadPDFPagesUndecodableContent(t *testing.T) {
	for name, gen := range undecodablePages {
		pages, err := ReadPDFPages(gen())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := pages[0]
		if p.Text != "" {
			t.Errorf("%s: fast reader read %q", name, p.Text)
			continue
		}
		if p.Gate.Pass || (p.Why == "" && p.Err == nil) {
			t.Errorf("%s: a page without text from a non-empty content stream passes the gate: %+v", name, p.Gate)
		}
	}
	// An empty content stream is an empty page, read.
	pages, err := ReadPDFPages(pdfbytes.Build("", pdfbytes.Pages([]byte(" \n"))...))
	if err != nil || !pages[0].Gate.Pass {
		t.Errorf("blank page: %v, %+v", err, pages)
	}
}

// TestReadPDFPagesLostStream: a page drawn by two content streams, the second of
// which the fast reader reads as empty (its Length is 0), has lost text: it fails
// the gate although the first stream gave text.
func TestReadPDFPagesLostStream(t *testing.T) {
	objs := pdfbytes.Pages(pdfbytes.TextContent(hostileLines[0]))
	objs[3] = strings.Replace(objs[3], "/Contents 5 0 R", "/Contents [5 0 R 6 0 R]", 1)
	objs = append(objs, fmt.Sprintf("<< /Length 0 >>\nstream\n%s\nendstream", pdfbytes.TextContent(hostileLines[1])))
	pages, err := ReadPDFPages(pdfbytes.Build("", objs...))
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if !strings.Contains(p.Text, "48 500 euros") || strings.Contains(p.Text, "gymnase") {
		t.Fatalf("text %q", p.Text)
	}
	if p.Gate.Pass {
		t.Errorf("a page with a content stream read as empty passes the gate: %+v", p.Gate)
	}
}

// flatePage is a content stream of n bytes of pad (white space: nothing drawn),
// then content, deflated: a few KB in the file per MB decoded.
func flatePage(n int, content []byte) string {
	return flateStream("", n, content)
}

// flateStream is flatePage with the dictionary entries dict.
func flateStream(dict string, n int, content []byte) string {
	var b bytes.Buffer
	w, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	pad := bytes.Repeat([]byte(" "), 64<<10)
	for ; n > len(pad); n -= len(pad) {
		w.Write(pad)
	}
	w.Write(pad[:n])
	w.Write(content)
	w.Close()
	return pdfbytes.Stream(dict+" /Filter /FlateDecode", b.Bytes())
}

// contentBomb is a PDF of a page whose content stream inflates to n bytes, then a
// page of text.
func contentBomb(n int) []byte {
	objs := pdfbytes.Pages(pdfbytes.TextContent(hostileLines[0]), pdfbytes.TextContent(hostileLines[1]))
	objs[4] = flatePage(n, pdfbytes.TextContent(hostileLines[0]))
	return pdfbytes.Build("", objs...)
}

// TestReadPDFPagesContentBomb: a content stream that inflates beyond
// maxPageContent is not parsed (a 300 KB file inflating to 300 MB took 70 s and
// 1.9 GB); the page is not read and says why, the next one is read.
func TestReadPDFPagesContentBomb(t *testing.T) {
	t0 := time.Now()
	pages, err := ReadPDFPages(contentBomb(maxPageContent + 1<<20))
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(t0); took > 10*time.Second {
		t.Errorf("took %v", took)
	}
	if p := pages[0]; !errors.Is(p.Err, ErrContentTooLarge) || p.Text != "" {
		t.Errorf("page 1: err %v, text %.50q", p.Err, p.Text)
	}
	if p := pages[1]; p.Err != nil || !strings.Contains(p.Text, "gymnase") {
		t.Errorf("page 2: err %v, text %.50q", p.Err, p.Text)
	}
	// Under the limit, the page is read.
	pages, err = ReadPDFPages(contentBomb(1 << 20))
	if err != nil || pages[0].Err != nil || !strings.Contains(pages[0].Text, "48 500 euros") {
		t.Errorf("1 MB of content: %v, %+v", err, pages)
	}
}

// TestReadPDFPagesContentBudget: the content streams of one document are parsed up
// to a budget (maxDocContent); the pages after are not read and say why.
func TestReadPDFPagesContentBudget(t *testing.T) {
	const pageSize, n = 1 << 20, 4
	var contents [][]byte
	for range n {
		contents = append(contents, nil)
	}
	objs := pdfbytes.Pages(contents...)
	for i := range n {
		// Each its own stream: the same stream twice is the same page, read once.
		objs[4+2*i] = flatePage(pageSize-i, pdfbytes.TextContent(hostileLines[0]))
	}
	pages, _, err := readPDFPages(pdfbytes.Build("", objs...), 10, (n-1)*pageSize+1000, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range pages[:n-1] {
		if p.Err != nil || !strings.Contains(p.Text, "48 500 euros") {
			t.Errorf("page %d: %v", i+1, p.Err)
		}
	}
	if p := pages[n-1]; !errors.Is(p.Err, ErrContentTooLarge) {
		t.Errorf("page %d: %v", n, p.Err)
	}
}

// formBomb is a PDF of one page drawing draws times a Form XObject whose content
// inflates to n bytes.
func formBomb(n, draws int) []byte {
	objs := pdfbytes.Pages([]byte(strings.Repeat("q /Fm0 Do Q\n", draws)))
	objs[3] = strings.Replace(objs[3], "/Font << /F1 3 0 R >>", "/Font << /F1 3 0 R >> /XObject << /Fm0 6 0 R >>", 1)
	objs = append(objs, flateStream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>",
		n, pdfbytes.TextContent(hostileLines[0])))
	return pdfbytes.Build("", objs...)
}

// TestReadPDFPagesFormBomb: a Form XObject drawn many times is parsed once (a page
// drawing 2 MB of form 300 times parsed 600 MB, 4.7 s); a page whose forms inflate
// beyond maxPageContent, or draw more than maxPageDrawn (PDFium parses a form at
// each draw) is not read and says why.
func TestReadPDFPagesFormBomb(t *testing.T) {
	pages, err := ReadPDFPages(formBomb(20<<10, 300))
	if err != nil {
		t.Fatal(err)
	}
	if g := pages[0].Gate; g.Pass || g.FormXObjects != 300 || g.TextOps != 300 {
		t.Errorf("gate %+v (want 300 forms and their 300 text operators, failed)", g)
	}
	for _, tt := range []struct{ size, draws int }{{2 << 20, 300}, {maxPageContent + 1<<20, 1}} {
		t0 := time.Now()
		pages, err = ReadPDFPages(formBomb(tt.size, tt.draws))
		if err != nil {
			t.Fatal(err)
		}
		if took := time.Since(t0); took > 3*time.Second {
			t.Errorf("%d bytes × %d: took %v", tt.size, tt.draws, took)
		}
		if p := pages[0]; !errors.Is(p.Err, ErrContentTooLarge) {
			t.Errorf("%d bytes × %d: %v, %+v", tt.size, tt.draws, p.Err, p.Gate)
		}
	}
}
