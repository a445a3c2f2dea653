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

With --json, every field is plain text as the document gave it (title, url, id…:
escape them where you show them) except "snippets", HTML fragments safe to insert
in a page (the text HTML-escaped, the matches in <mark>…</mark>); "snippets_text"
are the same fragments as plain text. In the terminal, control characters of
titles, file names and snippets are replaced (line breaks by spaces, escape
sequences by U+FFFD).

An index another process holds (an ingest or a crawl writing to it) is said busy
at once, with who holds it, and waited for at most --wait (default 5s); then the
command fails. Ctrl-C ends the wait at once.

	terril search --json -n 20 "renouveau du bassin minier" --dept 62
	terril search --commune Lens --min-amount 1000000 --sort -amount
`

// filterFlags are the filters search and facets share.
type filterFlags struct {
	communes, depts, epcis, themes, genres, people, signatories, sources listFlag
	minAmount, maxAmount                                                 string
	from, to                                                             string
	actKinds, recueils                                                   listFlag
}

func (f *filterFlags) add(fs *flag.FlagSet) {
	fs.Var(&f.communes, "commune", "only documents naming this commune (name or INSEE code; repeatable)")
	fs.Var(&f.depts, "dept", "only this département (code or name; repeatable)")
	fs.Var(&f.epcis, "epci", "only this intercommunality (SIREN or name; repeatable)")
	fs.Var(&f.themes, "theme", "only this theme id (repeatable)")
	fs.Var(&f.genres, "genre", "only this genre: communique, article, deliberation, page (repeatable)")
	fs.Var(&f.people, "person", "only documents naming this person (repeatable)")
	fs.Var(&f.signatories, "signatory", "only documents signed by this party (repeatable)")
	fs.Var(&f.sources, "source", "only this source (repeatable)")
	fs.Var(&f.actKinds, "act-kind", "only acts of recueils of this kind: arrete, decision, recepisse, deliberation, convention, autre (repeatable)")
	fs.Var(&f.recueils, "recueil", "only the acts of the recueil of document `ID` (repeatable)")
	fs.StringVar(&f.minAmount, "min-amount", "", "only documents with an amount ≥ `EUROS` (1000000, 1M, 200k)")
	fs.StringVar(&f.maxAmount, "max-amount", "", "only documents with an amount ≤ `EUROS`")
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
	asJSON := fs.Bool("json", false, "print the results as JSON")
	n := fs.Int("n", 10, "`N` results per page")
	offset := fs.Int("offset", 0, "skip the first `N` results")
	sortBy := fs.String("sort", "relevance", "order: relevance, date, -date (newest first), amount, -amount (largest first)")
	var filters filterFlags
	filters.add(fs)
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	q := index.Query{Text: strings.Join(words, " "), Size: *n, Offset: *offset, Sort: *sortBy, Snippets: true}
	if *n <= 0 {
		q.Size = -1
	}
	res, err := runQueryWait(ctx, e, *dir, *wait, &filters, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	printHits(e.stdout, res, *offset, isTerminal(e.stdout))
	return nil
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
	return res, err
}
