package themes

import (
	"slices"
	"strings"
	"terril/extract/text"
	"testing"
)

// TestThemesPhraseGap checks that the words of a phrase are read as the phrase
// only when nothing but spaces, small words, apostrophes and hyphens stands
// between them: "et" or punctuation between two words the term has side by side
// makes two things ("enjeux économiques et sociaux" is not "économie sociale").
func TestThemesPhraseGap(t *testing.T) {
	th, err := Parse([]byte("@threshold 3\n" +
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
		ids, ev := th.Classify(text.New(text.Normalize(tt.text)), "")
		if got := slices.Contains(ids, tt.theme); got != tt.want {
			t.Errorf("%q: %s in %v = %v (evidence %+v), want %v", tt.text, tt.theme, ids, got, ev, tt.want)
		}
	}
}

// TestThemesPolicyTerms checks terms of French policy vocabulary and stop phrases:
// names of planning documents, facilities and programmes that carry a theme, and
// phrases whose words belong to a theme they are not about.
func TestThemesPolicyTerms(t *testing.T) {
	tests := []struct {
		name, theme, text string
		want              bool
	}{
		{"an interchange hub", "mobilites",
			"La commune aménagera un pôle d'échanges entre les cars et le train devant la gare de Lestrade.", true},
		{"soft circulations", "mobilites",
			"Le projet relie le bourg au collège par des circulations douces éclairées.", true},
		{"student exchange is not transport", "mobilites",
			"Les lycéens partent en mobilité internationale avec une bourse départementale de 300 euros.", false},
		{"a carte communale is land planning", "amenagement-friches",
			"Le préfet approuve la carte communale de Villebois, qui délimite les secteurs constructibles.", true},
		{"a PADD is land planning", "amenagement-friches",
			"Le conseil débat des orientations du projet d'aménagement et de développement durables.", true},
		{"a PADD is not ecological transition", "transition-ecologique",
			"Le conseil débat des orientations du projet d'aménagement et de développement durables.", false},
		{"desealing and greening", "transition-ecologique",
			"La Région finance la désimperméabilisation et la végétalisation des cours d'écoles de Montclar.", true},
		{"a spa town", "tourisme",
			"La station thermale rénove ses thermes pour accueillir davantage de curistes chaque saison.", true},
		{"thermal insulation is not a spa", "tourisme",
			"Le gymnase sera doté d'une meilleure isolation thermique avant l'hiver.", false},
		{"RSA recipients", "emploi-formation",
			"Le Département accompagne les bénéficiaires du RSA dans leur parcours.", true},
		{"an EPCI's tax status is not taxation", "fiscalite",
			"La communauté de communes à fiscalité propre a adopté son règlement de voirie.", false},
		{"online pharmacy is not local shops", "centres-villes",
			"L'ARS autorise la pharmacie du Port au commerce électronique de médicaments.", false},
		{"a contract's name", "transition-ecologique",
			"Le préfet et le président ont signé hier le contrat de relance et de transition écologique du territoire.", false},
		{"Anru written as a word", "politique-de-la-ville",
			"Les quartiers Anru de l'agglomération attendent leurs projets.", true},
		{"an OPAH-RU is a housing programme", "logement",
			"La convention de l'opération programmée d'amélioration de l'habitat et de renouvellement urbain de Vireux a été signée.", true},
		{"an OPAH-RU's name is not land planning", "amenagement-friches",
			"La convention de l'opération programmée d'amélioration de l'habitat et de renouvellement urbain de Vireux a été signée.", false},
		{"an allocation is not local finances", "fiscalite",
			"Avec une dotation de 2 millions d'euros, l'appel à projets soutiendra les lauréats de la région.", false},
		{"the State's allocations to communes are", "fiscalite",
			"Les dotations de l'État aux communes baissent de 3 % : la commune revoit ses finances locales.", true},
		{"leisure is not tourism", "tourisme",
			"Le projet comprend des équipements de sports et de loisirs pour les habitants du quartier.", false},
		{"primary classes", "education-jeunesse",
			"Saint-Aubin modernise ses classes élémentaires avant la rentrée.", true},
		{"hydraulic works are not land planning", "amenagement-friches",
			"Le syndicat poursuit l'aménagement hydraulique de la vallée pour l'irrigation des vergers.", false},
		{"access to services is not transport", "mobilites",
			"Les ateliers du forum portent sur l'accessibilité des services publics dans les bourgs.", false},
		{"a regulatory category's name", "transition-ecologique",
			"L'entrepôt relève des installations classées pour la protection de l'environnement depuis 2012.", false},
		{"an effect on economic activity is a passing motive", "developpement-economique",
			"Les travaux démarreront vite pour un effet immédiat sur l'activité économique du canton.", false},
		{"in a rural setting is a place", "ruralite",
			"Les lauréats réhabilitent des bâtiments vacants, tant en ville qu'en milieu rural.", false},
		{"rural policy", "ruralite",
			"Le Département lance un fonds pour la ruralité : les communes rurales de moins de 1 000 habitants pourront y prétendre.", true},
		{"participative loans and crowdfunding are finance", "participation",
			"Le projet est financé par un prêt participatif de 50 000 € et une campagne de financement participatif auprès de 200 donateurs.", false},
		{"a participative budget is participation", "participation",
			"Les habitants ont choisi douze projets dans le cadre du budget participatif de la commune.", true},
		{"a law's name", "transition-ecologique",
			"Conformément à la loi Climat et résilience, le plan local d'urbanisme est modifié.", false},
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

// TestThemesEnumeration checks that the items of an enumeration in running text
// weigh like list items: domains listed after "en matière de", topics listed one
// noun each, works listed after a colon. Examples in parentheses, a pair joined
// by "et", a list of names and a programme's name before its acronym do not.
func TestThemesEnumeration(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"domains after en matière de",
			"Le contrat accompagne les communes de la vallée en matière de logement, de mobilité, de numérique et de santé.",
			[]string{"logement", "mobilites", "numerique", "sante"}, nil},
		{"bare topics",
			"Le pacte s'appuie sur un diagnostic qui porte sur la formation, les mobilités, le numérique, l'économie et la culture.",
			[]string{"emploi-formation", "mobilites", "numerique", "developpement-economique", "culture-patrimoine"}, nil},
		{"works after a colon",
			"La communauté poursuit ses investissements : création de pistes cyclables, construction et rénovation d'écoles.",
			[]string{"mobilites", "education-jeunesse"}, nil},
		{"examples in parentheses",
			"Les ateliers aborderont l'accès aux services (santé, mobilité, numérique, culture…) dans les bourgs.",
			nil, []string{"sante", "mobilites", "numerique"}},
		{"a pair joined by et",
			"Le bus est une condition d'accès à l'emploi et aux soins, souligne Paul Marchand, président de l'agglomération.",
			nil, []string{"sante"}},
		{"a list of names",
			"Étaient présents : Jean Morel, Anne Petit, Luc Blanc, Marie Roux, adjointe à l'urbanisme, Paul Vidal.",
			nil, []string{"amenagement-friches"}},
		{"a programme's name before its acronym",
			"La convention de l'opération programmée d'amélioration de l'habitat et de renouvellement urbain (OPAH-RU) 2023-2028 est signée.",
			nil, []string{"politique-de-la-ville"}},
	}
	// Without the rule, each positive text misses one of its themes at least.
	off, err := Parse([]byte(strings.NewReplacer("@enum\t2", "@enum\t1", "@topics\t3", "@topics\t1").Replace(string(themesTSV))))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ids, scores := classifyText(tt.text, "")
			for _, w := range tt.want {
				if !slices.Contains(ids, w) {
					t.Errorf("%s not in %v (scores %v)", w, ids, scores)
				}
			}
			if offIDs, _ := off.Classify(text.New(text.Normalize(tt.text)), ""); len(tt.want) > 0 && len(offIDs) >= len(ids) {
				t.Errorf("without @enum and @topics: %v, want fewer themes than %v", offIDs, ids)
			}
			for _, w := range tt.not {
				if slices.Contains(ids, w) {
					t.Errorf("%s in %v (scores %v)", w, ids, scores)
				}
			}
		})
	}
}

// TestThemesPortfolio checks that an official's portfolio, named with the office
// ("vice-présidente chargée du tourisme", "adjoint délégué au patrimoine"), is a
// title, not a subject, while the same words in the text's own sentences count.
func TestThemesPortfolio(t *testing.T) {
	tests := []struct {
		name, theme, text string
		want              bool
	}{
		{"vice-president in charge", "tourisme",
			"Lundi, Claire Vasseur, vice-présidente chargée du tourisme et de l'attractivité, a ouvert la rencontre des maires.", false},
		{"deputy with a portfolio", "culture-patrimoine",
			"Paul Renaud, adjoint au maire délégué au patrimoine, à la culture et aux musées, présente le rapport de la commission.", false},
		{"in charge, after a regional councillor", "emploi-formation",
			"La conseillère régionale en charge de l'emploi et de la formation professionnelle était présente à la cérémonie.", false},
		{"the portfolio ends at the next clause", "tourisme",
			"Claire Vasseur, vice-présidente chargée des finances, annonce un plan pour le tourisme de pleine nature : hébergement touristique, randonnée et offices de tourisme.", true},
		{"charges after a punctuation mark are expenses", "sante",
			"Le budget communautaire ; charges de la maison de santé et des soins infirmiers à domicile du canton.", true},
		{"a delegated competence is not an office", "mobilites",
			"La compétence déléguée à la communauté urbaine porte sur les transports urbains, le réseau de bus et les pistes cyclables.", true},
		{"a deputy councillor's portfolio", "tourisme",
			"Le conseiller délégué au tourisme et aux loisirs de pleine nature, Marc Olivier, a remis les prix.", false},
		{"care taken in charge is not an office", "sante",
			"Le centre prend en charge les soins dentaires et l'accès aux soins des habitants du canton.", true},
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

func TestListItemMarkers(t *testing.T) {
	tests := []struct {
		line    string
		want    bool
		content int
	}{
		{"- le tourisme ;", true, 2},
		{"1. le logement", true, 3},
		{"2) la culture", true, 3},
		{"3>un soutien à la numérisation", true, 2},
		{"12>les mobilités", true, 3},
		{"2024 a été une année record", false, 0},
		{"> citation d'un courriel", false, 0},
	}
	for _, tt := range tests {
		got, at := listItem(text.Fold(tt.line))
		if got != tt.want || got && at != tt.content {
			t.Errorf("listItem(%q) = %v, %d; want %v, %d", tt.line, got, at, tt.want, tt.content)
		}
	}
	_, ids, scores := classifyText("Le dispositif finance les boutiques par :\n\n1>la rénovation des vitrines\n2>un soutien à la numérisation des ventes\n", "")
	if !slices.Contains(ids, "numerique") {
		t.Errorf("numerique not in %v (scores %v): a \"2>\" item's head weighs like an item's", ids, scores)
	}
}
