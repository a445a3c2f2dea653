package main

import (
	"fmt"
	"slices"
	"strings"

	"terril/corpus"
	"terril/extract"
	"terril/extract/geo"
)

// checkFilters says on stderr which filter values name nothing terril knows (a
// theme, a genre, a commune or an intercommunality of the gazetteer) and the
// nearest known ones: such a filter matches nothing, silently. The search still
// runs: an index may hold themes of its own lexicon (--themes at ingest).
func checkFilters(e *env, f *filterFlags) {
	themes := extract.DefaultThemes().IDs()
	for _, v := range f.themes {
		if !slices.Contains(themes, v) {
			warnUnknown(e, "--theme", v, "theme", nearestAll(v, themes))
		}
	}
	genres := []string{corpus.GenreCommunique, corpus.GenreArticle, corpus.GenreDeliberation, corpus.GenrePage}
	for _, v := range f.genres {
		if !slices.Contains(genres, v) {
			warnUnknown(e, "--genre", v, "genre", nearestAll(v, genres))
		}
	}
	g, err := geo.Default()
	if err != nil {
		return
	}
	commune := func(s string) (string, int) {
		if cs := g.LookupCommune(s); len(cs) > 0 {
			return fmt.Sprintf("%s (%s)", cs[0].Name, cs[0].INSEE), cs[0].Population
		}
		return "", 0
	}
	for _, v := range f.communes {
		if l, _ := commune(v); l == "" {
			warnUnknown(e, "--commune", v, "commune", oneEditAway(v, commune))
		}
	}
	epci := func(s string) (string, int) {
		if x, ok := g.LookupEPCI(s); ok {
			return fmt.Sprintf("%s (%s)", x.Name, x.SIREN), x.Population
		}
		return "", 0
	}
	for _, v := range f.epcis {
		if l, _ := epci(v); l == "" {
			warnUnknown(e, "--epci", v, "intercommunality", oneEditAway(v, epci))
		}
	}
}

func warnUnknown(e *env, flagName, v, what string, near []string) {
	msg := fmt.Sprintf("terril: %s %q: no such %s", flagName, v, what)
	if len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, " or ") + "?"
	}
	fmt.Fprintln(e.stderr, termText(msg))
}

// nearestAll returns the names within two edits of s (and fewer than half their
// letters), nearest first, at most three.
func nearestAll(s string, names []string) []string {
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	for _, n := range names {
		if d := editDistance(strings.ToLower(s), n); d <= 2 && d*2 < len([]rune(n)) {
			cs = append(cs, cand{n, d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.d - b.d })
	var out []string
	for i, c := range cs {
		if i == 3 {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// editLetters are the letters tried by oneEditAway.
const editLetters = "abcdefghijklmnopqrstuvwxyzéèêëàâîïôûùüç- '"

// oneEditAway returns what the spellings one edit from s (a letter deleted,
// inserted, replaced, or two swapped) resolve to, the heaviest (most populous)
// first, at most three: a typo in a place name ("Lense", "Valencienes") finds the
// place without a list of every name.
func oneEditAway(s string, resolve func(string) (string, int)) []string {
	r := []rune(strings.ToLower(s))
	weight := map[string]int{}
	var out []string
	try := func(c []rune) {
		if v, w := resolve(string(c)); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
			weight[v] = w
		}
	}
	for i := range len(r) + 1 {
		if i < len(r) {
			try(slices.Concat(r[:i], r[i+1:]))
		}
		if i+1 < len(r) {
			try(slices.Concat(r[:i], []rune{r[i+1], r[i]}, r[i+2:]))
		}
		for _, l := range editLetters {
			try(slices.Concat(r[:i], []rune{l}, r[i:]))
			if i < len(r) {
				try(slices.Concat(r[:i], []rune{l}, r[i+1:]))
			}
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return weight[b] - weight[a] })
	return out[:min(len(out), 3)]
}
