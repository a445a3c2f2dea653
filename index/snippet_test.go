package index

import "testing"

func TestWordBoundaries(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"…ovation des quais coûte 8 mill…", "…des quais coûte 8…"},
		{"Le conseil vote la <mark>subvention</mark> au club de volle…", "Le conseil vote la <mark>subvention</mark> au club de…"},
		{"…nicipal attribue une <mark>aide</mark>.", "…attribue une <mark>aide</mark>."},
		{"…<mark>logement</mark> social de la ville…", "…<mark>logement</mark> social de la…"},
		{"…ville. Les travaux <mark>commencent</mark>…", "…Les travaux <mark>commencent</mark>…"},
		{"…la <mark>rénovation</mark>…", "…<mark>rénovation</mark>…"},
		{"…abc…", "…abc…"},
		{"…l&#39;école de Wattrelos, rue des Ormeaux, sera …", "…de Wattrelos, rue des Ormeaux, sera …"},
		{"texte entier sans coupure", "texte entier sans coupure"},
	} {
		if got := wordBoundaries(tc.in); got != tc.want {
			t.Errorf("wordBoundaries(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
