package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActs(t *testing.T) {
	terril(t, true, "acts")
	plain := filepath.Join("..", "..", "extract", "read", "testdata", "pdf", "plain.pdf")
	if _, err := os.Stat(plain); err == nil {
		terril(t, true, "acts", "--ocr-pages", "-1", plain)
	}
	f := filepath.Join("..", "..", "..", "shared", "pdfs", "pref83_raa_2025-242.pdf")
	if _, err := os.Stat(f); err != nil {
		t.Skipf("no real recueil (%v): ../shared/pdfs is absent", err)
	}
	out, _ := terril(t, false, "acts", "--ocr-pages", "-1", f)
	words := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"recueil 83-2025-242, published 2025-07-15: 17 acts", "83-2025-07-07-00016 arrete 2025-07-07 Lucien Giudicelli 73 3 arrêté composition"} {
		if !strings.Contains(words, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _ = terril(t, false, "acts", "--json", "--ocr-pages", "-1", f)
	var r struct {
		Acts []struct {
			ID        string `json:"id"`
			FirstPage int    `json:"first_page"`
		} `json:"acts"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Acts) != 17 || r.Acts[11].FirstPage != 31 {
		t.Errorf("JSON: %v, %+v", err, r.Acts)
	}
}

// An ingested recueil is found with its acts: --recueil lists them, --act-kind
// filters them; ingested again, it holds as many documents.
func TestIngestRecueilActs(t *testing.T) {
	f := filepath.Join("..", "..", "..", "shared", "pdfs", "pref83_raa_2025-242.pdf")
	if _, err := os.Stat(f); err != nil {
		t.Skipf("no real recueil (%v): ../shared/pdfs is absent", err)
	}
	dir := filepath.Join(t.TempDir(), "index")
	for range 2 {
		terril(t, false, "ingest", "-q", "--ocr-pages", "-1", "--index", dir, f)
		if r := search(t, dir, "-n", "0"); r.Total != 18 {
			t.Errorf("%d documents, want the recueil and its 17 acts", r.Total)
		}
	}
	parent := "pref83_raa_2025-242.pdf"
	if r := search(t, dir, "-n", "50", "--recueil", parent); r.Total != 17 || !strings.HasPrefix(r.Hits[0].ID, parent+"#83-2025-07-") {
		t.Errorf("--recueil: %d acts, first %+v", r.Total, r.Hits)
	}
	if r := search(t, dir, "-n", "0", "--recueil", parent, "--act-kind", "arrete"); r.Total != 7 {
		t.Errorf("--act-kind arrete: %d acts, want 7", r.Total)
	}
	out, _ := terril(t, false, "facets", "--index", dir, "act_kind")
	if words := strings.Join(strings.Fields(out), " "); !strings.Contains(words, "10 recepisse 7 arrete") {
		t.Errorf("act_kind facet:\n%s", out)
	}
}
