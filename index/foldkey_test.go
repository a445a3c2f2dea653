package index

import (
	"strings"
	"testing"
)

// foldKey keeps the words strings.FieldsFunc finds in the folded, lowered name.
func TestFoldKeyIsFieldsJoin(t *testing.T) {
	want := func(s string) string {
		s = strings.ToLower(fold(s))
		return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
		}), " ")
	}
	for _, s := range []string{"", " ", "Hénin-Beaumont", "  DUPONT   Jean-Marc ", "Saint-Étienne-du-Rouvray",
		"l’Œuvre d'Art", "59350", "A1 b2", "\u212Aelvin", "İstanbul", "x\xffy", "ß straße", "Ⅻ arr.", "--", "é"} {
		if got := foldKey(s); got != want(s) {
			t.Errorf("foldKey(%q) = %q, want %q", s, got, want(s))
		}
	}
}
