package geo

import (
	"strings"

	"terril/extract/text"
)

// ResolveOrg resolves the name of a public body to a stable key for faceting, for
// the signatories extractor (it implements extract.OrgResolver):
//
//   - an intercommunality, by any of its names ("Communauté d'agglomération du
//     Douaisis", "la MEL", "CA de Lens - Liévin") → "epci:<SIREN>";
//   - a département's council or the département ("Département du Nord", "Conseil
//     départemental du Pas-de-Calais") → "dep:<code>";
//   - a région's council or the région ("Région Hauts-de-France", "Conseil régional
//     des Hauts-de-France") → "region:<code>";
//   - a commune's council or town hall ("Ville de Croix", "Mairie de Lens", "Commune
//     de Wallers") → "commune:<INSEE>".
//
// Anything else (a préfecture, a company, an association) is not resolved.
func (g *Gazetteer) ResolveOrg(name string) (string, bool) {
	t := text.New(text.Normalize(name))
	x := text.Lex(t)
	communes, epcis, deps := g.match(&x, false)
	if len(epcis) > 0 {
		return "epci:" + epcis[0].SIREN, true
	}
	d := &doc{g: g, t: t, toks: g.m.tokens(&x, nil)}
	if len(d.toks) == 0 {
		return "", false
	}
	rest := t.S
	head := d.word(0)
	if isArticle(head) {
		if len(d.toks) == 1 {
			return "", false
		}
		head = d.word(1)
		s, _ := t.Orig(int(d.toks[1].s), int(d.toks[1].e))
		rest = t.S[s:]
	}
	// An acronym or a short form alone ("la MEL"): no context to check it against.
	if e, ok := g.LookupEPCI(rest); ok {
		return "epci:" + e.SIREN, true
	}
	switch head {
	case "departement", "conseil", "cd":
		if len(deps) > 0 && (head != "conseil" || strings.Contains(t.Folded, "departemental") || strings.Contains(t.Folded, "general")) {
			return "dep:" + deps[0], true
		}
	}
	switch head {
	case "region", "conseil", "cr":
		for i := range d.toks {
			node := int32(0)
			for j := i; j < len(d.toks) && d.toks[j].id >= 0; j++ {
				if node = g.m.child(node, d.toks[j].id); node == 0 {
					break
				}
				for _, e := range g.m.ents[node] {
					if e.kind == kRegion && (head != "conseil" || strings.Contains(t.Folded, "regional")) {
						return "region:" + g.regions[e.ref].Code, true
					}
				}
			}
		}
	case "ville", "commune", "mairie", "municipalite":
		if len(communes) > 0 {
			return "commune:" + communes[0].INSEE, true
		}
	}
	return "", false
}
