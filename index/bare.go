package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
)

// Bare is a Bleve index with terril's mapping that indexes only ID, title and text,
// with no extraction: the baseline the ingest benchmark compares terril against.
type Bare struct {
	b     bleve.Index
	batch *bleve.Batch
	size  int
}

// NewBare creates a bare index in dir, batching batchSize documents per commit.
func NewBare(dir string, batchSize int) (*Bare, error) {
	b, err := bleve.New(dir, newMapping())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return &Bare{b: b, batch: b.NewBatch(), size: batchSize}, nil
}

// NewStockBare creates a bare index of Bleve's default mapping with its stock
// French analyzer (every field analysed, stored, with term vectors, in _all):
// the anchor of the ingest benchmark, what a Bleve user gets without tuning.
func NewStockBare(dir string, batchSize int) (*Bare, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = fr.AnalyzerName
	b, err := bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return &Bare{b: b, batch: b.NewBatch(), size: batchSize}, nil
}

// Add adds a document, committing a batch when full.
func (x *Bare) Add(id, title, text string) error {
	if err := x.batch.Index(id, map[string]any{"id": id, fTitle: title, fText: text}); err != nil {
		return err
	}
	if x.batch.Size() >= x.size {
		return x.Flush()
	}
	return nil
}

// Flush commits the pending batch.
func (x *Bare) Flush() error {
	if x.batch.Size() == 0 {
		return nil
	}
	err := x.b.Batch(x.batch)
	x.batch.Reset()
	return err
}

// Close flushes and closes the index.
func (x *Bare) Close() error {
	if err := x.Flush(); err != nil {
		return err
	}
	return x.b.Close()
}
