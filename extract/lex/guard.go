package lex

// A Guard is a necessary condition for a word to be in a list, derived from the list:
// the word's length (15 for longer), its second byte and its third byte, each for its
// first byte. It spares the map lookup for most other words.
type Guard struct {
	Lens   [256]uint16 // by first byte: bit n for a word of n bytes (15 for longer)
	second [256]uint32 // by first byte: bit b-'a' for a second byte b in a-z, 30 for none, 31 another
	third  [256]uint32 // by first byte: the same for the third byte
}

// byteBit is the bit of w[k] in a Guard's masks.
func byteBit(w string, k int) uint32 {
	if len(w) <= k {
		return 1 << 30
	}
	return byteBits[w[k]]
}

// byteBits is the bit of a byte in a Guard's masks: May runs on most words of a
// text, and a table costs less than the comparisons.
var byteBits = func() (t [256]uint32) {
	for c := range t {
		t[c] = 1 << 31
		if c >= 'a' && c <= 'z' {
			t[c] = 1 << (c - 'a')
		}
	}
	return t
}()

// Add admits w.
func (g *Guard) Add(w string) {
	if w == "" {
		return
	}
	g.Lens[w[0]] |= 1 << min(len(w), 15)
	g.second[w[0]] |= byteBit(w, 1)
	g.third[w[0]] |= byteBit(w, 2)
}

// Union admits every word h admits.
func (g *Guard) Union(h *Guard) {
	for c := range g.Lens {
		g.Lens[c] |= h.Lens[c]
		g.second[c] |= h.second[c]
		g.third[c] |= h.third[c]
	}
}

// May reports whether w may be in the list.
func (g *Guard) May(w string) bool {
	return w != "" && g.Lens[w[0]]&(1<<min(len(w), 15)) != 0 && g.second[w[0]]&byteBit(w, 1) != 0 &&
		g.third[w[0]]&byteBit(w, 2) != 0
}

// MayStart reports whether w starts like a word of the list (its first two bytes).
func (g *Guard) MayStart(w string) bool {
	return w != "" && g.second[w[0]]&byteBit(w, 1) != 0
}
