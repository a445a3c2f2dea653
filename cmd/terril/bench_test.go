package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"terril/index"
)

// --queries 0 writes the files and times no query, even with an index in --dir.
func TestBenchQueriesZero(t *testing.T) {
	dir := t.TempDir()
	terril(t, false, "ingest", "-q", "--index", filepath.Join(dir, "terril"), "testdata/corpus")
	out, _ := terril(t, false, "bench", "--docs", "100", "--size", "200", "--rounds", "0", "--queries", "0", "--dir", dir, "--json")
	var rep benchReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if len(rep.Queries) != 0 || rep.Docs != 100 {
		t.Errorf("docs %d, queries %+v; want 100 documents, no query", rep.Docs, rep.Queries)
	}
	terril(t, true, "bench", "--queries", "-1", "--dir", dir) // a usage error
	ix, err := index.OpenReadOnly(filepath.Join(dir, "terril"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if qs, err := benchQueries(context.Background(), ix, 1000, 0); err != nil || qs != nil {
		t.Errorf("benchQueries with 0 runs: %v, %v", qs, err)
	}
}
