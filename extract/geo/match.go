package geo

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/lex"
	"terril/extract/names"
	"terril/extract/text"
)

// Priorities of interpretations over the same tokens (higher wins).
var priority = [...]int8{kCommune: 2, kGentile: 3, kRegion: 4, kDep: 5, kEPCI: 6, kEPCICore: 6, kBlock: 7}

// An interp is one reading of a span of tokens.
type interp struct {
	a, b    int32 // token range [a, b)
	kind    uint8
	ref     int32          // EPCI, département or région index
	cands   []int32        // communes: candidate indexes
	former  map[int32]bool // communes: candidates named by a former name
	node    int32          // communes: trie node, for the level
	art     bool           // communes: the name read starts with its article ("La Bassée", "du Touquet")
	inv     bool           // communes: the name read ends with its article in parentheses ("CRAU (LA)")
	foreign bool           // communes: followed by an article in parentheses none of its names has ("SEYNE (LA)")
	pre     bool           // communes: foreign, the article before the name ("les Saintes")
	strong  bool           // communes: "à", "(59)", a dateline, "commune de"… around the name
	weak    bool           // communes: "de", "entre"… before the name
	au      bool           // communes: "au", "aux" before a name read with its article ("au Tampon")
	code    string         // communes: département code in parentheses after the name
	postal  string         // communes: postal code before the name
	ok      bool           // communes: accepted
	acronym bool           // EPCIs: an acronym, which counts only in its région
	choice  int32          // communes: the chosen candidate
}

type doc struct {
	g    *Gazetteer
	t    *text.Text
	toks []token

	// Match's readings (interpret) keep their communes' candidates in cands, one
	// reading's after another, and list in epciAt the indexes of the EPCI readings, in
	// order of their first token.
	cands  []int32
	epciAt []int
	// cases memoises caseOf by token during Match; nil elsewhere.
	cases []uint8
	// rivers holds the token ids of the words after "sur" in the communes' names the
	// text writes ("Puget-sur-Argens"): rivers there (riversOf).
	rivers []riverWord
}

func (d *doc) word(k int) string { return d.t.Folded[d.toks[k].s:d.toks[k].e] }

// orig returns the original text of token k.
func (d *doc) orig(k int) string {
	s, e := d.t.Orig(int(d.toks[k].s), int(d.toks[k].e))
	return d.t.S[s:e]
}

// capital reports whether token k starts with a capital or a digit in the original
// text.
func (d *doc) capital(k int) bool { return d.caseOf(k)&caseCapital != 0 }

// upper reports whether every letter of tokens [a, b) is a capital.
func (d *doc) upper(a, b int) bool {
	for k := a; k < b; k++ {
		if d.caseOf(k)&caseUpper == 0 {
			return false
		}
	}
	return true
}

// What the original text of a token says of its case (caseOf).
const (
	caseKnown   = 1 << iota // the flags below are computed
	caseCapital             // it starts with a capital or a digit
	caseUpper               // every letter is a capital
)

// caseOf returns the case flags of token k, read from the original text once per token
// of a Match (the rules ask again and again about the same few tokens).
func (d *doc) caseOf(k int) uint8 {
	if k < len(d.cases) && d.cases[k]&caseKnown != 0 {
		return d.cases[k]
	}
	o := d.orig(k)
	f := uint8(caseKnown | caseUpper)
	if r, _ := utf8.DecodeRuneInString(o); unicode.IsUpper(r) || unicode.IsDigit(r) {
		f |= caseCapital
	}
	for _, r := range o {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			f &^= caseUpper
			break
		}
	}
	if k < len(d.cases) {
		d.cases[k] = f
	}
	return f
}

// Match finds the communes, intercommunalities and départements the lexed text x
// names (see the package documentation for the rules). It implements extract.Places.
// It reads x's tokens and keeps nothing of x.
func (g *Gazetteer) Match(x *text.Tokens) (communes []corpus.Commune, epcis []corpus.EPCI, departements []string) {
	return g.match(x, true)
}

// MatchText is Match for a text not lexed yet.
func (g *Gazetteer) MatchText(t *text.Text) (communes []corpus.Commune, epcis []corpus.EPCI, departements []string) {
	x := text.Lex(t)
	return g.match(&x, true)
}

// match is Match; a text that may be an excerpt (maybeCut) loses the name it ends
// with when a longer name starts with it (cutAtEnd), a name alone (ResolveOrg) does not.
func (g *Gazetteer) match(x *text.Tokens, maybeCut bool) (communes []corpus.Commune, epcis []corpus.EPCI, departements []string) {
	t := x.T
	d := &doc{g: g, t: t}
	sc, _ := g.scratch.Get().(*matchScratch)
	if sc == nil {
		sc = new(matchScratch)
	}
	var ins, sel []interp
	defer func() { sc.release(d, ins, sel); g.scratch.Put(sc) }()
	d.toks = g.m.tokens(x, sc.toks)
	d.cands, d.epciAt = sc.cands, sc.epciAt
	d.joinHyphenated()
	d.cases = zeroed(sc.cases, len(d.toks))
	sc.cases = d.cases
	m := &g.m
	toks := d.toks

	ins = sc.ins
	var headStarts []int // tokens where an EPCI head may start
	for i := range toks {
		// Most words start no name: the root's child, m.child(0, id), is read here
		// from the array the build leaves.
		node := int32(0)
		if id := toks[i].id; uint32(id) < uint32(len(m.root)) {
			node = m.root[id]
		}
		if node == 0 {
			continue
		}
		comma := false
		for j := i; ; {
			if len(m.ents[node]) > 0 {
				ins = d.interpret(ins, int32(i), int32(j+1), node, comma)
				if hasKind(m.ents[node], kHead) && (len(headStarts) == 0 || headStarts[len(headStarts)-1] != i) {
					headStarts = append(headStarts, i)
				}
			}
			j++
			if j >= len(toks) || j >= i+14 {
				break
			}
			tk := toks[j]
			if tk.id < 0 {
				break
			}
			if !soft(tk.gap) {
				// "SEYNE-SUR-MER (LA)": a name's article after it, alone in parentheses.
				if tk.gap&gapParen != 0 {
					if p := m.parenArticle(tk.id); p >= 0 {
						if inv := m.child(node, p); inv != 0 && d.closedArticle(j) > 0 {
							ins = d.interpret(ins, int32(i), int32(j+1), inv, comma)
						}
					}
					break
				}
				// "St. Omer": a full stop after an abbreviation.
				w := d.word(j - 1)
				if !(tk.gap&gapDot != 0 && tk.gap&gapHard == 0 && (w == "st" || w == "ste")) {
					break
				}
			}
			if tk.gap&gapComma != 0 {
				comma = true
			}
			if node = m.child(node, tk.id); node == 0 {
				break
			}
		}
	}

	// EPCI names after heads: "la communauté d'agglomération de Lens-Liévin", "les
	// communautés d'agglomération du Douaisis, d'Hénin-Carvin et de Valenciennes".
	for _, i := range headStarts {
		n, flags := m.headAt(d, i)
		if n == 0 {
			continue
		}
		j := skipConnectors(t.Folded, toks, i+n)
		start := i
		// "Toulouse Métropole, Bordeaux Métropole": a comma ends what the head names.
		if j < len(toks) && toks[j].gap&gapComma != 0 {
			continue
		}
		// "www.agglo-lens-lievin.fr": a name after a head is capitalised.
		for j < len(toks) && soft(toks[j].gap) && d.capital(j) {
			best := -1
			at := sort.Search(len(d.epciAt), func(k int) bool { return ins[d.epciAt[k]].a >= int32(j) })
			for _, x := range d.epciAt[at:] {
				in := ins[x]
				if in.a != int32(j) {
					break
				}
				if best < 0 || in.b > ins[best].b || in.b == ins[best].b && m.typeMatch(g, in.ref, flags) && !m.typeMatch(g, ins[best].ref, flags) {
					best = x
				}
			}
			var in interp
			if best >= 0 {
				in = ins[best]
			} else if seat, ok := d.seatReading(ins, i, n, j, flags); ok {
				in = seat
			} else {
				break
			}
			in.a = int32(start)
			in.kind = kEPCI
			in.ok = true
			ins = append(ins, in)
			j = int(in.b)
			if flags&fPlural == 0 || j >= len(toks) {
				break
			}
			// A list goes on after a comma, "et", "ou", "ainsi que".
			if toks[j].gap&gapComma != 0 && toks[j].gap&gapHard == 0 {
				if toks[j].id == m.idEt || toks[j].id == m.idOu {
					j++
				}
			} else if (toks[j].id == m.idEt || toks[j].id == m.idOu) && soft(toks[j].gap) {
				j++
			} else {
				break
			}
			if j < len(toks) && !soft(toks[j].gap) {
				break
			}
			if h, _ := m.headAt(d, j); h > 0 {
				break // a new head starts its own list
			}
			j = skipConnectors(t.Folded, toks, j)
			start = j
		}
	}

	// Keep the longest readings, then the highest priority, then the earliest.
	// The order is that of keys, unique by the reading's index, so no sort needs to be
	// stable and no comparison reads the readings.
	order := sc.order[:0]
	for x := range ins {
		in := &ins[x]
		order = append(order, readingKey{
			rank: uint64(math.MaxUint32-uint32(in.b-in.a))<<8 | uint64(math.MaxUint8-uint8(priority[in.kind])),
			pos:  uint64(in.a)<<32 | uint64(x),
		})
	}
	sc.order = order
	slices.SortFunc(order, func(p, q readingKey) int {
		if p.rank != q.rank {
			return cmp.Compare(p.rank, q.rank)
		}
		return cmp.Compare(p.pos, q.pos)
	})
	used := zeroed(sc.used, len(toks))
	sc.used = used
	chosen := sc.chosen[:0] // by position: first token, then index
	for _, k := range order {
		x := uint32(k.pos)
		in := &ins[x]
		if in.kind == kEPCICore && !in.ok {
			continue // a weak core outside a list
		}
		free := true
		for k := in.a; k < in.b; k++ {
			if used[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := in.a; k < in.b; k++ {
			used[k] = true
		}
		chosen = append(chosen, k.pos)
	}
	sc.chosen = chosen
	slices.Sort(chosen)
	sel = sc.sel
	for _, pos := range chosen {
		sel = append(sel, ins[uint32(pos)])
	}

	// "Wallers (59)" is a département code only if a Wallers is in the 59: "Anor (36)"
	// is a count.
	for x := range sel {
		in := &sel[x]
		if in.kind != kCommune || in.code == "" {
			continue
		}
		ok := false
		for _, ci := range in.cands {
			ok = ok || g.communes[ci].Departement == in.code
		}
		if ok {
			in.strong = true
		} else {
			in.code = ""
		}
	}

	starts := zeroed(sc.used, len(toks)) // first tokens of commune readings, by token
	sc.used = starts
	for _, in := range sel {
		if in.kind == kCommune {
			starts[in.a] = true
		}
	}

	if maybeCut {
		d.cutAtEnd(sel)
	}
	d.riversOf(sel)
	// The document's context: départements, intercommunalities and régions named, and
	// the communes named unambiguously with some weight (a trigger, or a town). The
	// sets hold codes by their index in g.codes.
	ctx := &matchContext{
		named:  zeroed(sc.named, len(g.codes)), // départements named, and EPCIs named
		dep:    zeroed(sc.ctxDep, len(g.codes)),
		region: zeroed(sc.ctxRegion, len(g.codes)),
		abroad: g.overseasCode,
	}
	sc.named, sc.ctxDep, sc.ctxRegion = ctx.named, ctx.dep, ctx.region
	for _, in := range sel {
		switch in.kind {
		case kDep:
			dep := g.depCodes[in.ref]
			ctx.named[dep.dep] = true
			ctx.dep[dep.dep] = true
			ctx.addRegion(dep.region)
			ctx.nameRegion(dep.region)
		case kEPCI, kEPCICore:
			if in.acronym {
				continue
			}
			e := g.epciCodes[in.ref]
			ctx.named[e.epci] = true
			ctx.addRegion(e.region)
			ctx.nameRegion(e.region)
		case kRegion:
			ctx.addRegion(g.regionCodes[in.ref])
			ctx.nameRegion(g.regionCodes[in.ref])
		case kCommune:
			if in.code != "" {
				ctx.dep[g.codes[in.code]] = true
				if i, ok := g.byDep[in.code]; ok {
					ctx.nameRegion(g.depCodes[i].region)
				}
			}
			// A name that is also a département's ("Indre", "Vienne") says nothing of
			// where the text is.
			if len(in.cands) == 1 && !hasKind(m.ents[in.node], kDep) {
				c := g.communes[in.cands[0]]
				// A name a rule rejects ("PONT du Chaffard": a name's head) says nothing of
				// where the text is.
				if (in.strong && m.level[in.node] < 3 || m.level[in.node] == 0 && (in.weak || c.Population >= 10000)) &&
					!in.foreign && !d.vetoed(&in, &c, m.level[in.node], starts) {
					cc := g.comCodes[in.cands[0]]
					ctx.dep[cc.dep] = true
					ctx.addRegion(cc.region)
				}
			}
		}
	}
	// An acronym counts only where the text is: "CCPH" is not the same CC everywhere.
	for x := range sel {
		if in := &sel[x]; in.acronym && !ctx.region[g.epciCodes[in.ref].region] {
			in.kind = kBlock
		} else if in.acronym {
			ctx.named[g.epciCodes[in.ref].epci] = true
		}
	}
	if maybeCut {
		d.cutCommuneAtEnd(sel, ctx)
	}
	// Communes: choose among namesakes, then decide whether the name counts.
	veto := zeroed(sc.veto, len(sel))
	sc.veto = veto
	// listed[x]: sel[x] and sel[x+1] are communes in one list.
	listed := zeroed(sc.listed, len(sel))
	sc.listed = listed
	for x := 0; x+1 < len(sel); x++ {
		listed[x] = sel[x].kind == kCommune && sel[x+1].kind == kCommune && d.listed(int(sel[x].b), int(sel[x+1].a))
	}
	// A name resolved by its code ("SAINT-ANTONIN (83510)") is the same commune where
	// the text writes it again without one ("Commune de SAINT-ANTONIN").
	var coded []interp
	for x := range sel {
		if in := &sel[x]; in.kind == kCommune && (in.postal != "" || in.code != "") {
			d.postalNamesake(in)
			in.choice = d.choose(in, "", ctx)
			coded = append(coded, *in)
		}
	}
	for x := range sel {
		in := &sel[x]
		if in.kind != kCommune {
			continue
		}
		local := d.localDep(sel, x)
		if local == "" {
			local = d.listDep(sel, listed, x)
		}
		if in.postal == "" && in.code == "" && local == "" {
			same := int32(-1)
			for _, c := range coded {
				if c.node == in.node && (same < 0 || same == c.choice) {
					same = c.choice
				} else if c.node == in.node {
					same = -2
				}
			}
			if same >= 0 {
				in.cands = []int32{same}
			}
		}
		d.postalNamesake(in)
		in.choice = d.choose(in, local, ctx)
		// "SEYNE (LA)" is not Seyne, which has no article: in a list, the one commune of
		// the list's département whose name starts with "La Seyne"; else nothing.
		if in.foreign {
			ci := int32(-1)
			if local != "" {
				ci = d.depNamesake(in, local)
			}
			if ci < 0 {
				veto[x] = true
				continue
			}
			in.cands, in.choice = []int32{ci}, ci
			if in.pre {
				in.a--
			} else {
				in.b++
				in.inv = true
			}
			in.foreign, in.pre, in.art = false, false, true
		}
		// "PIERREFEU" in a column of the Var's communes is Pierrefeu-du-Var, "Baignes"
		// among the Charente's Baignes-Sainte-Radegonde: lists shorten names.
		if local != "" && in.code == "" && in.postal == "" && !in.inv && g.communes[in.choice].Departement != local {
			if ci := d.depNamesake(in, local); ci >= 0 {
				in.cands = []int32{ci}
				in.choice = ci
			}
		}
		c := g.communes[in.choice]
		cc := g.comCodes[in.choice]
		level := m.level[in.node]
		if d.vetoed(in, &c, level, starts) {
			veto[x] = true
			continue
		}
		named := ctx.named[cc.dep] || ctx.named[cc.epci]
		switch level {
		case 0:
			in.ok = !d.upper(int(in.a), int(in.b)) || in.b-in.a > 1 || in.strong || len(d.word(int(in.a))) > 3
			// A small commune far from everything else the text names, with nothing
			// around it that says "place": most often a namesake word or brand.
			if ctx.regions > 0 && !ctx.region[cc.region] && !in.strong && !in.weak && c.Population < 10000 {
				in.ok = false
			}

		case 1:
			// At the start of a sentence or a line item, the capital says nothing.
			g := toks[in.a].gap
			start := in.a == 0 || d.sentenceEnd(int(in.a)) || g&gapPara != 0 || g&gapLine != 0 && g&gapHard != 0
			// But a text that names the commune's département or EPCI speaks of it
			// at the start of a sentence too ("Giraumont modernise ses classes").
			in.ok = in.strong || in.weak || named || !start && (ctx.dep[cc.dep] || ctx.region[cc.region])
			if in.ok && d.upper(int(in.a), int(in.b)) && !in.strong {
				in.ok = false
			}
		case 2:
			in.ok = in.strong || (in.weak || in.au) && named
		case 3:
			// "reçu à Matignon": a seat of power, unless the text is about its place.
			in.ok = in.code != "" || in.postal != "" || named || ctx.dep[cc.dep]
		}
		// A text about overseas places only: "le secteur de Pierrefonds" at La
		// Réunion is no commune of the Oise.
		if ctx.namedAbroad > 0 && ctx.namedMetro == 0 && !ctx.abroad[cc.region] && !in.strong && c.Population < 10000 {
			in.ok = false
		}
		// "d'Indre Sud" among the Indre's towns: the département's name, not Indre in
		// Loire-Atlantique.
		if !in.strong && !ctx.region[cc.region] && d.depInContext(in.node, ctx) {
			in.ok = false
		}
	}
	// Lists: a name next to an accepted commune, separated by a comma, "et" or a hyphen,
	// counts if it is in the same région (the same département after a hyphen: not
	// "Lille-Moulins"). And a commune accepted once counts wherever its name recurs.
	for changed := true; changed; {
		changed = false
		accepted := map[int32]bool{}
		for _, in := range sel {
			if in.kind == kCommune && in.ok {
				accepted[in.choice] = true
			}
		}
		for x := range sel {
			if sel[x].kind != kCommune || sel[x].ok || veto[x] {
				continue
			}
			if accepted[sel[x].choice] {
				sel[x].ok = true
				changed = true
				continue
			}
			cx := g.communes[sel[x].choice]
			// The second part of a compound ("Lille-Moulins") joins only the first.
			second := d.toks[sel[x].a].gap&gapJoined != 0
			for _, y := range []int{x - 1, x + 1} {
				if second && y != x-1 {
					continue
				}
				if y < 0 || y >= len(sel) || sel[y].kind != kCommune || !sel[y].ok {
					continue
				}
				lo, hi := sel[x], sel[y]
				if y < x {
					lo, hi = hi, lo
				}
				cy := g.communes[sel[y].choice]
				if d.listed(int(lo.b), int(hi.a)) && cx.Region == cy.Region &&
					(cx.Departement == cy.Departement || d.toks[hi.a].gap&gapJoined == 0) {
					sel[x].ok = true
					changed = true
				}
			}
		}
	}

	// Output, in order of first mention. A first pass numbers the communes and EPCIs
	// and counts their spans, so that each list and the spans of its entries take one
	// allocation each.
	entry := zeroed(sc.entry, len(sel)) // by reading: the index of its commune or EPCI
	sc.entry = entry
	comRef, epciRef := sc.comRef[:0], sc.epciRef[:0] // by index: the commune or EPCI
	comN, epciN := sc.comN[:0], sc.epciN[:0]         // by index: the number of spans
	comIdx := map[int32]int32{}
	epciIdx := map[int32]int32{}
	comSpans, epciSpans := 0, 0
	for x, in := range sel {
		switch in.kind {
		case kCommune:
			if !in.ok {
				continue
			}
			entry[x] = numberEntry(comIdx, in.choice, &comRef, &comN)
			comSpans++
		case kEPCI, kEPCICore:
			entry[x] = numberEntry(epciIdx, in.ref, &epciRef, &epciN)
			epciSpans++
		}
	}
	sc.comRef, sc.epciRef, sc.comN, sc.epciN = comRef, epciRef, comN, epciN
	if len(comRef) > 0 {
		communes = make([]corpus.Commune, len(comRef))
		spans := make([]corpus.Span, 0, comSpans)
		for i, ci := range comRef {
			c := g.communes[ci]
			communes[i] = corpus.Commune{Name: c.Name, INSEE: c.INSEE, Departement: c.Departement, EPCI: c.EPCI,
				Spans: spans[len(spans) : len(spans) : len(spans)+int(comN[i])]}
			spans = spans[:len(spans)+int(comN[i])]
		}
	}
	if len(epciRef) > 0 {
		epcis = make([]corpus.EPCI, len(epciRef))
		spans := make([]corpus.Span, 0, epciSpans)
		for i, ref := range epciRef {
			e := g.epcis[ref]
			epcis[i] = corpus.EPCI{Name: e.Name, SIREN: e.SIREN,
				Spans: spans[len(spans) : len(spans) : len(spans)+int(epciN[i])]}
			spans = spans[:len(spans)+int(epciN[i])]
		}
	}
	depSeen := map[string]bool{}
	addDep := func(code string) {
		if !depSeen[code] {
			depSeen[code] = true
			departements = append(departements, code)
		}
	}
	for x, in := range sel {
		end := int(toks[in.b-1].e)
		if in.inv {
			end = d.closedArticle(int(in.b) - 1) // the closing parenthesis too
		}
		s, e := t.Orig(int(toks[in.a].s), end)
		span := corpus.Span{Start: s, End: e}
		switch in.kind {
		case kCommune:
			if !in.ok {
				continue
			}
			c := &communes[entry[x]]
			c.Spans = append(c.Spans, span)
			if in.code != "" {
				addDep(in.code)
			}
		case kEPCI, kEPCICore:
			e := &epcis[entry[x]]
			e.Spans = append(e.Spans, span)
		case kDep:
			addDep(g.deps[in.ref].Code)
		case kRegion:
			// "GUADELOUPE", "Mayotte": the région is its département (a saint's
			// collectivité with the evidence its département name needs).
			if dep := g.soleDep[in.ref]; dep >= 0 && !d.dedication(int(in.a)) &&
				d.overseasOK(int(in.a), int(in.b), g.deps[dep].Code) {
				addDep(g.deps[dep].Code)
			}
		}
	}
	d.codeLists(addDep)
	return communes, epcis, departements
}

// A matchScratch holds the buffers of one Match call, recycled through the
// Gazetteer's pool: most documents need the same sizes again.
type matchScratch struct {
	toks       []token
	ins, sel   []interp
	cands      []int32
	epciAt     []int
	order      []readingKey
	chosen     []uint64
	used, veto []bool
	listed     []bool
	cases      []uint8
	// The context sets (matchContext).
	named, ctxDep, ctxRegion []bool
	// The output's numbering.
	entry, comRef, epciRef, comN, epciN []int32
}

// A readingKey orders the readings of a text for the choice among overlapping ones.
type readingKey struct {
	rank uint64 // the longest first, then the highest priority
	pos  uint64 // the first token, then the index in the readings
}

// release keeps the buffers Match grew for the next call, emptied: the readings hold
// slices and maps, cleared so that the pool keeps nothing of the document alive.
func (sc *matchScratch) release(d *doc, ins, sel []interp) {
	sc.toks, sc.cands, sc.epciAt = d.toks[:0], d.cands[:0], d.epciAt[:0]
	clear(ins)
	sc.ins = ins[:0]
	clear(sel)
	sc.sel = sel[:0]
}

// zeroed returns n zero values in s's array when it is large enough, else in a new one.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// epciRegion returns the région of an EPCI's first member.
func (g *Gazetteer) epciRegion(ref int32) string {
	if e := g.epcis[ref]; len(e.Members) > 0 {
		c, _ := g.Commune(e.Members[0])
		return c.Region
	}
	return ""
}

// A matchContext is what a document names, as sets of codes by their index in the
// Gazetteer's codes.
type matchContext struct {
	named   []bool // codes of départements and SIRENs of EPCIs named
	dep     []bool // codes of départements
	region  []bool // codes of régions
	regions int    // how many régions are in region
	abroad  []bool // by code: an overseas région (Gazetteer.overseasCode)
	// Régions of the départements, EPCIs, régions and codes the text names (not of
	// its communes), counted at each mention: overseas and metropolitan.
	namedAbroad, namedMetro int
}

func (c *matchContext) nameRegion(k int32) {
	if c.abroad[k] {
		c.namedAbroad++
	} else {
		c.namedMetro++
	}
}

func (c *matchContext) addRegion(k int32) {
	if !c.region[k] {
		c.region[k] = true
		c.regions++
	}
}

// codeRefs are the indexes in the Gazetteer's codes of what the context rules compare
// for a commune, a département or an EPCI: its département, région and EPCI (SIREN).
type codeRefs struct{ dep, region, epci int32 }

// indexCodes numbers the codes the context rules compare (département and région
// codes, SIRENs, and "" for a missing one), so that Match keeps its sets of codes in
// slices, and gives each commune, département, EPCI and région its codes' numbers.
// The numbers stand for the strings: equal strings, equal numbers.
func (g *Gazetteer) indexCodes() {
	g.codes = map[string]int32{}
	code := func(s string) int32 {
		k, ok := g.codes[s]
		if !ok {
			k = int32(len(g.codes))
			g.codes[s] = k
		}
		return k
	}
	g.comCodes = make([]codeRefs, len(g.communes))
	for i, c := range g.communes {
		g.comCodes[i] = codeRefs{dep: code(c.Departement), region: code(c.Region), epci: code(c.EPCI)}
	}
	g.depCodes = make([]codeRefs, len(g.deps))
	for i, d := range g.deps {
		g.depCodes[i] = codeRefs{dep: code(d.Code), region: code(d.Region), epci: -1}
	}
	g.epciCodes = make([]codeRefs, len(g.epcis))
	for i, e := range g.epcis {
		g.epciCodes[i] = codeRefs{dep: -1, region: code(g.epciRegion(int32(i))), epci: code(e.SIREN)}
	}
	g.regionCodes = make([]int32, len(g.regions))
	for i, r := range g.regions {
		g.regionCodes[i] = code(r.Code)
	}
	g.overseasCode = make([]bool, len(g.codes))
	for i, k := range g.regionCodes {
		g.overseasCode[k] = g.regions[i].Code < "10" // 01 Guadeloupe … 06 Mayotte
	}
}

// seatReading returns an EPCI reading for a head of n tokens at token i followed at
// token j by the name of the commune that is the seat of an EPCI
// of the head's type ("l'agglo de Saint-Quentin": CA du Saint-Quentinois, whose most
// populous member is Saint-Quentin), or -1. "L'agglomération de …" alone is as often
// the urban area.
func (d *doc) seatReading(ins []interp, i, n, j int, flags uint16) (interp, bool) {
	if n == 1 && d.word(i) == "agglomeration" {
		return interp{}, false
	}
	g := d.g
	com := -1
	for x := range ins {
		if ins[x].kind == kCommune && ins[x].a == int32(j) && (com < 0 || ins[x].b > ins[com].b) {
			com = x
		}
	}
	if com < 0 {
		return interp{}, false
	}
	ref := int32(-1)
	for _, ci := range ins[com].cands {
		e, ok := g.seat[ci]
		if !ok || flags&(fTypeCA|fTypeCC|fTypeCU|fTypeMetro) != 0 && !g.m.typeMatch(g, e, flags) || ref >= 0 && e != ref {
			continue
		}
		if ref >= 0 {
			return interp{}, false
		}
		ref = e
	}
	return interp{a: int32(j), b: ins[com].b, kind: kEPCI, ref: ref}, ref >= 0
}

// typeMatch reports whether EPCI ref is of the type a head announces.
func (m *matcher) typeMatch(g *Gazetteer, ref int32, flags uint16) bool {
	switch g.epcis[ref].Type {
	case "CA":
		return flags&fTypeCA != 0
	case "CC":
		return flags&fTypeCC != 0
	case "CU":
		return flags&fTypeCU != 0
	}
	return flags&fTypeMetro != 0
}

// headAt returns the length in tokens of the EPCI head starting at token i, and its
// flags.
func (m *matcher) headAt(d *doc, i int) (int, uint16) {
	node := int32(0)
	n, flags := 0, uint16(0)
	for j := i; j < len(d.toks) && j < i+5; j++ {
		tk := d.toks[j]
		if tk.id < 0 || j > i && !soft(tk.gap) {
			break
		}
		child := m.child(node, tk.id)
		if child == 0 {
			break
		}
		node = child
		for _, e := range m.ents[node] {
			if e.kind == kHead && (e.flags&fAcronym == 0 || d.t != nil && d.upper(i, j+1)) {
				n, flags = j+1-i, e.flags
			}
		}
	}
	return n, flags
}

// skipConnectors returns the index of the first token at or after i that is not "de",
// "du", "des", "d'", "la", "l'", "le" or "les" (lex.GeoConnectors).
func skipConnectors(folded string, toks []token, i int) int {
	for i < len(toks) && soft(toks[i].gap) && isConnectorWord(folded[toks[i].s:toks[i].e]) {
		i++
	}
	return i
}

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
					art: inv || e.skip > 0 || isArticle(d.word(int(s)))}
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
		!isArticle(d.word(int(a)))
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
		!isConnectorWord(d.word(b)) && !isDigits(d.word(b)) && !(d.upper(a, b+1) && b-a > 1) {
		return false
	}
	// "conseillère du canton des Landes des Graves": a canton's name.
	if k := a - 1; k >= 0 && blank(d.toks[a].gap) && (d.word(k) == "canton" || d.word(k) == "cantons") ||
		k >= 1 && isConnectorWord(d.word(k)) && blank(d.toks[k].gap) && (d.word(k-1) == "canton" || d.word(k-1) == "cantons") {
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
	for k0 < b-1 && isArticle(d.word(k0)) {
		k0++
	}
	if !d.capital(k0) {
		return false
	}
	// "RIs", "ZACs": a code or an acronym's plural, not a name.
	for k := k0; k < b; k++ {
		if d.toks[k].e-d.toks[k].s <= 5 && mixedCase(d.orig(k)) {
			return false
		}
	}
	// "Pierre-René", "Jean-Marie", "sud-Lens": the second part of a compound whose
	// first part is a given name or a lower-case word ("Louvre-Lens", "Hem-Croix" count).
	if a > 0 && toks[a].gap&gapJoined != 0 && toks[a].gap&(gapSpace|gapHard) == 0 {
		switch w := d.word(a - 1); w {
		case "l", "d", "qu", "jusqu", "lorsqu", "puisqu":
		default:
			if !d.capital(a-1) || names.IsGiven(w) {
				return false
			}
		}
	}
	// Look back over connectors.
	k := a - 1
	for k >= 0 && blank(toks[k+1].gap) && isConnectorWord(d.word(k)) {
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
	if b-a == 1 && names.IsGiven(d.word(a)) {
		if a > 0 && d.toks[a].gap&(gapHard|gapPara) == 0 && d.capital(a-1) && names.IsGiven(d.word(a-1)) ||
			b < len(toks) && d.toks[b].gap&(gapHard|gapPara) == 0 && d.capital(b) && names.IsGiven(d.word(b)) {
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
		if b-a == 1 && toks[a].gap&gapDot == 0 && len(w) > 1 && !isConnectorWord(w) && names.IsGiven(d.word(a)) &&
			d.upper(a-1, a) && !d.upper(a, b) {
			return false
		}
		// "Jean-Louis DE LONGEAUX", "M. Paul de Lens": a given name and a particle.
		if d.particle(a) {
			return false
		}
		// "Bernard Cazeneuve", "Jean-Pierre Marck"; but "Mme Laurence GREGOIRE
		// BONNIEUX : M. …" is the label of the commune after the surname.
		if toks[a].gap&gapDot == 0 && d.capital(a-1) && names.IsGiven(w) && !isConnectorWord(w) && !d.label(a, b) {
			return false
		}
	}
	// "Boulevard Vincent⏎Auriol": a given name that ends a line it does not open.
	if a > 1 && toks[a].gap&(gapComma|gapHard|gapPara|gapDot) == 0 && toks[a].gap&gapLine != 0 &&
		toks[a-1].gap&(gapLine|gapHard|gapPara|gapJoined) == 0 && toks[a-1].gap&gapSpace != 0 &&
		d.capital(a-1) && !d.upper(a-1, a) && names.IsGiven(d.word(a-1)) {
		return false
	}
	// "Albert Camus": a given name followed by a capitalised word.
	if b-a == 1 && b < len(toks) && toks[b].gap&(gapComma|gapHard|gapLine|gapDot|gapJoined) == 0 &&
		names.IsGiven(d.word(a)) && d.capital(b) && !d.upper(b, b+1) {
		return false
	}
	return true
}

// nameCapital reports whether the first word of tokens [a, b) after an article is
// capitalised: "La Réunion", "la Réunion", not "La réunion s'est tenue".
func (d *doc) nameCapital(a, b int) bool {
	for a < b-1 && isArticle(d.word(a)) {
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
	if !d.capital(g) || !names.IsGiven(d.word(g)) || d.upper(g, g+1) {
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
		case w == "a" && strings.HasPrefix(strings.ToLower(d.orig(a-1)), "à"):
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

// choose picks the commune a name designates among its namesakes: the one whose
// département is given in parentheses or by its postal code, then one whose
// département or intercommunality the document names, then one in the document's
// région, then the most populous (a current name before a former one).
func (d *doc) choose(in *interp, local string, ctx *matchContext) int32 {
	g := d.g
	best, bestScore := in.cands[0], math.Inf(-1)
	for _, ci := range in.cands {
		c := g.communes[ci]
		score := math.Log10(float64(c.Population) + 1)
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
// (refs[i] is the i-th entry, counts[i] its readings so far), and counts the reading.
func numberEntry(idx map[int32]int32, ref int32, refs, counts *[]int32) int32 {
	i, ok := idx[ref]
	if !ok {
		i = int32(len(*refs))
		idx[ref] = i
		*refs, *counts = append(*refs, ref), append(*counts, 0)
	}
	(*counts)[i]++
	return i
}
