package main

import (
	"context"
	"encoding/json"
	"fmt"

	"terril/pipeline"
)

const extractUsage = `
usage: terril extract [--json] [--text] [--themes FILE] FILE...

Extract reads each FILE (text, HTML, PDF, DOCX or ODT) and prints the facts found in it, one
JSON object per document (JSON Lines), with the field names of the annotation
guidelines: id (the file name without extension), genre, published, dates, amounts,
communes, epcis, departements, people, signatories, references, themes. Items carry
their offsets (start, end) in the normalised text; --text adds that text. Only the
first --max-text of text is extracted (default 2M); a problem says when more was
left out.

A FILE that cannot be read is reported on standard error with the reason, and the
others are still extracted; the exit status is then 1.

	terril extract --json ../shared/seeds/*.txt > pred.jsonl
`

func extractCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", extractUsage)
	fs.Bool("json", true, "print JSON Lines (the only format; accepted for clarity)")
	withText := fs.Bool("text", false, "include the normalised text and title")
	themes, ocrPages := readerFlags(fs)
	textCap := maxTextFlag(fs)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fs.Usage()
		return usageError{"extract: no FILE given"}
	}
	proc, err := newProcessor(*themes, *ocrPages)
	if err != nil {
		return err
	}
	proc.MaxText = int(*textCap)
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, size, err := pipeline.ReadFile(f, proc.MaxText)
		if err != nil {
			fmt.Fprintf(e.stderr, "terril: %v\n", err)
			failed++
			continue
		}
		doc, err := proc.Process(ctx, pipeline.Input{URL: f, Data: data, Size: size})
		if err != nil {
			fmt.Fprintf(e.stderr, "terril: %v\n", err)
			failed++
			continue
		}
		if !*withText {
			doc.Text, doc.Title = "", ""
		}
		if err := enc.Encode(doc); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("extract: %d of %d files failed", failed, len(files))
	}
	return nil
}
