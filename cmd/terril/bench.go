package main

import (
	"bufio"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"terril/corpus"
	"terril/index"
	"terril/pipeline"
	"terril/pipeline/synth"
)

const benchUsage = `
usage: terril bench [--docs N] [--size BYTES] [--dir DIR] [-j N] [--batch N] [--queries N]

Bench measures terril on a generated corpus shaped like the sample corpus (paragraphs
of the sample documents with communes, amounts, dates and people substituted):

  1. ingest end to end — read, extract every fact, index — with the pipeline;
  2. index the same documents into bare Bleve indexes, with no extraction (title and
     text only, batches of --batch, one goroutine): one of terril's mapping, and one
     of Bleve's default mapping with its stock fr analyzer (the anchor);
  3. time queries on terril's index: a plain query, a filtered query, a query with
     five facets matching at most 10 % of the corpus, and match-all with five facets.

It reports documents/s, MB/s, the ratios of terril's ingest throughput to both, index sizes on
disk, peak memory (resident set) of each phase, and p50/p99 query latencies.

	terril bench --docs 100000          # the reference run (takes minutes)
	terril bench --docs 5000 --json     # a quick look
`

type benchReport struct {
	Machine  string       `json:"machine"`
	Docs     int          `json:"docs"`
	DocBytes int          `json:"doc_bytes"`
	Terril   ingestFigure `json:"terril"`
	Bare     ingestFigure `json:"bare"`
	Stock    ingestFigure `json:"stock"` // bare Bleve, default mapping, stock fr analyzer
	Ratio    float64      `json:"ratio"`
	// StockRatio is terril's throughput over the stock baseline's.
	StockRatio float64     `json:"stock_ratio"`
	Queries    []queryStat `json:"queries"`
	Extracted  struct {
		Amounts, Communes, Dates, People int
	} `json:"extracted"`
}

type ingestFigure struct {
	Seconds    float64 `json:"seconds"`
	DocsPerSec float64 `json:"docs_per_s"`
	MBPerSec   float64 `json:"mb_per_s"`
	IndexMB    float64 `json:"index_mb"`
	PeakRSSMB  float64 `json:"peak_rss_mb"`  // resident set, index files mapped in memory included
	PeakAnonMB float64 `json:"peak_anon_mb"` // anonymous resident memory (heap, stacks): what the process allocated
	Failed     int     `json:"failed"`
}

type queryStat struct {
	Name    string  `json:"name"`
	Query   string  `json:"query"`
	Matches uint64  `json:"matches"`
	Share   float64 `json:"share"`
	P50ms   float64 `json:"p50_ms"`
	P99ms   float64 `json:"p99_ms"`
}

func benchCommand(ctx context.Context, e *env, args []string) error {
	fset := newFlags(e, "bench", benchUsage)
	n := fset.Int("docs", 100000, "`N` documents to generate")
	size := fset.Int("size", 3000, "approximate size of each document in `BYTES`")
	dir := fset.String("dir", "", "work `DIR`ectory for the indexes (default: a temporary one, removed)")
	workers := fset.Int("j", 0, "`N` extraction workers (default: the number of CPUs)")
	batch := fset.Int("batch", 1000, "documents per index batch, for both runs")
	queries := fset.Int("queries", 200, "`N` timed runs of each query")
	asJSON := fset.Bool("json", false, "print the report as JSON")
	cpuprofile := fset.String("cpuprofile", "", "write a CPU profile of the terril ingest phase to `FILE`")
	if _, err := parseFlags(fset, args); err != nil {
		return err
	}
	work := *dir
	if work == "" {
		tmp, err := os.MkdirTemp("", "terril-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		work = tmp
	}
	limitMemory()
	rep := benchReport{Machine: machine(), Docs: *n, DocBytes: *size}
	proc, err := newProcessor("", 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bench: %d documents of ~%d bytes in %s\n", *n, *size, work)

	// 1. terril, end to end.
	ix, err := index.Open(filepath.Join(work, "terril"))
	if err != nil {
		return err
	}
	var bytesIn atomic.Int64
	produce := func(ctx context.Context, out chan<- pipeline.Input) error {
		g, err := synth.New(1)
		if err != nil {
			return err
		}
		for i := range *n {
			text := g.Next(*size)
			bytesIn.Add(int64(len(text)))
			if err := pipeline.Send(ctx, out, pipeline.Input{URL: fmt.Sprintf("synth/%07d.txt", i), Data: []byte(text)}); err != nil {
				return err
			}
		}
		return nil
	}
	var extracted [4]atomic.Int64
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer f.Close()
	}
	peak := watchRSS()
	start := time.Now()
	stats, err := pipeline.Run(ctx, pipeline.Config{Processor: proc, Sink: ix, Workers: *workers, Batch: *batch,
		Indexed: func(docs []*corpus.Document) {
			for _, d := range docs {
				extracted[0].Add(int64(len(d.Amounts)))
				extracted[1].Add(int64(len(d.Communes)))
				extracted[2].Add(int64(len(d.Dates)))
				extracted[3].Add(int64(len(d.People)))
			}
		}}, produce)
	el := time.Since(start)
	if *cpuprofile != "" {
		pprof.StopCPUProfile()
	}
	rep.Terril = figure(el, stats.Read+stats.Failed, bytesIn.Load(), stats.Failed)
	rep.Terril.PeakRSSMB, rep.Terril.PeakAnonMB = peak()
	if err != nil {
		ix.Close()
		return err
	}
	rep.Extracted.Amounts, rep.Extracted.Communes = int(extracted[0].Load()), int(extracted[1].Load())
	rep.Extracted.Dates, rep.Extracted.People = int(extracted[2].Load()), int(extracted[3].Load())
	fmt.Fprintf(e.stderr, "bench: terril ingest %.0f docs/s\n", rep.Terril.DocsPerSec)

	// 3. queries (on the terril index, before the bare run changes the cache).
	rep.Queries, err = benchQueries(ctx, ix, *n, *queries)
	ix.Close()
	if err != nil {
		return err
	}
	rep.Terril.IndexMB = dirMB(filepath.Join(work, "terril"))

	// 2. bare Bleve, same documents, no extraction: terril's mapping, then
	// Bleve's defaults with the stock fr analyzer.
	var total int64
	if rep.Bare, total, err = benchBare(ctx, filepath.Join(work, "bare"), *n, *size, *batch, index.NewBare); err != nil {
		return err
	}
	if rep.Stock, _, err = benchBare(ctx, filepath.Join(work, "stock"), *n, *size, *batch, index.NewStockBare); err != nil {
		return err
	}
	rep.Ratio = rep.Terril.DocsPerSec / rep.Bare.DocsPerSec
	rep.StockRatio = rep.Terril.DocsPerSec / rep.Stock.DocsPerSec

	if *asJSON {
		return writeJSON(e.stdout, rep)
	}
	w := e.stdout
	fmt.Fprintf(w, "machine: %s\ncorpus: %d documents of ~%d bytes (%.0f MB)\n\n", rep.Machine, rep.Docs, rep.DocBytes, float64(total)/1e6)
	fmt.Fprintf(w, "%-28s %10s %8s %8s %10s %10s %10s\n", "ingest", "docs/s", "MB/s", "seconds", "index MB", "peak RSS", "peak anon")
	for _, r := range []struct {
		name string
		f    ingestFigure
	}{{"terril (read+extract+index)", rep.Terril}, {"bare Bleve (index only)", rep.Bare}, {"stock Bleve (fr, defaults)", rep.Stock}} {
		fmt.Fprintf(w, "%-28s %10.0f %8.2f %8.1f %10.1f %7.0f MB %7.0f MB\n", r.name, r.f.DocsPerSec, r.f.MBPerSec, r.f.Seconds, r.f.IndexMB, r.f.PeakRSSMB, r.f.PeakAnonMB)
	}
	fmt.Fprintf(w, "ratio terril / bare: %.2f; terril / stock: %.2f\n", rep.Ratio, rep.StockRatio)
	fmt.Fprintf(w, "extracted: %d amounts, %d communes, %d dates, %d people\n\n", rep.Extracted.Amounts, rep.Extracted.Communes, rep.Extracted.Dates, rep.Extracted.People)
	fmt.Fprintf(w, "%-34s %9s %7s %8s %8s\n", "query", "matches", "share", "p50 ms", "p99 ms")
	for _, q := range rep.Queries {
		fmt.Fprintf(w, "%-34s %9d %6.1f%% %8.2f %8.2f\n", q.Name, q.Matches, 100*q.Share, q.P50ms, q.P99ms)
	}
	return nil
}

// benchBare indexes the generated documents (title and text) into a bare index
// made by open, in one goroutine, and returns its figures and the bytes of text.
func benchBare(ctx context.Context, dir string, n, size, batch int, open func(string, int) (*index.Bare, error)) (ingestFigure, int64, error) {
	debug.FreeOSMemory()
	bare, err := open(dir, batch)
	if err != nil {
		return ingestFigure{}, 0, err
	}
	g, err := synth.New(1)
	if err != nil {
		return ingestFigure{}, 0, err
	}
	peak := watchRSS()
	start := time.Now()
	var total int64
	for i := range n {
		if err := ctx.Err(); err != nil {
			bare.Close()
			return ingestFigure{}, 0, err
		}
		text := g.Next(size)
		total += int64(len(text))
		title, _, _ := strings.Cut(text, "\n")
		if err := bare.Add(fmt.Sprintf("synth/%07d", i), title, text); err != nil {
			bare.Close()
			return ingestFigure{}, 0, err
		}
	}
	if err := bare.Close(); err != nil {
		return ingestFigure{}, 0, err
	}
	f := figure(time.Since(start), n, total, 0)
	f.PeakRSSMB, f.PeakAnonMB = peak()
	f.IndexMB = dirMB(dir)
	return f, total, nil
}

func figure(el time.Duration, docs int, bytes int64, failed int) ingestFigure {
	s := el.Seconds()
	return ingestFigure{Seconds: s, DocsPerSec: float64(docs) / s, MBPerSec: float64(bytes) / 1e6 / s, Failed: failed}
}

var fiveFacets = []string{"commune", "theme", "year", "genre", "dept"}

// benchQueries times the reference queries.
func benchQueries(ctx context.Context, ix *index.Index, n, runs int) ([]queryStat, error) {
	// The five-facet query: the candidate matching the most documents without
	// exceeding 10 % of them.
	best, bestN := "", uint64(0)
	for _, w := range []string{"beffroi", "médiathèque", "gigafactory", "cokerie", "collège", "fibre", "tourisme",
		"santé", "friche", "logement", "commune:Lens", "commune:Amiens", "commune:Calais", "dept:02", "dept:60",
		"dept:80", "genre:article", "genre:page", "theme:sante", "theme:tourisme", "mention:2030", "date:2019", "date:2020"} {
		r, err := ix.Search(ctx, index.Query{Text: w, Size: -1})
		if err != nil {
			return nil, err
		}
		if r.Total <= uint64(n/10) && r.Total > bestN {
			best, bestN = w, r.Total
		}
	}
	if best == "" {
		return nil, fmt.Errorf("bench: no candidate query matches at most 10 %% of the corpus")
	}
	min := 1e6
	qs := []struct {
		name string
		q    index.Query
	}{
		{"plain: rénovation énergétique", index.Query{Text: "rénovation énergétique", Snippets: true}},
		{"filtered: logement dept:62 ≥1M€", index.Query{Text: "logement", Depts: []string{"62"}, MinAmount: &min, Snippets: true}},
		{"5 facets: " + best, index.Query{Text: best, Facets: fiveFacets}},
		{"5 facets: match all", index.Query{Facets: fiveFacets}},
	}
	var out []queryStat
	for _, q := range qs {
		var times []float64
		var total uint64
		for i := range runs + 5 {
			start := time.Now()
			r, err := ix.Search(ctx, q.q)
			if err != nil {
				return nil, err
			}
			if i >= 5 {
				times = append(times, float64(time.Since(start).Microseconds())/1000)
			}
			total = r.Total
		}
		sort.Float64s(times)
		out = append(out, queryStat{Name: q.name, Query: q.q.Text, Matches: total, Share: float64(total) / float64(n),
			P50ms: times[len(times)/2], P99ms: times[(len(times)*99)/100]})
	}
	return out, nil
}

// watchRSS samples the memory of the process until the returned function is called,
// which returns the peaks in MB of the resident set (VmRSS: Bleve's memory-mapped
// segment files count in it as the kernel pages them in) and of the anonymous
// resident memory (RssAnon: what the process allocated).
func watchRSS() func() (rss, anon float64) {
	var peakRSS, peakAnon atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			r, a := memKB()
			if r > peakRSS.Load() {
				peakRSS.Store(r)
			}
			if a > peakAnon.Load() {
				peakAnon.Store(a)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() (float64, float64) {
		close(stop)
		<-done
		return float64(peakRSS.Load()) / 1024, float64(peakAnon.Load()) / 1024
	}
}

// memKB reads VmRSS and RssAnon from /proc/self/status (Linux); zeros elsewhere.
func memKB() (rss, anon int64) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	kb := func(s string) int64 {
		v, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(s), " kB"), 10, 64)
		return v
	}
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			rss = kb(rest)
		} else if rest, ok := strings.CutPrefix(sc.Text(), "RssAnon:"); ok {
			anon = kb(rest)
		}
	}
	return rss, anon
}

func dirMB(dir string) float64 {
	var n int64
	_ = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return float64(n) / 1e6
}

func machine() string {
	model := ""
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d CPUs, %s/%s, %s", model, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version())
}
