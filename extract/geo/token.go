package geo

import (
	"unicode"
	"unicode/utf8"
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

// A token is a run of letters and digits of the folded text.
type token struct {
	s, e int32  // byte offsets in the folded text
	id   int32  // dictionary id, or -1
	gap  uint16 // gap flags before the token
}

// wordByte tells the ASCII bytes of words: a-z and 0-9 (the text is folded).
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	return t
}()

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// tokenize splits folded text into tokens, appending to toks. A token's dictionary
// id comes from tab when it is not nil (the fast path, with the hash computed while
// scanning), else from lookup.
func tokenize(f string, toks []token, tab *strTable, lookup func(string) int32) []token {
	var gap uint16
	newlines := 0
	for i := 0; i < len(f); {
		c := f[i]
		var r rune = rune(c)
		n := 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(f[i:])
		}
		if c < utf8.RuneSelf && wordByte[c] || c >= utf8.RuneSelf && isWordRune(r) {
			h := uint32(2166136261)
			j := i
			for j < len(f) {
				c := f[j]
				if c < utf8.RuneSelf {
					if wordByte[c] {
						h = (h ^ uint32(c)) * 16777619
						j++
						continue
					}
					break
				}
				r, m := utf8.DecodeRuneInString(f[j:])
				if !isWordRune(r) {
					break
				}
				for k := j; k < j+m; k++ {
					h = (h ^ uint32(f[k])) * 16777619
				}
				j += m
			}
			if newlines > 1 {
				gap |= gapPara | gapDot
			}
			var id int32
			if tab != nil {
				id = tab.lookupHash(f[i:j], h)
			} else {
				id = lookup(f[i:j])
			}
			toks = append(toks, token{s: int32(i), e: int32(j), id: id, gap: gap})
			gap, newlines = 0, 0
			i = j
			continue
		}
		switch r {
		case ' ', '\t':
			gap |= gapSpace
		case '-', '\'', '\u2010', '\u2011':
			if gap&gapSpace == 0 {
				gap |= gapJoined
			} else if gap&gapLine != 0 && r == '-' {
				gap |= gapHard // a bullet at the start of a line
			}
		case '\u2013', '\u2014':
			gap |= gapDash
		case '\n':
			newlines++
			gap |= gapLine | gapSpace
		case ',':
			if gap&gapComma != 0 {
				gap |= gapHard
			}
			gap |= gapComma
		case '.':
			// "St. Omer": a full stop after an abbreviation is soft; the matcher decides.
			gap |= gapDot
		case '(':
			gap |= gapHard | gapParen
		case '!', '?', ':', ';', '…':
			gap |= gapHard | gapDot
		case '*', '_', '"', '«', '»', '“', '”':
			// markup and quotes: transparent
		default:
			gap |= gapHard
		}
		i += n
	}
	return toks
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
// it, and a miss usually costs one probe. A slot keeps the hash and the id side by
// side, so a probe touches one cache line before any key comparison.
type strTable struct {
	slots []strSlot
	keys  []string
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
	id   int32 // -1 for an empty slot
}

func fnv(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

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
		h := fnv(k)
		b := bitOf(h) & t.bitMask
		t.bits[b>>6] |= 1 << (b & 63)
		i := h & t.mask
		for t.slots[i].id >= 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.slots[i] = k, strSlot{hash: h, id: id}
	}
	return t
}

func (t *strTable) lookup(s string) int32 { return t.lookupHash(s, fnv(s)) }

// lookupHash looks s up given its hash fnv(s).
func (t *strTable) lookupHash(s string, h uint32) int32 {
	if b := bitOf(h) & t.bitMask; t.bits[b>>6]&(1<<(b&63)) == 0 {
		return -1
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := t.slots[i]
		if sl.id < 0 {
			return -1
		}
		if sl.hash == h && t.keys[i] == s {
			return sl.id
		}
	}
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
