package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"terril/extract"
	"terril/extract/geo"
	"terril/extract/pdfread"
	"terril/index"
	"terril/pipeline"
)

// readerFlags adds the flags of the commands that read and extract documents.
func readerFlags(fs *flag.FlagSet) (themes *string, ocrPages *int) {
	themes = fs.String("themes", "", "theme lexicon `FILE` replacing the embedded one")
	ocrPages = fs.Int("ocr-pages", 0, "OCR at most `N` scanned pages per PDF (default "+
		strconv.Itoa(pdfread.DefaultOCRPages)+", or $TERRIL_OCR_PAGES; -1: no OCR)")
	return themes, ocrPages
}

// newProcessor builds the reader and extractor every command shares. themesFile, when
// not empty, replaces the embedded theme lexicon; ocrPages limits the pages OCR'd per
// PDF (0: the default).
func newProcessor(themesFile string, ocrPages int) (*pipeline.Processor, error) {
	return newProcessorWith(themesFile, ocrPages, nil)
}

// newProcessorWith is newProcessor with a hook told of each page the slow PDF
// readers read (see pdfread.Options.Progress).
func newProcessorWith(themesFile string, ocrPages int, pages func(name string, page, pages int, reader string)) (*pipeline.Processor, error) {
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
	// The gazetteer also keys the organisations that sign: "epci:<SIREN>",
	// "dep:<code>", "region:<code>", "commune:<INSEE>".
	opts.Orgs = places
	x, err := extract.New(opts)
	if err != nil {
		if themesFile != "" {
			return nil, fmt.Errorf("%s: %w", themesFile, err)
		}
		return nil, err
	}
	// PDFs go through the page-by-page reader with its quality gate, PDFium for the
	// pages the fast reader misses and OCR for scanned pages; other formats through
	// read.Read (package extract/read).
	pdf := pdfread.New(pdfread.Options{OCRPages: ocrPages, Progress: pages})
	return &pipeline.Processor{Extractor: x, Read: pdf.Read, Reread: pdf.BlockRereader}, nil
}

// gazetteerResolver lets the index resolve commune and EPCI names typed in filters.
type gazetteerResolver struct{ g *geo.Gazetteer }

func (r gazetteerResolver) CommuneCodes(name string) []string {
	var codes []string
	for _, c := range r.g.LookupCommune(name) {
		codes = append(codes, c.INSEE)
	}
	return codes
}

func (r gazetteerResolver) EPCISiren(name string) (string, bool) {
	e, ok := r.g.LookupEPCI(name)
	return e.SIREN, ok
}

// openSearchIndex opens the index read-only with the gazetteer as its resolver.
func openSearchIndex(dir string) (*index.Index, error) {
	ix, err := index.OpenReadOnly(dir)
	if err != nil {
		return nil, err
	}
	if g, err := geo.Default(); err == nil {
		ix.Resolver = gazetteerResolver{g}
	}
	return ix, nil
}
