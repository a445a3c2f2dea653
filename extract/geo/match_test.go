package geo

import (
	"slices"
	"strings"
	"testing"

	"terril/extract"
)

func match(g *Gazetteer, s string) (communes, epcis, deps []string) {
	cs, es, ds := g.MatchText(extract.NewText(extract.Normalize(s)))
	for _, c := range cs {
		communes = append(communes, c.INSEE)
	}
	for _, e := range es {
		epcis = append(epcis, e.SIREN)
	}
	slices.Sort(communes)
	slices.Sort(epcis)
	deps = slices.Clone(ds)
	slices.Sort(deps)
	return
}

// A matchCase is a text and the places it names: space-separated INSEE codes, SIRENs
// and département codes.
type matchCase struct {
	name, text            string
	communes, epcis, deps string
}

// runMatchCases matches each case's text with the default gazetteer and compares.
func runMatchCases(t *testing.T, cases []matchCase) {
	t.Helper()
	g := mustDefault(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, e, d := match(g, tc.text)
			if !slices.Equal(c, list(tc.communes)) {
				t.Errorf("%q: communes %v, want %v", tc.text, c, list(tc.communes))
			}
			if !slices.Equal(e, list(tc.epcis)) {
				t.Errorf("%q: epcis %v, want %v", tc.text, e, list(tc.epcis))
			}
			if !slices.Equal(d, list(tc.deps)) {
				t.Errorf("%q: départements %v, want %v", tc.text, d, list(tc.deps))
			}
		})
	}
}

func list(s string) []string {
	f := strings.Fields(s)
	slices.Sort(f)
	return f
}

// Ambiguity cases beyond the seeds: homonyms, names that are words, people, streets,
// names inside EPCI or département names, demonyms, short forms, former communes.
var ambiguity = []matchCase{
	{"maire de", "Le maire de Beauvais a inauguré la salle.", "60057", "", ""},
	{"sous-préfet d'arrondissement", "Le sous-préfet de Lille a présidé la réunion.", "", "", ""},
	{"arrondissement", "Les communes de l'arrondissement de Lens sont concernées.", "", "", ""},
	{"lieu-dit après un trait d'union", "Le pôle image de Wallers-Arenberg ouvrira.", "59632", "", ""},
	{"adjectif", "Les Hauts-de-France financent cette association compiégnoise.", "", "", ""},
	{"région n'est pas un département", "La Région Hauts-de-France et la Région Hauts-deFrance.", "", "", ""},
	{"départements coordonnés", "Il recouvre 250 communes sur les départements du Nord et du Pas-de-Calais.", "", "", "59 62"},
	{"code entre parenthèses", "Trois communes, Baincthun (62), Montataire (60) et Nieppe (59), sont lauréates.", "62075 60414 59431", "", "59 60 62"},
	{"Lens la commune", "Le stade Bollaert de Lens accueille la finale.", "62498", "", ""},
	{"lens en minuscules", "The camera lens was broken during the shooting.", "", "", ""},
	{"St Omer", "La gare de St Omer rouvre ses portes.", "62765", "", ""},
	{"St. Omer", "Réunion à St. Omer demain.", "62765", "", ""},
	{"Saint-Omer", "Le marais de Saint-Omer est classé.", "62765", "", ""},
	{"article contracté", "Le festival du Touquet attire du monde.", "62826", "", ""},
	{"Le Touquet forme courte", "Le Touquet accueille l'Enduropale.", "62826", "", ""},
	{"Lomme commune associée", "La piscine de Lomme sera rénovée.", "59350", "", ""},
	{"Saint-Pol-sur-Mer fusionnée", "Les quartiers de Saint-Pol-sur-Mer sont rénovés.", "59183", "", ""},
	{"Hellemmes", "La mairie de quartier d'Hellemmes ferme.", "59350", "", ""},
	{"Montreuil dans un texte des Hauts-de-France", "La Région Hauts-de-France restaure la citadelle de Montreuil.", "62588", "", ""},
	{"Montreuil avec département", "Un centre de santé ouvre à Montreuil (93).", "93048", "", "93"},
	{"Montreuil sans contexte", "Un centre de santé ouvre à Montreuil.", "93048", "", ""},
	{"rue de Lens", "Le siège est situé rue de Lens à Béthune.", "62119", "", ""},
	{"avenue de Paris", "Elle habite avenue de Paris, près de la gare.", "", "", ""},
	{"CA en toutes lettres", "La Communauté d'agglomération de Lens-Liévin finance le projet.", "", "246200364", ""},
	{"la MEL", "La MEL et la ville de Roubaix signent une convention.", "59512", "200093201", ""},
	{"Métropole Européenne de Lille", "La Métropole Européenne de Lille vote son budget.", "", "200093201", ""},
	{"CA du Douaisis", "La CA du Douaisis lance un appel à projets.", "", "200044618", ""},
	{"Valenciennes Métropole", "Valenciennes Métropole soutient les entreprises.", "", "245901160", ""},
	{"Cœur d'Ostrevent", "La communauté de communes Cœur d'Ostrevent investit.", "", "245901152", ""},
	{"département dans un nom d'EPCI", "La CC de l'Est de la Somme recrute.", "", "200070985", ""},
	{"liste d'EPCI", "Les communautés d'agglomération du Douaisis, d'Hénin-Carvin et de Valenciennes ont signé.", "", "200044618 246200299 245901160", ""},
	{"communauté urbaine", "La Communauté urbaine de Dunkerque et la CUD.", "", "245900428", ""},
	{"acronyme en minuscules", "You can call me tomorrow.", "", "", ""},
	{"prénom et nom", "Le Premier ministre Bernard Cazeneuve a signé.", "", "", ""},
	{"civilité", "M. Marck a pris la parole.", "", "", ""},
	{"prénom-commune suivi d'un nom", "Albert Camus est né en Algérie.", "", "", ""},
	{"Albert la commune", "La basilique d'Albert (80) est restaurée.", "80016", "", "80"},
	{"Salomé prénom", "Salomé Martin, chargée de mission, répond.", "", "", ""},
	{"liste de communes-mots", "Le tramway ira à Croix, Hem et Roubaix.", "59163 59299 59512", "", ""},
	{"Croix-Rouge", "La Croix-Rouge distribue des colis.", "", "", ""},
	{"Avion en début de phrase", "Avion et train restent chers.", "", "", ""},
	{"à Avion", "Une école ouvre à Avion.", "62065", "", ""},
	{"Bus mot", "Le Bus Haut Niveau de Service d'Artois-Gohelle.", "", "", ""},
	{"département du Nord", "Le département du Nord investit.", "", "", "59"},
	{"points cardinaux", "Il s'étend de 50 km du Nord au Sud.", "", "", ""},
	{"mer du Nord", "Les éoliennes de la mer du Nord.", "", "", ""},
	{"canal Seine-Nord", "Le canal Seine-Nord Europe avance.", "", "", ""},
	{"la somme d'argent", "Pour la somme de 35 M€, soit la moitié.", "", "", ""},
	{"la Somme département", "Les routes de la Somme sont inondées.", "", "", "80"},
	{"Vienne ville", "Le musée gallo-romain de Vienne (38) rouvre.", "38544", "", "38"},
	{"vienne verbe", "Il faut qu'il vienne demain.", "", "", ""},
	{"homonyme et département voisin", "Une mare est créée à Fleury, dans l'Oise.", "60239", "", "60"},
	{"homonyme et commune voisine", "Le CHU d'Amiens et l'hôpital de Dury.", "80021 80261", "", ""},
	{"dateline", "Lille, le 12 mars 2019\nLa Région annonce un plan.", "59350", "", ""},
	{"Saint-Denis de La Réunion", "Le port de Saint-Denis (974) s'agrandit.", "97411", "", "974"},
	{"code postal", "Mairie, 62000 Arras.", "62041", "", ""},
	{"Paris commune, pas département", "Un colloque se tient à Paris.", "75056", "", ""},
	{"gentilé", "Les Lillois et les Roubaisiennes votent.", "", "", ""},
	{"pays", "Des intercommunalités allant du Béthunois au Valenciennois.", "", "", ""},
	{"Porte du Hainaut", "La Porte du Hainaut aménage une friche.", "", "200042190", ""},
	{"CA avec virgule dans le nom", "La communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane.", "", "200072460", ""},
	{"Boulogne en Hauts-de-France", "Le port de Boulogne, premier port de pêche des Hauts-de-France.", "62160", "", ""},
	{"Plan n'est pas Le Plan", "Ce projet est pilote du Plan Pauvreté.", "", "", ""},
	{"centres-villes", "Redynamisation des Centres-villes et Centres-bourgs.", "", "", ""},
	{"musée nommé d'après la commune", "Une exposition du Louvre-Lens, dans le Pas-de-Calais.", "62498", "", "62"},
	{"deux communes liées", "La cité éducative de Hem-Croix, à Hem.", "59299 59163", "", ""},
	{"quartier d'une ville", "Des ateliers à Roubaix, Lille-Moulins et Wattrelos.", "59512 59350 59650", "", ""},
	{"canton", "Le canton de Fruges et environs.", "", "", ""},
	{"titre coupé par la mise en page", "Le Sous-préfet de\n\nMontreuil-sur-Mer signe l'arrêté.", "", "", ""},
	{"département dans un nom d'organisme", "La convention avec la Somme Tourisme est approuvée.", "", "", ""},
	{"bataille", "Le centenaire de la bataille de la Somme.", "", "", ""},
	{"homonymes dans un même texte", "Le siège est à Bailleul (59). Il existe aussi une commune de Bailleul dans la Somme.", "59043 80051", "", "59 80"},
	{"article et nom commun", "La rénovation de l'îlot de la Tour abbatiale à Lille.", "59350", "", ""},
	{"marque", "L'ancienne usine Still à Creil sera reconvertie.", "60175", "", ""},
	{"nombre entre parenthèses", "Les services jeunesse de Trélon, Anor (36), Fourmies.", "59601 59012 59249", "", ""},
	{"acronyme hors de sa région", "Le conseil de Couthenans reverse la taxe à la CCPH.", "70184", "", ""},
	{"acronyme dans sa région", "À Lille, la MEL vote.", "59350", "200093201", ""},
	{"accent différent", "Monsieur Jean-Pierre Giran, Maire de Hyères, donne son avis.", "83069", "", ""},
	{"liste de prénoms", "Présents : Jean-Pierre, Yves, Jacques, Mathieu, Patrick.", "", "", ""},
	{"nom de société", "Vidéoprotection à La Valette-du-Var (Société Méru).", "83144", "", ""},
	{"verbe en tête de puce", "Un plan d'action visant à :\n- Lutter contre la stigmatisation.", "", "", ""},
	{"fleuve", "La nappe d'accompagnement du Rhône et la confluence avec le Rhône.", "", "", ""},
	{"direction", "Les éoliennes au Nord de la commune.", "", "", ""},
	{"colonne de tableau", "Nom de la commune\nNîmes\nBELLEGARDE\nBEAUCAIRE\n", "30189 30034 30032", "", ""},
	{"nom actuel avant ancien nom", "Dans le Gard et en Lozère, à Belvézet.", "30035", "", "30 48"},
	{"département contre commune homonyme", "Le département du Var, la Manche et la Creuse.", "", "", "83 50 23"},
	{"nom de salle", "Bienvenue à la Salle Europe pour la réunion.", "", "", ""},
	{"projet de transport", "Le Grand Paris Express et le canal Seine-Nord.", "", "", ""},
	{"préfet du département", "Le préfet du Nord, Georges-François Leclerc, a signé.", "", "", "59"},
	{"prénom-ville suivi d'un nom", "Nancy Dupont, adjointe, visite Nancy.", "54395", "", ""},
	{"liste après un code", "La commune de Hem (59) et Croix signent.", "59299 59163", "", "59"},
	{"liste avec virgules après un code", "À Hem (59), Croix et Roubaix.", "59299 59163 59512", "", "59"},
	{"nom rejeté sans contexte", "Le chantier va de Vienne (38) à Pont du Moulin ; les zones Ax, By sont réglementées.", "38544", "", "38"},
	{"nom accepté qui donne son contexte", "Le chantier va de Vienne (38) à Pont (21) ; les zones Ax, By sont réglementées.", "38544 21495 25104", "", "21 38"},
	{"code de zone à casse mixte", "En zone rouge (RI, RIs), toute construction est interdite près de Vienne.", "38544", "", ""},
	{"même nom en capitales", "Une réunion s'est tenue à RIS (63) puis à Vienne.", "63301 38544", "", "63"},
	{"rivière après un article", "La baignade est interdite dans l'Argens et dans la Saône.", "", "", ""},
	{"commune homonyme d'une rivière", "Une réunion à Saône (25), près de Besançon.", "25532 25056", "", "25"},
	{"rivière après vallée", "Les vallées Doubs, Ognon et Loue sont en alerte, comme Vesoul.", "70550", "", ""},
	{"commune nommée comme une rivière", "Le marché de Doubs, près de Pontarlier, ouvre le mardi.", "25204 25462", "", ""},
	{"rivière amont", "La zone Saône amont passe en alerte.", "", "", ""},
	{"rivière dans le nom d'une commune", "Puget-sur-Argens, Roquebrune-sur-Argens : le bassin Argens est en alerte.", "83099 83107", "", ""},
	{"bassin d'une ville", "Le bassin de Lens et la vallée de Munster.", "62498 68226", "", ""},
	{"nom abrégé dans une colonne d'un département", "Communes concernées :\nCUERS\nPIERREFEU\nPIGNANS\n", "83049 83091 83092", "", ""},
	{"homonyme exact hors liste", "Le village de Pierrefeu (06) domine la vallée.", "06097", "", "06"},
	{"nom résolu par son code postal ailleurs", "Commune de SAINT-ANTONIN\nLe maire de SAINT-ANTONIN (83510) sollicite une autorisation.", "83154", "", ""},
	{"homonyme avec son département", "Le maire de Saint-Antonin (06) a signé.", "06115", "", "06"},
	{"colonne après un nom de rivière", "Communes du Gard :\nNIMES\nRIVIERES\nROBIAC-ROCHESSADOULE\nUZES\n", "30189 30215 30216 30334", "", "30"},
	{"commune voisine après sur", "Fons-sur-Lussan et Lussan, dans le Gard, forment un syndicat.", "30113 30151", "", "30"},
	{"commune avant un nom qui commence par Amont", "Liste :\nVesoul\nAmage\nAmont-et-Effreney\n", "70550 70011 70016", "", ""},
	{"Montreuil-sur-Mer ancien nom et nouveau", "Montreuil-sur-Mer, anciennement Montreuil, dans le Pas-de-Calais.", "62588", "", "62"},
}

func TestAmbiguity(t *testing.T) {
	runMatchCases(t, ambiguity)
}

func newText(s string) *extract.Text { return extract.NewText(extract.Normalize(s)) }
