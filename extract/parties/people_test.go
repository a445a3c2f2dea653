package parties

import (
	"fmt"
	"strings"
	"testing"

	"terril/corpus"
)

// Each case lists the persons expected, as "Name|role" ("Name|" when no role), in
// order of first mention.
var peopleCases = []struct {
	name string
	text string
	want []string
}{
	{"apposition", "Olivier Sichel, directeur de la Banque des Territoires, signe un partenariat.",
		[]string{"Olivier Sichel|directeur de la Banque des Territoires"}},
	{"glued given name merged", "Il y a cinq mois, PierreRené Lemas, directeur général de la Caisse des dépôts, s'était rendu à Lille. « Nous accompagnons », déclare Pierre-René Lemas.",
		[]string{"Pierre-René Lemas|directeur général de la Caisse des dépôts"}},
	{"preceding title", "signature de l'engagement par le Premier ministre Bernard Cazeneuve, les présidents du conseil régional",
		[]string{"Bernard Cazeneuve|Premier ministre"}},
	{"title then comma", "Mission a été donnée au délégué interministériel, Alain Neveü, de coordonner les acteurs.",
		[]string{"Alain Neveü|délégué interministériel"}},
	{"accent variants merged, fuller role", "Nomination d'Alain Neveu, délégué interministériel pour le renouveau du Bassin Minier.\n\nMission a été donnée au délégué interministériel, Alain Neveü, de coordonner.",
		[]string{"Alain Neveü|délégué interministériel pour le renouveau du Bassin Minier"}},
	{"no role given", "Cette fois, le directeur de la CDC et Xavier Bertrand ont officialisé une convention.",
		[]string{"Xavier Bertrand|"}},
	{"press contact with dash", "Céline Vannoorenberghe – Chargée de communication - celine@example.fr – 03 20 14 19 58",
		[]string{"Céline Vannoorenberghe|Chargée de communication"}},
	{"civility and capitals", "sous la présidence de M. Jean-René LECERF, Président du Conseil départemental.",
		[]string{"Jean-René Lecerf|Président du Conseil départemental"}},
	{"surname first in capitals", "Etaient présents : LECERF Jean-René, BOISSEAUX Anne-Sophie, DEQUIDT Grégoire.",
		[]string{"Jean-René Lecerf|", "Anne-Sophie Boisseaux|", "Grégoire Dequidt|"}},
	{"compound of known given names", "Mme Marie-Sophie WAUQUIER, conseillère départementale, rappelle le calendrier.",
		[]string{"Marie-Sophie Wauquier|conseillère départementale"}},
	{"surname alone after civility", "M. LETOURNEUR demande la parole.",
		[]string{"Letourneur|"}},
	{"surname alone merged with full name", "M. Jean DUPONT, Maire, ouvre la séance. M. DUPONT présente le budget.",
		[]string{"Jean Dupont|Maire"}},
	{"unknown surname after known given name", "Gérald Darmanin et Laurent Wauquiez étaient présents.",
		[]string{"Gérald Darmanin|", "Laurent Wauquiez|"}},
	{"particle de", "Charles de Witasse Thezy, maire de Wallers, accueille la délégation.",
		[]string{"Charles de Witasse Thezy|maire de Wallers"}},
	{"particle Le kept", "Le ministre Jean-Yves Le Drian est attendu à Lille.",
		[]string{"Jean-Yves Le Drian|ministre"}},
	{"particle in capitals", "Présents : EL AMRANI Fatima, DE SMET Luc.",
		[]string{"Fatima el Amrani|", "Luc de Smet|"}},
	{"initial and surname", "Le rapport est présenté par B. Troni.",
		[]string{"B. Troni|"}},
	{"madame and monsieur", "Madame Sophie Martin et Monsieur Paul Durand, adjoint au maire, sont présents.",
		[]string{"Sophie Martin|", "Paul Durand|adjoint au maire"}},
	{"donne pouvoir", "Mme Laure CHOQUET donne pouvoir à M. Karim BOUDJEMA.",
		[]string{"Laure Choquet|", "Karim Boudjema|"}},
	{"attendance list with civilities", "Etaient présents : M. ETIENNE Jean-Claude, Mme BOULANGER Sylvie, M. CAUDEVELLE Marc,\n\nMme DELPIERRE-MACQUET Anne, M. SAUVAGE\n\nOlivier, M. TELLIER François.\n\nAbsents excusés : M. DUFOUR Thierry.",
		[]string{"Jean-Claude Etienne|", "Sylvie Boulanger|", "Marc Caudevelle|", "Anne Delpierre-Macquet|", "Olivier Sauvage|", "François Tellier|", "Thierry Dufour|"}},
	{"list label is a role", "Délégués titulaires : M. DEMAREST Alain, Mme GUILBERT Odette\nDélégué suppléant : M. FLAHAUT Jean-Pierre",
		[]string{"Alain Demarest|Délégués titulaires", "Odette Guilbert|Délégués titulaires", "Jean-Pierre Flahaut|Délégué suppléant"}},
	{"attendance heading is no role", "Etaient présents : M. Jean DUPONT ; Mme Anne MARTIN.",
		[]string{"Jean Dupont|", "Anne Martin|"}},
	{"représentés par", "Représentés (2) : Mme Marie-Claire KOWALCZYK par M. Karim BOUDJEMA ; M. Bruno DEGAND par M. Jean-Marc DEROO.",
		[]string{"Marie-Claire Kowalczyk|", "Karim Boudjema|", "Bruno Degand|", "Jean-Marc Deroo|"}},
	{"signature block", "Fait à Lille, le 12 mars 2019\n\nLe Président,\n\nXavier BERTRAND",
		[]string{"Xavier Bertrand|Président"}},
	{"signature block on one line", "La séance est levée à 20h15.\n\nLe Président, Michel BARBIER",
		[]string{"Michel Barbier|Président"}},
	{"signature block in columns", "Le Président, La Secrétaire de séance,\n\nJean-Claude ETIENNE Valérie MACHU",
		[]string{"Jean-Claude Etienne|Président", "Valérie Machu|Secrétaire de séance"}},
	{"signature by delegation", "Pour le Préfet et par délégation,\n\nLe Secrétaire général,\n\nFrédéric MORVAN",
		[]string{"Frédéric Morvan|Secrétaire général"}},
	{"role wrapped by a line break", "a déclaré Franck Vandewalle, vice-président de la Communauté urbaine de\nDunkerque délégué à la transition industrielle.",
		[]string{"Franck Vandewalle|vice-président de la Communauté urbaine de Dunkerque délégué à la transition industrielle"}},
	{"title before the name wrapped by a line break", "La Région, représentée par son Directeur\ngénéral des services, Monsieur Paul MARTIN, signe.",
		[]string{"Paul Martin|Directeur général des services"}},
	{"title before the name, wrapped after a determiner", "Le chantier a été visité par le directeur\ngénéral adjoint Marc LEROY.",
		[]string{"Marc Leroy|directeur général adjoint"}},
	{"surname in capitals that is also a word", "Présents : Denis JUVIN - Catherine VINAS - Jean-Pierre PLUS",
		[]string{"Denis Juvin|", "Catherine Vinas|", "Jean-Pierre Plus|"}},
	{"an ambiguous given name before a word in capitals is no person", "La Marine NATIONALE et la FRANCE SERVICES ont ouvert.",
		nil},
	{"given name and surname in capitals across a line break", "Présents : Muriel NIGGEL - Alessandra\nSTURANI - Patricia MICHOT",
		[]string{"Muriel Niggel|", "Alessandra Sturani|", "Patricia Michot|"}},
	{"an ambiguous given name does not reach across a line break", "Le navire de la Marine\nNATIONALE est à quai.",
		nil},
	{"role given with en qualité de", "Monsieur le Maire propose la candidature de ROUVIER Philippe en qualité de secrétaire de séance.",
		[]string{"Philippe Rouvier|secrétaire de séance"}},
	{"role given with en sa qualité de", "Mme Anne PETIT, en sa qualité d'adjointe aux finances, présente le budget.",
		[]string{"Anne Petit|adjointe aux finances"}},
	{"en qualité de without a function", "Paul MARTIN intervient en qualité de riverain du projet.",
		[]string{"Paul Martin|"}},
	{"what the chair does is no role", "Monsieur le Maire propose la candidature de ROUVIER Philippe pour la présente séance.",
		[]string{"Philippe Rouvier|"}},
	{"the chair gives the floor", "Madame la Présidente donne la parole à Marc DURAND, adjoint aux finances.",
		[]string{"Marc Durand|adjoint aux finances"}},
	{"a new line that starts a sentence is no wrap", "Le conseil a voté le budget du directeur.\nMonsieur Paul MARTIN remercie les élus.",
		[]string{"Paul Martin|"}},
	{"role with en charge de", "selon Nathalie Verhaeghe, vice-présidente de la Région en charge de la transition écologique.",
		[]string{"Nathalie Verhaeghe|vice-présidente de la Région en charge de la transition écologique"}},
	{"role ends at a verb", "Daniel Lemaître, président de l'agglomération qui porte le projet, se félicite.",
		[]string{"Daniel Lemaître|président de l'agglomération"}},
	{"role after name on next line", "Hervé DELCOURT\nVice-président en charge de l'aménagement du territoire",
		[]string{"Hervé Delcourt|Vice-président en charge de l'aménagement du territoire"}},
	{"all capitals name", "XAVIER BERTRAND, PRÉSIDENT DE LA RÉGION",
		[]string{"Xavier Bertrand|PRÉSIDENT DE LA RÉGION"}},
	{"unknown names with apposition", "Kader Zeghloul, maire de Grenay, salue le projet.",
		[]string{"Kader Zeghloul|maire de Grenay"}},
	{"label closing a list", "Etaient présents : VANDAMME Francis, Maire ; DEBUCHY Martine, LEMAN Pierre-Yves, Adjoints ; BOURGEOIS Rémi, CHARLET Aline, Conseillers municipaux.",
		[]string{"Francis Vandamme|Maire", "Martine Debuchy|Adjoints", "Pierre-Yves Leman|Adjoints", "Rémi Bourgeois|Conseillers municipaux", "Aline Charlet|Conseillers municipaux"}},
	{"coordinated role", "selon Bernard Delattre, vice-président du Département du Nord chargé de l'éducation et des collèges, et Xavier Bertrand.",
		[]string{"Bernard Delattre|vice-président du Département du Nord chargé de l'éducation et des collèges", "Xavier Bertrand|"}},
	{"apposition after a line break", "a déclaré Albert Dumontier,\n\nconseiller régional délégué à l'apprentissage.",
		[]string{"Albert Dumontier|conseiller régional délégué à l'apprentissage"}},
	{"coordinated title in a signature block", "Pour le Président du Conseil départemental,\nLa Vice-présidente chargée de la santé et de l'autonomie,\nMartine DEVILLERS",
		[]string{"Martine Devillers|Vice-présidente chargée de la santé et de l'autonomie"}},
	{"roles in an enumeration of apposed names", "Ont signé Lucie Carpentier, présidente du syndicat mixte, Didier Fontaine, maire de Fourmies, et Chantal Leclercq, directrice de l'office de tourisme.",
		[]string{"Lucie Carpentier|présidente du syndicat mixte", "Didier Fontaine|maire de Fourmies", "Chantal Leclercq|directrice de l'office de tourisme"}},
	{"an apposed role belongs to the name before it", "Étaient là Romain Decroix, adjoint aux sports, Hélène Masset et Yves Barbier.",
		[]string{"Romain Decroix|adjoint aux sports", "Hélène Masset|", "Yves Barbier|"}},
	{"et inside an organisation name", "a rappelé Thierry Vanpeene, directeur de Ponts et Chaussées Services, devant les élus.",
		[]string{"Thierry Vanpeene|directeur de Ponts et Chaussées Services"}},
	{"et before a person ends the role", "selon Odile Briffaut, présidente de Habitat Solidaire et Jean Carlier.",
		[]string{"Odile Briffaut|présidente de Habitat Solidaire", "Jean Carlier|"}},
	{"parenthesis inside a preceding title", "Pour le conseiller départemental (PS) de Marquise, Éric Vasseur, le dossier avance.",
		[]string{"Éric Vasseur|conseiller départemental (PS) de Marquise"}},
	{"parenthesis inside an apposed role", "Gaëlle Pruvost, maire (SE) de Wimille depuis 2014, inaugure la halle.",
		[]string{"Gaëlle Pruvost|maire (SE) de Wimille"}},
	{"given name alone with an age", "Sur le parking, Dylan, 19 ans, attend le bus de nuit. Plus loin, Inès (27 ans) travaille à l'hôpital.",
		[]string{"Dylan|", "Inès|"}},
	{"given name alone with a relative clause", "Au marché, Josiane, qui tient un étal de fromages, a signé la pétition.",
		[]string{"Josiane|"}},
	{"name cut by a line break after a civility", "Délégation est donnée à M. Grégoire\nWATTEBLED, chef du service de l'eau, et à Mme Laure DE\nSMEDT.",
		[]string{"Grégoire Wattebled|chef du service de l'eau", "Laure de Smedt|"}},
	{"title-case surname on the next line", "portant nomination de Monsieur Benoît\nMasclet, sous-préfet de Lens ;",
		[]string{"Benoît Masclet|sous-préfet de Lens"}},
	{"capitals, surname before a given name", "déposée le 3 juin par Mme. DUBRULLE CLÉMENCE, gérante, et par M. DELATTRE NICOLAS ; récépissé MARTIN SOLÈNE.",
		[]string{"Clémence Dubrulle|gérante", "Nicolas Delattre|", "Solène Martin|"}},
	// False friends.
	{"businesses named after a surname", "Le lot 2 est attribué au groupement Atelier Delannoy Paysage (mandataire) et au Cabinet Lemaire Conseil, mandataire du lot 3. La Boulangerie Caron, artisan labellisé, et la société Martin Frères, gérante du site, sont partenaires.", nil},
	{"business with a legal form", "Le chantier est confié à Bernard Dufour SARL, mandataire du groupement.", nil},
	{"common words after a title are no name", "Le responsable Relations Publiques : à désigner. L'administrateur GIE Imagerie répond.", nil},
	{"an acronym with dots is no initial", "présentée par la S.A.S. Verlinde, gérante du parc.", nil},
	{"facility name after a line break", "les élèves du lycée\nMarguerite YOURCENAR et de l'avenue du\nGénéral Leclerc.", nil},
	{"first names alone in a list of present members", "Présents : Jean-Pierre, Yves, Mathieu, Nelly, Agnès & Adeline.", nil},
	{"street", "Les travaux de la rue Gustave Delory et de l'avenue Jean Lebas débuteront en mai.", nil},
	{"schools and facilities", "Le collège Jean Jaurès, le lycée professionnel Pierre Mendès France et le stade Pierre Mauroy sont rénovés.", nil},
	{"street with a title", "Réunion au 12 rue du Général Leclerc puis boulevard du Président Kennedy.", nil},
	{"organisations", "Maisons et Cités, la Banque des Territoires, la Caisse des dépôts et Action Cœur de Ville soutiennent les Hauts-de-France.", nil},
	{"places after a given name", "La délégation visite Saint-Pierre, Saint Martin Boulogne et Villeneuve-d'Ascq.", nil},
	{"a given name inside a longer proper noun", "la Communauté d'agglomération de Béthune-Bruay Artois Lys Romane", nil},
	{"a given name that is a common word", "Le programme France Relance et France Travail accompagnent Rose Marine.", nil},
	{"headings in capitals", "RENOUVEAU DU BASSIN MINIER : ÉTAT ET COLLECTIVITÉS EN ORDRE DE MARCHE", nil},
	{"civility without a name", "M. le Maire ouvre la séance. Madame la Présidente donne la parole.", nil},
	{"prefect heading of a département without hyphen", "LE PRÉFET DU GARD\n\nArrêté n° 30-2020", nil},
	{"prefect heading", "LE PRÉFET DU PAS-DE-CALAIS\n\nLe Préfet du Pas-de-Calais,\n\nChevalier de la Légion d'honneur,", nil},
	{"section letters", "A. Présentation du projet\nB. Financement", nil},
	{"months and weekdays", "Lundi 5 février, Mars 2019, le comité s'est réuni.", nil},
	{"organisation with apposition", "Atelier Trame, mandataire du groupement, a remis son offre.", nil},
	{"initials without dots in a list of those present",
		"Délégués présents : R Vasseur, JP Lemonnier suppléé par K Da Silva de Sousa, MA Perrot (à partir de D12/21), C Petit, T Morel-Vallon Délégués absents : aucun",
		[]string{"R Vasseur|", "JP Lemonnier|", "K da Silva de Sousa|", "MA Perrot|", "C Petit|", "T Morel-Vallon|"}},
	{"commune labels in capitals after names in an attendance list",
		"Présents : VERNON : Mme Odile MARCHETTI BRUNIQUEL : M. Henri FABRE (Président) SAINT-ANTONIN : M. Rémi DUCLOS",
		[]string{"Odile Marchetti|", "Henri Fabre|Président", "Rémi Duclos|"}},
	{"a heading after a name in capitals", "Secrétaire : Josiane PERRIN ORDRE DU JOUR 1 Approbation du procès-verbal",
		[]string{"Josiane Perrin|Secrétaire"}},
	{"SURNAME Given before a heading, a month as a surname",
		"Présents : MAILLARD Gilles, JUIN Bernadette, COSTE Hervé Absents : LEROUX Nadine",
		[]string{"Gilles Maillard|", "Bernadette Juin|", "Hervé Coste|", "Nadine Leroux|"}},
	{"a month after a number is a date", "Séance du 12 AVRIL Florence et Paul y assistaient.", nil},
	{"names in the shape of a list after one of them",
		"Présents : Antoine RIVAL, Gwenaëlle KERDRAON, Maëlys QUÉRÉ, Paul Lambert et Louis Mercier",
		[]string{"Antoine Rival|", "Gwenaëlle Kerdraon|", "Maëlys Quéré|", "Paul Lambert|", "Louis Mercier|"}},
	{"a common word as surname coordinated with a person",
		"en présence des conseillers départementaux Jean-Luc Morin et Sandrine Abricot",
		[]string{"Jean-Luc Morin|", "Sandrine Abricot|"}},
	{"Mrs and Maître before names", "Mrs Thierry VALLON, Gérard COSTES, Maître BLANCHET",
		[]string{"Thierry Vallon|", "Gérard Costes|", "Blanchet|"}},
	{"lists of facilities named after persons",
		"Travaux dans les collèges - Collèges Les Tilleuls à Blois et Jean Macé à Vendôme. 3 écoles retenues : Paul Bert, Louise Michel et Victor Hugo à Tours.", nil},
	{"a facility word before a comma opens no list", "Pour les écoles, Jean Dupont, maire, a annoncé un plan.",
		[]string{"Jean Dupont|maire"}},
	{"surnames in capitals after a plural civility",
		"Présents : Madame VIGNAL, Messieurs TOURNIER, LAPORTE et GRAVE. Absents : Mesdames PERRET et ROCHE.",
		[]string{"Vignal|", "Tournier|", "Laporte|", "Grave|", "Perret|", "Roche|"}},
	{"a compound given name cut after its hyphen", "Étaient présents : Marie- Hélène GRANGER, Paul- Henri VALLAT",
		[]string{"Marie-Hélène Granger|", "Paul-Henri Vallat|"}},
	{"particles in lower case before SURNAME Given", "Mme GOHIER Annie, M. de la VILLARDIERE Pierre-Yves, M. du PLESSIS Hugues",
		[]string{"Annie Gohier|", "Pierre-Yves de la Villardiere|", "Hugues du Plessis|"}},
	{"a surname with an elided initial", "entourée de la maire de Koungou Amina M'Changama et d'Aminata N'DIAYE, adjointe",
		[]string{"Amina M'Changama|maire de Koungou", "Aminata N'Diaye|adjointe"}},
	{"a compound given name that lost its hyphen, without a capital inside",
		"Présents : M. JEANCLAUDE BERTIN, Mme Annesophie Vallat, LEGRAND Mariehélène",
		[]string{"Jean-Claude Bertin|", "Anne-Sophie Vallat|", "Marie-Hélène Legrand|"}},
	{"a particle after a plural civility", "Présents : Mmes ABALLEA, BERTHOU, et MM. CARIOU, LE BRAS, QUÉRÉ.",
		[]string{"Aballea|", "Berthou|", "Cariou|", "Le Bras|", "Quéré|"}},
	{"SURNAME Given with an elided initial or an unknown given name in a list",
		"Présents : MARTIN Sophie, LE GALL Yann, N'GUESSAN Koffi, M. DIALLO Ousmane",
		[]string{"Sophie Martin|", "Yann Le Gall|", "Koffi N'Guessan|", "Ousmane Diallo|"}},
	{"a label closing a list before the next one, a label before a slash",
		"M. Paul VIDAL, Mme Anne ROUX, Adjoints au Maire, M. Luc MOREL, Conseiller municipal.\nDélégués titulaires / communes : M. Jean FABRE (AZAY), Mme Lise GIROD (BLOIS)",
		[]string{"Paul Vidal|Adjoints au Maire", "Anne Roux|Adjoints au Maire", "Luc Morel|Conseiller municipal",
			"Jean Fabre|Délégués titulaires", "Lise Girod|Délégués titulaires"}},
	{"the secretary of the meeting has no role from the heading", "Secrétaire de séance : Mme Claire MOREAU",
		[]string{"Claire Moreau|"}},
	{"abbreviations of organisations and zones in a list are no initials",
		"Membres : CC Pays Fort, CA Bourges Plus, ZA Martinière, SCI Dubreuil, CD Cher, DDT Loiret, SEM Territoria.", nil},
	{"SURNAME Given names in the columns of a table",
		"DUPONT Jean      MARTIN Sophie\nLEROY Paul        VIDAL Anne\nBERTIN Marc Maire",
		[]string{"Jean Dupont|", "Sophie Martin|", "Paul Leroy|", "Anne Vidal|", "Marc Bertin|"}},
	{"a title after et before a second name is the second one's",
		"Le directeur de l'EPF de Normandie, Gilles Roussel, et le président de la communauté d'agglomération Seine-Eure, Bernard Leroy, ont signé.",
		[]string{"Gilles Roussel|directeur de l'EPF de Normandie", "Bernard Leroy|président de la communauté d'agglomération Seine-Eure"}},
	{"initials alone are no list", "A Paris, la ville rénove ses écoles. Le groupe C Renault livre l'EPF Normandie.", nil},
}

func TestPeople(t *testing.T) {
	for _, tc := range peopleCases {
		t.Run(tc.name, func(t *testing.T) {
			tx := NewText(Normalize(tc.text))
			var got []string
			for _, p := range People(tx) {
				got = append(got, p.Name+"|"+p.Role)
				for _, sp := range p.Spans {
					if sp.Start < 0 || sp.End > len(tx.S) || sp.Start >= sp.End {
						t.Errorf("%s: bad span %v", p.Name, sp)
					}
				}
				if p.Key != PersonKey(p.Name) {
					t.Errorf("%s: key %q, want %q", p.Name, p.Key, PersonKey(p.Name))
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("People(%q)\n got: %q\nwant: %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestPersonKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Pierre-René Lemas", "pierre rene lemas"},
		{"Alain Neveü", "alain neveu"},
		{"Charles de Witasse Thezy", "charles de witasse thezy"},
		{"Fatima el Amrani", "fatima el amrani"},
		{"Jean-Yves Le Drian", "jean yves le drian"},
		{"B. Troni", "b troni"},
		{"Françoise d'Halluin", "francoise d halluin"},
	} {
		if got := PersonKey(tc.in); got != tc.want {
			t.Errorf("PersonKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func ExamplePeople() {
	t := NewText(Normalize("Le 13 mars, PierreRené Lemas, directeur général de la Caisse des dépôts, et Xavier BERTRAND ont signé à Lille."))
	for _, p := range People(t) {
		fmt.Printf("%s (%s) key=%q\n", p.Name, p.Role, p.Key)
	}
	// Output:
	// Pierre-René Lemas (directeur général de la Caisse des dépôts) key="pierre rene lemas"
	// Xavier Bertrand () key="xavier bertrand"
}

func FuzzParties(f *testing.F) {
	for _, tc := range peopleCases {
		f.Add(tc.text)
	}
	for _, tc := range signatoryCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tx := NewText(Normalize(s))
		people, signs := Parties(tx, nil)
		for _, p := range people {
			if p.Name == "" || p.Key == "" {
				t.Errorf("empty name or key: %+v", p)
			}
			for _, sp := range p.Spans {
				if sp.Start < 0 || sp.End > len(tx.S) || sp.Start >= sp.End {
					t.Errorf("%s: bad span %v in %d bytes", p.Name, sp, len(tx.S))
				}
			}
		}
		for _, sg := range signs {
			if sg.Name == "" || sg.Kind != corpus.KindPerson && sg.Kind != corpus.KindOrganization {
				t.Errorf("bad signatory %+v", sg)
			}
		}
	})
}

// TestCompoundHeadByte checks that the first-letters and length filters of splitGiven admit
// every compound head of its table.
func TestCompoundHeadByte(t *testing.T) {
	for _, w := range compoundHeads.slots {
		if w != "" && (!compoundHeadStart(w) || compoundHeadLens&(1<<len(w)) == 0) {
			t.Errorf("compoundHeadPair or compoundHeadLens does not admit %q", w)
		}
		if len(w) > maxGivenPart {
			t.Errorf("compound head %q is longer than maxGivenPart", w)
		}
	}
}

// TestPluralCivilityByte checks that the first-byte filter of plural civilities
// admits every word of its table.
func TestPluralCivilityByte(t *testing.T) {
	for _, w := range pluralCivilities.slots {
		if w != "" && !pluralCivilityByte[w[0]] {
			t.Errorf("pluralCivilityByte does not admit %q", w)
		}
	}
}
