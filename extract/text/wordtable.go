package text

// A WordTable maps words to values, for the small tables a scanner looks a word up in
// at every candidate Token: an open-addressing array under a hash of the word's length
// and three of its bytes, where a Go map hashes the whole string and costs several
// times more. It is built once from a map (the table as declared) and read-only
// afterwards.
type WordTable[V any] struct {
	keys  []string
	vals  []V
	shift uint32
	empty *V // the value of "", when the map has it
}

// NewWordTable returns the WordTable of m.
func NewWordTable[V any](m map[string]V) *WordTable[V] {
	bits := 3
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := &WordTable[V]{keys: make([]string, 1<<bits), vals: make([]V, 1<<bits), shift: uint32(32 - bits)}
	for w, v := range m {
		if w == "" {
			t.empty = &v
			continue
		}
		h := t.slot(w)
		for t.keys[h] != "" {
			h = (h + 1) & uint32(len(t.keys)-1)
		}
		t.keys[h], t.vals[h] = w, v
	}
	return t
}

// slot is where a lookup of w, not empty, starts.
func (t *WordTable[V]) slot(w string) uint32 {
	n := len(w)
	h := uint32(n) ^ uint32(w[0])<<8 ^ uint32(w[n/2])<<16 ^ uint32(w[n-1])<<24
	return h * 0x9E3779B1 >> t.shift
}

// Get returns the value of w and whether the table has it (the zero value and false
// when it has not, as a map gives).
func (t *WordTable[V]) Get(w string) (V, bool) {
	if w == "" {
		if t.empty != nil {
			return *t.empty, true
		}
		var zero V
		return zero, false
	}
	// At least half the slots are empty: the probe ends.
	for h := t.slot(w); ; h = (h + 1) & uint32(len(t.keys)-1) {
		switch t.keys[h] {
		case w:
			return t.vals[h], true
		case "":
			var zero V
			return zero, false
		}
	}
}

// Value returns the value of w, the zero value when the table has not got it.
func (t *WordTable[V]) Value(w string) V {
	v, _ := t.Get(w)
	return v
}
