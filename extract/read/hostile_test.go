package read

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"terril/extract/internal/pdfbytes"
)

// hostileDir, when set, is where TestHostileCorpus writes its inputs, to measure
// them with "terril extract" (the README's table of hostile inputs).
var hostileDir = flag.String("hostile", "", "write the hostile inputs to `dir`")

// A hostileInput is a file no reader should choke on, and what Read makes of it.
type hostileInput struct {
	name string
	data func() []byte
	err  string // a word of the error, or "" when the file reads
	text string // text the result holds (when it reads)
}

func hostileInputs(tb testing.TB) []hostileInput {
	plain := readFixture(tb, "plain.pdf")
	onePage := pdfbytes.Pages(pdfbytes.TextContent(hostileLines...))
	sentence := "Le syndicat mixte a décidé le 5 juin 2024 d'attribuer 2 000 € à la commune de Béthune. "
	return []hostileInput{
		{"truncated.pdf", func() []byte { return plain[:len(plain)*6/10] }, "%%EOF", ""},
		// ledongthuc/pdf decrypts 40-bit RC4 with a 16-byte key and reads nothing;
		// the gate sends the page to PDFium (package pdfread), which reads it.
		{"encrypted-nopassword.pdf", func() []byte { return pdfbytes.BuildEncrypted("", "proprio", onePage...) }, "no text", ""},
		{"encrypted-password.pdf", func() []byte { return pdfbytes.BuildEncrypted("secret", "proprio", onePage...) }, "password", ""},
		{"pagetree-bomb.pdf", func() []byte { return pageTreeBomb(50000) }, "", "48 500 euros"},
		{"pagetree-cycle.pdf", pageTreeCycle, "", "gymnase"},
		{"content-length0.pdf", undecodablePages["length0"], "no text", ""},
		{"content-bomb.pdf", func() []byte { return contentBomb(64 << 20) }, "", "gymnase"},
		{"form-bomb.pdf", func() []byte { return formBomb(4<<20, 1000) }, "content too large", ""},
		{"deep-600.html", func() []byte { return nestedHTML(600) }, "", frenchPara},
		{"deep-100000.html", func() []byte { return nestedHTML(100000) }, "", frenchPara},
		{"binary.txt", func() []byte { return pseudoRandom(1 << 16) }, "binary", ""},
		{"binary.html", func() []byte { return pseudoRandom(1 << 16) }, "binary", ""},
		{"gzip.txt", func() []byte { return gzipped(strings.Repeat(sentence, 2000)) }, "binary", ""},
		{"huge-line.txt", func() []byte { return []byte(strings.Repeat(sentence, 50000)) }, "", "commune de Béthune"},
		{"mixed-encodings.txt", func() []byte {
			return []byte(strings.Repeat(sentence+"\n", 20) + cp1252("Séance levée à 19 h, « ordre du jour » épuisé.") + "\n" + sentence)
		}, "", "Séance levée à 19 h, « ordre du jour » épuisé."},
		{"utf16.txt", func() []byte { return []byte("\xFF\xFE" + utf16le(sentence)) }, "", "commune de Béthune"},
	}
}

// TestHostileCorpus reads each hostile input: it fails with an error naming the
// file and the reason, or reads its text; never a panic, in bounded time.
func TestHostileCorpus(t *testing.T) {
	for _, in := range hostileInputs(t) {
		data := in.data()
		if *hostileDir != "" {
			if err := os.MkdirAll(*hostileDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(*hostileDir, in.name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t0 := time.Now()
		res, err := Read(in.name, "", data)
		if took := time.Since(t0); took > 30*time.Second {
			t.Errorf("%s: took %v", in.name, took)
		}
		if in.err != "" {
			if err == nil || !strings.Contains(err.Error(), in.name) || !strings.Contains(err.Error(), in.err) {
				t.Errorf("%s: error %v, want one naming the file and %q", in.name, err, in.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", in.name, err)
			continue
		}
		if !strings.Contains(res.Text, in.text) {
			t.Errorf("%s: text lacks %q: %.200q", in.name, in.text, res.Text)
		}
		if len(res.Title) > 400 {
			t.Errorf("%s: title of %d bytes", in.name, len(res.Title))
		}
	}
}

// pseudoRandom returns n bytes of xorshift noise: a compressed or encrypted file.
func pseudoRandom(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}
