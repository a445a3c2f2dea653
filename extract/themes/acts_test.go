package themes

import (
	"slices"
	"strings"
	"terril/extract/text"
	"testing"
)

// TestThemesActsAndNames checks the rules for administrative texts and names: an
// act's object counts like a heading, its formalities ("Vu …", the imputation of
// credits, "hors taxes") do not, the name of a grant does not carry its theme
// alone, and the vocabulary of small communes and of thermal renovation. Each
// rule has a positive text and a near miss.
func TestThemesActsAndNames(t *testing.T) {
	tests := []struct {
		name, theme, text string
		want              bool
	}{
		{"budget imputation is a formality", "fiscalite",
			"Objet : acquisition d'un véhicule pour les services techniques\n\nArticle 1 : le maire est autorisé à signer le bon de commande.\n\nLes crédits nécessaires sont inscrits au chapitre 21 du budget primitif 2025.",
			false},
		{"the budget as the act's object", "fiscalite",
			"Objet : vote du budget primitif 2025 et des taux d'imposition\n\nLe conseil adopte le budget à l'unanimité.",
			true},
		{"hors taxes is not a tax", "fiscalite",
			"Le coût des travaux est estimé à 120 000 € hors taxes, soit 144 000 € toutes taxes comprises.",
			false},
		{"a grant's name alone", "ruralite",
			"Le conseil sollicite une subvention de l'État au titre de la DETR (dotation d'équipement des territoires ruraux) pour rénover la salle de sports, soit 80 000 €.",
			false},
		{"villages and bourgs funded", "ruralite",
			"Le Département attribue 300 000 € aux villages et bourgs du canton pour leurs équipements de proximité.",
			true},
		{"object line of a programme for villages", "ruralite",
			"DÉLIBÉRATION N° 2025-114\n\nObjet : soutien aux villages et petites communes – programmation 2025\n\nLa commission attribue les aides figurant en annexe.",
			true},
		{"a Christmas village is not rural policy", "ruralite",
			"Le village de Noël et le marché des bourgs voisins animeront la place du 1er au 24 décembre.",
			false},
		{"thermal insulation", "transition-ecologique",
			"Les 80 pavillons seront isolés par l'extérieur : isolation des combles et des murs, pour sortir les logements de la catégorie des passoires thermiques.",
			true},
		{"energy label and DPE", "transition-ecologique",
			"Après travaux, chaque maison gagnera deux classes sur son étiquette énergétique, selon le DPE réalisé par le bureau d'études.",
			true},
		{"sound insulation", "transition-ecologique",
			"Une isolation phonique de la salle de répétition est prévue avant la saison des concerts.",
			false},
		{"a soft link in a table of funded works", "mobilites",
			"Commune       Opération                                  Subvention\nFlines         Création d'une liaison douce vers la gare    42 000 €",
			true},
		{"a quoted competence is its subject", "sante",
			"Article 1er – La communauté exerce la compétence « création et gestion de maisons de santé pluriprofessionnelles ».",
			true},
		{"coastal protection", "transition-ecologique",
			"Considérant que les travaux de la digue visent à protéger les habitations contre la submersion marine et le recul du trait de côte ;",
			true},
		{"a contact line names a service, not a subject", "developpement-economique",
			"La fête du livre aura lieu le 12 avril.\n\nRenseignements : Direction du développement économique et de l'attractivité – 03 22 97 37 37 – eco@ville-exemple.fr",
			false},
		{"the same service in prose", "developpement-economique",
			"La direction du développement économique accompagne les entreprises qui s'implantent sur la zone d'activités.",
			true},
		{"social-economy companies are not economic development", "developpement-economique",
			"Le fonds soutient les entreprises de l'économie sociale et solidaire du bassin.",
			false},
		{"a pilot school is not a school policy", "education-jeunesse",
			"L'aéroport accueillera une école de pilotage ; une école de pilotage forme des pilotes professionnels en deux ans.",
			false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ids, scores := classifyText(tt.text, "")
			if got := slices.Contains(ids, tt.theme); got != tt.want {
				t.Errorf("%s in %v = %v (scores %v), want %v", tt.theme, ids, got, scores, tt.want)
			}
		})
	}
}

// TestThemesRecueil checks that a recueil of several acts is judged act by act:
// the same acts with their operative lines ("ARRÊTE") keep the theme of one of
// them, while a single text of the same length needs more evidence.
func TestThemesRecueil(t *testing.T) {
	filler := strings.Repeat("Le présent arrêté sera notifié à l'intéressé et affiché en mairie pendant deux mois. ", 40)
	act := func(object, body string) string {
		return "Arrêté n° 2025-" + object + "\n\nLe préfet,\n\nVu le code général des collectivités territoriales ;\n\nARRÊTE\n\nArticle 1er – " + body + "\n\n" + filler + "\n\n"
	}
	recueil := "RECUEIL DES ACTES ADMINISTRATIFS\n\n" +
		act("041 portant nomination d'un régisseur", "M. Durand est nommé régisseur de recettes.") +
		act("042 portant modification des statuts du syndicat", "Le syndicat exerce la compétence « construction et gestion de maisons de santé pluriprofessionnelles ».") +
		act("043 portant délégation de signature", "Délégation est donnée au secrétaire général.")
	if len(recueil) < 11000 { // a threshold of about 3.8 for one text
		t.Fatalf("test recueil is only %d bytes: too short to exercise the length rule", len(recueil))
	}
	_, ids, scores := classifyText(recueil, "")
	if !slices.Contains(ids, "sante") {
		t.Errorf("recueil: themes %v (scores %v), want sante", ids, scores)
	}
	single := strings.ReplaceAll(recueil, "ARRÊTE", "")
	_, ids, scores = classifyText(single, "")
	if slices.Contains(ids, "sante") {
		t.Errorf("one long text: themes %v (scores %v), do not want sante from one term", ids, scores)
	}
}

// TestThemesSettingsSpeechSingle checks the optional @speech and @single settings.
func TestThemesSettingsSpeechSingle(t *testing.T) {
	with := func(t *testing.T, settings ...string) *Themes {
		t.Helper()
		kept := strings.Split(string(themesTSV), "\n")
		for _, setting := range settings {
			name := strings.Fields(setting)[0]
			kept = slices.DeleteFunc(kept, func(l string) bool {
				return strings.HasPrefix(l, name+"\t") || strings.HasPrefix(l, name+" ")
			})
			kept = append(kept, setting)
		}
		th, err := Parse([]byte(strings.Join(kept, "\n") + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		return th
	}
	score := func(th *Themes, s, theme string) float64 {
		_, ev := th.Classify(text.New(text.Normalize(s)), "")
		for _, e := range ev {
			if e.Theme == theme {
				return e.Score
			}
		}
		return 0
	}
	t.Run("speech", func(t *testing.T) {
		const text = "« Nous voulons que chaque habitant du canton puisse rejoindre la gare et les transports en commun en moins de dix minutes », explique la présidente."
		full := score(with(t, "@threshold\t1"), text, "mobilites")
		half := score(with(t, "@threshold\t1", "@speech\t0.5"), text, "mobilites")
		if full == 0 || half >= full || half == 0 {
			t.Errorf("mobilites in a long quotation: %v by default, %v with @speech 0.5; want less, not nothing", full, half)
		}
	})
	t.Run("single", func(t *testing.T) {
		th := with(t, "@single\t1")
		const one = "La commune a inauguré la salle polyvalente samedi. Le maire a évoqué le développement touristique."
		const two = "La commune a inauguré la salle polyvalente samedi. Le maire a évoqué le développement touristique et l'office de tourisme."
		if score(Default(), one, "tourisme") == 0 {
			t.Error("one strong term: no tourisme by default")
		}
		if score(th, one, "tourisme") != 0 {
			t.Error("one strong term in plain prose: tourisme with @single 1")
		}
		if score(th, two, "tourisme") == 0 {
			t.Error("two different terms: no tourisme with @single 1")
		}
		const heading = "Bilan\n\nLe tourisme\n\nLe maire a présenté les chiffres de la saison."
		if score(th, heading, "tourisme") == 0 {
			t.Error("a term in a heading: no tourisme with @single 1")
		}
	})
}
