package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
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
		fmt.Fprintf(p.w, "%d/%d documents, %d failed, %.0f docs/s, ETA %s\n", p.done, p.total, p.failed, rate, eta.Round(time.Second))
	} else {
		fmt.Fprintf(p.w, "%d documents, %d failed, %.0f docs/s\n", p.done, p.failed, rate)
	}
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
