package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"terril/extract/geo"
	"terril/index"
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
