package geo

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"terril/corpus"
	"terril/extract"
	"terril/extract/read"
	"terril/extract/text"
)

// benchText is about 4 MB of real French administrative text: the seeds and the
// reference texts of the shared PDFs, repeated.
func benchText(b *testing.B) *extract.Text {
	var parts []string
	for _, pat := range []string{"../../../shared/seeds/*.txt", "../../../shared/pdfs/reference/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err == nil {
				parts = append(parts, string(data))
			}
		}
	}
	if len(parts) == 0 {
		b.Skip("../shared is absent: no benchmark text")
	}
	one := strings.Join(parts, "\n\n")
	var sb strings.Builder
	for sb.Len() < 4<<20 {
		sb.WriteString(one)
		sb.WriteString("\n\n")
	}
	return extract.NewText(extract.Normalize(sb.String()))
}

// BenchmarkMatch measures the matcher alone over all of France's names.
func BenchmarkMatch(b *testing.B) {
	g := mustDefault(b)
	t := benchText(b)
	x := text.Lex(t)
	b.SetBytes(int64(len(t.S)))
	cpu := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		g.Match(&x)
	}
	reportCPU(b, cpu, len(t.S))
}

// cpuTime returns the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports MB per CPU-second: on a shared machine wall time overstates the
// cost when other processes take the cores.
func reportCPU(b *testing.B, start time.Duration, size int) {
	if used := cpuTime() - start; used > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/used.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkMatchDocuments measures documents of a few KB each, text folding included,
// as the extract step sees them.
func BenchmarkMatchDocuments(b *testing.B) {
	g := mustDefault(b)
	t := benchText(b)
	var docs []string
	for s := t.S; len(s) > 0; {
		n := min(len(s), 6000)
		for n < len(s) && s[n-1] != '\n' && n < len(s)-1 {
			n++
		}
		docs = append(docs, s[:n])
		s = s[n:]
	}
	b.SetBytes(int64(len(t.S)))
	cpu := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			g.MatchText(extract.NewText(d))
		}
	}
	reportCPU(b, cpu, len(t.S))
}

// BenchmarkExtractWithPlaces measures the whole extract step with the gazetteer wired
// in (extract.Options.Places), over the sample corpus, as cmd/terril runs it.
func BenchmarkExtractWithPlaces(b *testing.B) {
	docs := sampleDocs(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d.Text))
	}
	x, err := extract.New(extract.Options{Places: mustDefault(b)})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	cpu := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			doc := d
			x.Extract(&doc)
		}
	}
	reportCPU(b, cpu, int(size))
}

// sampleDocs reads the sample corpus as the extract step sees it (title and
// normalised text, files read.Read refuses left out), or skips tb when the corpus
// is absent.
func sampleDocs(tb testing.TB) []corpus.Document {
	tb.Helper()
	files, _ := filepath.Glob("../../corpus/sample/docs/*")
	if len(files) == 0 {
		tb.Skip("../../corpus/sample/docs is absent")
	}
	var docs []corpus.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		res, err := read.Read(f, "", data)
		if err != nil {
			continue
		}
		docs = append(docs, corpus.Document{ID: filepath.Base(f), Title: res.Title, Text: res.Text})
	}
	return docs
}
