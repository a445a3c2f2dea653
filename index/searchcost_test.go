package index

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// costQueries are the queries BenchmarkQuerySet times and TestSearchDump writes:
// plain, phrase, filtered, faceted and sorted, with and without snippets.
func costQueries() []struct {
	name string
	q    Query
} {
	million := 1e6
	five := []string{"commune", "theme", "year", "genre", "dept"}
	return []struct {
		name string
		q    Query
	}{
		{"plain", Query{Text: "rénovation énergétique", Snippets: true}},
		{"plain_nosnip", Query{Text: "rénovation énergétique"}},
		{"plain_page3", Query{Text: "rénovation énergétique", Snippets: true, Offset: 20}},
		{"plain_50", Query{Text: "friche cokerie", Snippets: true, Size: 50}},
		{"one_word", Query{Text: "médiathèque", Snippets: true}},
		{"title_only", Query{Text: "titre:requalification", Snippets: true}},
		{"phrase", Query{Text: `"cités minières"`, Snippets: true}},
		{"phrase_words", Query{Text: `"fonds vert" subvention`, Snippets: true}},
		{"or_not", Query{Text: "(logement OR habitat) -friche", Snippets: true}},
		{"filtered", Query{Text: "logement", Depts: []string{"62"}, MinAmount: &million, Snippets: true}},
		{"field_only", Query{Text: "commune:Calais", Snippets: true}},
		{"facets", Query{Text: "commune:Calais", Facets: five}},
		{"facets_text", Query{Text: "tourisme", Facets: five, Snippets: true}},
		{"facets_all", Query{Facets: five}},
		{"sort_date", Query{Text: "vélo", Sort: "-date", Snippets: true}},
		{"sort_amount", Query{Text: "subvention", Sort: "-amount", Snippets: true}},
		{"stop_words", Query{Text: "le la des", Snippets: true}},
		{"none", Query{Text: "zzzqqqxxy", Snippets: true}},
		{"sums", Query{Text: "commune:Calais", Sums: []string{"theme", "doc-year"}, Size: 3, Snippets: true}},
		{"nested_or", Query{Text: "(friche cokerie) OR médiathèque", Snippets: true, Size: 20}},
		{"or_words", Query{Text: "(tourisme OR vélo) subvention", Snippets: true}},
		{"not_phrase", Query{Text: `-"cités minières" logement`, Snippets: true, Offset: 7}},
		{"repeated", Query{Text: "logement logement travaux", Snippets: true}},
		{"title_words", Query{Text: "titre:requalification friche", Snippets: true, Depts: []string{"62"}}},
		{"page_deep", Query{Text: "rénovation énergétique", Offset: 5000, Size: 20, Snippets: true}},
		{"all_hits", Query{Text: "requalification cokerie", Size: 5000}},
	}
}

// openCostIndex opens the index named by TERRIL_INDEX read-only, or skips.
func openCostIndex(tb testing.TB) *Index {
	dir := os.Getenv("TERRIL_INDEX")
	if dir == "" {
		tb.Skip("TERRIL_INDEX names no index")
	}
	ix, err := OpenReadOnly(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

// BenchmarkQuerySet runs each of costQueries on the index named by TERRIL_INDEX
// (one made by terril bench, say), for profiles and instruction counts
// (scripts/cost ./index BenchmarkQuerySet/plain), which the load does not move.
func BenchmarkQuerySet(b *testing.B) {
	ix := openCostIndex(b)
	ctx := context.Background()
	for _, c := range costQueries() {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestSearchDump writes the results of costQueries on the index named by
// TERRIL_INDEX to the file named by TERRIL_DUMP (hits, scores, snippets, totals,
// facets; not the time taken), to compare two builds byte for byte.
func TestSearchDump(t *testing.T) {
	out := os.Getenv("TERRIL_DUMP")
	if out == "" {
		t.Skip("TERRIL_DUMP names no file")
	}
	ix := openCostIndex(t)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, c := range costQueries() {
		r, err := ix.Search(context.Background(), c.q)
		if err != nil {
			t.Fatal(c.name, err)
		}
		r.Took = 0
		if err := enc.Encode(map[string]any{"name": c.name, "result": r}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSearchTimes times the queries of costQueries named by TERRIL_TIMES
// (comma-separated; "all" for every one) on the index named by TERRIL_INDEX,
// TERRIL_RUNS times each (default 300) after five unmeasured runs, and logs
// their p50 and p99: the latencies of one query alone in a process.
func TestSearchTimes(t *testing.T) {
	names := os.Getenv("TERRIL_TIMES")
	if names == "" {
		t.Skip("TERRIL_TIMES names no query")
	}
	runs := 300
	if n, err := strconv.Atoi(os.Getenv("TERRIL_RUNS")); err == nil && n > 0 {
		runs = n
	}
	ix := openCostIndex(t)
	ctx := context.Background()
	for _, c := range costQueries() {
		if names != "all" && !slices.Contains(strings.Split(names, ","), c.name) {
			continue
		}
		var ms []float64
		var cpu0 time.Duration
		for i := range runs + 5 {
			if i == 5 {
				cpu0 = cpuTime()
			}
			start := time.Now()
			if _, err := ix.Search(ctx, c.q); err != nil {
				t.Fatal(err)
			}
			if i >= 5 {
				ms = append(ms, float64(time.Since(start).Microseconds())/1000)
			}
		}
		cpu := float64((cpuTime() - cpu0).Microseconds()) / 1000 / float64(runs)
		slices.Sort(ms)
		t.Logf("%-14s p50 %6.2f ms  p99 %6.2f ms  CPU %6.2f ms a query  (%d runs)", c.name, ms[len(ms)/2], ms[len(ms)*99/100], cpu, runs)
	}
}

// cpuTime is the user and system time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
