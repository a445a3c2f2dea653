package themes

import (
	"terril/extract/lex"
)

// The classifier's vocabulary is in package lex (lex/themes.go); this file derives
// its fast paths from those lists.

// isStopWord reports whether w, folded, is a small word left out of matching.
func isStopWord(w string) bool { return lex.StopWords.Has(w) }

// stopTable holds the stop words of up to eight bytes packed little-endian as the
// memo's first key word (see memoSlot), in a table indexed by a multiplicative hash
// whose multiplier is chosen at init so that no two of them share a slot: one
// multiply, one load and one compare per word. maxLen is the longest stop word.
type stopTable struct {
	keys   []uint64
	mul    uint64
	shift  uint
	maxLen int
	long   map[string]bool // the stop words longer than eight bytes
}

var stops = newStopTable(lex.StopWords.Words())

func newStopTable(words []string) *stopTable {
	t := &stopTable{}
	var keys []uint64
	for _, w := range words {
		t.maxLen = max(t.maxLen, len(w))
		if len(w) > 8 {
			if t.long == nil {
				t.long = map[string]bool{}
			}
			t.long[w] = true
			continue
		}
		k, _, _ := wordKey(w, 0, len(w))
		keys = append(keys, k)
	}
	bits := uint(4)
	for 1<<bits < 4*len(keys) {
		bits++
	}
	for mul := uint64(0x9e3779b97f4a7c15); ; mul += 0x2545f4914f6cdd1d * 2 {
		t.keys, t.mul, t.shift = make([]uint64, 1<<bits), mul|1, 64-bits
		if t.fill(keys) {
			return t
		}
	}
}

// fill puts keys in the table, and reports false at the first collision.
func (t *stopTable) fill(keys []uint64) bool {
	for _, k := range keys {
		p := &t.keys[k*t.mul>>t.shift]
		if *p != 0 {
			return false
		}
		*p = k
	}
	return true
}

// has reports whether the word of n bytes, packed in k0 (its first eight bytes), is
// a stop word; w is the word, read only when it is longer than eight bytes.
func (t *stopTable) has(n int, k0 uint64, w string) bool {
	if n > t.maxLen {
		return false
	}
	if n <= 8 {
		return t.keys[k0*t.mul>>t.shift] == k0
	}
	return t.long[w]
}

// etKey is the key of "et", which keeps the words around it apart (see phraseGap).
var etKey, _, _ = wordKey("et", 0, 2)

// The context classes of contextClass, by the list that gives each; a word of two
// lists gets the first ("ex" both opens examples and names a former site: the
// examples come first).
var contextLists = []struct {
	set   *lex.Set
	class uint8
}{
	{lex.AxisWords, axisWord}, {lex.ExampleWords, exampleWord}, {lex.FormerWords, formerWord},
	{lex.EuroWords, euroWord}, {lex.FillerWords, fillerWord}, {lex.OfficeWords, roleWord},
	{lex.DeputyWords, ownRoleWord}, {lex.ChargeWords, chargeWord},
}

// contextWords maps the words of contextLists and "savoir" to their class; its
// Guard, the union of the lists', spares most words the map lookup.
var contextWords, contextGuard = func() (map[string]uint8, lex.Guard) {
	m := map[string]uint8{"savoir": savoirWord} // "à savoir", which lists the axes announced
	var g lex.Guard
	g.Add("savoir")
	for i := len(contextLists) - 1; i >= 0; i-- {
		l := contextLists[i]
		for _, w := range l.set.Words() {
			m[w] = l.class
		}
		g.Union(&l.set.Guard)
	}
	return m, g
}()

// contextClass returns the class of a folded word.
func contextClass(w string) uint8 {
	if !contextGuard.May(w) {
		return plainWord
	}
	return contextWords[w]
}
