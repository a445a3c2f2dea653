package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"text/tabwriter"

	"terril/extract/pdfread"
	"terril/extract/recueil"
)

const actsUsage = `
usage: terril acts [--json] [--ocr-pages N] FILE.pdf

Acts reads a préfecture's recueil des actes administratifs (RAA) and lists the acts
it holds: identifier, kind (arrete, decision, recepisse, deliberation, convention,
autre), date of signature, signatory, first PDF page, PDF pages taken (a separator
page announcing the act included) and title. An act of the sommaire that bundles
several signed acts under their own headings is followed by them, indented.

The acts come from the recueil's sommaire when it has one (the offset between the
page numbers it prints and the PDF's pages is calibrated on the pages where each
identifier appears), else from the acts' headings and signature blocks. Scanned acts
are read by OCR within --ocr-pages pages; the signature page of a scanned act whose
signatory is not read (a handwritten signature over the printed name, or a scan
past the page limit) is OCR'd again as one block of text, 24 pages at most. With
--ocr-pages -1 their pages have no text and their date comes from their identifier
or title, their signatory stays empty.
Disagreements between the sommaire and the pages go to standard error.

--json prints the recueil as one JSON object: number, published, sommaire pages,
offset, acts (id, kind, title, date, date_from, signatory, first_page, pages,
separator, printed_pages, parts).

	terril acts ../shared/pdfs/pref83_raa_2025-242.pdf
`

func actsCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "acts", actsUsage)
	asJSON := fs.Bool("json", false, "print the recueil and its acts as JSON")
	ocrPages := fs.Int("ocr-pages", 0, "OCR at most `N` scanned pages (default "+fmt.Sprint(pdfread.DefaultOCRPages)+", or $TERRIL_OCR_PAGES; -1: no OCR)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		fs.Usage()
		return usageError{"acts: give one FILE.pdf"}
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		return fmt.Errorf("acts: %w", err)
	}
	reader := pdfread.New(pdfread.Options{OCRPages: *ocrPages, Log: e.stderr})
	res, err := reader.ReadPDF(ctx, files[0], data)
	if err != nil {
		return fmt.Errorf("acts: %w", err)
	}
	pages, err := recueil.PageTexts(res.Text, res.Pages)
	if err != nil {
		return fmt.Errorf("acts: %s: %w", files[0], err)
	}
	r, _ := recueil.Reread(pages, recueil.Split(pages), reader.BlockRereader(ctx, data, res.Pages))
	if r == nil {
		return fmt.Errorf("acts: %s: not a recueil des actes (no cover saying so, no sommaire of acts)", files[0])
	}
	for _, p := range r.Problems {
		fmt.Fprintf(e.stderr, "terril: %s: %s\n", files[0], p)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	printActs(e, r)
	return nil
}

// printActs prints a recueil's acts as a table.
func printActs(e *env, r *recueil.Recueil) {
	fmt.Fprintf(e.stdout, "recueil %s, published %s: %d acts (PDF page = printed page %+d)\n\n", orDash(r.Number), orDash(r.Published), len(r.Acts), r.Offset)
	w := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tKIND\tDATE\tSIGNATORY\tPAGE\tPAGES\tTITLE")
	for _, a := range r.Acts {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", orDash(a.ID), a.Kind, orDash(a.Date), orDash(a.Signatory), a.FirstPage, a.Pages, cut(a.Title, 80))
		for _, p := range a.Parts {
			fmt.Fprintf(w, "  %s\t%s\t%s\t%s\t%d\t%d\t%s\n", orDash(p.ID), p.Kind, orDash(p.Date), orDash(p.Signatory), p.FirstPage, p.Pages, cut(p.Title, 78))
		}
	}
	w.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cut shortens s to n runes, with "…" when cut.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
