package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"terril/index"
)

const fundingsUsage = `
usage: terril fundings [flags] [QUERY]

Fundings prints the funding events of the documents matching QUERY (everything
when empty): who pays (funder), whom (beneficiary, commune), how much, by what
instrument (subvention, pret, fonds-propres, dotation, avance, garantie, autre),
for what, when. The funding flags keep only the events that answer them; QUERY
and the document flags (--theme, --genre…) choose the documents.

With --sums it totals the events by funder, instrument, commune, dept, epci,
theme or year instead: each event counts once for each value it has (an event
for two communes counts for both, once for its département), a range ("entre 2
et 3 M€") from its low end, a part of a total ("dont 936 000 €", "soit …") only
where the total is not counted already. --min-total keeps the values whose
total is at least that much.

--format csv or jsonl exports one row per event (document id, date, funder,
beneficiary, commune code, amount…) for a spreadsheet or R; an event for several
communes gives one CSV row per commune, each with the whole amount and the
same event number.

	terril fundings --funder "Banque des Territoires" --format csv > bdt.csv
	terril fundings --sums commune --fdept 62 --theme logement --since 2018 --min-total 1M
	terril fundings --sums funder,instrument friche
`

// fundingFlags are the filters on funding events.
type fundingFlags struct {
	funders, instruments, communes, depts listFlag
	min, since, until                     string
}

func (f *fundingFlags) add(fs *flag.FlagSet) {
	fs.Var(&f.funders, "funder", "only events of the funder or cofunder `NAME` (words of its name; repeatable)")
	fs.Var(&f.instruments, "instrument", "only events of the `INSTRUMENT`: subvention, pret, fonds-propres, dotation, avance, garantie, autre (repeatable)")
	fs.Var(&f.communes, "fcommune", "only events for the commune `NAME|INSEE` (repeatable)")
	fs.Var(&f.depts, "fdept", "only events for a commune of the département `CODE|NAME` (repeatable)")
	fs.StringVar(&f.min, "min", "", "only events of at least `EUROS` (1000000, 1M, 200k)")
	fs.StringVar(&f.since, "since", "", "only events dated on or after `DATE` (YYYY, YYYY-MM, YYYY-MM-DD)")
	fs.StringVar(&f.until, "until", "", "only events dated on or before `DATE`")
}

func (f *fundingFlags) filter() (index.FundingFilter, error) {
	ff := index.FundingFilter{Funders: f.funders, Instruments: f.instruments, Communes: f.communes,
		Depts: f.depts, From: f.since, To: f.until}
	if f.min != "" {
		v, err := index.ParseAmount(f.min)
		if err != nil {
			return ff, usageError{err.Error()}
		}
		ff.MinAmount = &v
	}
	return ff, nil
}

func fundingsCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "fundings", fundingsUsage)
	dir := indexFlag(fs)
	format := fs.String("format", "table", "output `FORMAT`: table, csv or jsonl")
	n := fs.Int("n", 0, "at most `N` events (0: all)")
	var sums listFlag
	fs.Var(&sums, "sums", "total the events by `DIM` (funder, instrument, commune, dept, epci, theme, year; comma-separated)")
	minTotal := fs.String("min-total", "", "with --sums, only values totalling at least `EUROS`")
	var ff fundingFlags
	ff.add(fs)
	var filters filterFlags
	filters.add(fs)
	words, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch *format {
	case "table", "csv", "jsonl":
	default:
		return usageError{fmt.Sprintf("fundings: unknown format %q (want table, csv or jsonl)", *format)}
	}
	filter, err := ff.filter()
	if err != nil {
		return err
	}
	q := index.Query{Text: strings.Join(words, " ")}
	if err := filters.apply(&q); err != nil {
		return err
	}
	// A theme keeps the events that have it, not every event of a document that has.
	filter.Themes = q.Themes
	ix, err := openSearchIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	limit := *n
	if len(sums) > 0 {
		limit = 0
	}
	rows, err := ix.Fundings(ctx, q, filter, limit)
	var qe *index.QueryError
	if errors.As(err, &qe) {
		return usageError{qe.Error()}
	}
	if err != nil {
		return err
	}
	if len(sums) > 0 {
		return printFundingSums(e.stdout, rows, sums, *minTotal, *format)
	}
	switch *format {
	case "csv":
		return writeFundingsCSV(e.stdout, rows)
	case "jsonl":
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
		return nil
	}
	printFundings(e.stdout, rows)
	return nil
}

// fundingHeader is the header of the CSV export.
var fundingHeader = []string{"doc_id", "event", "date", "funder", "cofunders", "beneficiaries", "commune_code",
	"commune", "dept", "amount", "amount_max", "implicit", "instrument", "purpose", "part_of"}

// writeFundingsCSV writes one row per event and commune (one row for an event
// without commune).
func writeFundingsCSV(w io.Writer, rows []index.FundingRow) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(fundingHeader); err != nil {
		return err
	}
	for _, r := range rows {
		part := ""
		if r.PartOf != nil {
			part = strconv.Itoa(*r.PartOf)
		}
		base := func(code, name, dept string) []string {
			max := ""
			if r.AmountMax > 0 {
				max = strconv.FormatFloat(r.AmountMax, 'f', -1, 64)
			}
			return []string{r.DocID, strconv.Itoa(r.Index), r.Date, r.Funder, strings.Join(r.Cofunders, "; "),
				strings.Join(r.Beneficiaries, "; "), code, name, dept, strconv.FormatFloat(r.Amount, 'f', -1, 64),
				max, strconv.FormatBool(r.Implicit), r.Instrument, r.Purpose, part}
		}
		if len(r.Communes) == 0 {
			if err := cw.Write(base("", "", "")); err != nil {
				return err
			}
			continue
		}
		for i, c := range r.Communes {
			if err := cw.Write(base(c, r.CommuneNames[i], r.Depts[i])); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// printFundings prints the events as a table for a person to read.
func printFundings(w io.Writer, rows []index.FundingRow) {
	if len(rows) == 0 {
		fmt.Fprintln(w, "no funding events match")
		return
	}
	fmt.Fprintf(w, "%d funding events\n\n", len(rows))
	fmt.Fprintf(w, "%-10s %15s  %-13s %-28s %-30s %s\n", "date", "amount €", "instrument", "funder", "communes", "document · beneficiary · purpose")
	for _, r := range rows {
		amount := euros(r.Amount)
		if r.AmountMax > 0 {
			amount += "–" + euros(r.AmountMax)
		}
		if r.Implicit {
			amount += "*"
		}
		if r.PartOf != nil {
			amount = "⊂ " + amount
		}
		var communes []string
		for i, c := range r.Communes {
			communes = append(communes, r.CommuneNames[i]+" "+c)
		}
		tail := []string{r.DocID}
		if len(r.Beneficiaries) > 0 {
			tail = append(tail, strings.Join(r.Beneficiaries, ", "))
		}
		if r.Purpose != "" {
			tail = append(tail, r.Purpose)
		}
		fmt.Fprintf(w, "%-10s %15s  %-13s %-28s %-30s %s\n", cell(r.Date, 10), amount, r.Instrument,
			cell(r.Funder, 28), cell(strings.Join(communes, ", "), 30), cell(strings.Join(tail, " · "), 90))
	}
	fmt.Fprintln(w, "\n⊂ part of a total of the same document (not added again where the total counts); * currency implicit in the text")
}

// printFundingSums prints (or exports) the sums of rows by dims.
func printFundingSums(w io.Writer, rows []index.FundingRow, dims []string, minTotal, format string) error {
	sums, err := index.SumFundings(rows, dims)
	if err != nil {
		var qe *index.QueryError
		if errors.As(err, &qe) {
			return usageError{qe.Error()}
		}
		return err
	}
	min := 0.0
	if minTotal != "" {
		if min, err = index.ParseAmount(minTotal); err != nil {
			return usageError{err.Error()}
		}
	}
	dropped := make([]int, len(sums))
	for i := range sums {
		var kept []index.SumValue
		for _, v := range sums[i].Values {
			if v.Total >= min {
				kept = append(kept, v)
			} else {
				dropped[i]++
			}
		}
		sums[i].Values = kept
	}
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, s := range sums {
			for _, v := range s.Values {
				if err := enc.Encode(struct {
					Dimension string `json:"dimension"`
					index.SumValue
				}{s.Dimension, v}); err != nil {
					return err
				}
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"dimension", "value", "total", "fundings", "implicit", "docs"})
		for _, s := range sums {
			for _, v := range s.Values {
				cw.Write([]string{s.Dimension, v.Value, strconv.FormatFloat(v.Total, 'f', -1, 64),
					strconv.Itoa(v.Count), strconv.Itoa(v.Implicit), strconv.Itoa(v.Docs)})
			}
		}
		cw.Flush()
		return cw.Error()
	}
	// Each event once; a part only when its total is not among the rows.
	listed := map[string]bool{}
	for _, r := range rows {
		listed[r.DocID+"#"+strconv.Itoa(r.Index)] = true
	}
	once := 0.0
	for _, r := range rows {
		if r.PartOf == nil || !listed[r.DocID+"#"+strconv.Itoa(*r.PartOf)] {
			once += r.Amount
		}
	}
	fmt.Fprintf(w, "%d funding events, %s € counting each once and no part of a total\n", len(rows), euros(once))
	for i, s := range sums {
		fmt.Fprintf(w, "\nFUNDINGS BY %s\n", strings.ToUpper(s.Dimension))
		if dropped[i] > 0 {
			fmt.Fprintf(w, "(%d values totalling less than %s € left out)\n", dropped[i], euros(min))
		}
		if len(s.Values) == 0 {
			fmt.Fprintln(w, "no value")
			continue
		}
		fmt.Fprintf(w, "%17s %8s %6s  %s\n", "total €", "fundings", "docs", s.Dimension)
		var all float64
		for _, v := range s.Values {
			mark := ""
			if v.Implicit > 0 {
				mark = fmt.Sprintf("  (%d with implicit currency)", v.Implicit)
			}
			fmt.Fprintf(w, "%17s %8d %6d  %s%s\n", euros(v.Total), v.Count, v.Docs, cell(v.Value, 60), mark)
			all += v.Total
		}
		fmt.Fprintf(w, "%17s %8s %6s  %s\n", euros(all), "", "", "(sum of the values above; an event for several values counts for each)")
	}
	return nil
}

// cell makes untrusted text safe and short for a terminal: control characters
// (escape sequences, line breaks) become spaces, runs of spaces one, and text
// longer than n runes is cut with "…".
func cell(s string, n int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.In(r, unicode.Cf) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = strings.TrimRight(string(r[:n-1]), " ") + "…"
	}
	return s
}
