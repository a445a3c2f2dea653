package genre

import (
	"strings"
	"testing"
	"unicode/utf8"

	"terril/extract/dates"
	"terril/extract/text"
)

func TestPublished(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"dateline", "\n\nTitre du communiqué\n\nLille, le 12 mars 2019\n\nOlivier Sichel signe le 7 mars 2017.", "2019-03-12"},
		{"dateline compound place", "Villeneuve-d'Ascq, le 1er juillet 2021\nLe conseil", "2021-07-01"},
		{"dateline no le", "Amiens, 3 février 2020\n\nTexte", "2020-02-03"},
		{"dateline weekday", "Paris, le lundi 5 février 2018\nTexte", "2018-02-05"},
		{"dateline without comma", "PRÉFET DES ALPES\n\nDigne-les-bains le 12/05/2025\n\nArrêté portant autorisation.", "2025-05-12"},
		{"dateline without comma, capitalised place", "Saint-Omer le 3 mars 2024\nLe maire.", "2024-03-03"},
		{"no comma: a visa is no place", "Vu la délibération du conseil le 12 mars 2024\n\nTexte.", ""},
		{"no comma: a French word is no place", "Modifié le 5 octobre 2023\n\nTexte de la page.", ""},
		{"no comma: the line goes on", "Nous serons Lille le 3 mars 2024 avec vous\n", ""},
		{"le date alone", "Liste des délibérations votées\nLe 16 MAI 2025\n\nApprobation du procès-verbal du 04 avril 2025", "2025-05-16"},
		{"publié le", "Contenu principal\nArticle publié le 07/07/2023\nMis à jour le 08/07/2023\n", "2023-07-07"},
		{"mis à jour only", "Mis à jour le 08/07/2023\nLe texte de la page", "2023-07-08"},
		{"publié after mis à jour", "Mis à jour le 08/07/2023\nPublié le 01/07/2023", "2023-07-01"},
		{"metadata line", " date 2017-04 Le 13 mars, la Région", "2017-04"},
		{"metadata colon", "Date : 12/03/2019\nTexte", "2019-03-12"},
		{"réunion", "COMPTE RENDU\nRéunion du 25 mars 2019\nPrésents : M. Dupont", "2019-03-25"},
		{"séance conseil municipal", "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 4 AVRIL 2025\n", "2025-04-04"},
		{"title year only", "\n\nIntervention de la Région pour 2018\n\nLa Région s'inscrit dans une démarche.", ""},
		{"date inside sentence", "Le 7 mars 2017, l'État et les collectivités ont signé.", ""},
		{"title with date", "Signature de la convention du 7 mars 2017\n\nLa Région", ""},
		{"none", "La Région agit pour l'économie des territoires.", ""},
		{"meeting cited in a Vu", "DÉCISION DU PRÉSIDENT N° 2022-D-087\n\nVu la délibération n° 2020-112 du Conseil communautaire du 16 juillet 2020 portant délégation ;\n\nFait à Saint-Omer, le 7 juillet 2022", "2022-07-07"},
		{"publié in a visa", "ARRÊTÉ DU MAIRE N° 2023-118\n\nVu le rapport d'enquête publié le 3 février 2023 ;\nVu l'avis de la commission ;\n\nFait à Douai, le 14 mars 2023", "2023-03-14"},
		{"publié inside a sentence", "La Ville étend ses horaires\n\nSelon le bilan publié le 2 mai 2022 par l'Insee, la population augmente.", ""},
		{"publié continuing a wrapped line", "Le maire rappelle le cahier des charges\npublié le 12 janvier 2021 au bulletin officiel.", ""},
		{"publié after a byline separator", "Par Lucie Morel | Publié le 03/06/2024 à 06h45", "2024-06-03"},
		{"publié in capitals on a cover", "RECUEIL DES ACTES ADMINISTRATIFS\nPUBLIÉ LE 14 AVRIL 2022\n\nArrêté du 2 avril 2022\nFait à Arras, le 2 avril 2022", "2022-04-14"},
		{"séance before a publication notice", "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du jeudi 9 novembre 2023\n\nLe conseil approuve.\n\nLe Président,\nJean Dupuis\n\nPublié le 15 novembre 2023", "2023-11-09"},
		{"signature before a publication notice", "ARRÊTÉ N° 2021-44 portant réglementation du stationnement\nVu le code de la route ;\nFait à Cambrai, le 6 mai 2021\nLe Maire,\nPaul Leroy\nPublié le 10 mai 2021", "2021-05-06"},
		{"dateline after a label", "Communiqué de presse – Béthune, le 7 juin 2022\n\nLe Département investit.", "2022-06-07"},
		{"dateline after the sender", "Ville d'Arras | Arras, le 2 juin 2022\n\nLa Ville lance un appel.", "2022-06-02"},
		{"hyphenated label without dateline", "Pas-de-Calais – Lens\n\nLe 3 mars 2022, la Ville a signé.", ""},
		{"meeting heading without du", "CR du conseil municipal 14 mars 2023\n\nPrésents : Marie Dupont, Paul Martin.", "2023-03-14"},
		{"act signed under a place", "ARRÊTÉ N° 2022-07-118\nportant limitation des usages de l'eau\n\nVu le code de l'environnement ;\n" + strings.Repeat("Article 2 – Les prélèvements sont limités dans les communes du bassin. ", 25) + "\n\nArras, le 4 août 2022\n\nLe préfet,", "2022-08-04"},
		{"séance line", "COMPTE RENDU DU CONSEIL COMMUNAUTAIRE\nSéance du mardi 21 novembre 2023 à 18h00 – Salle des fêtes d'Albert, sous la présidence de M. Martin", "2023-11-21"},
		// Updates, covers, issues of recueils and bulletins.
		{"mise à jour with a colon", "Aides aux communes\n\nMise à jour : 3 février 2023\n\nLe fonds de concours", "2023-02-03"},
		{"publié in capitals after the place", "RECUEIL DES ACTES ADMINISTRATIFS N°2B-2019-031\n\nHAUTE-CORSE PUBLIÉ LE 14 MARS 2019\n\nSommaire", "2019-03-14"},
		{"publié in capitals in a byline", "Article du Courrier picard, PUBLIÉ le 3 juin 2021\nLa commune rénove sa halle.", "2021-06-03"},
		{"édité after the issue's number", "RECUEIL DES ACTES ADMINISTRATIFS\n\nMARS 2011\n\nN° 3 Édité le 4 avril 2011\n\nSOMMAIRE", "2011-04-04"},
		{"recueil month", "PRÉFECTURE DE LA MARTINIQUE RECUEIL DES ACTES ADMINISTRATIFS JUIN 2012 Document consultable en préfecture", "2012-06"},
		{"recueil number and date", "RECUEIL n° 31 du 12 octobre 2017\n\nArrêté n° 2017-88 du 2 octobre 2017 portant", "2017-10-12"},
		{"bulletin issue", "BULLETIN MUNICIPAL OFFICIEL\nN° 48 du 05/06/2014\n\nDélibérations du conseil", "2014-06-05"},
		{"act number is no issue", "ARRÊTÉ\nN° 2014-118 du 5 juin 2014\nLe maire de Cambrai", ""},
		{"recueil cited in a sentence", "L'arrêté sera publié au recueil des actes administratifs du département.", ""},
		{"recueil's month in a sentence", "La préfecture met en ligne le recueil des actes de mai 2019 et ses annexes.", ""},
		// Minutes: their heading's date, the day the members met.
		{"procès-verbal heading", "PROCES-VERBAL. CONSEIL COMMUNAUTAIRE DE LA COMMUNAUTÉ DE COMMUNES DU PAYS DE BRAY Le mardi 6 février 2018 à 19 heures à la salle des fêtes", "2018-02-06"},
		{"members met", "Comité syndical\nConvocation du 2 mars 2016 Les membres du comité syndical se sont réunis le 10mars 2016 à la mairie de Vierzon", "2016-03-10"},
		{"minute opening, year from the convocation", "VILLE-SUR-ARGENT\n\nLe 14 mars suivant la convocation adressée le 7 mars 2019, les conseillers communautaires se sont réunis en séance publique.", "2019-03-14"},
		{"minute opening without a year", "Le 14 mars, les conseillers se sont réunis en séance publique.", ""},
		{"convocation is not the meeting", "Procès-verbal n° 3-16 Comité syndical Convocation du 2 mars 2016 à la mairie", ""},
		{"date and author", "Lundi 7 juin 2021 – par Claire DUMONT\n\nLa commune rénove sa halle.", "2021-06-07"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := published(newTestText(tc.in)); got != tc.want {
				t.Errorf("Published(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestGenre(t *testing.T) {
	// Sections under short headings, as a programme page is cut.
	sections := "\n\nLes objectifs\nLa collectivité soutient les projets d'investissement des communes de moins de 3 500 habitants pour trois ans.\n\n" +
		"Les projets retenus\nVingt-deux dossiers portés par des communes et des intercommunalités ont été retenus par le jury en octobre dernier.\n\n" +
		"Le calendrier\nLes travaux commencent au printemps et doivent être achevés avant la fin de l'année 2026 pour que la subvention soit versée."
	tests := []struct{ name, title, in, want string }{
		{"press release", "", "Communiqué de presse\n\nLa Région soutient les territoires.", "communique"},
		{"dateline", "", "Lille, le 5 février 2018\n\nRENOUVEAU DU BASSIN MINIER\n\nLes partenaires ont validé.", "communique"},
		{"contact presse", "", "La Banque signe un partenariat.\n\nContact presse :\nJean Dupont", "communique"},
		{"institution news", "", "Article publié le 07/07/2023\n\nLa Région vient d'attribuer 1,78 million d'euros.", "communique"},
		{"article speech", "", "date 2017-04 Le 13 mars, la Région a signé. « Nous accompagnons les territoires », déclare Pierre-René Lemas.", "article"},
		{"article newspaper", "", "Par Jean Martin\n\nLa ville a inauguré sa médiathèque, rapporte La Voix du Nord.", "article"},
		{"article a-t-il", "", "« C'est une étape », a-t-il indiqué mardi.", "article"},
		{"deliberation register", "", "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du 4 avril 2025\nAprès en avoir délibéré, le conseil municipal approuve.", "deliberation"},
		{"arrêté", "", "ARRÊTÉ N° 30-2021-09-30-00002\nLe préfet du Gard,\nVu le code de l'environnement ;\nVu le décret n° 2004-374 ;\nARRÊTE :\nArticle 1er", "deliberation"},
		{"recueil cover alone", "", "PRÉFET\nDU NORD\n\nRECUEIL DES ACTES\nADMINISTRATIFS\nN°59-2024-118\nPUBLIÉ LE 3 JUIN 2024\n\nSommaire", "deliberation"},
		{"recueil cited in a release", "", "Lille, le 3 juin 2024\n\nL'arrêté sera publié au recueil des actes administratifs de la préfecture.", "communique"},
		{"recueil", "Recueil des actes administratifs n°070", "RECUEIL DES ACTES ADMINISTRATIFS\nPréfecture de l'Aube", "deliberation"},
		{"procès-verbal", "", "PROCÈS-VERBAL du conseil municipal\nL'an deux mille vingt-trois, le conseil municipal s'est réuni.", "deliberation"},
		{"article without byline", "", "Chronique locale – Pas-de-Calais\nMardi 12 mars 2024\n\nLe marché couvert rouvre ses portes\n\n« On attendait ça depuis deux ans », sourit Léa, 19 ans, vendeuse au stand de fromages.\n\nJulien Caron", "article"},
		{"article with ages", "", "Samedi 4 mai 2024\n\nLa fête du quartier\n\nMarcel, 81 ans, se souvient des corons. Son voisin (47 ans) a repeint la façade.", "article"},
		{"release with a date line and a quote", "", "Jeudi 7 mars 2024\n\nLa Région lance un appel à projets.\n« C'est une priorité », souligne la vice-présidente.", "communique"},
		{"release with a place dateline and a closing name", "", "Arras, le 7 mars 2024\n\nLa Ville inaugure sa médiathèque. « Un lieu pour tous », déclare le maire, 58 ans, devant les élus.\n\nFrédéric Leturque", "communique"},
		{"programme page", "", "Intervention du Conseil régional dans le cadre de la politique de la ville pour 2018\n\nLa Région dote les EPCI d'une enveloppe." + sections, "page"},
		{"programme page with publié", "", "Le contrat de ville\n\nPublié le 15 avril 2024\n\nLe nouveau contrat de ville a été signé le 29 mars 2024." + sections, "page"},
		{"programme page by its words", "", "Le fonds de revitalisation rurale\n\nLes bénéficiaires sont les communes de moins de 2 000 habitants. Les dépenses d'études sont prises en charge.", "page"},
		// The news of an institution on its own site, with or without its publication
		// line: a communiqué unless it is cut into sections or says who may apply.
		{"news with publié", "", "Publié le 3 février 2023\nLe Département de l'Oise et la commune de Clermont renouvellent leur contrat\nLe contrat signé pour trois ans finance la rénovation de la halle et du groupe scolaire.", "communique"},
		{"news with publié and no date", "", "La voirie communale, une priorité\n\n© Département du Cher\n\nCette année, le Département consacre 9 millions d'euros aux routes communales.\n\nPublié le\n\nDes chantiers dans quarante communes.", "communique"},
		{"news updated", "", "Actualités\n\nDouze communes retenues pour le fonds vert\n\nMise à jour : 4 mars 2024\n\nLe préfet a retenu douze projets de renaturation.", "communique"},
		{"news without furniture", "", "Appel à projets friches : les lauréats de la deuxième session\n\nLe préfet de région a retenu 18 projets pour 6,2 millions d'euros.", "communique"},
		{"release republished under its rubric", "", " date 2021-03 <<< RETOUR Département de la Martinique\n\nSignature du contrat de territoire avec la commune du Lamentin. « Nous investissons dans nos écoles », a déclaré le président.", "communique"},
		{"rubric in capitals", "", "Revenir à la rubrique REGION GUADELOUPE\nLa Région attribue 2 millions d'euros aux communes. « C'est un effort inédit », a souligné le président.", "communique"},
		// Newspapers' habits.
		{"party label", "", "Le conseil départemental, présidé par Marc Lefort (LR), a voté 12 M€ pour les collèges.", "article"},
		{"party label needs a name", "", "Le groupe (PS) a voté le budget.\n\nLe Département investit dans les collèges et les routes.", "communique"},
		{"outlet named", "", "Pour le savoir, Mediacités a épluché les subventions versées par la Métropole.", "article"},
		{"question title", "", "Fonds vert : où en sont les projets des communes ?\nTrois mois après l'annonce, huit dossiers sur dix ont reçu leur arrêté de subvention.", "article"},
		{"questions of a page", "", "Le pass rénovation\n\nPour qui ?\nLes propriétaires occupants. Les bénéficiaires doivent résider dans la commune.\nQuel montant ?\nJusqu'à 5 000 euros.", "page"},
		{"institution news quotes its people", "", "La recyclerie de Chauny ouvre sa boutique\n\nPublié le 4 mars 2024 – Rubrique : Économie\n\nLa recyclerie a ouvert son magasin rue de la Gare.\n\n« Nous créons douze emplois », explique la directrice de l'association.", "communique"},
		{"news site with publié, quote and the bare day", "", "Éco Hainaut\nPublié le 9 mars 2024\n\nLe groupe Martin a confirmé jeudi son installation à Trith. « C'est une chance », se félicite le maire.", "article"},
		{"bare day alone is not enough", "", "La commune a signé lundi la convention avec l'État pour la rénovation de l'école.", "communique"},
		// Minutes and agendas.
		{"meeting heading", "", "COMMISSION PERMANENTE DU LUNDI 12 MARS 2012\n\nRapport n° 4 Objet : collèges, travaux d'accessibilité.", "deliberation"},
		{"meeting cited in a release", "", "Le conseil communautaire a validé, lors de sa séance du 12 mars, le plan de financement de la piscine.", "communique"},
		{"attendance", "", "Conseil communautaire 14 mai 2019 Albert 18h00\nNombre de conseillers en exercice : 52 Nombre de votants : 44\nPrésents : M. Petit, Mme Roux", "deliberation"},
		{"meeting told in a release is no minute", "", "Les élus se sont réunis mardi soir. Le conseil municipal a voté le budget ; la loi donne pouvoir aux maires de fixer les tarifs.", "communique"},
		{"minute opening", "", "Le 3 avril, les conseillers communautaires se sont réunis en séance publique.\n79 conseillers en exercice.", "deliberation"},
		{"aid page", "", "Publié le 01/02/2022\n\nPour qui ?\nLes bénéficiaires sont les communes.\nModalités\nLes dépenses éligibles sont les travaux.\nComment candidater ? Déposer un dossier de candidature.", "page"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			txt := newTestText(tc.in)
			if got := genre(txt, tc.title, published(txt)); got != tc.want {
				t.Errorf("Genre(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestGenreMasks checks that the fast-path filters of Genre and Published admit every
// word of their tables: a word they leave out would silently never be read.
func TestGenreMasks(t *testing.T) {
	for w := range publishedCues {
		if n := len(w); n > 15 || publishedCueMask[w[0]]>>n&1 == 0 || publishedCueLast[w[n-1]]>>n&1 == 0 {
			t.Errorf("publishedCueMask or publishedCueLast does not admit %q (at most 15 bytes)", w)
		}
	}
	for w := range genreWords {
		tk := scanner{Scanner: dates.Scanner{Tokens: text.Lex(text.New(w))}}
		if n := len(w); len(tk.Toks) != 1 || !tk.maybeGenreWord(&tk.Toks[0]) || genreHeadMask[w[0]]>>n&1 == 0 || genreHeadLast[w[n-1]]>>n&1 == 0 {
			t.Errorf("genreWordMask, genreWordLast, genreHeadMask or genreHeadLast does not admit %q", w)
		}
	}
	for _, fw := range genreCues.words {
		if n := len(fw.w); genreHeadMask[fw.w[0]]>>n&1 == 0 || genreHeadLast[fw.w[n-1]]>>n&1 == 0 {
			t.Errorf("genreHeadMask or genreHeadLast does not admit the cue word %q", fw.w)
		}
	}
}

// TestGenreFlags checks that the lexer flags every token the scans of Genre and
// Published read (text.FlagGenre, text.FlagPublished): the loops skip the others.
func TestGenreFlags(t *testing.T) {
	// A word the lexer cuts in two ("rue89") can match no token: not checked.
	check := func(w string, flag uint8) {
		if toks := text.LexString(w); len(toks) == 1 && toks[0].Flags&flag == 0 {
			t.Errorf("%q is lexed without flag %b", w, flag)
		}
	}
	for w := range publishedCues {
		check(w, text.FlagPublished)
	}
	for w := range genreWords {
		check(w, text.FlagGenre)
	}
	for _, fw := range genreCues.words {
		check(fw.w, text.FlagGenre)
	}
	for _, age := range []string{"12", "23", "99", "110"} {
		check(age, text.FlagGenre)
	}
}

// FuzzGenre checks that the genre and the publication date never panic, on the
// layouts of acts, recueils, minutes and press pages.
func FuzzGenre(f *testing.F) {
	for _, s := range []string{"34-2023-11-07-00012 - Arrêté", "2B-2019-03-11-004 - Décision ARS 2019-214 du 11 mars 2019",
		"R84-2024-01-15-00007 -", "D41/18 à D 44/18", "DE N°1", "DD N° 31/21 : Le 8 mars 2021 :", "Arrêté n 2012-418 SIDPC du",
		"ARRETE N° 21-DIR-112– DDCSPP", "2019-12-01 : TITRE\ndélibération", "N° 2021-045 – Budget", "N°SIT 2A 2011-145-07",
		"RECUEIL n° 17 du 03 mai 2019", "N° 48 du 14/10/2020", "PROCES-VERBAL Le mardi 6 avril 2021", "réunis le 1novembre 2019",
		"(PS)", "Revenir à la rubrique REGION", "D", "R", "N°", "2A-", "n° SIT", "ARS", "Lille, le 12 mars 2019",
		"Par Jean Dupont | Publié le 3 mai 2024", "« C'est fait », déclare-t-il."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		txt := newTestText(s)
		p := published(txt)
		if p != "" && len(p) != 4 && len(p) != 7 && len(p) != 10 {
			t.Fatalf("bad published %q", p)
		}
		genre(txt, s, p)
	})
}

func newTestText(s string) *text.Text { return text.New(text.Normalize(s)) }

// published is Published on t lexed.
func published(t *text.Text) string {
	tk := text.Lex(t)
	return Published(&tk)
}

// genre is Find on t lexed.
func genre(t *text.Text, title, published string) string {
	tk := text.Lex(t)
	return Find(&tk, title, published)
}

// TestPhraseSetFind checks that a phrase set's table finds every first word of its
// phrases, inside a longer string as the tokens give them, and no other word.
func TestPhraseSetFind(t *testing.T) {
	for _, ps := range []*phraseSet{genreCues, titleActCues} {
		for e, fw := range ps.words {
			if got := ps.find(fw.w, 0, len(fw.w)); got != e {
				t.Errorf("find(%q) = %d, want %d", fw.w, got, e)
			}
			s := "« " + fw.w + " » et la suite"
			if got := ps.find(s, len("« "), len("« ")+len(fw.w)); got != e {
				t.Errorf("find(%q in %q) = %d, want %d", fw.w, s, got, e)
			}
		}
	}
	for _, w := range []string{"sur", "conseils", "communiquee", "deliberations", "proces-verbal", "a"} {
		if e := genreCues.find(w, 0, len(w)); e >= 0 {
			t.Errorf("find(%q) = %d (%q), want -1", w, e, genreCues.words[e].w)
		}
	}
}

// TestWordTables checks that the lookup tables give what the maps they come from
// declare.
func TestWordTables(t *testing.T) {
	check := func(name string, m map[string]uint8, tb *text.WordTable[uint8]) {
		for w, v := range m {
			if got, ok := tb.Get(w); !ok || got != v {
				t.Errorf("%s: %q gives %d, %v; want %d", name, w, got, ok, v)
			}
		}
	}
	check("genreWords", genreWords, genreWordTable)
	check("publishedCues", publishedCues, publishedCueTable)
	for w := range speechVerbs {
		if !speechVerbTable.Value(w) {
			t.Errorf("speechVerbs: %q missing", w)
		}
	}
}

// TestFindTitled checks that the title given lexed gives what the title alone gives.
func TestFindTitled(t *testing.T) {
	body := "Le conseil s'est réuni mardi.\n\nLe projet avance, explique la maire."
	for _, title := range []string{"", "Délibération du conseil municipal", "Communiqué de presse", "Où en est le chantier ?"} {
		tk := text.Lex(text.New(body))
		tt := text.Lex(text.New(title))
		if got, want := FindTitled(&tk, title, &tt, ""), Find(&tk, title, ""); got != want {
			t.Errorf("title %q: FindTitled = %q, Find = %q", title, got, want)
		}
	}
}
