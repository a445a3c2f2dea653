package recueil

import (
	"strings"
	"testing"

	"terril/extract"
)

// page joins lines into a page's text.
func page(ls ...string) string { return strings.Join(ls, "\n") }

// lozereCover and lozereSommaire open a recueil whose printed page numbers start
// after the cover and the sommaire: printed page 1 is PDF page 3.
var (
	lozereCover = page("PRÉFET", "DE LA LOZÈRE", "", "RECUEIL DES ACTES", "ADMINISTRATIFS", "N°48-2024-117", "PUBLIÉ LE 12 MARS 2024")

	lozereSommaire = page("Sommaire", "",
		"Direction départementale des territoires / Service biodiversité", "",
		"48-2024-03-05-00002 - Arrêté préfectoral portant fermeture de la chasse",
		"au chamois sur la commune de Meyrueis (2 pages)", "Page 1", "",
		"Préfecture de la Lozère / Bureau de la coordination", "",
		"48-2024-03-07-00011 - Décision portant délégation de signature à Mme",
		"Odile FERRAND, cheffe du bureau (1 page)", "Page 3",
		"48-2024-03-08-00004 - 212-2024-recepisse declaration BRUNEL AIDE DOMICILE du",
		"080324 (1 page)", "Page 4")

	chasse1 = page("Direction départementale des territoires",
		"ARRÊTÉ PRÉFECTORAL n° DDT-SB-2024-031",
		"portant fermeture de la chasse au chamois sur la commune de Meyrueis",
		"Le préfet de la Lozère,",
		"Vu le code de l'environnement ;",
		"Considérant la baisse des effectifs observée lors du comptage du 20 février 2024 ;",
		"ARRÊTE :",
		"Article 1er : La chasse au chamois est fermée sur le territoire de la commune de Meyrueis.",
		"", "Direction départementale des territoires - 48-2024-03-05-00002 - Arrêté préfectoral portant fermeture de la chasse",
		"", "1")
	chasse2 = page("Article 2 : Le directeur départemental des territoires est chargé de l'exécution du présent arrêté.",
		"", "Fait à Mende, le 5 mars 2024", "", "Le préfet,", "", "Signé", "", "Philippe CASTANET",
		"", "Direction départementale des territoires - 48-2024-03-05-00002 - Arrêté préfectoral portant fermeture de la chasse",
		"", "2")
	delegation = page("Préfecture de la Lozère",
		"DÉCISION n° 2024-BCL-07",
		"portant délégation de signature à Mme Odile FERRAND, cheffe du bureau de la coordination",
		"Le préfet de la Lozère,",
		"DÉCIDE :",
		"Article 1er : Délégation est donnée à Mme Odile FERRAND pour signer les bordereaux d'envoi.",
		"Mende, le 7 mars 2024",
		"Pour le préfet et par délégation,",
		"le secrétaire général,",
		"Signé",
		"Martin ROUSSEL",
		"", "Préfecture de la Lozère - 48-2024-03-07-00011 - Décision portant délégation de signature à Mme",
		"", "3")
	// recepisseOCR is the scanned act as OCR reads it: no footer line kept intact,
	// stray marks.
	recepisseOCR = page("Récépissé de déclaration",
		"d'un organisme de services à la personne",
		"Le préfet de la Lozère constate qu'une déclaration a été déposée le 1er mars 2024",
		"par Mme BRUNEL Sylvie pour l'organisme BRUNEL AIDE DOMICILE, 4 rue du Pont 48000 MENDE.",
		"Pour le Préfet et par délégation",
		"La directrice départementale de l'emploi, du travail et des solidarités",
		"Signé : Hélène VIGUIER",
		"Fait à Mende, le 08/03/24 ,",
		"4")
)

func TestSplitSommaireOffset(t *testing.T) {
	for _, tc := range []struct {
		name    string
		scan    string // the scanned act's page text: "" without OCR
		signer3 string
	}{
		{"scan not read", "", ""},
		{"scan OCR'd", recepisseOCR, "Hélène Viguier"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages := []string{lozereCover, lozereSommaire, chasse1, chasse2, delegation, tc.scan}
			r := Split(pages)
			if r == nil {
				t.Fatal("not read as a recueil")
			}
			if r.Number != "48-2024-117" || r.Published != "2024-03-12" || r.Offset != 2 {
				t.Errorf("number %q published %q offset %d", r.Number, r.Published, r.Offset)
			}
			want := []Act{
				{ID: "48-2024-03-05-00002", Kind: KindArrete, Date: "2024-03-05", Signatory: "Philippe Castanet", FirstPage: 3, Pages: 2},
				{ID: "48-2024-03-07-00011", Kind: KindDecision, Date: "2024-03-07", Signatory: "Martin Roussel", FirstPage: 5, Pages: 1},
				{ID: "48-2024-03-08-00004", Kind: KindRecepisse, Date: "2024-03-08", Signatory: tc.signer3, FirstPage: 6, Pages: 1},
			}
			checkActs(t, r, want)
			if !strings.HasPrefix(r.Acts[0].Title, "Arrêté préfectoral portant fermeture de la chasse au chamois") {
				t.Errorf("title %q", r.Acts[0].Title)
			}
			if strings.Contains(r.Acts[0].Text, "48-2024-03-05-00002") {
				t.Errorf("act text keeps its running footer:\n%s", r.Acts[0].Text)
			}
		})
	}
}

func checkActs(t *testing.T, r *Recueil, want []Act) {
	t.Helper()
	if len(r.Acts) != len(want) {
		for _, a := range r.Acts {
			t.Logf("found %s p%d+%d %q", a.ID, a.FirstPage, a.Pages, a.Title)
		}
		t.Fatalf("%d acts, want %d (problems %q)", len(r.Acts), len(want), r.Problems)
	}
	for i, w := range want {
		a := r.Acts[i]
		if a.ID != w.ID || a.Kind != w.Kind || a.Date != w.Date || a.Signatory != w.Signatory || a.FirstPage != w.FirstPage || a.Pages != w.Pages {
			t.Errorf("act %d:\n got %s %s %s %q p%d+%d\nwant %s %s %s %q p%d+%d", i,
				a.ID, a.Kind, a.Date, a.Signatory, a.FirstPage, a.Pages, w.ID, w.Kind, w.Date, w.Signatory, w.FirstPage, w.Pages)
		}
	}
}

// The labels "Page N" of a sommaire page may all come after its entries, as a
// reader that takes the right-hand column apart gives them.
func TestSommaireGroupedLabels(t *testing.T) {
	som := page("SOMMAIRE",
		"48-2024-03-05-00002 - Arrêté préfectoral portant fermeture de la chasse (2 pages)",
		"48-2024-03-07-00011 - Décision portant délégation de signature (1 page)",
		"48-2024-03-08-00004 - Récépissé de déclaration BRUNEL AIDE DOMICILE (1 page)",
		"Page 1", "Page 3", "Page 4")
	es, p := readSommaire([]string{lozereCover, som, chasse1})
	if len(es) != 3 || len(p) != 1 || p[0] != 2 {
		t.Fatalf("entries %+v, pages %v", es, p)
	}
	for i, want := range []int{1, 3, 4} {
		if es[i].page != want {
			t.Errorf("entry %d: page %d, want %d", i, es[i].page, want)
		}
	}
}

// Sommaire entries led by a dash, with identifiers that are not the département's
// format, and a count wrapped over two lines.
func TestSommaireDashEntries(t *testing.T) {
	som := page("Sommaire", "", "Sous-préfecture de Florac /", "",
		"- SPF-2024061-0002 - Arrêté du 1er mars 2024 autorisant une course cycliste",
		"sur la commune de Florac (3", "pages)", "Page 3",
		"- DDT-SEF n°2024-064-0001 - Arrêté du 4 mars 2024 portant composition de la",
		"commission (2 pages)", "Page 7", "", "2")
	es, _ := readSommaire([]string{lozereCover, som})
	want := []entry{
		{id: "SPF-2024061-0002", title: "Arrêté du 1er mars 2024 autorisant une course cycliste sur la commune de Florac", count: 3, page: 3},
		{id: "DDT-SEF n°2024-064-0001", title: "Arrêté du 4 mars 2024 portant composition de la commission", count: 2, page: 7},
	}
	if len(es) != len(want) {
		t.Fatalf("entries %+v", es)
	}
	for i, w := range want {
		w.closed = true
		if es[i] != w {
			t.Errorf("entry %d: %+v, want %+v", i, es[i], w)
		}
	}
}

// Without a sommaire, acts start at their headings once the act before is signed;
// the operative "ARRÊTE :" and a heading word inside an unsigned act do not split.
func TestSplitHeaders(t *testing.T) {
	pages := []string{
		page("Recueil des actes administratifs", "de la préfecture de la Lozère", "n° 19 du 14 mars 2024"),
		page("ARRÊTÉ N° 2024-DDT-0113", "portant autorisation de travaux en rivière sur la Colagne", "Le préfet de la Lozère,", "Vu le code de l'environnement ;", "ARRÊTE :", "Article 1er : Les travaux sont autorisés."),
		page("ARRÊTE :", "Article 2 : La présente autorisation est accordée pour un an."),
		page("Arrêté modificatif pris au vu de l'avis du conseil,", "Article 3 : Le présent arrêté sera publié.", "Fait à Mende, le 11 mars 2024", "Le préfet,", "Philippe CASTANET"),
		page("DÉCISION n° 24-017", "portant agrément de l'association Les Amis du Causse", "Le directeur départemental décide :", "Article unique : L'association est agréée.", "Marvejols, le 12 mars 2024", "Le directeur départemental,", "Gilles PONS"),
		page("RÉCÉPISSÉ DE DÉCLARATION", "d'un organisme de services à la personne", "Le préfet constate la déclaration de l'organisme CAUSSE SERVICES.", "Fait à Mende, le 13 mars 2024", "Pour le préfet et par délégation,", "La directrice départementale,", "Signé : Claire ROQUES"),
	}
	r := Split(pages)
	if r == nil {
		t.Fatal("not read as a recueil")
	}
	checkActs(t, r, []Act{
		{ID: "2024-DDT-0113", Kind: KindArrete, Date: "2024-03-11", Signatory: "Philippe Castanet", FirstPage: 2, Pages: 3},
		{ID: "24-017", Kind: KindDecision, Date: "2024-03-12", Signatory: "Gilles Pons", FirstPage: 5, Pages: 1},
		{ID: "", Kind: KindRecepisse, Date: "2024-03-13", Signatory: "Claire Roques", FirstPage: 6, Pages: 1},
	})
}

func TestNotRecueil(t *testing.T) {
	for name, pages := range map[string][]string{
		"communiqué": {page("Communiqué de presse", "Mende, le 3 mars 2024", "Le préfet annonce l'ouverture d'un centre."), "Suite."},
		"one arrêté": {chasse1, page("Article 2 : Le présent arrêté sera publié au", "recueil des actes administratifs de la préfecture.", "Fait à Mende, le 5 mars 2024", "Le préfet,", "Philippe CASTANET")},
		"report":     {page("Rapport de présentation", "Sommaire", "1 - Contexte du projet", "Page 3", "2 - Diagnostic du territoire", "Page 9"), "Contexte"},
	} {
		if r := Split(pages); r != nil {
			t.Errorf("%s read as a recueil: %+v", name, r)
		}
	}
}

func TestKindOf(t *testing.T) {
	for s, want := range map[string]string{
		"494-2025-recepisse declaration modificative": KindRecepisse,
		"ARRÊTÉS PRÉFECTORAUX PORTANT AUTORISATION":   KindArrete,
		"25-003-Avis CDAC projet":                     KindOther,
		"Décision portant délégation":                 KindDecision,
		"Convention de mise à disposition":            KindConvention,
		"Délibération du conseil":                     KindDeliberation,
		"Liste des candidats admis":                   "",
	} {
		if got := kindOf(s); got != want {
			t.Errorf("kindOf(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestTightenBlocks(t *testing.T) {
	in := "Article 5 : exécution.\n\nToulon, le 7 juillet 2025\n\nPour le préfet et par délégation,\n\nle secrétaire général\n\nSigné\n\nLucien GIUDICELLI\n\nLISTE DES DESTINATAIRES"
	want := "Article 5 : exécution.\n\nToulon, le 7 juillet 2025\nPour le préfet et par délégation,\nle secrétaire général\nSigné\nLucien GIUDICELLI\n\nLISTE DES DESTINATAIRES"
	if got := tightenBlocks(in); got != want {
		t.Errorf("got %q", got)
	}
}

// A table of contents with dot leaders: titles give the acts' numbers, printed
// pages start after the cover and the contents (offset 2, calibrated on the numbers
// found on the acts' pages); the first act cites the third, which is a scan.
func TestSplitLeaderSommaire(t *testing.T) {
	toc := page("SOMMAIRE", "",
		"DIRECTION DÉPARTEMENTALE DES TERRITOIRES",
		"Arrêté n° DDT-SB-2024-031 portant fermeture de la chasse au chamois ........ 1",
		"PRÉFECTURE",
		"Décision n° 2024-BCL-07 portant délégation de signature à Mme Odile",
		"FERRAND, cheffe du bureau de la coordination ..................... 3",
		"Récépissé n° SAP-2024-0212 de déclaration BRUNEL AIDE DOMICILE ..... p. 4")
	cites := strings.Replace(chasse1, "Vu le code de l'environnement ;", "Vu le code de l'environnement ;\nVu le récépissé n° SAP-2024-0212 ;", 1)
	pages := []string{lozereCover, toc, cites, chasse2, delegation, ""}
	r := Split(pages)
	if r == nil {
		t.Fatal("not read as a recueil")
	}
	if r.Offset != 2 {
		t.Errorf("offset %d (problems %q)", r.Offset, r.Problems)
	}
	checkActs(t, r, []Act{
		{ID: "DDT-SB-2024-031", Kind: KindArrete, Date: "2024-03-05", Signatory: "Philippe Castanet", FirstPage: 3, Pages: 2},
		{ID: "2024-BCL-07", Kind: KindDecision, Date: "2024-03-07", Signatory: "Martin Roussel", FirstPage: 5, Pages: 1},
		{ID: "SAP-2024-0212", Kind: KindRecepisse, Date: "", Signatory: "", FirstPage: 6, Pages: 1},
	})
	if got := r.Acts[1].Title; got != "Décision n° 2024-BCL-07 portant délégation de signature à Mme Odile FERRAND, cheffe du bureau de la coordination" {
		t.Errorf("title %q", got)
	}
}

func TestSignatureDate(t *testing.T) {
	for text, want := range map[string]string{
		"Article 3 : exécution.\nFait à Rodez, le 3 février 2025\nLe préfet,":                                  "2025-02-03",
		"Signé : Anne MARTY\nFait à CS 40001 - 12000 RODEZ\nCedex, le 12/02/25":                                "2025-02-12",
		"vu l'arrêté du 2 janvier 2024 ;\nFait à Rodez, le\nLe préfet,\nFait à Rodez, le 14 mars 2025":         "2025-03-14",
		"Millau, le 1er avril 2025\nPour le préfet et par délégation,":                                         "2025-04-01",
		"dans ces deux cas, le silence vaut rejet le 2 mai 2025.\nFait à Rodez, le":                            "",
		"Le dossier a été déposé le 03/02/25 par M. Paul Rouquette, gérant.\nLe présent récépissé est publié.": "",
	} {
		if got := signatureDate(text); got != want {
			t.Errorf("signatureDate(%q) = %q, want %q", text, got, want)
		}
	}
}

// A reader that keeps the right-hand column on the entry's line gives "(2 pages)
// Page 4"; région identifiers start with R.
func TestSommaireCountAndPageOnOneLine(t *testing.T) {
	som := page("Sommaire",
		"Direction départementale des territoires / Service urbanisme",
		"12-2024-05-02-00001 - Arrêté abrogeant la carte communale de",
		"Curan (2 pages) Page 3",
		"12-2024-05-02-00004 - Arrêté abrogeant la carte communale de Vabre (2",
		"pages) Page 6",
		"Agence régionale de santé / Délégation de l'Aveyron",
		"R76-2024-04-29-00002 - Arrêté n°2024-ARS-0311 portant autorisation d'un",
		"laboratoire (3 pages) Page 9")
	es, _ := readSommaire([]string{lozereCover, som})
	want := []struct {
		id    string
		count int
		page  int
	}{{"12-2024-05-02-00001", 2, 3}, {"12-2024-05-02-00004", 2, 6}, {"R76-2024-04-29-00002", 3, 9}}
	if len(es) != len(want) {
		t.Fatalf("entries %+v", es)
	}
	for i, w := range want {
		if es[i].id != w.id || es[i].count != w.count || es[i].page != w.page {
			t.Errorf("entry %d: %+v, want %+v", i, es[i], w)
		}
	}
	if es[2].title != "Arrêté n°2024-ARS-0311 portant autorisation d'un laboratoire" {
		t.Errorf("title %q", es[2].title)
	}
}

func TestSigner(t *testing.T) {
	for text, want := range map[string]string{
		"Article 4 : Le présent arrêté sera publié.\nFait à Rodez, le 3 février 2025\nPour le préfet, par délégation,\nl'adjoint au chef de service,\nPierre VIDAL": "Pierre Vidal",
		// extract.Parties does not read this block as signed; its people do name her
		"Article 4 : Le présent arrêté sera publié.\nRodez, le 3 février 2025\nLa sous-préfète,\nAnne-Claire MARTY": "Anne-Claire Marty",
		// a person named in the text but not in the signature block does not sign
		"Article 1er : M. Jean BOUSQUET est nommé membre.\nArticle 2 : Le présent arrêté sera publié.\nRodez, le 3 février 2025\nLa sous-préfète,": "",
	} {
		people, sigs := extract.Parties(extract.NewText(text), nil)
		if got := signer(people, sigs, signatureOffsets(text)); got != want {
			t.Errorf("signer(%q) = %q, want %q", text, got, want)
		}
	}
}

// The first-letter filters admit every opener of the signature and date lines.
func TestLineFilters(t *testing.T) {
	for _, l := range []string{"Fait à Mende, le 5 mars 2024", "fait a Mende", "FAIT À MENDE, LE 5 MARS 2024", "Signé", "SIGNÉ : Claire ROQUES", "signé",
		"Pour le préfet et par délégation,", "POUR LA PRÉFÈTE", "pour le directeur", "Pour la sous-préfète",
		"Le préfet,", "La préfète", "LE PRÉFET,", "la sous-préfète,", "Le Préfet"} {
		if !signatureLine(l) {
			t.Errorf("signatureLine(%q) = false", l)
		}
	}
	for _, l := range []string{"Fait à Mende, le 5 mars 2024", "FAIT À MENDE, le", "Mende, le 5 mars 2024", "Égletons, le 2 juin 2024", "Saint-Flour, le 1er avril 2025"} {
		if !isDateLine(l) {
			t.Errorf("isDateLine(%q) = false", l)
		}
	}
	for _, l := range []string{"dans ces deux cas, le silence", "Article 2 : Le préfet, après avis", "Vu le code"} {
		if signatureLine(l) || isDateLine(l) {
			t.Errorf("%q read as a signature or date line", l)
		}
	}
}
