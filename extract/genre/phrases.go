package genre

import (
	"math/bits"
	"slices"
	"strings"

	"terril/extract/text"
)

// A phraseSet matches multi-word phrases on tokens, ignoring hyphens and
// apostrophes between words ("procès-verbal" = "procès verbal", "l'aide" = "l aide").
// A bit set of first bytes and lengths spares most words any comparison; the others
// are compared with the first words of their first byte and length (one or two).
type phraseSet struct {
	mask [256]uint64 // bit n of mask[c]: some first word starts with c and has length n
	last [256]uint64 // bit n of last[c]: some first word ends with c and has length n
	// The first words starting with byte c and of length n are words[lo:hi] of
	// groups[g], g being group[c] plus the number of lengths below n in mask[c].
	group  [256]uint8
	groups [][2]uint8
	words  []firstWord
}

// firstWord is the first word of phrases, with them.
type firstWord struct {
	w    string
	list []phrase
}

type phrase struct {
	rest []string
	cat  int
	// heading: the phrase (marked "^" or "@" in its list) counts twice when it starts
	// a line (acts' headings "RECUEIL DES ACTES", "EXTRAIT DU REGISTRE"); headingOnly
	// (marked "@"): and not elsewhere.
	heading, headingOnly bool
}

func newPhraseSet(m map[int][]string) *phraseSet {
	first := map[string][]phrase{}
	for cat, list := range m {
		for _, p := range list {
			heading, only := strings.HasPrefix(p, "^"), strings.HasPrefix(p, "@")
			words := strings.Fields(strings.TrimLeft(p, "^@"))
			w := words[0]
			if len(w) >= 64 {
				panic("phraseSet: first word too long: " + w)
			}
			first[w] = append(first[w], phrase{rest: words[1:], cat: cat, heading: heading || only, headingOnly: only})
		}
	}
	ps := &phraseSet{}
	for w, list := range first {
		ps.words = append(ps.words, firstWord{w, list})
		ps.mask[w[0]] |= 1 << len(w)
		ps.last[w[len(w)-1]] |= 1 << len(w)
	}
	// By first byte, then length, then word (for a fixed order).
	slices.SortFunc(ps.words, func(a, b firstWord) int {
		if a.w[0] != b.w[0] {
			return int(a.w[0]) - int(b.w[0])
		}
		if len(a.w) != len(b.w) {
			return len(a.w) - len(b.w)
		}
		return strings.Compare(a.w, b.w)
	})
	if len(ps.words) > 255 {
		panic("phraseSet: too many first words")
	}
	for lo := 0; lo < len(ps.words); {
		hi := lo + 1
		for hi < len(ps.words) && ps.words[hi].w[0] == ps.words[lo].w[0] && len(ps.words[hi].w) == len(ps.words[lo].w) {
			hi++
		}
		if lo == 0 || ps.words[lo-1].w[0] != ps.words[lo].w[0] {
			ps.group[ps.words[lo].w[0]] = uint8(len(ps.groups))
		}
		ps.groups = append(ps.groups, [2]uint8{uint8(lo), uint8(hi)})
		lo = hi
	}
	return ps
}

// count adds to n[cat] the phrases of category cat matched at tokens in [from, to).
func (ps *phraseSet) count(x *text.Tokens, from, to int, n *[nCues]int) {
	toks := x.Toks[:to]
	for i := from; i < len(toks); i++ {
		if ps.maybe(x, &toks[i]) {
			ps.countAt(x, i, n)
		}
	}
}

// maybe reports whether a first word can be token tk: one of its length starts with
// its first byte and ends with its last. No first word starts with a byte of
// punctuation: the masks leave them out.
func (ps *phraseSet) maybe(x *text.Tokens, tk *text.Token) bool {
	l := uint32(tk.E - tk.S)
	return l < 64 && ps.mask[x.F[tk.S]]>>l&1 != 0 && ps.last[x.F[tk.E-1]]>>l&1 != 0
}

// countAt is count at token i, whose first byte and length are in ps.mask.
func (ps *phraseSet) countAt(x *text.Tokens, i int, n *[nCues]int) {
	toks := x.Toks
	w := x.F[toks[i].S:toks[i].E]
	g := ps.groups[int(ps.group[w[0]])+bits.OnesCount64(ps.mask[w[0]]&(1<<len(w)-1))]
	for j := int(g[0]); j < int(g[1]); j++ {
		// The words of a group share w's first byte and length: the last byte tells
		// most of them apart without a call.
		fw := &ps.words[j]
		if fw.w[len(w)-1] != w[len(w)-1] || fw.w != w {
			continue
		}
		atStart := i == 0 || toks[i].Gap >= text.GapLine
		for k := range fw.list {
			p := &fw.list[k]
			if !restAt(x, i+1, p.rest) {
				continue
			}
			switch {
			case p.heading && atStart:
				n[p.cat] += 2
			case !p.headingOnly:
				n[p.cat]++
			}
		}
		return
	}
}

// restAt reports whether the words rest follow from token k, hyphens and apostrophes
// between them skipped, within the paragraph.
func restAt(x *text.Tokens, k int, rest []string) bool {
	for _, w := range rest {
		for x.IsPunct(k, "-") || x.IsPunct(k, "'") {
			k++
		}
		if x.Str(k) != w || x.Toks[k].Gap >= text.GapPara {
			return false
		}
		k++
	}
	return true
}
