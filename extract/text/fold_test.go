package text

import (
	"testing"
	"unicode/utf8"
)

// FuzzNewText checks that a Text's folded form is Fold of its text, that Fold
// agrees with FoldRune rune by rune, and that Orig maps the whole folded form back
// to the whole text, monotonically.
func FuzzNew(f *testing.F) {
	for _, s := range []string{"", "abc", "Arrêté n° 12 – « Œuvre »", "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ abcdefghé", "ÉCOLE • 5 €", "½ ﬁn ß", "déjà-vu…"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		tx := New(s)
		if got := Fold(s); tx.Folded != got {
			t.Fatalf("New(%q).Folded = %q, Fold = %q", s, tx.Folded, got)
		}
		want := ""
		var wantOff []int32 // each folded byte's rune in s
		for i, r := range s {
			f := FoldRune(r)
			want += f
			for range len(f) {
				wantOff = append(wantOff, int32(i))
			}
		}
		if tx.Folded != want {
			t.Fatalf("Fold(%q) = %q, by FoldRune %q", s, tx.Folded, want)
		}
		for i, o := range wantOff {
			if tx.off[i] != o {
				t.Fatalf("%q: offset of folded byte %d is %d, want %d", s, i, tx.off[i], o)
			}
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
