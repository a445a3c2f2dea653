package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"terril/corpus"
	"terril/extract/read"
	"terril/pipeline"
)

// batchSink is an index in memory that counts its batches.
type batchSink struct {
	mu      sync.Mutex
	docs    map[string]*corpus.Document
	batches int
	fail    error
	delay   time.Duration
}

func (s *batchSink) Index(docs []*corpus.Document) error {
	time.Sleep(s.delay)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return s.fail
	}
	if s.docs == nil {
		s.docs = map[string]*corpus.Document{}
	}
	for _, d := range docs {
		s.docs[d.ID] = d
	}
	s.batches++
	return nil
}

func inputs(n int, bad func(i int) bool) func(context.Context, chan<- pipeline.Input) error {
	return func(ctx context.Context, out chan<- pipeline.Input) error {
		for i := range n {
			in := pipeline.Input{URL: fmt.Sprintf("doc%03d.txt", i), Data: []byte(fmt.Sprintf("Le conseil municipal du %d mars a voté.", i%28+1))}
			if bad(i) {
				in.URL = fmt.Sprintf("doc%03d.pdf", i)
				in.Data = []byte("%PDF-1.4 truncated")
			}
			if err := pipeline.Send(ctx, out, in); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunRecordsFailuresAndGoesOn(t *testing.T) {
	sink := &batchSink{}
	var indexed []string
	stats, err := pipeline.Run(context.Background(), pipeline.Config{
		Sink: sink, Workers: 3, Batch: 7,
		Indexed: func(docs []*corpus.Document) {
			for _, d := range docs {
				indexed = append(indexed, d.ID)
			}
		},
	}, inputs(50, func(i int) bool { return i%10 == 3 }))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Read != 45 || stats.Indexed != 45 || stats.Failed != 5 {
		t.Errorf("stats = %+v, want 45 read, 45 indexed, 5 failed", stats)
	}
	if len(sink.docs) != 45 || len(indexed) != 45 {
		t.Errorf("%d documents in the sink, %d reported indexed, want 45", len(sink.docs), len(indexed))
	}
	if sink.batches < 45/7 {
		t.Errorf("%d batches for 45 documents in batches of 7", sink.batches)
	}
	for _, f := range stats.Failures {
		if !strings.HasSuffix(f.URL, ".pdf") || !strings.Contains(f.Reason, f.URL) {
			t.Errorf("failure %+v does not name its file", f)
		}
	}
}

func TestRunSinkErrorStops(t *testing.T) {
	sink := &batchSink{fail: errors.New("disk full")}
	_, err := pipeline.Run(context.Background(), pipeline.Config{Sink: sink, Batch: 5},
		inputs(1000, func(int) bool { return false }))
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v, want the sink's error", err)
	}
}

func TestRunCancel(t *testing.T) {
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	sink := &batchSink{delay: 5 * time.Millisecond}
	produce := func(ctx context.Context, out chan<- pipeline.Input) error {
		for i := 0; ; i++ {
			if i == 200 {
				cancel()
			}
			if err := pipeline.Send(ctx, out, pipeline.Input{URL: fmt.Sprintf("d%d.txt", i), Data: []byte("texte")}); err != nil {
				return err
			}
		}
	}
	done := make(chan struct{})
	var stats pipeline.Stats
	var err error
	go func() {
		defer close(done)
		stats, err = pipeline.Run(ctx, pipeline.Config{Sink: sink, Batch: 10}, produce)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop after cancellation")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if stats.Indexed != len(sink.docs) {
		t.Errorf("stats say %d indexed, the sink holds %d", stats.Indexed, len(sink.docs))
	}
	time.Sleep(50 * time.Millisecond)
	if after := runtime.NumGoroutine(); after > before+2 {
		t.Errorf("%d goroutines before, %d after: a stage did not stop", before, after)
	}
}

// Large documents are batched by their bytes, not only by their number, and no
// more than a few batches' worth of text waits for the sink: memory stays bounded
// whatever the documents' size.
func TestRunBoundsBatchBytes(t *testing.T) {
	const docBytes, budget = 100_000, 250_000
	var mu sync.Mutex
	maxBatch, inFlight, maxInFlight := 0, 0, 0
	sink := sinkFunc(func(docs []*corpus.Document) error {
		n := 0
		for _, d := range docs {
			n += len(d.Text)
		}
		mu.Lock()
		maxBatch = max(maxBatch, n)
		inFlight -= n
		mu.Unlock()
		time.Sleep(5 * time.Millisecond) // a slow index
		return nil
	})
	proc := &pipeline.Processor{Read: func(context.Context, string, string, []byte) (*read.Result, error) {
		mu.Lock()
		inFlight += docBytes
		maxInFlight = max(maxInFlight, inFlight)
		mu.Unlock()
		return &read.Result{Text: strings.Repeat("x", docBytes)}, nil
	}}
	stats, err := pipeline.Run(context.Background(), pipeline.Config{Processor: proc, Sink: sink, Workers: 4, BatchBytes: budget},
		inputs(40, func(int) bool { return false }))
	if err != nil || stats.Indexed != 40 {
		t.Fatalf("stats %+v, err %v", stats, err)
	}
	if maxBatch > budget+docBytes {
		t.Errorf("a batch of %d bytes, want at most %d", maxBatch, budget+docBytes)
	}
	if limit := 2*budget + 5*docBytes; maxInFlight > limit {
		t.Errorf("%d bytes of text waiting for the sink, want at most %d", maxInFlight, limit)
	}
}

type sinkFunc func(docs []*corpus.Document) error

func (f sinkFunc) Index(docs []*corpus.Document) error { return f(docs) }

// prepSink is a batchSink that prepares each document: IndexPrepared checks that
// each comes with its own preparation.
type prepSink struct {
	batchSink
	prepared int
	wrong    int
}

func (s *prepSink) Prepare(d *corpus.Document) any {
	s.mu.Lock()
	s.prepared++
	s.mu.Unlock()
	return "prepared " + d.ID
}

func (s *prepSink) IndexPrepared(docs []*corpus.Document, prepared []any) error {
	s.mu.Lock()
	for i, d := range docs {
		if i >= len(prepared) || prepared[i] != "prepared "+d.ID {
			s.wrong++
		}
	}
	s.mu.Unlock()
	return s.Index(docs)
}

func TestRunPreparesInWorkers(t *testing.T) {
	sink := &prepSink{}
	stats, err := pipeline.Run(context.Background(), pipeline.Config{Sink: sink, Workers: 3, Batch: 7},
		inputs(50, func(int) bool { return false }))
	if err != nil {
		t.Fatal(err)
	}
	if stats.Indexed != 50 || len(sink.docs) != 50 || sink.prepared != 50 || sink.wrong != 0 {
		t.Errorf("indexed %d, held %d, prepared %d, %d without their preparation; want 50, 50, 50, 0",
			stats.Indexed, len(sink.docs), sink.prepared, sink.wrong)
	}
}
