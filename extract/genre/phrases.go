package genre

import (
	"slices"
	"strings"

	"terril/extract/text"
)

// A phraseSet matches multi-word phrases on tokens, ignoring hyphens and
// apostrophes between words ("procès-verbal" = "procès verbal", "l'aide" = "l aide").
// A bit set of first bytes and lengths spares most words any lookup; the others are
// looked up among the first words by their key (see wordKey), in a table of slots.
type phraseSet struct {
	mask [256]uint64 // bit n of mask[c]: some first word starts with c and has length n
	last [256]uint64 // bit n of last[c]: some first word ends with c and has length n
	// slots[h] is 1 + the index in words of a first word whose key hashes to h or,
	// when that slot is taken, to a slot before it (linear probing); 0 when empty.
	slots [phraseSlots]uint8
	keys  []uint64 // wordKey of each of words
	words []firstWord
}

// phraseSlots is the size of a phraseSet's table: four slots or more a first word
// (they are at most 255), so that probes are short and always end.
const (
	phraseBits  = 10
	phraseSlots = 1 << phraseBits
)

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
	for e, fw := range ps.words {
		k := wordKey(fw.w, 0, len(fw.w))
		ps.keys = append(ps.keys, k)
		h := slotOf(k, len(fw.w))
		for ps.slots[h] != 0 {
			h = (h + 1) & (phraseSlots - 1)
		}
		ps.slots[h] = uint8(e + 1)
	}
	return ps
}

// wordKey packs the first eight bytes (at most) of the word s[i:j] little-endian:
// with its length, it tells a word of up to eight bytes from any other.
func wordKey(s string, i, j int) uint64 {
	n := min(j-i, 8)
	if i+8 <= len(s) {
		w := s[i : i+8]
		k := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if n < 8 {
			k &= 1<<(8*n) - 1
		}
		return k
	}
	var k uint64
	for b := 0; b < n; b++ {
		k |= uint64(s[i+b]) << (8 * b)
	}
	return k
}

// slotOf is the first slot of the word of key k and length n.
func slotOf(k uint64, n int) int {
	return int((k ^ uint64(n)) * 0x9e3779b97f4a7c15 >> (64 - phraseBits))
}

// find returns the index in ps.words of the word s[i:j], -1 when it is no first word.
func (ps *phraseSet) find(s string, i, j int) int {
	n, k := j-i, wordKey(s, i, j)
	for h := slotOf(k, n); ; h = (h + 1) & (phraseSlots - 1) {
		e := int(ps.slots[h]) - 1
		if e < 0 {
			return -1
		}
		if ps.keys[e] == k && len(ps.words[e].w) == n && (n <= 8 || ps.words[e].w == s[i:j]) {
			return e
		}
	}
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
	e := ps.find(x.F, int(toks[i].S), int(toks[i].E))
	if e < 0 {
		return
	}
	fw := &ps.words[e]
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
