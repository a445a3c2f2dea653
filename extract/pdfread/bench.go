package pdfread

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"terril/extract/read"
	"terril/extract/text"
)

// A BenchFile is the measure of one PDF of a fixture directory.
type BenchFile struct {
	Name     string
	Kind     string // text_kind of MANIFEST.tsv: text, scanned, hybrid…
	Pages    int
	Readers  map[string]int // pages per reader ("" for pages not read)
	Took     time.Duration
	Agree    Agreement // against reference/NAME.pdftotext.txt; zero when no reference text
	Layer    Agreement // the same, without OCR: the text layer alone, which the reference is
	HasRef   bool      // the reference holds text
	French   float64   // share of word tokens that are French words, in the whole text
	Unread   int
	Err      error
	FastOnly Agreement // the fast reader alone, for comparison
	// Broken and FastBroken are the shares of lines that break a sentence apart
	// (read.BrokenLines) in the text read and in the fast reader's alone.
	// RefBroken is the same share in the reference text (poppler's pdftotext).
	Broken, FastBroken, RefBroken float64
}

// Scanned reports whether the file has no text layer of its own (text_kind "scanned").
func (b *BenchFile) Scanned() bool { return strings.HasPrefix(b.Kind, "scanned") }

// Hybrid reports whether some pages are images while others have text: its reference
// holds only the text layer, and OCR adds words to it, so it is judged on recall.
func (b *BenchFile) Hybrid() bool {
	return strings.HasPrefix(b.Kind, "hybrid") || strings.Contains(b.Kind, "scanned pages")
}

// Bench reads every PDF listed in dir/MANIFEST.tsv (the layout of ../shared/pdfs)
// with r, and measures each against dir/reference/NAME.pdftotext.txt. Pages OCR'd
// add words the reference (a text layer) lacks: Layer measures the file read again
// without OCR, Agree the whole text.
func Bench(ctx context.Context, dir string, r *Reader) ([]BenchFile, error) {
	kinds, err := readManifest(filepath.Join(dir, "MANIFEST.tsv"))
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(kinds))
	for n := range kinds {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []BenchFile
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		b := BenchFile{Name: n, Kind: kinds[n], Readers: map[string]int{}}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			b.Err = err
			out = append(out, b)
			continue
		}
		ref, _ := os.ReadFile(filepath.Join(dir, "reference", strings.TrimSuffix(n, ".pdf")+".pdftotext.txt"))
		b.HasRef = strings.TrimSpace(string(ref)) != ""
		t0 := time.Now()
		res, err := r.ReadPDF(ctx, n, data)
		b.Took = time.Since(t0)
		if err != nil {
			b.Err = err
			out = append(out, b)
			continue
		}
		b.Pages = len(res.Pages)
		for _, p := range res.Pages {
			b.Readers[p.Reader]++
			if p.Reader == "" {
				b.Unread++
			}
		}
		b.Agree = Agree(string(ref), res.Text)
		if b.Readers[read.ReaderOCR] > 0 {
			opts := r.opts
			opts.OCRPages = -1
			lres, err := New(opts).ReadPDF(ctx, n, data)
			if err == nil {
				b.Layer = Agree(string(ref), lres.Text)
			}
		} else {
			b.Layer = b.Agree
		}
		fast, _, _ := read.ReadPDF(data)
		b.FastOnly = Agree(string(ref), fast)
		b.Broken, b.FastBroken, b.RefBroken = brokenShare(res.Text), brokenShare(fast), brokenShare(string(ref))
		if tokens, french := text.WordStats(res.Text); tokens > 0 {
			b.French = float64(french) / float64(tokens)
		}
		out = append(out, b)
	}
	return out, nil
}

// PrintBench writes the figures of Bench as a Markdown table.
func PrintBench(w io.Writer, files []BenchFile) {
	fmt.Fprintln(w, "| file | kind | pages | readers (pages) | time | F1 text layer | F1 | recall | U+FFFD | French words | broken lines | fast reader alone F1 | its broken lines |")
	fmt.Fprintln(w, "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, b := range files {
		if b.Err != nil {
			fmt.Fprintf(w, "| %s | %s | | error: %v | | | | | | | | | |\n", b.Name, b.Kind, b.Err)
			continue
		}
		var rs []string
		for _, k := range []string{read.ReaderFast, read.ReaderPDFium, read.ReaderOCR, ""} {
			if n := b.Readers[k]; n > 0 {
				if k == "" {
					k = "not read"
				}
				rs = append(rs, fmt.Sprintf("%s %d", k, n))
			}
		}
		layer, f1, rec := "–", "–", "–"
		if b.HasRef {
			layer = fmt.Sprintf("%.3f", b.Layer.F1)
			f1, rec = fmt.Sprintf("%.3f", b.Agree.F1), fmt.Sprintf("%.3f", b.Agree.Recall)
		}
		fast := "–"
		if b.HasRef {
			fast = fmt.Sprintf("%.3f", b.FastOnly.F1)
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %.2f s | %s | %s | %s | %d | %.0f %% | %.1f %% | %s | %.1f %% |\n",
			b.Name, b.Kind, b.Pages, strings.Join(rs, ", "), b.Took.Seconds(), layer, f1, rec, b.Agree.FFFD, 100*b.French,
			100*b.Broken, fast, 100*b.FastBroken)
	}
}

func readManifest(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	kinds := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	col := -1
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if col < 0 {
			for i, h := range fields {
				if h == "text_kind" {
					col = i
				}
			}
			if col < 0 {
				return nil, fmt.Errorf("%s: no text_kind column", path)
			}
			continue
		}
		if len(fields) > col && strings.HasSuffix(fields[0], ".pdf") {
			kinds[fields[0]] = fields[col]
		}
	}
	return kinds, sc.Err()
}

// brokenShare is the share of text's lines that break a sentence apart.
func brokenShare(text string) float64 {
	broken, lines := read.BrokenLines(text)
	if lines == 0 {
		return 0
	}
	return float64(broken) / float64(lines)
}
