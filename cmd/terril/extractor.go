package main

import (
	"fmt"
	"os"

	"terril/extract"
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
	x, err := extract.New(opts)
	if err != nil {
		return nil, err
	}
	return &pipeline.Processor{Extractor: x}, nil
}
