package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"terril/corpus/sample"
	"terril/index"
	"terril/pipeline"
)

const demoUsage = `
usage: terril demo [--keep DIR]

Demo ingests the embedded sample corpus — communiqués, délibérations, procès-verbaux,
articles and programme pages from Hauts-de-France, in text, HTML and PDF — into a
fresh temporary index, then runs a few searches and facet queries, so that a new
user sees the whole job in one command. With --keep, the index is written to DIR
and kept, to try other searches:

	terril demo --keep /tmp/demo-index
	terril search --index /tmp/demo-index "rénovation énergétique" --dept 62
`

func demoCommand(ctx context.Context, e *env, args []string) error {
	fset := newFlags(e, "demo", demoUsage)
	keep := fset.String("keep", "", "write the index to `DIR` and keep it")
	if _, err := parseFlags(fset, args); err != nil {
		return err
	}
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "terril-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = filepath.Join(tmp, "index")
	}
	docs, err := fs.Sub(sample.FS, "docs")
	if err != nil {
		return err
	}
	proc, err := newProcessor("", 0)
	if err != nil {
		return err
	}
	ix, err := index.Open(dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	fmt.Fprintf(e.stdout, "== Ingesting the sample corpus into %s\n", dir)
	if _, err := ingest(ctx, e, ix, proc, pipeline.FSFiles(docs, "sample"), newProgress(e.stderr, true), 0, false); err != nil {
		return err
	}
	for _, d := range []struct {
		title string
		q     index.Query
	}{
		{`terril search "cités minières"`, index.Query{Text: "cités minières", Size: 3}},
		{`terril search "renovation energetique" (accents and inflection ignored)`, index.Query{Text: "renovation energetique", Size: 3}},
		{`terril search "friche" --min-amount 1M --sort -amount`, index.Query{Text: "friche", Size: 3, Sort: "-amount", MinAmount: ptr(1e6)}},
		{`terril search genre:deliberation date:2023..2024`, index.Query{Text: "genre:deliberation date:2023..2024", Size: 3, Sort: "-date"}},
	} {
		fmt.Fprintf(e.stdout, "\n== %s\n", d.title)
		d.q.Snippets = true
		res, err := ix.Search(ctx, d.q)
		if err != nil {
			return err
		}
		printHits(e.stdout, res, 0, useColor(e.stdout))
	}
	for _, d := range []struct {
		title string
		q     index.Query
	}{
		{`terril facets theme,dept,genre`, index.Query{Size: -1, Facets: []string{"theme", "dept", "genre"}}},
		{`terril facets --sums commune,theme --min-amount 1000000`, index.Query{Size: -1, Sums: []string{"commune", "theme"}, MinAmount: ptr(1e6)}},
	} {
		fmt.Fprintf(e.stdout, "\n== %s\n", d.title)
		res, err := ix.Search(ctx, d.q)
		if err != nil {
			return err
		}
		printFacets(e.stdout, res, 8)
	}
	fmt.Fprintf(e.stdout, "\n== terril fundings --sums commune --fdept 62 --theme logement --since 2018 (funding events for housing in Pas-de-Calais communes)\n")
	rows, err := ix.Fundings(ctx, index.Query{}, index.FundingFilter{Depts: []string{"62"}, Themes: []string{"logement"}, From: "2018"}, 0)
	if err != nil {
		return err
	}
	if err := printFundingSums(e.stdout, rows, []string{"commune"}, "", "table"); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nTry your own: terril demo --keep DIR, then terril search --index DIR QUERY (terril help search).\n")
	return nil
}

func ptr[T any](v T) *T { return &v }
