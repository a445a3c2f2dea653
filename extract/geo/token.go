package geo

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"terril/extract/text"
)

// Gap flags describe what separates a token from the one before it.
const (
	gapHard   = 1 << iota // punctuation other than the soft separators
	gapComma              // one comma
	gapJoined             // a hyphen or an apostrophe with no space: "Saint-Omer", "d'Arras"
	gapLine               // one line break
	gapSpace              // at least one space
	gapParen              // an opening parenthesis
	gapDot                // a full stop, or !, ?, : — a sentence may start after it
	gapPara               // a blank line
	gapDash               // an en or em dash
)

// A token is a run of letters and digits of the folded text: one or more glued
// word and number tokens of the shared stream (text.Tokens), "a330" and "1er" as one.
type token struct {
	s, e int32  // byte offsets in the folded text
	id   int32  // dictionary id, or -1
	gap  uint16 // gap flags before the token
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// hashMul is the multiplier of wordHash (the golden ratio's, as Fibonacci hashing).
const hashMul = 0x9e3779b97f4a7c15

// pack returns the bytes of s, at most eight, as a little-endian integer padded with
// zeros. No byte of a word is zero, so the integer tells the word of eight bytes or
// fewer.
func pack(s string) uint64 {
	var c uint64
	for i := len(s) - 1; i >= 0; i-- {
		c = c<<8 | uint64(s[i])
	}
	return c
}

// tokensOf derives the matcher's tokens from the shared token stream x, appending to
// toks. A token's dictionary id comes from tab when it is not nil (the fast path),
// else from lookup.
func tokensOf(x *text.Tokens, toks []token, tab *strTable, lookup func(string) int32) []token {
	first := len(toks)
	toks = viewOf(x, toks)
	f := x.F
	// The ids in a second pass: the view's loop stays free of calls. The table's
	// keys are hashed with wordHash, eight bytes at a time, not as they are lexed.
	if tab == nil {
		for k := first; k < len(toks); k++ {
			toks[k].id = lookup(f[toks[k].s:toks[k].e])
		}
		return toks
	}
	for k := first; k < len(toks); k++ {
		tk := &toks[k]
		s, e := int(tk.s), int(tk.e)
		if e-s > 8 || s+8 > len(f) {
			tk.id = tab.find(f, s, e)
			continue
		}
		// Most words: load's fast path and short, in the loop, which keeps its
		// registers without calls.
		w := word8(f[s:s+8]) & (^uint64(0) >> ((64 - 8*uint(e-s)) & 63))
		h := hashLast(0, w)
		if !tab.mayHold(h) {
			tk.id = -1
			continue
		}
		for i := h & tab.mask; ; i = (i + 1) & tab.mask {
			if sl := &tab.slots[i]; sl.word == w || sl.id < 0 {
				tk.id = sl.id
				break
			}
		}
	}
	return toks
}

// stringTokens lexes s (folding it) and derives its tokens, each with its id from
// lookup: for the gazetteer's names and for the names ResolveOrg and LookupEPCI get.
func stringTokens(s string, lookup func(string) int32) []token {
	x := text.Lex(text.New(s))
	return tokensOf(&x, nil, nil, lookup)
}

// viewOf appends the tokens of x to toks, their ids left for the caller: the shared stream's words and numbers glued together make one
// token, and its punctuation and white space the gap flags of the token after them.
// A gap holds everything since the token before, in the order of the text (joinGap
// reads what came before the hyphen). The loop makes no call but for the rare
// multi-byte punctuation.
func viewOf(x *text.Tokens, toks []token) []token {
	f := x.F
	// At most one token per shared token: the array is grown once.
	toks = slices.Grow(toks, len(x.Toks))
	n, buf := len(toks), toks[:cap(toks)]
	var gap uint16
	newlines := 0
	word := false // the last shared token was part of the last token
	for _, t := range x.Toks {
		switch t.Gap {
		case text.GapNone:
		case text.GapSpace:
			gap |= gapSpace
		case text.GapLine:
			newlines++
			gap |= gapLine | gapSpace
		default:
			newlines += 2
			gap |= gapLine | gapSpace
		}
		if t.Kind == text.Punct {
			switch c := f[t.S]; {
			case c >= utf8.RuneSelf:
				var sep bool
				if gap, sep = punctGap(f, t, gap); !sep {
					goto wordPart // a digit other than 0-9
				}
			case c == '-' || c == '\'':
				gap = joinGap(gap, c == '-')
			case c == ',':
				if gap&gapComma != 0 {
					gap |= gapHard
				}
				gap |= gapComma
			default:
				gap |= asciiGap[c]
			}
			word = false
			continue
		}
	wordPart:
		if !word || t.Gap != text.GapNone {
			if newlines > 1 {
				gap |= gapPara | gapDot
			}
			buf[n] = token{s: t.S, e: t.E, id: -1, gap: gap}
			n++
			gap, newlines, word = 0, 0, true
			continue
		}
		buf[n-1].e = t.E
	}
	return buf[:n]
}

// asciiGap gives the gap flags of the ASCII punctuation other than the hyphen, the
// apostrophe and the comma.
var asciiGap = func() (t [utf8.RuneSelf]uint16) {
	for c := range t {
		switch c {
		case '.':
			// "St. Omer": a full stop after an abbreviation is soft; the matcher decides.
			t[c] = gapDot
		case '(':
			t[c] = gapHard | gapParen
		case '!', '?', ':', ';':
			t[c] = gapHard | gapDot
		case '*', '_', '"':
			// markup and quotes: transparent
		default:
			t[c] = gapHard
		}
	}
	return t
}()

// punctGap adds the multi-byte punctuation token t to gap g, or reports that it is no
// separator (a digit other than 0-9, part of a word).
func punctGap(f string, t text.Token, g uint16) (uint16, bool) {
	r, _ := utf8.DecodeRuneInString(f[t.S:t.E])
	switch r {
	case '\u2010', '\u2011':
		g = joinGap(g, false)
	case '\u2013', '\u2014':
		g |= gapDash
	case '…':
		g |= gapHard | gapDot
	case '«', '»', '“', '”':
		// quotes: transparent
	default:
		if unicode.IsDigit(r) {
			return g, false
		}
		g |= gapHard
	}
	return g, true
}

// joinGap adds a hyphen or an apostrophe to gap g: glued to the word before, or after
// a space, a bullet at the start of a line when it is the ASCII hyphen.
func joinGap(g uint16, hyphen bool) uint16 {
	if g&gapSpace == 0 {
		g |= gapJoined
	} else if g&gapLine != 0 && hyphen {
		g |= gapHard // a bullet at the start of a line
	}
	return g
}

// soft reports whether a name may continue across gap g.
func soft(g uint16) bool { return g&(gapHard|gapDot|gapPara) == 0 }

// blank reports whether gap g is only white space, blank lines included: the words
// around it may still belong to one phrase cut by a PDF's layout ("sous-préfet de⏎⏎Lens").
func blank(g uint16) bool {
	return g&(gapHard|gapComma|gapParen) == 0 && (g&gapDot == 0 || g&gapPara != 0)
}

// A strTable is a read-only open-addressing hash table from words to token ids, faster
// than a map for the one lookup per token of a text: most words of a text are not in
// it, and a miss usually costs one probe. A slot keeps the hash, the id and the key
// itself when it has at most eight bytes (most words do), so a probe touches one cache
// line and compares two integers.
type strTable struct {
	slots []strSlot
	keys  []string // the keys longer than eight bytes, by slot
	mask  uint32
	// bits is a one-hash Bloom filter of the keys, small enough to stay in cache:
	// most words of a text are in no name, and the filter turns them away before
	// the probe into the large table.
	bits    []uint64
	bitMask uint32
}

// bitOf is the filter bit of hash h, taken from other bits than the slot's.
func bitOf(h uint32) uint32 { return (h >> 16) | (h << 16) }

type strSlot struct {
	hash uint32
	id   int32  // -1 for an empty slot
	word uint64 // pack(key) for a key of at most eight bytes, else 0 (see keys)
}

// load returns the word f[s:e], at most eight bytes, as pack does: with one load when
// eight bytes of f start at s.
func load(f string, s, e int) uint64 {
	if s+8 > len(f) {
		return pack(f[s:e])
	}
	// The count is below 64 for e-s in 1..8: masked, it needs no check.
	return word8(f[s:s+8]) & (^uint64(0) >> ((64 - 8*uint(e-s)) & 63))
}

// word8 returns the eight bytes of b as a little-endian integer, in one load.
func word8(b string) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordHash hashes the word f[s:e] eight bytes at a time (load), a multiplication
// each: its low bits pick the table's slot, others the filter's bit (bitOf).
func wordHash(f string, s, e int) uint32 {
	var h uint64
	for ; e-s > 8; s += 8 {
		h = (h ^ word8(f[s:s+8])) * hashMul
	}
	if s+8 <= len(f) { // load, without the call
		return hashLast(h, word8(f[s:s+8])&(^uint64(0)>>((64-8*uint(e-s))&63)))
	}
	return hashLast(h, pack(f[s:e]))
}

// hashLast ends wordHash with the last eight bytes or fewer, w.
func hashLast(h, w uint64) uint32 { return uint32((h ^ w) * hashMul >> 32) }

func newStrTable(m map[string]int32) *strTable {
	n := uint32(1)
	for n < uint32(len(m))*4 {
		n <<= 1
	}
	t := &strTable{keys: make([]string, n), slots: make([]strSlot, n), mask: n - 1}
	for i := range t.slots {
		t.slots[i].id = -1
	}
	nb := uint32(64)
	for nb < uint32(len(m))*16 {
		nb <<= 1
	}
	t.bits, t.bitMask = make([]uint64, nb/64), nb-1
	for k, id := range m {
		h := wordHash(k, 0, len(k))
		b := bitOf(h) & t.bitMask
		t.bits[b>>6] |= 1 << (b & 63)
		i := h & t.mask
		for t.slots[i].id >= 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = strSlot{hash: h, id: id}
		if len(k) <= 8 {
			t.slots[i].word = pack(k)
		} else {
			t.keys[i] = k
		}
	}
	return t
}

// lookup returns the id of word s, or -1.
func (t *strTable) lookup(s string) int32 {
	if s == "" {
		return -1 // no key is empty, and the packed comparison needs a non-empty word
	}
	return t.find(s, 0, len(s))
}

// find returns the id of the word f[s:e], not empty, or -1.
func (t *strTable) find(f string, s, e int) int32 {
	if e-s > 8 {
		h := wordHash(f, s, e)
		if !t.mayHold(h) {
			return -1
		}
		w := f[s:e]
		for i := h & t.mask; ; i = (i + 1) & t.mask {
			sl := &t.slots[i]
			if sl.id < 0 {
				return -1
			}
			if sl.hash == h && sl.word == 0 && t.keys[i] == w {
				return sl.id
			}
		}
	}
	return t.short(load(f, s, e))
}

// short returns the id of the word of at most eight bytes packed in w (load), or -1.
// A short word is hashed and compared as one integer, as the slots keep it.
func (t *strTable) short(w uint64) int32 {
	h := hashLast(0, w)
	if !t.mayHold(h) {
		return -1
	}
	// An empty slot's word is 0, which no word packs to.
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		if sl := &t.slots[i]; sl.word == w || sl.id < 0 {
			return sl.id
		}
	}
}

// mayHold reports whether a key of hash h may be in the table: false for most words
// of a text, which then need no probe.
func (t *strTable) mayHold(h uint32) bool {
	b := bitOf(h) & t.bitMask
	return t.bits[b>>6]&(1<<(b&63)) != 0
}

// A kidTable is a read-only open-addressing hash table from (node, token id) to child
// node, replacing the matcher's map once it is built.
type kidTable struct {
	slots []kidSlot
	mask  uint64
}

type kidSlot struct {
	key   uint64 // node<<32 | token id; node is never 0 for a non-root edge
	child int32  // 0 for an empty slot
}

func kidHash(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	return k
}

func newKidTable(m map[uint64]int32) *kidTable {
	n := uint64(1)
	for n < uint64(len(m))*2 {
		n <<= 1
	}
	t := &kidTable{slots: make([]kidSlot, n), mask: n - 1}
	for k, child := range m {
		i := kidHash(k) & t.mask
		for t.slots[i].child != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = kidSlot{key: k, child: child}
	}
	return t
}

// get returns the child for key k, or 0.
func (t *kidTable) get(k uint64) int32 {
	for i := kidHash(k) & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.child == 0 || sl.key == k {
			return sl.child
		}
	}
}

// An idIndex maps the ids of one document's communes or EPCIs (indexes, never
// negative) to small integers: an open-addressing table in an array kept between
// calls and emptied in the time of its size, which the document's readings bound.
// Cheaper than a map, which grows and allocates, for the few ids of a text.
type idIndex struct {
	slots []idSlot
	mask  uint32
}

type idSlot struct{ key, val int32 } // key -1: empty

// reset empties t for at most n keys.
func (t *idIndex) reset(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(t.slots) < size {
		t.slots = make([]idSlot, size)
	}
	t.slots = t.slots[:size]
	for i := range t.slots {
		t.slots[i] = idSlot{key: -1}
	}
	t.mask = uint32(size - 1)
}

// slot returns the slot of key, which holds it or is empty.
func (t *idIndex) slot(key int32) *idSlot {
	for i := uint32(key) * 0x9e3779b1 >> 7 & t.mask; ; i = (i + 1) & t.mask {
		if sl := &t.slots[i]; sl.key == key || sl.key < 0 {
			return sl
		}
	}
}

// has reports whether key is in t.
func (t *idIndex) has(key int32) bool { return key >= 0 && t.slot(key).key == key }
