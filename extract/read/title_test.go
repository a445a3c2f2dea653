package read

import "testing"

func TestLooksLikeTitle(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"Délibération relative au fonds de concours pour la médiathèque", true},
		{"Arrêté préfectoral portant restriction des usages de l'eau", true},
		{"Recueil des actes administratifs n° 83-2024-117", true},
		{"Compte rendu du conseil communautaire", true},
		{"Microsoft Word - 2022-03-11_conseil communautaire v2.docx", false},
		{"Microsoft Word - Délibération budget", false},
		{"PV conseil municipal 12 mars.docx", false},
		{"KM_C250i_20210604093512", false},
		{"SKM_C45822031514120", false},
		{"Document numérisé", false},
		{"Documents numérisés", false},
		{"Numérisation 0003", false},
		{"Scan_20220311_101544", false},
		{"doc03214520220311", false},
		{"Sans titre 2", false},
		{"Untitled", false},
		{"Présentation PowerPoint", false},
		{"conseil_municipal_du_12_mars", false},
		{"DEL-2022-045/059-215", false},
		{"IMG_4512", false},
		{"Budget", false}, // one word says too little
		{"", false},
	} {
		if got := LooksLikeTitle(tt.s); got != tt.want {
			t.Errorf("LooksLikeTitle(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestFileTitle(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"Microsoft Word - 2021-06-04_conseil municipal v4.docx", "2021-06-04 conseil municipal"},
		{"/srv/mairie/pv_conseil_municipal_12-03-2022_V2.pdf", "pv conseil municipal 12-03-2022"},
		{"compte-rendu-commission-travaux-vdef.pdf", "compte rendu commission travaux"},
		{"Délibération n°45 - Copie.pdf", "Délibération n°45"},
		{"Arrêté de voirie (1).pdf", "Arrêté de voirie"},
		{"Hénin-Beaumont budget primitif.pdf", "Hénin-Beaumont budget primitif"},
		{"https://www.exemple.fr/files/rapport_annuel_2023.pdf?ver=3", "rapport annuel 2023"},
		{`C:\Documents\Ordre du jour final.docx`, "Ordre du jour"},
	} {
		if got := FileTitle(tt.name); got != tt.want {
			t.Errorf("FileTitle(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// The title of a text skips the stamps of transmission and display, and the
// noise of an OCR'd logo, printed over the top of an act.
func TestFirstLineSkipsStampsAndNoise(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Envoyé en préfecture le 07/06/2022\nReçu en préfecture le 07/06/2022\nAffiché le\nID : 062-216204982-20220603-DEL2022045-DE\n" +
			"Délibération portant création d'une aire de covoiturage à Sainghin\nLe conseil municipal…", "Délibération portant création d'une aire de covoiturage à Sainghin"},
		{"«& | ï\n~~ @ 2\nArrêté municipal réglementant le stationnement rue Pasteur\n", "Arrêté municipal réglementant le stationnement rue Pasteur"},
		{"Publié le 3 mars 2023\nLa communauté de communes lance son plan vélo intercommunal", "La communauté de communes lance son plan vélo intercommunal"},
		{"Accusé de réception en préfecture\n059-200041960-20230315-D23_12-DE\nRapport d'orientation budgétaire pour l'exercice 2024", "Rapport d'orientation budgétaire pour l'exercice 2024"},
	} {
		if got := firstLine(tt.text); got != tt.want {
			t.Errorf("firstLine(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFirstLineSkipsContinuationsAndBullets(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Direction départementale\ndes territoires et de la mer\nArrêté préfectoral portant mesures de restriction des usages de l'eau", "Arrêté préfectoral portant mesures de restriction des usages de l'eau"},
		{"\uf0d7 Vote des subventions aux associations sportives de la commune", "Vote des subventions aux associations sportives de la commune"},
		{"Liber té : É .\nqui. ont pris part au vote\nCompte rendu de la réunion du conseil municipal de Wimille", "Compte rendu de la réunion du conseil municipal de Wimille"},
	} {
		if got := firstLine(tt.text); got != tt.want {
			t.Errorf("firstLine(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestActHeading(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"PRÉFET DU NORD\nDirection départementale\ndes territoires et de la mer\nFait à Lille, le 3 mai 2022\nArrêté préfectoral n° DDTM-2022-114\nportant interdiction de la circulation sur la RD 917\nLe préfet du Nord\nVu le code de la route,",
			"Arrêté préfectoral n° DDTM-2022-114 portant interdiction de la circulation sur la RD 917"},
		{"RECUEIL DES ACTES\nADMINISTRATIFS SPÉCIAL\nN°12 DU 04/03/2024\nSommaire", "RECUEIL DES ACTES ADMINISTRATIFS SPÉCIAL N°12 DU 04/03/2024"},
		{"Convention de partenariat\nentre\nLa Communauté d'agglomération du Douaisis\net la commune de Sin-le-Noble", "Convention de partenariat"},
		{"Contrat de ville\nde\nLa Métropole", "Contrat de ville"},
		{"Le maire de Bully\nvu le code\nNote interne", ""},
	} {
		if got, _ := actHeading(tt.text); got != tt.want {
			t.Errorf("actHeading(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFirstLineSkipsLists(t *testing.T) {
	text := "Présents : Mme Jeanne PETIT - M. Marc LEFEBVRE - Mme Ana SOUSA\nDURAND - Hélène ROUX - Karim BENALI - Lucie FOURNIER\nDélibération portant adhésion au groupement de commandes"
	if got := firstLine(text); got != "Délibération portant adhésion au groupement de commandes" {
		t.Errorf("firstLine = %q", got)
	}
}

func TestTitleCutCapsHeading(t *testing.T) {
	line := "SCHÉMA DE COHÉRENCE TERRITORIALE DU PAYS DE SAINT-OMER Approuvé par délibération du comité syndical du 12 mars 2019, modifié le 4 octobre 2021, communes de Arques, Blendecques et Longuenesse"
	if got := titleCut(line); got != "SCHÉMA DE COHÉRENCE TERRITORIALE DU PAYS DE SAINT-OMER" {
		t.Errorf("titleCut = %q", got)
	}
	if got := titleCut("Le conseil"); got != "Le conseil" {
		t.Errorf("titleCut = %q", got)
	}
}
