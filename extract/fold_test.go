package extract

import (
	"testing"
	"unicode/utf8"
)

// FuzzNewText checks that a Text's folded form is Fold of its text, that Fold
// agrees with FoldRune rune by rune, and that Orig maps the whole folded form back
// to the whole text, monotonically.
func FuzzNewText(f *testing.F) {
	for _, s := range []string{"", "abc", "Arrêté n° 12 – « Œuvre »", "ÉCOLE • 5 €", "½ ﬁn ß", "déjà-vu…"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		tx := NewText(s)
		if got := Fold(s); tx.Folded != got {
			t.Fatalf("NewText(%q).Folded = %q, Fold = %q", s, tx.Folded, got)
		}
		want := ""
		for _, r := range s {
			want += FoldRune(r)
		}
		if tx.Folded != want {
			t.Fatalf("Fold(%q) = %q, by FoldRune %q", s, tx.Folded, want)
		}
		if a, b := tx.Orig(0, len(tx.Folded)); a != 0 || b != len(s) {
			t.Fatalf("Orig(0, %d) of %q = %d, %d", len(tx.Folded), s, a, b)
		}
		for i := 1; i <= len(tx.Folded); i++ {
			if tx.off[i] < tx.off[i-1] {
				t.Fatalf("%q: offset table decreases at %d", s, i)
			}
		}
	})
}
