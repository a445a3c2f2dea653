package parties

import (
	"sort"
	"strings"

	"terril/corpus"
)

// An anaphora is a title standing for a person: "le directeur de la CDC".
type anaphora struct {
	head string
	span corpus.Span
	k, e int // tokens: the article, the end of the title
}

// anaphoras finds singular titles after a definite article in [i, j) that are not
// followed by a name.
func (ps *peopleScanner) anaphoras(i, j int) []anaphora {
	var out []anaphora
	for k := i; k+1 < j; k++ {
		f := ps.folded(k)
		if f != "le" && f != "la" && f != "l'" {
			continue
		}
		n := ps.roleStart(k+1, false)
		if n == 0 {
			continue
		}
		e := ps.roleEnd(k + 1)
		if ps.capital(e) || ps.isPunct(e, ",") && ps.capital(e+1) && ps.nameToken(e+2) {
			continue // a title before a name: the name is the person
		}
		out = append(out, anaphora{head: ps.folded(k + n), span: corpus.Span{Start: int(ps.toks[k].s), End: int(ps.toks[e-1].e)}, k: k, e: e})
		k = e - 1
	}
	return out
}

// titleOrg returns the institution of a title that stands for no named person:
// "le président de la Métropole" → "Métropole", "le préfet du Nord" →
// "Préfecture du Nord"; a title orgs already reads ("le président du conseil
// régional") gives nothing more.
func (ps *peopleScanner) titleOrg(a anaphora) (orgMention, bool) {
	c := a.k + 1
	for c < a.e && !ps.particle(c) {
		c++
	}
	if c >= a.e {
		if a.e == a.k+2 && (ps.folded(a.k+1) == "prefet" || ps.folded(a.k+1) == "prefete") &&
			ps.isWord(a.e) && ps.folded(a.k-1) != "pour" {
			// "le préfet" alone: the State's representative in the département.
			return orgMention{name: "Préfecture", start: int(ps.toks[a.k].s), end: int(ps.toks[a.e-1].e)}, true
		}
		return orgMention{}, false
	}
	p := c
	for p < a.e && ps.particle(p) && p-c < 2 {
		p++
	}
	if h, n := ps.headAt(p, a.e); n > 0 {
		if len(ps.orgs(p, a.e)) > 0 {
			return orgMention{}, false
		}
		name := h.display
		if e := ps.orgRest(p+n, a.e); e > p+n {
			name += " " + ps.text(p+n, e)
		}
		return orgMention{name: name, start: int(ps.toks[p].s), end: int(ps.toks[a.e-1].e), epci: h.epci}, true
	}
	switch ps.folded(a.k + 1) {
	case "prefet", "prefete":
		e := ps.placeAfter(c, a.e)
		if e == c {
			return orgMention{}, false
		}
		return orgMention{name: "Préfecture " + ps.text(c, e), start: int(ps.toks[a.k].s), end: int(ps.toks[e-1].e)}, true
	case "sous-prefet", "sous-prefete":
		e := ps.placeAfter(c, a.e)
		if e == c {
			return orgMention{}, false
		}
		return orgMention{name: "Sous-préfecture " + ps.text(c, e), start: int(ps.toks[a.k].s), end: int(ps.toks[e-1].e)}, true
	case "maire":
		// "le maire de Chauny" with no name: the commune signs.
		e := ps.placeAfter(c, a.e)
		if e == c {
			return orgMention{}, false
		}
		return orgMention{name: "Commune " + ps.text(c, e), start: int(ps.toks[a.k].s), end: int(ps.toks[e-1].e)}, true
	}
	return orgMention{}, false
}

// placeAfter reads a place named after a title from its particle at token c ("de
// l'Aisne", "du Nord", "de Ham"): it returns the token after the name, or c when
// no capitalised name follows.
func (ps *peopleScanner) placeAfter(c, j int) int {
	p := c
	for p < j && p-c < 2 && (ps.particle(p) || ps.folded(p) == "l'") {
		p++
	}
	if p == c || p >= j || !ps.capital(p) {
		return c
	}
	e := ps.orgRest(p, j)
	if e == p {
		return c
	}
	return e
}

// mayorsCommunes finds unnamed mayors in plural in tokens [i, j): "les maires de
// Ham et de Nesle" gives the communes "Commune de Ham" and "Commune de Nesle".
func (ps *peopleScanner) mayorsCommunes(i, j int) []orgMention {
	var out []orgMention
	for k := i; k+2 < j; k++ {
		if ps.folded(k) != "les" || ps.folded(k+1) != "maires" {
			continue
		}
		c := k + 2
		for c < j {
			e := ps.placeAfter(c, j)
			if e == c {
				break
			}
			out = append(out, orgMention{name: "Commune " + ps.text(c, e), start: int(ps.toks[c].s), end: int(ps.toks[e-1].e)})
			c = e
			if ps.isPunct(c, ",") {
				c++
			}
			if ps.folded(c) == "et" {
				c++
			}
		}
		k = c - 1
	}
	return out
}

// represented reports whether the organisation ending at byte off is followed,
// before token j, by "représentée par" and a named person, or by "son président
// X": the person named signs for it. "représentée par son président" with no name
// leaves the organisation a party.
func (sg *signer) represented(off, j int) bool {
	ps := sg.ps
	k0 := sort.Search(len(ps.toks), func(k int) bool { return int(ps.toks[k].s) >= off })
	for k := k0; k < j && int(ps.toks[k].s) <= off+12; k++ {
		if !strings.HasPrefix(ps.folded(k), "represente") {
			continue
		}
		for n := k + 1; n < j && n-k <= 10; n++ {
			if ps.isPunct(n, ".") || ps.isPunct(n, ";") {
				break
			}
			for _, p := range sg.people {
				for _, sp := range p.Spans {
					if sp.Start == int(ps.toks[n].s) {
						return true
					}
				}
			}
		}
		return false
	}
	return ps.represented(off, j)
}

// onBehalf reports whether the organisation starting at byte off is introduced by
// "pour" or "au nom de" ("a signé pour la Communauté de communes…"): a signing
// person signs for it.
func (ps *peopleScanner) onBehalf(off, i int) bool {
	k := sort.Search(len(ps.toks), func(k int) bool { return int(ps.toks[k].s) >= off })
	for n := 0; n < 2 && k > i && listArticles.has(ps.folded(k-1)); n++ {
		k--
	}
	if k <= i {
		return false
	}
	f := ps.folded(k - 1)
	return f == "pour" || (f == "de" || f == "du" || f == "d'") && k-2 > i && ps.folded(k-2) == "nom" && ps.folded(k-3) == "au"
}

// represented is the part of signer.represented that needs no persons: "son
// président X" after the organisation.
func (ps *peopleScanner) represented(off, j int) bool {
	k0 := sort.Search(len(ps.toks), func(k int) bool { return int(ps.toks[k].s) >= off })
	for k := k0; k < j; k++ {
		if int(ps.toks[k].s) > off+30 {
			return false
		}
		// "la Communauté d'agglomération du Saint-Quentinois, c'est son président
		// Frédéric Alliot qui a signé": its head, named, signs for it.
		if f := ps.folded(k); (f == "son" || f == "sa") && int(ps.toks[k].s) <= off+30 {
			if n := ps.roleStart(k+1, false); n > 0 {
				e := ps.roleEnd(k + 1)
				if ps.isPunct(e, ",") {
					e++
				}
				if e < j && (ps.civility(e) > 0 || ps.nameToken(e)) {
					return true
				}
			}
		}
	}
	return false
}

// An orgHead starts the name of an organisation.
type orgHead struct {
	words    []string // folded
	display  string   // singular
	needName bool     // "Département" alone is no party
	capital  bool     // must be written with a capital ("la Région", not "la région")
	epci     bool
}

var orgHeads = []orgHead{
	{[]string{"communaute", "d'", "agglomeration"}, "Communauté d'agglomération", true, false, true},
	{[]string{"communautes", "d'", "agglomeration"}, "Communauté d'agglomération", true, false, true},
	{[]string{"communaute", "de", "communes"}, "Communauté de communes", true, false, true},
	{[]string{"communautes", "de", "communes"}, "Communauté de communes", true, false, true},
	{[]string{"communaute", "urbaine"}, "Communauté urbaine", true, false, true},
	{[]string{"communautes", "urbaines"}, "Communauté urbaine", true, false, true},
	{[]string{"metropole"}, "Métropole", true, true, true},
	{[]string{"cc"}, "CC", true, true, true},
	{[]string{"ca"}, "CA", true, true, true},
	{[]string{"cu"}, "CU", true, true, true},
	{[]string{"caisse", "d'", "allocations", "familiales"}, "Caisse d'allocations familiales", false, false, false},
	{[]string{"caf"}, "CAF", false, true, false},
	{[]string{"conseil", "departemental"}, "Conseil départemental", false, false, false},
	{[]string{"conseils", "departementaux"}, "Conseil départemental", false, false, false},
	{[]string{"conseil", "regional"}, "Conseil régional", false, false, false},
	{[]string{"conseils", "regionaux"}, "Conseil régional", false, false, false},
	{[]string{"departement"}, "Département", true, false, false},
	{[]string{"departements"}, "Département", true, false, false},
	{[]string{"region"}, "Région", false, true, false},
	{[]string{"prefecture"}, "Préfecture", false, true, false},
	{[]string{"etat"}, "État", false, true, false},
	{[]string{"ville"}, "Ville", true, false, false},
	{[]string{"villes"}, "Ville", true, false, false},
	{[]string{"commune"}, "Commune", true, false, false},
	{[]string{"caisse", "des", "depots"}, "Caisse des dépôts", false, true, false},
	{[]string{"banque", "des", "territoires"}, "Banque des Territoires", false, true, false},
	{[]string{"syndicat"}, "Syndicat", true, true, false},
	{[]string{"agence"}, "Agence", true, true, false},
	{[]string{"etablissement", "public"}, "Établissement public", true, true, false},
	{[]string{"office"}, "Office", true, true, false},
	{[]string{"chambre"}, "Chambre", true, true, false},
	{[]string{"association"}, "Association", true, true, false},
	{[]string{"federation"}, "Fédération", true, true, false},
	{[]string{"universite"}, "Université", true, true, false},
	{[]string{"pole", "metropolitain"}, "Pôle métropolitain", true, true, true},
}

// orgHeadByte holds the first byte of each head, to skip most words without a
// lookup in orgHeadFirst.
var orgHeadByte = func() (t [256]bool) {
	for _, h := range orgHeads {
		t[h.words[0][0]] = true
	}
	return t
}()

// orgHeadFirst holds the first word of each head.
var orgHeadFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range orgHeads {
		m[h.words[0]] = true
	}
	return m
}()

// genericEPCI are words for intercommunalities without their names;
// genericEPCIByte holds their first bytes, to pass over most words.
var (
	genericEPCI     = tableOf("intercommunalites", "epci", "intercommunalite")
	genericEPCIByte = firstBytes(genericEPCI.slots)
)

// orgs finds the organisations named in tokens [i, j), with coordinated names
// sharing one head: "les départements du Nord et du Pas-de-Calais" gives
// "Département du Nord" and "Département du Pas-de-Calais".
func (ps *peopleScanner) orgs(i, j int) []orgMention {
	var out []orgMention
	for k := i; k < j; k++ {
		if !ps.isWord(k) {
			continue
		}
		f := ps.folded(k)
		if f != "" && genericEPCIByte[f[0]] && genericEPCI.has(f) {
			out = append(out, orgMention{generic: true, epci: true})
			continue
		}
		h, n := ps.headAt(k, j)
		if n == 0 {
			continue
		}
		e := ps.orgRest(k+n, j)
		described := false
		if e == k+n && h.capital && h.needName && ps.toks[k].cas != pcLower {
			// "l'Agence nationale de l'habitat (Anah)": a capitalised head described
			// in common words.
			e = ps.orgDescribed(k+n, j)
			described = e > k+n
		}
		if e == k+n && h.needName {
			k += n - 1
			continue
		}
		name := h.display
		if described {
			name = ps.text(k, e)
		} else if e > k+n {
			name += " " + ps.text(k+n, e)
		}
		if h.display == "État" {
			name = ps.text(k, e)
		}
		out = append(out, orgMention{name: name, start: int(ps.toks[k].s), end: int(ps.toks[e-1].e), epci: h.epci})
		// Coordinated names: ", du B", "et de C", "et d'D".
		for {
			c := e
			if ps.isPunct(c, ",") {
				c++
			}
			if ps.folded(c) == "et" {
				c++
			}
			if c == e || !ps.particle(c) || !coordParticles.has(ps.folded(c)) {
				break
			}
			if _, hn := ps.headAt(c+1, j); hn > 0 {
				break
			}
			if ps.folded(c) == "de" && (ps.folded(c+1) == "la" || ps.folded(c+1) == "l'") {
				if _, hn := ps.headAt(c+2, j); hn > 0 {
					break
				}
			}
			e2 := ps.orgRest(c, j)
			if e2 <= c+1 {
				break
			}
			out = append(out, orgMention{name: h.display + " " + ps.text(c, e2), start: int(ps.toks[c].s),
				end: int(ps.toks[e2-1].e), epci: h.epci})
			e = e2
		}
		k = e - 1
	}
	return out
}

// headAt matches an organisation head at token k.
func (ps *peopleScanner) headAt(k, j int) (orgHead, int) {
	f := ps.folded(k)
	if f == "" || !orgHeadByte[f[0]] || !orgHeadFirst[f] {
		return orgHead{}, 0
	}
	for _, h := range orgHeads {
		if h.words[0] != f || k+len(h.words) > j {
			continue
		}
		ok := true
		for x := 1; x < len(h.words); x++ {
			if ps.folded(k+x) != h.words[x] {
				ok = false
				break
			}
		}
		if !ok || h.capital && ps.toks[k].cas == pcLower || len(f) == 2 && ps.toks[k].cas != pcUpper {
			continue
		}
		return h, len(h.words)
	}
	return orgHead{}, 0
}

// orgDescribed reads the words that describe an organisation after its capitalised
// head, up to a conjunction, a verb or a punctuation mark, and an acronym in
// parentheses after them: "Agence nationale de l'habitat (Anah)", "Office national
// des forêts"; it returns the token after the name (k when there is none).
func (ps *peopleScanner) orgDescribed(k, j int) int {
	e := k
	for e < j && e-k < 8 && ps.isWord(e) {
		f := ps.folded(e)
		if roleStop.has(f) && !(f == "a" && ps.word(e) != "a") || signWords.has(f) || roleNouns.has(f) || ps.civility(e) > 0 {
			break
		}
		if _, n := ps.headAt(e, j); n > 0 {
			break
		}
		e++
	}
	for e > k && roleTrailing.has(ps.folded(e-1)) {
		e--
	}
	if e == k {
		return k
	}
	if ps.isPunct(e, "(") && e+2 < j && ps.isWord(e+1) && ps.toks[e+1].cas != pcLower && ps.isPunct(e+2, ")") {
		e += 3
	}
	return e
}

// orgRest reads the name after an organisation head: capitalised words and the
// particles between them ("de Béthune-Bruay Artois Lys Romane", "Cœur d'Ostrevent",
// "de La Porte du Hainaut"); it returns the token after the name.
func (ps *peopleScanner) orgRest(k, j int) int {
	e := k
	for e < j {
		if ps.mentionAt(e) || signWords.has(ps.folded(e)) {
			break // "le Président du Département Jean Dupont", a title "… Signature du Pacte"
		}
		if ps.capital(e) && !ps.isPunct(e, ".") {
			// A single-word head after a name belongs to it ("Valenciennes Métropole").
			if _, n := ps.headAt(e, j); n > 1 || n == 1 && e == k {
				break
			}
			e++
			continue
		}
		// Particles followed by a capitalised word.
		p := e
		for p < j && (ps.particle(p) || ps.folded(p) == "l'") && p-e < 2 {
			p++
		}
		if p > e && p < j && ps.capital(p) {
			// "Préfecture de Région Hauts-de-France": a head right after the first
			// particle names the organisation's level.
			if _, n := ps.headAt(p, j); n > 1 || n == 1 && e > k {
				break
			}
			e = p
			continue
		}
		break
	}
	return e
}

// mentionAt reports whether a person's name read by scan starts at token k.
func (ps *peopleScanner) mentionAt(k int) bool {
	n := sort.Search(len(ps.mentions), func(x int) bool { return ps.mentions[x].ti >= k })
	return n < len(ps.mentions) && ps.mentions[n].ti == k
}
