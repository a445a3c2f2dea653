package text

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"78\u00a0500\u202feuros", "78 500 euros"},
		{"l’emploi", "l'emploi"},
		{"la ﬁbre et l'œuvre", "la fibre et l'œuvre"},
		{"dévelop-\npement", "développement"},
		{"de la Porte-du-\n\nHainaut", "de la Porte-du-Hainaut"},
		{"Hauts-de-\nFrance", "Hauts-de-France"},
		{"Lille -\nle 5", "Lille -\nle 5"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"trop   d'espaces  \nici", "trop d'espaces\nici"},
		{"a\n\n\n\n\nb", "a\n\nb"},
		{"co\u00adop\u00e9ration", "coopération"},
		{"e\u0301te\u0301", "été"},
		{"\n\n  Titre", "Titre"},
		{"fin.\x00\x07", "fin."},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(tt.want); got != tt.want {
			t.Errorf("Normalize not idempotent on %q: %q", tt.want, got)
		}
	}
}

func TestFoldOffsets(t *testing.T) {
	tx := New("Cœur d'Ostrevent, Liévin et CRÉATIVE")
	if tx.Folded != "coeur d'ostrevent, lievin et creative" {
		t.Fatalf("Folded = %q", tx.Folded)
	}
	for _, tt := range []struct{ sub, orig string }{
		{"coeur", "Cœur"},
		{"lievin", "Liévin"},
		{"creative", "CRÉATIVE"},
		{"coe", "Cœ"},
	} {
		i := indexOf(tx.Folded, tt.sub)
		s, e := tx.Orig(i, i+len(tt.sub))
		if got := tx.S[s:e]; got != tt.orig {
			t.Errorf("Orig(%q) = %q, want %q", tt.sub, got, tt.orig)
		}
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
