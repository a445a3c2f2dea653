package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"terril/index"
)

const showUsage = `
usage: terril show [flags] ID

Show prints one document of the index: its metadata, every fact extracted from it
and its text (as indexed). ID is the id search prints (the path relative to the
folder ingested, or the capture's URL).

With --json, one object: the fields of a search hit (see terril help search) and
"text". In the terminal, control characters of the document are replaced.

	terril show communique-mineurs.txt
	terril show --json --no-text https://www.example.fr/actualites/42
`

func showCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "show", showUsage)
	dir := indexFlag(fs)
	wait := waitFlag(fs)
	asJSON := fs.Bool("json", false, "print the document as JSON")
	noText := fs.Bool("no-text", false, "leave the text out")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageError{fmt.Sprintf("show: want one ID, got %d arguments (run terril search to find ids)", len(rest))}
	}
	ix, err := openSearchIndexWait(ctx, e, *dir, *wait)
	if err != nil {
		return err
	}
	defer ix.Close()
	r, err := ix.Document(ctx, rest[0])
	if errors.Is(err, index.ErrNotFound) {
		return fmt.Errorf("show: no document %q in %s (terril search prints the ids)", rest[0], *dir)
	}
	if err != nil {
		return err
	}
	if *noText {
		r.Text = ""
	}
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	printDocument(e.stdout, r)
	return nil
}

// printDocument prints a document for a person to read.
func printDocument(w io.Writer, r *index.Record) {
	fmt.Fprintln(w, termText(or(r.Title, r.ID)))
	meta := []string{or(r.Published, "undated")}
	for _, s := range []string{r.Genre, r.Source} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	fmt.Fprintf(w, "  %s\n  id: %s\n", termText(strings.Join(meta, " · ")), termText(r.ID))
	if r.URL != "" {
		fmt.Fprintf(w, "  url: %s\n", termText(r.URL))
	}
	fmt.Fprintln(w)
	for _, f := range documentFacts(r) {
		if len(f.values) == 0 {
			continue
		}
		fmt.Fprintf(w, "%-13s %s\n", f.name+":", termText(f.values[0]))
		for _, v := range f.values[1:] {
			fmt.Fprintf(w, "%-13s %s\n", "", termText(v))
		}
	}
	if r.Text != "" {
		fmt.Fprintln(w, "\nText:")
		for _, l := range strings.Split(r.Text, "\n") {
			fmt.Fprintf(w, "  %s\n", termText(l))
		}
	}
}

type factLines struct {
	name   string
	values []string
}

// documentFacts lists the facts of r as lines, by kind.
func documentFacts(r *index.Record) []factLines {
	var dates, amounts, communes, epcis, depts, people, signs, refs, funds []string
	for _, d := range r.Dates {
		dates = append(dates, d.Value+" ("+d.Text+")")
	}
	for _, a := range r.Amounts {
		amounts = append(amounts, euros(a)+" €")
	}
	for _, c := range r.Communes {
		code, name, _ := strings.Cut(c, " ")
		communes = append(communes, name+" ("+code+")")
	}
	for _, c := range r.EPCIs {
		code, name, _ := strings.Cut(c, " ")
		epcis = append(epcis, name+" ("+code+")")
	}
	for _, d := range r.Departements {
		depts = append(depts, facetLabel("dept", d))
	}
	for _, p := range r.People {
		people = append(people, strings.TrimSuffix(p.Name+", "+p.Role, ", "))
	}
	for _, s := range r.Signatories {
		signs = append(signs, strings.TrimSuffix(s.Name+" ("+s.Kind+")", " ()"))
	}
	for _, x := range r.References {
		refs = append(refs, strings.TrimSpace(strings.Join([]string{x.Kind, "n° " + x.Number, x.Date}, " ")))
	}
	for _, f := range r.Fundings {
		funds = append(funds, fundingLine(f))
	}
	return []factLines{
		{"Dates", dates}, {"Amounts", amounts}, {"Communes", communes}, {"EPCIs", epcis},
		{"Départements", depts}, {"People", people}, {"Signatories", signs}, {"References", refs},
		{"Themes", r.Themes}, {"Fundings", funds},
	}
}

// fundingLine is one funding: "150 000 € subvention, Région → Ville de Lens (Lens)".
func fundingLine(f index.FundingRow) string {
	s := euros(f.Amount)
	if f.AmountMax > 0 {
		s += "–" + euros(f.AmountMax)
	}
	s += " € " + f.Instrument
	if f.Funder != "" {
		s += ", " + f.Funder
	}
	if len(f.Beneficiaries) > 0 {
		s += " → " + strings.Join(f.Beneficiaries, ", ")
	}
	if len(f.CommuneNames) > 0 {
		s += " (" + strings.Join(f.CommuneNames, ", ") + ")"
	}
	return s
}

func or(s, dflt string) string {
	if s == "" {
		return dflt
	}
	return s
}
