package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestShow(t *testing.T) {
	dir := testIndex(t)
	out, _ := terril(t, false, "show", "--index", dir, "communique-mineurs.txt")
	for _, want := range []string{"Les cités minières de Liévin et de Lens", "id: communique-mineurs.txt",
		"Communes:", "Lens (62498)", "Dates:", "2022-04-04 (4 avril 2022)", "Text:", "  La rénovation énergétique de 1 200 logements"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	out, _ = terril(t, false, "show", "--index", dir, "--json", "article-mobilites.txt")
	var r struct {
		ID    string `json:"id"`
		Text  string `json:"text"`
		EPCIs []string
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || r.ID != "article-mobilites.txt" || !strings.Contains(r.Text, "Amiens Métropole") || len(r.EPCIs) == 0 {
		t.Errorf("show --json: %v %+v\n%s", err, r, out)
	}
	terril(t, true, "show", "--index", dir, "absent.txt")
	terril(t, true, "show", "--index", dir)
}

// A document's control characters do not reach the terminal through show.
func TestShowStripsControls(t *testing.T) {
	src := t.TempDir()
	text := "Rénovation du beffroi\n\nLe conseil \x1b[31mvote\x07 la rénovation du beffroi de Douai.\n" +
		strings.Repeat("Les travaux de la place et du beffroi commenceront au printemps.\n", 10)
	if err := os.WriteFile(filepath.Join(src, "beffroi.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	terril(t, false, "ingest", "-q", "--index", dir, src)
	out, _ := terril(t, false, "show", "--index", dir, "beffroi.txt")
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("show lets control characters through: %q", out)
	}
}
