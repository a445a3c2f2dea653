package pdfgen

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

const (
	margin     = 20.0 // mm
	bodySize   = 10.0 // pt
	headSize   = 11.0
	lineHeight = 5.0 // mm
)

// Render returns the PDF for one source text. A line wider than the text block is
// an error that names the line.
func Render(src []byte) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	tr := p.UnicodeTranslatorFromDescriptor("") // cp1252
	fixed := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	p.SetCreationDate(fixed)
	p.SetModificationDate(fixed)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetCreator("terril genpdf", true)
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(true, margin+5)
	p.AliasNbPages("{nb}")
	footer := ""
	p.SetFooterFunc(func() {
		if footer == "" {
			return
		}
		p.SetY(-margin)
		p.SetFont("Helvetica", "I", 8)
		p.CellFormat(0, 4, tr(fmt.Sprintf("%s – page %d/{nb}", footer, p.PageNo())), "", 0, "C", false, 0, "")
	})
	width, _ := p.GetPageSize()
	width -= 2 * margin
	started := false
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \t")
		switch {
		case strings.HasPrefix(line, "%title "):
			p.SetTitle(strings.TrimPrefix(line, "%title "), true)
			continue
		case strings.HasPrefix(line, "%footer "):
			footer = strings.TrimPrefix(line, "%footer ")
			continue
		}
		if !started {
			p.AddPage()
			started = true
		}
		switch {
		case line == "%page":
			p.AddPage()
		case line == "":
			p.Ln(lineHeight * 0.6)
		case strings.HasPrefix(line, "# "):
			p.SetFont("Helvetica", "B", headSize)
			if err := writeLine(p, tr(strings.TrimPrefix(line, "# ")), width, n); err != nil {
				return nil, err
			}
		default:
			p.SetFont("Helvetica", "", bodySize)
			if err := writeLine(p, tr(line), width, n); err != nil {
				return nil, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeLine(p *fpdf.Fpdf, s string, width float64, n int) error {
	if w := p.GetStringWidth(s); w > width {
		return fmt.Errorf("line %d is %.0f mm wide, more than %.0f mm: wrap it", n, w, width)
	}
	p.CellFormat(0, lineHeight, s, "", 1, "L", false, 0, "")
	return nil
}

// Lines returns the lines of text a source puts on its pages, in order, without the
// directives and heading marks: what a PDF reader should find in the rendered file
// (footers aside).
func Lines(src []byte) []string {
	var out []string
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimRight(line, " \t\r")
		switch {
		case line == "", line == "%page", strings.HasPrefix(line, "%title "), strings.HasPrefix(line, "%footer "):
			continue
		case strings.HasPrefix(line, "# "):
			line = strings.TrimPrefix(line, "# ")
		}
		out = append(out, line)
	}
	return out
}
