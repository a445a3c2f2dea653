package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"

	"terril/corpus"
	"terril/extract"
	"terril/extract/read"
	"terril/extract/recueil"
)

// A ReadFunc turns raw bytes into normalised text. read.Read is the default; a PDF
// reader with fallbacks (PDFium, OCR) can take its place for PDFs.
type ReadFunc func(ctx context.Context, name, contentType string, data []byte) (*read.Result, error)

// DefaultRead is read.Read with the signature of a ReadFunc.
func DefaultRead(_ context.Context, name, contentType string, data []byte) (*read.Result, error) {
	return read.Read(name, contentType, data)
}

// Processor reads and extracts one document at a time. It is safe for concurrent use.
type Processor struct {
	Read      ReadFunc           // nil means DefaultRead
	Extractor *extract.Extractor // nil means no extraction beyond title and text
	// MaxText caps the text of a document in bytes: the rest is neither extracted
	// nor indexed, and a problem says so. 0 means DefaultMaxText, negative no cap.
	MaxText int
	// Reread, when set, gives a recueil's OCR'd signature pages a second reading
	// (pdfread.Reader.BlockRereader; see recueil.Reread).
	Reread func(ctx context.Context, data []byte, pages []corpus.Page) func(n int) (string, bool)
}

// Input is one raw document to process.
type Input struct {
	ID          string // stable ID; empty means derived from URL (see IDFor)
	Source      string // name of the source
	URL         string // URL or local path
	ContentType string // HTTP Content-Type, if any
	Data        []byte
	Size        int64 // size of the whole file when Data is only its beginning; 0 means len(Data)
	Err         error // set by a producer that could not get the bytes: recorded as a failure
}

// Process reads and extracts one document. The error names the document. When ctx
// ends first, Process returns its error at once: reading and extraction do not
// all watch it (a huge text without a cap takes minutes), so they finish in the
// background and their result is dropped.
func (p *Processor) Process(ctx context.Context, in Input) (*corpus.Document, error) {
	if ctx.Done() == nil {
		return p.process(ctx, in)
	}
	type result struct {
		doc *corpus.Document
		err error
	}
	c := make(chan result, 1)
	go func() {
		doc, err := p.process(ctx, in)
		c <- result{doc, err}
	}()
	select {
	case r := <-c:
		return r.doc, r.err
	case <-ctx.Done():
		return nil, fmt.Errorf("%s: %w", in.URL, ctx.Err())
	}
}

func (p *Processor) process(ctx context.Context, in Input) (doc *corpus.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: panic: %v", in.URL, r)
		}
	}()
	if in.Err != nil {
		return nil, in.Err
	}
	read := p.Read
	if read == nil {
		read = DefaultRead
	}
	sum := sha256.Sum256(in.Data)
	res, err := read(ctx, in.URL, in.ContentType, in.Data)
	if err != nil {
		return nil, err
	}
	id := in.ID
	if id == "" {
		id = IDFor(in.URL)
	}
	size := int64(len(in.Data))
	if in.Size > size {
		size = in.Size
	}
	text, cut := capText(res.Text, maxText(p.MaxText))
	if cut || size > int64(len(in.Data)) {
		// Reported first: the most important thing to know about the document.
		res.Problems = append(extract.Problems{{Pos: -1, Msg: fmt.Sprintf("%s: %s of text indexed, the beginning of a file of %s (cap %s, --max-text)",
			truncatedMsg, mb(int64(len(text))), mb(size), mb(int64(maxText(p.MaxText))))}}, res.Problems...)
	}
	doc = &corpus.Document{
		ID:          id,
		Source:      in.Source,
		URL:         in.URL,
		ContentType: res.ContentType,
		SHA256:      hex.EncodeToString(sum[:]),
		Size:        size,
		Title:       res.Title,
		Text:        text,
		Pages:       res.Pages,
		Problems:    res.Problems.Strings(),
	}
	if p.Extractor != nil {
		probs := p.Extractor.Extract(doc)
		doc.Problems = append(doc.Problems, probs.Strings()...)
	}
	if !cut {
		p.splitActs(ctx, doc, in.Data)
	}
	return doc, nil
}

// splitActs gives a recueil des actes its acts (doc.Acts), each a document of its
// own (see recueil.Recueil.Documents). The parent keeps its whole text and facts
// (terril extract prints them); the index leaves them to the acts.
func (p *Processor) splitActs(ctx context.Context, doc *corpus.Document, data []byte) {
	if doc.ContentType != "application/pdf" || len(doc.Pages) < 2 {
		return
	}
	pages, err := recueil.PageTexts(doc.Text, doc.Pages)
	if err != nil {
		return
	}
	r := recueil.Split(pages)
	if r == nil {
		return
	}
	if p.Reread != nil {
		r, _ = recueil.Reread(pages, r, p.Reread(ctx, data, doc.Pages))
	}
	doc.Acts = r.Documents(doc, p.Extractor)
}

// IDFor returns the stable ID of a document when its producer gave none: for a
// local file, its name without extension (the id of the evaluation format, which
// "terril extract" prints; Files gives ingested files a unique ID instead); for a
// URL, the last path element without extension followed by a short hash of the
// whole URL, so that two "index.html" of different sites differ.
func IDFor(url string) string {
	if !strings.Contains(url, "://") {
		base := filepath.Base(url)
		return strings.TrimSuffix(base, filepath.Ext(base))
	}
	sum := sha256.Sum256([]byte(url))
	u := strings.TrimRight(strings.SplitN(strings.SplitN(url, "?", 2)[0], "#", 2)[0], "/")
	base := u[strings.LastIndex(u, "/")+1:]
	base = strings.TrimSuffix(base, filepath.Ext(base))
	if strings.Contains(base, ":") || base == "" {
		base = "doc"
	}
	if len(base) > 60 {
		base = base[:60]
	}
	return base + "_" + hex.EncodeToString(sum[:6])
}
