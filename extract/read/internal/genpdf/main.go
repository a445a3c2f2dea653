// Command genpdf writes the PDFs of extract/read/testdata/pdf, each reproducing a way real
// PDFs break a naive reader:
//
//   - formxobject.pdf: the body text drawn inside a Form XObject (go-pdf/fpdf's
//     templates are Form XObjects), as in recueils merged from other PDFs;
//   - imageonly.pdf: a page that is only an image of French text, as a scan (the
//     image is PDFium's rendering of a text page, so the generator needs PDFium);
//   - corruptpage.pdf: three pages, the second's content stream broken by a stray
//     ")" (same length, so the cross-reference table stays right);
//   - header.pdf: a header written "%PDF-1.3 Sharp Scanned CompactPDF", as a town
//     hall's copier does, with the cross-reference offsets shifted to match;
//   - plain.pdf: two pages of plain French text, the fast reader's good case.
//
// Usage (from package extract/read, see its go:generate line):
//
//	go run ./internal/genpdf -o testdata/pdf
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/go-pdf/fpdf"

	"terril/extract/pdfread"
)

// Texts of the fixtures: administrative French, with accents and a date and amount
// that the extractors downstream must find intact.
var paragraphs = []string{
	"Le conseil municipal, réuni le 2 décembre 2024 sous la présidence du maire, a approuvé à l'unanimité la délibération relative à la rénovation énergétique de l'école élémentaire.",
	"Le montant des travaux s'élève à 125 000 euros hors taxes, financés par une subvention de l'État et par le budget communal.",
	"Le préfet du département certifie que la présente délibération a été transmise au contrôle de légalité et publiée le lendemain.",
}

func main() {
	out := flag.String("o", "testdata/pdf", "output `dir`ectory")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genpdf:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	plain, err := textPDF(2, false)
	if err != nil {
		return err
	}
	form, err := textPDF(1, true)
	if err != nil {
		return err
	}
	three, err := textPDF(3, false)
	if err != nil {
		return err
	}

	corrupt, err := corruptPage(three, 2)
	if err != nil {
		return err
	}
	header, err := nonStandardHeader(plain, "%PDF-1.3 Sharp Scanned CompactPDF")
	if err != nil {
		return err
	}
	rt := pdfread.NewRuntime(pdfread.RuntimeOptions{})
	png, err := rt.RenderPNG(context.Background(), plain, 1, 200)
	if err != nil {
		return err
	}
	image, err := imagePDF(png)
	if err != nil {
		return err
	}
	for name, b := range map[string][]byte{
		"plain.pdf":       plain,
		"formxobject.pdf": form,
		"corruptpage.pdf": corrupt,
		"header.pdf":      header,
		"imageonly.pdf":   image,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func newDoc() *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.SetCreationDate(fixedDate)
	pdf.SetModificationDate(fixedDate)
	pdf.SetCatalogSort(true)
	return pdf
}

// textPDF writes pages of the paragraphs; inForm draws them inside a template.
func textPDF(pages int, inForm bool) ([]byte, error) {
	pdf := newDoc()
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	body := func(p *fpdf.Fpdf, n int) {
		p.SetFont("Helvetica", "B", 16)
		p.SetXY(20, 20)
		p.Cell(0, 10, tr(fmt.Sprintf("Délibération n° 2024-%02d", n)))
		p.SetFont("Helvetica", "", 12)
		p.SetXY(20, 40)
		for _, para := range paragraphs {
			p.MultiCell(170, 7, tr(para), "", "L", false)
			p.Ln(4)
		}
	}
	for n := 1; n <= pages; n++ {
		pdf.AddPage()
		if inForm {
			tpl := pdf.CreateTemplate(func(t *fpdf.Tpl) { body(&t.Fpdf, n) })
			pdf.UseTemplate(tpl)
			continue
		}
		body(pdf, n)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// imagePDF writes one page holding only the image.
func imagePDF(png []byte) ([]byte, error) {
	pdf := newDoc()
	pdf.AddPage()
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	pdf.RegisterImageOptionsReader("scan", opt, bytes.NewReader(png))
	pdf.ImageOptions("scan", 0, 0, 210, 297, false, opt, 0, "")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// corruptPage replaces the "(" opening the first string shown on page n (1-based)
// with ")", leaving every offset unchanged.
func corruptPage(data []byte, n int) ([]byte, error) {
	out := bytes.Clone(data)
	marker := []byte(fmt.Sprintf("(D\xe9lib\xe9ration n\xb0 2024-%02d)Tj", n))
	i := bytes.Index(out, marker)
	if i < 0 {
		return nil, fmt.Errorf("corruptPage: page %d's title not found", n)
	}
	out[i] = ')'
	return out, nil
}

var xrefEntry = regexp.MustCompile(`(?m)^(\d{10}) (\d{5}) n`)

// nonStandardHeader replaces the first line with header, shifting the
// cross-reference table and startxref by the difference in length.
func nonStandardHeader(data []byte, header string) ([]byte, error) {
	eol := bytes.IndexByte(data, '\n')
	delta := len(header) - eol
	out := append([]byte(header), data[eol:]...)
	x := bytes.LastIndex(out, []byte("\nxref\n"))
	s := bytes.LastIndex(out, []byte("startxref\n"))
	if x < 0 || s < 0 {
		return nil, fmt.Errorf("nonStandardHeader: no xref table")
	}
	table := xrefEntry.ReplaceAllFunc(out[x:s], func(m []byte) []byte {
		off, _ := strconv.Atoi(string(m[:10]))
		return []byte(fmt.Sprintf("%010d%s", off+delta, m[10:]))
	})
	rest := out[s+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	sx, err := strconv.Atoi(string(rest[:end]))
	if err != nil {
		return nil, fmt.Errorf("nonStandardHeader: startxref: %v", err)
	}
	var b bytes.Buffer
	b.Write(out[:x])
	b.Write(table)
	fmt.Fprintf(&b, "startxref\n%d%s", sx+delta, rest[end:])
	return b.Bytes(), nil
}

var fixedDate = mustTime("2024-12-02T10:00:00Z")

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}
