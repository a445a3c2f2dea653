package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"terril/index"
)

// progress reports documents as they pass: a bar with counts, rate and ETA on a
// terminal, a plain line every few seconds otherwise.
type progress struct {
	mu      sync.Mutex
	w       io.Writer
	bar     *progressbar.ProgressBar
	total   int
	done    int
	failed  int
	start   time.Time
	lastOut time.Time
	quiet   bool
	verbose bool      // page lines of long PDFs when not on a terminal
	lastPg  time.Time // when a page was last shown
}

// minProgressPages is the page count from which a PDF's pages are shown.
const minProgressPages = 10

// page shows a page of a long PDF read by a slow reader: in the bar's
// description on a terminal, else with -v as a line every few seconds.
func (p *progress) page(name string, page, pages int, reader string) {
	if pages < minProgressPages {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.quiet || (p.bar == nil && !p.verbose) {
		return
	}
	every := 2 * time.Second
	if p.bar != nil {
		every = 200 * time.Millisecond
	}
	if page < pages && time.Since(p.lastPg) < every {
		return
	}
	p.lastPg = time.Now()
	msg := fmt.Sprintf("%s: page %d/%d (%s)", filepath.Base(name), page, pages, reader)
	if p.bar != nil {
		if page == pages {
			msg = "ingest" // the document is read: back to the bar's own description
		}
		p.bar.Describe(termText(msg))
		return
	}
	fmt.Fprintln(p.w, termText(msg))
}

func newProgress(w io.Writer, quiet bool) *progress {
	p := &progress{w: w, start: time.Now(), lastOut: time.Now(), quiet: quiet}
	if f, ok := w.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(-1,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

func (p *progress) Total(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = n
	if p.bar != nil && n > 0 {
		p.bar.ChangeMax(n)
	}
}

func (p *progress) Done(url string, _ int64, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	if err != nil {
		p.failed++
	}
	if p.bar != nil {
		_ = p.bar.Add(1)
		return
	}
	if p.quiet || time.Since(p.lastOut) < 2*time.Second {
		return
	}
	p.lastOut = time.Now()
	rate := float64(p.done) / time.Since(p.start).Seconds()
	if p.total > 0 {
		eta := time.Duration(float64(p.total-p.done)/rate) * time.Second
		fmt.Fprintf(p.w, "%d/%d documents, %d failed, %s docs/s, ETA %s\n", p.done, p.total, p.failed, rateString(rate), eta.Round(time.Second))
	} else {
		fmt.Fprintf(p.w, "%d documents, %d failed, %s docs/s\n", p.done, p.failed, rateString(rate))
	}
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// rateString formats a rate with the precision it deserves: 0.25, 3.4, 120.
func rateString(r float64) string {
	switch {
	case r < 1:
		return fmt.Sprintf("%.2f", r)
	case r < 10:
		return fmt.Sprintf("%.1f", r)
	}
	return fmt.Sprintf("%.0f", r)
}

// limitMemory sets a soft memory limit of 768 MiB for the Go runtime unless
// GOMEMLIMIT says otherwise, so that a long ingest collects garbage before its heap
// outgrows a small machine. Bleve's memory-mapped segments are not counted by it.
// Under that limit the collector may wait until the heap is five times what is live
// (GOGC=400 unless GOGC says otherwise): an ingest allocates hundreds of MB a batch,
// and collecting at twice the live heap cost a fifth of its CPU.
func limitMemory() {
	startMemLog()
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// releaseInterval is how often releaseMapped hands back the index's mapped pages.
const releaseInterval = time.Second

// releaseMapped hands back the resident pages of ix's segment files every
// releaseInterval until the returned function is called (see
// index.ReleaseMapped): a long ingest's merges read the whole index through its
// mappings, and its resident set would otherwise grow with the index.
// TERRIL_RELEASE=0 turns it off, to measure without it.
func releaseMapped(ix *index.Index) (stop func()) {
	if os.Getenv("TERRIL_RELEASE") == "0" {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(releaseInterval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				ix.ReleaseMapped()
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
