package geo

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
	g.popScore = make([]float64, len(g.communes))
	for i, c := range g.communes {
		g.comCodes[i] = codeRefs{dep: code(c.Departement), region: code(c.Region), epci: code(c.EPCI)}
		g.popScore[i] = popScore(c.Population)
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
