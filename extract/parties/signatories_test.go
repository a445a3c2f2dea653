package parties

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"terril/corpus"
)

// Each case lists the signatories expected, as "kind:Name", in text order.
var signatoryCases = []struct {
	name string
	text string
	want []string
}{
	{"person signs with unnamed local authorities",
		"Olivier Sichel, directeur de la Banque des Territoires, signe un partenariat avec les collectivités locales du Bassin minier.",
		[]string{"person:Olivier Sichel"}},
	{"title standing for a person named earlier",
		"PierreRené Lemas, directeur général de la Caisse des dépôts, était à Lille. Cette fois, le directeur de la CDC et Xavier Bertrand ont officialisé une convention de partenariat.",
		[]string{"person:Pierre-René Lemas", "person:Xavier Bertrand"}},
	{"institutions account dropped when persons sign the same convention",
		"La Région et la Caisse des dépôts ont signé une convention. PierreRené Lemas, directeur général de la Caisse des dépôts, et Xavier Bertrand ont officialisé la convention.",
		[]string{"person:Pierre-René Lemas", "person:Xavier Bertrand"}},
	{"coordinated names share their head; en présence de excluded",
		"Les signataires de cet accord sont les communautés d'agglomération du Douaisis, de Lens-Liévin et de la Porte-du-Hainaut, les communautés de communes Cœur d'Ostrevent et d'Osartis-Marquion, les départements du Nord et du Pas-de-Calais, la Préfecture de Région Hauts-de-France, en présence de la Région Hauts-de-France.",
		[]string{"organization:Communauté d'agglomération du Douaisis", "organization:Communauté d'agglomération de Lens-Liévin",
			"organization:Communauté d'agglomération de la Porte-du-Hainaut", "organization:Communauté de communes Cœur d'Ostrevent",
			"organization:Communauté de communes d'Osartis-Marquion", "organization:Département du Nord",
			"organization:Département du Pas-de-Calais", "organization:Préfecture de Région Hauts-de-France"}},
	{"unnamed intercommunalities are those the document names",
		"La Communauté d'agglomération de Lens-Liévin et la Communauté de communes Osartis Marquion étaient représentées.\n\n- 7 mars 2017 : signature de l'engagement par le Premier ministre Bernard Cazeneuve, les présidents du conseil régional et des conseils départementaux du Nord et du Pas-de-Calais ainsi que des intercommunalités du bassin.",
		[]string{"organization:Communauté d'agglomération de Lens-Liévin", "organization:Communauté de communes Osartis Marquion",
			"person:Bernard Cazeneuve", "organization:Conseil régional", "organization:Conseil départemental du Nord",
			"organization:Conseil départemental du Pas-de-Calais"}},
	{"titles without names sign for their institutions",
		"Il a été signé par le préfet du Nord, le président de la Métropole, la Région Hauts-de-France, le Département du Nord, la caisse d'allocations familiales et les bailleurs sociaux.",
		[]string{"organization:Préfecture du Nord", "organization:Métropole", "organization:Région Hauts-de-France",
			"organization:Département du Nord", "organization:Caisse d'allocations familiales"}},
	{"a represented party is its representative",
		"Marc Duhamel, directeur régional de la Banque des Territoires, et Jean-Luc Verdier, président de la CAPSO, ont signé une convention. La ville de Saint-Omer, représentée par son maire Anne-Sophie Leclercq, est également signataire.",
		[]string{"person:Marc Duhamel", "person:Jean-Luc Verdier", "person:Anne-Sophie Leclercq"}},
	{"abbreviated intercommunality",
		"Les présidents de la CC Ponthieu-Marquenterre et de la Communauté de communes du Pays du Coquelicot ont également signé les conventions.",
		[]string{"organization:CC Ponthieu-Marquenterre", "organization:Communauté de communes du Pays du Coquelicot"}},
	{"coordinated organisations sign, one described in common words, one plural head",
		"La Communauté de communes du Pays de Lumbres, l'Office national des forêts (ONF) et les villes de Lumbres et d'Esquerdes ont signé une charte forestière.",
		[]string{"organization:Communauté de communes du Pays de Lumbres", "organization:Office national des forêts (ONF)",
			"organization:Ville de Lumbres", "organization:Ville d'Esquerdes"}},
	{"an organisation named by its acronym in a signing person's role",
		"La Ville d'Arras et l'Établissement public foncier (EPF) ont signé ce lundi une convention. Elle a été signée par Frédéric Leturque, maire d'Arras, et Loranne Bailly, directrice générale de l'EPF.",
		[]string{"person:Frédéric Leturque", "person:Loranne Bailly"}},
	{"signature block of an act",
		"Article 3 : d'autoriser le Président à signer l'acte authentique.\n\nFait à Béthune, le 20 mars 2023\n\nLe Président,\n\nGérard HOCHART",
		[]string{"person:Gérard Hochart"}},
	{"signature block without Fait à",
		"La séance est levée à 20h15.\n\nLe Président, Michel BARBIER",
		[]string{"person:Michel Barbier"}},
	{"signature block in columns",
		"Fait à Boulogne-sur-Mer, le 5 octobre 2023\n\nLe Président, La Secrétaire de séance,\n\nJean-Claude ETIENNE Valérie MACHU",
		[]string{"person:Jean-Claude Etienne", "person:Valérie Machu"}},
	{"visas cite earlier signatures",
		"Vu le contrat de prêt n° 148562 signé entre la SA d'HLM Vilogia et la Caisse des dépôts et consignations ;\n\nArticle 4 : Le Conseil autorise Monsieur le Maire à signer la convention.", nil},
	{"a sign is no signature", "C'est un signe fort pour la Communauté d'agglomération du Douaisis, selon Jean Dupont.", nil},
	{"quoted speaker is no signatory",
		"Une convention signée en juin avec la Communauté d'agglomération de Lens-Liévin prévoit 1,5 million d'euros. « L'entrée est gratuite », constate Sylvie Marquant, adjointe à la culture.",
		[]string{"organization:Communauté d'agglomération de Lens-Liévin"}},
	{"representative of a party to a convention",
		"Entre la Région Hauts-de-France, représentée par M. Xavier BERTRAND, son Président, d'une part,\net la commune de Nieppe, d'autre part.",
		[]string{"person:Xavier Bertrand"}},
	{"representatives with their titles, across lines",
		"CONVENTION\n\nEntre d'une part :\nL'agence régionale de santé, dont le siège est situé 556 avenue Willy Brandt 59777 EURALILLE, représentée par son Directeur\ngénéral, Monsieur Hugo GILARDI,\n- Ci-après dénommée « l'ARS »\net,\nLa Communauté de communes Sud-Avesnois, représentée par son Président\nMonsieur Michaël HIRAUX,\net,\nLe Conseil départemental du Nord, représenté par son Président, Monsieur Christian POIRET,\nIl est convenu ce qui suit.",
		[]string{"person:Hugo Gilardi", "person:Michaël Hiraux", "person:Christian Poiret"}},
	{"a person named after the clause of a representative is not one",
		"Entre la Commune de Trélon, représentée par son maire ; et l'association, d'autre part. Le projet est suivi par Madame Anne PETIT.",
		nil},
	{"an unnamed préfète signs for her préfecture",
		"La préfète de l'Aisne a signé la convention avec la commune de Chauny jeudi.",
		[]string{"organization:Préfecture de l'Aisne", "organization:Commune de Chauny"}},
	{"an unnamed préfet after the verb",
		"Le contrat de relance a été signé mardi par le préfet de l'Oise et la Communauté de communes du Pays de Bray.",
		[]string{"organization:Préfecture de l'Oise", "organization:Communauté de communes du Pays de Bray"}},
	{"unnamed mayors sign for their communes",
		"Les maires de Ham et de Nesle ont signé le contrat de ruralité.",
		[]string{"organization:Commune de Ham", "organization:Commune de Nesle"}},
	{"an unnamed mayor signs for the commune",
		"Le maire de Chauny et le directeur de la caisse ont signé l'avenant.",
		[]string{"organization:Commune de Chauny"}},
	{"businesses and social landlords in a list of co-signers",
		"La convention a été signée par la Ville de Creil, Clésence, Oise Habitat et la SNCF.",
		[]string{"organization:Ville de Creil", "organization:Clésence", "organization:Oise Habitat", "organization:SNCF"}},
	{"co-signers listed after signataires",
		"Les signataires sont la Communauté d'agglomération Creil Sud Oise, Picardie Habitat et Enedis.",
		[]string{"organization:Communauté d'agglomération Creil Sud Oise", "organization:Picardie Habitat", "organization:Enedis"}},
	{"institutions signing a convention between them",
		"Le projet repose sur la convention signée entre le Département et la CAF en 2022.",
		[]string{"organization:Département", "organization:CAF"}},
	{"the Region and an acronym sign an agreement",
		"La Région et l'ADEME ont signé un accord-cadre pour la rénovation des lycées.",
		[]string{"organization:Région", "organization:ADEME"}},
	{"a président who signs in person: his intercommunality is not listed again",
		"Le président de la Communauté de communes du Val de Somme, Jean Dupont, a signé la convention avec la Banque des Territoires.",
		[]string{"person:Jean Dupont", "organization:Banque des Territoires"}},
	{"a président named after his intercommunality's name",
		"Pour la Communauté d'agglomération du Saint-Quentinois, c'est son président Frédéric Alliot qui a signé le contrat.",
		[]string{"person:Frédéric Alliot"}},
	{"a préfet who signed an arrêté in narration is no party",
		"En 2019, le préfet de la Somme avait signé l'arrêté autorisant le parc éolien, contesté depuis par les riverains.",
		nil},
	{"an arrêté signed by a préfet, reported in passing",
		"L'arrêté signé par le préfet de l'Oise le 3 mai interdit la circulation sur le pont.",
		nil},
	{"a person who signed a petition is no party",
		"Jean Martin, habitant de Ham, a signé la pétition contre la fermeture de la gare.",
		nil},
	{"a département named with l' and an acronym in a subject list",
		"Le Département de l'Aisne et la CAF ont signé la convention territoriale globale.",
		[]string{"organization:Département de l'Aisne", "organization:CAF"}},
	{"a person and a business in a list repeated with par",
		"Le document a été signé par Jean Dupont, maire de Ham, et par la SNCF.",
		[]string{"person:Jean Dupont", "organization:SNCF"}},
	{"a subject list after an adverb; the sentence before names no party",
		"Les élus ont signé. Puis Amiens Métropole et Enedis ont signé un partenariat.",
		[]string{"organization:Amiens Métropole", "organization:Enedis"}},
	{"places in a signing sentence are no parties",
		"La convention a été signée à Amiens, Lille et Arras par les présidents.", nil},
	{"a person signs on behalf of an organisation named by its acronym in his role",
		"Jean Dupont, président de la CCVS, a signé la convention pour la Communauté de communes du Val de Somme (CCVS).",
		[]string{"person:Jean Dupont"}},
	{"a person signs au nom de an organisation",
		"Jean Dupont, président de l'intercommunalité, a signé la convention au nom de la Communauté de communes du Val de Somme.",
		[]string{"person:Jean Dupont"}},
	{"represented by an unnamed président, the organisation signs",
		"La Communauté de communes du Val de Somme, représentée par son président, et la Ville d'Albert ont signé.",
		[]string{"organization:Communauté de communes du Val de Somme", "organization:Ville d'Albert"}},
	{"a bare préfet and a CAF",
		"Le préfet a signé la convention avec la CAF de l'Oise.",
		[]string{"organization:Préfecture", "organization:CAF de l'Oise"}},
	{"an unnamed sous-préfète",
		"La sous-préfète de Péronne a signé le contrat avec la commune de Ham.",
		[]string{"organization:Sous-préfecture de Péronne", "organization:Commune de Ham"}},
	{"a named mayor signs for the commune",
		"Le maire de Ham, Jean Dupont, a signé la convention.",
		[]string{"person:Jean Dupont"}},
	{"parties described by a common noun before their names",
		"La charte a été signée par la Ville de Compiègne, le bailleur social Clésence et l'entreprise Enedis.",
		[]string{"organization:Ville de Compiègne", "organization:Clésence", "organization:Enedis"}},
	{"a charter still to be signed has no signatories yet",
		"Une charte de bon voisinage sera signée avec l'association Marck Environnement d'ici l'été, et la convention doit être signée par la Ville de Calais.",
		nil},
	{"a convention just signed",
		"La convention vient d'être signée par la Ville de Calais et l'association Marck Environnement.",
		[]string{"organization:Ville de Calais", "organization:Marck Environnement"}},
	{"a delegation of signature is no signature",
		"Arrêté portant délégation de signature aux agents de la Direction départementale des territoires et de la mer (DDTM) par le Préfet de la Somme.",
		nil},
	{"a payment due on signature is no signature",
		"L'aide est versée en deux fois : 50 % à la signature et 50 % au premier anniversaire, financée par l'ARS et la CPAM.",
		nil},
	{"a signature block is not a bare préfet signing",
		"Le présent arrêté sera publié au recueil des actes administratifs.\n\nPour le préfet et par délégation, le secrétaire général,\n\nSigné Lucien GIUDICELLI",
		[]string{"person:Lucien Giudicelli"}},
	{"a convention signed while an arrêté is mentioned",
		"Le préfet de l'Aisne, qui avait pris un arrêté en mars, a signé la convention avec la commune de Laon.",
		[]string{"organization:Préfecture de l'Aisne", "organization:Commune de Laon"}},
	{"a delegation of signature across a line break is no signature",
		"Arrêté n°2024-118 portant délégation\nde signature à M. Paul FERRAND, directeur de la citoyenneté et de la légalité (3 pages)",
		nil},
	{"an infinitive after pour reports the signature",
		"La présidente de la Région Jeanne Morel s'est rendue lundi à la mairie de Vierzon pour signer avec le maire Luc Garnier le contrat de territoire.",
		[]string{"person:Jeanne Morel", "person:Luc Garnier"}},
	{"an infinitive in a sentence in the future signs nothing yet",
		"Le préfet se rendra jeudi à Bourges pour signer la convention avec la commune de Vierzon.", nil},
	{"an authorisation to sign signs nothing yet",
		"Le conseil autorise Madame la Présidente à signer la convention avec la Communauté de communes Vierzon-Sologne.", nil},
	{"a text signed by its author is no agreement",
		"Une tribune signée Paul Lambert appelle la Communauté d'agglomération de Tours à agir.", nil},
	{"persons accompanying the signers do not sign",
		"Marc Vidal et Hélène Roche ont signé le contrat, accompagnés à Rennes par Yves Le Gall et Anne Briand, conseillers régionaux.",
		[]string{"person:Marc Vidal", "person:Hélène Roche"}},
	{"the agent of another act does not sign",
		"Le contrat a été signé ce matin par Sophie Brun, qui concrétise l'engagement pris par Paul Lambert en 2021.",
		[]string{"person:Sophie Brun"}},
	{"a photo credit line is not part of the next sentence",
		"Une crèche sera construite. PHOTO/MARC DELORME\nLe 4 mai, Claire Aubin, présidente du Département, et Louis Perrin, maire de Vierzon, ont signé le contrat.",
		[]string{"person:Claire Aubin", "person:Louis Perrin"}},
	{"a programme's name in quotes is no party",
		"Le Département de l'Indre a signé une convention « Petites Villes de Demain » avec la Banque des Territoires.",
		[]string{"organization:Département de l'Indre", "organization:Banque des Territoires"}},
	{"a subject in the singular before a: the party signs",
		"Tours Métropole a en effet signé, avec l'Agence de l'eau Loire-Bretagne, un contrat territorial.",
		[]string{"organization:Tours Métropole", "organization:Agence de l'eau Loire-Bretagne"}},
	{"a title naming the parties, then the two persons who sign",
		"Signature du contrat de ville avec la commune de Vierzon\n\nLe président du Département Jean Morel s'est rendu à Vierzon pour signer avec le maire Luc Garnier le contrat de ville.",
		[]string{"person:Jean Morel", "person:Luc Garnier"}},
	{"two persons sign a contract between two institutions",
		"Jean Morel et Luc Garnier ont signé le contrat de relance entre l'État et la Communauté de communes Vierzon-Sologne.",
		[]string{"person:Jean Morel", "person:Luc Garnier"}},
	{"a signature block with Signé between the title and the name",
		"Article 4 : Le secrétaire général est chargé de l'exécution du présent arrêté.\n\nFait à Mende, le 12 mars 2024\n\nLe préfet,\n\nSigné\n\nPhilippe CASTANET",
		[]string{"person:Philippe Castanet"}},
	{"a signature block by delegation over several title lines",
		"Article 2 : exécution.\nFait à Tulle, le 3 mai 2023\nPour le Préfet,\nLa Sous-Préfète,\nDirectrice de cabinet\nAnne MOREL",
		[]string{"person:Anne Morel"}},
	{"a certified extract of a deliberation",
		"Adopté à l'unanimité.\nPour extrait conforme,\nLe Maire,\nJacques BERNARD",
		[]string{"person:Jacques Bernard"}},
	{"a convention's signature block, one party under another, an unknown given name",
		"Article 8 : litiges.\n\nFait à Lille, le 3 mars 2023, en deux exemplaires originaux.\n\nPour la Région Hauts-de-France,\nLe Président,\nXavier BERTRAND\n\nPour l'Établissement public foncier,\nLa Directrice générale,\nLoranne BAILLY",
		[]string{"person:Xavier Bertrand", "person:Loranne Bailly"}},
	{"a press contact closing a release signs nothing",
		"Le chantier débutera en mai.\n\nContact presse :\nChargée de communication\nMarie DURAND\n06 12 34 56 78", nil},
	{"a press officer under a title line signs nothing",
		"Le chantier débutera en mai.\n\nContact presse\nLa responsable communication,\nMarie DURAND", nil},
	{"a chair named in the minutes' opening is no signature block",
		"M. le Maire ouvre la séance.\nLe Président,\nM. Jean DUPONT rappelle l'ordre du jour.", nil},
	{"a title before the name after another title in the clause",
		"Après la signature de la convention par le préfet et la présidente de la Région, Anne Morel, les travaux pourront commencer.",
		[]string{"organization:Préfecture", "person:Anne Morel"}},
	{"onlookers do not sign",
		"Le contrat a été signé par Anne Morel, présidente de l'agglomération, et Luc Garnier, directeur régional de la Banque des Territoires, sous le regard de Paul Lambert, sous-préfet.",
		[]string{"person:Anne Morel", "person:Luc Garnier"}},
	{"a speaker reporting a signature does not sign",
		"La présidente Carole Vidal a rappelé que la Région avait signé en 2019 un pacte avec l'État.",
		[]string{"organization:Région", "organization:État"}},
	{"a signature planned is none yet",
		"Cette convention, dont la signature est prévue en juin, associe la Région et l'ADEME.", nil},
	{"a motion signed by mayors is no agreement",
		"Les maires du canton ont signé une motion contre la fermeture de la maternité de Vierzon.", nil},
	{"a person who came to sign",
		"La ministre Claire Aubin est venue signer à Vierzon le contrat de ville avec la Communauté de communes Vierzon-Sologne.",
		[]string{"person:Claire Aubin", "organization:Communauté de communes Vierzon-Sologne"}},
	{"a signature just made",
		"La Ville de Blois vient de signer une convention avec l'Agence nationale de l'habitat (Anah).",
		[]string{"organization:Ville de Blois", "organization:Agence nationale de l'habitat (Anah)"}},
	{"a party after a year between the verb and entre",
		"La convention, signée en 2021 entre la Région et l'EPF, a permis de racheter douze friches.",
		[]string{"organization:Région", "organization:EPF"}},
	{"a speaker named after what he says does not sign",
		"Depuis la signature du protocole en 2018, la commune a engagé deux millions d'euros, explique son maire, Anne Petit.", nil},
	{"a person quoted with selon does not sign",
		"Le pacte a été signé par la Région et l'ADEME. Selon Hélène Marchand, directrice de l'ADEME, il a été signé pour cinq ans.",
		[]string{"organization:Région", "organization:ADEME"}},
	{"powers given to sign are no signature",
		"DONNE tous pouvoirs à Monsieur le Maire pour signer la convention avec la SAUR.", nil},
	{"a person appointed to sign has not signed yet",
		"Le conseil mandate le Président, Jean Morel, pour signer l'avenant avec la Région.", nil},
	{"a person signs with an institution: both sign",
		"Luc Garnier, maire de Vierzon, et Jean Morel ont signé la convention avec la Caisse des dépôts.",
		[]string{"person:Luc Garnier", "person:Jean Morel", "organization:Caisse des dépôts"}},
}

func TestSignatories(t *testing.T) {
	for _, tc := range signatoryCases {
		t.Run(tc.name, func(t *testing.T) {
			tx := NewText(Normalize(tc.text))
			var got []string
			for _, s := range Signatories(tx, People(tx), nil) {
				got = append(got, s.Kind+":"+s.Name)
				if s.Key == "" {
					t.Errorf("%s: empty key", s.Name)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Signatories(%q)\n got: %q\nwant: %q", tc.text, got, tc.want)
			}
		})
	}
}

// fakeResolver knows one intercommunality.
type fakeResolver struct{}

func (fakeResolver) ResolveOrg(name string) (string, bool) {
	if strings.Contains(Fold(name), "douaisis") {
		return "epci:200044618", true
	}
	return "", false
}

func TestSignatoriesResolver(t *testing.T) {
	tx := NewText(Normalize("Les communautés d'agglomération du Douaisis et de Lens-Liévin ont signé la convention."))
	got := Signatories(tx, People(tx), fakeResolver{})
	if len(got) != 2 || got[0].Key != "epci:200044618" || got[1].Key != "org:lens lievin" {
		t.Errorf("Signatories with a resolver = %+v", got)
	}
	if got[0].Name != "Communauté d'agglomération du Douaisis" {
		t.Errorf("the name must stay as the text gives it, got %q", got[0].Name)
	}
}

// goldRecord is the part of a gold record these tests read.
type goldRecord struct {
	ID          string      `json:"id"`
	People      []goldParty `json:"people"`
	Signatories []goldParty `json:"signatories"`
}

type goldParty struct {
	Name string  `json:"name"`
	Role *string `json:"role"`
	Kind string  `json:"kind"`
}

// nameKey compares names as the reference scorer does: regardless of case,
// accents, hyphens, spaces and word order.
func nameKey(s string) string {
	var rs []rune
	for _, r := range Fold(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	return string(rs)
}

func sameParty(g, p goldParty) bool {
	if nameKey(g.Name) == nameKey(p.Name) {
		return true
	}
	if g.Kind == corpus.KindOrganization || p.Kind == corpus.KindOrganization {
		a, b := significantWords(g.Name), significantWords(p.Name)
		sub := func(x, y []string) bool {
			for _, w := range x {
				if !slices.Contains(y, w) {
					return false
				}
			}
			return true
		}
		return len(a) > 0 && len(b) > 0 && (sub(a, b) || sub(b, a))
	}
	return false
}

// partyScores is the micro-averaged tally of people or signatories, and of roles
// on matched people.
type partyScores struct {
	tp, fp, fn         int
	rolesOK, rolesSeen int
	misses             []string
}

func (s *partyScores) add(id string, gold, pred []goldParty, roles bool) {
	used := make([]bool, len(pred))
	for _, g := range gold {
		found := false
		for i, p := range pred {
			if used[i] || !sameParty(g, p) {
				continue
			}
			used[i], found = true, true
			s.tp++
			if roles {
				s.rolesSeen++
				gr, pr := "", ""
				if g.Role != nil {
					gr = *g.Role
				}
				if p.Role != nil {
					pr = *p.Role
				}
				if PersonKey(gr) == PersonKey(pr) {
					s.rolesOK++
				} else {
					s.misses = append(s.misses, fmt.Sprintf("%s: role of %s: got %q, want %q", id, g.Name, pr, gr))
				}
			}
			break
		}
		if !found {
			s.fn++
			s.misses = append(s.misses, fmt.Sprintf("%s: missed %s", id, g.Name))
		}
	}
	for i, p := range pred {
		if !used[i] {
			s.fp++
			s.misses = append(s.misses, fmt.Sprintf("%s: spurious %s", id, p.Name))
		}
	}
}

func (s *partyScores) f1() float64 {
	if s.tp == 0 {
		return 0
	}
	p := float64(s.tp) / float64(s.tp+s.fp)
	r := float64(s.tp) / float64(s.tp+s.fn)
	return 2 * p * r / (p + r)
}

// evalGold runs People and Signatories on the documents of a gold file and
// returns the scores; docPath maps an id to its text file.
func evalGold(t *testing.T, goldPath string, docText func(id string) (string, bool)) (people, signs partyScores) {
	t.Helper()
	f, err := os.Open(goldPath)
	if err != nil {
		t.Skipf("gold not available (%v): run from the repository with ../shared beside it", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		var g goldRecord
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("%s: %v", goldPath, err)
		}
		text, ok := docText(g.ID)
		if !ok {
			continue
		}
		n++
		tx := NewText(Normalize(text))
		ps := People(tx)
		var pp, pg []goldParty
		for _, p := range ps {
			r := p.Role
			pp = append(pp, goldParty{Name: p.Name, Role: &r, Kind: corpus.KindPerson})
		}
		for _, s := range Signatories(tx, ps, nil) {
			pg = append(pg, goldParty{Name: s.Name, Kind: s.Kind})
		}
		people.add(g.ID, g.People, pp, true)
		signs.add(g.ID, g.Signatories, pg, false)
	}
	if n == 0 {
		t.Skipf("%s: no document found", goldPath)
	}
	return people, signs
}

func TestPeopleSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared")
	people, signs := evalGold(t, filepath.Join(dir, "gold", "seeds.gold.jsonl"), func(id string) (string, bool) {
		b, err := os.ReadFile(filepath.Join(dir, "seeds", id+".txt"))
		return string(b), err == nil
	})
	roleAcc := float64(people.rolesOK) / float64(max(people.rolesSeen, 1))
	t.Logf("seeds: people F1 %.3f (tp %d fp %d fn %d), roles %d/%d, signatories F1 %.3f (tp %d fp %d fn %d)",
		people.f1(), people.tp, people.fp, people.fn, people.rolesOK, people.rolesSeen, signs.f1(), signs.tp, signs.fp, signs.fn)
	for _, m := range append(people.misses, signs.misses...) {
		t.Log(m)
	}
	if people.f1() < 0.9 || signs.f1() < 0.8 || roleAcc < 0.8 {
		t.Errorf("below target: people F1 %.3f (≥ 0.9), signatories F1 %.3f (≥ 0.8), roles %.3f (≥ 0.8)", people.f1(), signs.f1(), roleAcc)
	}
}

// TestPartiesRealdev scores People and Signatories on ../shared/realdev, the real
// documents, against floors: a guard against regressions, not a target to tune to.
func TestPartiesRealdev(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "realdev")
	people, signs := evalGold(t, filepath.Join(dir, "gold.jsonl"), func(id string) (string, bool) {
		b, err := os.ReadFile(filepath.Join(dir, "docs", id+".txt"))
		return string(b), err == nil
	})
	t.Logf("realdev: people F1 %.3f (tp %d fp %d fn %d), roles %d/%d, signatories F1 %.3f (tp %d fp %d fn %d)",
		people.f1(), people.tp, people.fp, people.fn, people.rolesOK, people.rolesSeen, signs.f1(), signs.tp, signs.fp, signs.fn)
	for _, m := range append(people.misses, signs.misses...) {
		t.Log(m)
	}
	if people.f1() < 0.9 || signs.f1() < 0.85 {
		t.Errorf("below floor: people F1 %.3f (≥ 0.9), signatories F1 %.3f (≥ 0.85)", people.f1(), signs.f1())
	}
}

func ExampleSignatories() {
	t := NewText(Normalize("Les signataires sont les départements du Nord et du Pas-de-Calais et Olivier Sichel, directeur de la Banque des Territoires, en présence de la Région."))
	for _, s := range Signatories(t, People(t), nil) {
		fmt.Printf("%s: %s\n", s.Kind, s.Name)
	}
	// Output:
	// organization: Département du Nord
	// organization: Département du Pas-de-Calais
	// person: Olivier Sichel
}

// BenchmarkParties measures People and Signatories as Extract runs them.
func BenchmarkParties(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		b.Skip("../shared/seeds not available")
	}
	var texts []*Text
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		t := NewText(Normalize(string(data)))
		texts = append(texts, t)
		size += len(t.S)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, t := range texts {
			Parties(t, nil)
		}
	}
}
