// Command gen builds the gazetteer files embedded by package geo from Etalab's
// découpage administratif, the npm package @etalab/decoupage-administratif.
//
// It runs `npm ci` in the directory given by -npm (package.json and package-lock.json
// pin version 6.0.0 and, under npm aliases, the older releases 0.3.0, 0.7.0 and 1.1.1
// that still carry the names of former and renamed communes), reads their JSON data and
// writes, sorted and gzipped with a fixed header so that the output is reproducible:
//
//	communes.tsv.gz     insee, name, typeLiaison, département, région, EPCI SIREN,
//	                    population, postal codes (space-separated)
//	anciens.tsv.gz      folded-name order: name, typeLiaison, former code, current INSEE
//	                    code, kind (deleguee, associee, absorbee, ancien-nom)
//	epci.tsv.gz         SIREN, type, name, population, former names (" | "-separated)
//	departements.tsv.gz code, name, typeLiaison, région
//	regions.tsv.gz      code, name, typeLiaison
//
// Run it through `go generate ./extract/geo`; -skip-npm reuses node_modules as is.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"unicode"

	"golang.org/x/text/unicode/norm"
)

type commune struct {
	Code              string   `json:"code"`
	Nom               string   `json:"nom"`
	TypeLiaison       int      `json:"typeLiaison"`
	Departement       string   `json:"departement"`
	Region            string   `json:"region"`
	Type              string   `json:"type"`
	ChefLieu          string   `json:"chefLieu"`
	CommuneAbsorbante string   `json:"communeAbsorbante"`
	NouveauCode       string   `json:"nouveauCode"`
	AnciensCodes      []string `json:"anciensCodes"`
	CodesPostaux      []string `json:"codesPostaux"`
	Population        int      `json:"population"`
}

type epci struct {
	Code            string `json:"code"`
	Nom             string `json:"nom"`
	Type            string `json:"type"`
	PopulationTotal int    `json:"populationTotale"`
	Membres         []struct {
		Code string `json:"code"`
	} `json:"membres"`
}

type area struct {
	Code        string `json:"code"`
	Nom         string `json:"nom"`
	TypeLiaison int    `json:"typeLiaison"`
	Region      string `json:"region"`
}

// Package directories under node_modules: the current release first.
const current = "@etalab/decoupage-administratif"

var older = []string{"decoupage-0.3.0", "decoupage-0.7.0", "decoupage-1.1.1"}

func main() {
	npmDir := flag.String("npm", "internal/gen/npm", "directory holding package.json and package-lock.json")
	out := flag.String("out", "data", "output directory")
	skipNpm := flag.Bool("skip-npm", false, "do not run npm ci; use node_modules as it is")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")

	if !*skipNpm {
		cmd := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
		cmd.Dir = *npmDir
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			log.Fatalf("npm ci in %s: %v", *npmDir, err)
		}
	}
	mods := filepath.Join(*npmDir, "node_modules")
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}

	var communes []commune
	mustRead(filepath.Join(mods, current, "data", "communes.json"), &communes)
	var epcis []epci
	mustRead(filepath.Join(mods, current, "data", "epci.json"), &epcis)
	var deps, regs []area
	mustRead(filepath.Join(mods, current, "data", "departements.json"), &deps)
	mustRead(filepath.Join(mods, current, "data", "regions.json"), &regs)

	// Current communes and the code → current code resolution.
	actual := map[string]*commune{}
	successor := map[string]string{} // any code → the code that continues it
	for i := range communes {
		c := &communes[i]
		if c.Type == "commune-actuelle" {
			actual[c.Code] = c
			for _, a := range c.AnciensCodes {
				successor[a] = c.Code
			}
		}
	}
	epciOf := map[string]string{}
	for _, e := range epcis {
		for _, m := range e.Membres {
			epciOf[m.Code] = e.Code
		}
	}

	// communes.tsv
	var rows [][]string
	for _, c := range actual {
		rows = append(rows, []string{c.Code, c.Nom, strconv.Itoa(c.TypeLiaison), c.Departement,
			c.Region, epciOf[c.Code], strconv.Itoa(c.Population), strings.Join(c.CodesPostaux, " ")})
	}
	write(*out, "communes.tsv.gz", "insee\tnom\ttypeLiaison\tdepartement\tregion\tepci\tpopulation\tcodesPostaux", rows)

	// anciens.tsv: former names from every release, resolved to today's commune.
	type former struct{ name, liaison, code, target, kind string }
	seen := map[string]bool{}
	var formers []former
	releases := append([]string{current}, older...)
	for _, rel := range releases {
		var cs []commune
		mustRead(filepath.Join(mods, rel, "data", "communes.json"), &cs)
		link := links(cs)
		for _, c := range cs {
			if c.Type == "arrondissement-municipal" || c.Nom == "" {
				continue
			}
			target := resolve(c.Code, link, actual, successor)
			if target == "" {
				continue
			}
			t := actual[target]
			if fold(c.Nom) == fold(t.Nom) {
				continue // same name as today's commune
			}
			kind := "absorbee" // merged into target, or a code that target replaced
			switch {
			case c.Code == target:
				kind = "ancien-nom"
			case c.Type == "commune-deleguee", c.Type == "commune-associee":
				kind = strings.TrimPrefix(c.Type, "commune-")
			}
			key := fold(c.Nom) + "\t" + target
			if seen[key] {
				continue
			}
			seen[key] = true
			formers = append(formers, former{c.Nom, strconv.Itoa(c.TypeLiaison), c.Code, target, kind})
		}
	}
	rows = rows[:0]
	for _, f := range formers {
		rows = append(rows, []string{f.name, f.liaison, f.code, f.target, f.kind})
	}
	write(*out, "anciens.tsv.gz", "nom\ttypeLiaison\tcode\tinsee\ttype", rows)

	// epci.tsv with the former names older releases give to the same SIREN, and the
	// names of the EPCIs that have disappeared since, given to the one that now holds
	// all their members (its successor by a merger, which covers their territory).
	formerEPCI := map[string]map[string]bool{}
	isCurrent := map[string]bool{}
	for _, e := range epcis {
		isCurrent[e.Code] = true
	}
	for _, rel := range older {
		var es []epci
		mustRead(filepath.Join(mods, rel, "data", "epci.json"), &es)
		var cs []commune
		mustRead(filepath.Join(mods, rel, "data", "communes.json"), &cs)
		link := links(cs)
		for _, e := range es {
			code := e.Code
			if !isCurrent[code] {
				code = successorEPCI(e, func(c string) string { return epciOf[resolve(c, link, actual, successor)] })
				if code == "" {
					continue
				}
			}
			if formerEPCI[code] == nil {
				formerEPCI[code] = map[string]bool{}
			}
			formerEPCI[code][e.Nom] = true
		}
	}
	rows = rows[:0]
	for _, e := range epcis {
		var names []string
		for n := range formerEPCI[e.Code] {
			if n != e.Nom {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		rows = append(rows, []string{e.Code, e.Type, e.Nom, strconv.Itoa(e.PopulationTotal), strings.Join(names, " | ")})
	}
	write(*out, "epci.tsv.gz", "siren\ttype\tnom\tpopulation\tanciensNoms", rows)

	rows = rows[:0]
	for _, d := range deps {
		rows = append(rows, []string{d.Code, d.Nom, strconv.Itoa(d.TypeLiaison), d.Region})
	}
	write(*out, "departements.tsv.gz", "code\tnom\ttypeLiaison\tregion", rows)
	rows = rows[:0]
	for _, r := range regs {
		rows = append(rows, []string{r.Code, r.Nom, strconv.Itoa(r.TypeLiaison)})
	}
	write(*out, "regions.tsv.gz", "code\tnom\ttypeLiaison", rows)
}

// links maps each code of a release's communes to the code that continues it: its
// chef-lieu, the commune that absorbed it, or its new code.
func links(cs []commune) map[string]string {
	link := map[string]string{}
	for _, c := range cs {
		switch {
		case c.ChefLieu != "":
			link[c.Code] = c.ChefLieu
		case c.CommuneAbsorbante != "":
			link[c.Code] = c.CommuneAbsorbante
		case c.NouveauCode != "":
			link[c.Code] = c.NouveauCode
		}
	}
	return link
}

// successorEPCI returns the current EPCI that holds every member of e (epciOf gives a
// member's current EPCI, "" for none), or "" when its members are now in several or
// in none.
func successorEPCI(e epci, epciOf func(string) string) string {
	code := ""
	for _, m := range e.Membres {
		c := epciOf(m.Code)
		if c == "" || code != "" && c != code {
			return ""
		}
		code = c
	}
	return code
}

// resolve follows chef-lieu, absorption, new-code and former-code links from code to a
// current commune, or returns "".
func resolve(code string, link map[string]string, actual map[string]*commune, successor map[string]string) string {
	for range 8 {
		if _, ok := actual[code]; ok {
			return code
		}
		if s, ok := successor[code]; ok {
			return s
		}
		next, ok := link[code]
		if !ok {
			return ""
		}
		code = next
	}
	return ""
}

func mustRead(path string, v any) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("%v (run without -skip-npm to install the package)", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}

// write sorts rows and writes them as gzipped TSV with a fixed gzip header (no name,
// zero modification time), so that the same data gives the same bytes.
func write(dir, name, header string, rows [][]string) {
	lines := make([]string, len(rows))
	for i, r := range rows {
		for _, f := range r {
			if strings.ContainsAny(f, "\t\n") {
				log.Fatalf("%s: field %q contains a tab or newline", name, f)
			}
		}
		lines[i] = strings.Join(r, "\t")
	}
	sort.Strings(lines)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(zw, header)
	for _, l := range lines {
		fmt.Fprintln(zw, l)
	}
	if err := zw.Close(); err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%s: %d rows, %d bytes", path, len(rows), buf.Len())
}

// fold lowercases s and drops its diacritics, for comparing names.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
