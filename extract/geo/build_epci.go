package geo

// The intercommunalities' keys: their names, cores and the parts of merged names, and
// the heads that announce them ("communauté d'agglomération", "CC").

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// buildEPCIs adds the intercommunalities' keys: names, cores, hand-made long forms
// and acronyms, heads. It returns the parts of merged names (addParts).
func (g *Gazetteer) buildEPCIs() (map[string][]int32, error) {
	m := &g.m
	parts := map[string][]int32{} // parts of merged names, by key: the EPCIs that have them
	for i := range g.epcis {
		e := &g.epcis[i]
		for _, n := range append([]string{e.Name}, e.Former...) {
			m.addEPCIName(n, int32(i), parts)
		}
	}
	err := readTSV("data/epci-alias.tsv", 2, func(f []string) error {
		i, ok := g.bySIREN[f[0]]
		if !ok {
			return fmt.Errorf("unknown EPCI %s", f[0])
		}
		flags := uint16(0)
		if isAcronym(f[1]) {
			flags |= fAcronym
		}
		m.add(f[1], entry{kind: kEPCI, ref: i, flags: flags})
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A core is weak when it is a single word or also names a commune, département or
	// région: then it counts only after a head ("communautés d'agglomération … du
	// Douaisis").
	for n := range m.ents {
		var place bool
		for _, e := range m.ents[n] {
			if e.kind == kCommune || e.kind == kDep || e.kind == kRegion {
				place = true
			}
		}
		if place {
			for j, e := range m.ents[n] {
				if e.kind == kEPCICore {
					m.ents[n][j].flags |= fWeak
				}
			}
		}
	}
	for _, h := range heads {
		m.add(h.s, entry{kind: kHead, flags: h.flags})
	}
	return parts, nil
}

// Heads announce EPCI names: "la communauté d'agglomération de …", "les communautés de
// communes …", "CA du …".
var heads = []struct {
	s     string
	flags uint16
}{
	{"communauté d'agglomération", fTypeCA},
	{"communautés d'agglomération", fTypeCA | fPlural},
	{"communauté d'agglo", fTypeCA},
	{"communauté de l'agglomération", fTypeCA},
	{"agglomération", fTypeCA},
	{"agglo", fTypeCA},
	{"CA", fTypeCA | fAcronym},
	{"communauté de communes", fTypeCC},
	{"communautés de communes", fTypeCC | fPlural},
	{"CC", fTypeCC | fAcronym},
	{"communauté urbaine", fTypeCU},
	{"communautés urbaines", fTypeCU | fPlural},
	{"CU", fTypeCU | fAcronym},
	{"métropole", fTypeMetro},
	{"métropoles", fTypeMetro | fPlural},
	{"intercommunalité", 0},
	{"intercommunalités", fPlural},
	{"EPCI", fPlural | fAcronym},
}

// EPCI name prefixes that the core leaves out.
var epciPrefixes = []string{"communauté d'agglomération", "communauté de communes",
	"communauté urbaine", "CA", "CC", "CU", "métropole"}

// Trailing words a shorter core leaves out: "Valenciennes Métropole" → "Valenciennes".
var epciGeneric = map[string]bool{"metropole": true, "agglo": true, "agglomeration": true,
	"communaute": true}

// addEPCIName adds an EPCI's name (an acronym in parentheses becomes an entry of its
// own) and its cores, and records in parts the parts of a core made of several names
// ("Seille et Grand Couronné").
func (m *matcher) addEPCIName(name string, ref int32, parts map[string][]int32) {
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		if ac := name[i+2 : len(name)-1]; isAcronym(ac) {
			m.add(ac, entry{kind: kEPCI, ref: ref, flags: fAcronym})
		}
		name = name[:i]
	}
	m.add(name, entry{kind: kEPCI, ref: ref})
	ids, comma := m.keyTokens(name)
	flags := uint16(0)
	if comma {
		flags = fComma
	}
	for _, p := range epciPrefixes {
		pid, _ := m.keyTokens(p)
		if len(ids) > len(pid) && equalIDs(ids[:len(pid)], pid) {
			ids = ids[len(pid):]
			break
		}
	}
	for len(ids) > 1 && m.isConnector(ids[0]) {
		ids = ids[1:]
	}
	if len(ids) == 0 {
		return
	}
	weak := uint16(0)
	if len(ids) == 1 || m.territory(ids) || ids[0] == m.lookupID("pays") || ids[0] == m.lookupID("ile") {
		weak = fWeak
	}
	m.insert(ids, entry{kind: kEPCICore, ref: ref, flags: flags | weak})
	m.partsOf(name, len(ids), ref, parts)
	last := ids[len(ids)-1]
	for w := range epciGeneric {
		if id, ok := m.dict[w]; ok && id == last && len(ids) > 1 {
			m.insert(ids[:len(ids)-1], entry{kind: kEPCICore, ref: ref, flags: flags | fWeak})
		}
	}
}

// territory reports whether a core is a cardinal point and a département's or a
// région's name: "Sud Gironde", "Nord-Isère", "Sud Corse" name a part of the
// département as often as the CC, which counts only after a head. So does a core that
// starts with "Pays" ("le Pays du Saintois"): a pays or a PETR as often as the CC;
// and one that starts with "Île" ("l'Île de Ré"): the island.
func (m *matcher) territory(ids []int32) bool {
	switch id := ids[0]; id {
	case m.lookupID("nord"), m.lookupID("sud"), m.lookupID("est"), m.lookupID("ouest"):
	default:
		return false
	}
	rest := ids[1:]
	for len(rest) > 1 && m.isConnector(rest[0]) {
		rest = rest[1:]
	}
	n := m.walk(rest)
	return n > 0 && (hasKind(m.ents[n], kDep) || hasKind(m.ents[n], kRegion))
}

// partsOf records the parts of two words or more of a core that joins names with "et"
// or commas ("Seille et Grand Couronné", "Grand Saint-Dizier, Der et Vallées"), without
// their connectors: an EPCI merged into this one was often named by one of them ("la
// communauté de communes du Grand Couronné").
func (m *matcher) partsOf(name string, n int, ref int32, parts map[string][]int32) {
	toks := stringTokens(name, m.intern)
	core := toks[len(toks)-n:]
	add := func(p []token) {
		for len(p) > 0 && m.isConnector(p[0].id) {
			p = p[1:]
		}
		// One word is too often a river or a common noun ("Isle", "Belle", "Mers").
		if len(p) < 2 || len(p) == len(core) {
			return
		}
		ids := make([]int32, len(p))
		for i, t := range p {
			ids[i] = t.id
		}
		k := fmt.Sprint(ids)
		if !slices.Contains(parts[k], ref) {
			parts[k] = append(parts[k], ref)
		}
	}
	start := 0
	for i, t := range core {
		switch {
		case t.id == m.idEt && t.gap&gapJoined == 0 && i+1 < len(core) && core[i+1].gap&gapJoined == 0: // not "Tarn-et-Garonne"
			add(core[start:i])
			start = i + 1
		case i > start && t.gap&gapComma != 0:
			add(core[start:i])
			start = i
		}
	}
	if start > 0 {
		add(core[start:])
	}
}

// addParts adds as weak cores the parts of merged names that only one EPCI has and
// that name no département, région, other EPCI or phrase that names no place (a
// commune's name may be one, as for cores): after a head, the successor of the EPCI
// that part named.
func (m *matcher) addParts(parts map[string][]int32) {
	for k, refs := range parts {
		if len(refs) != 1 {
			continue
		}
		var ids []int32
		for _, f := range strings.Fields(strings.Trim(k, "[]")) {
			ids = append(ids, int32(atoi(f)))
		}
		if n := m.walk(ids); n > 0 && slices.ContainsFunc(m.ents[n], func(e entry) bool {
			return e.kind != kGentile && e.kind != kCommune
		}) {
			continue
		}
		m.insert(ids, entry{kind: kEPCICore, ref: refs[0], flags: fWeak})
	}
}

func (m *matcher) isConnector(id int32) bool {
	switch id {
	case m.idDe, m.idDu, m.idDes, m.idD, m.idLa, m.idL, m.idLe, m.idLes:
		return true
	}
	return false
}

func equalIDs(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isAcronym reports whether s is written in capitals and digits only: "MEL", "CA2BM".
func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
