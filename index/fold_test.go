package index

import "testing"

// foldBytes must agree with foldTerm, its reference, on every token the filter
// can see.
func TestFoldBytesAgreesWithFoldTerm(t *testing.T) {
	words := []string{"", "logement", "énergétique", "cœur", "Œuvre", "ÉCOLE", "l’école", "aujourd’hui",
		"mæstro", "straße", "naïve", "ça", "Hénin-Beaumont", "ø", "×", "e\u0301te\u0301", "é\u0301",
		"ŝtato", "façade\u0327", "Ελλάδα", "日本", "ǅ", "crème brûlée", "ÿ", "\u00a0", "a’b’c"}
	for r := rune(0x80); r < 0x2100; r++ {
		words = append(words, string(r), "a"+string(r)+"é", "é"+string(r))
	}
	for _, w := range words {
		want := foldTerm(w)
		if got := string(foldBytes([]byte(w))); got != want {
			t.Errorf("foldBytes(%q) = %q, foldTerm = %q", w, got, want)
		}
		if got := fold(w); got != want {
			t.Errorf("fold(%q) = %q, foldTerm = %q", w, got, want)
		}
	}
}

func BenchmarkFoldFilter(b *testing.B) {
	words := []string{"énergétique", "rénovation", "cœur", "l’école", "établissement", "déchèterie"}
	for b.Loop() {
		for _, w := range words {
			foldBytes([]byte(w))
		}
	}
}
