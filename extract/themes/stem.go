package themes

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/french"
	"strings"
	"sync/atomic"
)

// singular drops a final plural s from a folded word of five letters or more.
func singular(w string) string {
	if len(w) >= 5 && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
		return w[:len(w)-1]
	}
	return w
}

// stemWord stems a folded word with the French Snowball stemmer, after singular.
func stemWord(w string) string {
	w = singular(w)
	if len(w) <= 2 {
		return w
	}
	env := snowballstem.NewEnv(w)
	french.Stem(env)
	return env.Current()
}

// stemCore is the part of a stem that the word it comes from must start with. The
// French Snowball stemmer keeps a word's first two letters and replaces its ending
// by at most three letters ("-aux" → "-al", "-ence" → "-ent", "-logie" → "-log"), so
// a word whose stem is s starts with s minus its last three letters, and with at
// least the first two letters of s. Stemming is the costly part of matching: words
// that start with no core are not stemmed (TestThemesPrefixFilter checks this on the
// whole French word list).
func stemCore(s string) string {
	return s[:max(len(s)-3, min(2, len(s)))]
}

// mayStemTo reports whether the folded word w may have a stem in the lexicon.
func (th *Themes) mayStemTo(w string) bool {
	if len(w) <= 2 {
		return true
	}
	if th.short[pack(w[:2])] || th.short[pack(w[:3])] {
		return true
	}
	if len(w) < 4 {
		return false
	}
	for _, c := range th.cores[pack(w[:4])] {
		if strings.HasPrefix(w, c) {
			return true
		}
	}
	return false
}

// pack packs up to 4 bytes into an integer map key.
func pack(s string) uint32 {
	var k uint32
	for i := 0; i < len(s) && i < 4; i++ {
		k = k<<8 | uint32(s[i])
	}
	return k | uint32(len(s))<<30
}

const memoSlots = 1 << 15

type memoEntry struct {
	word  string
	id    int32 // stemIDOf(singular(word))
	list  int32 // wordIdx[word], -1 when none
	class uint8 // classOf(word, id, list)
}

// stemIDOf returns the lexicon stem id of the folded word w, or -1.
func (th *Themes) stemIDOf(w string) int32 {
	if th.mayStemTo(w) {
		if x, ok := th.stemID[stemWord(w)]; ok {
			return x
		}
	}
	return -1
}

// memoKey is the longest word, in bytes, that memoSlot holds.
const memoKey = 24

// A memoSlot holds one word of up to memoKey bytes, packed little-endian in w, with
// its stem id, word list and context class, under a sequence lock: meta holds the
// sequence number (odd while a writer fills the slot), the word's length, the class
// and the two ids. A reader
// trusts what it read only when meta is even and unchanged across its reads of w; a
// writer claims the slot by moving the sequence to odd with a compare-and-swap and
// gives up when another writer holds it. Every access is atomic.
type memoSlot struct {
	meta atomic.Uint64
	w    [3]atomic.Uint64
}

const (
	memoSeqBits    = 16
	memoSeqMask    = 1<<memoSeqBits - 1
	memoLenShift   = memoSeqBits        // 5 bits
	memoClassShift = memoLenShift + 5   // 4 bits: the context class
	memoStemShift  = memoClassShift + 4 // 19 bits: stem id + 1
	memoListShift  = memoStemShift + 19 // 20 bits: list index + 1
)

// The context classes fit in the memo's 4 bits.
var _ [15 - otherWord]struct{}

// wordInfoKey returns stemIDOf(singular(w)), the index in wordLists of the entries
// w starts (-1 when none) and classOf(w, stem, list), through the memo: one lookup per
// word for all three. w has up to memoKey bytes, given packed little-endian in k0,
// k1, k2 (zero beyond the word), as the scanner reads it.
func (th *Themes) wordInfoKey(w string, k0, k1, k2 uint64) (stem, list int32, class uint8) {
	// The key determines the word (a word holds no zero byte): multiplies mix it,
	// and the top bits of the product, which depend on all of the key, pick the
	// set of four slots (h's bits 2 to 14) and, when the set is full, the slot a
	// new word replaces (h's bits 0 and 1).
	h := uint32((k0 ^ k1*0xc2b2ae3d27d4eb4f ^ k2*0x165667b19e3779f9) * 0x9e3779b97f4a7c15 >> 47)
	// A word may sit in any of four slots (two cache lines), so that words with
	// the same hash do not keep evicting each other: with two, about one word in a
	// hundred of a corpus read again missed the memo for good.
	set := th.words[h&(memoSlots-1)&^3:][:4]
	var ms [4]uint64
	for p := range set {
		sl := &set[p]
		m := sl.meta.Load()
		if m&1 == 0 && int(m>>memoLenShift&31) == len(w) &&
			sl.w[0].Load() == k0 && sl.w[1].Load() == k1 && sl.w[2].Load() == k2 &&
			sl.meta.Load() == m {
			return int32(m>>memoStemShift&(1<<19-1)) - 1, int32(m>>memoListShift) - 1, uint8(m >> memoClassShift & 15)
		}
		ms[p] = m
	}
	stem, list = th.stemIDOf(singular(w)), -1
	if x, ok := th.wordIdx[w]; ok {
		list = x
	}
	class = th.classOf(w, stem, list)
	if stem+1 >= 1<<19 || list+1 >= 1<<20 {
		return stem, list, class // too large for the slot (never with the embedded lexicon)
	}
	// An empty slot of the set if there is one, else the one two spare bits of the
	// hash pick.
	p := int(h) & 3
	for q := range ms {
		if ms[q]>>memoLenShift&31 == 0 {
			p = q
			break
		}
	}
	sl, m := &set[p], ms[p]
	if m&1 == 0 && sl.meta.CompareAndSwap(m, m&^memoSeqMask|(m+1)&memoSeqMask) {
		sl.w[0].Store(k0)
		sl.w[1].Store(k1)
		sl.w[2].Store(k2)
		sl.meta.Store(uint64(len(w))<<memoLenShift | uint64(class)<<memoClassShift | uint64(stem+1)<<memoStemShift |
			uint64(list+1)<<memoListShift | (m+2)&memoSeqMask)
	}
	return stem, list, class
}

// classOf is contextClass(w) for the folded word w of stem id stem and word list
// list, or otherWord for a plain word that no match can hold: it has no lexicon
// stem, starts no entry and is no word of an exact or case entry (matchAt compares
// the words after the first by these).
func (th *Themes) classOf(w string, stem, list int32) uint8 {
	c := contextClass(w)
	if c == plainWord && stem < 0 && list < 0 && !th.inner[w] {
		return otherWord
	}
	return c
}

// wordInfo8 is wordInfoKey for a word of up to eight bytes, packed in k0: its key
// words k1 and k2 are zero, which spares their part of the hash, and a slot that
// holds a word of its length holds zeros there. A miss goes to wordInfoKey, which
// fills a slot.
func (th *Themes) wordInfo8(w string, k0 uint64) (stem, list int32, class uint8) {
	h := uint32(k0 * 0x9e3779b97f4a7c15 >> 47) // wordInfoKey's hash when k1 = k2 = 0
	set := th.words[h&(memoSlots-1)&^3:][:4]
	for p := range set {
		sl := &set[p]
		m := sl.meta.Load()
		if m&1 == 0 && int(m>>memoLenShift&31) == len(w) && sl.w[0].Load() == k0 && sl.meta.Load() == m {
			return int32(m>>memoStemShift&(1<<19-1)) - 1, int32(m>>memoListShift) - 1, uint8(m >> memoClassShift & 15)
		}
	}
	return th.wordInfoKey(w, k0, 0, 0)
}

// wordInfo16 is wordInfo8 for a word of nine to sixteen bytes, packed in k0 and k1:
// its key word k2 is zero, and so is a slot's that holds a word of its length.
func (th *Themes) wordInfo16(w string, k0, k1 uint64) (stem, list int32, class uint8) {
	h := uint32((k0 ^ k1*0xc2b2ae3d27d4eb4f) * 0x9e3779b97f4a7c15 >> 47) // wordInfoKey's hash when k2 = 0
	set := th.words[h&(memoSlots-1)&^3:][:4]
	for p := range set {
		sl := &set[p]
		m := sl.meta.Load()
		if m&1 == 0 && int(m>>memoLenShift&31) == len(w) && sl.w[0].Load() == k0 && sl.w[1].Load() == k1 &&
			sl.meta.Load() == m {
			return int32(m>>memoStemShift&(1<<19-1)) - 1, int32(m>>memoListShift) - 1, uint8(m >> memoClassShift & 15)
		}
	}
	return th.wordInfoKey(w, k0, k1, 0)
}

// wordInfoLong is wordInfoKey for the words longer than memoKey.
func (th *Themes) wordInfoLong(w string) (stem, list int32, class uint8) {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	slot := &th.memo[h&(memoSlots-1)]
	if e := slot.Load(); e != nil && e.word == w {
		return e.id, e.list, e.class
	}
	stem, list = th.stemIDOf(singular(w)), -1
	if x, ok := th.wordIdx[w]; ok {
		list = x
	}
	class = th.classOf(w, stem, list)
	slot.Store(&memoEntry{word: strings.Clone(w), id: stem, list: list, class: class})
	return stem, list, class
}
