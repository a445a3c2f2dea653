package themes

import (
	"cmp"
	"math"
	"slices"
	"sort"
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

// Scratch holds the slices of the text's scan and matching, lent by the caller of
// ClassifyTokens to be reused from one document to the next: nothing of them is kept.
type Scratch struct {
	toks    []themeToken
	sents   []sentenceInfo
	quotes  []themeQuote
	matches []themeMatch
	segs    []themeSegment
}

// ClassifyTokens is Classify over the text's tokens (text.Lex), with buf, when not
// nil, lending the slices of the scan (and getting them back).
func (th *Themes) ClassifyTokens(tk *text.Tokens, title string, buf *Scratch) ([]string, []corpus.ThemeEvidence) {
	if tk == nil || tk.T == nil {
		return nil, nil
	}
	sc, extra := th.scanners(tk, title)
	if buf != nil {
		sc.toks, sc.sents, sc.quotes, sc.matches = buf.toks[:0], buf.sents[:0], buf.quotes[:0], buf.matches[:0]
		sc.segs = buf.segs[:0]
		defer func() {
			buf.toks, buf.sents, buf.quotes, buf.matches = sc.toks[:0], sc.sents[:0], sc.quotes[:0], sc.matches[:0]
			buf.segs = sc.segs[:0]
		}()
	}
	sc.scan()
	matches := sc.match()
	sc.boostEnumerations(matches)
	var titleMatches []themeMatch
	if extra != nil {
		extra.scan()
		titleMatches = extra.match()
	}
	scores := th.scores(matches, titleMatches)
	order := th.kept(scores, float64(len(tk.T.S))/float64(max(1, sc.acts)), matches, titleMatches)
	if len(order) == 0 {
		return nil, nil
	}
	return th.evidence(sc, order, scores, matches, titleMatches)
}

// scanners returns the scanner of the text of tk and, when the title does not occur
// near its start, a scanner of the title.
func (th *Themes) scanners(tk *text.Tokens, title string) (sc, extra *scanner) {
	t := tk.T
	sc = &scanner{th: th, t: t, s: t.Folded, lx: tk.Toks, titleStart: -1, titleEnd: -1,
		orig: func(i, j int) string { a, b := t.Orig(i, j); return t.S[a:b] }}
	ftitle := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text.Fold(title)), "…"))
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
	ft := text.New(strings.TrimSpace(title))
	extra = &scanner{th: th, t: ft, s: ft.Folded, lx: text.Lex(ft).Toks, titleStart: 0, titleEnd: len(ft.Folded),
		orig: func(i, j int) string { a, b := ft.Orig(i, j); return ft.S[a:b] }}
	return sc, extra
}

// scores returns the score of each theme. Each term's contributions, best first,
// weigh less and less (@repeat): the contributions are gathered, sorted by term then
// weight, and summed per term.
func (th *Themes) scores(matches, titleMatches []themeMatch) []float64 {
	scores := make([]float64, len(th.ids))
	type contrib struct {
		entry int32
		c     float64
	}
	perTerm := make([]contrib, 0, len(matches)+len(titleMatches))
	for _, ms := range [2][]themeMatch{matches, titleMatches} {
		for _, m := range ms {
			if th.entries[m.entry].theme >= 0 && m.contribution > 0 {
				perTerm = append(perTerm, contrib{m.entry, m.contribution})
			}
		}
	}
	slices.SortFunc(perTerm, func(a, b contrib) int {
		if a.entry != b.entry {
			return cmp.Compare(a.entry, b.entry)
		}
		return cmp.Compare(b.c, a.c)
	})
	for i := 0; i < len(perTerm); {
		e := perTerm[i].entry
		f := 1.0
		sum := 0.0
		for ; i < len(perTerm) && perTerm[i].entry == e; i++ {
			sum += perTerm[i].c * f
			f *= th.set.repeat
		}
		scores[th.entries[e].theme] += sum
	}
	return scores
}

// kept returns the themes whose score reaches the threshold, best first. A long
// text needs more evidence; a recueil of several acts is judged by the length of
// one act, actLen.
func (th *Themes) kept(scores []float64, actLen float64, matches, titleMatches []themeMatch) []int {
	threshold := th.set.threshold
	length := actLen
	if th.set.long > 0 && length > th.set.long {
		threshold *= 1 + 0.5*math.Log2(length/th.set.long)
	}
	var order []int
	for ti, s := range scores {
		if s >= threshold && s > 0 && th.corroborated(ti, matches, titleMatches) {
			order = append(order, ti)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	return order
}

// maxTerms is the most terms reported for a theme.
const maxTerms = 20

// evidence returns the ids and the evidence of the themes of order: the terms of
// each, in text order, up to maxTerms (the best), with their spans.
func (th *Themes) evidence(sc *scanner, order []int, scores []float64, matches, titleMatches []themeMatch) ([]string, []corpus.ThemeEvidence) {
	t := sc.t
	ids := make([]string, len(order))
	ev := make([]corpus.ThemeEvidence, len(order))
	var termBuf []themeMatch // the terms of one theme, reused from one to the next
	for k, ti := range order {
		ids[k] = th.ids[ti]
		terms := termBuf[:0]
		for _, m := range matches {
			if th.entries[m.entry].theme == ti && m.contribution > 0 {
				terms = append(terms, m)
			}
		}
		nText := len(terms)
		for _, m := range titleMatches {
			if th.entries[m.entry].theme == ti && m.contribution > 0 {
				terms = append(terms, m)
			}
		}
		termBuf = terms[:0]
		if len(terms) > maxTerms {
			terms, nText = bestTerms(terms, nText)
		}
		out := make([]corpus.Term, len(terms))
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

// bestTerms keeps the maxTerms terms of largest contribution, in their order, and
// says how many of them are among the first nText (those found in the text).
func bestTerms(terms []themeMatch, nText int) ([]themeMatch, int) {
	idx := make([]int, len(terms))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return terms[idx[a]].contribution > terms[idx[b]].contribution })
	idx = idx[:maxTerms]
	sort.Ints(idx)
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
