package geo

import (
	"slices"
	"testing"
)

// Names written with their article after them, in parentheses, as INSEE's and the
// préfectures' lists of communes write them.
var parenArticles = []struct {
	name, text string
	communes   string // space-separated INSEE codes
	spans      []string
}{
	{"liste en capitales", "Les communes concernées par l'arrêté sont :\nBANDOL\nSEYNE-SUR-MER (LA)\nTOULON\n",
		"83009 83126 83137", []string{"BANDOL", "SEYNE-SUR-MER (LA)", "TOULON"}},
	{"Le Touquet", "Liste des communes du Pas-de-Calais :\nBERCK\nTOUQUET-PARIS-PLAGE (LE)\nÉTAPLES\n",
		"62108 62826 62318", []string{"BERCK", "TOUQUET-PARIS-PLAGE (LE)", "ÉTAPLES"}},
	{"liste à virgules", "Communes : HYÈRES, CRAU (LA), CUERS.", "83069 83047 83049",
		[]string{"HYÈRES", "CRAU (LA)", "CUERS"}},
	{"seule après commune de", "Arrêté relatif à la commune de LAVANDOU (LE).", "83070", []string{"LAVANDOU (LE)"}},
	{"casse normale", "Les communes de Toulon, Seyne-sur-Mer (La) et Hyères adhèrent.", "83137 83126 83069",
		[]string{"Toulon", "Seyne-sur-Mer (La)", "Hyères"}},
	{"L' apostrophe droite", "Communes de l'Isère concernées : BOURGOIN-JALLIEU, ISLE-D'ABEAU (L'), VILLEFONTAINE",
		"38053 38193 38553", []string{"BOURGOIN-JALLIEU", "ISLE-D'ABEAU (L')", "VILLEFONTAINE"}},
	{"L’ apostrophe typographique", "Communes de l’Isère : Bourgoin-Jallieu, Isle-d’Abeau (L’), Villefontaine",
		"38053 38193 38553", []string{"Bourgoin-Jallieu", "Isle-d'Abeau (L')", "Villefontaine"}}, // Normalize straightens ’
	{"espaces dans la parenthèse", "Communes : HYÈRES, CRAU ( LA ), CUERS.", "83069 83047 83049",
		[]string{"HYÈRES", "CRAU ( LA )", "CUERS"}},
	// Les Angles: the Gard, the Pyrénées-Orientales, the Hautes-Pyrénées; Angles (no
	// article): the Alpes-de-Haute-Provence and the Vendée.
	{"Les Angles du Gard", "Communes du Gard concernées : VILLENEUVE-LÈS-AVIGNON, ANGLES (LES).",
		"30351 30011", []string{"VILLENEUVE-LÈS-AVIGNON", "ANGLES (LES)"}},
	{"Les Angles des Pyrénées-Orientales", "Pyrénées-Orientales, communes de montagne :\nFONT-ROMEU-ODEILLO-VIA\nANGLES (LES)\nMATEMALE\n",
		"66124 66004 66105", []string{"FONT-ROMEU-ODEILLO-VIA", "ANGLES (LES)", "MATEMALE"}},
	{"Les Angles et son code", "Communes : LOURDES (65), ANGLES (LES) (65), ARGELÈS-GAZOST (65).",
		"65286 65011 65025", []string{"LOURDES", "ANGLES (LES)", "ARGELÈS-GAZOST"}},
	{"Les Angles sans contexte: la plus peuplée", "Arrêté relatif à ANGLES (LES).", "30011", []string{"ANGLES (LES)"}},
	{"Angles sans article garde son code", "La commune d'Angles (85) et Luçon (85).", "85004 85128",
		[]string{"Angles", "Luçon"}},
	{"namesakes: the list's département", "Communes du Var : VIDAUBAN\nMOTTE (LA)\nMUY (LE)\n",
		"83148 83085 83086", []string{"VIDAUBAN", "MOTTE (LA)", "MUY (LE)"}},
	{"namesakes: the département named", "Côtes-d'Armor : la commune de MOTTE (LA) recrute.",
		"22155", []string{"MOTTE (LA)"}},
	// A name without the article the parenthesis gives names another commune.
	{"article étranger au nom, dans une liste", "Communes de Loire-Atlantique : GUÉRANDE, BAULE (LA), PORNICHET.",
		"44069 44055 44132", []string{"GUÉRANDE", "BAULE (LA)", "PORNICHET"}},
	{"article étranger au nom, seul", "Arrêté relatif à ROCHE (LA).", "", nil},
	{"mauvais article", "Communes de Vendée : ANGLES (LE), LUÇON.", "85128", []string{"LUÇON"}},
	{"mauvais article sans commune", "Communes du Var : TOULON, LAVANDOU (LES).", "83137", []string{"TOULON"}},
	{"L sans apostrophe", "Communes de l'Isère : VILLEFONTAINE, ISLE-D'ABEAU (L).", "38553", []string{"VILLEFONTAINE"}},
	{"parenthèse non fermée", "Communes du Var : TOULON, LAVANDOU (LE et alentours).", "83137", []string{"TOULON"}},
	{"pas un nom de commune", "Le Bilan (le) de la commune de Toulon.", "83137", []string{"Toulon"}},
	{"article hors parenthèse", "Toulon, Lavandou le 3 mai.", "83137", []string{"Toulon"}},
}

func TestParenArticles(t *testing.T) {
	g := mustDefault(t)
	for _, c := range parenArticles {
		text := newText(c.text)
		cs, _, _ := g.MatchText(text)
		var got, spans []string
		for _, co := range cs {
			got = append(got, co.INSEE)
			for _, s := range co.Spans {
				spans = append(spans, text.S[s.Start:s.End])
			}
		}
		slices.Sort(got)
		slices.Sort(spans)
		want := slices.Sorted(slices.Values(c.spans))
		if !slices.Equal(got, list(c.communes)) || !slices.Equal(spans, want) {
			t.Errorf("%s: %q\ngot  %v %q\nwant %v %q", c.name, c.text, got, spans, list(c.communes), want)
		}
	}
}
