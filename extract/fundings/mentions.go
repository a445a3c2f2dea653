package fundings

import "terril/extract/lex"

// Roles a body's mention plays in its clause.
const (
	roleUnknown = iota - 1 // not read yet (see reader.mention)
	roleNeutral            // named ("le président du Département")
	roleSubject            // subject of a funder verb: it pays
	roleAgent              // "par la Région", "la subvention de l'État": it pays
	roleBenef              // "à la commune", "le Département bénéficiera": it receives
)

// A mention is a body that may pay, named in the text.
type mention struct {
	i, j  int    // tokens [i, j)
	name  string // as written, without its article
	kind  string
	state bool // stands for the State (le préfet, France Relance)
	full  bool // carries its complement ("Région Occitanie")
	// lower: a head the text writes in lower case ("la région Hauts-de-France",
	// "du département de l'Hérault"): often the territory, a funder only where
	// the text makes it pay.
	lower bool
	group string // see funderHead.group
	home  bool   // the commune of a commune's own act (see reader.addHome)
	role  int
}

// eligible reports whether m may be the funder of an amount it does not govern:
// not a beneficiary, and a commune or an EPCI only where the text makes it pay.
func (m mention) eligible() bool {
	if m.role == roleBenef || m.home {
		return false
	}
	if m.kind == kindCommune || m.kind == kindEPCI || m.lower {
		return m.role == roleSubject || m.role == roleAgent
	}
	return true
}

// complement returns the end of the proper name after a head ending at token k:
// "de la Gironde", "du Nord", "des Outre-mer", and where direct, "Occitanie"; k
// when none.
func complement(toks []token, k int, direct bool) int {
	q := k
	if q < len(toks) && !toks[q].nl {
		switch toks[q].w {
		case "de", "du", "des", "d'":
			q++
			if q < len(toks) && (toks[q].w == "la" || toks[q].w == "l'" || toks[q].w == "les") {
				q++
			}
		default:
			if !direct {
				return k
			}
		}
	}
	end, words := k, 0
	for q < len(toks) && words < 4 && !toks[q].nl {
		t := &toks[q]
		switch {
		case t.word && t.upper:
			words++
			q++
			end = q
		case lex.FundingConnectors.Has(t.w) && words > 0 && nextUpper(toks, q):
			q++
		default:
			return end
		}
	}
	return end
}

// nextUpper reports whether a capitalised word follows the connectors at q.
func nextUpper(toks []token, q int) bool {
	for n := 0; q < len(toks) && n < 3; n++ {
		if toks[q].word && toks[q].upper {
			return true
		}
		if !lex.FundingConnectors.Has(toks[q].w) {
			return false
		}
		q++
	}
	return false
}

// mention returns mention k of r, its role read on first use (see roleOf).
func (r *reader) mention(k int) mention {
	if m := &r.ms[k]; m.role == roleUnknown {
		m.role = roleOf(r.toks, m.i, m.j)
	}
	return r.ms[k]
}

// findMentions returns the bodies the text names, in order; their roles are
// left unknown (see reader.mention).
func findMentions(text string, toks []token, ms []mention) []mention {
	for k := 0; k < len(toks); k++ {
		key := toks[k].key
		if headOrAdj[key>>6]&(1<<(key&63)) == 0 {
			continue // no head nor adjective starts here (the common case, kept inline)
		}
		head, adj := funderHeadM.admitsKey(key), funderAdjM.admitsKey(key)
		if head {
			if m, ok := mentionAt(text, toks, k); ok {
				m.role = roleUnknown // read on first use: most mentions are never asked
				ms = append(ms, m)
				k = m.j - 1
				continue
			}
		}
		if !adj {
			continue
		}
		if a, ok := funderAdjectives[toks[k].w]; ok && k > 0 {
			if idx, _ := instrumentM.at(toks, k-1); idx >= 0 {
				ms = append(ms, mention{i: k, j: k + 1, name: a.name, kind: a.kind, role: roleAgent})
			}
		}
	}
	return ms
}

// headOrAdj is the union of funderHeadM's and funderAdjM's filters.
var headOrAdj = func() (f [len(matcher{}.filter)]uint64) {
	for k := range f {
		f[k] = funderHeadM.filter[k] | funderAdjM.filter[k]
	}
	return f
}()

func mentionAt(text string, toks []token, k int) (mention, bool) {
	idx, n := funderHeadM.at(toks, k)
	if idx < 0 {
		return mention{}, false
	}
	h := funderHeads[idx]
	end := k + n
	if h.complement {
		named := toks[end-1].w == "de" // "ville de", "commune de": the name follows
		end = complement(toks, end, h.direct || named)
		if named && end == k+n {
			return mention{}, false
		}
	}
	lower := h.upper && !toks[k].upper
	if lower && end == k+n {
		return mention{}, false // "la région", "en état": common nouns
	}
	m := mention{i: k, j: end, kind: h.kind, state: h.state, full: end > k+n, lower: lower, group: h.group}
	switch {
	case h.state:
		m.name = "État"
	case h.canon != "":
		m.name, m.full = h.canon, true
	default:
		m.name = clean(textOf(text, toks, k, end))
	}
	return m, true
}

// auxiliaries between a subject and its verb.
var auxiliaries = map[string]bool{"a": true, "ont": true, "va": true, "vont": true, "vient": true,
	"viennent": true, "de": true, "d'": true, "ainsi": true, "egalement": true, "aussi": true,
	"notamment": true, "deja": true, "donc": true, "ne": true, "n'": true, "lui": true, "leur": true,
	"y": true, "en": true, "se": true, "s'": true, "decide": true, "choisi": true, "souhaite": true,
	"entend": true, "veut": true, "pu": true, "peut": true, "doit": true, "sera": true, "seront": true,
	"est": true, "sont": true, "l'": true, "les": true, "la": true, "le": true, "encore": true,
	"par": true, "ailleurs": true, "quant": true, "elle": true, "lui-meme": true, "tres": true,
	"ete": true, "bien": true, "fortement": true, "largement": true, "aujourd'hui": true, "qui": true}

// givingNouns, before "de X", make X the one that gives ("d'investissement de la
// Banque des Territoires").
var givingNouns = map[string]bool{"investissement": true, "investissements": true, "apport": true,
	"apports": true, "intervention": true, "versement": true, "versements": true}

var financialAdjectives = map[string]bool{"financier": true, "financiers": true, "financiere": true,
	"financieres": true, "exceptionnel": true, "exceptionnelle": true, "supplementaire": true, "total": true}

// roleOf reads the words around a mention [i, j).
func roleOf(toks []token, i, j int) int {
	_, benef := endsAt(toks, i, 2, benefIntroM)
	if benef && carrier(toks, i) {
		return roleBenef
	}
	if _, ok := endsAt(toks, i, 2, agentIntroM); ok {
		return roleAgent
	}
	if paidBy(toks, i) {
		return roleAgent
	}
	kk := i
	skippedDe := false
	for s := 0; s < 2 && kk > 0 && lex.FundingArticles.Has(toks[kk-1].w); s++ {
		kk--
		switch toks[kk].w {
		case "de", "du", "des", "d'":
			skippedDe = true
		}
	}
	// "les concours financiers de l'ANRU": past an adjective to the noun.
	if skippedDe && kk > 1 && financialAdjectives[toks[kk-1].w] {
		kk--
	}
	if skippedDe && kk > 0 {
		idx, _ := instrumentM.at(toks, kk-1)
		if idx >= 0 || givingNouns[toks[kk-1].w] || toks[kk-1].w == "€" || toks[kk-1].w == "euros" ||
			toks[kk-1].w == "millions" || toks[kk-1].w == "million" || toks[kk-1].w == "milliards" {
			return roleAgent
		}
	}
	if benef {
		return roleBenef
	}
	if r, ok := verbAfter(toks, j); ok {
		return r
	}
	if kk > 0 && !auxiliaries[toks[kk-1].w] {
		if idx, n := funderVerbM.at(toks, kk-1); idx >= 0 && n == 1 {
			return roleBenef // the object of a funder verb
		}
	}
	return roleNeutral
}

// verbAfter reads the verb after a subject ending at token j, across auxiliaries
// and one apposition between commas.
func verbAfter(toks []token, j int) (int, bool) {
	q := j
	if q < len(toks) && toks[q].w == "," {
		for r := q + 1; r < len(toks) && r < q+14; r++ {
			if toks[r].w == "," {
				q = r + 1
				break
			}
			if isSentenceEnd(toks[r].w) {
				break
			}
		}
	}
	for n := 0; q < len(toks) && n < 4; n++ {
		if idx, _ := benefVerbM.at(toks, q); idx >= 0 && toks[q].w != "se" {
			return roleBenef, true
		}
		if !auxiliaries[toks[q].w] {
			if idx, _ := funderVerbM.at(toks, q); idx >= 0 {
				return roleSubject, true
			}
			return 0, false
		}
		q++
	}
	return 0, false
}

// carrier reports whether "porté par", "mené par"… comes right before token i.
func carrier(toks []token, i int) bool {
	k := i
	for s := 0; s < 2 && k > 0 && lex.FundingArticles.Has(toks[k-1].w); s++ {
		k--
	}
	return k >= 2 && toks[k-1].w == "par" && toks[k-2].w != "et"
}

// paidBy reports whether "par" before token i follows a word of giving ("financé
// par", "versés également par"), an amount, or another such "par" ("et par").
func paidBy(toks []token, i int) bool {
	k := i
	for s := 0; s < 2 && k > 0 && lex.FundingArticles.Has(toks[k-1].w); s++ {
		k--
	}
	if k < 2 || toks[k-1].w != "par" {
		return false
	}
	p := k - 2
	for p > 0 && adverbs[toks[p].w] {
		p--
	}
	w := toks[p].w
	if w == "et" || w == "€" || w == "euros" || w == "millions" || w == "million" || w == "milliards" || w == ")" {
		return true
	}
	idx, _ := cueM.at(toks, p)
	return idx >= 0
}
