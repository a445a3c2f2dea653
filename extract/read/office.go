package read

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"terril/extract/text"
)

// MIME types of the word-processing formats Read takes.
const (
	MimeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	MimeODT  = "application/vnd.oasis.opendocument.text"
)

// Bounds of the office readers: a zip entry can inflate a thousandfold (a zip
// bomb), so what is read of each entry, and of all of them, is capped whatever
// its header claims. A council's longest DOCX is a few MiB of XML.
const (
	officeMaxEntry = 64 << 20  // uncompressed bytes read of one entry
	officeMaxTotal = 128 << 20 // uncompressed bytes read of one document
)

// officeFormat is what tells DOCX and ODT apart: the entries holding the body and
// the metadata, and the XML elements of paragraphs, headings and tables.
type officeFormat struct {
	name, mime  string
	body, meta  string
	para        map[string]bool // elements that are paragraphs
	skip        map[string]bool // elements whose content is not the document's text
	table, row  string
	cell        string
	text        string // the element of text runs ("" : all character data in a paragraph)
	breaks      map[string]string
	headingAttr func(name string, attrs []xml.Attr) bool
}

var docxFormat = &officeFormat{
	name: "DOCX", mime: MimeDOCX,
	body: "word/document.xml", meta: "docProps/core.xml",
	para: map[string]bool{"p": true},
	// Deleted revisions are delText, field codes instrText, neither is "t"; the
	// fallback of an alternate content repeats its choice (a text box drawn twice).
	skip:  map[string]bool{"Fallback": true},
	table: "tbl", row: "tr", cell: "tc",
	text:   "t",
	breaks: map[string]string{"tab": " ", "br": "\n", "cr": "\n", "noBreakHyphen": "-"},
	headingAttr: func(name string, attrs []xml.Attr) bool {
		// <w:pStyle w:val="Titre1"/>, or an outline level in the paragraph's properties.
		switch name {
		case "pStyle":
			v := strings.ToLower(attr(attrs, "val"))
			return strings.HasPrefix(v, "heading") || strings.HasPrefix(v, "titre") || strings.HasPrefix(v, "title")
		case "outlineLvl":
			return true
		}
		return false
	},
}

var odtFormat = &officeFormat{
	name: "ODT", mime: MimeODT,
	body: "content.xml", meta: "meta.xml",
	para: map[string]bool{"p": true, "h": true},
	// Notes would cut their paragraph in two; annotations are comments; tracked
	// changes hold deleted text.
	skip:  map[string]bool{"note": true, "annotation": true, "tracked-changes": true, "automatic-styles": true, "font-face-decls": true},
	table: "table", row: "table-row", cell: "table-cell",
	breaks: map[string]string{"tab": " ", "line-break": "\n"},
	headingAttr: func(name string, attrs []xml.Attr) bool {
		if name == "h" {
			return true
		}
		if name == "p" {
			v := strings.ToLower(attr(attrs, "style-name"))
			return v == "title" || v == "titre" || strings.HasPrefix(v, "heading") || strings.HasPrefix(v, "titre_20_")
		}
		return false
	},
}

// sniffOffice returns MimeDOCX or MimeODT when the Content-Type, the extension or
// the bytes say so, else "". An ODT's first entry is its MIME type, uncompressed;
// a DOCX is told from other zips (XLSX, PPTX) by its extension or Content-Type.
func sniffOffice(ct, ext string, data []byte) string {
	switch {
	case ct == MimeDOCX || ext == ".docx":
		return MimeDOCX
	case ct == MimeODT || ext == ".odt":
		return MimeODT
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return ""
	case len(data) > 38 && bytes.HasPrefix(data[30:], []byte("mimetype"+MimeODT)):
		return MimeODT
	case bytes.Contains(data[:min(len(data), 4096)], []byte("word/")):
		return MimeDOCX
	}
	return ""
}

func attr(attrs []xml.Attr, local string) string {
	for _, a := range attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func readDOCX(data []byte) (*Result, error) { return readOffice(docxFormat, data) }
func readODT(data []byte) (*Result, error)  { return readOffice(odtFormat, data) }

// readOffice reads the body of a DOCX or ODT into text: a paragraph or heading a
// block, a table row a line with its cells separated by " | ". The title is the
// metadata's when it reads as one, else the first heading, else the first line.
func readOffice(f *officeFormat, data []byte) (*Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")) {
			return nil, fmt.Errorf("malformed %s: an OLE2 file (a password-protected document, or an old .doc saved under this name)", f.name)
		}
		return nil, fmt.Errorf("malformed %s: not a zip archive: %w", f.name, err)
	}
	budget := int64(officeMaxTotal)
	bodyXML, err := zipEntry(zr, f.body, &budget)
	if err != nil {
		return nil, fmt.Errorf("malformed %s: %w", f.name, err)
	}
	res := &Result{ContentType: f.mime}
	body, heading, err := officeText(f, bodyXML)
	if err != nil {
		if strings.TrimSpace(body) == "" {
			return nil, fmt.Errorf("malformed %s: %s: %w", f.name, f.body, err)
		}
		res.Problems.Add(-1, "%s %s: %v: the text read up to there is kept", f.name, f.body, err)
	}
	res.Text = text.Normalize(body)
	if strings.TrimSpace(res.Text) == "" {
		res.Problems.Add(-1, "no text in the %s", f.name)
	}
	var meta string
	if m, err := zipEntry(zr, f.meta, &budget); err == nil {
		meta = metaTitle(m)
	}
	res.Title = officeTitle(meta, heading, res.Text)
	return res, nil
}

// officeTitle chooses the title of a document: its metadata title when it reads as
// a title, else its first heading, else its first line.
func officeTitle(meta, heading, body string) string {
	if t := cleanSpace(meta); LooksLikeTitle(t) {
		return truncate(text.Normalize(t), 300)
	}
	if t := cleanSpace(heading); t != "" {
		return titleCut(text.Normalize(t))
	}
	return firstLine(body)
}

func cleanSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// zipEntry returns the uncompressed bytes of the entry name, within the budget
// left and officeMaxEntry, whatever the entry's header says.
func zipEntry(zr *zip.Reader, name string, budget *int64) ([]byte, error) {
	for _, e := range zr.File {
		if e.Name != name {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer rc.Close()
		limit := min(int64(officeMaxEntry), *budget)
		b, err := io.ReadAll(io.LimitReader(rc, limit+1))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if int64(len(b)) > limit {
			return nil, fmt.Errorf("%s: more than %d MiB uncompressed (a zip bomb?)", name, limit>>20)
		}
		*budget -= int64(len(b))
		return b, nil
	}
	return nil, fmt.Errorf("no %s in the archive", name)
}

// metaTitle returns the dc:title of a core.xml or meta.xml, or "".
func metaTitle(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	in := false
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return b.String()
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.CharData:
			if in {
				b.Write(t)
			}
		case xml.EndElement:
			if in {
				return b.String()
			}
		}
	}
}

// officeWriter accumulates the text of an office body.
type officeWriter struct {
	b       strings.Builder
	para    int   // depth of open paragraphs
	cells   []int // per open table, cells written in the current row
	heading bool  // the open paragraph is a heading
	start   int   // where the open paragraph began in b
	first   string
}

// officeText streams the body XML into text; heading is the first heading's text.
// On a syntax error it returns the text read so far with the error.
func officeText(f *officeFormat, body []byte) (text, heading string, err error) {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	w := &officeWriter{}
	inText := f.text == ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return w.b.String(), w.first, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			switch {
			case f.skip[name]:
				if err := d.Skip(); err != nil {
					return w.b.String(), w.first, err
				}
			case f.para[name]:
				w.openPara(f.headingAttr(name, t.Attr))
			case w.para > 0 && f.headingAttr(name, t.Attr):
				w.heading = true
			case name == f.text:
				inText = true
			case name == f.table:
				w.cells = append(w.cells, 0)
				w.b.WriteString("\n\n")
			case name == f.cell && len(w.cells) > 0:
				if w.cells[len(w.cells)-1] > 0 {
					w.b.WriteString(" | ")
				}
				w.cells[len(w.cells)-1]++
			case name == "s" && f == odtFormat:
				n, _ := strconv.Atoi(attr(t.Attr, "c"))
				w.b.WriteString(strings.Repeat(" ", min(max(n, 1), 100)))
			case f.breaks[name] != "" && w.para > 0:
				w.b.WriteString(f.breaks[name])
			}
		case xml.CharData:
			if w.para > 0 && inText {
				w.b.Write(t)
			}
		case xml.EndElement:
			name := t.Name.Local
			switch {
			case f.para[name]:
				w.closePara()
			case name == f.text && f.text != "":
				inText = false
			case name == f.row && len(w.cells) > 0:
				w.cells[len(w.cells)-1] = 0
				w.b.WriteString("\n")
			case name == f.table && len(w.cells) > 0:
				w.cells = w.cells[:len(w.cells)-1]
				w.b.WriteString("\n\n")
			}
		}
	}
	return w.b.String(), w.first, nil
}

func (w *officeWriter) openPara(heading bool) {
	w.para++
	if w.para == 1 {
		w.heading = heading
		w.start = w.b.Len()
	}
}

// closePara ends a paragraph: a block of its own, or, in a table cell, text
// separated from the cell's next paragraph by a space.
func (w *officeWriter) closePara() {
	if w.para == 0 {
		return
	}
	w.para--
	if w.para > 0 {
		return
	}
	if w.heading && w.first == "" {
		w.first = strings.TrimSpace(w.b.String()[w.start:])
	}
	if len(w.cells) > 0 {
		w.b.WriteByte(' ')
		return
	}
	w.b.WriteString("\n\n")
}
