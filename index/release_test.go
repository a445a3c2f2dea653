package index_test

import (
	"os"
	"testing"

	"terril/index"
)

// TestReleaseMappedKeepsResults releases the pages of a persisted index and checks
// that it advised its segment files and that every query answers as before.
func TestReleaseMappedKeepsResults(t *testing.T) {
	if _, err := os.Stat("/proc/self/maps"); err != nil {
		t.Skip("no /proc/self/maps here")
	}
	ix, _ := mustOpenIndex(t)
	queries := []index.Query{{}, {Text: "logement"}, {Text: "montant>1000000"}}
	var before [][]string
	for _, q := range queries {
		before = append(before, all(t, ix, q))
	}
	if n := ix.ReleaseMapped(); n <= 0 {
		t.Fatalf("ReleaseMapped advised %d bytes, want the index's segment files", n)
	}
	for i, q := range queries {
		check(t, q.Text, all(t, ix, q), before[i])
	}
}

// TestReleaseMappedThroughLink checks that an index opened through a symbolic
// link is released: /proc/self/maps names its files by their real path.
func TestReleaseMappedThroughLink(t *testing.T) {
	if _, err := os.Stat("/proc/self/maps"); err != nil {
		t.Skip("no /proc/self/maps here")
	}
	docs, err := sampleDocs()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Mkdir(dir+"/real", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir+"/real", dir+"/link"); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	ix, err := index.Open(dir + "/link/index")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Index(docs[:5]); err != nil {
		t.Fatal(err)
	}
	if n := ix.ReleaseMapped(); n <= 0 {
		t.Fatalf("ReleaseMapped advised %d bytes through a link", n)
	}
}
