package pdfread

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/read"
	"terril/extract/text"
)

// Reader modes (Options.Mode).
const (
	ModeAuto   = "auto"            // fast reader, PDFium for what fails the gate, OCR for scans
	ModeFast   = read.ReaderFast   // the fast reader only, gate figures recorded
	ModePDFium = read.ReaderPDFium // PDFium for every page, no OCR
	ModeOCR    = read.ReaderOCR    // OCR of every page (up to the page limit)
)

// Defaults of a Reader.
const (
	// DefaultOCRPages is the per-document limit of pages sent to OCR. OCR takes
	// seconds per page; a recueil of scanned acts can have hundreds.
	DefaultOCRPages = 20
	// DefaultDPI is the resolution pages are rendered at for OCR.
	DefaultDPI = 300
	// ocrMaxTextChars: a page whose text layer holds fewer non-space characters than
	// this while images cover ocrMinImageCover of it is a scan under a stamp or a
	// running header, and is OCR'd. A page with images and no text at all is OCR'd
	// whatever their size.
	ocrMaxTextChars  = 150
	ocrMinImageCover = 0.8
)

// Options configure a Reader. The zero value is ready to use.
type Options struct {
	// Mode is ModeAuto ("" too), ModeFast, ModePDFium or ModeOCR.
	Mode string
	// OCRPages limits the pages OCR'd per document: 0 means the environment variable
	// TERRIL_OCR_PAGES when set, else DefaultOCRPages; a negative value disables OCR.
	// Pages over the limit are recorded as not read.
	OCRPages int
	// MaxPages limits the pages read per document: 0 means the environment variable
	// TERRIL_PDF_PAGES when set, else read.DefaultMaxPDFPages. The pages after
	// the limit are not read, and the problems say so.
	MaxPages int
	// DPI is the rendering resolution for OCR; 0 means DefaultDPI.
	DPI int
	// Runtime is the PDFium runtime; nil means Shared().
	Runtime *Runtime
	// OCR runs tesseract; nil means a shared OCR looking up "tesseract" in PATH with
	// the French model.
	OCR *OCR
	// Log receives one-time notices (tesseract missing, the PDF engine compiled on
	// first use); nil means os.Stderr.
	Log io.Writer
	// Progress, when set, is called after each page of the document name that a
	// reader read (a long recueil takes minutes, OCR seconds a page), with the
	// page's number, the page count and the reader ("text layer", "PDFium", "OCR").
	// It must be safe for concurrent use.
	Progress func(name string, page, pages int, reader string)
}

// A Reader reads PDFs into text page by page, choosing for each page the reader that
// reads it well (see Read). It is safe for concurrent use: the pipeline's workers
// share one.
type Reader struct {
	opts     Options
	warnOnce sync.Once
}

var sharedOCR = &OCR{}

// New returns a Reader.
func New(opts Options) *Reader {
	if opts.Mode == "" {
		opts.Mode = ModeAuto
	}
	if opts.OCRPages == 0 {
		opts.OCRPages = DefaultOCRPages
		if n, err := strconv.Atoi(os.Getenv("TERRIL_OCR_PAGES")); err == nil && n != 0 {
			opts.OCRPages = n
		}
	}
	if opts.MaxPages <= 0 {
		opts.MaxPages = read.DefaultMaxPDFPages
		if n, err := strconv.Atoi(os.Getenv("TERRIL_PDF_PAGES")); err == nil && n > 0 {
			opts.MaxPages = n
		}
	}
	if opts.DPI <= 0 {
		opts.DPI = DefaultDPI
	}
	if opts.Runtime == nil {
		opts.Runtime = Shared()
	}
	if opts.OCR == nil {
		opts.OCR = sharedOCR
	}
	if opts.Log == nil {
		opts.Log = os.Stderr
	}
	return &Reader{opts: opts}
}

// Read has the signature of pipeline.ReadFunc: PDFs (by their bytes, content type or
// name, see read.Sniff) are read by ReadPDF, anything else by read.Read.
func (r *Reader) Read(ctx context.Context, name, contentType string, data []byte) (*read.Result, error) {
	if read.Sniff(name, contentType, data) != "application/pdf" {
		return read.Read(name, contentType, data)
	}
	return r.ReadPDF(ctx, name, data)
}

// page is the state of one page while a document is read.
type page struct {
	fast    *read.PDFPage // nil when the fast reader could not open the file
	text    string        // chosen text, normalised
	reader  string        // reader of text, "" when not read
	note    []string
	took    time.Duration
	pdfium  bool // to read with PDFium
	cover   bool // to check whether images cover the page (a scan under a little text)
	ocr     bool // to OCR
	png     []byte
	ocrNote string
}

// ReadPDF reads a PDF. In ModeAuto each page goes through:
//
//  1. the fast reader (read.ReadPDFPages) and its quality gate; a page that passes
//     keeps that text;
//  2. PDFium for a page that fails the gate or that the fast reader could not read
//     (and for every page when the fast reader cannot open the file);
//  3. OCR (PDFium rendering, tesseract) for a page without a text layer that draws
//     images, or whose text layer is a stamp over a scan (few characters, images
//     covering half the page), up to Options.OCRPages pages per document.
//
// Only the first Options.MaxPages pages are read.
//
// The Result holds the pages' texts joined by blank lines and normalised, one
// corpus.Page per page (reader, gate figures of the fast reader, time, notes) and the
// problems met: pages not read are named there and recorded with an empty Reader,
// never as empty text read. The error, which names the file, is returned only when
// no reader can open the file; a cancelled context returns ctx.Err().
func (r *Reader) ReadPDF(ctx context.Context, name string, data []byte) (res *read.Result, err error) {
	defer func() {
		if x := recover(); x != nil {
			res, err = nil, fmt.Errorf("read %s: panic: %v", name, x)
		}
	}()
	res = &read.Result{ContentType: "application/pdf"}
	mode := r.opts.Mode
	var pages []*page
	var fastErr error
	if mode == ModeAuto || mode == ModeFast {
		var fps []read.PDFPage
		var fastProblems text.Problems
		fps, fastProblems, fastErr = read.ReadPDFPagesProgress(data, r.opts.MaxPages, func(page, pages int) {
			r.progress(name, page, pages, "text layer")
		})
		res.Problems = append(res.Problems, fastProblems...)
		for i := range fps {
			fp := &fps[i]
			p := &page{fast: fp, took: fp.Took}
			switch {
			case errors.Is(fp.Err, read.ErrContentTooLarge):
				// PDFium would spend as long on it, or longer.
				p.note = append(p.note, fp.Err.Error())
			case fp.Err != nil:
				p.note = append(p.note, "fast reader failed: "+fp.Err.Error())
				p.pdfium = true
			case fp.NeedsOCR():
				// PDFium reads what text it finds first (a stamp drawn as an
				// annotation), kept when OCR cannot run.
				p.ocr, p.pdfium = true, true
			case !fp.Gate.Pass:
				p.note = append(p.note, "failed the quality gate: "+fp.Why)
				p.pdfium = true
				fallthrough
			default:
				p.text, p.reader = text.Normalize(fp.Text), read.ReaderFast
				p.cover = !p.pdfium && fp.Gate.Images > 0 && nonSpace(p.text) < ocrMaxTextChars
			}
			pages = append(pages, p)
		}
		if fastErr != nil {
			res.Problems.Add(-1, "fast reader: %v", fastErr)
		}
		if mode == ModeFast {
			if fastErr != nil {
				return nil, fmt.Errorf("read %s: %w", name, fastErr)
			}
			for _, p := range pages {
				if p.ocr {
					p.note = append(p.note, "not read: no text layer (image only)")
				}
				p.pdfium, p.ocr = false, false
			}
			return r.finish(res, name, data, pages), nil
		}
	}
	needPDFium := fastErr != nil || mode != ModeAuto
	for _, p := range pages {
		needPDFium = needPDFium || p.pdfium || p.ocr || p.cover
	}
	if needPDFium {
		var perr error
		pages, perr = r.pdfiumPass(ctx, name, data, pages, mode, &res.Problems)
		if perr != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if pages == nil {
				if fastErr != nil {
					return nil, fmt.Errorf("read %s: %v; %v", name, fastErr, perr)
				}
				return nil, fmt.Errorf("read %s: %w", name, perr)
			}
			res.Problems.Add(-1, "%v", perr)
		}
	}
	if err := r.ocrPass(ctx, name, pages, &res.Problems); err != nil {
		return nil, err
	}
	return r.finish(res, name, data, pages), nil
}

// pdfiumPass reads with PDFium the pages marked for it, finds the scans among them
// and renders the pages to OCR, within the OCR page limit.
func (r *Reader) pdfiumPass(ctx context.Context, name string, data []byte, pages []*page, mode string, problems *text.Problems) ([]*page, error) {
	r.opts.Runtime.announce(r.opts.Log)
	doc, err := r.opts.Runtime.open(ctx, data)
	if err != nil {
		for _, p := range pages {
			if p.pdfium || p.ocr {
				p.note = append(p.note, "pdfium: "+err.Error())
			}
		}
		return pages, err
	}
	defer doc.close()
	n, err := doc.pageCount()
	if err != nil {
		return pages, err
	}
	if n > r.opts.MaxPages {
		if len(pages) != r.opts.MaxPages {
			// The fast reader did not name the limit.
			*problems = append(*problems, text.Problem{Pos: -1, Msg: fmt.Sprintf("pdf: more than %d pages (%d): read the first %d", r.opts.MaxPages, n, r.opts.MaxPages)})
		}
		n = r.opts.MaxPages
	}
	if pages == nil || len(pages) != n {
		// The fast reader could not open the file or disagrees on the page count:
		// PDFium reads every page.
		old := pages
		pages = make([]*page, n)
		for i := range pages {
			pages[i] = &page{pdfium: mode != ModeOCR, ocr: mode == ModeOCR}
			if len(old) > 0 {
				pages[i].note = append(pages[i].note, fmt.Sprintf("fast reader found %d pages, PDFium %d", len(old), n))
			}
		}
	}
	ocrBudget := r.opts.OCRPages
	for i, p := range pages {
		if err := ctx.Err(); err != nil {
			return pages, err
		}
		if mode == ModePDFium {
			p.pdfium, p.ocr = true, false
		}
		if mode == ModeOCR {
			p.pdfium, p.ocr = false, true
		}
		if p.pdfium {
			t0 := time.Now()
			txt, err := doc.text(i)
			p.took += time.Since(t0)
			r.progress(name, i+1, len(pages), "PDFium")
			if err != nil {
				p.note = append(p.note, err.Error())
			} else {
				txt = text.Normalize(txt)
				switch {
				case nonSpace(txt) > 0:
					p.text, p.reader = txt, read.ReaderPDFium
				case p.reader == "" && !p.ocr:
					// A blank page: read, and empty.
					p.text, p.reader = "", read.ReaderPDFium
				}
				if mode == ModeAuto && !p.ocr && nonSpace(txt) < ocrMaxTextChars && nonSpace(p.text) < ocrMaxTextChars {
					if cover, err := doc.imageCover(i); err == nil && scanLike(cover, max(nonSpace(txt), nonSpace(p.text))) {
						p.ocr = true
						p.note = append(p.note, fmt.Sprintf("images cover %.0f%% of the page, txt layer %d characters", 100*cover, nonSpace(txt)))
					}
				}
			}
		}
		if p.cover && mode == ModeAuto {
			if cover, err := doc.imageCover(i); err == nil && scanLike(cover, nonSpace(p.text)) {
				p.ocr = true
				p.note = append(p.note, fmt.Sprintf("images cover %.0f%% of the page, text layer %d characters", 100*cover, nonSpace(p.text)))
			}
		}
		if !p.ocr {
			continue
		}
		if r.opts.OCRPages < 0 {
			p.ocrNote = "OCR disabled"
			p.ocr = false
			continue
		}
		if err := r.opts.OCR.Available(); err != nil {
			p.ocrNote = ErrNoTesseract.Error()
			p.ocr = false
			continue
		}
		if ocrBudget <= 0 {
			p.ocrNote = fmt.Sprintf("OCR page limit (%d per document) reached", r.opts.OCRPages)
			p.ocr = false
			continue
		}
		ocrBudget--
		t0 := time.Now()
		p.png, err = doc.renderPNG(i, r.opts.DPI)
		p.took += time.Since(t0)
		if err != nil {
			p.ocrNote = err.Error()
			p.ocr = false
		}
	}
	return pages, nil
}

// ocrPass runs tesseract on the rendered pages, after the PDFium instance is released.
func (r *Reader) ocrPass(ctx context.Context, name string, pages []*page, problems *text.Problems) error {
	warned := false
	for i, p := range pages {
		if p.ocrNote == ErrNoTesseract.Error() && !warned {
			warned = true
			r.warnOnce.Do(func() {
				fmt.Fprintf(r.opts.Log, "terril: %v: pages without a text layer are recorded as not read\n", r.opts.OCR.Available())
			})
		}
		if !p.ocr || p.png == nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		t0 := time.Now()
		txt, err := r.opts.OCR.Recognize(ctx, p.png)
		p.took += time.Since(t0)
		p.png = nil
		r.progress(name, i+1, len(pages), "OCR")
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			p.ocrNote = err.Error()
			continue
		}
		txt = text.Normalize(txt)
		tokens, french := text.WordStats(txt)
		share := 0.0
		if tokens > 0 {
			share = float64(french) / float64(tokens)
		}
		// Keep the text layer when OCR reads fewer words than it (a scan whose text
		// layer is complete, or an OCR failure).
		if p.reader != "" && wordCount(txt) < wordCount(p.text) {
			p.note = append(p.note, fmt.Sprintf("OCR read fewer words (%d) than the txt layer (%d): kept the txt layer", wordCount(txt), wordCount(p.text)))
			continue
		}
		p.text, p.reader = txt, read.ReaderOCR
		p.note = append(p.note, fmt.Sprintf("OCR: %d of %d word tokens are French words (%.0f%%)", french, tokens, 100*share))
	}
	return nil
}

// progress tells Options.Progress of a page read.
func (r *Reader) progress(name string, page, pages int, reader string) {
	if r.opts.Progress != nil {
		r.opts.Progress(name, page, pages, reader)
	}
}

// finish assembles the Result.
func (r *Reader) finish(res *read.Result, name string, data []byte, pages []*page) *read.Result {
	texts := make([]string, len(pages))
	res.Pages = make([]corpus.Page, len(pages))
	unread := 0
	for i, p := range pages {
		cp := corpus.Page{Number: i + 1, Reader: p.reader, Millis: p.took.Milliseconds()}
		if p.fast != nil {
			g := p.fast.Gate
			cp.Gate = &g
		}
		if p.ocrNote != "" {
			if p.reader == "" {
				p.note = append(p.note, "not read: "+p.ocrNote)
			} else {
				p.note = append(p.note, "image not OCR'd: "+p.ocrNote)
			}
		}
		if p.reader == "" {
			if len(p.note) == 0 {
				p.note = append(p.note, "not read")
			}
			unread++
			res.Problems.Add(-1, "%s: page %d not read: %s", name, i+1, strings.Join(p.note, "; "))
		} else {
			texts[i] = p.text
			cp.Chars = utf8.RuneCountInString(p.text)
		}
		cp.Note = strings.Join(p.note, "; ")
		res.Pages[i] = cp
	}
	res.Text = read.JoinPages(texts)
	res.Title = read.PDFTitleNamed(name, data, res.Text)
	return res
}

// scanLike reports whether a page whose images cover the given share of it and whose
// text layer has chars non-space characters is to be OCR'd.
func scanLike(cover float64, chars int) bool {
	if chars == 0 {
		return cover > 0.05
	}
	return chars < ocrMaxTextChars && cover >= ocrMinImageCover
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func wordCount(s string) int {
	return len(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }))
}

// IsNoTesseract reports whether err says tesseract is missing.
func IsNoTesseract(err error) bool { return errors.Is(err, ErrNoTesseract) }

// RereadBlock OCRs page n (1-based) of a PDF again, reading it as one block of text
// (OCR.RecognizeBlock), and returns its normalised text. It is for a page already
// OCR'd whose signature block gave no name: callers keep the new text only when it
// reads better.
func (r *Reader) RereadBlock(ctx context.Context, data []byte, n int) (string, error) {
	doc, err := r.opts.Runtime.open(ctx, data)
	if err != nil {
		return "", err
	}
	count, err := doc.pageCount()
	if err != nil {
		doc.close()
		return "", err
	}
	if n < 1 || n > count {
		doc.close()
		return "", fmt.Errorf("page %d of %d", n, count)
	}
	png, err := doc.renderPNG(n-1, r.opts.DPI)
	doc.close() // released before tesseract runs, as in ReadPDF
	if err != nil {
		return "", err
	}
	txt, err := r.opts.OCR.RecognizeBlock(ctx, png)
	if err != nil {
		return "", err
	}
	return text.Normalize(txt), nil
}

// BlockRereader returns a function rereading, with RereadBlock, the pages of a PDF
// (pages are the Result's) that OCR read or that were not read (a scan past the OCR
// page limit): ok is false for any other page, when OCR is disabled
// (Options.OCRPages < 0), or when the page cannot be read again. Each page is read
// again at most once.
func (r *Reader) BlockRereader(ctx context.Context, data []byte, pages []corpus.Page) func(n int) (string, bool) {
	memo := map[int]string{}
	return func(n int) (string, bool) {
		if r.opts.OCRPages < 0 || n < 1 || n > len(pages) || pages[n-1].Reader != read.ReaderOCR && pages[n-1].Reader != "" {
			return "", false
		}
		if r.opts.OCR.Available() != nil {
			return "", false
		}
		t, ok := memo[n]
		if !ok {
			t, _ = r.RereadBlock(ctx, data, n)
			memo[n] = t
		}
		return t, t != ""
	}
}
