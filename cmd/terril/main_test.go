package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/charmap"
)

// terril runs the command line in-process and returns its standard output; it fails
// the test when the command fails unless wantErr.
func terril(t *testing.T, wantErr bool, args ...string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}, args)
	if (err != nil) != wantErr {
		t.Fatalf("terril %s: err = %v, want error %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, wantErr, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

type searchResult struct {
	Total uint64 `json:"total"`
	Hits  []struct {
		ID       string   `json:"id"`
		Title    string   `json:"title"`
		Snippets []string `json:"snippets"`
	} `json:"hits"`
}

func search(t *testing.T, dir string, args ...string) searchResult {
	t.Helper()
	out, _ := terril(t, false, append([]string{"search", "--index", dir, "--json"}, args...)...)
	var r searchResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("search %v: bad JSON: %v\n%s", args, err, out)
	}
	return r
}

func ids(r searchResult) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func TestSearchIgnoresAccentsAndInflection(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	terril(t, false, "ingest", "-q", "--index", dir, "testdata/corpus")
	for _, tt := range []struct{ accented, plain string }{
		{"cités minières", "cites minieres"},
		{"rénovation", "renovations"},
		{"développement économique", "developpement economique"},
		{"énergétique", "ENERGETIQUE"},
	} {
		a, p := search(t, dir, tt.accented), search(t, dir, tt.plain)
		if a.Total == 0 {
			t.Errorf("%q finds nothing", tt.accented)
		}
		if !slices.Equal(ids(a), ids(p)) {
			t.Errorf("%q finds %v but %q finds %v", tt.accented, ids(a), tt.plain, ids(p))
		}
	}
	// "rénovation" and "rénovations" are the same word; "logements" does not make
	// the culture page match "logement" queries only through inflection.
	if got := ids(search(t, dir, "rénovations")); !slices.Equal(got, []string{"article-mobilites.txt", "communique-mineurs.txt"}) {
		t.Errorf("rénovations finds %v", got)
	}
	if got := ids(search(t, dir, "NOT", "logement")); !slices.Equal(got, []string{"article-mobilites.txt"}) {
		t.Errorf("NOT logement finds %v", got)
	}
}

func TestSearchSeeds(t *testing.T) {
	seeds := filepath.Join("..", "..", "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("../shared/seeds absent (%v): seed search not tested", err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	terril(t, false, "ingest", "-q", "--index", dir, seeds)
	r := search(t, dir, "cités minières")
	found := false
	for _, h := range r.Hits {
		if strings.HasPrefix(h.ID, "001_") {
			found = true
			if len(h.Snippets) == 0 || !strings.Contains(strings.Join(h.Snippets, " "), "<mark>") {
				t.Errorf("seed 001 hit has no highlighted snippet: %q", h.Snippets)
			}
		}
	}
	if !found {
		t.Errorf(`"cités minières" does not find seed 001: %v`, ids(r))
	}
	for _, tt := range []struct{ accented, plain string }{
		{"cités minières", "cites minieres"},
		{"rénovation", "rénovations"},
		{"développement économique", "developpement economique"},
	} {
		if a, p := ids(search(t, dir, tt.accented)), ids(search(t, dir, tt.plain)); len(a) == 0 || !slices.Equal(a, p) {
			t.Errorf("%q finds %v, %q finds %v", tt.accented, a, tt.plain, p)
		}
	}
}

// makePDF writes a small one-page PDF with text.
func makePDF(t *testing.T, text string) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	tr := pdf.UnicodeTranslatorFromDescriptor("cp1252")
	pdf.MultiCell(0, 6, tr(text), "", "L", false)
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestIngestBadFilesAndReingest(t *testing.T) {
	src := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(src, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := makePDF(t, "Délibération du conseil communautaire relative au fonds de concours pour la médiathèque.")
	write("deliberation.pdf", good)
	write("tronque.pdf", good[:len(good)/2])
	page, err := charmap.Windows1252.NewEncoder().String(`<!DOCTYPE html>
<html><head><meta charset="windows-1252"><title>Élus réunis | Mairie</title></head>
<body><nav><ul><li>Accueil</li><li>Démarches</li></ul></nav>
<main><h1>Les élus réunis à Hénin-Beaumont</h1>
<p>Les élus ont voté la création d’une maison de santé pluriprofessionnelle.</p></main>
<footer>Mentions légales – Plan du site</footer></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	write("page-1252.html", []byte(page))
	write("note.txt", []byte("Note sur la médiathèque intercommunale et son financement."))

	dir := filepath.Join(t.TempDir(), "index")
	out, _ := terril(t, true, "ingest", "-q", "--index", dir, src)
	if !strings.Contains(out, "4 files: read 3, failed 1, skipped 0; indexed 3") {
		t.Errorf("summary: %s", out)
	}
	if !strings.Contains(out, "tronque.pdf") {
		t.Errorf("the broken PDF is not named in the summary:\n%s", out)
	}
	r := search(t, dir, "maison de santé")
	if len(r.Hits) != 1 || r.Hits[0].ID != "page-1252.html" {
		t.Fatalf("the Windows-1252 page is not found: %+v", r)
	}
	if r.Hits[0].Title != "Les élus réunis à Hénin-Beaumont" {
		t.Errorf("title of the Windows-1252 page = %q", r.Hits[0].Title)
	}
	if s := strings.Join(r.Hits[0].Snippets, " "); !strings.Contains(s, "élus") || strings.Contains(s, "Accueil") {
		t.Errorf("snippet of the Windows-1252 page = %q", s)
	}
	if got := ids(search(t, dir, "accueil OR mentions")); len(got) != 0 {
		t.Errorf("navigation or footer indexed: %v", got)
	}
	if got := ids(search(t, dir, "médiathèque")); !slices.Equal(got, []string{"deliberation.pdf", "note.txt"}) {
		t.Errorf("médiathèque finds %v", got)
	}
	count := func() uint64 { return search(t, dir, "-n", "0").Total }
	before := count()
	if before != 3 {
		t.Errorf("%d documents indexed, want 3", before)
	}
	terril(t, true, "ingest", "-q", "--index", dir, src)
	if after := count(); after != before {
		t.Errorf("re-ingesting changed the count: %d, then %d", before, after)
	}
}

func TestUsage(t *testing.T) {
	out, _ := terril(t, false, "help")
	for _, c := range commands {
		if !strings.Contains(out, c.name) {
			t.Errorf("help does not list %s", c.name)
		}
	}
	_, errOut := terril(t, true, "nosuchcommand")
	if !strings.Contains(errOut, "Usage") {
		t.Errorf("unknown command prints no usage: %q", errOut)
	}
	// Help asked for goes to stdout.
	if out, _ := terril(t, false, "search", "--help"); !strings.Contains(out, "query language") {
		t.Errorf("search --help: %q", out)
	}
}

func TestDemoAndPlaceFilters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	out, _ := terril(t, false, "demo", "--keep", dir)
	for _, want := range []string{"indexed 36", "cités minières", "FUNDINGS BY COMMUNE"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	// An acronym and a name resolve through the gazetteer to the same EPCI.
	mel := ids(search(t, dir, "--epci", "MEL", "-n", "100"))
	if len(mel) == 0 {
		t.Fatal("--epci MEL finds nothing in the sample corpus")
	}
	if got := ids(search(t, dir, "--epci", "200093201", "-n", "100")); !slices.Equal(got, mel) {
		t.Errorf("--epci 200093201 finds %v, --epci MEL %v", got, mel)
	}
	if got := ids(search(t, dir, "epci:\"Métropole Européenne de Lille\"", "-n", "100")); !slices.Equal(got, mel) {
		t.Errorf("epci:\"Métropole Européenne de Lille\" finds %v, --epci MEL %v", got, mel)
	}
	// A commune by name, by INSEE code, and by a former name absorbed into it.
	lille := ids(search(t, dir, "--commune", "Lille", "-n", "100"))
	if len(lille) == 0 {
		t.Fatal("--commune Lille finds nothing")
	}
	if got := ids(search(t, dir, "commune:59350", "-n", "100")); !slices.Equal(got, lille) {
		t.Errorf("commune:59350 finds %v, --commune Lille %v", got, lille)
	}
	if got := ids(search(t, dir, "--commune", "Lomme", "-n", "100")); !slices.Equal(got, lille) {
		t.Errorf("--commune Lomme (merged into Lille) finds %v, want %v", got, lille)
	}
	out, _ = terril(t, false, "facets", "--index", dir, "commune", "rénovation", "--min-amount", "1000000")
	if !strings.Contains(out, "COMMUNE") || !strings.Contains(out, "documents match") {
		t.Errorf("facets table:\n%s", out)
	}
}
