package read

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"terril/extract/text"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// frenchPara is the real text the hostile HTML pages wrap.
const frenchPara = "Le conseil communautaire du 3 avril 2025 a voté une subvention de 7 800 € à l'œuvre « Les Amis du théâtre »."

// nestedHTML wraps frenchPara in depth nested divs, with a heading before them.
func nestedHTML(depth int) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Séance publique</title></head><body><h1>Séance publique du conseil</h1>")
	b.WriteString(strings.Repeat("<div>", depth))
	b.WriteString("<p>" + frenchPara + "</p>")
	b.WriteString(strings.Repeat("</div>", depth))
	b.WriteString("<p>Fin du compte rendu.</p></body></html>")
	return b.Bytes()
}

func TestReadHTMLDeepNesting(t *testing.T) {
	for _, depth := range []int{600, 100000} {
		t0 := time.Now()
		res, err := Read("profond.html", "", nestedHTML(depth))
		took := time.Since(t0)
		if err != nil {
			t.Errorf("depth %d: %v", depth, err)
			continue
		}
		if took > 20*time.Second {
			t.Errorf("depth %d: took %v", depth, took)
		}
		for _, want := range []string{frenchPara, "Fin du compte rendu."} {
			if !strings.Contains(res.Text, want) {
				t.Errorf("depth %d: text lacks %q: %.200q", depth, want, res.Text)
			}
		}
		if res.Title != "Séance publique du conseil" {
			t.Errorf("depth %d: title %q", depth, res.Title)
		}
		if len(res.Problems) == 0 {
			t.Errorf("depth %d: the flattening is not named in the problems", depth)
		}
	}
}

func cp1252(s string) string {
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestDecodeText: UTF-8 with a stray byte stays UTF-8; Windows-1252 and ISO-8859-15
// files read as such.
func TestDecodeText(t *testing.T) {
	const fr = "L'œuvre « Été » coûte 1 200 € à la Région."
	iso15, _ := charmap.ISO8859_15.NewEncoder().String(fr)
	tests := []struct {
		name, data, contentType, want string
		problem                       bool
	}{
		{"utf-8", fr, "", fr, false},
		{"utf-8 BOM", "\xEF\xBB\xBF" + fr, "", fr, false},
		{"windows-1252", cp1252(fr), "", fr, true},
		{"windows-1252 declared", cp1252(fr), "text/plain; charset=windows-1252", fr, false},
		{"iso-8859-15 declared", iso15, "text/plain; charset=iso-8859-15", fr, false},
		// One byte of Windows-1252 in a UTF-8 file: the rest stays UTF-8, the byte
		// reads as Windows-1252.
		{"utf-8, one stray byte", fr + " Déjà " + cp1252("réglé") + ".", "", fr + " Déjà réglé.", true},
		{"utf-8, stray byte first", cp1252("é") + " " + fr + " " + fr, "", "é " + fr + " " + fr, true},
		// A byte that is nothing in Windows-1252 reads as U+FFFD.
		{"utf-8, undefined byte", fr + "\x81", "", fr + "\uFFFD", true},
		{"utf-16le BOM", "\xFF\xFE" + utf16le("Arrêté n° 5 — « Œuvres »"), "", "Arrêté n° 5 — « Œuvres »", false},
		{"utf-16be BOM", "\xFE\xFF" + utf16be("Cœur de ville : 3 000 €"), "", "Cœur de ville : 3 000 €", false},
		{"iso-8859-1 declared", "\xAB \xC9t\xE9 \xBB \xE0 Vend\xF4me", "text/plain; charset=ISO-8859-1", "« Été » à Vendôme", false},
		// Only œ, € and the quotes are outside Latin-1: still Windows-1252.
		{"windows-1252, few accents", cp1252("Le « vœu » : 5 €"), "", "Le « vœu » : 5 €", true},
		// A leftover Latin-1 declaration over UTF-8 bytes.
		{"utf-8 declared iso-8859-1", fr, "text/plain; charset=iso-8859-1", fr, true},
	}
	for _, tt := range tests {
		var p text.Problems
		got, err := decodeText([]byte(tt.data), tt.contentType, &p)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if (len(p) > 0) != tt.problem {
			t.Errorf("%s: problems %v", tt.name, p)
		}
	}
}

func utf16be(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return string(b)
}

func utf16le(s string) string {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// TestReadBinary: binary bytes named .txt or .html fail with the file and the
// reason; text with a few control characters does not.
func TestReadBinary(t *testing.T) {
	random := make([]byte, 4096)
	x := uint32(2463534242)
	for i := range random {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		random[i] = byte(x)
	}
	elf := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"), bytes.Repeat([]byte("\x00\x00\x3e\x00\x01\x00\x00\x00"), 200)...)
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"compte-rendu.txt", random},
		{"page.html", random},
		{"outil.txt", elf},
		{"zero.html", append([]byte("<html><body><p>Arrêté</p>"), make([]byte, 3000)...)},
	} {
		res, err := Read(tt.name, "", tt.data)
		if err == nil {
			t.Errorf("%s: read %.100q", tt.name, res.Text)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tt.name) || !strings.Contains(msg, "binary") {
			t.Errorf("%s: error %q names neither the file nor the reason", tt.name, msg)
		}
	}
	text := strings.Repeat(frenchPara+"\n", 50) + "\x0c" + frenchPara + "\x1b\n"
	for _, name := range []string{"texte.txt", "texte.html"} {
		if res, err := Read(name, "", []byte(text)); err != nil || !strings.Contains(res.Text, "« Les Amis du théâtre »") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestReadHTMLCharset: the charset an HTML page declares, else UTF-8 even with a
// stray byte, else Windows-1252.
func TestReadHTMLCharset(t *testing.T) {
	page := func(meta, body string) []byte {
		return []byte("<html><head>" + meta + "<title>t</title></head><body><p>" + body + "</p></body></html>")
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"utf-8", page("", frenchPara)},
		{"utf-8 meta", page(`<meta charset="utf-8">`, frenchPara)},
		{"windows-1252", page("", cp1252(frenchPara))},
		{"windows-1252 meta", page(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, cp1252(frenchPara))},
		{"utf-8, one stray byte", page("", cp1252("Été")+" "+frenchPara)},
		// The parser's own guess looks at the first 1024 bytes only.
		{"utf-8 after 1 KB of ASCII", page("<script>"+strings.Repeat("var x = 1;\n", 120)+"</script>", frenchPara)},
		{"utf-8 under a leftover iso-8859-1 meta", page(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`, frenchPara)},
	} {
		res, err := Read("p.html", "", tt.data)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !strings.Contains(res.Text, frenchPara) {
			t.Errorf("%s: %q", tt.name, res.Text)
		}
	}
}

// FuzzHTMLAndText runs the HTML and text readers, without Read's recover: no panic,
// and the text is valid UTF-8.
func FuzzHTMLAndText(f *testing.F) {
	f.Add([]byte("<html><head><meta charset=latin1><title>Séance | Ville</title></head><body><nav>Menu</nav><main><h1>Délibération</h1><p>Le 2 mai, 300 €.</p></main></body></html>"), true)
	f.Add([]byte("<div><div><table><tr><td>a<td>b</table><ul><li>é\xe9</ul></div>"), true)
	f.Add([]byte("\xFF\xFEA\x00r\x00r\x00\xEA\x00t\x00\xE9\x00"), false)
	f.Add([]byte("Arr\xeat\xe9 du 2 mai\n\nLe maire\x0c"), false)
	f.Fuzz(func(t *testing.T, data []byte, isHTML bool) {
		var res *Result
		var err error
		if isHTML {
			res, err = readHTML(data, "")
		} else {
			res, err = readPlain(data, "")
		}
		if err != nil {
			return
		}
		if !utf8.ValidString(res.Text) || !utf8.ValidString(res.Title) {
			t.Errorf("not UTF-8: %q, %q", res.Title, res.Text)
		}
	})
}

// BenchmarkRead measures the HTML and text readers over the sample corpus's files
// (decoding, the binary check, parsing, Normalize); MB/s is of the files' bytes.
func BenchmarkRead(b *testing.B) { benchRead(b, "../../corpus/sample/docs/*") }

// TestBinaryContentPositions: a control character is found wherever it falls in
// binaryContent's blocks of eight bytes.
func TestBinaryContentPositions(t *testing.T) {
	base := strings.Repeat("Arrêté n°5.", 4) // 52 bytes, so one control is 1.9 %
	for _, ctrl := range []string{"\x00", "\x1b", "\x7f", "\u0085"} {
		for i := 0; i <= len(base); i++ {
			if !utf8.ValidString(base[:i]) {
				continue
			}
			if s := base[:i] + ctrl + base[i:]; binaryContent(s) == "" {
				t.Errorf("%q at %d not found", ctrl, i)
			}
		}
	}
	if why := binaryContent(base + "\t\n\r\f\v" + base); why != "" {
		t.Errorf("white space: %s", why)
	}
	if n := testing.AllocsPerRun(10, func() { binaryContent(base) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

// TestFlattenHTML: flattening counts depth as the parser does for elements whose end
// tag is implied, and never shows a script's code as text.
func TestFlattenHTML(t *testing.T) {
	items := "<ul>" + strings.Repeat("<li>point", 600) + "</ul>" + strings.Repeat("<p>alinéa", 600)
	if _, n := flattenHTML(items, 256); n != 0 {
		t.Errorf("%d list items or paragraphs unwrapped", n)
	}
	deep := strings.Repeat("<div>", 700) + "<script>var secret = 1;</script><style>p{}</style><p>Texte du conseil</p>" + strings.Repeat("</div>", 700)
	res, err := Read("x.html", "", []byte("<html><body>"+deep+"</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Text, "secret") || strings.Contains(res.Text, "p{}") || !strings.Contains(res.Text, "Texte du conseil") {
		t.Errorf("text %q", res.Text)
	}
}

func TestWriteFieldsIsJoinFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  deux   mots ", "\tla\nmairie\r\f de\u00a0Lens ", "x\u2003y\u3000z\u0085w",
		"é\xffà  \xc3", "fin ", " début", "\u00a0\u00a0", "un\u200bmot"} {
		var b strings.Builder
		writeFields(&b, s)
		if want := strings.Join(strings.Fields(s), " "); b.String() != want {
			t.Errorf("writeFields(%q) = %q, want %q", s, b.String(), want)
		}
	}
}

// BenchmarkReadHTML is BenchmarkRead of the sample's HTML pages alone: the
// reading of an ingest of web pages.
func BenchmarkReadHTML(b *testing.B) { benchRead(b, "../../corpus/sample/docs/*.html") }

// benchRead reads the files matching pattern at each pass; MB/s is of their bytes.
func benchRead(b *testing.B, pattern string) {
	files, _ := filepath.Glob(pattern)
	if len(files) == 0 {
		b.Skip(pattern + " not found")
	}
	var datas [][]byte
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		datas = append(datas, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	for b.Loop() {
		for i, data := range datas {
			if _, err := Read(files[i], "", data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
