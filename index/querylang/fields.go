package querylang

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"terril/corpus"
)

// Fields lists the canonical field names with the prefixes that name them, the
// first being the one String prints.
var Fields = []struct {
	Name     string
	Prefixes []string
}{
	{"commune", []string{"commune", "ville"}},
	{"dept", []string{"dept", "departement", "département"}},
	{"epci", []string{"epci", "interco"}},
	{"theme", []string{"theme", "thème"}},
	{"genre", []string{"genre"}},
	{"person", []string{"person", "personne", "people"}},
	{"signatory", []string{"signataire", "signatory"}},
	{"source", []string{"source"}},
	{"amount", []string{"montant", "amount"}},
	{"date", []string{"date", "publie", "publié", "annee", "année", "year"}},
	{"title", []string{"titre", "title"}},
	{"text", []string{"texte", "text"}},
	{"mention", []string{"mention", "mentionne"}},
	{"id", []string{"id"}},
	{"funder", []string{"financeur", "funder"}},
	{"instrument", []string{"instrument"}},
	{"fcommune", []string{"fcommune", "beneficiaire", "bénéficiaire"}},
	{"fdept", []string{"fdept"}},
}

var (
	aliases  = map[string]string{} // prefix → canonical name
	prefixOf = map[string]string{} // canonical name → printed prefix
	prefixes []string              // every prefix, for suggestions
)

func init() {
	for _, f := range Fields {
		prefixOf[f.Name] = f.Prefixes[0]
		for _, p := range f.Prefixes {
			aliases[p] = f.Name
			prefixes = append(prefixes, p)
		}
	}
}

// Canonical returns the canonical field a prefix names, in any case.
func Canonical(prefix string) (string, bool) {
	f, ok := aliases[strings.ToLower(prefix)]
	return f, ok
}

// Prefix returns the prefix String prints for a canonical field name.
func Prefix(name string) string {
	if p, ok := prefixOf[name]; ok {
		return p
	}
	return name
}

// Themes are the theme ids of the guidelines, a closed list (extract/themes/themes.tsv
// assigns them; a test checks the two agree).
var Themes = []string{
	"developpement-economique", "emploi-formation", "centres-villes", "logement", "mobilites",
	"transition-ecologique", "numerique", "tourisme", "innovation", "ess", "amenagement-friches",
	"sante", "politique-de-la-ville", "ruralite", "fiscalite", "participation",
	"culture-patrimoine", "education-jeunesse",
}

// Genres are the genres of the guidelines.
var Genres = []string{corpus.GenreCommunique, corpus.GenreArticle, corpus.GenreDeliberation, corpus.GenrePage}

// Instruments are the instruments of a funding.
var Instruments = []string{corpus.InstrumentSubvention, corpus.InstrumentPret, corpus.InstrumentFondsPropres,
	corpus.InstrumentDotation, corpus.InstrumentAvance, corpus.InstrumentGarantie, corpus.InstrumentAutre}

// Fold lower-cases s and removes its accents, for comparing what a user typed with
// known names.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ':
			b.WriteString("oe")
		case r == 'æ':
			b.WriteString("ae")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Suggest returns up to max of the candidates nearest to s: within a few edits of
// it (one for short words, two from five letters, three from ten), or starting
// with it or with s as one of their words ("culture" → "culture-patrimoine"),
// nearest first. Case and accents do not count.
func Suggest(s string, candidates []string, max int) []string {
	key := Fold(s)
	if key == "" {
		return nil
	}
	limit := 1
	switch n := len([]rune(key)); {
	case n >= 10:
		limit = 3
	case n >= 5:
		limit = 2
	}
	type cand struct {
		s string
		d int
	}
	var found []cand
	seen := map[string]bool{}
	for _, c := range candidates {
		ck := Fold(c)
		if seen[ck] || ck == key {
			continue
		}
		d := distance(key, ck)
		if d > limit {
			d = wordDistance(key, ck, limit)
		}
		if d > limit+1 {
			continue
		}
		seen[ck] = true
		found = append(found, cand{c, d})
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].d != found[j].d {
			return found[i].d < found[j].d
		}
		return found[i].s < found[j].s
	})
	var out []string
	for i := 0; i < len(found) && i < max; i++ {
		out = append(out, found[i].s)
	}
	return out
}

// wordDistance ranks a candidate of several words by the one nearest to key, after
// the candidates near as a whole: limit+1 when a word of it starts with key or is
// within limit edits of it ("metrople" → "Métropole Européenne de Lille"),
// limit+2 (no suggestion) otherwise.
func wordDistance(key, cand string, limit int) int {
	if len([]rune(key)) < 3 {
		return limit + 2
	}
	for _, w := range strings.FieldsFunc(cand, func(r rune) bool { return r == '-' || r == ' ' || r == '\'' }) {
		if strings.HasPrefix(w, key) || len([]rune(w)) >= 4 && distance(key, w) <= limit {
			return limit + 1
		}
	}
	return limit + 2
}

// distance is the edit distance between a and b in runes, a swap of two
// neighbours counting as one edit ("Nrod" is one from "Nord"): the optimal string
// alignment distance.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	rows := [3][]int{make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		pp, prev, cur := rows[0], rows[1], rows[2]
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		rows[0], rows[1], rows[2] = prev, cur, pp
	}
	return rows[1][len(rb)]
}
