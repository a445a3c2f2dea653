package names

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestLexicons(t *testing.T) {
	g, s := Counts()
	if g < 3000 || s < 9000 {
		t.Errorf("Counts() = %d given names, %d surnames; want at least 3000 and 9000", g, s)
	}
	for _, tc := range []struct {
		folded         string
		given, surname bool
	}{
		{"olivier", true, true}, // Olivier is a surname too
		{"jean-rene", true, false},
		{"marie-claire", true, false},
		{"lecerf", false, true},  // from @zxcvbn-ts/language-fr's firstnames.json
		{"dequidt", false, true}, // idem
		{"bertrand", true, true}, // both
		{"territoires", false, false},
		{"lille", false, false},
		{"Olivier", false, false}, // not folded
	} {
		if got := IsGiven(tc.folded); got != tc.given {
			t.Errorf("IsGiven(%q) = %v, want %v", tc.folded, got, tc.given)
		}
		if got := IsSurname(tc.folded); got != tc.surname {
			t.Errorf("IsSurname(%q) = %v, want %v", tc.folded, got, tc.surname)
		}
	}
}

func ExampleIsGiven() {
	fmt.Println(IsGiven("jean"), IsGiven("lille"))
	// Output: true false
}

// TestSetHoldsItsWords checks the open-addressing set against the lexicon it is
// built from, and against words it is not.
func TestSetHoldsItsWords(t *testing.T) {
	for _, gz := range [][]byte{givenGz, surnamesGz} {
		s := load(gz)
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Split(string(b), "\n") {
			if w != "" && !s.has(w) {
				t.Errorf("set lacks %q", w)
			}
		}
	}
	s := newSet([]string{"jean", "jean-rene", "marie-christine", "", "jean"})
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"jean", true}, {"jean-rene", true}, {"marie-christine", true}, {"", false},
		{"jea", false}, {"jeanne", false}, {"marie-christin", false}, {"marie-christinee", false},
	} {
		if got := s.has(tc.w); got != tc.want {
			t.Errorf("has(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
	if s.n != 3 {
		t.Errorf("n = %d, want 3", s.n)
	}
}
