package geo

import (
	"math/rand/v2"
	"testing"
)

// TestPackedKeys checks that the packed keys order the readings as the pairs of
// readingKeys do, ties of length and priority included.
func TestPackedKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	kinds := []uint8{kCommune, kGentile, kRegion, kDep, kEPCI, kEPCICore, kBlock}
	for round := 0; round < 200; round++ {
		ins := make([]interp, r.IntN(40))
		for x := range ins {
			a := int32(r.IntN(30))
			ins[x] = interp{a: a, b: a + 1 + int32(r.IntN(4)), kind: kinds[r.IntN(len(kinds))]}
		}
		var sc matchScratch
		keys, ok := packedKeys(&sc, ins)
		if !ok {
			t.Fatal("packedKeys refused small readings")
		}
		pairs := readingKeys(&sc, ins)
		for i := range keys {
			if uint32(keys[i]&(1<<24-1)) != uint32(pairs[i].pos) {
				t.Fatalf("round %d: order differs at %d", round, i)
			}
		}
	}
	if _, ok := packedKeys(new(matchScratch), []interp{{a: 0, b: 300}}); ok {
		t.Fatal("packedKeys took a reading of 300 tokens")
	}
}

// TestASCIICase checks the ASCII fast path of the case flags against package unicode.
func TestASCIICase(t *testing.T) {
	for _, o := range []string{"", "a", "A", "1", "Lens", "LENS", "RIs", "ZACs", "aB", "1er", "1ER", "A1",
		"BIx", "x", "SAINT", "Saint", "sAINT", "'", "Liévin", "LIÉVIN", "Ab-Cd"} {
		if f := asciiCase(o); f != 0 && f != unicodeCase(o) {
			t.Fatalf("asciiCase(%q) = %b, unicode %b", o, f, unicodeCase(o))
		}
	}
	// Every ASCII word has flags, those of package unicode.
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		b := make([]byte, 1+r.IntN(10))
		for i := range b {
			b[i] = "aZ0-'.bYzA9"[r.IntN(11)]
		}
		if o := string(b); asciiCase(o) != unicodeCase(o) {
			t.Fatalf("asciiCase(%q) = %b, unicode %b", o, asciiCase(o), unicodeCase(o))
		}
	}
}
