package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"terril/index"
	"terril/pipeline"
)

const ingestUsage = `
usage: terril ingest [--index DIR] [--source NAME] [--include GLOB] [--exclude GLOB]
                     [--themes FILE] [-j N] [-v] PATH...

Ingest reads every file named and every readable file (.txt, .md, .html, .htm, .pdf,
.docx, .odt) under the folders named, extracts its facts, and adds it to the index.
A document is identified by its path relative to the folder named
("lens/deliberation.txt"), or by its file name with its extension for a file named
alone ("deliberation.txt"): ingesting a file again the same way replaces its
document, so re-running ingest on a folder leaves the count unchanged, and
same-named files of different folders or extensions are different documents.

--include and --exclude choose files by glob (repeatable; '*' does not cross '/';
case is ignored). A pattern matches a file when it matches its path relative to the
folder named, its name, or the path or name of a folder it is in. With --include,
only the files one of them matches are read; --exclude leaves out what it matches,
even if included. Hidden files and folders (".git") are never read.

	terril ingest --include '*.pdf' --exclude 'brouillons/*' conseil/
	terril ingest --exclude brouillons --exclude '*_v[0-9].docx' conseil/

The summary adds up: files seen = read + failed + skipped. A file that cannot be
read (a truncated PDF, a malformed DOCX, a permission problem) is named with the
reason, and everything else is still indexed; the exit status is then 1. Skipped
files are counted by reason, with the first few names (-v: all of them):
unsupported type (an image, a spreadsheet found in a folder), too large (a file
that must be read whole, larger than --max-file), not a regular file (a named
pipe, socket or device is never opened), excluded (by --include or --exclude).

A long PDF read by PDFium or OCR shows its pages as they are read ("recueil.pdf:
page 40/111"), on the progress bar on a terminal, or as lines with -v. The first
PDF that needs PDFium on a machine waits while its engine is compiled, once.

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
	maxFile := sizeFlag(pipeline.DefaultMaxFile)
	fs.Var(&maxFile, "max-file", "skip a PDF, DOCX or ODT larger than `SIZE` (512M; -1: no cap): it is read whole")
	var include, exclude multiFlag
	fs.Var(&include, "include", "read only the files matching `GLOB` (repeatable)")
	fs.Var(&exclude, "exclude", "leave out the files matching `GLOB` (repeatable)")
	source := fs.String("source", "local", "source `NAME` recorded on the documents")
	themes, ocrPages := readerFlags(fs)
	workers := fs.Int("j", 0, "`N` documents read in parallel (default: the number of CPUs)")
	quiet := fs.Bool("q", false, "no progress output")
	verbose := fs.Bool("v", false, "name every file skipped")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fs.Usage()
		return usageError{"ingest: no PATH given"}
	}
	filter := pipeline.Filter{Include: include, Exclude: exclude}
	if err := filter.Check(); err != nil {
		return usageError{"ingest: " + err.Error()}
	}
	limitMemory()
	prog := newProgress(e.stderr, *quiet)
	prog.verbose = *verbose
	proc, err := newProcessorWith(*themes, *ocrPages, prog.page)
	if err != nil {
		return err
	}
	proc.MaxText = int(*textCap)
	ix, err := openIndex(ctx, e, *dir, *wait, false)
	if err != nil {
		return err
	}
	defer ix.Close()
	defer releaseMapped(ix)()
	files := pipeline.FilesWith(paths, pipeline.FileOptions{Source: *source, TextCap: proc.MaxText, MaxFile: int64(maxFile), Filter: filter})
	prog.Total(countFiles(paths))
	stats, err := ingest(ctx, e, ix, proc, files, prog, *workers, *verbose)
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
	produce func(context.Context, chan<- pipeline.Input) error, prog *progress, workers int, verbose bool) (pipeline.Stats, error) {
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
	files := "files"
	if stats.Seen() == 1 {
		files = "file"
	}
	fmt.Fprintf(e.stdout, "%d %s: read %d, failed %d, skipped %d; indexed %d in %s (%.1f MB, %s docs/s); index %s holds %d documents\n",
		stats.Seen(), files, stats.Read, stats.Failed, len(stats.Skipped), stats.Indexed, elapsed.Round(time.Millisecond),
		float64(stats.Bytes)/1e6, rateString(float64(stats.Read+stats.Failed)/elapsed.Seconds()), ix.Path(), count)
	for _, f := range stats.Failures {
		fmt.Fprintf(e.stdout, "failed: %s: %s\n", termText(f.URL), termText(strings.TrimPrefix(f.Reason, "read "+f.URL+": ")))
	}
	for _, l := range cut.lines {
		fmt.Fprintf(e.stdout, "truncated: %s\n", termText(l))
	}
	printSkipped(e.stdout, stats.Skipped, verbose)
	if err != nil {
		return stats, err
	}
	return stats, nil
}

// skipNames is how many names of each skip reason the summary gives without -v.
const skipNames = 3

// printSkipped reports the skipped files: one line per reason with its count and
// its first few names, or with verbose one line per file.
func printSkipped(w io.Writer, skipped []pipeline.Failure, verbose bool) {
	if verbose {
		for _, f := range skipped {
			fmt.Fprintf(w, "skipped: %s: %s\n", termText(f.URL), termText(strings.TrimPrefix(f.Reason, "skip "+f.URL+": ")))
		}
		return
	}
	for _, reason := range pipeline.SkipReasons() {
		var names []string
		n := 0
		for _, f := range skipped {
			if f.Skip != reason.Error() {
				continue
			}
			n++
			if len(names) < skipNames {
				names = append(names, skipName(f, reason))
			}
		}
		if n == 0 {
			continue
		}
		more := ""
		if n > len(names) {
			more = fmt.Sprintf(" and %d more (-v names them)", n-len(names))
		}
		fmt.Fprintf(w, "skipped %d, %s: %s%s\n", n, reason, termText(strings.Join(names, ", ")), more)
	}
}

// skipName is the name of a skipped file in the summary, with the detail of its
// reason (the kind of special file, the size) where the name does not say it.
func skipName(f pipeline.Failure, reason error) string {
	if reason == pipeline.ErrUnsupported {
		return f.URL
	}
	detail := strings.TrimPrefix(f.Reason, "skip "+f.URL+": "+reason.Error())
	if detail == f.Reason {
		return f.URL
	}
	return f.URL + detail
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
			if !d.IsDir() {
				// Skipped files pass through the progress too.
				n++
			}
			return nil
		})
	}
	return n
}
