package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The summary adds up: files seen = read + failed + skipped, and the skipped are
// counted by reason with their first names.
func TestIngestSummaryAddsUp(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{
		"conseil/pv.txt":            "Procès-verbal du conseil municipal de Liévin.",
		"conseil/tronque.pdf":       "%PDF-1.7 cassé",
		"conseil/plan.dwg":          "x",
		"conseil/photo.jpg":         "x",
		"brouillons/pv-v1.txt":      "Brouillon.",
		"brouillons/2021/pv-v2.txt": "Brouillon.",
		"notes.txt":                 "Note sur l'œuvre et les 5 000 € du budget.",
	})
	dir := filepath.Join(t.TempDir(), "index")
	out, _ := terril(t, true, "ingest", "-q", "--index", dir, "--exclude", "brouillons/*", src)
	for _, want := range []string{
		"7 files: read 2, failed 1, skipped 4; indexed 2",
		"skipped 2, unsupported type: ",
		"skipped 2, excluded: ",
		"failed: " + filepath.Join(src, "conseil/tronque.pdf"),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	out, _ = terril(t, false, "ingest", "-q", "-v", "--index", dir, "--include", "*.TXT", "--exclude", "brouillons", src)
	for _, want := range []string{
		"7 files: read 2, failed 0, skipped 5; indexed 2",
		"skipped: " + filepath.Join(src, "conseil/plan.dwg") + ": excluded (no --include matches)",
		"skipped: " + filepath.Join(src, "brouillons/2021/pv-v2.txt") + ": excluded (--exclude brouillons)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestIngestBadPatternIsUsageError(t *testing.T) {
	_, _ = terril(t, true, "ingest", "--index", t.TempDir(), "--include", "[a-", t.TempDir())
}
