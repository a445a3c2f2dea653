package geo

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"terril/corpus"
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
	s, e := int(d.toks[k].s), int(d.toks[k].e)
	// Text.Orig's spans, read from the offsets: a token's are in range, and its end
	// is inside a rune's expansion (œ → oe) only where two offsets repeat.
	off := d.t.Offsets()
	if e >= len(d.t.Folded) || off[e] == off[e-1] {
		s, e = d.t.Orig(s, e)
		return d.t.S[s:e]
	}
	return d.t.S[off[s]:off[e]]
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
	caseMixed               // mixedCase: a capital after the first letter, and a lower-case letter
)

// caseOf returns the case flags of token k, read from the original text once per token
// of a Match (the rules ask again and again about the same few tokens).
func (d *doc) caseOf(k int) uint8 {
	if uint(k) < uint(len(d.cases)) {
		if c := d.cases[k]; c&caseKnown != 0 {
			return c
		}
	}
	return d.readCase(k)
}

// readCase is caseOf for a token not read yet.
func (d *doc) readCase(k int) uint8 {
	o := d.orig(k)
	f := asciiCase(o)
	if f == 0 {
		f = unicodeCase(o)
	}
	if k < len(d.cases) {
		d.cases[k] = f
	}
	return f
}

// unicodeCase returns the case flags of the original text o of a token.
func unicodeCase(o string) uint8 {
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
	if mixedCase(o) {
		f |= caseMixed
	}
	return f
}

// asciiCase returns the case flags of an ASCII word o, as unicodeCase reads them, or
// 0 for a word with another byte. The bytes' classes (byteCase) are or-ed together:
// the loop has no branch.
func asciiCase(o string) uint8 {
	if o == "" {
		return 0
	}
	first, later := byteCase[o[0]], uint8(0)
	for i := 1; i < len(o); i++ {
		later |= byteCase[o[i]]
	}
	all := first | later
	if all&bcOther != 0 {
		return 0
	}
	f := uint8(caseKnown)
	if all&bcLower == 0 {
		f |= caseUpper
	}
	if first&(bcUpper|bcDigit) != 0 {
		f |= caseCapital
	}
	if later&bcUpper != 0 && all&bcLower != 0 {
		f |= caseMixed // a capital after the first letter, and a lower-case letter
	}
	return f
}

// Byte classes for asciiCase: a lower-case or capital ASCII letter, an ASCII digit,
// a byte of a non-ASCII rune.
const (
	bcLower = 1 << iota
	bcUpper
	bcDigit
	bcOther
)

var byteCase = func() (t [256]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = bcLower
		case 'A' <= c && c <= 'Z':
			t[c] = bcUpper
		case '0' <= c && c <= '9':
			t[c] = bcDigit
		case c >= utf8.RuneSelf:
			t[c] = bcOther
		}
	}
	return t
}()

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

	// The phases, in order: readings of every name the trie holds, EPCI names after
	// heads, the choice among overlapping readings, the document's context, the
	// communes' decisions, lists; then the output.
	var headStarts []int
	ins, headStarts = d.readNames(sc.ins, sc.heads[:0])
	sc.heads = headStarts[:0]
	ins = d.readHeadLists(ins, headStarts)
	sel = d.selectReadings(sc, ins)
	d.checkCodes(sel)
	starts := d.communeStarts(sc, sel)
	if maybeCut {
		d.cutAtEnd(sel)
	}
	d.riversOf(sel)
	ctx := d.contextOf(sc, sel, starts)
	if maybeCut {
		d.cutCommuneAtEnd(sel, ctx)
	}
	veto := d.decideCommunes(sc, sel, ctx, starts)
	d.acceptLists(sc, sel, veto)
	return d.output(sc, sel)
}

// readNames walks the trie from each token and adds the readings of every key that
// ends there (interpret), crossing only what a name may cross; it returns the
// readings and the tokens where an EPCI head may start, appended to headStarts.
func (d *doc) readNames(ins []interp, headStarts []int) ([]interp, []int) {
	m := &d.g.m
	toks := d.toks
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
	return ins, headStarts
}

// readHeadLists adds the EPCI names read after heads: "la communauté
// d'agglomération de Lens-Liévin", "les communautés d'agglomération du Douaisis,
// d'Hénin-Carvin et de Valenciennes".
func (d *doc) readHeadLists(ins []interp, headStarts []int) []interp {
	g, t, toks := d.g, d.t, d.toks
	m := &g.m
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
	return ins
}

// checkCodes keeps a département code after a commune's name only where a commune of
// that name is in it: "Wallers (59)" is a département code, "Anor (36)" a count.
func (d *doc) checkCodes(sel []interp) {
	g := d.g
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
}

// communeStarts marks the first tokens of commune readings.
func (d *doc) communeStarts(sc *matchScratch, sel []interp) []bool {
	starts := zeroed(sc.used, len(d.toks)) // first tokens of commune readings, by token
	sc.used = starts
	for x := range sel {
		in := &sel[x] // in place: a reading is too large to copy at each step
		if in.kind == kCommune {
			starts[in.a] = true
		}
	}
	return starts
}

// contextOf returns the document's context: the départements, intercommunalities and
// régions named, and the communes named unambiguously with some weight (a trigger, or
// a town). The sets hold codes by their index in g.codes. An acronym counts only
// where the text is: "CCPH" is not the same CC everywhere.
func (d *doc) contextOf(sc *matchScratch, sel []interp, starts []bool) *matchContext {
	g := d.g
	m := &g.m
	ctx := &sc.ctx // read during the match only
	*ctx = matchContext{
		named:  zeroed(sc.named, len(g.codes)), // départements named, and EPCIs named
		dep:    zeroed(sc.ctxDep, len(g.codes)),
		region: zeroed(sc.ctxRegion, len(g.codes)),
		abroad: g.overseasCode,
	}
	sc.named, sc.ctxDep, sc.ctxRegion = ctx.named, ctx.dep, ctx.region
	for x := range sel {
		in := &sel[x] // in place: a reading is too large to copy at each step
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
				c := &g.communes[in.cands[0]]
				// A name a rule rejects ("PONT du Chaffard": a name's head) says nothing of
				// where the text is.
				if (in.strong && m.level[in.node] < 3 || m.level[in.node] == 0 && (in.weak || c.Population >= 10000)) &&
					!in.foreign && !d.vetoed(in, c, m.level[in.node], starts) {
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
	return ctx
}

// decideCommunes chooses each commune reading's commune among its namesakes, then
// decides whether the name counts (in.ok), and returns the readings vetoed whatever
// their neighbours.
func (d *doc) decideCommunes(sc *matchScratch, sel []interp, ctx *matchContext, starts []bool) []bool {
	g, toks := d.g, d.toks
	m := &g.m
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
		c := &g.communes[in.choice]
		cc := g.comCodes[in.choice]
		level := m.level[in.node]
		if d.vetoed(in, c, level, starts) {
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
	return veto
}

// acceptLists accepts a name next to an accepted commune, separated by a comma, "et"
// or a hyphen, when it is in the same région (the same département after a hyphen:
// not "Lille-Moulins"); and a commune accepted once wherever its name recurs.
func (d *doc) acceptLists(sc *matchScratch, sel []interp, veto []bool) {
	g := d.g
	accepted := &sc.accepted // the communes accepted, by index
	for changed := true; changed; {
		changed = false
		accepted.reset(len(sel))
		for x := range sel {
			in := &sel[x] // in place: a reading is too large to copy at each step
			if in.kind == kCommune && in.ok {
				accepted.slot(in.choice).key = in.choice
			}
		}
		for x := range sel {
			if sel[x].kind != kCommune || sel[x].ok || veto[x] {
				continue
			}
			if accepted.has(sel[x].choice) {
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
}

// output returns the communes, EPCIs and départements of the readings kept, in order
// of first mention. A first pass numbers the communes and EPCIs and counts their
// spans, so that each list and the spans of its entries take one allocation each.
func (d *doc) output(sc *matchScratch, sel []interp) (communes []corpus.Commune, epcis []corpus.EPCI, departements []string) {
	g, t, toks := d.g, d.t, d.toks
	entry := zeroed(sc.entry, len(sel)) // by reading: the index of its commune or EPCI
	sc.entry = entry
	comRef, epciRef := sc.comRef[:0], sc.epciRef[:0] // by index: the commune or EPCI
	comN, epciN := sc.comN[:0], sc.epciN[:0]         // by index: the number of spans
	comIdx, epciIdx := &sc.comIdx, &sc.epciIdx       // by commune or EPCI: its index
	comIdx.reset(len(sel))
	epciIdx.reset(len(sel))
	comSpans, epciSpans := 0, 0
	for x := range sel {
		in := &sel[x]
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
			c := &g.communes[ci]
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
	for x := range sel {
		in := &sel[x]
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
	packed     []uint64
	chosen     []uint64
	used, veto []bool
	listed     []bool
	cases      []uint8
	// The context sets (matchContext).
	named, ctxDep, ctxRegion []bool
	ctx                      matchContext
	heads                    []int // readNames' tokens where an EPCI head may start
	// The output's numbering.
	entry, comRef, epciRef, comN, epciN []int32
	comIdx, epciIdx                     idIndex
	accepted                            idIndex // acceptLists' communes
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
