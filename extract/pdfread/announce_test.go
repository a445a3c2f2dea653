package pdfread

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The first use of an empty compilation cache is announced, once; a warm cache
// is not.
func TestAnnounceColdCache(t *testing.T) {
	cold := NewRuntime(RuntimeOptions{CacheDir: t.TempDir()})
	var b bytes.Buffer
	cold.announce(&b)
	cold.announce(&b)
	if n := strings.Count(b.String(), "compiling the PDF engine (first use"); n != 1 {
		t.Errorf("cold cache: %q", b.String())
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "wazero-v1"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wazero-v1", "module"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.Reset()
	NewRuntime(RuntimeOptions{CacheDir: dir}).announce(&b)
	if b.Len() != 0 {
		t.Errorf("warm cache: %q", b.String())
	}
}
