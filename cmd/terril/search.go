package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"terril/index"
)

const searchUsage = `
usage: terril search [flags] [QUERY]

Search prints the documents matching QUERY, best first, with their title, date,
source and a snippet where the words matched. An empty QUERY matches everything.

Words are matched whatever their accents and inflection: "cites minieres" finds
"cités minières", "rénovations" finds "rénovation". The query language:

	rénovation cités minières        every word (AND)
	"cités minières"                 a phrase
	logement OR habitat              either; NOT friche (or -friche) excludes
	commune:Lens commune:62498       by commune name or INSEE code
	dept:59 epci:246200364 theme:logement genre:deliberation person:"Xavier Bertrand"
	montant>1000000 montant:1M..5M   some amount of the document
	date:2018..2019 date:2019-03     publication date
	mention:2030 mention:2018..2020  a date mentioned in the text

The flags below filter the same way and combine with the query (AND).

Output (--format):

	text    for a person to read (the default)
	json    one object: {"total", "offset", "hits", "facets", "took_ns"} (--json too)
	jsonl   one hit a line, every fact of the document (the rows of the export)
	csv     a header and one row a hit; lists joined by " | "

Hits carry every fact: dates, amounts, communes, EPCIs, départements, people,
signatories, references to acts, themes and funding events. --all prints every
match instead of one page (read 500 at a time: use it for exports). terril show ID
prints one document with its text.

--queries FILE runs one query a line (blank lines and # comments skipped, - for
the standard input) with the same flags, and prints a count for each; with
--format jsonl or csv, the hits with their query beside them (the counts go to
stderr); with json, {"queries": [{"query", "line", "total", "hits"}]}.

In JSON, every field is plain text as the document gave it (title, url, id…:
escape them where you show them) except "snippets", HTML fragments safe to insert
in a page (the text HTML-escaped, the matches in <mark>…</mark>); "snippets_text"
are the same fragments as plain text. In the terminal, matches are in bold (plain
[[…]] when the output is not a terminal or NO_COLOR is set), and control
characters of titles, file names and snippets are replaced (line breaks by
spaces, escape sequences by U+FFFD).

Operators are upper case: a lower-case "or", "ou" or "and" between words is
searched as a word, and said so. -n 0 only counts the matches.

An index another process holds (an ingest or a crawl writing to it) is said busy
at once, with who holds it, and waited for at most --wait (default 5s); then the
command fails. Ctrl-C ends the wait at once.

	terril search --json -n 20 "renouveau du bassin minier" --dept 62
	terril search --commune Lens --min-amount 1000000 --sort -amount
	terril search --format csv --all --theme logement > logement.csv
	terril search --queries requetes.txt --format jsonl > hits.jsonl
`

// filterFlags are the filters search and facets share.
type filterFlags struct {
	communes, depts, epcis, themes, genres, people, signatories, sources listFlag
	minAmount, maxAmount                                                 string
	from, to                                                             string
	actKinds, recueils                                                   listFlag
}

func (f *filterFlags) add(fs *flag.FlagSet) {
	fs.Var(&f.communes, "commune", "only documents naming the commune `NAME|INSEE` (repeatable; a,b for either)")
	fs.Var(&f.depts, "dept", "only the département `CODE|NAME` (59, Nord; repeatable)")
	fs.Var(&f.epcis, "epci", "only the intercommunality `SIREN|NAME` (repeatable)")
	fs.Var(&f.themes, "theme", "only the theme `THEME` (its id: logement, mobilites…; terril facets theme lists them; repeatable)")
	fs.Var(&f.genres, "genre", "only the `GENRE`: communique, article, deliberation, page (repeatable)")
	fs.Var(&f.people, "person", "only documents naming the person `NAME` (repeatable)")
	fs.Var(&f.signatories, "signatory", "only documents signed by `NAME` (a person or an organisation; repeatable)")
	fs.Var(&f.sources, "source", "only the source `SOURCE` (repeatable)")
	fs.Var(&f.actKinds, "act-kind", "only acts of recueils of the `KIND`: arrete, decision, recepisse, deliberation, convention, autre (repeatable)")
	fs.Var(&f.recueils, "recueil", "only the acts of the recueil of document `ID` (repeatable)")
	fs.StringVar(&f.minAmount, "min-amount", "", "only documents with an amount ≥ `AMOUNT` in euros (1000000, 1M, 200k)")
	fs.StringVar(&f.maxAmount, "max-amount", "", "only documents with an amount ≤ `AMOUNT` in euros")
	fs.StringVar(&f.from, "from", "", "published on or after `DATE` (YYYY, YYYY-MM or YYYY-MM-DD)")
	fs.StringVar(&f.to, "to", "", "published on or before `DATE`")
}

func (f *filterFlags) apply(q *index.Query) error {
	q.Communes, q.Depts, q.EPCIs, q.Themes = f.communes, f.depts, f.epcis, f.themes
	q.Genres, q.People, q.Signatories, q.Sources = f.genres, f.people, f.signatories, f.sources
	q.From, q.To = f.from, f.to
	q.ActKinds, q.Recueils = f.actKinds, f.recueils
	for _, a := range []struct {
		s   string
		dst **float64
	}{{f.minAmount, &q.MinAmount}, {f.maxAmount, &q.MaxAmount}} {
		if a.s == "" {
			continue
		}
		v, err := index.ParseAmount(a.s)
		if err != nil {
			return usageError{err.Error()}
		}
		*a.dst = &v
	}
	return nil
}

// listFlag is a repeatable string flag; "a,b" adds both.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

func searchCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", searchUsage)
	dir := indexFlag(fs)
	wait := waitFlag(fs)
	var o searchOpts
	asJSON := fs.Bool("json", false, "print the results as JSON (--format json)")
	fs.StringVar(&o.format, "format", "text", "print the results as `FORMAT`: text, json (one object), jsonl (one hit a line) or csv")
	fs.BoolVar(&o.all, "all", false, "every match, without paging (-n and --offset are ignored)")
	fs.IntVar(&o.n, "n", 10, "`N` results per page")
	fs.IntVar(&o.offset, "offset", 0, "skip the first `N` results")
	fs.StringVar(&o.sort, "sort", "relevance", "`ORDER`: relevance, date, -date (newest first), amount, -amount (largest first)")
	fs.Var(&o.facets, "facets", "also count the matches by `FACET,...` (see terril help facets)")
	fs.StringVar(&o.queries, "queries", "", "run every query of `FILE` (one a line; - for stdin) and print a count for each")
	var filters filterFlags
	filters.add(fs)
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *asJSON {
		if o.format != "text" && o.format != "json" {
			return usageError{fmt.Sprintf("search: --json and --format %s disagree", o.format)}
		}
		o.format = "json"
	}
	if err := o.check(); err != nil {
		return err
	}
	q := index.Query{Text: strings.Join(words, " "), Sort: o.sort, Snippets: o.format == "text" || o.format == "json", Facets: o.facets}
	if err := filters.apply(&q); err != nil {
		return err
	}
	checkFilters(e, &filters)
	ix, err := openSearchIndexWait(ctx, e, *dir, *wait)
	if err != nil {
		return err
	}
	defer ix.Close()
	if o.queries != "" {
		return searchQueries(ctx, e, ix, q, &o)
	}
	hintOperators(e, q.Text)
	return searchOne(ctx, e, ix, q, &o)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// printHits prints results for a person to read.
func printHits(w io.Writer, res *index.Result, offset int, color bool) {
	if res.Total == 0 {
		fmt.Fprintln(w, "no documents match")
		return
	}
	last := offset + len(res.Hits)
	fmt.Fprintf(w, "%d documents match", res.Total)
	if len(res.Hits) > 0 {
		fmt.Fprintf(w, "; %d–%d", offset+1, last)
	}
	fmt.Fprintf(w, " (%s)\n\n", res.Took.Round(1000))
	for i, h := range res.Hits {
		date := h.Published
		if date == "" {
			date = "undated"
		}
		meta := []string{date}
		if h.Genre != "" {
			meta = append(meta, h.Genre)
		}
		if h.Source != "" {
			meta = append(meta, h.Source)
		}
		fmt.Fprintf(w, "%d. %s\n   %s · %s\n", offset+i+1, termText(h.Title), termText(strings.Join(meta, " · ")), termText(h.ID))
		if h.URL != "" {
			fmt.Fprintf(w, "   %s\n", termText(h.URL))
		}
		for j, s := range h.Snippets {
			if j == 2 {
				break
			}
			fmt.Fprintf(w, "   %s\n", terminalSnippet(s, color))
		}
		fmt.Fprintln(w)
	}
}

// runQuery applies the filter flags to q and runs it on the index in dir. A mistake
// in the query is a usage error.
func runQuery(ctx context.Context, dir string, filters *filterFlags, q index.Query) (*index.Result, error) {
	return runQueryWait(ctx, &env{stdout: io.Discard, stderr: os.Stderr}, dir, index.DefaultWait, filters, q)
}

// runQueryWait is runQuery waiting at most wait for an index another process holds,
// saying so on e.stderr.
func runQueryWait(ctx context.Context, e *env, dir string, wait time.Duration, filters *filterFlags, q index.Query) (*index.Result, error) {
	if err := filters.apply(&q); err != nil {
		return nil, err
	}
	ix, err := openSearchIndexWait(ctx, e, dir, wait)
	if err != nil {
		return nil, err
	}
	defer ix.Close()
	res, err := ix.Search(ctx, q)
	var qe *index.QueryError
	if errors.As(err, &qe) {
		return nil, usageError{qe.Error()}
	}
	for _, h := range hints(res) {
		fmt.Fprintln(e.stderr, "hint:", h)
	}
	return res, err
}

// hints returns the hints of res, none when res is nil.
func hints(res *index.Result) []index.Hint {
	if res == nil {
		return nil
	}
	return res.Hints
}
