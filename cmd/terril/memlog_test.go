package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMemLogWritesFigures checks that memLog writes its header and lines of eight
// figures to the file TERRIL_MEMLOG names, and a heap profile beside it.
func TestMemLogWritesFigures(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mem.log")
	t.Setenv("TERRIL_MEMLOG", path)
	defer func(d time.Duration) { memLogEvery = d }(memLogEvery)
	memLogEvery = 10 * time.Millisecond
	memLog()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		b, _ := os.ReadFile(path)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) >= 2 {
			if n := len(strings.Fields(lines[1])); n != 8 {
				t.Fatalf("line %q has %d figures, want 8", lines[1], n)
			}
			if _, err := os.Stat(path + ".heap"); err != nil {
				t.Errorf("no heap profile: %v", err)
			}
			return
		}
	}
	t.Fatal("no figures written")
}
