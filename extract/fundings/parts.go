package fundings

import (
	"math"

	"terril/corpus"
	"terril/extract/text"
)

// dedupe keeps one funding for an amount the text gives twice in different
// sentences ("4,66 M€" and later "4 660 794 €"): the one with the most evidence.
func (r *reader) dedupe() {
	for k, a := range r.amts {
		if a.skip {
			continue
		}
		for _, b := range r.amts[k+1:] {
			if b.skip || b.sent == a.sent || !close(a.a.Value, b.a.Value) || r.bothItems(a, b) {
				continue
			}
			if b.score > a.score {
				a.skip = true
				break
			}
			b.skip = true
		}
	}
}

// bothItems: two items of a list ("- Fonds vert : 2 736 000 €", "- Communauté
// d'agglomération : 2 736 000 €") are two fundings whatever their amounts.
func (r *reader) bothItems(a, b *amt) bool {
	return r.lay.bullet[r.lay.paraOf[a.i]] && r.lay.bullet[r.lay.paraOf[b.i]]
}

func close(x, y float64) bool {
	return math.Abs(x-y) <= 0.005*math.Max(math.Abs(x), 1)
}

// output returns the kept fundings, with their totals.
func (r *reader) output() []corpus.Funding {
	var out []corpus.Funding
	index := map[*amt]int{}
	for _, a := range r.amts {
		if a.skip {
			continue
		}
		index[a] = len(out)
		out = append(out, a.fund)
	}
	for _, a := range r.amts {
		if a.skip || a.partOf < 0 {
			continue
		}
		if t, ok := index[r.amts[a.partOf]]; ok {
			out[index[a]].PartOf = &t
		}
	}
	return out
}

// parts finds the amounts that are parts of a total also recorded: after "dont",
// "soit", a colon, "notamment" in the total's sentence; in a later sentence that
// opens with such a word ("Le volet social…", "Sur cette somme"); earmarked amounts
// that add up to it; and any later, smaller amount of the same funder after a
// total the text calls one ("un total de", "un montant global de", "322 dossiers").
// Each part points at the root total.
func (r *reader) parts() {
	kept := r.kept()
	r.totals = map[*amt]bool{}
	for _, t := range kept {
		r.totals[t] = r.totalish(t)
	}
	for x, b := range kept {
		// A total comes within a few hundred amounts before its parts.
		for y := x - 1; y >= 0 && y >= x-300 && b.partOf < 0; y-- {
			t := kept[y]
			if t.a.Value <= b.a.Value || !r.sameFunder(t, b) {
				continue
			}
			switch {
			case t.sent == b.sent && r.cueBetween(t.j, b.i):
				r.setPart(b, t)
			case t.sent != b.sent && r.laterCue(r.lay.sents[b.sent][0], b.i):
				r.setPart(b, t)
			case r.totals[t]:
				r.setPart(b, t)
			}
		}
	}
	for x, t := range kept {
		sum := 0.0
		for y := x + 1; y < len(kept); y++ {
			b := kept[y]
			if b.sent > t.sent+2 || b.a.Value >= t.a.Value {
				break
			}
			sum += b.a.Value
			if y > x+1 && close(sum, t.a.Value) {
				for _, p := range kept[x+1 : y+1] {
					if p.partOf < 0 {
						r.setPart(p, t)
					}
				}
				break
			}
		}
	}
}

func (r *reader) kept() []*amt {
	var out []*amt
	for _, a := range r.amts {
		if !a.skip {
			out = append(out, a)
		}
	}
	return out
}

// setPart makes b a part of t's root total.
func (r *reader) setPart(b, t *amt) {
	idx := t.k
	for idx >= 0 && r.amts[idx].partOf >= 0 {
		idx = r.amts[idx].partOf
	}
	b.partOf = idx
}

func (r *reader) laterCue(i, j int) bool {
	at, _ := findIn(r.toks, i, j, laterPartM)
	return at >= 0
}

func (r *reader) cueBetween(i, j int) bool {
	at, _ := findIn(r.toks, i, j, partM)
	return at >= 0
}

// totalish: the clause calls the amount a total, or gives it to a counted set.
func (r *reader) totalish(t *amt) bool {
	if at, _ := findIn(r.toks, max(t.seg[0], t.i-6), min(t.seg[1], t.j+3), totalM); at >= 0 {
		return true
	}
	_, _, ok := r.countedSet(t.seg[0], t.seg[1])
	return ok
}

func (r *reader) sameFunder(a, b *amt) bool {
	fa, fb := r.ms[a.funder], r.ms[b.funder]
	if fa.kind == kindState && fb.kind == kindState {
		return true
	}
	return fa.kind == fb.kind && r.foldedName(a.funder) == r.foldedName(b.funder)
}

// foldedName returns the folded full name of mention k, folded once, when first
// compared: most mentions never are.
func (r *reader) foldedName(k int) string {
	if !r.foldDone[k] {
		r.folded[k], r.foldDone[k] = text.Fold(r.names[k]), true
	}
	return r.folded[k]
}
