// Package textpdf writes small PDFs of given page texts for tests: one line of
// text a line (Helvetica, cp1252), and a page "" as a scan, an image without text.
package textpdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"

	"github.com/go-pdf/fpdf"
)

// Pages returns a PDF with one page for each of pages.
func Pages(pages []string) ([]byte, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	scanned := false
	for _, p := range pages {
		pdf.AddPage()
		if p == "" {
			if !scanned {
				img, err := scan()
				if err != nil {
					return nil, err
				}
				pdf.RegisterImageOptionsReader("scan", opt, bytes.NewReader(img))
				scanned = true
			}
			pdf.ImageOptions("scan", 0, 0, 210, 297, false, opt, 0, "")
			continue
		}
		pdf.SetFont("Helvetica", "", 10)
		pdf.SetXY(15, 15)
		for _, l := range strings.Split(p, "\n") {
			pdf.CellFormat(0, 5, tr(l), "", 1, "L", false, 0, "")
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("textpdf: %w", err)
	}
	return buf.Bytes(), nil
}

// scan is a grey A4-shaped PNG with a mark, as a scanner gives a page.
func scan() ([]byte, error) {
	var img bytes.Buffer
	g := image.NewGray(image.Rect(0, 0, 210, 297))
	for i := range g.Pix {
		g.Pix[i] = uint8(200 + i%50)
	}
	g.Set(10, 10, color.Black)
	if err := png.Encode(&img, g); err != nil {
		return nil, fmt.Errorf("textpdf: %w", err)
	}
	return img.Bytes(), nil
}
