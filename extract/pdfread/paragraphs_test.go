package pdfread

import (
	"strings"
	"testing"
)

// layout returns PDFium-style text ("\r\n" between lines) for lines placed at the
// given baselines (y upwards, 10 units high, characters 5 units wide, a run of three
// or more spaces standing for a wide gap), and the box function paragraphs needs.
func layout(lines []string, bottoms []float64) (string, func(int) charBox) {
	text := strings.Join(lines, "\r\n")
	var boxes []charBox
	for i, l := range lines {
		x := 0.0
		for _, r := range l {
			if r == ' ' {
				x += 5
				boxes = append(boxes, charBox{})
				continue
			}
			boxes = append(boxes, charBox{x, bottoms[i] + 10, x + 5, bottoms[i], true})
			x += 5
		}
		boxes = append(boxes, charBox{}, charBox{}) // "\r\n"
	}
	return text, func(k int) charBox {
		if k >= len(boxes) {
			return charBox{}
		}
		return boxes[k]
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		bottoms []float64
		want    string
	}{
		{
			"regular lines, one paragraph",
			[]string{"Le conseil", "municipal a voté", "le budget."},
			[]float64{700, 686, 672},
			"Le conseil\nmunicipal a voté\nle budget.",
		},
		{
			"a larger gap ends a paragraph",
			[]string{"Objet : budget", "Le conseil", "municipal a voté", "le budget.", "Le maire lève", "la séance."},
			[]float64{700, 680, 666, 652, 632, 618},
			"Objet : budget\n\nLe conseil\nmunicipal a voté\nle budget.\n\nLe maire lève\nla séance.",
		},
		{
			"a line above the previous one starts a block",
			[]string{"colonne un", "suite", "colonne deux"},
			[]float64{700, 686, 700},
			"colonne un\nsuite\n\ncolonne deux",
		},
		{
			"leading spaces and empty lines",
			[]string{"  Titre", "", "  texte suivi", "  encore"},
			[]float64{700, 0, 686, 672},
			"  Titre\n\n  texte suivi\n  encore",
		},
		{"one line", []string{"seule"}, []float64{700}, "seule"},
		{
			"two blocks on one baseline",
			[]string{"Vigilance jaune      Nîmes, le 19 juillet 2021", "pour canicule", "dans le Gard."},
			[]float64{700, 686, 672},
			"Vigilance jaune      \n\nNîmes, le 19 juillet 2021\n\npour canicule\ndans le Gard.",
		},
		{
			"a signature block reads column by column",
			[]string{"Le maire lève la séance.", "Le Président,          La Secrétaire,", "Jean DUPONT            Anne MARTIN", "Page 2"},
			[]float64{700, 660, 620, 580},
			"Le maire lève la séance.\n\nLe Président,          \nJean DUPONT            \n\nLa Secrétaire,\nAnne MARTIN\nPage 2",
		},
		{
			"pieces that do not line up stay rows",
			[]string{"Nom          Fonction", "x                                         DUPONT"},
			[]float64{700, 686},
			"Nom          \n\nFonction\n\nx                                         \n\nDUPONT",
		},
		{
			"spaces between words are no gap",
			[]string{"Le  conseil  municipal", "a voté."},
			[]float64{700, 686},
			"Le  conseil  municipal\na voté.",
		},
	}
	for _, tt := range tests {
		text, box := layout(tt.lines, tt.bottoms)
		if got := paragraphs(text, box); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

// FuzzParagraphs checks that paragraphs only adds line feeds: removing them gives
// the input with "\r\n" read as "\n", whatever the geometry.
func FuzzParagraphs(f *testing.F) {
	f.Add("Le conseil\r\nmunicipal\r\n\r\nvote", 14.0, 3.0)
	f.Add("é\r\nà", -5.0, 0.0)
	f.Fuzz(func(t *testing.T, text string, step, jitter float64) {
		box := func(k int) charBox {
			b := 700 - step*float64(k%7) + jitter*float64(k%3)
			x := jitter * float64(k%11) * 7
			return charBox{x, b + 10, x + 5, b, k%5 != 4}
		}
		got := paragraphs(text, box)
		if strings.ReplaceAll(got, "\n", "") != strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", ""), "\n", "") {
			t.Fatalf("paragraphs(%q) = %q: more than line feeds changed", text, got)
		}
	})
}
