package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"terril/corpus"
)

// Sink receives processed documents in batches. Index must be durable when it
// returns: the pipeline reports documents as indexed right after.
type Sink interface {
	Index(docs []*corpus.Document) error
}

// A Preparer is a Sink that does part of its work on each document by itself:
// Run calls Prepare in its workers, in parallel, as each document is extracted,
// and gives IndexPrepared the batch with what Prepare returned for each, so that
// the one goroutine committing batches has less to do.
type Preparer interface {
	Sink
	Prepare(d *corpus.Document) any
	IndexPrepared(docs []*corpus.Document, prepared []any) error
}

// Failure is a document that could not be read or indexed, and why.
type Failure struct {
	URL    string `json:"url"`
	Reason string `json:"reason"`
	// Skip, for a skipped input, is the text of its SkipReason ("too large").
	Skip string `json:"skip,omitempty"`
}

// Stats counts what a run did.
type Stats struct {
	Read     int       `json:"read"`    // inputs read and extracted (not those that failed)
	Indexed  int       `json:"indexed"` // documents committed to the sink
	Failed   int       `json:"failed"`  // inputs that could not be read or extracted
	Bytes    int64     `json:"bytes"`   // raw bytes processed
	Failures []Failure `json:"failures,omitempty"`
	Skipped  []Failure `json:"skipped,omitempty"` // inputs skipped on purpose (see IsSkip), not read
}

// Seen is the number of inputs the run was given and dealt with: read, failed or
// skipped.
func (s Stats) Seen() int { return s.Read + s.Failed + len(s.Skipped) }

// Progress is told of each document as it passes; implementations must be safe for
// concurrent use. Total may be called at any time with the number of inputs expected
// (0 when unknown).
type Progress interface {
	Total(n int)
	Done(url string, bytes int64, err error)
}

// Config configures Run.
type Config struct {
	Processor *Processor
	Sink      Sink
	Workers   int // read/extract goroutines; 0 means GOMAXPROCS
	Batch     int // documents per sink batch; 0 means DefaultBatch
	// BatchBytes caps the text of one sink batch (0 means DefaultBatchBytes); at
	// most twice as much waits for the sink, so that large documents do not pile
	// up in memory while the index is busy.
	BatchBytes int
	Progress   Progress

	// Indexed, when set, is called from the indexer goroutine after each batch is
	// committed, with the documents of the batch.
	Indexed func(docs []*corpus.Document)
	// Failed, when set, is called for each failed input.
	Failed func(Failure)
}

// DefaultBatch is the default number of documents per sink batch. Each batch is a
// Bleve segment, merged later: batches of 200 made seven times as many segments as
// of 1 000, and merging them was the largest cost of an ingest.
const DefaultBatch = 1000

// idleFlush is how long the sink waits without a new document before committing
// what it holds, and maxHold how long it holds a document at most: a slow producer
// (a crawl) sees its documents indexed without making a segment every few
// documents of a fast one.
const (
	idleFlush = 500 * time.Millisecond
	maxHold   = 10 * time.Second
)

// DefaultBatchBytes is the default cap on the text of one sink batch: eight
// documents at the largest MaxText, thousands of ordinary ones.
const DefaultBatchBytes = 16 << 20

// docBytes is what a processed document weighs while it waits for the sink: its
// text and title, and a little for its facts.
func docBytes(d *corpus.Document, limit int64) int64 {
	return min(int64(len(d.Text)+len(d.Title))+1024, limit)
}

// Send sends in on out unless ctx is done first. Producers call it for every input.
func Send(ctx context.Context, out chan<- Input, in Input) error {
	select {
	case out <- in:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Run reads, extracts and indexes every input produce sends. produce must send with
// Send (or check ctx.Done() on every send) and return when done; Run closes the
// channel after it. A failing input is recorded in Stats.Failures and the run goes
// on; an error of the sink or of produce stops the run. When ctx is cancelled, Run
// stops every stage, commits nothing more, and returns ctx's error with the stats
// of what was done.
func Run(ctx context.Context, cfg Config, produce func(ctx context.Context, out chan<- Input) error) (Stats, error) {
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize := cfg.Batch
	if batchSize <= 0 {
		batchSize = DefaultBatch
	}
	batchBytes := int64(cfg.BatchBytes)
	if batchBytes <= 0 {
		batchBytes = DefaultBatchBytes
	}
	// waiting holds the bytes of the documents processed and not yet committed.
	waiting := semaphore.NewWeighted(2 * batchBytes)
	proc := cfg.Processor
	if proc == nil {
		proc = &Processor{}
	}
	var (
		stats   Stats
		mu      sync.Mutex
		read    atomic.Int64
		nbytes  atomic.Int64
		indexed atomic.Int64
	)
	skip := func(in Input) {
		mu.Lock()
		stats.Skipped = append(stats.Skipped, Failure{URL: in.URL, Reason: in.Err.Error(), Skip: SkipReason(in.Err).Error()})
		mu.Unlock()
		if cfg.Progress != nil {
			cfg.Progress.Done(in.URL, 0, in.Err)
		}
	}
	fail := func(url string, err error) {
		f := Failure{URL: url, Reason: err.Error()}
		mu.Lock()
		stats.Failures = append(stats.Failures, f)
		mu.Unlock()
		if cfg.Failed != nil {
			cfg.Failed(f)
		}
	}

	g, ctx := errgroup.WithContext(ctx)
	inputs := make(chan Input, workers)
	docs := make(chan preparedDoc, batchSize)
	prep, _ := cfg.Sink.(Preparer)

	g.Go(func() error {
		defer close(inputs)
		return produce(ctx, inputs)
	})

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for in := range inputs {
				if in.Err != nil && IsSkip(in.Err) {
					skip(in)
					continue
				}
				nbytes.Add(int64(len(in.Data)))
				doc, err := proc.Process(ctx, in)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					fail(in.URL, err)
					if cfg.Progress != nil {
						cfg.Progress.Done(in.URL, int64(len(in.Data)), err)
					}
					continue
				}
				read.Add(1)
				if err := waiting.Acquire(ctx, docBytes(doc, batchBytes)); err != nil {
					return err
				}
				pd := preparedDoc{doc: doc}
				if prep != nil {
					pd.prepared = prep.Prepare(doc)
				}
				select {
				case docs <- pd:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		wg.Wait()
		close(docs)
		return nil
	})

	g.Go(func() error {
		b := batcher{cfg: cfg, prep: prep, size: batchSize, bytes: batchBytes, waiting: waiting, indexed: &indexed}
		return b.run(ctx, docs)
	})

	err := g.Wait()
	stats.Read = int(read.Load())
	stats.Bytes = nbytes.Load()
	stats.Indexed = int(indexed.Load())
	stats.Failed = len(stats.Failures)
	return stats, err
}

// preparedDoc is a document on its way to the sink, with what the sink's
// Prepare gave it (see Preparer).
type preparedDoc struct {
	doc      *corpus.Document
	prepared any
}

// batcher is the indexer stage of Run: it gathers the documents into batches and
// commits them to the sink.
type batcher struct {
	cfg     Config
	prep    Preparer // the sink, when it prepares documents
	size    int      // documents per batch
	bytes   int64    // bytes per batch (see docBytes)
	waiting *semaphore.Weighted
	indexed *atomic.Int64
}

// run commits the documents of docs in batches until docs is closed.
func (b *batcher) run(ctx context.Context, docs <-chan preparedDoc) error {
	batch := make([]*corpus.Document, 0, b.size)
	var prepared []any // what prep gave each document of batch
	var size int64     // bytes of batch, as acquired from waiting
	commit := func() error {
		if b.prep != nil {
			return b.prep.IndexPrepared(batch, prepared)
		}
		return b.cfg.Sink.Index(batch)
	}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := commit(); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		b.waiting.Release(size)
		size = 0
		b.indexed.Add(int64(len(batch)))
		if b.cfg.Indexed != nil {
			b.cfg.Indexed(batch)
		}
		if b.cfg.Progress != nil {
			for _, d := range batch {
				b.cfg.Progress.Done(d.URL, d.Size, nil)
			}
		}
		batch = make([]*corpus.Document, 0, b.size)
		prepared = nil
		return nil
	}
	tick := time.NewTicker(idleFlush)
	defer tick.Stop()
	var (
		held   time.Time // when the oldest document of batch came
		active bool      // a document came since the last tick
	)
	for {
		select {
		case pd, ok := <-docs:
			if !ok {
				return flush()
			}
			if len(batch) == 0 {
				held = time.Now()
			}
			d := pd.doc
			batch = append(batch, d)
			if b.prep != nil {
				prepared = append(prepared, pd.prepared)
			}
			active = true
			size += docBytes(d, b.bytes)
			if len(batch) >= b.size || size >= b.bytes {
				if err := flush(); err != nil {
					return err
				}
			}
		case <-tick.C:
			// Commit what a slow producer gave so far: when it paused, or
			// when the batch has waited long enough.
			if !active || time.Since(held) >= maxHold {
				if err := flush(); err != nil {
					return err
				}
			}
			active = false
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
