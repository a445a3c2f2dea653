package sample_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/ledongthuc/pdf"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"terril/corpus/sample"
	"terril/corpus/sample/internal/pdfgen"
	"terril/extract"
)

// record is one gold line, decoded loosely so that missing or null fields show.
type record struct {
	ID           string                         `json:"id"`
	Genre        string                         `json:"genre"`
	Published    *string                        `json:"published"`
	Dates        []goldText                     `json:"dates"`
	Amounts      []goldAmount                   `json:"amounts"`
	Communes     []struct{ Name, INSEE string } `json:"communes"`
	EPCIs        []struct{ Name, SIREN string } `json:"epcis"`
	Departements []string                       `json:"departements"`
	People       []struct {
		Name string
		Role *string
	} `json:"people"`
	Signatories []struct{ Name, Kind string } `json:"signatories"`
	References  []struct {
		Kind, Number string
		Date         *string
	} `json:"references"`
	Themes []string `json:"themes"`
	raw    map[string]json.RawMessage
}

type goldText struct{ Text, Value string }

type goldAmount struct {
	Text     string
	Value    float64
	Currency string
	Implicit bool
}

func loadGold(t *testing.T) []record {
	t.Helper()
	var out []record
	for n, line := range bytes.Split(sample.Gold, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var r record
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("gold.jsonl:%d: %v", n+1, err)
		}
		if err := json.Unmarshal(line, &r.raw); err != nil {
			t.Fatalf("gold.jsonl:%d: %v", n+1, err)
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		t.Fatal("gold.jsonl is empty")
	}
	return out
}

func TestEveryDocumentHasOneGoldRecord(t *testing.T) {
	docs := map[string]string{}
	for _, p := range sample.Paths() {
		id := sample.ID(p)
		if prev, dup := docs[id]; dup {
			t.Errorf("two documents with id %s: %s and %s", id, prev, p)
		}
		docs[id] = p
		if !regexp.MustCompile(`^\d{3}_[a-z0-9-]+\.(txt|html|pdf)$`).MatchString(path.Base(p)) {
			t.Errorf("%s: name is not NNN_short-slug.{txt,html,pdf}", p)
		}
	}
	seen := map[string]bool{}
	for _, r := range loadGold(t) {
		if seen[r.ID] {
			t.Errorf("gold: two records for %s", r.ID)
		}
		seen[r.ID] = true
		if _, ok := docs[r.ID]; !ok {
			t.Errorf("gold: record %s has no document", r.ID)
		}
	}
	for id, p := range docs {
		if !seen[id] {
			t.Errorf("%s: no gold record", p)
		}
	}
}

var (
	reINSEE = regexp.MustCompile(`^(\d{5}|2[AB]\d{3})$`)
	reSIREN = regexp.MustCompile(`^\d{9}$`)
	reDep   = regexp.MustCompile(`^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$`)
	genres  = map[string]bool{"communique": true, "article": true, "deliberation": true, "page": true}
	themes  = map[string]bool{}
)

func init() {
	for _, id := range strings.Fields(`developpement-economique emploi-formation centres-villes
		logement mobilites transition-ecologique numerique tourisme innovation ess
		amenagement-friches sante politique-de-la-ville ruralite fiscalite participation
		culture-patrimoine education-jeunesse`) {
		themes[id] = true
	}
}

// validISO reports whether s is YYYY, YYYY-MM or YYYY-MM-DD and a real calendar date.
func validISO(s string) bool {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
	}
	return false
}

func TestGoldRecordsAreValid(t *testing.T) {
	fields := strings.Fields("id genre published dates amounts communes epcis departements people signatories references themes")
	for _, r := range loadGold(t) {
		errorf := func(format string, args ...any) { t.Errorf("%s: "+format, append([]any{r.ID}, args...)...) }
		for _, f := range fields {
			v, ok := r.raw[f]
			if !ok {
				errorf("field %q missing", f)
			} else if f != "published" && string(v) == "null" {
				errorf("field %q is null, want a value or []", f)
			}
		}
		if !genres[r.Genre] {
			errorf("unknown genre %q", r.Genre)
		}
		if r.Published != nil && !validISO(*r.Published) {
			errorf("published %q is not ISO 8601", *r.Published)
		}
		for _, d := range r.Dates {
			if !validISO(d.Value) || d.Text == "" {
				errorf("date %+v: bad value or empty text", d)
			}
		}
		for _, a := range r.Amounts {
			if a.Value <= 0 || a.Currency != "EUR" || a.Text == "" {
				errorf("amount %+v: want a positive EUR value with its text", a)
			}
		}
		for _, c := range r.Communes {
			if !reINSEE.MatchString(c.INSEE) || c.Name == "" {
				errorf("commune %+v: INSEE code must have 5 characters", c)
			}
		}
		for _, e := range r.EPCIs {
			if !reSIREN.MatchString(e.SIREN) || e.Name == "" {
				errorf("epci %+v: SIREN must have 9 digits", e)
			}
		}
		for _, d := range r.Departements {
			if !reDep.MatchString(d) {
				errorf("departement %q is not a code", d)
			}
		}
		for _, p := range r.People {
			if p.Name == "" || p.Name == strings.ToUpper(p.Name) || (p.Role != nil && *p.Role == "") {
				errorf("person %q: name must be in normal case, role null or non-empty", p.Name)
			}
		}
		for _, s := range r.Signatories {
			if s.Name == "" || (s.Kind != "person" && s.Kind != "organization") {
				errorf("signatory %+v: bad kind or empty name", s)
			}
		}
		for _, ref := range r.References {
			if ref.Kind != "deliberation" && ref.Kind != "arrete" && ref.Kind != "decision" {
				errorf("reference %+v: unknown kind", ref)
			}
			if ref.Number == "" || strings.Contains(strings.ToLower(ref.Number), "n°") {
				errorf("reference %+v: number must be written without n°", ref)
			}
			if ref.Date != nil && !validISO(*ref.Date) {
				errorf("reference %+v: date is not ISO", ref)
			}
		}
		seen := map[string]bool{}
		for _, th := range r.Themes {
			if !themes[th] || seen[th] {
				errorf("theme %q unknown or repeated", th)
			}
			seen[th] = true
		}
	}
}

// mainText returns the text a document's gold covers: the whole text of a .txt file,
// the main content of an HTML page (decoded from its declared charset, scripts
// dropped), and for a PDF the text written into the generator (pdfsrc/).
func mainText(t *testing.T, p string) string {
	t.Helper()
	data, err := fs.ReadFile(sample.FS, p)
	if err != nil {
		t.Fatal(err)
	}
	switch path.Ext(p) {
	case ".txt":
		return string(data)
	case ".pdf":
		src := sourceOf(t, p)
		return strings.Join(pdfgen.Lines(src), "\n")
	case ".html":
		r, err := charset.NewReader(bytes.NewReader(data), "text/html")
		if err != nil {
			t.Fatalf("%s: charset: %v", p, err)
		}
		doc, err := goquery.NewDocumentFromReader(r)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		main := doc.Find(`main, [role="main"]`).First()
		if main.Length() == 0 {
			t.Fatalf("%s: no <main> or role=main element", p)
		}
		main.Find("script, style").Remove()
		var b strings.Builder
		for _, n := range main.Nodes {
			blockText(&b, n)
		}
		return b.String()
	}
	t.Fatalf("%s: unknown extension", p)
	return ""
}

var blocks = map[string]bool{"p": true, "div": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "br": true,
	"tr": true, "td": true, "table": true, "section": true, "article": true, "header": true,
	"footer": true, "nav": true, "aside": true, "main": true}

// blockText writes the text of n, with a line break around every block element.
func blockText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if blocks[n.Data] {
			b.WriteString("\n")
			defer b.WriteString("\n")
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		blockText(b, c)
	}
}

func sourceOf(t *testing.T, p string) []byte {
	t.Helper()
	src, err := os.ReadFile(path.Join("pdfsrc", strings.TrimSuffix(path.Base(p), ".pdf")+".txt"))
	if err != nil {
		t.Fatalf("%s: source of the PDF: %v", p, err)
	}
	return src
}

// flat is the normalised text with every run of white space made one space.
func flat(s string) string {
	return strings.Join(strings.Fields(extract.Normalize(s)), " ")
}

// TestGoldTextsOccur checks that every date text, amount text, reference number and
// person's name of the gold is in the document's main text (names compared folded and word by word,
// since minutes write "SURNAME Given").
func TestGoldTextsOccur(t *testing.T) {
	byID := map[string]string{}
	for _, p := range sample.Paths() {
		byID[sample.ID(p)] = p
	}
	for _, r := range loadGold(t) {
		p, ok := byID[r.ID]
		if !ok {
			continue // reported by TestEveryDocumentHasOneGoldRecord
		}
		text := flat(mainText(t, p))
		folded := " " + extract.Fold(text) + " "
		for _, d := range r.Dates {
			if !strings.Contains(text, flat(d.Text)) {
				t.Errorf("%s: date text %q not in the document", r.ID, d.Text)
			}
		}
		for _, a := range r.Amounts {
			if !strings.Contains(text, flat(a.Text)) {
				t.Errorf("%s: amount text %q not in the document", r.ID, a.Text)
			}
		}
		for _, ref := range r.References {
			if !strings.Contains(text, ref.Number) {
				t.Errorf("%s: reference number %q not in the document", r.ID, ref.Number)
			}
		}
		for _, pe := range r.People {
			for _, w := range strings.Fields(extract.Fold(pe.Name)) {
				if !strings.Contains(folded, w) {
					t.Errorf("%s: person %q: %q not in the document", r.ID, pe.Name, w)
				}
			}
		}
	}
}

// TestPDFsReadBack checks that github.com/ledongthuc/pdf reads every line written
// into each PDF, accents and symbols intact.
func TestPDFsReadBack(t *testing.T) {
	n := 0
	for _, p := range sample.Paths() {
		if path.Ext(p) != ".pdf" {
			continue
		}
		n++
		data, err := fs.ReadFile(sample.FS, p)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(strings.Fields(readPDF(t, p, data)), " ")
		for _, line := range pdfgen.Lines(sourceOf(t, p)) {
			if !strings.Contains(got, strings.Join(strings.Fields(line), " ")) {
				t.Errorf("%s: line %q not read back", p, line)
			}
		}
	}
	if n < 5 {
		t.Errorf("%d PDF documents, want at least 5", n)
	}
}

func readPDF(t *testing.T, p string, data []byte) string {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	rd, err := r.GetPlainText()
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return string(b)
}

// TestPDFsAreGenerated checks that the committed PDFs are what the generator makes of
// pdfsrc/ (run `go generate` in corpus/sample after editing a source).
func TestPDFsAreGenerated(t *testing.T) {
	for _, p := range sample.Paths() {
		if path.Ext(p) != ".pdf" {
			continue
		}
		want, err := pdfgen.Render(sourceOf(t, p))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got, _ := fs.ReadFile(sample.FS, p)
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go generate in corpus/sample", p)
		}
	}
}

func ExamplePaths() {
	paths := sample.Paths()
	fmt.Println(len(paths) >= 30, paths[0], sample.ID(paths[0]))
	// Output: true docs/001_region-reseau-chaleur-lens.html 001_region-reseau-chaleur-lens
}
