package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"terril/corpus/store"
	"terril/pipeline"
)

const reindexUsage = `
usage: terril reindex [--index DIR] [--store DIR] [--source NAME]... [--themes FILE]

Reindex reads every document kept in the capture store by "terril crawl" (its last
capture), extracts it again and replaces it in the index, without the network. Run
it after the extractors changed, or after a document that could not be read at
crawl time: a capture that failed is kept, and reindex retries it.

	terril reindex
	terril reindex --source prefecture-var-raa
`

func reindexCommand(ctx context.Context, e *env, args []string) error {
	fset := newFlags(e, "reindex", reindexUsage)
	dir := indexFlag(fset)
	wait := waitFlag(fset)
	textCap := maxTextFlag(fset)
	storeFlagV := storeFlag(fset)
	var names multiFlag
	fset.Var(&names, "source", "reindex only the documents of source `NAME` (repeatable)")
	themes, ocrPages := readerFlags(fset)
	workers := fset.Int("j", 0, "`N` documents read in parallel (default: the number of CPUs)")
	quiet := fset.Bool("q", false, "no progress output")
	rest, err := parseFlags(fset, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fset.Usage()
		return usageError{"reindex: unexpected argument " + rest[0]}
	}
	sd := storeDir(e.stderr, *storeFlagV, *dir)
	if _, err := os.Stat(sd); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reindex: no capture store in %s (run terril crawl first, or give --store)", sd)
	}
	proc, err := newProcessor(*themes, *ocrPages)
	if err != nil {
		return err
	}
	proc.MaxText = int(*textCap)
	st, err := store.Open(sd)
	if err != nil {
		return err
	}
	defer st.Close()
	ix, err := openIndex(ctx, e, *dir, *wait, false)
	if err != nil {
		return err
	}
	defer ix.Close()
	defer releaseMapped(ix)()
	c := &pipeline.Crawler{Store: st}
	return runCrawler(ctx, e, c, ix, proc, c.Captured(names...), *workers, *quiet, "reindex")
}
