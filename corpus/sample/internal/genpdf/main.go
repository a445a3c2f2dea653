// Command genpdf renders the PDF documents of the sample corpus from their source text
// (see package pdfgen for the source format). It is run by `go generate` in
// corpus/sample:
//
//	go run ./internal/genpdf -src pdfsrc -out docs
//
// Each pdfsrc/NNN_slug.txt becomes docs/NNN_slug.pdf.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"terril/corpus/sample/internal/pdfgen"
)

func main() {
	src := flag.String("src", "pdfsrc", "directory of source .txt files")
	out := flag.String("out", "docs", "directory where the .pdf files are written")
	flag.Parse()
	files, err := filepath.Glob(filepath.Join(*src, "*.txt"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "genpdf: no source files in %s\n", *src)
		os.Exit(1)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(os.Stderr, "genpdf: %v\n", err)
			os.Exit(1)
		}
		pdf, err := pdfgen.Render(data)
		if err != nil {
			fmt.Fprintf(os.Stderr, "genpdf: %s: %v\n", f, err)
			os.Exit(1)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt") + ".pdf"
		if err := os.WriteFile(filepath.Join(*out, name), pdf, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "genpdf: %v\n", err)
			os.Exit(1)
		}
	}
}
