package sources

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// The catalogue ships with terril: the 101 préfectures (their recueil des actes
// administratifs and their news, one row each in prefectures.tsv) and the other
// sources of catalogue.yaml (the Régions' press rooms, the Banque des Territoires).
//
//go:embed catalogue/prefectures.tsv catalogue/catalogue.yaml
var catalogueFS embed.FS

// CataloguePrefix introduces a catalogue group where a sources file is expected:
// "catalogue:prefectures".
const CataloguePrefix = "catalogue:"

// AllGroups names every entry of the catalogue.
const AllGroups = "all"

// Catalogue returns the entries of the catalogue, validated, in their files' order:
// préfectures by département code (RAA, then news), then the others.
func Catalogue() ([]Source, error) {
	prefs, err := prefectures()
	if err != nil {
		return nil, err
	}
	data, err := catalogueFS.ReadFile("catalogue/catalogue.yaml")
	if err != nil {
		return nil, err
	}
	var f struct {
		Sources []Source `yaml:"sources"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("catalogue.yaml: %w", err)
	}
	all := append(prefs, f.Sources...)
	if errs := validate("catalogue", all); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return all, nil
}

// Columns of prefectures.tsv.
const (
	colCode = iota
	colDepartement
	colHost
	colHostOrigin
	colRAAPath
	colRAAOrigin
	colRAAScope
	colNewsPath
	colNewsOrigin
	colChecked
	colNote
	numCols
)

// prefectures turns each row of prefectures.tsv into its two sources.
func prefectures() ([]Source, error) {
	data, err := catalogueFS.ReadFile("catalogue/prefectures.tsv")
	if err != nil {
		return nil, err
	}
	var out []Source
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "code\t") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != numCols {
			return nil, fmt.Errorf("prefectures.tsv:%d: %d columns, want %d", n, len(f), numCols)
		}
		code := strings.ToLower(f[colCode])
		who := fmt.Sprintf("préfecture, %s (%s)", f[colDepartement], f[colCode])
		note := func(origin, what string) string {
			s := who + "; " + what + ": the common pattern, not verified for this préfecture"
			if origin == "known" {
				s = who + "; " + f[colNote]
			}
			if f[colHostOrigin] == "exception" {
				s += "; host: an exception to www.<département>.gouv.fr"
			}
			return s
		}
		out = append(out, Source{
			Name: "prefecture-" + code + "-raa", Group: "prefectures-raa", Type: DSFR, Mode: "raa",
			URL: "https://" + f[colHost] + f[colRAAPath], MaxPages: 20, Scope: f[colRAAScope],
			Origin: f[colRAAOrigin], Checked: f[colChecked], Note: note(f[colRAAOrigin], "RAA path"),
		}, Source{
			Name: "prefecture-" + code + "-actualites", Group: "prefectures-actualites", Type: DSFR, Mode: "news",
			URL: "https://" + f[colHost] + f[colNewsPath], MaxPages: 5, Attachments: true,
			Origin: f[colNewsOrigin], Checked: f[colChecked], Note: note(f[colNewsOrigin], "news path"),
		})
	}
	return out, sc.Err()
}

// InGroup reports whether a catalogue entry belongs to group g: its own group, a
// group it is a part of ("prefectures" holds "prefectures-raa"), or "all".
func (s *Source) InGroup(g string) bool {
	return g == AllGroups || s.Group == g || strings.HasPrefix(s.Group, g+"-")
}

// Groups returns the groups of entries, with the groups they are parts of, sorted.
func Groups(entries []Source) []string {
	set := map[string]bool{AllGroups: true}
	for _, s := range entries {
		for g := s.Group; g != ""; {
			set[g] = true
			i := strings.LastIndexByte(g, '-')
			if i < 0 {
				break
			}
			g = g[:i]
		}
	}
	var out []string
	for g := range set {
		out = append(out, g)
	}
	sort.Strings(out)
	return out
}

// Merge returns the catalogue's entries with the user's: an entry of the user's with
// the name of a catalogue entry replaces it (in its place and its group), the others
// follow.
func Merge(catalogue, user []Source) []Source {
	byName := map[string]int{}
	out := append([]Source(nil), catalogue...)
	for i, s := range out {
		byName[s.Name] = i
	}
	for _, s := range user {
		if i, ok := byName[s.Name]; ok {
			// It stays in the replaced entry's group, so that the group crawls it.
			if s.Group == "" {
				s.Group = out[i].Group
			}
			out[i] = s
			continue
		}
		byName[s.Name] = len(out)
		out = append(out, s)
	}
	return out
}

// Plan returns the sources a crawl runs. With names, the sources of those names,
// looked up in the user's file and then in the catalogue; else the user's sources
// followed by the catalogue groups named (where the user's entries replace the
// catalogue's of the same name). user may be nil.
func Plan(user *File, groups, names []string) ([]Source, error) {
	cat, err := Catalogue()
	if err != nil {
		return nil, err
	}
	var mine []Source
	if user != nil {
		mine = user.Sources
	}
	pool := Merge(cat, mine)
	if len(names) > 0 {
		return pick(pool, names)
	}
	for _, g := range groups {
		if !contains(Groups(cat), g) {
			return nil, fmt.Errorf("no catalogue group %q (groups: %s)", g, strings.Join(Groups(cat), ", "))
		}
	}
	out := append([]Source(nil), mine...)
	seen := map[string]bool{}
	for _, s := range out {
		seen[s.Name] = true
	}
	for _, s := range pool {
		if seen[s.Name] {
			continue
		}
		for _, g := range groups {
			if s.InGroup(g) {
				seen[s.Name] = true
				out = append(out, s)
				break
			}
		}
	}
	return out, nil
}

// pick returns the entries named, in the order named.
func pick(pool []Source, names []string) ([]Source, error) {
	byName := map[string]int{}
	for i, s := range pool {
		byName[s.Name] = i
	}
	var out []Source
	seen := map[string]bool{}
	for _, n := range names {
		i, ok := byName[n]
		if !ok {
			return nil, fmt.Errorf("no source named %q in the sources file or the catalogue (see terril sources list)", n)
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, pool[i])
		}
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
