package main

import (
	"fmt"
	"os"

	"terril/extract"
	"terril/extract/geo"
	"terril/extract/pdfread"
	"terril/pipeline"
)

// newProcessor builds the reader and extractor every command shares. themesFile, when
// not empty, replaces the embedded theme lexicon.
func newProcessor(themesFile string) (*pipeline.Processor, error) {
	var opts extract.Options
	if themesFile != "" {
		data, err := os.ReadFile(themesFile)
		if err != nil {
			return nil, fmt.Errorf("themes: %w", err)
		}
		opts.Themes = data
	}
	places, err := geo.Default()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	opts.Places = places
	x, err := extract.New(opts)
	if err != nil {
		return nil, err
	}
	// PDFs go through the page-by-page reader with its quality gate, PDFium for the
	// pages the fast reader misses and OCR for scanned pages; other formats through
	// extract.Read.
	pdf := pdfread.New(pdfread.Options{})
	return &pipeline.Processor{Extractor: x, Read: pdf.Read}, nil
}
