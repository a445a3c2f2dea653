package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"terril/index"
)

// writeTree writes files (slash-separated path → content) under root.
func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Same-named files in different folders, and one name with two extensions, are
// different documents; re-ingesting replaces them; extract keeps the base name.
func TestIngestSameNamesAreDistinctDocuments(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{
		"lens/deliberation.txt":  "Délibération du conseil municipal de Lens sur la voirie.",
		"arras/deliberation.txt": "Délibération du conseil municipal d'Arras sur la voirie.",
		"x.txt":                  "Note sur la voirie communale.",
		"x.html":                 "<html><head><title>Voirie</title></head><body><p>Page sur la voirie.</p></body></html>",
	})
	dir := filepath.Join(t.TempDir(), "index")
	want := []string{"arras/deliberation.txt", "lens/deliberation.txt", "x.html", "x.txt"}
	for range 2 {
		out, _ := terril(t, false, "ingest", "-q", "--index", dir, src)
		if !strings.Contains(out, "holds 4 documents") {
			t.Fatalf("ingest:\n%s", out)
		}
		if got := ids(search(t, dir, "voirie")); !slices.Equal(got, want) {
			t.Fatalf("voirie finds %v, want %v", got, want)
		}
	}
	// A file named alone is its base name, and replaces itself.
	one := filepath.Join(src, "lens", "deliberation.txt")
	for range 2 {
		out, _ := terril(t, false, "ingest", "-q", "--index", dir, one)
		if !strings.Contains(out, "holds 5 documents") {
			t.Fatalf("ingest of one file:\n%s", out)
		}
	}
	out, _ := terril(t, false, "extract", "--json", one)
	var rec struct{ ID string }
	if err := json.Unmarshal([]byte(out), &rec); err != nil || rec.ID != "deliberation" {
		t.Fatalf("extract id = %q (%v), want the base name", rec.ID, err)
	}
}

// A named pipe among the files is named as skipped; ingest neither blocks on it nor
// fails.
func TestIngestSkipsNamedPipes(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"note.txt": "Note sur la voirie communale."})
	fifo := filepath.Join(src, "tube.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	done := make(chan string, 1)
	go func() {
		out, _ := terril(t, false, "ingest", "-q", "--index", dir, src)
		done <- out
	}()
	select {
	case out := <-done:
		if !strings.Contains(out, "holds 1 documents") || !strings.Contains(out, "skipped 1, not a regular file: "+fifo+" (named pipe)") {
			t.Errorf("ingest:\n%s", out)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("ingest blocked on a named pipe")
	}
}

// A search, facets or ingest meeting an index another ingest holds says so at once
// and gives up after --wait.
func TestBusyIndexFailsAfterWait(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"note.txt": "Note sur la voirie communale."})
	dir := filepath.Join(t.TempDir(), "index")
	terril(t, false, "ingest", "-q", "--index", dir, src)
	held, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for _, args := range [][]string{
		{"search", "voirie"},
		{"facets", "theme"},
		{"ingest", "-q", src},
	} {
		start := time.Now()
		_, errOut := terril(t, true, append(args, "--index", dir, "--wait", "300ms")...)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: gave up after %s", args[0], d)
		}
		if !strings.Contains(errOut, "is busy") || !strings.Contains(errOut, "pid ") || !strings.Contains(errOut, "--wait") {
			t.Errorf("%s: stderr %q", args[0], errOut)
		}
	}
}

// A document longer than --max-text is indexed truncated and named in the summary.
func TestIngestCapsHugeText(t *testing.T) {
	src := t.TempDir()
	line := "Le conseil municipal a voté la rénovation de la voirie communale.\n"
	writeTree(t, src, map[string]string{"recueil.txt": strings.Repeat(line, 300_000/len(line))})
	dir := filepath.Join(t.TempDir(), "index")
	out, _ := terril(t, false, "ingest", "-q", "--index", dir, "--max-text", "10k", src)
	if !strings.Contains(out, "holds 1 documents") || !strings.Contains(out, "truncated: "+filepath.Join(src, "recueil.txt")+": text truncated") {
		t.Fatalf("ingest:\n%s", out)
	}
	if r := search(t, dir, "voirie"); r.Total != 1 {
		t.Errorf("the truncated document is not found: %+v", r)
	}
	out, _ = terril(t, false, "extract", "--json", "--text", "--max-text", "10k", filepath.Join(src, "recueil.txt"))
	var rec struct {
		Text     string
		Problems []string
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil || len(rec.Text) > 10<<10 || len(rec.Problems) == 0 {
		t.Errorf("extract: %d bytes of text, problems %q (%v)", len(rec.Text), rec.Problems, err)
	}
}

// Control characters of file names and titles never reach the terminal: each hit
// stays on its lines, no escape sequence passes. In JSON, titles and snippets_text
// are plain text, snippets HTML.
func TestSearchOutputEscapesControlCharacters(t *testing.T) {
	src := t.TempDir()
	name := "note\x1b[31mrouge\nligne.html"
	writeTree(t, src, map[string]string{
		name: "<html><head><title>Titre\x1b]0;pwned\x07 \x1b[2J<b>&amp; suite</title></head>" +
			"<body><h1>Voirie \x1b[31mrouge\r\nsuite & fin</h1><p>La voirie communale &lt;script&gt; est rénovée.</p>" +
			// Enough text that the few control characters do not read as a binary file.
			strings.Repeat("<p>Les travaux de la voirie communale commencent au printemps et dureront six mois.</p>", 12) +
			"</body></html>",
	})
	dir := filepath.Join(t.TempDir(), "index")
	terril(t, false, "ingest", "-q", "--index", dir, src)
	out, _ := terril(t, false, "search", "--index", dir, "voirie")
	if strings.ContainsAny(out, "\x1b\x07\r") {
		t.Errorf("control characters in the terminal output: %q", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines[1:] {
		if l != "" && !strings.HasPrefix(l, "1. ") && !strings.HasPrefix(l, "   ") {
			t.Errorf("a hit broke over lines: %q in\n%s", l, out)
		}
	}
	if !strings.Contains(out, "<script>") {
		t.Errorf("the snippet's text is not unescaped for the terminal:\n%s", out)
	}
	jsonOut, _ := terril(t, false, "search", "--index", dir, "--json", "voirie")
	var r struct {
		Hits []struct {
			ID, Title    string
			Snippets     []string
			SnippetsText []string `json:"snippets_text"`
		}
	}
	if err := json.Unmarshal([]byte(jsonOut), &r); err != nil || len(r.Hits) != 1 {
		t.Fatalf("search --json: %v\n%s", err, jsonOut)
	}
	h := r.Hits[0]
	if h.ID != filepath.ToSlash(name) {
		t.Errorf("id %q, want the file's relative path", h.ID)
	}
	if len(h.Snippets) == 0 || !strings.Contains(h.Snippets[0], "&lt;script&gt;") || !strings.Contains(h.Snippets[0], "<mark>") {
		t.Errorf("snippets (HTML) = %q", h.Snippets)
	}
	if len(h.SnippetsText) != len(h.Snippets) || !strings.Contains(h.SnippetsText[0], "<script>") || strings.Contains(h.SnippetsText[0], "<mark>") {
		t.Errorf("snippets_text (plain) = %q", h.SnippetsText)
	}
}
