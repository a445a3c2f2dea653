// Package pdfbytes writes small PDFs byte by byte, with a correct cross-reference
// table, for tests that need PDFs no generator writes: page-tree bombs and cycles,
// content streams in filters the fast reader does not decode, truncated and
// encrypted files.
package pdfbytes

import (
	"bytes"
	"fmt"
	"strings"
)

// Build returns a PDF whose object n (1-based) has the body objs[n-1] ("<< … >>",
// or a dictionary followed by "stream … endstream"), with trailer entries extra
// ("/Root 1 0 R" is added when extra does not name a Root).
func Build(extra string, objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	if !strings.Contains(extra, "/Root") {
		extra = "/Root 1 0 R " + extra
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, extra, xref)
	return b.Bytes()
}

// Stream returns the body of a stream object holding data, with the dictionary
// entries dict ("/Filter /ASCIIHexDecode") besides its Length.
func Stream(dict string, data []byte) string {
	return fmt.Sprintf("<< /Length %d %s >>\nstream\n%s\nendstream", len(data), dict, data)
}

// Font is a Type 1 standard font dictionary with WinAnsiEncoding, for content
// streams that show Latin-1 text.
const Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"

// TextContent returns a content stream showing each line of text (in Windows-1252
// bytes: ASCII, or escaped octal for accents) in Helvetica /F1, one line under the other.
func TextContent(lines ...string) []byte {
	var b bytes.Buffer
	b.WriteString("BT /F1 11 Tf 14 TL 56 780 Td\n")
	for _, l := range lines {
		fmt.Fprintf(&b, "(%s) Tj T*\n", escape(l))
	}
	b.WriteString("ET")
	return b.Bytes()
}

// escape writes s as the bytes of a PDF literal string in WinAnsiEncoding.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\%03o", r)
		case r == '€':
			b.WriteString("\\200")
		case r == 'œ':
			b.WriteString("\\234")
		case r == '’':
			b.WriteString("\\222")
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// Pages returns the objects of a document of n pages sharing one font: object 1 the
// catalog, 2 the page tree, 3 the font, then each page and its content stream.
func Pages(contents ...[]byte) []string {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "", Font}
	var kids []string
	for _, c := range contents {
		page := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		objs = append(objs,
			fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", page+1),
			Stream("", c))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(contents))
	return objs
}
