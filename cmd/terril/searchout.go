package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"terril/index"
	"terril/serve"
)

// searchOpts are the output flags of terril search.
type searchOpts struct {
	format     string
	all        bool
	n, offset  int
	sort       string
	facets     listFlag
	queries    string
	exportSize int // hits read at a time by --all (0: serve's default)
}

var searchFormats = []string{"text", "json", "jsonl", "csv"}

func (o *searchOpts) check() error {
	switch {
	case !slices.Contains(searchFormats, o.format):
		return usageError{fmt.Sprintf("search: unknown --format %q (want text, json, jsonl or csv)", o.format)}
	case o.n < 0:
		return usageError{fmt.Sprintf("search: -n %d: the number of results must be positive (-n 0 only counts, --all lists every match)", o.n)}
	case o.offset < 0:
		return usageError{fmt.Sprintf("search: --offset %d: must be 0 or more", o.offset)}
	}
	return nil
}

// page sets q's paging from the options: -n 0 only counts.
func (o *searchOpts) page(q *index.Query) {
	q.Size, q.Offset = o.n, o.offset
	if o.n == 0 {
		q.Size = -1
	}
}

// searchErr makes a mistake in a query a usage error.
func searchErr(err error) error {
	var qe *index.QueryError
	if errors.As(err, &qe) {
		return usageError{qe.Error()}
	}
	return err
}

// searchResult is the JSON of terril search: one object.
type searchJSON struct {
	Total  uint64        `json:"total"`
	Offset int           `json:"offset"`
	Hits   []index.Hit   `json:"hits"`
	Facets []index.Facet `json:"facets"`
	TookNS int64         `json:"took_ns"`
}

// searchOne runs one query and prints its results in o's format.
func searchOne(ctx context.Context, e *env, ix *index.Index, q index.Query, o *searchOpts) error {
	if o.format == "csv" || o.format == "jsonl" {
		hw, err := serve.NewHitWriter(e.stdout, o.format)
		if err != nil {
			return err
		}
		_, err = exportHits(ctx, e, ix, q, o, hw)
		return err
	}
	if !o.all {
		o.page(&q)
	}
	res, err := collect(ctx, ix, q, o.all)
	if err != nil {
		return err
	}
	if o.format == "json" {
		return writeJSON(e.stdout, searchJSON{Total: res.Total, Offset: q.Offset, Hits: nonNil(res.Hits),
			Facets: nonNil(res.Facets), TookNS: int64(res.Took)})
	}
	switch {
	case o.n == 0 && !o.all:
		fmt.Fprintf(e.stdout, "%d documents match (-n 0: none listed)\n", res.Total)
	case res.Total > 0 && len(res.Hits) == 0:
		fmt.Fprintf(e.stdout, "%d documents match; --offset %d is past the last one (try --offset %d)\n",
			res.Total, q.Offset, lastPage(res.Total, o.n))
	default:
		printHits(e.stdout, res, q.Offset, useColor(e.stdout))
	}
	if len(res.Facets) > 0 {
		printFacets(e.stdout, &index.Result{Total: res.Total, Facets: res.Facets}, 20)
	}
	return nil
}

// lastPage is the offset of the last page of n hits among total.
func lastPage(total uint64, n int) uint64 {
	if n <= 0 {
		return 0
	}
	return (total - 1) / uint64(n) * uint64(n)
}

// exportHits writes the hits of q to hw: one page, or with --all every hit, read a
// batch at a time. A mistake in the query is reported before anything is written.
func exportHits(ctx context.Context, e *env, ix *index.Index, q index.Query, o *searchOpts, hw serve.HitWriter) (uint64, error) {
	q.Snippets, q.Facets = false, nil
	if o.all {
		probe := q
		probe.Size = -1
		res, err := ix.Search(ctx, probe)
		if err != nil {
			return 0, searchErr(err)
		}
		if _, err := serve.Export(ctx, ix, q, hw, o.exportSize, nil); err != nil {
			return 0, searchErr(err)
		}
		return res.Total, nil
	}
	o.page(&q)
	res, err := ix.Search(ctx, q)
	if err != nil {
		return 0, searchErr(err)
	}
	switch {
	case res.Total > 0 && len(res.Hits) == 0 && o.n > 0:
		fmt.Fprintf(e.stderr, "terril: %d documents match; --offset %d is past the last one\n", res.Total, q.Offset)
	case uint64(len(res.Hits)) < res.Total && o.queries == "":
		fmt.Fprintf(e.stderr, "terril: %d of the %d matches written (-n %d); --all writes every one\n", len(res.Hits), res.Total, o.n)
	}
	for _, h := range res.Hits {
		if err := hw.Write(h); err != nil {
			return 0, err
		}
	}
	return res.Total, hw.Flush()
}

// collect runs q; with all, every hit, read allBatch at a time.
func collect(ctx context.Context, ix *index.Index, q index.Query, all bool) (*index.Result, error) {
	if !all {
		res, err := ix.Search(ctx, q)
		return res, searchErr(err)
	}
	q.Size, q.Offset = allBatch, 0
	var out *index.Result
	for {
		res, err := ix.Search(ctx, q)
		if err != nil {
			return nil, searchErr(err)
		}
		if out == nil {
			out = res
		} else {
			out.Hits = append(out.Hits, res.Hits...)
			out.Took += res.Took
		}
		if len(res.Hits) < q.Size || uint64(len(out.Hits)) >= res.Total {
			return out, nil
		}
		q.Offset += len(res.Hits)
		q.Facets = nil // counted with the first batch
	}
}

// allBatch is how many hits --all reads at a time.
var allBatch = 500

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// searchQueries runs every query of the --queries file with the flags' filters:
// a count for each (on stderr when the hits go to stdout as jsonl or csv).
func searchQueries(ctx context.Context, e *env, ix *index.Index, base index.Query, o *searchOpts) error {
	if base.Text != "" {
		return usageError{"search: --queries takes no QUERY words (put them in the file)"}
	}
	lines, err := readQueries(e, o.queries)
	if err != nil {
		return err
	}
	var qw serve.QueryHitWriter
	if o.format == "csv" || o.format == "jsonl" {
		if qw, err = serve.NewQueryHitWriter(e.stdout, o.format); err != nil {
			return err
		}
	}
	type queryJSON struct {
		Query string      `json:"query"`
		Line  int         `json:"line"`
		Total uint64      `json:"total"`
		Hits  []index.Hit `json:"hits"`
	}
	var out []queryJSON
	counts := e.stdout
	if qw != nil {
		counts = e.stderr
	}
	failed := 0
	for _, l := range lines {
		q := base
		q.Text = l.text
		var total uint64
		var hits []index.Hit
		switch {
		case qw != nil:
			qw.SetQuery(l.text)
			total, err = exportHits(ctx, e, ix, q, o, qw)
		case o.format == "json":
			if !o.all {
				o.page(&q)
			}
			var res *index.Result
			if res, err = collect(ctx, ix, q, o.all); err == nil {
				total, hits = res.Total, res.Hits
			}
		default:
			q.Size = -1
			var res *index.Result
			if res, err = collect(ctx, ix, q, false); err == nil {
				total = res.Total
			}
		}
		if err != nil {
			var u usageError
			if !errors.As(err, &u) {
				return err
			}
			failed++
			fmt.Fprintf(e.stderr, "terril: %s:%d: %v\n", o.queries, l.n, err)
			continue
		}
		if o.format == "json" {
			out = append(out, queryJSON{Query: l.text, Line: l.n, Total: total, Hits: nonNil(hits)})
			continue
		}
		fmt.Fprintf(counts, "%8d  %s\n", total, termText(l.text))
	}
	if o.format == "json" {
		if err := writeJSON(e.stdout, struct {
			Queries []queryJSON `json:"queries"`
		}{nonNil(out)}); err != nil {
			return err
		}
	}
	if failed > 0 {
		return usageError{fmt.Sprintf("search: %d of the %d queries of %s are wrong (see above)", failed, len(lines), o.queries)}
	}
	return nil
}

type queryLine struct {
	n    int
	text string
}

// readQueries reads the queries of a file ("-": standard input): one a line, blank
// lines and lines starting with # skipped.
func readQueries(e *env, name string) ([]queryLine, error) {
	var r io.Reader = e.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, usageError{fmt.Sprintf("search: --queries: %v", err)}
		}
		defer f.Close()
		r = f
	}
	var out []queryLine
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		out = append(out, queryLine{n, t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("search: --queries %s: %w", name, err)
	}
	return out, nil
}

// operatorHints are lower-case words people type for an operator, and the operator.
var operatorHints = map[string]string{"and": "AND", "or": "OR", "ou": "OU"}

// hintOperators says on stderr when a lower-case "and", "or" or "ou" stands between
// two words: it is searched as a word, where the user most likely meant the operator.
func hintOperators(e *env, text string) {
	words := strings.Fields(text)
	inQuote := false
	for i, w := range words {
		if strings.Count(w, `"`)%2 == 1 {
			inQuote = !inQuote
		}
		op, ok := operatorHints[w]
		if !ok || inQuote || i == 0 || i == len(words)-1 {
			continue
		}
		what := "searched as a word"
		if op == "AND" {
			what += " (words are all required already)"
		}
		fmt.Fprintf(e.stderr, "terril: hint: %q is %s; did you mean %s? (operators are upper case)\n", w, what, op)
	}
}
