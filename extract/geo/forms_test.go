package geo

import (
	"slices"
	"testing"
)

// Forms real documents use for places, beyond the ambiguity table: overseas régions
// that are their département, headings in capitals, lists of codes, cantons,
// intercommunalities by part of a merged name, territories named after a commune.
var realForms = []struct {
	name, text            string
	communes, epcis, deps string // space-separated INSEE codes, SIRENs, département codes
}{
	{"région d'outre-mer en titre", "MARTINIQUE\nPlus de 400 millions d'euros sont engagés.", "", "", "972"},
	{"région d'outre-mer après préfecture", "Arrêté de la Préfecture de Mayotte portant délégation.", "", "", "976"},
	{"région à plusieurs départements", "La Région Bretagne et la Région Normandie signent.", "", "", ""},
	{"collectivité d'un saint sans contexte", "La fête de la Saint-Martin au village.", "", "", ""},
	{"département en capitales suivi d'un mot", "HAUTE CORSE RECUEIL DES ACTES ADMINISTRATIFS", "", "", "2B"},
	{"canton nommé comme un département", "Élue du canton des Landes et Marais, conseillère du canton de la Creuse.", "", "", ""},
	{"département après un canton", "Le canton de Fruges, dans le Pas-de-Calais.", "", "", "62"},
	{"liste de codes d'une région", "Les communes rurales de Normandie (14, 50 et 61) sont éligibles.", "", "", "14 50 61"},
	{"liste de codes avec virgules", "Quatre départements bretons (22, 29, 35, 56).", "", "", "22 29 35 56"},
	{"numéros de plusieurs régions", "Voir les articles (12, 15 et 18) du règlement.", "", "", ""},
	{"un seul nombre", "Le chapitre (33) du budget.", "", "", ""},
	{"trait d'union et article élidé", "Il habite dans le Val-d'Oise, près de Pontoise.", "95500", "", "95"},
	{"département en fin de texte", "Une aide en Côte-d'Or et dans le Val-d'Oise", "", "", "21 95"},
	{"liste de fleuves", "Une crue de la Garonne et de la Loire menace Tours.", "37261", "", ""},
	{"fleuve dans la phrase d'avant", "La rivière traverse le village. La Loire investit.", "", "", "42"},
	{"bassin et département", "Le bassin versant relève du département de la Somme.", "", "", "80"},
	{"rubrique d'un journal", "Le Courrier – Vienne\nLundi 3 mars 2025\nUn nouveau pont ouvre.", "", "", "86"},
	{"fil d'Ariane", "Accueil > Gers > Actualités\nUn marché ouvre.", "", "", "32"},
	{"nom seul au milieu d'une ligne", "Les vents – Nord et Ouest – soufflent.", "", "", ""},
	{"EPCI dans une adresse web", "Voir www.agglo-saint-quentin.fr pour les horaires.", "", "", ""},
	{"réunion en début de phrase", "La réunion s'est tenue en mairie.", "", "", ""},
	{"La Réunion", "Les projets de La Réunion et de la Guyane.", "", "", "973 974"},
	{"ancien EPCI de la donnée, fusionné", "La communauté d'agglomération du Calaisis signe.", "", "200090751", ""},
	{"ancienne CC nommée par une partie du nom fusionné", "La communauté de communes de Gevrey-Chambertin a fusionné en 2017.", "", "200070894", ""},
	{"partie d'un nom fusionné sans tête", "Les vins de Gevrey-Chambertin.", "21295", "", ""},
	{"point cardinal et département", "Le Sud-Hérault accueille des touristes.", "", "", ""},
	{"point cardinal et département après une tête", "La communauté de communes Sud-Hérault investit.", "", "200042653", ""},
	{"pays", "Le Pays du Coquelicot attire les visiteurs.", "", "", ""},
	{"pays après une tête", "La communauté de communes du Pays du Coquelicot signe.", "", "248000747", ""},
	{"île", "Des navettes desservent Marie-Galante chaque jour.", "", "", ""},
	{"île après une tête", "La communauté de communes de Marie-Galante investit.", "", "249710047", ""},
	{"nom coupé en fin d'extrait", "Dans l'Aude, les élus se sont réunis à Luc", "", "", "11"},
	{"nom entier en fin d'extrait sans contexte", "Action Cœur de Ville à Niort", "79191", "", ""},
	{"nom entier en fin de texte", "Les élus se sont réunis à Luc.", "48086", "", ""},
	{"mot coupé après le nom", "La réunion a eu lieu à Montreuil su", "", "", ""},
	{"nom qui continue en fin de texte", "Le conseil de La Madeleine et Lille", "59368 59350", "", ""},
	{"au et l'article du nom, département nommé", "Une médiathèque ouvre au Port, à La Réunion.", "97407", "", "974"},
	{"au et un nom commun", "Le congrès a lieu au Palais des Sports.", "", "", ""},
	{"au : homonymes avec et sans article", "Une école ouvre au Vernet, près de Toulouse (31).", "31555 31574", "", "31"},
	{"article que le nom n'a pas", "Il vit à la Roche depuis dix ans.", "", "", ""},
	{"forme courte avec article", "Il vit à La Baule depuis dix ans.", "44055", "", ""},
	{"article que le nom n'a pas, dans une liste", "Les Arcs et Draguignan", "83004 83050", "", ""},
	{"article élidé", "L'Île-de-Batz et Roscoff.", "29082 29239", "", ""},
	{"île", "Les ferries pour l'île de Groix partent de Lorient.", "56121", "", ""},
	{"pays", "Le PETR du Pays de Morlaix signe.", "", "", ""},
	{"bassin", "Le Bassin d'Alès et la ville d'Alès.", "30007", "", ""},
	{"initiales", "Étaient présents : P Durand, J Arras, C Martin.", "", "", ""},
	{"À en capitales sans accent", "A Lille, la réunion commence.", "59350", "", ""},
	{"nom en capitales puis prénom-commune", "Présents : MARTIN Florence, DUBOIS Nancy, à Lyon.", "69123", "", ""},
	{"particule", "Mme Anne DE ROUBAIX et M. Paul de Lens sont présents.", "", "", ""},
	{"étiquettes de communes d'une liste d'élus", "LOURMARIN : Mme Claire LEGRAND ; CUCURON : M. Paul SIMON", "84068 84042", "", ""},
	{"nom abrégé dans une liste en minuscules", "Les communes de Toulon, Pierrefeu et Cuers.", "83137 83091 83049", "", ""},
	{"texte d'outre-mer", "La route du secteur de Savigny, à Saint-Paul (974).", "97415", "", "974"},
	{"nom de département dans sa région", "Les offices de tourisme de Poitiers, de Châtellerault et de Vienne Nord.", "86194 86066", "", ""},
	{"siège du pouvoir", "Le Premier ministre a reçu à Matignon les maires de Brest et de Quimper.", "29019 29232", "", ""},
	{"siège du pouvoir dans son département", "La mairie de Matignon (22) rouvre.", "22143", "", "22"},
	{"commune d'un délégué entre parenthèses", "Délégués titulaires : M. Alain DUVAL (GY), Mme Anne-Marie LEROUX (SENS), M. Paul SIMON (PS).", "70282 89387", "", ""},
	{"sigle entre parenthèses hors d'une liste d'élus", "Le réseau d'information (RIS) est ouvert.", "", "", ""},
	{"EPCI par sa ville-centre", "L'agglo de Saint-Quentin investit.", "", "200071892", ""},
	{"CC par sa ville-centre", "La communauté de communes de Marle vote.", "", "240200469", ""},
	{"villes-centres en liste", "Les communautés d'agglomération de Cambrai et de Maubeuge signent.", "", "200068500 200043396", ""},
	{"agglomération au sens de l'aire urbaine", "L'agglomération de Saint-Quentin compte 100 000 habitants.", "02691", "", ""},
	{"EPCI en liste après une virgule", "Toulouse Métropole, Bordeaux Métropole et Nantes Métropole signent.", "", "243100518 243300316 244400404", ""},
	{"début de phrase, département nommé", "Dans le Pas-de-Calais, les travaux avancent. Marck rénove sa mairie.", "62548", "", "62"},
	{"début de phrase, autre département", "Dans le Nord, les travaux avancent. Marck rénove sa mairie.", "", "", "59"},
	{"dernière ligne d'une liste", "Communes :\nArras\nMontreuil", "62041 62588", "", ""},
}

func TestRealForms(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range realForms {
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
