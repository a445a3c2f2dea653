package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"terril/corpus"
	"terril/extract/geo"
	"terril/index"
	"terril/pipeline"
)

// waitFlag adds --wait: how long to wait for an index another process holds.
func waitFlag(fs *flag.FlagSet) *time.Duration {
	return fs.Duration("wait", index.DefaultWait, "wait at most `DURATION` for an index another process holds (0s: not at all)")
}

// openIndex opens the index in dir, saying at once on stderr when another process
// holds it, waiting at most wait (Ctrl-C ends the wait at once).
func openIndex(ctx context.Context, e *env, dir string, wait time.Duration, readOnly bool) (*index.Index, error) {
	if wait <= 0 {
		wait = -1 // index.Options: no wait
	}
	ix, err := index.OpenContext(ctx, dir, index.Options{
		ReadOnly: readOnly,
		Wait:     wait,
		Busy: func(holder string) {
			fmt.Fprintf(e.stderr, "terril: index %s is busy, held by %s; waiting up to %s (--wait)\n", dir, holder, max(wait, 0))
		},
	})
	var busy *index.BusyError
	if errors.As(err, &busy) {
		return nil, fmt.Errorf("%w (--wait %s)", err, max(wait, 0))
	}
	return ix, err
}

// openSearchIndexWait opens the index read-only (see openIndex) with the gazetteer
// as its resolver.
func openSearchIndexWait(ctx context.Context, e *env, dir string, wait time.Duration) (*index.Index, error) {
	ix, err := openIndex(ctx, e, dir, wait, true)
	if err != nil {
		return nil, err
	}
	if g, err := geo.Default(); err == nil {
		ix.Resolver = gazetteerResolver{g}
	}
	return ix, nil
}

// maxTextFlag adds --max-text: the most text one document contributes.
func maxTextFlag(fs *flag.FlagSet) *sizeFlag {
	v := sizeFlag(pipeline.DefaultMaxText)
	fs.Var(&v, "max-text", "index at most `SIZE` of text per document (2M, 500k; -1: no cap); the rest is left out and the document named")
	return &v
}

// sizeFlag is a size in bytes, written with an optional k or M suffix (powers of 1024).
type sizeFlag int

func (s *sizeFlag) String() string {
	switch n := int(*s); {
	case n > 0 && n%(1<<20) == 0:
		return strconv.Itoa(n>>20) + "M"
	case n > 0 && n%(1<<10) == 0:
		return strconv.Itoa(n>>10) + "k"
	default:
		return strconv.Itoa(n)
	}
}

func (s *sizeFlag) Set(v string) error {
	mult := 1
	switch {
	case strings.HasSuffix(v, "M"), strings.HasSuffix(v, "m"):
		mult, v = 1<<20, v[:len(v)-1]
	case strings.HasSuffix(v, "k"), strings.HasSuffix(v, "K"):
		mult, v = 1<<10, v[:len(v)-1]
	}
	n, err := strconv.Atoi(v)
	if err != nil || n == 0 {
		return fmt.Errorf("want a size such as 2M, 500k or 1000000, or -1 for no cap")
	}
	if n < 0 {
		n, mult = -1, 1
	}
	*s = sizeFlag(n * mult)
	return nil
}

// truncations collects the documents indexed with their text cut, for the summary.
type truncations struct {
	mu    sync.Mutex
	lines []string
}

func (t *truncations) indexed(docs []*corpus.Document) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, d := range docs {
		for _, p := range d.Problems {
			if pipeline.IsTruncation(p) {
				t.lines = append(t.lines, d.URL+": "+p)
			}
		}
	}
}
