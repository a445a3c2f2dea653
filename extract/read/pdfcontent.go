package read

import (
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ledongthuc/pdf"

	"terril/corpus"
)

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
