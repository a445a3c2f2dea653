package read

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"terril/extract/lex"
	"terril/extract/text"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"

	"terril/corpus"
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

// Gate thresholds. A page passes when its text holds what its content promises and
// reads as French text.
const (
	// gateMaxReplacement is the largest share of U+FFFD and control characters.
	gateMaxReplacement = 0.002
	// gateMaxNonWords is the largest share of word letters in tokens that are not
	// French words (see NonWordShare). Correct pages of administrative French measure
	// 0–9 % (names, abbreviations, technical terms); words glued together and wrong
	// encodings measure 15–60 %.
	gateMaxNonWords = 0.12
	// gateMaxGlued is the largest share of tokens that are words glued to numbers
	// and words ("AIGALIERS30001LA", "374du29avril2004"): table cells or words whose
	// separating space the fast reader lost.
	gateMaxGlued = 0.03
	// gateMinTokens is the number of word tokens below which NonWords says nothing.
	gateMinTokens = 20
	// gateMaxSplitShare is the largest share of word tokens that were found cut by a
	// line break: beyond it the page's layout cuts words more often than the
	// dictionary can safely repair.
	gateMaxSplitShare = 0.02
	// gateMaxBrokenShare is the largest share of a page's lines that break a sentence
	// apart (see BrokenLines), counted from gateMinBroken of them: the fast reader
	// starts a line at every text object, and some producers draw each run of a line
	// as its own object, so "Le\n16 MAI\n\n2025" or "Sud\n-\nAvesnois" come out
	// of a page whose text is otherwise right. Correct pages measure 0–3 %; such
	// pages 8–80 %.
	gateMaxBrokenShare = 0.08
	gateMinBroken      = 3
	// gateMinParsedOps is the smallest share of the text-showing operators found by a
	// plain scan of the content that the content parser must have seen: fewer means it
	// stopped early on something it could not parse, and the rest of the page is lost.
	gateMinParsedOps = 0.9
	// gateMinCharsPerOp is the fewest characters a text-showing operator yields on
	// average; fewer means text is drawn in a way the fast reader does not decode.
	gateMinCharsPerOp = 0.5
)

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

// Bounds of the page tree walk: a malformed tree (a Kids array pointing back to an
// ancestor, a node listed many times) would otherwise never end.
const (
	maxPageTreeDepth = 32
	maxPageTreeNodes = 200000
)

// pageList returns the first maxPages page objects in order, walking the page tree
// with bounds (ledongthuc/pdf's Reader.Page loops forever on a cyclic tree): a kid
// that is one of its ancestors, a subtree deeper than maxPageTreeDepth and the nodes
// after maxPageTreeNodes are skipped and named in the problems.
func pageList(r *pdf.Reader, maxPages int) (pages []pdf.Page, problems text.Problems, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("malformed PDF: page tree: %v", x)
		}
	}()
	w := pageWalk{max: maxPages, path: map[string]bool{}}
	w.walk(r.Trailer().Key("Root").Key("Pages"), 0)
	if w.over {
		w.problems.Add(-1, "pdf: more than %d pages: read the first %d", maxPages, maxPages)
	}
	if len(w.pages) == 0 {
		return nil, w.problems, errors.New("malformed PDF: no pages")
	}
	return w.pages, w.problems, nil
}

// pageWalk is the state of pageList's walk.
type pageWalk struct {
	max      int
	pages    []pdf.Page
	nodes    int
	path     map[string]bool // the Pages nodes from the root to the current one
	over     bool            // pages after max were found
	stopped  bool            // the node bound was reached
	problems text.Problems
}

// walk adds the pages under v and reports whether the walk goes on.
func (w *pageWalk) walk(v pdf.Value, depth int) bool {
	if w.nodes++; w.nodes > maxPageTreeNodes {
		if !w.stopped {
			w.stopped = true
			w.problems.Add(-1, "pdf: page tree of more than %d nodes: read the pages before", maxPageTreeNodes)
		}
		return false
	}
	kids := v.Key("Kids")
	switch v.Key("Type").Name() {
	case "Page":
		return w.add(v)
	case "Pages":
	default:
		if kids.IsNull() {
			// A leaf without /Type: a page for lenient readers.
			if !v.Key("Contents").IsNull() {
				return w.add(v)
			}
			return true
		}
	}
	if depth >= maxPageTreeDepth {
		w.problems.Add(-1, "pdf: page tree deeper than %d levels: a subtree not read", maxPageTreeDepth)
		return true
	}
	key := v.String()
	if w.path[key] {
		w.problems.Add(-1, "pdf: page tree cycle: a node lists one of its ancestors; skipped")
		return true
	}
	w.path[key] = true
	defer delete(w.path, key)
	for i := 0; i < kids.Len(); i++ {
		if !w.walk(kids.Index(i), depth+1) {
			return false
		}
	}
	return true
}

// add adds a page, or reports that the limit is reached.
func (w *pageWalk) add(v pdf.Value) bool {
	if len(w.pages) >= w.max {
		w.over = true
		return false
	}
	w.pages = append(w.pages, pdf.Page{V: v})
	return true
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

// readPDF is extract.Read's PDF reader: the fast reader only (see ReadPDF), with the
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

// PDFTitle is PDFTitleNamed for a PDF of no known file name.
func PDFTitle(data []byte, s string) string { return PDFTitleNamed("", data, s) }

// PDFTitleNamed returns the title of the PDF name: the Title of its document
// information when it reads as one (see LooksLikeTitle: Office and scanners fill
// it with a file name or their model), else the first line of its text that reads
// as a title, stamps and noise skipped: the heading of an act or a line that
// reads as a title, whichever comes first (see textTitle); else its file name
// cleaned (see FileTitle).
func PDFTitleNamed(name string, data []byte, s string) string {
	if t := pdfInfoTitle(data); LooksLikeTitle(t) {
		return truncate(text.Normalize(strings.Join(strings.Fields(t), " ")), 300)
	}
	if t, ok := textTitle(s); ok || name == "" {
		return t
	}
	if t := FileTitle(name); t != "" {
		return t
	}
	return firstLine(s)
}

// pdfInfoTitle returns the Title of a PDF's document information, or "".
func pdfInfoTitle(data []byte) (title string) {
	defer func() {
		if recover() != nil {
			title = ""
		}
	}()
	if r, _, err := openPDF(data); err == nil {
		return r.Trailer().Key("Info").Key("Title").Text()
	}
	return ""
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

// PageContent is what a page's content streams promise, counted without decoding any
// text: text-showing operators, Form XObjects and images drawn.
type PageContent struct {
	RawBytes    int  // bytes of its content streams as stored (measured when no text was read)
	LostStreams int  // content streams read as empty while they hold bytes (a Length of 0)
	Unresolved  bool // the page names content the reader cannot find (a broken reference)
	TextOps     int  // Tj, TJ, ' and " in the page's own content streams
	RawTextOps  int  // Tj and TJ found by a plain scan of the page's content streams
	FormTextOps int  // the same inside the Form XObjects it draws (recursively)
	Forms       int  // Form XObjects drawn
	Images      int  // image XObjects and inline images drawn
}

func (c PageContent) gate() corpus.Gate {
	return corpus.Gate{TextOps: max(c.TextOps, c.RawTextOps) + c.FormTextOps, FormXObjects: c.Forms, Images: c.Images}
}

// GatePage computes the quality figures of a page's text read by the fast reader,
// which reads the page's own content streams only, and says whether it passes:
//   - no Form XObject on the page shows text (the fast reader never reads them);
//   - the content parser saw at least gateMinParsedOps of the text-showing operators
//     a plain scan finds (it did not stop early);
//   - at least gateMinCharsPerOp characters per text-showing operator;
//   - some text when the page has content (PageContent.RawBytes, Unresolved), and
//     no content stream read as empty while it holds bytes (LostStreams);
//   - at most gateMaxReplacement of U+FFFD and control characters;
//   - at most gateMaxNonWords of word letters in tokens that are not French words
//     (Gate.NonWords, see NonWordShare);
//   - at most gateMaxGlued of alphanumeric tokens glued letters-digits-letters;
//   - at most gateMaxSplitShare of word tokens found cut by line breaks (splits is
//     the number RepairLineBreaks joined);
//   - at most gateMaxBrokenShare of its lines breaking a sentence apart (BrokenLines).
func GatePage(text string, splits int, c PageContent) corpus.Gate {
	g, _ := gatePage(text, splits, c)
	return g
}

// gatePage is GatePage with the reasons a page fails, for the page's note.
func gatePage(s string, splits int, c PageContent) (corpus.Gate, []string) {
	g := c.gate()
	bad := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		g.Chars++
		if r == utf8.RuneError || unicode.IsControl(r) {
			bad++
		}
	}
	if g.Chars > 0 {
		g.Replacement = round4(float64(bad) / float64(g.Chars))
	}
	share, tokens := text.NonWordShare(s)
	g.NonWords = round4(share)
	glued, alnum := gluedTokens(s)
	g.SplitWords = splits
	var why []string
	if c.FormTextOps > 0 {
		why = append(why, fmt.Sprintf("text in Form XObjects (%d text operators)", c.FormTextOps))
	}
	if float64(c.TextOps) < gateMinParsedOps*float64(c.RawTextOps) {
		why = append(why, fmt.Sprintf("content parsed up to %d of %d text operators", c.TextOps, c.RawTextOps))
	}
	if ops := max(c.TextOps, c.RawTextOps); float64(g.Chars) < gateMinCharsPerOp*float64(ops) {
		why = append(why, fmt.Sprintf("%d characters for %d text operators", g.Chars, ops))
	}
	if g.Chars == 0 && (c.RawBytes > 0 || c.Unresolved) {
		// A content stream the fast reader could not decode (a Length of 0, a
		// broken reference) reads as an empty page; another reader may read it.
		why = append(why, fmt.Sprintf("no text from %d bytes of content", c.RawBytes))
	}
	if c.LostStreams > 0 {
		why = append(why, fmt.Sprintf("%d content streams of Length 0 hold bytes", c.LostStreams))
	}
	if g.Replacement > gateMaxReplacement {
		why = append(why, fmt.Sprintf("%.1f %% U+FFFD or control characters", 100*g.Replacement))
	}
	if tokens >= gateMinTokens && g.NonWords > gateMaxNonWords {
		why = append(why, fmt.Sprintf("%.0f %% of word letters outside French words", 100*g.NonWords))
	}
	if alnum >= gateMinTokens && float64(glued) > gateMaxGlued*float64(alnum) {
		why = append(why, fmt.Sprintf("%d of %d tokens glued", glued, alnum))
	}
	if tokens >= gateMinTokens && float64(splits) > gateMaxSplitShare*float64(tokens) {
		why = append(why, fmt.Sprintf("%d words cut by line breaks", splits))
	}
	broken, lines := BrokenLines(s)
	g.BrokenLines = broken
	if broken >= gateMinBroken && float64(broken) > gateMaxBrokenShare*float64(lines) {
		why = append(why, fmt.Sprintf("%d of %d lines break a sentence apart", broken, lines))
	}
	g.Pass = len(why) == 0
	return g, why
}

// BrokenLines counts the non-blank lines of text that break a sentence apart, and the
// non-blank lines: a line of punctuation alone ("-", ",", "?") between two lines, and
// a line starting with a lower-case letter or with punctuation that closes or
// continues a sentence (",", ".", ")"…) after a blank line, when the line before
// the blank did not end a sentence or a heading (".", "!", "?", ":", ";", "»", ")").
// Correct text, even with a blank line between paragraphs, has almost none.
func BrokenLines(text string) (broken, lines int) {
	prev := "" // the last non-blank line
	blank := false
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			blank = true
			continue
		}
		lines++
		r, _ := utf8.DecodeRuneInString(line)
		switch {
		case prev != "" && len(text) > 0 && punctOnly(line):
			broken++
		case blank && prev != "" && !endsSentence(prev) && (unicode.IsLower(r) || strings.ContainsRune(",.;:?!)…»", r)):
			broken++
		}
		prev, blank = line, false
	}
	return broken, lines
}

// punctOnly reports whether line is one to three punctuation marks and nothing else.
func punctOnly(line string) bool {
	n := 0
	for _, r := range line {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
		n++
	}
	return n <= 3
}

// endsSentence reports whether a line ends a sentence, a heading's label or a quote.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:;»)", r)
}

func round4(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return f
}

// maxFormDepth and maxForms bound the walk of nested Form XObjects.
const (
	maxFormDepth = 8
	maxForms     = 500
)

// contentStats counts the operators of a page's content streams (contents, its
// Contents resolved) and of the Form XObjects they draw. A parse error stops the
// count where it happened. A form drawn again is counted again without being parsed
// again; the forms parsed are decoded up to limit bytes in all: formBytes is what
// they took. over reports that they needed more (and were not all parsed), or that
// the forms drawn add up to more than maxPageDrawn bytes of content (which PDFium
// parses at each draw).
func contentStats(p pdf.Page, contents pdf.Value, limit int) (c PageContent, formBytes int, over bool) {
	if contents.IsNull() {
		c.Unresolved = slices.Contains(p.V.Keys(), "Contents")
		return c, 0, false
	}
	w := formWalk{limit: limit, seen: map[string]formCount{}}
	c, _ = w.walk(contents, p.Resources(), 0, false)
	return c, w.size, w.over || w.drawn > maxPageDrawn
}

// maxPageDrawn bounds the content a page draws through its Form XObjects, each
// counted at each draw: PDFium parses a form at each draw (a 4 MB form drawn 1000
// times took it over 5 minutes).
const maxPageDrawn = 32 << 20

// formWalk is the state of contentStats's walk through the Form XObjects.
type formWalk struct {
	visits int                  // forms parsed
	size   int                  // their decoded bytes
	limit  int                  // bound of size
	over   bool                 // a form would have taken size beyond limit
	drawn  int                  // bytes of the forms drawn, at each draw
	seen   map[string]formCount // each form parsed, by its stream
}

// formCount is what a form counts, and the bytes it draws (its own and its forms').
type formCount struct {
	c     PageContent
	drawn int
}

// walk counts the operators of a content stream and of the forms it draws, and
// returns with them the bytes of the forms it drew.
func (w *formWalk) walk(strm, res pdf.Value, depth int, inForm bool) (c PageContent, drawn int) {
	defer func() { recover() }()
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		var arg pdf.Value
		if stk.Len() > 0 {
			arg = stk.Pop()
		}
		for stk.Len() > 0 {
			stk.Pop()
		}
		switch op {
		case "Tj", "TJ", "'", "\"":
			if inForm {
				c.FormTextOps++
			} else {
				c.TextOps++
			}
		case "EI":
			c.Images++
		case "Do":
			x := res.Key("XObject").Key(arg.Name())
			switch x.Key("Subtype").Name() {
			case "Image":
				c.Images++
			case "Form":
				c.Forms++
				f := w.form(x, res, depth)
				c.addForm(f.c)
				drawn += f.drawn
				if !inForm {
					w.drawn += f.drawn
				}
			}
		}
	})
	return c, drawn
}

// form returns what a form drawn at depth counts, parsing it the first time.
func (w *formWalk) form(x, res pdf.Value, depth int) formCount {
	key := x.String() // a stream prints as its dictionary and the offset of its data
	if f, ok := w.seen[key]; ok {
		return f
	}
	if depth >= maxFormDepth || w.visits >= maxForms || w.over {
		return formCount{}
	}
	w.visits++
	size := decodedSize(x, w.limit-w.size)
	if w.size += size; w.size > w.limit {
		w.over = true
		return formCount{}
	}
	fres := x.Key("Resources")
	if fres.IsNull() {
		fres = res
	}
	c, drawn := w.walk(x, fres, depth+1, true)
	f := formCount{c, size + drawn}
	w.seen[key] = f
	return f
}

// addForm adds what a form drawn counts.
func (c *PageContent) addForm(f PageContent) {
	c.FormTextOps += f.FormTextOps
	c.Forms += f.Forms
	c.Images += f.Images
}

// decodedSize returns the decoded length of a stream, up to limit+1.
func decodedSize(s pdf.Value, limit int) (n int) {
	defer func() { recover() }()
	rc := s.Reader()
	defer rc.Close()
	m, _ := io.Copy(io.Discard, io.LimitReader(rc, int64(limit)+1))
	return int(m)
}

// storedBytes measures the content streams of a page as stored in raw (see
// streamStored), and counts those the fast reader reads as empty while they hold
// bytes: a Length of 0 or an indirect Length it cannot resolve make it see an empty
// stream where the file holds the page's text. unresolved reports an element of a
// contents array that is not a stream. With all set, every stream is measured;
// otherwise only those of Length 0 (the others are what they say).
func storedBytes(contents pdf.Value, raw []byte, all bool) (n, lost int, unresolved bool) {
	if contents.IsNull() {
		return 0, 0, false
	}
	streams := []pdf.Value{contents}
	if contents.Kind() == pdf.Array {
		streams = streams[:0]
		for i := 0; i < contents.Len(); i++ {
			streams = append(streams, contents.Index(i))
		}
	}
	for _, s := range streams {
		if s.Kind() != pdf.Stream {
			unresolved = true
			continue
		}
		empty := s.Key("Length").Int64() == 0
		if !all && !empty {
			continue
		}
		stored := streamStored(s, raw)
		n += stored
		if empty && stored > 0 {
			lost++
		}
	}
	return n, lost, unresolved
}

// streamStored returns the bytes of a stream as stored in raw, from the offset where
// its data starts to its "endstream", white space trimmed, whatever its Length says.
func streamStored(s pdf.Value, raw []byte) int {
	// A stream value prints as its dictionary, "@", the offset of its data.
	desc := s.String()
	off, err := strconv.Atoi(desc[strings.LastIndexByte(desc, '@')+1:])
	if err != nil || off < 0 || off >= len(raw) {
		return 0
	}
	data := raw[off:min(len(raw), off+maxContentBytes)]
	if end := bytes.Index(data, []byte("endstream")); end >= 0 {
		data = data[:end]
	}
	return len(bytes.TrimSpace(data))
}

// maxContentBytes bounds the bytes of a stream searched for its end by streamStored.
const maxContentBytes = 32 << 20

// countShowOps counts the Tj and TJ operators in the decoded bytes of a page's content
// streams by a plain scan, independent of the content parser: a string, hex string or
// array closing, optional white space, then the operator. It decodes at most limit+1
// bytes and returns their number: more than limit means the streams are larger.
func countShowOps(contents pdf.Value, limit int) (n, size int) {
	defer func() { recover() }()
	var streams []pdf.Value
	if contents.Kind() == pdf.Array {
		for i := 0; i < contents.Len(); i++ {
			streams = append(streams, contents.Index(i))
		}
	} else if !contents.IsNull() {
		streams = append(streams, contents)
	}
	for _, s := range streams {
		rc := s.Reader()
		b, _ := io.ReadAll(io.LimitReader(rc, int64(limit-size+1)))
		rc.Close()
		size += len(b)
		for i := 0; i+1 < len(b); i++ {
			if b[i] != 'T' || (b[i+1] != 'j' && b[i+1] != 'J') {
				continue
			}
			if i+2 < len(b) && !isDelimOrSpace(b[i+2]) {
				continue
			}
			j := i - 1
			for j >= 0 && isPDFSpace(b[j]) {
				j--
			}
			if j >= 0 && (b[j] == ')' || b[j] == '>' || b[j] == ']') {
				n++
			}
		}
		if size > limit {
			return n, size
		}
	}
	return n, size
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelimOrSpace(c byte) bool {
	return isPDFSpace(c) || strings.IndexByte("()<>[]{}/%", c) >= 0
}

// RepairLineBreaks joins words that the fast reader cut with line breaks ("2 d\né\ncembre"
// → "2 décembre"), where that is safe: the pieces, joined, make a French word, at
// least one of them is not a word, and the piece after the break starts with a lower-
// case letter. Up to four pieces are joined; pieces in between must be whole lines of
// letters. It returns the text and the number of joins made.
func RepairLineBreaks(s string) (string, int) {
	if !strings.Contains(s, "\n") {
		return s, 0
	}
	lines := strings.Split(s, "\n")
	ws := lex.French()
	joins := 0
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		cur := lines[i]
		for i+1 < len(lines) {
			head := trailingLetters(cur)
			if head == "" {
				break
			}
			m := joinAhead(ws, head, lines[i+1:])
			if m == 0 {
				break
			}
			for k := 1; k <= m; k++ {
				cur += lines[i+k]
			}
			joins += m
			i += m
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n"), joins
}

// joinAhead returns how many of the next lines join onto head to make a word, or 0.
func joinAhead(ws *lex.WordList, head string, next []string) int {
	word := head
	allWords := len([]rune(head)) > 1 && ws.Has(text.Fold(head))
	for m := 1; m <= 3 && m <= len(next); m++ {
		line := next[m-1]
		lead := leadingLetters(line)
		if lead == "" {
			return 0
		}
		if r, _ := utf8.DecodeRuneInString(lead); !unicode.IsLower(r) {
			return 0
		}
		word += lead
		if len([]rune(lead)) < 2 || !ws.Has(text.Fold(lead)) {
			allWords = false
		}
		if !allWords && ws.Has(text.Fold(word)) {
			return m
		}
		if lead != line {
			// The line goes on after its first word: nothing further can join.
			return 0
		}
	}
	return 0
}

func trailingLetters(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return s[i:]
}

func leadingLetters(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return s[:i]
}

// gluedTokens counts the alphanumeric tokens of a text and those among them that run
// letters, then digits, then letters, or are longer than 30 characters: word glued to
// numbers and words, which French text does not write.
func gluedTokens(text string) (glued, tokens int) {
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		tokens++
		if utf8.RuneCountInString(tok) > 30 {
			glued++
			continue
		}
		// States: 0 start, 1 letters, 2 digits after letters, 3 letters after those.
		state := 0
		for _, r := range tok {
			isL := unicode.IsLetter(r)
			switch {
			case state <= 1 && isL:
				state = 1
			case state == 1 && !isL:
				state = 2
			case state == 2 && isL:
				state = 3
			}
		}
		if state == 3 {
			glued++
		}
	}
	return glued, tokens
}
