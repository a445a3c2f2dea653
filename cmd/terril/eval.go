package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"terril/corpus"
	"terril/corpus/gold"
	"terril/pipeline"
)

const evalUsage = `
usage: terril eval [-v] [--json] [--themes FILE] GOLD.jsonl FILE|DIR...
       terril eval [-v] [--json] --pred PRED.jsonl GOLD.jsonl

Eval measures extraction against gold annotations (one JSON object per document,
as in shared/gold/*.gold.jsonl). It extracts every FILE, and every readable file
in each DIR (recursively), and scores the documents whose id (the file name
without extension) is in the gold; with --pred it scores the records of a JSON
Lines file instead, so that any extractor's output can be measured.

Scoring follows the Scoring section of the annotation guidelines and agrees with
shared/gold/score.py: per field, true positives, false positives, false negatives,
precision, recall and F1, micro-averaged over the gold documents; a gold document
with no prediction counts as empty. Then, when the gold has fundings, the funding
events matched by amount within a document (P, R, F1) and, on the matched ones,
how many have the funder, the communes and the instrument right. Then the
accuracy of published and genre, the
role accuracy of the matched people (roles compared regardless of case, accents
and spaces; null equals null), and the macro-F1 over the fields.

-v adds, per document, the items missed and extra, and the differing roles,
published and genre. --json prints the report as one JSON object.

The exit status is 0 whatever the scores; it is 1 when the gold or predictions
cannot be read or a FILE fails to extract (it is then scored as missing).

	terril eval ../shared/gold/seeds.gold.jsonl ../shared/seeds
	terril eval -v --pred pred.jsonl ../shared/gold/seeds.gold.jsonl
`

func evalCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", evalUsage)
	verbose := fs.Bool("v", false, "show misses and extras per document")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	themes, ocrPages := readerFlags(fs)
	predFile := fs.String("pred", "", "score the records of this JSON Lines `FILE` instead of extracting")
	args, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(args) == 0:
		fs.Usage()
		return usageError{"eval: no GOLD.jsonl given"}
	case *predFile == "" && len(args) == 1:
		fs.Usage()
		return usageError{"eval: no FILE or DIR to extract (or --pred FILE.jsonl)"}
	case *predFile != "" && len(args) > 1:
		return usageError{"eval: --pred takes no FILE or DIR"}
	}
	g, err := gold.Load(args[0])
	if err != nil {
		return fmt.Errorf("eval: gold: %w", err)
	}
	var pred *gold.Set
	var failed error
	if *predFile != "" {
		if pred, err = gold.Load(*predFile); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	} else {
		proc, err := newProcessor(*themes, *ocrPages)
		if err != nil {
			return err
		}
		if pred, failed, err = extractGold(ctx, e, proc, g, args[1:]); err != nil {
			return err
		}
	}
	rep, err := gold.Score(g, pred, nil)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if *asJSON {
		if !*verbose {
			rep.Docs = nil
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = rep.WriteText(e.stdout, *verbose)
	}
	if err != nil {
		return err
	}
	return failed
}

// extractGold extracts the files of paths whose id is in g and returns them as
// records. Files of other ids are skipped. A file that fails is reported on
// stderr and left out; failed then says how many.
func extractGold(ctx context.Context, e *env, proc *pipeline.Processor, g *gold.Set, paths []string) (pred *gold.Set, failed, err error) {
	sink := &docSink{docs: map[string]*corpus.Document{}}
	skipped := 0
	files := pipeline.Files(paths, "")
	produce := func(ctx context.Context, out chan<- pipeline.Input) error {
		in := make(chan pipeline.Input)
		errc := make(chan error, 1)
		go func() {
			errc <- files(ctx, in)
			close(in)
		}()
		var sendErr error
		for x := range in {
			// The gold is keyed by base name, not by Files' unique path.
			x.ID = pipeline.IDFor(x.URL)
			if _, ok := g.Docs[pipeline.IDFor(x.URL)]; !ok && x.Err == nil {
				skipped++
				continue
			}
			if sendErr == nil {
				sendErr = pipeline.Send(ctx, out, x)
			}
		}
		if err := <-errc; err != nil {
			return err
		}
		return sendErr
	}
	stats, err := pipeline.Run(ctx, pipeline.Config{Processor: proc, Sink: sink}, produce)
	if err != nil {
		return nil, nil, fmt.Errorf("eval: %w", err)
	}
	if len(sink.dups) > 0 {
		return nil, nil, fmt.Errorf("eval: several files give the same id: %s", strings.Join(sink.dups, "; "))
	}
	for _, f := range stats.Failures {
		fmt.Fprintf(e.stderr, "terril: eval: %s: %s\n", f.URL, strings.TrimPrefix(f.Reason, f.URL+": "))
	}
	if skipped > 0 {
		fmt.Fprintf(e.stderr, "terril: eval: %d files not in the gold skipped\n", skipped)
	}
	ids := make([]string, 0, len(sink.docs))
	for id := range sink.docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	pred = gold.NewSet()
	for _, id := range ids {
		rec, err := gold.FromDocument(sink.docs[id])
		if err != nil {
			return nil, nil, fmt.Errorf("eval: %w", err)
		}
		pred.Add(rec)
	}
	if n := len(stats.Failures); n > 0 {
		failed = fmt.Errorf("eval: %d of %d files failed to extract", n, stats.Read+n)
	}
	return pred, failed, nil
}

// docSink collects extracted documents by id.
type docSink struct {
	mu   sync.Mutex
	docs map[string]*corpus.Document
	dups []string
}

func (s *docSink) Index(docs []*corpus.Document) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range docs {
		if prev, ok := s.docs[d.ID]; ok {
			s.dups = append(s.dups, d.ID+": "+prev.URL+", "+d.URL)
			continue
		}
		s.docs[d.ID] = d
	}
	return nil
}
