package read

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"terril/extract/text"
	"testing"

	"github.com/ledongthuc/pdf"

	"terril/extract/internal/pdfbytes"
)

func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "pdf", name))
	if err != nil {
		tb.Fatalf("%v (regenerate with go generate ./extract/read)", err)
	}
	return b
}

// wholeFile is what ledongthuc/pdf alone gives: the naive reader these fixtures break.
func wholeFile(data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = os.ErrInvalid
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	rd, err := r.GetPlainText()
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	b.ReadFrom(rd)
	return b.String(), nil
}

func TestReadPDFPagesPlain(t *testing.T) {
	pages, err := ReadPDFPages(readFixture(t, "plain.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("got %d pages, want 2", len(pages))
	}
	for _, p := range pages {
		if p.Err != nil || !p.Gate.Pass {
			t.Errorf("page %d: err %v, gate %+v", p.Number, p.Err, p.Gate)
		}
		text := text.Normalize(p.Text)
		for _, want := range []string{"2 décembre 2024", "125 000 euros", "rénovation énergétique"} {
			if !strings.Contains(text, want) {
				t.Errorf("page %d lacks %q:\n%s", p.Number, want, text)
			}
		}
	}
}

func TestReadPDFPagesNonStandardHeader(t *testing.T) {
	data := readFixture(t, "header.pdf")
	if _, err := wholeFile(data); err == nil {
		t.Fatal("fixture does not reproduce the failure: ledongthuc/pdf accepts its header")
	}
	pages, err := ReadPDFPages(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || !strings.Contains(pages[1].Text, "décembre") || !pages[1].Gate.Pass {
		t.Errorf("pages = %+v", pages)
	}
}

func TestReadPDFPagesCorruptPage(t *testing.T) {
	data := readFixture(t, "corruptpage.pdf")
	if _, err := wholeFile(data); err == nil {
		t.Fatal("fixture does not reproduce the failure: ledongthuc/pdf reads the whole file")
	}
	pages, err := ReadPDFPages(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 3 {
		t.Fatalf("got %d pages, want 3", len(pages))
	}
	if pages[1].Err == nil || pages[1].Gate.Pass {
		t.Errorf("page 2: err %v, pass %v; want an error and a failed gate", pages[1].Err, pages[1].Gate.Pass)
	}
	for _, i := range []int{0, 2} {
		if pages[i].Err != nil || !strings.Contains(pages[i].Text, "Délibération n° 2024-0") {
			t.Errorf("page %d: err %v, text %q", i+1, pages[i].Err, pages[i].Text)
		}
	}
	_, cp, problems := ReadPDF(data)
	if cp[1].Reader != "" || !strings.HasPrefix(cp[1].Note, "not read") || len(problems) == 0 {
		t.Errorf("ReadPDF page 2 = %+v, problems %v; want not read", cp[1], problems)
	}
}

func TestReadPDFPagesFormXObject(t *testing.T) {
	data := readFixture(t, "formxobject.pdf")
	if text, err := wholeFile(data); err != nil || strings.Contains(text, "décembre") {
		t.Fatalf("fixture does not reproduce the silent loss: err %v, text %q", err, text)
	}
	pages, err := ReadPDFPages(data)
	if err != nil {
		t.Fatal(err)
	}
	g := pages[0].Gate
	if g.Pass || g.FormXObjects != 1 || g.TextOps == 0 {
		t.Errorf("gate = %+v; want a failure naming one Form XObject with text", g)
	}
	if pages[0].NeedsOCR() {
		t.Error("a page with text in a Form XObject is not a scan")
	}
}

func TestReadPDFPagesImageOnly(t *testing.T) {
	pages, err := ReadPDFPages(readFixture(t, "imageonly.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	p := pages[0]
	if !p.NeedsOCR() || p.Gate.Pass || p.Gate.Images != 1 || p.Gate.TextOps != 0 {
		t.Errorf("page = %+v; want an image-only page that needs OCR", p)
	}
	_, cp, _ := ReadPDF(readFixture(t, "imageonly.pdf"))
	if cp[0].Reader != "" {
		t.Errorf("image-only page recorded as read by %q; want not read", cp[0].Reader)
	}
}

func TestReadPDFPagesNotPDF(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("<html>"), []byte("%PDF-1.4\n%%EOF"), []byte("%PDF-1.4\nstartxref\n99999\n%%EOF\n")} {
		if _, err := ReadPDFPages(data); err == nil {
			t.Errorf("ReadPDFPages(%q) succeeded", data)
		}
	}
}

func TestRepairLineBreaks(t *testing.T) {
	tests := []struct {
		in, want string
		joins    int
	}{
		{"le 2 d\né\ncembre 2024", "le 2 décembre 2024", 2},
		{"la réu\nnion du conseil", "la réunion du conseil", 1},
		{"dévelop\npement durable", "développement durable", 1},
		{"la\nville", "la\nville", 0},                 // "laville" is no word
		{"pour\ntant", "pour\ntant", 0},               // both parts are words: ambiguous
		{"le maire\nConseil", "le maire\nConseil", 0}, // capital: a new line
		{"montant\n125 000 euros", "montant\n125 000 euros", 0},
		{"ar\nrêté préfectoral", "arrêté préfectoral", 1},
		{"", "", 0},
	}
	for _, tt := range tests {
		got, n := RepairLineBreaks(tt.in)
		if got != tt.want || n != tt.joins {
			t.Errorf("RepairLineBreaks(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.joins)
		}
	}
}

// brokenPage is a page as the fast reader gives it when the producer drew every run
// of a line as its own text object.
const brokenPage = `Liste des délibérations

votées

Le

16 MAI

2025

Approbation du procès
-
verbal du 4 avril 2025

La Communauté de Communes Sud
-
Avesnois

dans une démarche nouvelle

d'éducation artistique
,

tout au long de la vie
.
`

func TestBrokenLines(t *testing.T) {
	tests := []struct {
		name          string
		text          string
		broken, lines int
	}{
		{"empty", "", 0, 0},
		{"paragraphs", "Le conseil a voté.\n\nLe maire remercie les élus.\nIl lève la séance.", 0, 3},
		{"heading then text", "ARTICLE 1 :\n\nle montant est fixé à 5 000 euros.", 0, 2},
		{"list items", "Sont présents :\n- M. Dupont\n- Mme Martin", 0, 3},
		{"list items after blank lines", "Ordre du jour\n\n- budget\n\n- travaux", 0, 3},
		{"page number", "fin du texte.\n\n1/2", 0, 2},
		{"lower case after a blank", "Le conseil\n\nmunicipal a voté.", 1, 2},
		{"lower case after an ended sentence", "Il a voté.\n\nmunicipal est un adjectif.", 0, 2},
		{"comma alone", "la danse\n,\nle chant", 1, 3},
		{"hyphen alone", "Sud\n-\nAvesnois", 1, 3},
		{"punctuation at the end", "Fin\n.", 0, 2},
		{"the fast reader's page", brokenPage, 7, 16},
	}
	for _, tt := range tests {
		b, l := BrokenLines(tt.text)
		if b != tt.broken || l != tt.lines {
			t.Errorf("%s: BrokenLines = %d of %d lines, want %d of %d", tt.name, b, l, tt.broken, tt.lines)
		}
	}
}

func TestGatePage(t *testing.T) {
	good := strings.Repeat("Le conseil municipal a approuvé la délibération relative aux travaux de rénovation de l'école. ", 5)
	glued := strings.Repeat("Leconseilmunicipalaapprouvé ladélibérationrelativeauxtravaux derénovationdel'école. ", 5)
	table := strings.Repeat("AIGALIERS30001LA CAPELLE30067AIGREMONT30002CARDET ", 10) + good
	fffd := strings.Repeat("Le conseil \uFFFD\uFFFD municipal a approuv\uFFFD la d\uFFFDlib\uFFFDration. ", 5)
	page := PageContent{TextOps: 20, RawTextOps: 20}
	tests := []struct {
		name   string
		text   string
		splits int
		c      PageContent
		pass   bool
	}{
		{"good", good, 0, page, true},
		{"glued words", glued, 0, page, false},
		{"glued table cells", table, 0, page, false},
		{"replacement characters", fffd, 0, page, false},
		{"text in a form", good, 0, PageContent{TextOps: 20, RawTextOps: 20, FormTextOps: 30, Forms: 1}, false},
		{"parser stopped early", good, 0, PageContent{TextOps: 20, RawTextOps: 120}, false},
		{"too few characters", "a", 0, page, false},
		{"many words cut", good, 10, page, false},
		{"lines breaking sentences", brokenPage, 0, page, false},
		{"one line a paragraph", strings.ReplaceAll(good, ". ", ".\n\n"), 0, page, true},
		{"blank page", "", 0, PageContent{}, true},
	}
	for _, tt := range tests {
		g := GatePage(tt.text, tt.splits, tt.c)
		if g.Pass != tt.pass {
			t.Errorf("%s: pass = %v, want %v (%+v)", tt.name, g.Pass, tt.pass, g)
		}
	}
}

func TestFrenchWords(t *testing.T) {
	for _, w := range []string{"arrêté", "ARRÊTÉ", "délibération", "décembre", "préfectoral", "subventions", "œuvre"} {
		if !text.IsFrenchWord(w) {
			t.Errorf("text.IsFrenchWord(%q) = false", w)
		}
	}
	for _, w := range []string{"delibérationrelative", "xqzt", "leconseil"} {
		if text.IsFrenchWord(w) {
			t.Errorf("text.IsFrenchWord(%q) = true", w)
		}
	}
	tokens, french := text.WordStats("Le Maire de Lille a signé l'arrêté du 2 décembre ; qzxw.")
	// Counted: "a"? no (one letter); "signé", "arrêté", "du", "décembre", "qzxw", "de".
	if tokens != 6 || french != 5 {
		t.Errorf("WordStats = %d, %d; want 6, 5", tokens, french)
	}
}

// FuzzReadPDFPages starts from hand-written PDFs of a few hundred bytes: the fuzzer
// minimises every new input it finds, which for the tens of KB of testdata/pdf's
// fixtures took minutes of each run.
func FuzzReadPDFPages(f *testing.F) {
	page := func(contents string) string { return "<</Type/Page/Parent 2 0 R/Contents " + contents + ">>" }
	f.Add(pdfbytes.Build("", "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
		page("4 0 R"), pdfbytes.Stream("", []byte("BT(Arr\\352t\\351 du 2 mai 2024)Tj ET"))))
	f.Add(pdfbytes.Build("/Info<</Title(Recueil)>>", "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R 2 0 R 3 0 R]/Count 2>>",
		page("[4 0 R 5 0 R]"), "<</Length 0>>stream\nBT[(a)-250(b)]TJ ET\nendstream", pdfbytes.Stream("/Filter/ASCIIHexDecode", []byte("42543e"))))
	f.Add([]byte("%PDF-1.7\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\nstartxref\n9\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := ReadPDFPages(data)
		if err != nil && pages != nil {
			t.Fatal("pages returned with an error")
		}
		for _, p := range pages {
			GatePage(p.Text, 0, PageContent{})
		}
	})
}

func ExampleRepairLineBreaks() {
	text, joins := RepairLineBreaks("séance du 2 d\né\ncembre 2024")
	fmt.Println(text, joins)
	// Output: séance du 2 décembre 2024 2
}

// BenchmarkReadPDFPages is the fast path: the reader and its gate on a two-page
// deliberation.
func BenchmarkReadPDFPages(b *testing.B) {
	data := readFixture(b, "plain.pdf")
	text.IsFrenchWord("") // load the word list outside the timing
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadPDFPages(data); err != nil {
			b.Fatal(err)
		}
	}
}
