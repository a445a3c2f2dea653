package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"terril/extract/text"
)

//go:generate go run ./internal/gen -npm internal/gen/npm -out data

//go:embed data/*.tsv.gz data/*.tsv
var dataFS embed.FS

// A Commune is a current French commune.
type Commune struct {
	INSEE       string   // code officiel géographique: "59350"
	Name        string   // official name: "Lille"
	Liaison     int      // INSEE typeLiaison: 0 "de", 1 "d'", 2 "du"/Le, 3 "de la"/La, 4 "des"/Les, 5 "de l'"/L'
	Departement string   // "59", "2A", "971"
	Region      string   // "32"
	EPCI        string   // SIREN of its intercommunality, "" for the few outside any
	Population  int      // population municipale
	PostalCodes []string // La Poste codes
}

// An EPCI is an intercommunality with its own taxation (CA, CC, CU, métropole).
type EPCI struct {
	SIREN      string
	Type       string   // "CA", "CC", "CU", "METRO", "MET69"
	Name       string   // official name in epci.json: "CA de Lens - Liévin"
	Population int      // population totale
	Former     []string // names older releases gave it
	Members    []string // INSEE codes of its member communes, sorted
}

// A Departement is a French département (or collectivité with a département code).
type Departement struct {
	Code    string // "59", "2A", "971"
	Name    string // "Nord"
	Liaison int
	Region  string
}

// A Region is a French région.
type Region struct {
	Code    string
	Name    string
	Liaison int
}

// A Gazetteer holds France's communes, intercommunalities, départements and régions,
// and the matcher built over their names. It is immutable once loaded and safe for
// concurrent use.
type Gazetteer struct {
	communes []Commune
	epcis    []EPCI
	deps     []Departement
	regions  []Region

	byINSEE  map[string]int32
	bySIREN  map[string]int32
	byDep    map[string]int32
	byRegion map[string]int32

	// soleDep[r] is the index of région r's one département ("Guadeloupe",
	// "Mayotte"), -1 where it has several.
	soleDep []int32

	m       matcher
	scratch sync.Pool // *matchScratch: the buffers of Match, recycled

	// The codes Match's context rules compare (see indexCodes).
	codes                         map[string]int32
	comCodes, depCodes, epciCodes []codeRefs
	regionCodes                   []int32
	overseasCode                  []bool             // by code: an overseas région's
	nameKeys                      []string           // by commune: its name as nameKey gives it
	popScore                      []float64          // by commune: choose's score of its population
	seat                          map[int32]int32    // commune → the EPCI whose most populous member it is
	byDepName                     map[string][]int32 // by département: its communes in the order of nameKeys
}

var loadDefault = sync.OnceValues(Load)

// Default returns the gazetteer built from the embedded data, loaded once.
func Default() (*Gazetteer, error) { return loadDefault() }

// Load builds a new gazetteer from the embedded data.
func Load() (*Gazetteer, error) {
	g := &Gazetteer{
		byINSEE:  map[string]int32{},
		bySIREN:  map[string]int32{},
		byDep:    map[string]int32{},
		byRegion: map[string]int32{},
	}
	err := readTSV("data/regions.tsv.gz", 3, func(f []string) error {
		g.byRegion[f[0]] = int32(len(g.regions))
		g.regions = append(g.regions, Region{Code: f[0], Name: f[1], Liaison: atoi(f[2])})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("data/departements.tsv.gz", 4, func(f []string) error {
		g.byDep[f[0]] = int32(len(g.deps))
		g.deps = append(g.deps, Departement{Code: f[0], Name: f[1], Liaison: atoi(f[2]), Region: f[3]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	g.soleDep = soleDeps(g.regions, g.deps, g.byRegion)
	err = readTSV("data/epci.tsv.gz", 5, func(f []string) error {
		e := EPCI{SIREN: f[0], Type: f[1], Name: f[2], Population: atoi(f[3])}
		if f[4] != "" {
			e.Former = strings.Split(f[4], " | ")
		}
		g.bySIREN[e.SIREN] = int32(len(g.epcis))
		g.epcis = append(g.epcis, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("data/communes.tsv.gz", 8, func(f []string) error {
		c := Commune{INSEE: f[0], Name: f[1], Liaison: atoi(f[2]), Departement: f[3], Region: f[4],
			EPCI: f[5], Population: atoi(f[6])}
		if f[7] != "" {
			c.PostalCodes = strings.Fields(f[7])
		}
		g.byINSEE[c.INSEE] = int32(len(g.communes))
		g.communes = append(g.communes, c)
		if i, ok := g.bySIREN[c.EPCI]; ok {
			g.epcis[i].Members = append(g.epcis[i].Members, c.INSEE)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	g.seat = map[int32]int32{}
	for i, e := range g.epcis {
		best := int32(-1)
		for _, insee := range e.Members {
			if c := g.byINSEE[insee]; best < 0 || g.communes[c].Population > g.communes[best].Population {
				best = c
			}
		}
		if best >= 0 {
			g.seat[best] = int32(i)
		}
	}
	g.nameKeys = make([]string, len(g.communes))
	g.byDepName = map[string][]int32{}
	for i, c := range g.communes {
		g.nameKeys[i] = nameKey(c.Name)
		g.byDepName[c.Departement] = append(g.byDepName[c.Departement], int32(i))
	}
	for _, idx := range g.byDepName {
		slices.SortFunc(idx, func(a, b int32) int { return strings.Compare(g.nameKeys[a], g.nameKeys[b]) })
	}
	if err := g.build(); err != nil {
		return nil, err
	}
	g.indexCodes()
	return g, nil
}

// soleDeps returns, by région index, the index of the région's département when it has
// exactly one (the overseas régions), else -1: naming such a région names its
// département.
func soleDeps(regions []Region, deps []Departement, byRegion map[string]int32) []int32 {
	sole := make([]int32, len(regions))
	n := make([]int, len(regions))
	for i, d := range deps {
		if r, ok := byRegion[d.Region]; ok {
			sole[r] = int32(i)
			n[r]++
		}
	}
	for r := range sole {
		if n[r] != 1 {
			sole[r] = -1
		}
	}
	return sole
}

// readTSV reads an embedded TSV file (gzipped when its name ends in .gz), skipping the
// header line, blank lines and lines starting with '#', and calls f with each row's
// fields; rows must have at least n fields.
func readTSV(name string, n int, f func([]string) error) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("geo: %s: %w", name, err)
	}
	var r io.Reader = bytes.NewReader(b)
	gz := strings.HasSuffix(name, ".gz")
	if gz {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("geo: %s: %w", name, err)
		}
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if gz && line == 1 || s == "" || s[0] == '#' {
			continue
		}
		fields := strings.Split(s, "\t")
		if len(fields) < n {
			return fmt.Errorf("geo: %s:%d: %d fields, want %d", name, line, len(fields), n)
		}
		if err := f(fields); err != nil {
			return fmt.Errorf("geo: %s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("geo: %s: %w", name, err)
	}
	return nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Communes returns the number of current communes.
func (g *Gazetteer) Communes() int { return len(g.communes) }

// Commune returns the current commune with INSEE code insee.
func (g *Gazetteer) Commune(insee string) (Commune, bool) {
	i, ok := g.byINSEE[insee]
	if !ok {
		return Commune{}, false
	}
	return g.communes[i], true
}

// EPCI returns the intercommunality with SIREN siren.
func (g *Gazetteer) EPCI(siren string) (EPCI, bool) {
	i, ok := g.bySIREN[siren]
	if !ok {
		return EPCI{}, false
	}
	return g.epcis[i], true
}

// Departement returns the département with code code ("59", "2A").
func (g *Gazetteer) Departement(code string) (Departement, bool) {
	i, ok := g.byDep[code]
	if !ok {
		return Departement{}, false
	}
	return g.deps[i], true
}

// LookupCommune returns the current communes that name designates, most populous
// first: an INSEE code, an official name, a former name (a merged or renamed commune
// resolves to today's) or a short form ("Le Touquet"). Case, accents, hyphens, "St"
// and a leading article do not matter.
func (g *Gazetteer) LookupCommune(name string) []Commune {
	name = strings.TrimSpace(name)
	if c, ok := g.Commune(name); ok {
		return []Commune{c}
	}
	var out []Commune
	seen := map[int32]bool{}
	for _, e := range g.m.lookup(name) {
		if e.kind == kCommune && !seen[e.ref] {
			seen[e.ref] = true
			out = append(out, g.communes[e.ref])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Population > out[j].Population })
	return out
}

// LookupEPCI returns the intercommunality that name designates: a SIREN, its
// official or a former name, a long form ("Communauté d'agglomération de Lens-Liévin"),
// a short form ("Valenciennes Métropole") or an acronym ("MEL", "CAPH"). When several
// match, the most populous is returned.
func (g *Gazetteer) LookupEPCI(name string) (EPCI, bool) {
	name = strings.TrimSpace(name)
	if e, ok := g.EPCI(name); ok {
		return e, true
	}
	best := int32(-1)
	consider := func(ref int32) {
		if best < 0 || g.epcis[ref].Population > g.epcis[best].Population {
			best = ref
		}
	}
	for _, e := range g.m.lookup(name) {
		if e.kind == kEPCI {
			consider(e.ref)
		}
	}
	if best < 0 {
		// "Communauté d'agglomération de X": a head, connectors, then a name or core.
		t := text.New(name)
		x := text.Lex(t)
		d := &doc{g: g, t: t, toks: g.m.tokens(&x, nil)}
		toks := d.toks
		i := 0
		if n, _ := g.m.headAt(d, 0); n > 0 {
			i = skipConnectors(t.Folded, toks, n)
		}
		if i > 0 && i < len(toks) {
			for _, e := range g.m.lookupTokens(toks[i:]) {
				if e.kind == kEPCI || e.kind == kEPCICore {
					consider(e.ref)
				}
			}
		}
	}
	if best < 0 {
		return EPCI{}, false
	}
	return g.epcis[best], true
}
