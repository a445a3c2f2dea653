package pdfread

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"strings"

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
	// PDFium marks a hyphen it found at the end of a line with U+0002.
	return strings.ReplaceAll(res.Text, "\x02", "-"), nil
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
