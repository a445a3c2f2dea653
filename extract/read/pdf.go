package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"terril/corpus"
	"terril/extract/text"
)

//go:generate go run ./internal/genpdf -o testdata/pdf

// Readers of PDF pages, as recorded in corpus.Page.Reader.
const (
	ReaderFast   = "ledongthuc" // github.com/ledongthuc/pdf, this package
	ReaderPDFium = "pdfium"     // PDFium as WebAssembly, package extract/pdfread
	ReaderOCR    = "ocr"        // Tesseract on a rendering of the page, package extract/pdfread
)

// A PDFPage is one page as the fast reader (github.com/ledongthuc/pdf) read it.
type PDFPage struct {
	Number int         // 1-based
	Text   string      // the text read, with words cut by line breaks joined; not normalised
	Gate   corpus.Gate // quality figures of Text and what the page's content promises
	Err    error       // the page could not be read (Text is then empty and Gate.Pass false)
	Why    string      // why the page failed the gate, "" when it passed
	Took   time.Duration
}

// NeedsOCR reports whether the page has no text layer but draws images: a scan.
func (p *PDFPage) NeedsOCR() bool {
	return p.Err == nil && p.Gate.TextOps == 0 && p.Gate.Images > 0
}

// DefaultMaxPDFPages is the number of pages read of one PDF unless a caller asks
// otherwise: a recueil des actes runs to a few hundred pages, and a page tree that
// lists more (a page listed 50 000 times) would cost minutes and memory in readers
// that render pages. The pages after the limit are not read and the limit is named
// in the problems.
const DefaultMaxPDFPages = 2000

// Bounds of the content parsed: a content stream of a few hundred KB in the file
// can inflate to gigabytes (a 300 KB file inflating to 300 MB took 70 s and 1.9 GB).
// A dense page of text, or a detailed map, has a few MB of content.
const (
	maxPageContent = 16 << 20  // decoded bytes of one page's content streams
	maxDocContent  = 128 << 20 // of all the pages of a document
)

// ErrContentTooLarge is the Err of a page whose content streams inflate beyond the
// bounds of what is parsed: no reader is asked to read it.
var ErrContentTooLarge = errors.New("content too large")

// ReadPDFPages is ReadPDFPagesMax with DefaultMaxPDFPages, its problems dropped.
func ReadPDFPages(data []byte) ([]PDFPage, error) {
	pages, _, err := ReadPDFPagesMax(data, DefaultMaxPDFPages)
	return pages, err
}

// ReadPDFPagesMax reads the first maxPages pages of a PDF (maxPages <= 0 means
// DefaultMaxPDFPages) with github.com/ledongthuc/pdf, page by page: a page that
// fails to parse costs that page only (its Err is set). The header check is lenient:
// a header with trailing words ("%PDF-1.4 Sharp Scanned CompactPDF"), a PDF 2.0
// header, bytes before the header or after the last %%EOF are accepted. Each page
// gets its quality gate (see GatePage). A page the tree lists again is read once and
// copied. The problems name what of the page tree was not read: pages over the
// limit, cycles, subtrees too deep. The error is non-nil only when the file cannot
// be opened at all (no PDF structure, encrypted, no page); no panic escapes.
func ReadPDFPagesMax(data []byte, maxPages int) (pages []PDFPage, problems text.Problems, err error) {
	return readPDFPages(data, maxPages, maxDocContent, nil)
}

// ReadPDFPagesProgress is ReadPDFPagesMax telling progress, when not nil, of each
// page read, with its number and the page count.
func ReadPDFPagesProgress(data []byte, maxPages int, progress func(page, pages int)) (pages []PDFPage, problems text.Problems, err error) {
	return readPDFPages(data, maxPages, maxDocContent, progress)
}

// readPDFPages is ReadPDFPagesProgress with budget bytes of content parsed in the
// whole document.
func readPDFPages(data []byte, maxPages, budget int, progress func(page, pages int)) (pages []PDFPage, problems text.Problems, err error) {
	defer func() {
		if r := recover(); r != nil {
			pages, err = nil, fmt.Errorf("malformed PDF: %v", r)
		}
	}()
	if maxPages <= 0 {
		maxPages = DefaultMaxPDFPages
	}
	r, raw, err := openPDF(data)
	if err != nil {
		return nil, nil, err
	}
	list, problems, err := pageList(r, maxPages)
	if err != nil {
		return nil, problems, err
	}
	pages = make([]PDFPage, len(list))
	read := map[string]int{} // a page object's dictionary → the index of its first reading
	for i, p := range list {
		key := p.V.String()
		if j, ok := read[key]; ok {
			pages[i] = pages[j]
			pages[i].Number, pages[i].Took = i+1, 0
			continue
		}
		read[key] = i
		t0 := time.Now()
		pages[i] = readPage(p, i+1, raw, &budget)
		pages[i].Took = time.Since(t0)
		if progress != nil {
			progress(i+1, len(list))
		}
	}
	return pages, problems, nil
}

// ReadPDF reads a PDF with the fast reader only and returns its normalised text
// (pages separated by a blank line), one corpus.Page per page and the problems met.
// Pages that fail the quality gate or cannot be read are kept as read and named in
// the problems; package extract/pdfread re-reads them with PDFium or OCR.
func ReadPDF(data []byte) (joined string, pages []corpus.Page, problems text.Problems) {
	ps, problems, err := ReadPDFPagesMax(data, DefaultMaxPDFPages)
	if err != nil {
		problems.Add(-1, "pdf: %v", err)
		return "", nil, problems
	}
	texts := make([]string, len(ps))
	pages = make([]corpus.Page, len(ps))
	for i, p := range ps {
		g := p.Gate
		texts[i] = text.Normalize(p.Text)
		pages[i] = corpus.Page{Number: p.Number, Reader: ReaderFast, Chars: utf8.RuneCountInString(texts[i]), Gate: &g, Millis: p.Took.Milliseconds()}
		switch {
		case p.Err != nil:
			pages[i].Reader = ""
			pages[i].Note = "not read: " + p.Err.Error()
			problems.Add(-1, "pdf page %d: %v", p.Number, p.Err)
		case p.NeedsOCR():
			pages[i].Reader = ""
			pages[i].Note = "not read: no text layer (image only)"
			problems.Add(-1, "pdf page %d: no text layer, needs OCR", p.Number)
		case !g.Pass:
			pages[i].Note = "failed the quality gate: " + p.Why
			problems.Add(-1, "pdf page %d: text failed the quality gate", p.Number)
		}
	}
	return JoinPages(texts), pages, problems
}

// readPDF is Read's PDF reader: the fast reader only (see ReadPDF), with the
// title from the document information or the first line. It fails when no page
// yields text; package extract/pdfread adds PDFium and OCR for what fails the gate.
func readPDF(name string, data []byte) (*Result, error) {
	text, pages, problems := ReadPDF(data)
	if pages == nil {
		return nil, problems.Err()
	}
	if strings.TrimSpace(text) == "" {
		if len(problems) > 0 {
			return nil, fmt.Errorf("no text read from %d pages: %v", len(pages), problems)
		}
		return nil, fmt.Errorf("no text layer in %d pages", len(pages))
	}
	return &Result{
		ContentType: "application/pdf",
		Title:       PDFTitleNamed(name, data, text),
		Text:        text,
		Pages:       pages,
		Problems:    problems,
	}, nil
}

// JoinPages joins the normalised texts of pages with a blank line, skipping empty
// pages, and normalises the result.
func JoinPages(texts []string) string {
	var b strings.Builder
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(t)
	}
	return text.Normalize(b.String())
}

// openPDF opens data with ledongthuc/pdf after making its strict header and trailer
// checks lenient. It returns the bytes the reader reads (offsets in the file are
// offsets in them).
func openPDF(data []byte) (*pdf.Reader, []byte, error) {
	i := bytes.Index(data[:min(len(data), 1024)], []byte("%PDF-"))
	if i < 0 {
		return nil, nil, errors.New("not a PDF file: no %PDF- header")
	}
	// Keep bytes up to the last %%EOF; ignore whatever a server or copier appended.
	end := bytes.LastIndex(data, []byte("%%EOF"))
	if end < 0 {
		return nil, nil, errors.New("not a PDF file: no %%EOF")
	}
	data = data[:end+len("%%EOF")]
	r, err := pdf.NewReader(headerFix{data}, int64(len(data)))
	if err != nil {
		return nil, nil, fmt.Errorf("malformed PDF: %w", err)
	}
	return r, data, nil
}

// headerFix reads data as if its first bytes were the strict header "%PDF-1.7\n"
// ledongthuc/pdf insists on. The header is a comment: nothing else reads it, and
// object offsets are unchanged.
type headerFix struct{ data []byte }

const strictHeader = "%PDF-1.7\n"

func (h headerFix) ReadAt(p []byte, off int64) (int, error) {
	if off >= int64(len(h.data)) {
		return 0, io.EOF
	}
	n := copy(p, h.data[off:])
	for i := 0; i < n; i++ {
		if o := off + int64(i); o < int64(len(strictHeader)) && int(o) < len(h.data) {
			p[i] = strictHeader[o]
		}
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// readPage reads one page; a panic or error inside the library costs this page only.
// raw is the file, where the page's content streams are measured; budget is what is
// left of maxDocContent, the page's content is taken from it.
func readPage(p pdf.Page, num int, raw []byte, budget *int) (out PDFPage) {
	out.Number = num
	defer func() {
		if x := recover(); x != nil {
			out.Text = ""
			out.Err = fmt.Errorf("page %d: %v", num, x)
			out.Gate.Pass = false
		}
	}()
	// Each Key of an indirect object parses it again from the file: once here.
	contents := p.V.Key("Contents")
	ops, size := countShowOps(contents, min(maxPageContent, *budget))
	switch {
	case size > maxPageContent:
		out.Err = fmt.Errorf("page %d: %w: more than %d MB of content streams", num, ErrContentTooLarge, maxPageContent>>20)
		return out
	case size > *budget:
		out.Err = fmt.Errorf("page %d: %w: the document's content streams exceed %d MB", num, ErrContentTooLarge, maxDocContent>>20)
		return out
	}
	stats, formBytes, over := contentStats(p, contents, min(maxPageContent, *budget)-size)
	if over {
		out.Err = fmt.Errorf("page %d: %w: its Form XObjects exceed %d MB parsed or %d MB drawn", num, ErrContentTooLarge, maxPageContent>>20, maxPageDrawn>>20)
		return out
	}
	*budget -= size + formBytes
	stats.RawTextOps = ops
	text, err := p.GetPlainText(nil)
	if err != nil {
		out.Err = fmt.Errorf("page %d: %v", num, err)
		out.Gate = stats.gate()
		return out
	}
	// Every stream is measured only when no text was read: the search for
	// "endstream" is not free.
	n, lost, unresolved := storedBytes(contents, raw, strings.TrimSpace(text) == "")
	stats.RawBytes, stats.LostStreams, stats.Unresolved = n, lost, stats.Unresolved || unresolved
	text, splits := RepairLineBreaks(text)
	out.Text = text
	var why []string
	out.Gate, why = gatePage(text, splits, stats)
	if out.NeedsOCR() {
		out.Gate.Pass = false
		why = append(why, "no text layer, images only")
	}
	out.Why = strings.Join(why, ", ")
	return out
}
