// Package pdfbytes writes small PDFs byte by byte, with a correct cross-reference
// table, for tests that need PDFs no generator writes: page-tree bombs and cycles,
// content streams in filters the fast reader does not decode, truncated and
// encrypted files.
package pdfbytes

import (
	"bytes"
	"crypto/md5"
	"crypto/rc4"
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

// padding is the password padding of the standard security handler.
var padding = []byte("\x28\xBF\x4E\x5E\x4E\x75\x8A\x41\x64\x00\x4E\x56\xFF\xFA\x01\x08\x2E\x2E\x00\xB6\xD0\x68\x3E\x80\x2F\x0C\xA9\xFE\x64\x53\x69\x7A")

// BuildEncrypted is Build with the objects' streams encrypted by the standard
// security handler, revision 2 (RC4, 40 bits), with the user password user: a
// reader opens it without asking when user is "". Strings outside streams are not
// encrypted: the objects must have none.
func BuildEncrypted(user, owner string, objs ...string) []byte {
	pad := func(pw string) []byte { return append([]byte(pw), padding...)[:32] }
	id := []byte("terril-test-id-0")
	ok := md5.Sum(pad(owner))
	o := rc4Crypt(ok[:5], pad(user))
	h := md5.New()
	h.Write(pad(user))
	h.Write(o)
	h.Write([]byte{0xD4, 0xFF, 0xFF, 0xFF}) // P = -44: printing allowed, little else
	h.Write(id)
	key := h.Sum(nil)[:5]
	u := rc4Crypt(key, padding)
	enc := make([]string, len(objs))
	for i, obj := range objs {
		start := strings.Index(obj, "stream\n")
		end := strings.LastIndex(obj, "\nendstream")
		if start < 0 || end < start {
			enc[i] = obj
			continue
		}
		start += len("stream\n")
		n := i + 1
		oh := md5.Sum(append(append([]byte{}, key...), byte(n), byte(n>>8), byte(n>>16), 0, 0))
		enc[i] = obj[:start] + string(rc4Crypt(oh[:10], []byte(obj[start:end]))) + obj[end:]
	}
	enc = append(enc, fmt.Sprintf("<< /Filter /Standard /V 1 /R 2 /O <%x> /U <%x> /P -44 >>", o, u))
	return Build(fmt.Sprintf("/Encrypt %d 0 R /ID [<%x> <%x>]", len(enc), id, id), enc...)
}

func rc4Crypt(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		panic(err)
	}
	out := make([]byte, len(data))
	c.XORKeyStream(out, data)
	return out
}
