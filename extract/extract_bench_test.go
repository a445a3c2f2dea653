package extract

import (
	"os"
	"path/filepath"
	"terril/extract/text"
	"testing"
	"time"

	"terril/corpus"
	"terril/extract/amounts"
	"terril/extract/dates"
	"terril/extract/genre"
	"terril/extract/read"
	"terril/extract/references"
)

// benchCorpus reads the sample corpus (../corpus/sample/docs), or the shared seeds
// when it is absent, into normalised texts with their titles.
func benchCorpus(b *testing.B) []corpus.Document {
	b.Helper()
	files, _ := filepath.Glob("../corpus/sample/docs/*")
	if len(files) == 0 {
		files, _ = filepath.Glob("../../shared/seeds/*.txt")
	}
	if len(files) == 0 {
		b.Skip("neither ../corpus/sample/docs nor ../../shared/seeds found")
	}
	var docs []corpus.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatalf("reading %s: %v", f, err)
		}
		res, err := read.Read(f, "", data)
		if err != nil {
			b.Logf("skipping %s: %v", f, err)
			continue
		}
		docs = append(docs, corpus.Document{ID: filepath.Base(f), Title: res.Title, Text: res.Text})
	}
	return docs
}

func corpusBytes(docs []corpus.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

// BenchmarkExtract measures the whole extract step (every extractor wired into
// Extractor.Extract) over the sample corpus; MB/s is of normalised text.
func BenchmarkExtract(b *testing.B) {
	docs := benchCorpus(b)
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			doc := d
			if p := x.Extract(&doc); len(p) > 0 {
				b.Fatalf("%s: %v", d.ID, p)
			}
		}
	}
	reportCPU(b, corpusBytes(docs), start)
}

// reportCPU adds the throughput per CPU-second of the process ("cpu-MB/s").
func reportCPU(b *testing.B, size int64, start time.Duration) {
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/used.Seconds(), "cpu-MB/s")
	}
}

// BenchmarkFacts measures the date, amount, reference, publication-date and genre
// extractors alone, folding included.
func BenchmarkFacts(b *testing.B) {
	docs := benchCorpus(b)
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			tk := text.Lex(NewText(d.Text))
			p := genre.Published(&tk)
			dates.Find(&tk, p)
			amounts.Find(&tk)
			references.Find(&tk)
			genre.Find(&tk, d.Title, p)
		}
	}
	reportCPU(b, corpusBytes(docs), start)
}

// BenchmarkFactsOnly is BenchmarkFacts without the folding (NewText), which the
// other extractors share.
func BenchmarkFactsOnly(b *testing.B) {
	docs := benchCorpus(b)
	texts := make([]*Text, len(docs))
	for i, d := range docs {
		texts[i] = NewText(d.Text)
	}
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for i, t := range texts {
			tk := text.Lex(t)
			p := genre.Published(&tk)
			dates.Find(&tk, p)
			amounts.Find(&tk)
			references.Find(&tk)
			genre.Find(&tk, docs[i].Title, p)
		}
	}
	reportCPU(b, corpusBytes(docs), start)
}
