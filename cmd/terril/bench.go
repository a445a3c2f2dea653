package main

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"terril/index"
	"terril/pipeline/synth"
)

const benchUsage = `
usage: terril bench [--docs N] [--size BYTES] [--dir DIR] [--rounds N] [--only KINDS]
                    [-j N] [--batch N] [--queries N] [--json]

Bench measures terril on a generated corpus shaped like the sample corpus (paragraphs
of the sample documents with communes, amounts, dates and people substituted),
written as HTML files under DIR/html (kept and reused when DIR is given):

  1. terril: "terril ingest" of those files — read, extract every fact, index —
     in a process of its own;
  2. the baselines, each in a process of its own: a bare Bleve index of the same
     files' title and text (tags stripped, no extraction, batches of --batch, one
     goroutine) with terril's mapping ("bare"), and one with Bleve's default mapping
     and its stock fr analyzer ("stock", the anchor);
  3. queries on terril's index: a plain query, a filtered query, a query with five
     facets matching at most 10 % of the corpus, and match-all with five facets,
     each timed --queries times (--queries 0: not timed).

The runs are interleaved, --rounds times (terril, bare, stock, then bare, stock,
terril…), so that a change in the machine's load falls on each alike. It reports for
each the documents/s (wall clock) and the CPU seconds (user + system of its
process, which the load of a shared machine moves less), the ratios of terril to
both baselines by both measures (the median over the rounds), index sizes on disk,
peak resident and anonymous memory of each process, and p50/p99 query latencies.

	terril bench --docs 100000                 # the reference run (takes minutes)
	terril bench --docs 5000 --rounds 1        # a quick look
	terril bench --docs 1000000 --only terril --rounds 1 --dir /tmp/m
`

type benchReport struct {
	Machine  string         `json:"machine"`
	Load     string         `json:"load"` // /proc/loadavg at start and end
	Docs     int            `json:"docs"`
	DocBytes int            `json:"doc_bytes"`
	CorpusMB float64        `json:"corpus_mb"`
	Runs     []ingestFigure `json:"runs"` // in the order they ran
	// Ratio and StockRatio are terril's docs/s over the bare and stock baselines'
	// (median over rounds); CPURatio and StockCPURatio the baselines' CPU seconds
	// over terril's.
	Ratio         float64     `json:"ratio"`
	StockRatio    float64     `json:"stock_ratio"`
	CPURatio      float64     `json:"cpu_ratio"`
	StockCPURatio float64     `json:"stock_cpu_ratio"`
	Queries       []queryStat `json:"queries"`
}

type ingestFigure struct {
	Kind       string  `json:"kind"` // terril, bare or stock
	Round      int     `json:"round"`
	Seconds    float64 `json:"seconds"`
	CPUSeconds float64 `json:"cpu_seconds"` // user + system of the process
	DocsPerSec float64 `json:"docs_per_s"`
	MBPerSec   float64 `json:"mb_per_s"`
	IndexMB    float64 `json:"index_mb"`
	PeakRSSMB  float64 `json:"peak_rss_mb"`  // resident set, index files mapped in memory included
	PeakAnonMB float64 `json:"peak_anon_mb"` // anonymous resident memory (heap, stacks): what the process allocated
}

type queryStat struct {
	Name    string  `json:"name"`
	Query   string  `json:"query"`
	Matches uint64  `json:"matches"`
	Share   float64 `json:"share"`
	P50ms   float64 `json:"p50_ms"`
	P99ms   float64 `json:"p99_ms"`
}

var benchKinds = []string{"terril", "bare", "stock"}

func benchCommand(ctx context.Context, e *env, args []string) error {
	fset := newFlags(e, "bench", benchUsage)
	n := fset.Int("docs", 100000, "`N` documents to generate")
	size := fset.Int("size", 3000, "approximate size of each document in `BYTES`")
	dir := fset.String("dir", "", "work `DIR`ectory for the files and indexes (default: a temporary one, removed)")
	rounds := fset.Int("rounds", 2, "`N` interleaved rounds of every run (0: write the files, time the queries of an index DIR holds)")
	only := fset.String("only", strings.Join(benchKinds, ","), "the runs to make: `KINDS` among terril, bare, stock")
	workers := fset.Int("j", 0, "`N` extraction workers of terril (default: the number of CPUs)")
	batch := fset.Int("batch", 1000, "documents per batch of the baselines")
	queries := fset.Int("queries", 200, "`N` timed runs of each query (0: the queries are not timed)")
	asJSON := fset.Bool("json", false, "print the report as JSON")
	cpuprofile := fset.String("cpuprofile", "", "write a CPU profile of terril's last ingest to `FILE`")
	phase := fset.String("phase", "", "(internal) run one ingest: `KIND` terril, bare or stock")
	ixFlag := fset.String("index", "", "(internal) the index `DIR` of --phase")
	if _, err := parseFlags(fset, args); err != nil {
		return err
	}
	if *phase != "" {
		return benchPhase(ctx, e, *phase, *dir, *ixFlag, *batch, *workers, *cpuprofile)
	}
	if *queries < 0 {
		return usageError{fmt.Sprintf("bench: --queries %d: want 0 or more", *queries)}
	}
	kinds := strings.Split(*only, ",")
	for _, k := range kinds {
		if !slices.Contains(benchKinds, k) {
			return usageError{fmt.Sprintf("bench: --only %q: want terril, bare or stock", k)}
		}
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
	rep := benchReport{Machine: machine(), Load: loadAvg(), Docs: *n, DocBytes: *size}
	files := filepath.Join(work, "html")
	total, err := benchCorpus(files, *n, *size)
	if err != nil {
		return err
	}
	rep.CorpusMB = float64(total) / 1e6
	fmt.Fprintf(e.stderr, "bench: %d documents of ~%d bytes (%.0f MB) in %s\n", *n, *size, rep.CorpusMB, files)
	last := filepath.Join(work, "terril")
	for r := range *rounds {
		for i := range kinds {
			kind := kinds[(i+r)%len(kinds)]
			ixDir := filepath.Join(work, kind)
			os.RemoveAll(ixDir)
			prof := ""
			if kind == "terril" && r == *rounds-1 {
				prof = *cpuprofile
			}
			f, err := benchRun(ctx, kind, files, ixDir, *batch, *workers, prof)
			if err != nil {
				return fmt.Errorf("bench: %s: %w", kind, err)
			}
			f.Round, f.DocsPerSec, f.MBPerSec = r+1, float64(*n)/f.Seconds, float64(total)/1e6/f.Seconds
			f.IndexMB = dirMB(ixDir)
			rep.Runs = append(rep.Runs, f)
			fmt.Fprintf(e.stderr, "bench: round %d %s: %.0f docs/s, %.1f CPU s, peak RSS %.0f MB\n", r+1, kind, f.DocsPerSec, f.CPUSeconds, f.PeakRSSMB)
			if kind != "terril" {
				os.RemoveAll(ixDir)
			}
		}
	}
	rep.Ratio, rep.CPURatio = benchRatios(rep.Runs, "bare")
	rep.StockRatio, rep.StockCPURatio = benchRatios(rep.Runs, "stock")
	if _, err := os.Stat(last); err == nil && slices.Contains(kinds, "terril") && *queries > 0 {
		ix, err := index.OpenReadOnly(last)
		if err != nil {
			return err
		}
		rep.Queries, err = benchQueries(ctx, ix, *n, *queries)
		ix.Close()
		if err != nil {
			return err
		}
	}
	rep.Load += " → " + loadAvg()
	if *asJSON {
		return writeJSON(e.stdout, rep)
	}
	printBench(e.stdout, rep)
	return nil
}

// printBench prints the report as text.
func printBench(w io.Writer, rep benchReport) {
	fmt.Fprintf(w, "machine: %s\nload (1, 5, 15 min): %s\ncorpus: %d HTML files of ~%d bytes (%.0f MB)\n\n",
		rep.Machine, rep.Load, rep.Docs, rep.DocBytes, rep.CorpusMB)
	fmt.Fprintf(w, "%-6s %-7s %9s %7s %8s %8s %9s %9s %9s\n", "round", "ingest", "docs/s", "MB/s", "seconds", "CPU s", "index MB", "peak RSS", "peak anon")
	for _, f := range rep.Runs {
		fmt.Fprintf(w, "%-6d %-7s %9.0f %7.2f %8.1f %8.1f %9.1f %6.0f MB %6.0f MB\n", f.Round, f.Kind, f.DocsPerSec, f.MBPerSec, f.Seconds, f.CPUSeconds, f.IndexMB, f.PeakRSSMB, f.PeakAnonMB)
	}
	if rep.Ratio > 0 || rep.StockRatio > 0 {
		fmt.Fprintf(w, "terril / bare: %.2f (docs/s), %.2f (CPU per document); terril / stock: %.2f (docs/s), %.2f (CPU)\n",
			rep.Ratio, rep.CPURatio, rep.StockRatio, rep.StockCPURatio)
	}
	if len(rep.Queries) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%-34s %9s %7s %8s %8s\n", "query", "matches", "share", "p50 ms", "p99 ms")
	for _, q := range rep.Queries {
		fmt.Fprintf(w, "%-34s %9d %6.1f%% %8.2f %8.2f\n", q.Name, q.Matches, 100*q.Share, q.P50ms, q.P99ms)
	}
}

// benchRatios returns the medians over the rounds of terril's docs/s over base's
// and of base's CPU seconds over terril's; zeros without both.
func benchRatios(runs []ingestFigure, base string) (speed, cpu float64) {
	var s, c []float64
	for _, t := range runs {
		if t.Kind != "terril" {
			continue
		}
		for _, b := range runs {
			if b.Kind == base && b.Round == t.Round {
				s = append(s, t.DocsPerSec/b.DocsPerSec)
				c = append(c, b.CPUSeconds/t.CPUSeconds)
			}
		}
	}
	return median(s), median(c)
}

func median(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	x = slices.Clone(x)
	sort.Float64s(x)
	if len(x)%2 == 1 {
		return x[len(x)/2]
	}
	return (x[len(x)/2-1] + x[len(x)/2]) / 2
}

// benchCorpus writes n generated HTML documents under dir, a thousand to a
// folder, unless dir already holds them (a file .complete names their number
// and size), and returns the bytes of their text.
func benchCorpus(dir string, n, size int) (int64, error) {
	stamp := filepath.Join(dir, ".complete")
	want := fmt.Sprintf("%d %d", n, size)
	if b, err := os.ReadFile(stamp); err == nil {
		have, total, _ := strings.Cut(strings.TrimSpace(string(b)), " total ")
		if have == want {
			v, _ := strconv.ParseInt(total, 10, 64)
			return v, nil
		}
	}
	os.RemoveAll(dir)
	g, err := synth.New(1)
	if err != nil {
		return 0, err
	}
	var total int64
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%04d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return 0, err
			}
		}
		text := g.Next(size)
		total += int64(len(text))
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%07d.html", i)), benchHTML(text), 0o644); err != nil {
			return 0, err
		}
	}
	return total, os.WriteFile(stamp, []byte(fmt.Sprintf("%s total %d\n", want, total)), 0o644)
}

// benchHTML is a generated text as an HTML page: its heading (second paragraph)
// as title and h1, its paragraphs as p.
func benchHTML(text string) []byte {
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	title := paras[0]
	if len(paras) > 1 {
		title = paras[1]
	}
	var b strings.Builder
	b.Grow(len(text) + 256)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title></head>\n<body><main>\n")
	for i, p := range paras {
		tag := "p"
		if i == 1 {
			tag = "h1"
		}
		fmt.Fprintf(&b, "<%s>%s</%s>\n", tag, html.EscapeString(p), tag)
	}
	b.WriteString("</main></body></html>\n")
	return []byte(b.String())
}

// benchRun runs one ingest of kind into ixDir in a child process and returns its
// wall time, CPU time and peak memory.
func benchRun(ctx context.Context, kind, files, ixDir string, batch, workers int, prof string) (ingestFigure, error) {
	exe, err := os.Executable()
	if err != nil {
		return ingestFigure{}, err
	}
	args := []string{"bench", "--phase", kind, "--dir", files, "--index", ixDir, "--batch", strconv.Itoa(batch), "-j", strconv.Itoa(workers)}
	if prof != "" {
		args = append(args, "--cpuprofile", prof)
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return ingestFigure{}, err
	}
	peak := watchRSS(cmd.Process.Pid)
	err = cmd.Wait()
	f := ingestFigure{Kind: kind, Seconds: time.Since(start).Seconds()}
	f.PeakRSSMB, f.PeakAnonMB = peak()
	if err != nil {
		return f, err
	}
	st := cmd.ProcessState
	f.CPUSeconds = (st.UserTime() + st.SystemTime()).Seconds()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		f.PeakRSSMB = max(f.PeakRSSMB, float64(ru.Maxrss)/1024)
	}
	return f, nil
}

// benchPhase is the child process of one run: terril's ingest of the files, or a
// baseline's indexing of them.
func benchPhase(ctx context.Context, e *env, kind, files, ixDir string, batch, workers int, prof string) error {
	limitMemory()
	if prof != "" {
		f, err := os.Create(prof)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	switch kind {
	case "terril":
		return ingestCommand(ctx, &env{stdout: io.Discard, stderr: e.stderr, stdin: e.stdin},
			[]string{"-q", "-j", strconv.Itoa(workers), "--index", ixDir, files})
	case "bare":
		return benchBare(ctx, files, ixDir, batch, index.NewBare)
	case "stock":
		return benchBare(ctx, files, ixDir, batch, index.NewStockBare)
	}
	return usageError{fmt.Sprintf("bench: --phase %q: want terril, bare or stock", kind)}
}

// benchBare indexes the title and text of the HTML files under files into a bare
// index made by open, in one goroutine.
func benchBare(ctx context.Context, files, dir string, batch int, open func(string, int) (*index.Bare, error)) error {
	bare, err := open(dir, batch)
	if err != nil {
		return err
	}
	err = filepath.WalkDir(files, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		title, text := stripHTML(data)
		rel, _ := filepath.Rel(files, path)
		return bare.Add(rel, title, text)
	})
	if cerr := bare.Close(); err == nil {
		err = cerr
	}
	return err
}

// stripHTML is the least a baseline does to index an HTML page: the text of its
// title element, and its text without tags, entities decoded.
func stripHTML(data []byte) (title, text string) {
	s := string(data)
	if _, rest, ok := strings.Cut(s, "<title>"); ok {
		title, _, _ = strings.Cut(rest, "</title>")
	}
	var b strings.Builder
	b.Grow(len(s))
	in := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
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

var fiveFacets = []string{"commune", "theme", "year", "genre", "dept"}

// benchQueries times the reference queries, runs times each; none when runs < 1.
func benchQueries(ctx context.Context, ix *index.Index, n, runs int) ([]queryStat, error) {
	if runs < 1 {
		return nil, nil
	}
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

// watchRSS samples the memory of process pid until the returned function is
// called, which returns the peaks in MB of its resident set (VmRSS: Bleve's
// memory-mapped segment files count in it as the kernel pages them in) and of its
// anonymous resident memory (RssAnon: what the process allocated).
func watchRSS(pid int) func() (rss, anon float64) {
	var peakRSS, peakAnon atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			r, a := memKB(pid)
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

// memKB reads VmRSS and RssAnon from /proc/PID/status (Linux); zeros elsewhere.
func memKB(pid int) (rss, anon int64) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
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

// loadAvg is the machine's load over 1, 5 and 15 minutes, "" where unknown.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
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
