package themes

import (
	"slices"
)

type themeMatch struct {
	entry        int32
	first, last  int32 // token indices [first, last)
	contribution float64
	emph         bool // in the title, a heading, an act's object or a list item's head
	funded       bool // in a sentence with a euro amount
}

// corroborated reports whether theme ti rests on more than one passing word: a
// match in the title, a heading, an act's object, a list item's head or a funded
// sentence; or, among the matches that weigh at least @single, a term found twice
// or two different terms (terms sharing no word: "logement" and "logements
// sociaux" are one). With @single 0 (the default) every theme is corroborated.
func (th *Themes) corroborated(ti int, lists ...[]themeMatch) bool {
	if th.set.single <= 0 {
		return true
	}
	first := int32(-1)
	firstFirst := int32(-1)
	for _, ms := range lists {
		for _, m := range ms {
			e := &th.entries[m.entry]
			if e.theme != ti || m.contribution <= 0 {
				continue
			}
			if m.emph {
				return true
			}
			if m.funded {
				return true
			}
			if m.contribution < th.set.single {
				continue
			}
			if first < 0 {
				first = m.entry
				firstFirst = m.first
				continue
			}
			if m.entry == first && m.first != firstFirst {
				return true
			}
			if m.entry != first && !th.shareWord(first, m.entry) {
				return true
			}
		}
	}
	return false
}

// shareWord reports whether entries a and b have a word in common.
func (th *Themes) shareWord(a, b int32) bool {
	ea, eb := &th.entries[a], &th.entries[b]
	for _, w := range ea.words {
		if slices.Contains(eb.words, w) {
			return true
		}
	}
	return false
}

// match finds the lexicon terms among the scanned tokens: at each token, the longest
// entries that match (the most specific mode first), dropping a match contained in
// an earlier one, and computes each match's contribution.
func (sc *scanner) match() []themeMatch {
	th := sc.th
	set := &th.set
	if n := len(sc.toks)/16 + 8; cap(sc.matches) < n { // about one match per 20 content words
		sc.matches = make([]themeMatch, 0, n)
	}
	out := sc.matches[:0]
	maxEnd := int32(0)
	lastEnd := slices.Grow(sc.lastEnd[:0], len(th.ids))[:len(th.ids)] // end of the last match of each theme
	clear(lastEnd)
	sc.lastEnd = lastEnd
	best := sc.best[:0]
	toks := sc.toks
	for i := 0; i < len(toks); i++ {
		// Most words start no entry: a tight loop skips them (stem and list
		// both -1 have their and negative).
		for i < len(toks) && toks[i].stem&toks[i].list < 0 {
			i++
		}
		if i == len(toks) {
			break
		}
		tk := &toks[i]
		best = best[:0]
		bestLen, bestMode := 0, matchMode(0)
		if tk.stem >= 0 {
			list := th.byStem[tk.stem]
			if i+1 == len(toks) || toks[i+1].stem < 0 {
				// The entries of two words or more compare the next token's stem
				// (all of byStem's are of stems): only the one-word entries, last,
				// may match.
				list = list[th.singles[tk.stem]:]
			}
			best, bestLen, bestMode = sc.longest(i, list, best, bestLen, bestMode)
		}
		if tk.list >= 0 {
			best, bestLen, bestMode = sc.longest(i, th.wordLists[tk.list], best, bestLen, bestMode)
		}
		if bestLen == 0 {
			continue
		}
		end := int32(i + bestLen)
		if end <= maxEnd {
			continue // inside an earlier match
		}
		maxEnd = end
		for _, ei := range best {
			m := themeMatch{entry: ei, first: int32(i), last: end}
			e := &th.entries[ei]
			if e.theme >= 0 {
				if m.first < lastEnd[e.theme] {
					continue // overlaps a match of the same theme: count the words once
				}
				lastEnd[e.theme] = end
				mult := float64(0)
				for k := m.first; k < m.last; k++ {
					mult = max(mult, float64(sc.toks[k].mult))
					m.emph = m.emph || sc.toks[k].emph
				}
				if tk.speech {
					mult *= set.speech
				}
				if sc.funded(tk.sent) {
					mult *= set.funded
					m.funded = true
				}
				if q := tk.quote; q >= 0 {
					qt := sc.quotes[q]
					if float64(m.last-m.first) < 0.6*float64(qt.last-qt.first) {
						mult *= set.quoted
					}
				}
				m.contribution = e.weight * mult
			}
			out = append(out, m)
		}
	}
	sc.matches, sc.best = out, best[:0]
	return out
}

// longest adds to best, the entries of the longest match at token i so far (of
// bestLen words, the most specific mode bestMode), those of list that match at i:
// list is token i's list in byStem or wordLists, sorted longest first.
func (sc *scanner) longest(i int, list []int32, best []int32, bestLen int, bestMode matchMode) ([]int32, int, matchMode) {
	th := sc.th
	for _, ei := range list {
		e := &th.entries[ei]
		if len(e.words) < bestLen {
			break // lists are sorted longest first
		}
		// matchAt, answered here where it can: a one-word entry of stems or
		// folded words matches (its first word is token i's), and most longer
		// entries of stems fail at token i+1.
		if e.mode == modeCase || len(e.words) > 1 {
			if e.mode == modeStem && (i+1 >= len(sc.toks) || sc.toks[i+1].stem != e.ids[1]) {
				continue
			}
			if !sc.matchAt(i, e) {
				continue
			}
		}
		switch {
		case len(e.words) > bestLen || len(e.words) == bestLen && e.mode > bestMode:
			best = append(best[:0], ei)
			bestLen, bestMode = len(e.words), e.mode
		case len(e.words) == bestLen && e.mode == bestMode:
			best = append(best, ei)
		}
	}
	return best, bestLen, bestMode
}

// matchAt reports whether entry e matches the tokens starting at i, within one
// sentence. e is in token i's list in byStem or wordLists: its first word matches
// token i, unless its case does not.
func (sc *scanner) matchAt(i int, e *themeEntry) bool {
	if i+len(e.words) > len(sc.toks) {
		return false
	}
	toks := sc.toks[i : i+len(e.words)]
	sent := toks[0].sent
	switch e.mode {
	case modeStem:
		for k := 1; k < len(toks); k++ {
			if toks[k].sent != sent || toks[k].stem != e.ids[k] || toks[k].gap && e.gaps>>k&1 == 0 {
				return false
			}
		}
	case modeExact:
		for k := 1; k < len(toks); k++ {
			if toks[k].sent != sent || sc.s[toks[k].start:toks[k].end] != e.words[k] || toks[k].gap && e.gaps>>k&1 == 0 {
				return false
			}
		}
	case modeCase:
		for k := range toks {
			if tk := &toks[k]; tk.sent != sent || sc.orig(int(tk.start), int(tk.end)) != e.words[k] ||
				k > 0 && tk.gap && e.gaps>>k&1 == 0 {
				return false
			}
		}
	}
	return true
}

// funded reports whether sentence s, or the one before it in the same paragraph,
// holds a euro amount.
func (sc *scanner) funded(s int32) bool {
	if sc.sents[s].amount {
		return true
	}
	return s > 0 && sc.sents[s-1].amount && sc.sents[s-1].para == sc.sents[s].para &&
		sc.sents[s].refers && !sc.sents[s].item
}
