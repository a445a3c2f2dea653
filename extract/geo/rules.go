package geo

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/extract/lex"
	"terril/extract/names"
	"terril/extract/text"
)

// Words before a name that give weak support: "de Lens", "entre Lens et Liévin".
func isWeakWord(w string) bool {
	switch w {
	case "de", "d", "depuis", "vers", "entre", "pres", "proche":
		return true
	}
	return false
}

// interpret adds the readings of the key ending at node over tokens [a, b).
func (d *doc) interpret(ins []interp, a, b, node int32, comma bool) []interp {
	m := &d.g.m
	com := -1 // index of the commune reading in ins; -2 when rejected
	seenDep := int32(-1)
	for _, e := range m.ents[node] {
		if comma && e.flags&fComma == 0 || e.flags&fGlued != 0 && !d.gluedOK(int(a), int(b)) {
			continue
		}
		s := a + int32(e.skip)
		glued := e.flags&fGlued != 0
		switch e.kind {
		case kBlock, kGentile:
			ins = append(ins, interp{a: a, b: b, kind: e.kind})
		case kRegion:
			if glued || d.nameCapital(int(s), int(b)) {
				ins = append(ins, interp{a: a, b: b, kind: kRegion, ref: e.ref})
			}
		case kDep:
			if e.ref == seenDep || !glued && !d.nameCapital(int(s), int(b)) || !d.depOK(int(a), int(b), e) ||
				d.dedication(int(s)) || !d.overseasOK(int(s), int(b), d.g.deps[e.ref].Code) {
				continue
			}
			seenDep = e.ref
			ins = append(ins, interp{a: a, b: b, kind: kDep, ref: e.ref}) // the article too, against "La Creuse" the commune
		case kEPCI:
			if e.flags&fAcronym != 0 && !d.upper(int(a), int(b)) || !d.capital(int(a)) {
				continue
			}
			d.epciAt = append(d.epciAt, len(ins))
			ins = append(ins, interp{a: a, b: b, kind: kEPCI, ref: e.ref, ok: true, acronym: e.flags&fAcronym != 0})
		case kEPCICore:
			strong := e.flags&fWeak == 0 && d.capital(int(a)) && !d.upper(int(a), int(b))
			d.epciAt = append(d.epciAt, len(ins))
			ins = append(ins, interp{a: a, b: b, kind: kEPCICore, ref: e.ref, ok: strong})
		case kCommune:
			if com == -2 {
				continue // rejected
			}
			if com == -1 && e.skip == 0 && d.sameSpan(ins, s, b) {
				// "au Lamentin": Le Lamentin (Martinique) and Lamentin (Guadeloupe), whose
				// name has no article but is said with one, are namesakes; the one
				// without the article the text writes comes second.
				com = len(ins) - 1
				if ins[com].former == nil {
					ins[com].former = map[int32]bool{}
				}
				ins[com].former[e.ref] = true
			}
			if com == -1 {
				if !d.communeOK(int(s), int(b)) {
					com = -2
					continue
				}
				inv := e.flags&fInverted != 0
				in := interp{a: s, b: b, kind: kCommune, node: node, inv: inv,
					art: inv || e.skip > 0 || d.article(int(s))}
				d.context(&in)
				com = len(ins)
				ins = append(ins, in)
			}
			dup := false
			for _, c := range ins[com].cands {
				dup = dup || c == e.ref
			}
			if !dup {
				// This reading's candidates are the last ones of the arena.
				d.cands = append(d.cands, e.ref)
				n := len(d.cands)
				ins[com].cands = d.cands[n-len(ins[com].cands)-1 : n : n]
				if e.flags&fFormer != 0 {
					if ins[com].former == nil {
						ins[com].former = map[int32]bool{}
					}
					ins[com].former[e.ref] = true
				}
			}
		}
	}
	return ins
}

// depInContext reports whether the commune key at node is also the name of a
// département of a région in the document's context.
func (d *doc) depInContext(node int32, ctx *matchContext) bool {
	for _, e := range d.g.m.ents[node] {
		if e.kind == kDep && e.skip == 0 && ctx.region[d.g.depCodes[e.ref].region] {
			return true
		}
	}
	return false
}

// sameSpan reports whether the last reading is a commune's over tokens [a, b) read
// with a contracted article ("au Lamentin") whose candidates end the arena, so that
// those of another key over the same tokens may join them.
func (d *doc) sameSpan(ins []interp, a, b int32) bool {
	if len(ins) == 0 {
		return false
	}
	in := &ins[len(ins)-1]
	return in.kind == kCommune && in.a == a && in.b == b && in.a > 0 && in.art && len(in.cands) > 0 &&
		len(d.cands) > 0 && &in.cands[len(in.cands)-1] == &d.cands[len(d.cands)-1] && soft(d.toks[a].gap) &&
		!d.article(int(a))
}

// Départements named after a river.
var rivers = map[string]bool{"01": true, "02": true, "03": true, "07": true, "10": true,
	"11": true, "12": true, "16": true, "18": true, "23": true, "24": true, "25": true,
	"26": true, "27": true, "30": true, "32": true, "33": true, "34": true, "36": true,
	"38": true, "42": true, "45": true, "46": true, "51": true, "53": true, "55": true,
	"57": true, "58": true, "60": true, "61": true, "69": true, "72": true, "80": true,
	"81": true, "83": true, "86": true, "89": true}

// depOK applies the rules of département names to tokens [a, b).
func (d *doc) depOK(a, b int, e entry) bool {
	if b < len(d.toks) && d.toks[b].gap&gapJoined != 0 && d.toks[b].gap&gapSpace == 0 {
		return false // "Nord-Est", "Somme-Leuze"
	}
	// "la Somme Tourisme", "le Nord Éco": part of an organisation's name. A line in
	// capitals says nothing so ("CORSE DU SUD PUBLIÉ LE …").
	if b < len(d.toks) && d.toks[b].gap&(gapHard|gapComma|gapLine|gapDot|gapPara|gapDash) == 0 && d.capital(b) &&
		!d.connector(b) && !isDigits(d.word(b)) && !(d.upper(a, b+1) && b-a > 1) {
		return false
	}
	// "conseillère du canton des Landes des Graves": a canton's name.
	if k := a - 1; k >= 0 && blank(d.toks[a].gap) && (d.word(k) == "canton" || d.word(k) == "cantons") ||
		k >= 1 && d.connector(k) && blank(d.toks[k].gap) && (d.word(k-1) == "canton" || d.word(k-1) == "cantons") {
		return false
	}
	// "confluence avec le Rhône", "les bords de la Somme": the river.
	// Within the sentence, across a list of rivers: "une crue de la Garonne et de la
	// Loire".
	if rivers[d.g.deps[e.ref].Code] && b-a-int(e.skip) == 1 {
		for k := a - 1; k >= 0 && k >= a-9 && soft(d.toks[k+1].gap); k-- {
			if w := d.word(k); lex.GeoRiverWords.Has(w) {
				return false
			} else if w == "departement" || w == "departements" {
				break // "le bassin relève du département de la Somme"
			}
		}
	}
	if e.flags&fArticle != 0 || b-a > 1 {
		return true
	}
	// A bare single word: "département(s) du Nord" has the article; "Nord (59)".
	if code := d.codeAfter(b); code != "" && code == d.g.deps[e.ref].Code {
		return true
	}
	for k := a - 1; k >= 0 && k >= a-3; k-- {
		switch d.word(k) {
		case "departement", "departements", "departemental", "departementale":
			return true
		}
	}
	if d.headingPart(a, b) {
		return true
	}
	// "en Lozère", "en Isère": the feminine names take "en" without an article.
	if l := d.g.deps[e.ref].Liaison; a > 0 && (l == 3 || l == 5) && d.word(a-1) == "en" && soft(d.toks[a].gap) {
		return true
	}
	return false
}

// headingPart reports whether tokens [a, b) open or close their line apart from the
// rest of it by a dash, "|" or ">", as headings and breadcrumbs name a section:
// "Courrier régional – Somme", "Aisne > Villers-Cotterêts".
func (d *doc) headingPart(a, b int) bool {
	toks := d.toks
	f := d.t.Folded
	sep := func(s string) bool {
		switch strings.TrimSpace(s) {
		case "–", "—", "|", ">", "»":
			return true
		}
		return false
	}
	if (a == 0 || toks[a].gap&(gapLine|gapPara) != 0) && b < len(toks) && toks[b].gap&(gapLine|gapPara) == 0 &&
		sep(f[toks[b-1].e:toks[b].s]) {
		return true
	}
	if a == 0 || toks[a].gap&(gapLine|gapPara) != 0 || !sep(f[toks[a-1].e:toks[a].s]) {
		return false
	}
	if b == len(toks) || toks[b].gap&(gapLine|gapPara) != 0 {
		return true
	}
	// "Accueil > Gers > Actualités": a breadcrumb's item.
	switch strings.TrimSpace(f[toks[b-1].e:toks[b].s]) {
	case "|", ">", "»":
		return strings.TrimSpace(f[toks[a-1].e:toks[a].s]) == strings.TrimSpace(f[toks[b-1].e:toks[b].s])
	}
	return false
}

// communeOK rejects what cannot be a commune whatever the context: lower case,
// streets, people, the second half of a compound, arrondissement titles.
func (d *doc) communeOK(a, b int) bool {
	toks := d.toks
	// The first word after the article is capitalised: "Le Touquet", "la Madeleine".
	k0 := a
	for k0 < b-1 && d.article(k0) {
		k0++
	}
	if !d.capital(k0) {
		return false
	}
	// "RIs", "ZACs": a code or an acronym's plural, not a name.
	for k := k0; k < b; k++ {
		if d.toks[k].e-d.toks[k].s <= 5 && d.caseOf(k)&caseMixed != 0 {
			return false
		}
	}
	// "Pierre-René", "Jean-Marie", "sud-Lens": the second part of a compound whose
	// first part is a given name or a lower-case word ("Louvre-Lens", "Hem-Croix" count).
	if a > 0 && toks[a].gap&gapJoined != 0 && toks[a].gap&(gapSpace|gapHard) == 0 {
		switch w := d.word(a - 1); w {
		case "l", "d", "qu", "jusqu", "lorsqu", "puisqu":
		default:
			if !d.capital(a-1) || d.given(a-1) {
				return false
			}
		}
	}
	// Look back over connectors.
	k := a - 1
	for k >= 0 && blank(toks[k+1].gap) && d.connector(k) {
		k--
	}
	if k >= 0 && (blank(toks[k+1].gap) || toks[k+1].gap&gapDot != 0 && toks[k+1].gap&gapHard == 0) {
		w := d.word(k)
		if lex.GeoStreets.Has(w) && k < a-1 || lex.GeoStreets.Has(w) && k == a-1 && w != "porte" && w != "pont" && w != "port" {
			return false
		}
		// "l'île de Cayenne", "la presqu'île de Crozon": the island; "Bassin d'Arcachon",
		// "Pays de Saint-Brieuc": a territory named after the commune.
		if k < a-1 && (w == "ile" || w == "iles" || (w == "pays" || w == "bassin") && d.capital(k)) {
			return false
		}
		if (w == "prefet" || w == "prefete" || w == "prefets") && k > 0 && d.word(k-1) == "sous" ||
			w == "arrondissement" || w == "arrondissements" || w == "circonscription" ||
			w == "canton" || w == "cantons" {
			return false
		}
	}
	if a > 0 && toks[a].gap&(gapComma|gapHard|gapLine|gapJoined) == 0 && lex.GeoOrgs.Has(d.word(a-1)) {
		return false
	}
	// "l'église Saint-Martin", "la Saint-Jean"; "ROUSSEL-CALAIS Maud", "Mme SAINT-MAXENT".
	if d.dedication(a) || d.personInCapitals(a, b) {
		return false
	}
	// "Jean-Pierre, Yves, Jacques": a given name among given names.
	if b-a == 1 && d.given(a) {
		if a > 0 && d.toks[a].gap&(gapHard|gapPara) == 0 && d.capital(a-1) && d.given(a-1) ||
			b < len(toks) && d.toks[b].gap&(gapHard|gapPara) == 0 && d.capital(b) && d.given(b) {
			return false
		}
	}
	if a > 0 && toks[a].gap&(gapComma|gapHard|gapLine) == 0 {
		w := d.word(a - 1)
		// "M. Lens", "Mme Salomé".
		if lex.GeoCivilities.Has(w) && d.capital(a-1) {
			return false
		}
		// "J Lombard", "P. Arras": an initial.
		if len(w) == 1 && w != "a" && w != "y" && d.capital(a-1) && toks[a].gap&gapJoined == 0 {
			return false
		}
		// "CAPS Antony", "DURAND Florence": a surname in capitals, then the given name.
		if b-a == 1 && toks[a].gap&gapDot == 0 && len(w) > 1 && !d.connector(a-1) && d.given(a) &&
			d.upper(a-1, a) && !d.upper(a, b) {
			return false
		}
		// "Jean-Louis DE LONGEAUX", "M. Paul de Lens": a given name and a particle.
		if d.particle(a) {
			return false
		}
		// "Bernard Cazeneuve", "Jean-Pierre Marck"; but "Mme Laurence GREGOIRE
		// BONNIEUX : M. …" is the label of the commune after the surname.
		if toks[a].gap&gapDot == 0 && d.capital(a-1) && d.given(a-1) && !d.connector(a-1) && !d.label(a, b) {
			return false
		}
	}
	// "Boulevard Vincent⏎Auriol": a given name that ends a line it does not open.
	if a > 1 && toks[a].gap&(gapComma|gapHard|gapPara|gapDot) == 0 && toks[a].gap&gapLine != 0 &&
		toks[a-1].gap&(gapLine|gapHard|gapPara|gapJoined) == 0 && toks[a-1].gap&gapSpace != 0 &&
		d.capital(a-1) && !d.upper(a-1, a) && d.given(a-1) {
		return false
	}
	// "Albert Camus": a given name followed by a capitalised word.
	if b-a == 1 && b < len(toks) && toks[b].gap&(gapComma|gapHard|gapLine|gapDot|gapJoined) == 0 &&
		d.given(a) && d.capital(b) && !d.upper(b, b+1) {
		return false
	}
	return true
}

// nameCapital reports whether the first word of tokens [a, b) after an article is
// capitalised: "La Réunion", "la Réunion", not "La réunion s'est tenue".
func (d *doc) nameCapital(a, b int) bool {
	for a < b-1 && d.article(a) {
		a++
	}
	return d.capital(a)
}

// label reports whether the name over tokens [a, b), in capitals, is followed by a
// colon and a civility: "BONNIEUX : M. Pascal RAGOT", a commune's label before its
// delegates in an attendance list.
func (d *doc) label(a, b int) bool {
	toks := d.toks
	// The colon first: it is the rarest.
	return b < len(toks) && toks[b].gap&gapDot != 0 && strings.TrimSpace(d.t.Folded[toks[b-1].e:toks[b].s]) == ":" &&
		lex.GeoCivilities.Has(d.word(b)) && d.capital(b) && d.upper(a, b)
}

// delegateOf reports whether the name over tokens [a, b), in capitals, stands alone in
// parentheses after a person's name in capitals that follows a civility: "M. Alain
// MAZÉ (ANNOIX)", a delegate's commune in a list of members.
func (d *doc) delegateOf(a, b int) bool {
	toks := d.toks
	if a < 3 || toks[a].gap&gapParen == 0 || toks[a].gap&(gapLine|gapPara) != 0 || !d.upper(a-1, b) {
		return false
	}
	f := d.t.Folded
	if e := int(toks[b-1].e); e >= len(f) || f[e] != ')' {
		return false
	}
	for k := a - 1; k > 0 && k >= a-4; k-- {
		if toks[k].gap&(gapLine|gapPara|gapParen) != 0 || toks[k].gap&gapHard != 0 && toks[k].gap&gapDot == 0 {
			return false
		}
		if lex.GeoCivilities.Has(d.word(k-1)) && d.capital(k-1) {
			return true
		}
	}
	return false
}

// particle reports whether the name at token a follows "de", "du" or "d'" after a
// capitalised given name, as surnames do ("Jean-Louis DE LONGEAUX"): the name in
// capitals, or the given name after a civility ("M. Paul de Lens").
func (d *doc) particle(a int) bool {
	toks := d.toks
	if a < 2 || !soft(toks[a].gap) || !soft(toks[a-1].gap) || toks[a-1].gap&gapLine != 0 {
		return false
	}
	switch d.word(a - 1) {
	case "de", "du", "d":
	default:
		return false
	}
	g := a - 2
	if !d.capital(g) || !d.given(g) || d.upper(g, g+1) {
		return false
	}
	if d.upper(a, a+1) && d.upper(a-1, a) {
		return true
	}
	for g > 0 && toks[g].gap&gapJoined != 0 && toks[g].gap&gapSpace == 0 {
		g-- // "Jean-Louis"
	}
	return g > 0 && toks[g].gap&(gapComma|gapHard|gapLine) == 0 && lex.GeoCivilities.Has(d.word(g-1)) && d.capital(g-1)
}

// classOf returns the classes of token k's word (wKnown…), 0 when unknown.
func (d *doc) classOf(k int) uint8 {
	if id := d.toks[k].id; uint32(id) < uint32(len(d.g.m.class)) {
		return d.g.m.class[id]
	}
	return 0
}

// article, connector and given are isArticle, isConnectorWord and names.IsGiven of
// token k's word, read from its id where it has one.
func (d *doc) article(k int) bool {
	if c := d.classOf(k); c&wKnown != 0 {
		return c&wArticle != 0
	}
	return isArticle(d.word(k))
}

func (d *doc) connector(k int) bool {
	if c := d.classOf(k); c&wKnown != 0 {
		return c&wConnector != 0
	}
	return isConnectorWord(d.word(k))
}

func (d *doc) given(k int) bool {
	if c := d.classOf(k); c&wKnown != 0 {
		return c&wGiven != 0
	}
	return names.IsGiven(d.word(k))
}

// isArticle reports whether w is a definite article ("la", "l"…: lex.GeoArticles).
func isArticle(w string) bool { return lex.GeoArticles.Has(w) }

// isConnectorWord reports whether w is an article or "de", "du", "des", "d"
// (lex.GeoConnectors).
func isConnectorWord(w string) bool { return lex.GeoConnectors.Has(w) }

// isDatelineWord reports whether w may follow "Lille, " in a dateline: "le", a day
// of the week.
func isDatelineWord(w string) bool { return w == "le" || lex.Weekdays.Has(w) }

// isMonth reports whether w is a month's name ("depuis Mars 2020": no place).
func isMonth(w string) bool { return lex.Months.Value(w) > 0 }

// context records what surrounds a commune name: triggers, a département code in
// parentheses, a postal code, a dateline.
func (d *doc) context(in *interp) {
	toks := d.toks
	a, b := int(in.a), int(in.b)
	in.code = d.codeAfter(b) // checked against the candidates once they are known
	// "SEYNE (LA)": an article in parentheses the name read has not (the name with it
	// reads otherwise).
	in.foreign = !in.inv && b < len(toks) && toks[b].gap&gapParen != 0 && d.closedArticle(b) > 0
	// "les Saintes", "La Seyne": an article before a name none of whose communes has it
	// (a name with it reads otherwise, and wins by its length).
	// "l'Île-de-Batz" only elides.
	if !in.art && !in.foreign && a > 0 && toks[a].gap == gapSpace {
		if w := d.word(a - 1); w == "la" || w == "le" || w == "les" {
			in.foreign, in.pre = true, true
		}
	}
	if p := d.postalAfter(b); in.code == "" && p != "" {
		in.postal, in.strong = p, true // "SAINT-ANTONIN (83510)"
	}
	if a > 0 && toks[a].gap&gapHard == 0 {
		w := d.word(a - 1)
		switch {
		case w == "a" && startsWithAGrave(d.orig(a-1)):
			in.strong = true
		case (w == "au" || w == "aux") && in.art:
			// "au Tampon": à and the name's article; but "au Palais de …", "au Ségur de
			// l'investissement" are common nouns as often (au).
			in.au = true
		case len(w) == 5 && isDigits(w) && toks[a].gap&gapComma == 0:
			in.postal = w
			in.strong = true
		case w == "depuis" && d.locativeDepuis(a, b):
			in.strong = true // "depuis Rue, sur la côte"
		case isWeakWord(w):
			in.weak = true
			// "commune de Croix"; but "le maire de la Ville" names no commune "La Ville".
			if (w == "de" || w == "d") && a > 1 && soft(toks[a-1].gap) && lex.GeoCommuneNouns.Has(d.word(a-2)) &&
				!lex.GeoGenericNouns.Has(d.coreWord(a, b)) {
				in.strong = true
			}
		}
	}
	if d.label(a, b) || d.delegateOf(a, b) {
		in.strong = true
	}
	// A dateline: "Lille, le 12 mars 2019" at the start of a line.
	if (a == 0 || toks[a].gap&(gapLine|gapHard) != 0) && b < len(toks) && toks[b].gap&gapComma != 0 &&
		(isDatelineWord(d.word(b)) || isDigits(d.word(b))) {
		in.strong = true
	}
}

// codeAfter returns the département code written in parentheses right after token b-1:
// "Wallers (59)", "Baincthun (62)".
func (d *doc) codeAfter(b int) string {
	if b <= 0 || b > len(d.toks) {
		return ""
	}
	f := d.t.Folded
	i := int(d.toks[b-1].e)
	if d.toks[b-1].gap&gapParen != 0 {
		if e := d.closedArticle(b - 1); e > 0 {
			i = e // "ANGLES (LES) (65)"
		}
	}
	for i < len(f) && f[i] == ' ' {
		i++
	}
	if i >= len(f) || f[i] != '(' {
		return ""
	}
	j := strings.IndexByte(f[i:], ')')
	if j < 0 || j > 8 {
		return ""
	}
	code := strings.ToUpper(strings.TrimSpace(f[i+1 : i+j]))
	if _, ok := d.g.byDep[code]; ok {
		return code
	}
	return ""
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// listed reports whether the tokens between two names make a list: a comma, "et",
// "ou", or a hyphen ("Hem-Croix").
func (d *doc) listed(endA, startB int) bool {
	// "SEYNE (LA)⏎SIX FOURS": an article in parentheses a name has not is skipped like a
	// code; the one of a name read with it ("CRAU (LA)⏎CUERS") is in the reading.
	if endA < startB && d.closedArticle(endA) > 0 {
		endA++
	}
	// "Hem (59) et Croix", "Hem (59), Croix": skip the code in parentheses.
	if endA < startB && d.toks[endA].gap&gapParen != 0 && (isDigits(d.word(endA)) || len(d.word(endA)) == 2) {
		endA++
		if f := d.t.Folded[d.toks[endA-1].e:d.toks[min(endA, len(d.toks)-1)].s]; !strings.HasPrefix(strings.TrimSpace(f), ")") {
			return false
		}
		if endA == startB {
			return d.toks[startB].gap&gapComma != 0
		}
		return endA+1 == startB && (d.word(endA) == "et" || d.word(endA) == "ou")
	}
	if startB == endA {
		g := d.gapAt(startB)
		// A comma, a hyphen, or one line break between two lines that are names only
		// (a table column).
		return g&gapHard == 0 && (g&gapComma != 0 || g&gapJoined != 0 && g&gapSpace == 0 ||
			g&gapLine != 0 && g&(gapPara|gapDot) == 0)
	}
	if startB-endA != 1 || d.toks[startB].gap&gapHard != 0 || d.gapAt(endA)&gapHard != 0 {
		return false
	}
	w := d.word(endA)
	return w == "et" || w == "ou"
}

// sentenceEnd reports whether the text before token k ends a sentence.
func (d *doc) sentenceEnd(k int) bool {
	if k == 0 {
		return true
	}
	prev := strings.TrimRight(d.t.Folded[d.toks[k-1].e:d.toks[k].s], " \n")
	return prev != "" && strings.ContainsAny(prev[len(prev)-1:], ".!?:;")
}

// accentsDiffer reports whether tokens [a, b) spell name's letters with different
// diacritics, where the text does write some letters in lower case.
func (d *doc) accentsDiffer(a, b int, name string) bool {
	s, e := d.t.Orig(int(d.toks[a].s), int(d.toks[b-1].e))
	return accentsDiffer(d.t.S[s:e], name)
}

// accentsDiffer compares the letters of written and official in lower case, rune by
// rune (what strings.ToLower and a conversion to runes would give, without the copies),
// and reports whether the first that differ are one letter with different diacritics.
func accentsDiffer(written, official string) bool {
	i, j := 0, 0
	for i < len(written) && j < len(official) {
		// Two ASCII bytes, most of a name: lowered and told by a table.
		if c, q := written[i], official[j]; c < utf8.RuneSelf && q < utf8.RuneSelf {
			w, o := asciiLower[c], asciiLower[q]
			switch {
			case !isLowerASCII(w):
				i++
			case !isLowerASCII(o):
				j++
			case w != o:
				return false // two letters that fold apart: no verdict
			default:
				i, j = i+1, j+1
			}
			continue
		}
		w, n := utf8.DecodeRuneInString(written[i:])
		o, m := utf8.DecodeRuneInString(official[j:])
		w, o = unicode.ToLower(w), unicode.ToLower(o)
		if !unicode.IsLetter(w) {
			i += n
			continue
		}
		if !unicode.IsLetter(o) {
			j += m
			continue
		}
		if w != o {
			if text.FoldRune(w) != text.FoldRune(o) {
				return false // a different name (a former name, a short form): no verdict
			}
			return true
		}
		i += n
		j += m
	}
	return false
}

// startsWithAGrave reports whether o starts with "à" or "À": whether
// strings.ToLower(o) starts with "à", without the lowered copy. Only these two runes
// lower to U+00E0.
func startsWithAGrave(o string) bool {
	r, _ := utf8.DecodeRuneInString(o)
	return r == 'à' || r == 'À'
}

// asciiLower lowers the ASCII letters, as unicode.ToLower does.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = byte(unicode.ToLower(rune(c)))
	}
	return t
}()

// isLowerASCII reports whether the ASCII byte c is a lower-case letter: the letters
// of ASCII, as unicode.IsLetter tells them, once lowered.
func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// localDep returns the code of a département named right after the commune reading
// sel[x]: "Bailleul dans la Somme", "Fleury, dans l'Oise", "Bailleul (Somme)".
func (d *doc) localDep(sel []interp, x int) string {
	if x+1 >= len(sel) || sel[x+1].kind != kDep {
		return ""
	}
	dep := sel[x+1]
	for k := int(sel[x].b); k < int(dep.a); k++ {
		if k > int(sel[x].b)+3 {
			return ""
		}
		switch d.word(k) {
		case "dans", "en", "le", "la", "l", "les", "du", "de", "departement":
		default:
			return ""
		}
	}
	if g := d.toks[sel[x].b].gap; int(sel[x].b) < len(d.toks) && g&gapHard != 0 && g&gapParen == 0 {
		return ""
	}
	return d.g.deps[dep.ref].Code
}

// popScore is the part of choose's score that a commune's population gives.
func popScore(population int) float64 { return math.Log10(float64(population) + 1) }

// choose picks the commune a name designates among its namesakes: the one whose
// département is given in parentheses or by its postal code, then one whose
// département or intercommunality the document names, then one in the document's
// région, then the most populous (a current name before a former one).
func (d *doc) choose(in *interp, local string, ctx *matchContext) int32 {
	g := d.g
	best, bestScore := in.cands[0], math.Inf(-1)
	for _, ci := range in.cands {
		c := &g.communes[ci]
		score := g.popScore[ci] // popScore(c.Population), computed once
		if in.former[ci] {
			score-- // a current name before a former one
		}
		if in.code != "" && c.Departement == in.code || local != "" && c.Departement == local {
			score += 1000
		}
		if in.postal != "" {
			for _, p := range c.PostalCodes {
				if p == in.postal {
					score += 1000
				}
			}
		}
		cc := g.comCodes[ci]
		if ctx.dep[cc.dep] || ctx.named[cc.epci] {
			score += 100
		}
		if ctx.region[cc.region] {
			score += 10
		}
		if score > bestScore {
			best, bestScore = ci, score
		}
	}
	return best
}

// numberEntry returns the output index of ref, numbering it at its first reading
// (idx maps refs to their numbers, refs[i] is the i-th entry, counts[i] its readings
// so far), and counts the reading.
func numberEntry(idx *idIndex, ref int32, refs, counts *[]int32) int32 {
	sl := idx.slot(ref)
	if sl.key != ref {
		*sl = idSlot{key: ref, val: int32(len(*refs))}
		*refs, *counts = append(*refs, ref), append(*counts, 0)
	}
	(*counts)[sl.val]++
	return sl.val
}
