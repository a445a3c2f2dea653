package extract

import (
	"slices"
	"testing"
)

// TestThemesPhraseGap checks that the words of a phrase are read as the phrase
// only when nothing but spaces, small words, apostrophes and hyphens stands
// between them: "et" or punctuation between two words the term has side by side
// makes two things ("enjeux économiques et sociaux" is not "économie sociale").
func TestThemesPhraseGap(t *testing.T) {
	th, err := ParseThemes([]byte("@threshold 3\n" +
		"ess\t3\téconomie sociale\n" +
		"ess\t3\tentreprises de l'économie sociale et solidaire\n" +
		"politique-de-la-ville\t3\tpolitique de la ville\n" +
		"politique-de-la-ville\t3\tQPV [case]\n" +
		"centres-villes\t3\tcentre-ville\n" +
		"mobilites\t3\tpôle d'échanges\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, theme string
		want        bool
	}{
		{"La commune fait face à des enjeux économiques et sociaux importants.", "ess", false},
		{"Le conseil a débattu des aspects économiques, sociaux et financiers du projet.", "ess", false},
		{"Le Département soutient l'économie sociale de proximité.", "ess", true},
		{"Le fonds aide les entreprises de l'économie sociale et solidaire.", "ess", true},
		{"Le fonds aide les entreprises de l'économie sociale, solidaire et locale.", "ess", true},
		{"Ce programme est rejoint par la politique « villes moyennes » de l'État.", "politique-de-la-ville", false},
		{"Ce programme relève de la politique (nationale) des villes moyennes.", "politique-de-la-ville", false},
		{"Le contrat relève de la politique de la ville.", "politique-de-la-ville", true},
		{"La boutique du centre-ville rouvre ; le centre - ville est animé.", "centres-villes", true},
		{"Le centre ville. Ville fleurie.", "centres-villes", true},
		{"Le pôle, d'échanges en échanges, grandit.", "mobilites", false},
		{"Un pôle d’échanges multimodal ouvrira devant la gare.", "mobilites", true},
	}
	for _, tt := range tests {
		ids, ev := th.Classify(NewText(Normalize(tt.text)), "")
		if got := slices.Contains(ids, tt.theme); got != tt.want {
			t.Errorf("%q: %s in %v = %v (evidence %+v), want %v", tt.text, tt.theme, ids, got, ev, tt.want)
		}
	}
}
