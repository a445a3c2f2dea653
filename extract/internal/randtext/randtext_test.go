package randtext

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestStrings(t *testing.T) {
	alphabet := []string{"a", "é", "\xff"}
	got := Strings(rand.New(rand.NewPCG(1, 2)), 500, 5, alphabet)
	if len(got) != 500 {
		t.Fatalf("%d strings, want 500", len(got))
	}
	long := 0
	for _, s := range got {
		rest := s
		for _, p := range []string{"a", "é", "\xff"} {
			rest = strings.ReplaceAll(rest, p, "")
		}
		if rest != "" {
			t.Fatalf("%q holds something not of the alphabet", s)
		}
		long = max(long, len(s))
	}
	if long == 0 || long > 4*len("é") {
		t.Errorf("longest string %d bytes, want 1 to 4 pieces", long)
	}
	again := Strings(rand.New(rand.NewPCG(1, 2)), 500, 5, alphabet)
	for i := range got {
		if got[i] != again[i] {
			t.Fatalf("same seed, string %d differs", i)
		}
	}
}
