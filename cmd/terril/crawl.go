package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"terril/corpus"
	"terril/corpus/store"
	"terril/index"
	"terril/pipeline"
	"terril/pipeline/fetch"
)

const crawlUsage = `
usage: terril crawl [--sources FILE|catalogue:GROUP]... [--source NAME]... [--contact EMAIL]
                    [--index DIR] [--store DIR] [-v]

Crawl fetches the sources listed in the sources file (RSS/Atom feeds, sitemaps, HTML
listings, DSFR sites, lists of URLs, local folders; see sources.example.yaml), then
reads, extracts and indexes the documents that are new or changed since the last
crawl. terril ships a catalogue of sources ("terril sources list": the 101
préfectures' recueils des actes and news, the Régions' press rooms…): --source
takes its names too, --sources catalogue:GROUP crawls a group of it, and an entry
of the sources file with a catalogue name replaces that entry. Without a sources
file, --contact gives the contact the User-Agent carries.

It is polite: one request per second per host by default, robots.txt honoured, a
User-Agent naming terril and the contact set in the sources file, retries with
exponential backoff on 429 and 5xx answers (Retry-After honoured), a size cap per
response, redirects kept within the source's hosts. It is incremental: every
response is kept in the capture store before it is parsed, and the manifest there
remembers each URL's state and validators, so a second crawl asks with
If-None-Match / If-Modified-Since, downloads nothing that did not change and
indexes nothing again. A crawl interrupted at any point (Ctrl-C, a crash) resumes
on the next run: nothing fetched is lost, nothing is indexed twice.

The capture store belongs to its index: it defaults to the "captures" folder inside
the index folder (an index made before, with a "captures" folder beside it, keeps
using that one); "terril reindex" re-extracts everything in it without the network.

At the end, one line per source: documents listed, new, changed, unchanged, failed,
indexed, and the downloads made; then each failure with its URL and reason. The exit
status is 1 when a source could not be listed or a document failed.

	cp sources.example.yaml sources.yaml   # set fetch.contact, check the sources
	terril crawl --sources sources.yaml --source prefecture-var-raa
	terril search "arrêté préfectoral"
`

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// storeFlag adds --store; its default is the "captures" folder inside the index.
func storeFlag(fs *flag.FlagSet) *string {
	return fs.String("store", "", "capture store `DIR`ectory (default: captures inside the index)")
}

// storeDir is the capture store of the index in indexDir: --store when given, else
// the "captures" folder inside the index, so that two indexes of one folder never
// share a manifest (which would make the second find everything unchanged). An
// existing index without one and with a "captures" folder beside it (the layout
// before) keeps that store, with a note on w; a new index never adopts it.
func storeDir(w io.Writer, flagValue, indexDir string) string {
	if flagValue != "" {
		return flagValue
	}
	own := filepath.Join(indexDir, "captures")
	old := filepath.Join(filepath.Dir(filepath.Clean(indexDir)), "captures")
	if exists(own) || !exists(filepath.Join(indexDir, "index_meta.json")) || !exists(old) {
		return own
	}
	fmt.Fprintf(w, "terril: using the capture store %s of the old layout, shared by the indexes of its folder; "+
		"move it into the index (mv %s %s) to give it to this index alone\n", old, old, own)
	return old
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func crawlCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "crawl", crawlUsage)
	dir := indexFlag(fs)
	wait := waitFlag(fs)
	textCap := maxTextFlag(fs)
	storeFlagV := storeFlag(fs)
	var specs multiFlag
	fs.Var(&specs, "sources", "sources `FILE` (YAML, default sources.yaml) or catalogue:GROUP (repeatable)")
	contact := fs.String("contact", "", "contact `EMAIL` or URL for the User-Agent (replaces the file's fetch.contact)")
	var names multiFlag
	fs.Var(&names, "source", "crawl only the source `NAME` (repeatable)")
	themes, ocrPages := readerFlags(fs)
	workers := fs.Int("j", 0, "`N` documents read in parallel (default: the number of CPUs)")
	verbose := fs.Bool("v", false, "log every retry and problem as it happens")
	quiet := fs.Bool("q", false, "no progress output")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		fs.Usage()
		return usageError{"crawl: unexpected argument " + rest[0]}
	}
	sf, selected, file, err := crawlPlan(specs, names, *contact)
	if err != nil {
		return err
	}
	srcs, err := crawlSources(selected)
	if err != nil {
		return err
	}
	client, err := fetch.New(fetchOptions(sf.Fetch))
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	proc, err := newProcessor(*themes, *ocrPages)
	if err != nil {
		return err
	}
	proc.MaxText = int(*textCap)
	// The store is chosen before the index is created (it may be of the old layout)
	// and opened after (it lives inside the index folder).
	sd := storeDir(e.stderr, *storeFlagV, *dir)
	ix, err := openIndex(ctx, e, *dir, *wait, false)
	if err != nil {
		return err
	}
	defer ix.Close()
	defer releaseMapped(ix)()
	st, err := store.Open(sd)
	if err != nil {
		return err
	}
	defer st.Close()
	c := &pipeline.Crawler{Client: client, Store: st}
	if *verbose {
		logf := func(format string, args ...any) { fmt.Fprintf(e.stderr, format+"\n", args...) }
		c.Logf, client.Logf = logf, logf
	}
	return runCrawler(ctx, e, c, ix, proc, c.Produce(srcs), *workers, *quiet, "crawl")
}

// runCrawler runs the pipeline with the crawler's callbacks and prints the summary.
func runCrawler(ctx context.Context, e *env, c *pipeline.Crawler, ix *index.Index, proc *pipeline.Processor,
	produce func(context.Context, chan<- pipeline.Input) error, workers int, quiet bool, what string) error {
	limitMemory()
	prog := newProgress(e.stderr, quiet)
	start := time.Now()
	var cut truncations
	stats, err := pipeline.Run(ctx, pipeline.Config{
		Processor: proc, Sink: ix, Workers: workers, Progress: prog,
		Indexed: func(docs []*corpus.Document) { c.Indexed(docs); cut.indexed(docs) },
		Failed:  c.Failed,
	}, produce)
	prog.finish()
	failed := printCrawlSummary(e.stdout, c.Stats())
	for _, l := range cut.lines {
		fmt.Fprintf(e.stdout, "truncated: %s\n", termText(l))
	}
	count, _ := ix.Count()
	fmt.Fprintf(e.stdout, "%s: read %d, indexed %d, failed %d in %s; index %s holds %d documents; captures in %s\n",
		what, stats.Read, stats.Indexed, stats.Failed, time.Since(start).Round(time.Millisecond), ix.Path(), count, c.Store.Dir())
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%s: %d failures", what, failed)
	}
	return nil
}

func printCrawlSummary(w io.Writer, stats []pipeline.SourceStats) int {
	failed := 0
	for _, s := range stats {
		fmt.Fprintf(w, "%s: listed %d, new %d, changed %d, unchanged %d, failed %d, indexed %d (%d downloads)\n",
			s.Name, s.Listed, s.New, s.Changed, s.Unchanged, s.Failed, s.Indexed, s.Downloads)
		if s.Err != nil {
			fmt.Fprintf(w, "  %s: not listed: %s\n", s.Name, termText(s.Err.Error()))
			failed++
		}
		for _, f := range s.Failures {
			fmt.Fprintf(w, "  failed: %s: %s\n", termText(f.URL), termText(f.Reason))
		}
		failed += len(s.Failures)
	}
	return failed
}
