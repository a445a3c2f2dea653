package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"terril/index"
	"terril/pipeline"
)

const ingestUsage = `
usage: terril ingest [--index DIR] [--source NAME] [--themes FILE] [-j N] PATH...

Ingest reads every file named and every readable file (.txt, .html, .htm, .pdf, .md)
under the folders named, extracts its facts, and adds it to the index. A document
is identified by its path relative to the folder named ("lens/deliberation.txt"),
or by its file name with its extension for a file named alone ("deliberation.txt"):
ingesting a file again the same way replaces its document, so re-running ingest on
a folder leaves the count unchanged, and same-named files of different folders or
extensions are different documents.

A file that cannot be read (a truncated PDF, a permission problem) is named in the
summary with the reason, and everything else is still indexed. The exit status is
then 1. A named pipe, socket or device is never opened: it is named in the summary
as skipped.

One document contributes at most --max-text of text (default 2M: two MiB of
normalised text, some hundreds of pages): a longer one is indexed with its
beginning only, named in the summary as truncated, with a problem recorded on it.
Of a text or HTML file, only the beginning that can give that much text is read.

An index another process holds (an ingest or a crawl writing to it) is said busy
at once, with who holds it, and waited for at most --wait (default 5s); then the
command fails. Ctrl-C ends the wait at once.

	terril ingest ../shared/seeds
	terril search "cités minières"
`

func ingestCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", ingestUsage)
	dir := indexFlag(fs)
	wait := waitFlag(fs)
	textCap := maxTextFlag(fs)
	source := fs.String("source", "local", "source `NAME` recorded on the documents")
	themes, ocrPages := readerFlags(fs)
	workers := fs.Int("j", 0, "`N` documents read in parallel (default: the number of CPUs)")
	quiet := fs.Bool("q", false, "no progress output")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return usageError{"ingest: no PATH given"}
	}
	limitMemory()
	proc, err := newProcessor(*themes, *ocrPages)
	if err != nil {
		return err
	}
	proc.MaxText = int(*textCap)
	ix, err := openIndex(ctx, e, *dir, *wait, false)
	if err != nil {
		return err
	}
	defer ix.Close()
	stats, err := ingest(ctx, e, ix, proc, pipeline.FilesMax(paths, *source, proc.MaxText), countFiles(paths), *workers, *quiet)
	if err != nil {
		return err
	}
	if stats.Failed > 0 {
		return fmt.Errorf("ingest: %d documents failed", stats.Failed)
	}
	return nil
}

// ingest runs the pipeline into ix and prints the summary.
func ingest(ctx context.Context, e *env, ix *index.Index, proc *pipeline.Processor,
	produce func(context.Context, chan<- pipeline.Input) error, total, workers int, quiet bool) (pipeline.Stats, error) {
	prog := newProgress(e.stderr, quiet)
	prog.Total(total)
	start := time.Now()
	var cut truncations
	stats, err := pipeline.Run(ctx, pipeline.Config{
		Processor: proc,
		Sink:      ix,
		Workers:   workers,
		Progress:  prog,
		Indexed:   cut.indexed,
	}, produce)
	prog.finish()
	elapsed := time.Since(start)
	count, _ := ix.Count()
	fmt.Fprintf(e.stdout, "read %d, indexed %d, failed %d in %s (%.1f MB, %s docs/s); index %s holds %d documents\n",
		stats.Read, stats.Indexed, stats.Failed, elapsed.Round(time.Millisecond),
		float64(stats.Bytes)/1e6, rateString(float64(stats.Read)/elapsed.Seconds()), ix.Path(), count)
	for _, f := range stats.Failures {
		fmt.Fprintf(e.stdout, "failed: %s: %s\n", termText(f.URL), termText(strings.TrimPrefix(f.Reason, "read "+f.URL+": ")))
	}
	for _, l := range cut.lines {
		fmt.Fprintf(e.stdout, "truncated: %s\n", termText(l))
	}
	for _, f := range stats.Skipped {
		fmt.Fprintf(e.stdout, "skipped: %s: %s\n", termText(f.URL), termText(strings.TrimPrefix(f.Reason, "skip "+f.URL+": ")))
	}
	if err != nil {
		return stats, err
	}
	return stats, nil
}

// countFiles counts the files Files will send, for the progress bar's ETA.
func countFiles(paths []string) int {
	n := 0
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			n++
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				// Files skips hidden entries too.
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && pipeline.Readable[strings.ToLower(filepath.Ext(path))] {
				n++
			}
			return nil
		})
	}
	return n
}
