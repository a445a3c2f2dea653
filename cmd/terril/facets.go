package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"terril/index"
)

const facetsUsage = `
usage: terril facets [flags] FACET[,FACET...] [QUERY]

Facets counts the documents matching QUERY (everything when empty) by the values of
each FACET, and with --sums totals their funding events by funder, instrument,
commune, dept, epci, theme or year: each funding counts once for each value, a
range from its low end, a part of a total only where the total is not counted
(doc-commune, doc-theme and doc-year total every amount of the documents instead).

Facets: commune, dept, epci, theme, genre, person, signatory, source, year, month,
amount (ranges: < 100 k€, 100 k€–1 M€, 1–10 M€, 10–100 M€, ≥ 100 M€), and of the
funding events funder, instrument, fcommune (funded commune), fdept; act_kind (the
acts of recueils des actes: arrete, decision, recepisse…).
QUERY and the filter flags are those of terril search. Months and years come
newest first; départements with their names, "Nord (59)". --format csv prints
one table: facet, value, label, count (and for sums, total_eur and docs).

	terril facets commune "rénovation" --min-amount 1000000
	terril facets theme,year --dept 62
	terril facets --sums commune,theme logement
	terril facets --format csv commune,dept,year > facettes.csv
`

func facetsCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "facets", facetsUsage)
	dir := indexFlag(fs)
	wait := waitFlag(fs)
	asJSON := fs.Bool("json", false, "print the results as JSON (--format json)")
	format := fs.String("format", "text", "print the results as `FORMAT`: text, json or csv (one row per value)")
	top := fs.Int("n", 20, "show the top `N` values of each facet (at most 20; year and month: every one)")
	order := fs.String("order", "", "order the values by `ORDER`: count (largest first), value, -value; default count, and months and years newest first")
	var sums listFlag
	fs.Var(&sums, "sums", "also total the fundings by `DIM` (funder, instrument, commune, dept, epci, theme, year; comma-separated)")
	var filters filterFlags
	filters.add(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *asJSON {
		*format = "json"
	}
	if !slices.Contains([]string{"text", "json", "csv"}, *format) {
		return usageError{fmt.Sprintf("facets: unknown --format %q (want text, json or csv)", *format)}
	}
	if !slices.Contains([]string{"", "count", "value", "-value"}, *order) {
		return usageError{fmt.Sprintf("facets: unknown --order %q (want count, value or -value)", *order)}
	}
	if *top <= 0 {
		return usageError{fmt.Sprintf("facets: -n %d: the number of values must be positive", *top)}
	}
	if len(rest) == 0 && len(sums) == 0 {
		fs.Usage()
		return usageError{"facets: no FACET given"}
	}
	var names []string
	if len(rest) > 0 && (len(sums) == 0 || knownFacets(rest[0])) {
		names = strings.Split(rest[0], ",")
		rest = rest[1:]
	}
	q := index.Query{Text: strings.Join(rest, " "), Size: -1, Facets: names, Sums: sums}
	hintOperators(e, q.Text)
	checkFilters(e, &filters)
	res, err := runQueryWait(ctx, e, *dir, *wait, &filters, q)
	if err != nil {
		return err
	}
	sortFacets(res, *order)
	trimFacets(res, *top)
	switch *format {
	case "json":
		return writeJSON(e.stdout, struct {
			Total  uint64        `json:"total"`
			Facets []index.Facet `json:"facets"`
			Sums   []index.Sum   `json:"sums,omitempty"`
		}{res.Total, res.Facets, res.Sums})
	case "csv":
		return writeFacetsCSV(e.stdout, res)
	}
	printFacets(e.stdout, res, *top)
	return nil
}

func printFacets(w io.Writer, res *index.Result, top int) {
	fmt.Fprintf(w, "%d documents match\n", res.Total)
	for _, f := range res.Facets {
		fmt.Fprintf(w, "\n%s\n", strings.ToUpper(f.Name))
		for i, v := range f.Values {
			if i == top {
				break
			}
			fmt.Fprintf(w, "%7d  %s\n", v.Count, termText(facetLabel(f.Name, v.Value)))
		}
		if f.Other > 0 {
			fmt.Fprintf(w, "%7d  (other values)\n", f.Other)
		}
		if f.Missing > 0 {
			fmt.Fprintf(w, "%7d  (none)\n", f.Missing)
		}
	}
	for _, s := range res.Sums {
		// doc-* sums add every amount of a document; the others add funding events.
		heading, unit := "FUNDINGS BY", "events"
		if dim, ok := strings.CutPrefix(s.Dimension, "doc-"); ok {
			heading, unit = "AMOUNTS OF THE DOCUMENTS BY", "amounts"
			s.Dimension = dim
		}
		fmt.Fprintf(w, "\n%s %s\n", heading, strings.ToUpper(s.Dimension))
		fmt.Fprintf(w, "%17s %8s %6s  %s\n", "total €", unit, "docs", s.Dimension)
		for i, v := range s.Values {
			if i == top {
				fmt.Fprintf(w, "%17s  (%d more values)\n", "…", len(s.Values)-top)
				break
			}
			fmt.Fprintf(w, "%17s %8d %6d  %s\n", euros(v.Total), v.Count, v.Docs, termText(v.Value))
		}
	}
}

// euros formats an amount with thin grouping: 1 780 000.
func euros(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// knownFacets reports whether s is a comma-separated list of facet names.
func knownFacets(s string) bool {
	for _, n := range strings.Split(s, ",") {
		if !slices.Contains(index.FacetNames, n) {
			return false
		}
	}
	return true
}
