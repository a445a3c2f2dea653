package index_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"terril/corpus"
	"terril/index"
)

// Merged segments stay under the cap: batches of ten documents are merged, but
// never into a segment of more documents than the cap (Bleve's own plan, uncapped,
// merges ten such batches into one of a hundred).
func TestMergedSegmentsCapped(t *testing.T) {
	const cap = 40
	defer index.SetMaxSegmentDocs(index.SetMaxSegmentDocs(cap))
	ix, err := index.Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for b := range 40 {
		var docs []*corpus.Document
		for i := range 10 {
			n := b*10 + i
			docs = append(docs, &corpus.Document{ID: fmt.Sprint("d", n), Title: "Délibération", Text: fmt.Sprint("Subvention numéro ", n)})
		}
		if err := ix.Index(docs); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		sizes, err := index.SegmentSizes(ix)
		if err != nil {
			t.Fatal(err)
		}
		if m := slices.Max(sizes); m > cap {
			t.Fatalf("segments %v: one of %d documents, over the cap of %d", sizes, m, cap)
		} else if m > 10 { // merges happened, within the cap
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("segments %v: no merge after 20 s", sizes)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
