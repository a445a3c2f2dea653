package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"terril/extract/pdfread"
)

const pdftextUsage = `
usage: terril pdftext [--reader auto|ledongthuc|pdfium|ocr] [--ocr-pages N] FILE.pdf
       terril pdftext --bench DIR

Pdftext prints the text terril reads from a PDF, for checking by hand. The default
reader, auto, reads each page with the fast reader (github.com/ledongthuc/pdf) and
checks the result with a quality gate; pages that fail it are read again with PDFium
(run as WebAssembly, no system library), and pages without a text layer (scans) are
rendered and read by Tesseract OCR with the French model, up to --ocr-pages pages.
--reader forces one reader for every page.

The text goes to standard output; standard error gets one line per page: the reader
that produced it, its characters, the gate's figures and the notes (why a page was
read again or not read). Pages left unread (OCR unavailable or over the page limit)
are reported there and do not change the exit status, which is 1 only when the file
cannot be read at all.

The first use of PDFium compiles its WebAssembly module (a few seconds) and caches the
result under the user's cache directory (--cache to change it).

--bench DIR reads every PDF listed in DIR/MANIFEST.tsv (the layout of ../shared/pdfs)
and prints, as a Markdown table, each file's readers, time and word F1 against
DIR/reference/NAME.pdftotext.txt:

	terril pdftext --bench ../shared/pdfs
`

func pdftextCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "pdftext", pdftextUsage)
	mode := fs.String("reader", pdfread.ModeAuto, "`reader`: auto, ledongthuc, pdfium or ocr")
	ocrPages := fs.Int("ocr-pages", 5, "OCR at most `N` pages per document (0: no OCR)")
	bench := fs.String("bench", "", "measure every PDF of `DIR` (MANIFEST.tsv, reference/) instead")
	cache := fs.String("cache", "", "PDFium compilation cache `DIR` (default "+pdfread.DefaultCacheDir()+`; "-" for none)`)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch *mode {
	case pdfread.ModeAuto, pdfread.ModeFast, pdfread.ModePDFium, pdfread.ModeOCR:
	default:
		return usageError{fmt.Sprintf("pdftext: unknown reader %q", *mode)}
	}
	opts := pdfread.Options{Mode: *mode, OCRPages: *ocrPages, Log: e.stderr}
	if *ocrPages <= 0 {
		opts.OCRPages = -1
	}
	if *cache != "" {
		opts.Runtime = pdfread.NewRuntime(pdfread.RuntimeOptions{CacheDir: *cache})
	}
	r := pdfread.New(opts)
	if *bench != "" {
		if len(files) > 0 {
			return usageError{"pdftext: --bench takes no FILE"}
		}
		res, err := pdfread.Bench(ctx, *bench, r)
		if err != nil {
			return fmt.Errorf("pdftext: bench %s: %w", *bench, err)
		}
		pdfread.PrintBench(e.stdout, res)
		return nil
	}
	if len(files) != 1 {
		fs.Usage()
		return usageError{"pdftext: give one FILE.pdf"}
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return fmt.Errorf("pdftext: %w", err)
	}
	res, err := r.ReadPDF(ctx, files[0], data)
	if err != nil {
		return fmt.Errorf("pdftext: %w", err)
	}
	for _, p := range res.Pages {
		reader := p.Reader
		if reader == "" {
			reader = "not read"
		}
		line := fmt.Sprintf("page %d: %s, %d chars, %d ms", p.Number, reader, p.Chars, p.Millis)
		if g := p.Gate; g != nil {
			line += fmt.Sprintf(" [gate %s: %d chars, %d text ops, %d forms, %d images, replacement %.3f, non-words %.2f, split %d, broken lines %d]",
				passFail(g.Pass), g.Chars, g.TextOps, g.FormXObjects, g.Images, g.Replacement, g.NonWords, g.SplitWords, g.BrokenLines)
		}
		if p.Note != "" {
			line += " — " + p.Note
		}
		fmt.Fprintln(e.stderr, line)
	}
	fmt.Fprintln(e.stdout, strings.TrimSpace(res.Text))
	return nil
}

func passFail(ok bool) string {
	if ok {
		return "pass"
	}
	return "fail"
}
