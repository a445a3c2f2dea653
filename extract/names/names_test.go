package names

import (
	"fmt"
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
