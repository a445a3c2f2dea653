package themes

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"terril/corpus"
	"terril/extract/text"
)

// Classify returns the themes t deals with, best first, and the evidence for each:
// the lexicon terms found, with their spans in t.S and the theme's score. title is
// the document's title; when it occurs in the text its words weigh more there, and
// when it does not, its terms are reported with the span {-1, -1}.
func (th *Themes) Classify(t *text.Text, title string) ([]string, []corpus.ThemeEvidence) {
	if t == nil {
		return nil, nil
	}
	tk := text.Lex(t)
	return th.ClassifyTokens(&tk, title, nil)
}

// Scratch holds the scanners of the text and of the title and the working slices
// of the scoring, lent by the caller of ClassifyTokens to be reused from one
// document to the next: nothing of them is kept in a result.
type Scratch struct {
	main, title scanner
	scores      []float64
	perTerm     []contrib
	keys        []uint64  // scores' sort keys
	cs          []float64 // scores' contributions of one term
	order       []int
	terms       []themeMatch
	counts      []int32
	at          []int32 // evidence's cursors, see termRuns
}

// ClassifyTokens is Classify over the text's tokens (text.Lex), with buf, when not
// nil, lending the scanners and slices of the scan (and getting them back).
func (th *Themes) ClassifyTokens(tk *text.Tokens, title string, buf *Scratch) ([]string, []corpus.ThemeEvidence) {
	return th.classify(tk, title, nil, buf)
}

// ClassifyTitled is ClassifyTokens with the title also given lexed, tt (text.Lex of
// text.New(title); nil or empty when not at hand), as extract.Extractor lexes it
// once for every extractor that reads it.
func (th *Themes) ClassifyTitled(tk *text.Tokens, title string, tt *text.Tokens, buf *Scratch) ([]string, []corpus.ThemeEvidence) {
	if tt != nil && (tt.T == nil || tt.T.S != title) {
		tt = nil
	}
	return th.classify(tk, title, tt, buf)
}

// classify is ClassifyTokens, with the title's tokens tt when the caller has them
// (nil: the title is folded and lexed here as needed).
func (th *Themes) classify(tk *text.Tokens, title string, tt *text.Tokens, buf *Scratch) ([]string, []corpus.ThemeEvidence) {
	if tk == nil || tk.T == nil {
		return nil, nil
	}
	if buf == nil {
		buf = new(Scratch)
	}
	defer buf.release()
	sc, extra := th.scanners(tk, title, tt, buf)
	sc.scan()
	matches := sc.match()
	sc.boostEnumerations(matches)
	var titleMatches []themeMatch
	if extra != nil {
		extra.scan()
		titleMatches = extra.match()
	}
	scores := th.scores(matches, titleMatches, buf)
	order := th.kept(scores, float64(len(tk.T.S))/float64(max(1, sc.acts)), matches, titleMatches, buf)
	if len(order) == 0 {
		return nil, nil
	}
	return th.evidence(sc, order, scores, matches, titleMatches, buf)
}

// release drops what the scanners point to of the document, keeping their slices.
func (buf *Scratch) release() {
	buf.main.reset(nil, nil, nil, -1, -1)
	buf.title.reset(nil, nil, nil, -1, -1)
}

// reset readies sc for the text t lexed as lx, keeping its slices (emptied).
func (sc *scanner) reset(th *Themes, t *text.Text, lx []text.Token, titleStart, titleEnd int) {
	*sc = scanner{th: th, t: t, lx: lx, titleStart: titleStart, titleEnd: titleEnd,
		toks: sc.toks[:0], quotes: sc.quotes[:0], sents: sc.sents[:0], matches: sc.matches[:0], segs: sc.segs[:0],
		lastEnd: sc.lastEnd[:0], best: sc.best[:0]}
	if t != nil {
		sc.s = t.Folded
	}
}

// scanners returns the scanner of the text of tk and, when the title does not occur
// near its start, a scanner of the title: buf's. tt is the title lexed, or nil.
func (th *Themes) scanners(tk *text.Tokens, title string, tt *text.Tokens, buf *Scratch) (sc, extra *scanner) {
	t := tk.T
	sc = &buf.main
	sc.reset(th, t, tk.Toks, -1, -1)
	var folded string
	if tt != nil {
		folded = tt.F
	} else {
		folded = text.Fold(title)
	}
	ftitle := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(folded), "…"))
	if ftitle == "" {
		return sc, nil
	}
	limit := min(len(t.Folded), 4000)
	if k := strings.Index(t.Folded[:limit], ftitle); k >= 0 {
		// The title weighs more where the text repeats it as a line of its own,
		// not when it is only the start of the first paragraph.
		end := k + len(ftitle)
		if !strings.HasSuffix(strings.TrimSpace(title), "…") && (end == len(t.Folded) || t.Folded[end] == '\n') {
			sc.titleStart, sc.titleEnd = k, end
		}
		return sc, nil
	}
	extra = &buf.title
	if tt != nil && strings.TrimSpace(title) == title {
		extra.reset(th, tt.T, tt.Toks, 0, len(tt.F))
		return sc, extra
	}
	ft := text.New(strings.TrimSpace(title))
	extra.reset(th, ft, text.Lex(ft).Toks, 0, len(ft.Folded))
	return sc, extra
}

// orig returns the original text of the span [i, j) of sc.s.
func (sc *scanner) orig(i, j int) string {
	a, b := sc.t.Orig(i, j)
	return sc.t.S[a:b]
}

// A contrib is one match's contribution to its term's score.
type contrib struct {
	entry int32
	c     float64
}

// scores returns the score of each theme. Each term's contributions, best first,
// weigh less and less (@repeat): the contributions are gathered, sorted by term then
// weight, and summed per term.
func (th *Themes) scores(matches, titleMatches []themeMatch, buf *Scratch) []float64 {
	scores := slices.Grow(buf.scores[:0], len(th.ids))[:len(th.ids)]
	clear(scores)
	buf.scores = scores
	perTerm := slices.Grow(buf.perTerm[:0], len(matches)+len(titleMatches))
	for _, ms := range [2][]themeMatch{matches, titleMatches} {
		for _, m := range ms {
			if th.entries[m.entry].theme >= 0 && m.contribution > 0 {
				perTerm = append(perTerm, contrib{m.entry, m.contribution})
			}
		}
	}
	// Sorted by term as integer keys (term, index), whose comparisons need no
	// call, then each term's few contributions by weight. Equal contributions
	// may come in any order: the sum is the same.
	keys := slices.Grow(buf.keys[:0], len(perTerm))
	for i, p := range perTerm {
		keys = append(keys, uint64(p.entry)<<32|uint64(i))
	}
	slices.Sort(keys)
	cs := buf.cs[:0]
	for a := 0; a < len(keys); {
		e := int32(keys[a] >> 32)
		cs = cs[:0]
		for ; a < len(keys) && int32(keys[a]>>32) == e; a++ {
			cs = append(cs, perTerm[uint32(keys[a])].c)
		}
		slices.Sort(cs) // contributions are positive numbers: the largest last
		f := 1.0
		sum := 0.0
		for k := len(cs) - 1; k >= 0; k-- {
			sum += cs[k] * f
			f *= th.set.repeat
		}
		scores[th.entries[e].theme] += sum
	}
	buf.perTerm, buf.keys, buf.cs = perTerm[:0], keys[:0], cs[:0]
	return scores
}

// kept returns the themes whose score reaches the threshold, best first. A long
// text needs more evidence; a recueil of several acts is judged by the length of
// one act, actLen.
func (th *Themes) kept(scores []float64, actLen float64, matches, titleMatches []themeMatch, buf *Scratch) []int {
	threshold := th.set.threshold
	length := actLen
	if th.set.long > 0 && length > th.set.long {
		threshold *= 1 + 0.5*math.Log2(length/th.set.long)
	}
	order := buf.order[:0]
	for ti, s := range scores {
		if s >= threshold && s > 0 && th.corroborated(ti, matches, titleMatches) {
			order = append(order, ti)
		}
	}
	buf.order = order[:0]
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	return order
}

// maxTerms is the most terms reported for a theme.
const maxTerms = 20

// evidence returns the ids and the evidence of the themes of order: the terms of
// each, in text order, up to maxTerms (the best), with their spans.
func (th *Themes) evidence(sc *scanner, order []int, scores []float64, matches, titleMatches []themeMatch, buf *Scratch) ([]string, []corpus.ThemeEvidence) {
	t := sc.t
	ids := make([]string, len(order))
	ev := make([]corpus.ThemeEvidence, len(order))
	// The terms of all the themes share one array: each theme's are counted first.
	// counts has two counters a theme, of its text's and its title's terms.
	counts := slices.Grow(buf.counts[:0], 2*len(th.ids))[:2*len(th.ids)]
	clear(counts)
	buf.counts = counts
	for p, ms := range [2][]themeMatch{matches, titleMatches} {
		for _, m := range ms {
			if ti := th.entries[m.entry].theme; ti >= 0 && m.contribution > 0 {
				counts[2*ti+p]++
			}
		}
	}
	n := 0
	for _, ti := range order {
		n += min(int(counts[2*ti]+counts[2*ti+1]), maxTerms)
	}
	all := make([]corpus.Term, n)
	pool, at := th.termRuns(order, counts, matches, titleMatches, buf)
	for k, ti := range order {
		ids[k] = th.ids[ti]
		// termRuns left the cursors at the ends of the theme's runs.
		terms := pool[at[2*ti]-counts[2*ti] : at[2*ti+1]]
		nText := int(counts[2*ti])
		if len(terms) > maxTerms {
			terms, nText = bestTerms(terms, nText)
		}
		out := all[:len(terms):len(terms)]
		all = all[len(terms):]
		for i, m := range terms {
			out[i].Term = th.entries[m.entry].term
			if i < nText {
				a, b := t.Orig(int(sc.toks[m.first].start), int(sc.toks[m.last-1].end))
				out[i].Start, out[i].End = a, b
			} else {
				out[i].Start, out[i].End = -1, -1
			}
		}
		ev[k] = corpus.ThemeEvidence{Theme: th.ids[ti], Score: math.Round(scores[ti]*100) / 100, Terms: out}
	}
	return ids, ev
}

// termRuns gathers in one walk the terms of each theme of order, in buf.terms: a
// run each, its text's terms then its title's, in text order, as counted in counts
// (two a theme, see evidence). It returns them and the cursors that filled them,
// at the end of each theme's two runs.
func (th *Themes) termRuns(order []int, counts []int32, matches, titleMatches []themeMatch, buf *Scratch) ([]themeMatch, []int32) {
	at := slices.Grow(buf.at[:0], len(counts))[:len(counts)]
	for i := range at {
		at[i] = -1 // a theme not kept
	}
	buf.at = at
	total := int32(0)
	for _, ti := range order {
		at[2*ti], at[2*ti+1] = total, total+counts[2*ti]
		total += counts[2*ti] + counts[2*ti+1]
	}
	pool := slices.Grow(buf.terms[:0], int(total))[:total]
	buf.terms = pool
	for p, ms := range [2][]themeMatch{matches, titleMatches} {
		for _, m := range ms {
			if ti := th.entries[m.entry].theme; ti >= 0 && m.contribution > 0 && at[2*ti+p] >= 0 {
				pool[at[2*ti+p]] = m
				at[2*ti+p]++
			}
		}
	}
	return pool, at
}

// byLarger orders the larger first and ties as equal, as the test "x > y" does.
func byLarger(x, y float64) int {
	switch {
	case x > y:
		return -1
	case y > x:
		return 1
	}
	return 0
}

// bestTerms keeps the maxTerms terms of largest contribution, in their order, and
// says how many of them are among the first nText (those found in the text).
func bestTerms(terms []themeMatch, nText int) ([]themeMatch, int) {
	idx := make([]int, len(terms))
	for i := range idx {
		idx[i] = i
	}
	// slices' sorts are sort's algorithms without the reflection's allocations.
	slices.SortStableFunc(idx, func(a, b int) int { return byLarger(terms[a].contribution, terms[b].contribution) })
	idx = idx[:maxTerms]
	slices.Sort(idx)
	kept := make([]themeMatch, 0, maxTerms)
	n := 0
	for _, i := range idx {
		kept = append(kept, terms[i])
		if i < nText {
			n++
		}
	}
	return kept, n
}
