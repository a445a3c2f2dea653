package main

import (
	"fmt"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"time"
)

// memLogMetrics are the figures memLog writes: the live heap (marked by the last
// collection), the heap's objects (live and garbage not yet swept), its free and
// released spans, and all the memory the runtime mapped.
var memLogMetrics = []string{
	"/gc/heap/live:bytes",
	"/memory/classes/heap/objects:bytes",
	"/memory/classes/heap/free:bytes",
	"/memory/classes/heap/released:bytes",
	"/memory/classes/total:bytes",
}

// startMemLog writes a line of runtime memory figures (MB) and the process's
// resident and anonymous memory every two seconds to the file TERRIL_MEMLOG
// names, when it is set: the split of an ingest's peak between live heap,
// garbage and mapped files; and, each time the live heap passed its largest by a
// tenth, the heap profile to the same name with ".heap" added: what is live at the
// peak. Without it, nothing is sampled. Only the first call
// starts it (bench's child process sets the limit, then its ingest again).
func startMemLog() { memLogOnce.Do(memLog) }

var memLogOnce sync.Once

// writeHeapProfile writes the heap profile of the last collection to path.
func writeHeapProfile(path string) {
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	pprof.WriteHeapProfile(f)
}

// memLogEvery is how often memLog writes a line.
var memLogEvery = 2 * time.Second

func memLog() {
	path := os.Getenv("TERRIL_MEMLOG")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		return
	}
	fmt.Fprintln(f, "seconds live objects free released total rss anon")
	go func() {
		start := time.Now()
		s := make([]metrics.Sample, len(memLogMetrics))
		for i, name := range memLogMetrics {
			s[i].Name = name
		}
		var peak uint64 // the largest live heap seen, in bytes
		for range time.Tick(memLogEvery) {
			metrics.Read(s)
			if live := s[0].Value.Uint64(); live > peak+peak/10 {
				peak = live
				writeHeapProfile(path + ".heap")
			}
			fmt.Fprintf(f, "%.0f", time.Since(start).Seconds())
			for _, v := range s {
				fmt.Fprintf(f, " %d", v.Value.Uint64()>>20)
			}
			rss, anon := memKB(os.Getpid())
			fmt.Fprintf(f, " %d %d\n", rss>>10, anon>>10)
		}
	}()
}
