package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"strings"
	"text/tabwriter"

	"terril/corpus"
	"terril/corpus/dsfr"
	"terril/corpus/sources"
)

// The dsfr collector joins the ones collectors.go lists.
func init() {
	collectors[sources.DSFR] = func(s sources.Source) corpus.Collector {
		return &dsfr.Collector{URL: s.URL, Mode: s.Mode, MaxDepth: s.MaxDepth, MaxPages: s.MaxPages,
			Attachments: s.Attachments, Scope: s.Scope, Cards: s.Links, Next: s.Next, Downloads: s.Documents}
	}
}

const sourcesUsage = `
usage: terril sources list [--kind KIND] [--group GROUP] [--sources FILE] [--format text|csv]

Sources list prints the catalogue of sources that ships with terril: for each entry
its name, kind (dsfr, sitemap, feed, listing…), URL, when it was last checked and
whether its URL is known (taken from a public source named in its note) or follows a
pattern (the path most such sites use, not verified for this one). It holds the 101
préfectures (prefecture-CODE-raa: the recueil des actes administratifs;
prefecture-CODE-actualites: the news), the 18 Régions' press rooms and the Banque
des Territoires' communiqués. With --sources FILE, the file's entries are merged in:
an entry of the catalogue's name replaces it, the others are added.

Crawl an entry by name, or a group, with a contact where site owners can reach you:

	terril crawl --contact veille@example.org --source prefecture-59-raa
	terril crawl --contact veille@example.org --sources catalogue:prefectures-raa
	terril crawl --sources sources.yaml --source prefecture-59-raa   # the file's fetch section

Groups: all, prefectures, prefectures-raa, prefectures-actualites, regions,
banque-des-territoires. Nobody had opened these URLs when the catalogue was written:
open one in a browser before a first crawl. A page that lists nothing is reported by
the crawl ("no item found on …: the site may have changed").
`

func sourcesCommand(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "list" {
		newFlags(e, "sources", sourcesUsage).Usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return usageError{"sources: unknown or missing subcommand (list)"}
	}
	fs := newFlags(e, "sources list", sourcesUsage)
	kind := fs.String("kind", "", "only the entries of `KIND` (dsfr, sitemap, feed, listing, urls, folder)")
	group := fs.String("group", "", "only the entries of `GROUP` (prefectures, regions…)")
	file := fs.String("sources", "", "merge the entries of this sources `FILE`")
	format := fs.String("format", "text", "output `FORMAT`: text or csv")
	rest, err := parseFlags(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{"sources list: unexpected argument " + rest[0]}
	}
	if *format != "text" && *format != "csv" {
		return usageError{"sources list: --format text or csv"}
	}
	if *kind != "" && !inList(sources.Types, *kind) {
		return usageError{fmt.Sprintf("sources list: unknown kind %q (%s)", *kind, strings.Join(sources.Types, ", "))}
	}
	list, err := sources.Catalogue()
	if err != nil {
		return err
	}
	if *group != "" && !inList(sources.Groups(list), *group) {
		return usageError{fmt.Sprintf("sources list: unknown group %q (%s)", *group, strings.Join(sources.Groups(list), ", "))}
	}
	if *file != "" {
		f, err := sources.Load(*file)
		if err != nil {
			return err
		}
		list = sources.Merge(list, f.Sources)
	}
	var out []sources.Source
	for _, s := range list {
		if (*kind == "" || s.Type == *kind) && (*group == "" || s.InGroup(*group)) {
			out = append(out, s)
		}
	}
	if *format == "csv" {
		return writeSourcesCSV(e, out)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tURL\tCHECKED\tORIGIN")
	for _, s := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", termText(s.Name), kindOf(s), termText(sourceURL(s)), termText(orDefault(s.Checked, "not checked")), termText(orDefault(s.Origin, "yours")))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "%d sources\n", len(out))
	return nil
}

func writeSourcesCSV(e *env, list []sources.Source) error {
	w := csv.NewWriter(e.stdout)
	w.Write([]string{"name", "kind", "url", "checked", "origin", "group", "note"})
	for _, s := range list {
		w.Write([]string{s.Name, kindOf(s), sourceURL(s), orDefault(s.Checked, "not checked"), orDefault(s.Origin, "yours"), s.Group, s.Note})
	}
	w.Flush()
	return w.Error()
}

// kindOf is a source's type, with its mode for dsfr ("dsfr/raa").
func kindOf(s sources.Source) string {
	if s.Type == sources.DSFR {
		return s.Type + "/" + orDefault(s.Mode, dsfr.RAA)
	}
	return s.Type
}

func sourceURL(s sources.Source) string {
	switch {
	case s.URL != "":
		return s.URL
	case s.Path != "":
		return s.Path
	}
	return strings.Join(s.URLs, " ")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// crawlPlan reads what terril crawl's --sources, --source and --contact say: each
// spec is a sources file (at most one) or catalogue:GROUP; names pick sources from
// the file and the catalogue. Without any spec the file is sources.yaml, which may
// be absent when --contact is given (the fetch settings are then the defaults).
func crawlPlan(specs, names []string, contact string) (*sources.File, []sources.Source, string, error) {
	var file string
	var groups []string
	for _, s := range specs {
		if g, ok := strings.CutPrefix(s, sources.CataloguePrefix); ok {
			groups = append(groups, g)
			continue
		}
		if file != "" {
			return nil, nil, "", usageError{"crawl: one sources file at most (" + file + ", " + s + ")"}
		}
		file = s
	}
	implicit := len(specs) == 0
	if implicit {
		file = "sources.yaml"
	}
	var sf *sources.File
	if file != "" {
		f, err := sources.Load(file)
		switch {
		case err == nil:
			sf = f
		case implicit && contact != "" && errors.Is(err, fs.ErrNotExist):
		case implicit && errors.Is(err, fs.ErrNotExist):
			return nil, nil, "", usageError{"crawl: no sources.yaml here: give --sources FILE, or --contact EMAIL to crawl the catalogue's sources (terril sources list)"}
		default:
			return nil, nil, "", err
		}
	}
	if sf == nil {
		if strings.TrimSpace(contact) == "" {
			return nil, nil, "", usageError{"crawl: a contact is required (an e-mail address or URL where site owners can reach you): --contact, or fetch.contact in a sources file"}
		}
		sf, file = &sources.File{Fetch: sources.Fetch{Contact: contact}}, "the catalogue"
	} else if contact != "" {
		sf.Fetch.Contact = contact
	}
	if len(groups) == 0 && len(names) == 0 && file == "the catalogue" {
		return nil, nil, "", usageError{"crawl: nothing to crawl: give --source NAME or --sources catalogue:GROUP (see terril sources list)"}
	}
	var user *sources.File
	if file != "the catalogue" {
		user = sf
	}
	selected, err := sources.Plan(user, groups, names)
	if err != nil {
		return nil, nil, "", usageError{"crawl: " + err.Error()}
	}
	return sf, selected, file, nil
}
