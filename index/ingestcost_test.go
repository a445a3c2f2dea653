package index

import (
	"bufio"
	"context"
	"encoding/json"
	"html"
	"os"
	"strings"
	"testing"

	"terril/corpus"
)

// BenchmarkIndexDocs indexes the documents of the JSON Lines file named by
// TERRIL_DOCS (the output of terril extract, the text read again from each
// document's HTML file), in batches of 1 000: the index's share of an ingest,
// without extraction, for comparing mappings by instruction count
// (valgrind --tool=cachegrind), which the load of a shared machine does not move.
func BenchmarkIndexDocs(b *testing.B) {
	path := os.Getenv("TERRIL_DOCS")
	if path == "" {
		b.Skip("TERRIL_DOCS names no file of extracted documents")
	}
	docs := readDocs(b, path)
	for b.Loop() {
		ix, err := Open(b.TempDir() + "/index")
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < len(docs); i += 1000 {
			if err := ix.Index(docs[i:min(i+1000, len(docs))]); err != nil {
				b.Fatal(err)
			}
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func readDocs(b *testing.B, path string) []*corpus.Document {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	var docs []*corpus.Document
	for sc.Scan() {
		var d corpus.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			b.Fatal(err)
		}
		if data, err := os.ReadFile(d.URL); err == nil {
			d.Title, d.Text = titleText(string(data))
		}
		docs = append(docs, &d)
	}
	return docs
}

// titleText is the title element of a page and its text without tags.
func titleText(s string) (string, string) {
	var title string
	if _, rest, ok := strings.Cut(s, "<title>"); ok {
		title, _, _ = strings.Cut(rest, "</title>")
	}
	var b strings.Builder
	in := false
	for _, c := range []byte(s) {
		switch {
		case c == '<':
			in = true
		case c == '>':
			in = false
			b.WriteByte(' ')
		case !in:
			b.WriteByte(c)
		}
	}
	return html.UnescapeString(title), html.UnescapeString(b.String())
}

// BenchmarkReadDocs is BenchmarkIndexDocs's reading of its documents alone: what
// to subtract from its instruction count.
func BenchmarkReadDocs(b *testing.B) {
	path := os.Getenv("TERRIL_DOCS")
	if path == "" {
		b.Skip("TERRIL_DOCS names no file of extracted documents")
	}
	for b.Loop() {
		readDocs(b, path)
	}
}

// BenchmarkBareDocs is BenchmarkIndexDocs for the bare baselines: terril's
// mapping with title and text only, and Bleve's stock mapping.
func BenchmarkBareDocs(b *testing.B) {
	path := os.Getenv("TERRIL_DOCS")
	if path == "" {
		b.Skip("TERRIL_DOCS names no file of extracted documents")
	}
	docs := readDocs(b, path)
	for _, kind := range []struct {
		name string
		open func(string, int) (*Bare, error)
	}{{"bare", NewBare}, {"stock", NewStockBare}} {
		b.Run(kind.name, func(b *testing.B) {
			for b.Loop() {
				x, err := kind.open(b.TempDir()+"/index", 1000)
				if err != nil {
					b.Fatal(err)
				}
				for _, d := range docs {
					if err := x.Add(d.ID, d.Title, d.Text); err != nil {
						b.Fatal(err)
					}
				}
				if err := x.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// openEnvIndex opens the index TERRIL_INDEX names, read-only, closed with b.
func openEnvIndex(b *testing.B) *Index {
	dir := os.Getenv("TERRIL_INDEX")
	if dir == "" {
		b.Skip("TERRIL_INDEX names no index")
	}
	ix, err := OpenReadOnly(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	return ix
}

// BenchmarkSearchIndex runs bench's plain query (ten hits with snippets) on the
// index in TERRIL_INDEX.
func BenchmarkSearchIndex(b *testing.B) {
	ix := openEnvIndex(b)
	for b.Loop() {
		if _, err := ix.Search(context.Background(), Query{Text: "rénovation énergétique", Snippets: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchFiltered runs bench's filtered query on the index in TERRIL_INDEX.
func BenchmarkSearchFiltered(b *testing.B) {
	ix := openEnvIndex(b)
	min := 1e6
	for b.Loop() {
		if _, err := ix.Search(context.Background(), Query{Text: "logement", Depts: []string{"62"}, MinAmount: &min, Snippets: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkToFields builds the fields of BenchmarkIndexDocs's documents: the part
// of indexing done in the pipeline's workers (Prepare), without Bleve's mapping.
func BenchmarkToFields(b *testing.B) {
	path := os.Getenv("TERRIL_DOCS")
	if path == "" {
		b.Skip("TERRIL_DOCS names no file of extracted documents")
	}
	docs := readDocs(b, path)
	for b.Loop() {
		for _, d := range docs {
			toFields(d)
		}
	}
}
