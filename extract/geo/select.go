package geo

// The choice among overlapping readings (selectReadings): the longest, then the
// highest priority, then the earliest.

import (
	"cmp"
	"math"
	"slices"
)

// selectReadings keeps the longest readings, then those of the highest priority, then
// the earliest, and returns them in the order of the text.
func (d *doc) selectReadings(sc *matchScratch, ins []interp) []interp {
	used := zeroed(sc.used, len(d.toks))
	sc.used = used
	chosen := sc.chosen[:0] // by position: first token, then index
	if keys, ok := packedKeys(sc, ins); ok {
		for _, k := range keys {
			if x := uint32(k & (1<<24 - 1)); take(&ins[x], used) {
				chosen = append(chosen, uint64(ins[x].a)<<32|uint64(x))
			}
		}
	} else {
		for _, k := range readingKeys(sc, ins) {
			if take(&ins[uint32(k.pos)], used) {
				chosen = append(chosen, k.pos)
			}
		}
	}
	sc.chosen = chosen
	slices.Sort(chosen)
	sel := sc.sel
	for _, pos := range chosen {
		sel = append(sel, ins[uint32(pos)])
	}
	return sel
}

// take reports whether reading in is kept, its tokens free, and marks them used.
func take(in *interp, used []bool) bool {
	if in.kind == kEPCICore && !in.ok {
		return false // a weak core outside a list
	}
	for k := in.a; k < in.b; k++ {
		if used[k] {
			return false
		}
	}
	for k := in.a; k < in.b; k++ {
		used[k] = true
	}
	return true
}

// packedKeys returns the readings' keys of readingKeys packed in one integer each,
// sorted, the reading's index in the low 24 bits, when every field fits (a reading of
// at most 255 tokens, fewer than 1<<24 tokens and readings); else false. Sorting
// integers costs less than sorting pairs.
func packedKeys(sc *matchScratch, ins []interp) ([]uint64, bool) {
	if len(ins) >= 1<<24 {
		return nil, false
	}
	keys := sc.packed[:0]
	defer func() { sc.packed = keys }()
	for x := range ins {
		in := &ins[x]
		n := in.b - in.a
		if n < 0 || n > math.MaxUint8 || in.a < 0 || in.a >= 1<<24 {
			return nil, false
		}
		keys = append(keys, uint64(math.MaxUint8-n)<<56|uint64(math.MaxUint8-uint8(priority[in.kind]))<<48|
			uint64(in.a)<<24|uint64(x))
	}
	slices.Sort(keys)
	return keys, true
}

// readingKeys returns the readings' keys, sorted: the order is that of keys, unique
// by the reading's index, so no sort needs to be stable and no comparison reads the
// readings.
func readingKeys(sc *matchScratch, ins []interp) []readingKey {
	order := sc.order[:0]
	for x := range ins {
		in := &ins[x]
		order = append(order, readingKey{
			rank: uint64(math.MaxUint32-uint32(in.b-in.a))<<8 | uint64(math.MaxUint8-uint8(priority[in.kind])),
			pos:  uint64(in.a)<<32 | uint64(x),
		})
	}
	sc.order = order
	slices.SortFunc(order, func(p, q readingKey) int {
		if p.rank != q.rank {
			return cmp.Compare(p.rank, q.rank)
		}
		return cmp.Compare(p.pos, q.pos)
	})
	return order
}

// A readingKey orders the readings of a text for the choice among overlapping ones.
type readingKey struct {
	rank uint64 // the longest first, then the highest priority
	pos  uint64 // the first token, then the index in the readings
}
