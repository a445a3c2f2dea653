package pdfread

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// document is a PDF opened in one PDFium instance. Its methods recover from panics in
// the binding and return them as errors.
type document struct {
	inst pdfium.Pdfium
	doc  references.FPDF_DOCUMENT
}

// open opens data in an instance of the runtime. The caller must close the document,
// which returns the instance to the pool.
func (rt *Runtime) open(ctx context.Context, data []byte) (d *document, err error) {
	inst, err := rt.instance(ctx)
	if err != nil {
		return nil, err
	}
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("pdfium: panic: %v", x)
		}
		if err != nil {
			inst.Close()
			d = nil
		}
	}()
	res, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		return nil, fmt.Errorf("pdfium: %w", err)
	}
	return &document{inst: inst, doc: res.Document}, nil
}

func (d *document) close() {
	defer func() { recover() }()
	d.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: d.doc})
	d.inst.Close()
}

func (d *document) pageCount() (n int, err error) {
	defer recoverErr(&err)
	res, err := d.inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: d.doc})
	if err != nil {
		return 0, fmt.Errorf("pdfium: %w", err)
	}
	return res.PageCount, nil
}

func (d *document) page(i int) requests.Page {
	return requests.Page{ByIndex: &requests.PageByIndex{Document: d.doc, Index: i}}
}

// text returns the text of page i (0-based), annotations included: the page is
// flattened first, so that stamps ("Envoyé en préfecture le…", drawn as annotations
// by the préfecture's software) are read with the rest.
func (d *document) text(i int) (s string, err error) {
	defer recoverErr(&err)
	page := d.page(i)
	if ac, err := d.inst.FPDFPage_GetAnnotCount(&requests.FPDFPage_GetAnnotCount{Page: page}); err == nil && ac.Count > 0 {
		if _, err := d.inst.FPDFPage_Flatten(&requests.FPDFPage_Flatten{Page: page, Usage: requests.FPDFPage_FlattenUsageNormalDisplay}); err != nil {
			return "", fmt.Errorf("pdfium: page %d: flatten: %w", i+1, err)
		}
	}
	tp, err := d.inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return "", fmt.Errorf("pdfium: page %d: %w", i+1, err)
	}
	defer d.inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := d.inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return "", fmt.Errorf("pdfium: page %d: %w", i+1, err)
	}
	if n.Count <= 0 {
		return "", nil
	}
	res, err := d.inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: n.Count})
	if err != nil {
		return "", fmt.Errorf("pdfium: page %d: %w", i+1, err)
	}
	text := res.Text
	if utf8.RuneCountInString(text) == n.Count { // else characters outside the BMP: indices and runes disagree
		text = paragraphs(text, func(k int) (b charBox) {
			r, err := d.inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: k})
			if err != nil || r.Rect.Top <= r.Rect.Bottom {
				return charBox{}
			}
			return charBox{float64(r.Rect.Left), float64(r.Rect.Top), float64(r.Rect.Right), float64(r.Rect.Bottom), true}
		})
	}
	// PDFium marks a hyphen it found at the end of a line with U+0002, and a word it
	// joined across a line break at a soft hyphen with U+FFFE.
	return strings.NewReplacer("\x02", "-", "\uFFFE", "").Replace(text), nil
}

// A charBox is the loose box of a character (font ascent to descent), in page units,
// y upwards.
type charBox struct {
	left, top, right, bottom float64
	ok                       bool
}

// blockGap is the horizontal gap, in line heights, that separates two blocks on one
// baseline ("Vigilance jaune        Nîmes, le 19 juillet 2021"): wider than any space
// between words.
const blockGap = 2.0

// A piece is a line of PDFium's text, or the part of one between wide gaps.
type piece struct {
	s           string
	first       charBox // of its first visible character
	left, right float64 // extent of its visible characters
	block       bool    // starts a block: a piece of a cut line, or a column's first
	cut         bool    // a piece of a cut line outside columns: a block on its own
}

// aligned reports whether two lines cut into the same number of pieces are rows of
// the same columns: each piece of a overlaps, horizontally, the piece of b in the
// same place and no other.
func aligned(a, b []piece) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	overlap := func(p, q piece) bool {
		return p.first.ok && q.first.ok && p.left < q.right && q.left < p.right
	}
	for i := range a {
		if !overlap(a[i], b[i]) {
			return false
		}
		for j := range b {
			if j != i && overlap(a[i], b[j]) {
				return false
			}
		}
	}
	return true
}

// paragraphs returns PDFium's page text with one line per line and a blank line
// where a paragraph or block ends. PDFium separates lines with "\r\n" and nothing
// more, and joins blocks that share a baseline; the extractors read paragraphs (a
// heading, a dateline, a list, a sentence's scope, a signature under its title), so
// they are restored from the page's geometry:
//   - a line is cut into pieces where the gap between two characters is wider than
//     blockGap line heights, and the pieces are separate blocks;
//   - consecutive lines cut into the same number of pieces, each above the next
//     (their extents overlap), are columns and read column by column: a signature
//     block "Le Président,  La Secrétaire,", then "Jean DUPONT  Anne MARTIN", gives
//     each title followed by its name;
//   - a paragraph ends where the vertical gap before a line is clearly larger than the
//     page's usual gap between lines (the median, plus half a line's height), or where
//     the line sits above the previous one (a new column or block).
//
// box gives the box of the character at index k of text, counted in runes.
func paragraphs(text string, box func(k int) charBox) string {
	var lines [][]piece
	k := 0 // rune index in text
	for rest := text; ; {
		end := strings.Index(rest, "\r\n")
		line := rest
		if end >= 0 {
			line = rest[:end]
		}
		var ps []piece
		p := piece{}
		var prev charBox
		start := 0
		for i, r := range line {
			if !unicode.IsSpace(r) {
				b := box(k)
				if b.ok && prev.ok && b.left-prev.right > blockGap*(b.top-b.bottom) {
					p.s = line[start:i]
					ps = append(ps, p)
					p = piece{}
					start = i
				}
				if b.ok {
					if !p.first.ok {
						p.first, p.left = b, b.left
					}
					p.right = b.right
				}
				prev = b
			}
			k++
		}
		p.s = line[start:]
		ps = append(ps, p)
		if len(ps) > 1 {
			for i := range ps {
				ps[i].block = true
			}
		}
		lines = append(lines, ps)
		if end < 0 {
			break
		}
		k += 2 // "\r\n"
		rest = rest[end+2:]
	}
	// Columns: runs of lines cut into the same number of pieces, aligned.
	var pieces []piece
	for i := 0; i < len(lines); {
		n := len(lines[i])
		j := i + 1
		for n > 1 && j < len(lines) && aligned(lines[j-1], lines[j]) {
			j++
		}
		if j-i < 2 {
			for _, p := range lines[i] {
				p.cut = n > 1
				pieces = append(pieces, p)
			}
			i++
			continue
		}
		for c := 0; c < n; c++ {
			for l := i; l < j; l++ {
				p := lines[l][c]
				p.block = l == i // the first of a column starts a block
				pieces = append(pieces, p)
			}
		}
		i = j
	}
	var gaps []float64
	for i := 1; i < len(pieces); i++ {
		if a, b := pieces[i-1].first, pieces[i].first; a.ok && b.ok && !pieces[i].block && a.bottom >= b.top-0.5*(b.top-b.bottom) {
			gaps = append(gaps, a.bottom-b.top)
		}
	}
	var usual float64
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		usual = gaps[len(gaps)/2]
	}
	var sb strings.Builder
	sb.Grow(len(text) + len(pieces))
	for i, p := range pieces {
		if i > 0 {
			sb.WriteByte('\n')
			a := pieces[i-1]
			if strings.TrimSpace(a.s) != "" && strings.TrimSpace(p.s) != "" {
				if p.block || a.cut {
					sb.WriteByte('\n')
				} else if a.first.ok && p.first.ok {
					h := p.first.top - p.first.bottom
					if gap := a.first.bottom - p.first.top; gap > usual+0.5*h || p.first.bottom > a.first.top {
						sb.WriteByte('\n')
					}
				}
			}
		}
		sb.WriteString(p.s)
	}
	return sb.String()
}

// imageCover returns the share of page i's area covered by image objects (their
// bounding boxes, added up and capped at 1).
func (d *document) imageCover(i int) (cover float64, err error) {
	defer recoverErr(&err)
	lp, err := d.inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: d.doc, Index: i})
	if err != nil {
		return 0, fmt.Errorf("pdfium: page %d: %w", i+1, err)
	}
	defer d.inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := requests.Page{ByReference: &lp.Page}
	w, err := d.inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: ref})
	if err != nil {
		return 0, err
	}
	h, err := d.inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref})
	if err != nil {
		return 0, err
	}
	area := float64(w.PageWidth) * float64(h.PageHeight)
	if area <= 0 {
		return 0, nil
	}
	n, err := d.inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err != nil {
		return 0, err
	}
	var covered float64
	for k := 0; k < n.Count && k < 10000; k++ {
		obj, err := d.inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: k})
		if err != nil {
			continue
		}
		typ, err := d.inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil || (typ.Type != enums.FPDF_PAGEOBJ_IMAGE && typ.Type != enums.FPDF_PAGEOBJ_FORM) {
			continue
		}
		if typ.Type == enums.FPDF_PAGEOBJ_FORM && !formHasImage(d.inst, obj.PageObject, 0) {
			continue
		}
		b, err := d.inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj.PageObject})
		if err != nil {
			continue
		}
		covered += float64(b.Right-b.Left) * float64(b.Top-b.Bottom)
	}
	return min(1, covered/area), nil
}

// formHasImage reports whether a Form XObject draws an image, at any depth up to 4.
func formHasImage(inst pdfium.Pdfium, form references.FPDF_PAGEOBJECT, depth int) bool {
	if depth > 4 {
		return false
	}
	n, err := inst.FPDFFormObj_CountObjects(&requests.FPDFFormObj_CountObjects{PageObject: form})
	if err != nil {
		return false
	}
	for k := 0; k < n.Count && k < 1000; k++ {
		obj, err := inst.FPDFFormObj_GetObject(&requests.FPDFFormObj_GetObject{PageObject: form, Index: uint64(k)})
		if err != nil {
			continue
		}
		typ, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
		if err != nil {
			continue
		}
		if typ.Type == enums.FPDF_PAGEOBJ_IMAGE || (typ.Type == enums.FPDF_PAGEOBJ_FORM && formHasImage(inst, obj.PageObject, depth+1)) {
			return true
		}
	}
	return false
}

// renderPNG renders page i in grey at dpi and returns it as PNG bytes.
func (d *document) renderPNG(i, dpi int) (b []byte, err error) {
	defer recoverErr(&err)
	res, err := d.inst.RenderPageInDPI(&requests.RenderPageInDPI{
		Page:        d.page(i),
		DPI:         dpi,
		ImageFormat: requests.RenderImageFormatGrayscale,
		RenderFlags: enums.FPDF_RENDER_FLAG_ANNOT, // stamps are often annotations
	})
	if err != nil {
		return nil, fmt.Errorf("pdfium: render page %d: %w", i+1, err)
	}
	defer res.Cleanup()
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, res.Result.RenderedImage); err != nil {
		return nil, fmt.Errorf("render page %d: %w", i+1, err)
	}
	return buf.Bytes(), nil
}

func recoverErr(err *error) {
	if x := recover(); x != nil {
		*err = fmt.Errorf("pdfium: panic: %v", x)
	}
}

// RenderPNG renders page (1-based) of a PDF in grey at dpi, as PNG bytes: what the
// OCR reads.
func (rt *Runtime) RenderPNG(ctx context.Context, data []byte, page, dpi int) ([]byte, error) {
	doc, err := rt.open(ctx, data)
	if err != nil {
		return nil, err
	}
	defer doc.close()
	return doc.renderPNG(page-1, dpi)
}
