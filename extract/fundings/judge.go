package fundings

import (
	"cmp"
	"slices"
	"sort"

	"terril/corpus"
)

// judge decides whether a is a funding and fills it.
func (r *reader) judge(a *amt) {
	if a.skip {
		return
	}
	if r.excluded(a) || a.high >= 0 && r.excluded(r.amts[a.high]) {
		a.skip = true
		return
	}
	if !r.cued(a) && !r.weakCue(a) {
		a.skip = true
		return
	}
	a.funder = r.funderOf(a)
	if a.funder < 0 {
		a.skip = true
		return
	}
	r.fill(a)
}

// excluded: a cost, a ceiling, a rate, a budget increment, the envelope a clause
// draws on, a total of several funders whose own funder is not said.
func (r *reader) excluded(a *amt) bool {
	if a.a.Qualifier != "" { // HT, TTC: a cost or a price
		a.ceiling = true
		return true
	}
	if r.before(a, costM, 10) {
		a.ceiling = true
		return true
	}
	if r.before(a, ceilingM, 5) || r.after(a, ceilingM, 2) {
		if !r.before(a, notCeilingM, 5) {
			a.ceiling = true
			return true
		}
	}
	// "Jusqu'à 500 000 € pour les communes et 539 000 € pour les syndicats", "s'équilibre
	// à 32 M€ en fonctionnement et 9 M€ en investissement": the cue governs both.
	if p := r.prevInSentence(a); p != nil && p.ceiling && a.i > 0 && r.toks[a.i-1].w == "et" {
		a.ceiling = true
		return true
	}
	if s := r.lay.sents[a.sent]; r.before(a, rateM, a.i-s[0]) || r.after(a, budgetAfterM, 8) {
		return true
	}
	// The parts of a cost ("21,8 M€ HT : 9,6 M€ pour les véhicules, 10,4 M€ …").
	if p := r.prevReal(a); p != nil && p.ceiling && (p.costPart || r.cueBetween(p.j, a.i)) && r.agentAfter(a) < 0 {
		a.ceiling, a.costPart = true, true
		return true
	}
	if r.after(a, perUnitM, 5) {
		a.rate = true
		return true
	}
	if r.after(a, incrementM, 1) || r.before(a, parentM, 5) ||
		r.after(a, volumeM, 1) && r.agentAfter(a) < 0 || r.after(a, activityM, 6) {
		return true
	}
	if p := r.lay.paras[r.lay.paraOf[a.i]]; r.startsWith(p[0], recapM) {
		return true
	}
	// "Au total, plus de 250 000 € par an seront ainsi mobilisés": a restatement;
	// "Depuis 2018, l'État a mobilisé 158 M€": an activity total.
	if s := r.lay.sents[a.sent]; r.startsWith(s[0], summaryM) || r.startsWith(s[0], activityStartM) {
		return true
	}
	return a.multi && r.agentAfter(a) < 0
}

// prevReal is the amount before a in its sentence, past the rates between them
// ("21,8 M€ HT : 9,6 M€ pour les véhicules (800 000 € pièce), 10,4 M€ …").
func (r *reader) prevReal(a *amt) *amt {
	for p := r.prevInSentence(a); p != nil; p = r.prevInSentence(p) {
		if !p.rate {
			return p
		}
	}
	return nil
}

func (r *reader) prevInSentence(a *amt) *amt {
	if a.k > 0 && r.amts[a.k-1].sent == a.sent && r.amts[a.k-1].j <= a.i {
		return r.amts[a.k-1]
	}
	return nil
}

func (r *reader) startsWith(k int, m *matcher) bool {
	for k < len(r.toks) && !r.toks[k].word {
		k++
	}
	idx, _ := m.at(r.toks, k)
	return k < len(r.toks) && idx >= 0
}

// endsSentence: the amount closes its sentence ("4,6 M€. C'est le montant…").
func (r *reader) endsSentence(a *amt) bool {
	s := r.lay.sents[a.sent]
	return s[1]-a.j <= 1 && a.sent+1 < len(r.lay.sents)
}

// weakCue: in a document where some amount is plainly given, an amount followed
// by "pour", "au profit de"… ("Il y aura 300 000 € pour les missions locales").
func (r *reader) weakCue(a *amt) bool {
	if !r.anyCue || a.j >= len(r.toks) {
		return false
	}
	idx, _ := benefIntroM.at(r.toks, a.j)
	return idx >= 0 && r.toks[a.j].w != "avec"
}

// cued: the clause has a word of giving or receiving, or the amount is an item of
// a list whose sentence or heading has one.
func (r *reader) cued(a *amt) bool {
	s := r.lay.sents[a.sent]
	if r.sentHasCue(a.sent) {
		return true
	}
	// A sentence of the amount alone ("4,6 M€. C'est le montant…"): the next one.
	if (s[1]-s[0] <= a.j-a.i+4 || r.endsSentence(a)) && a.sent+1 < len(r.lay.sents) {
		if r.sentHasCue(a.sent + 1) {
			return true
		}
	}
	// A list item: the sentence that opens the list.
	p := r.lay.paraOf[a.i]
	if a.paren && a.sent > 0 && r.lay.paraOf[r.lay.sents[a.sent-1][0]] == p {
		if r.sentHasCue(a.sent - 1) {
			return true
		}
	}
	if a.paren || r.lay.bullet[p] {
		for q := p - 1; q >= 0 && q >= p-12; q-- {
			ps := r.lay.paras[q]
			if !r.lay.bullet[q] {
				at, _ := findIn(r.toks, ps[0], ps[1], cueM)
				return at >= 0 || r.cuedList(ps)
			}
		}
	}
	return false
}

// cuedList: a paragraph introducing a list with a colon.
func (r *reader) cuedList(ps [2]int) bool {
	return ps[1] > ps[0] && r.toks[ps[1]-1].w == ":"
}

// agentAfter returns the mention that pays, named right after a: "N € de la
// Région", "N versés par l'État", "N, que le Département consacre…", or -1.
func (r *reader) agentAfter(a *amt) int {
	end := min(a.j+8, a.seg[1], r.lay.sents[a.sent][1])
	if a.paren {
		end = min(a.j+6, r.lay.sents[a.sent][1])
	}
	x, y := r.within(a.j, end)
	for k := x; k < y; k++ {
		m := r.mention(k)
		if m.role == roleAgent && !r.crosses(a.j, m.i) {
			return k
		}
		if m.role == roleSubject && m.i >= 2 && (r.toks[m.i-1].w == "que" || r.toks[m.i-1].w == "qu'" ||
			r.toks[m.i-2].w == "que" || r.toks[m.i-2].w == "qu'") {
			return k
		}
	}
	return -1
}

// crosses reports whether tokens [i, j) leave the clause: a closing parenthesis,
// a semicolon or a coordination to another item.
func (r *reader) crosses(i, j int) bool {
	for k := i; k < j; k++ {
		switch r.toks[k].w {
		case ")", ";", "et", "ou":
			return true
		}
	}
	return false
}

// funderOf returns the index of the mention that pays a, or -1: the one the clause
// names, else the last one the text named before (unless a total of several
// funders came between), else the first one it names.
func (r *reader) funderOf(a *amt) int {
	s := r.lay.sents[a.sent]
	if k := r.planFunder(a); k >= 0 {
		return k
	}
	if a.paren && a.i > 0 && r.toks[a.i-1].w == "(" {
		x, y := r.within(a.i-12, a.i)
		for k := x; k < y; k++ {
			if m := r.mention(k); m.j == a.i-1 && m.eligible() {
				return k
			}
		}
	}
	if k := r.agentAfter(a); k >= 0 {
		return k
	}
	x, y := r.within(s[0], a.i)
	for k := y - 1; k >= x; k-- {
		if m := r.mention(k); m.j <= a.i && m.eligible() {
			return k
		}
	}
	x, y = r.within(a.j, s[1])
	for k := x; k < y; k++ {
		if m := r.mention(k); m.j <= s[1] && m.eligible() {
			return k
		}
	}
	if k := r.homeFunder(a); k >= 0 {
		return k
	}
	if r.endsSentence(a) {
		n := r.lay.sents[a.sent+1]
		x, y := r.within(n[0], n[1])
		for k := x; k < y; k++ {
			if m := r.mention(k); m.j <= n[1] && (m.role == roleAgent || m.role == roleSubject) && m.eligible() {
				return k
			}
		}
	}
	return r.carried(a)
}

func (r *reader) carried(a *amt) int {
	reset := -1
	for _, t := range r.resets {
		if t <= a.i {
			reset = t
		}
	}
	_, y := r.within(0, a.i)
	for k := y - 1; k >= 0 && r.ms[k].i >= reset; k-- {
		if m := r.mention(k); m.j <= a.i && m.eligible() {
			return k
		}
	}
	if reset >= 0 {
		return -1
	}
	if r.firstElig == -2 {
		r.firstElig = -1
		for k := range r.ms[:r.nMain] {
			if r.mention(k).eligible() {
				r.firstElig = k
				break
			}
		}
	}
	return r.firstElig
}

// within returns the range [x, y) of the mentions found in the text that start
// in tokens [lo, hi).
func (r *reader) within(lo, hi int) (int, int) {
	ms := r.ms[:r.nMain]
	x := sort.Search(len(ms), func(k int) bool { return ms[k].i >= lo })
	y := sort.Search(len(ms), func(k int) bool { return ms[k].i >= hi })
	return x, max(x, y)
}

// A cspan is one mention of a commune.
type cspan struct {
	corpus.Span
	c int // index in Input.Communes
}

// indexCommunes sorts the communes' mentions by position.
func (r *reader) indexCommunes() {
	r.cspans = r.bufs.cspans[:0] // lent: read during the call only
	for k, c := range r.in.Communes {
		for _, sp := range c.Spans {
			r.cspans = append(r.cspans, cspan{sp, k})
		}
	}
	r.bufs.cspans = r.cspans[:0]
	// slices.SortFunc is sort.Slice's algorithm, without its reflection's allocations.
	slices.SortFunc(r.cspans, func(a, b cspan) int { return cmp.Compare(a.Start, b.Start) })
}
