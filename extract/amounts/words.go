package amounts

import "terril/extract/text"

// The words around a number that make it an amount, or not.

// multipliers written as words or abbreviations after a number. cur is true when
// the abbreviation carries the currency itself ("MEUR").
var multipliers = map[string]struct {
	mult   float64
	needs  bool // an abbreviation that is money only with a currency after it
	hasCur bool
}{
	"mille":     {1e3, false, false},
	"million":   {1e6, false, false},
	"millions":  {1e6, false, false},
	"milliard":  {1e9, false, false},
	"milliards": {1e9, false, false},
	"k":         {1e3, true, false},
	"m":         {1e6, true, false},
	"md":        {1e9, true, false},
	"mds":       {1e9, true, false},
	"mrd":       {1e9, true, false},
	"mrds":      {1e9, true, false},
	"keur":      {1e3, false, true},
	"meur":      {1e6, false, true},
	"mdeur":     {1e9, false, true},
	"mdseur":    {1e9, false, true},
	"mrdeur":    {1e9, false, true},
}

// multiplierFirst has the first bytes of the multipliers (derived): suffix looks the
// other words up in no map.
var multiplierFirst = func() (t [256]bool) {
	for w := range multipliers {
		t[w[0]] = true
	}
	return t
}()

// currencyForms are the ways the euro is written after a number, as folded tokens
// ("d ' euros" is "d'euros"). A form that ends with a word is not glued to a letter or
// a digit after it, nor hyphenated to a word ("euros2", "euro-compatible").
var currencyForms = [][]string{
	{"€"}, {"euros"}, {"euro"}, {"eur"},
	{"d", "'", "euros"}, {"d", "'", "euro"}, {"d", "'", "€"},
	{"de", "euros"},
	{"de", "€"},
}

// currencyBefore are the euro currencies written before their number ("€ 6
// millions", "EUR 1000", "€1000").
var currencyBefore = map[string]bool{"€": true, "eur": true}

// foreignCurrencies are other currencies, after or before a number: an amount in
// one is never reported as euros, even when a euro amount is near it.
var foreignCurrencies = map[string]bool{
	"$": true, "£": true, "¥": true, "dollar": true, "dollars": true, "usd": true, "livre": true,
	"livres": true, "sterling": true, "gbp": true, "yen": true, "yens": true, "yuan": true,
	"yuans": true, "franc": true, "francs": true, "chf": true, "cad": true, "aud": true,
	"roupie": true, "roupies": true, "pence": true, "mark": true, "marks": true,
}

// currencyFirst has currencyForms by the first byte of their first token (derived):
// currency tries only those.
var currencyFirst = func() (t [256][][]string) {
	for _, f := range currencyForms {
		t[f[0][0]] = append(t[f[0][0]], f)
	}
	return t
}()

// approxFirst and currencyBeforeFirst have the first bytes of approxNouns and
// currencyBefore (derived): most words need no map lookup.
var approxFirst, currencyBeforeFirst = func() (a, c [256]bool) {
	for w := range approxNouns {
		a[w[0]] = true
	}
	for w := range currencyBefore {
		c[w[0]] = true
	}
	return a, c
}()

// moneyNouns may follow an amount whose currency is implicit ("200 millions de
// prêts"); any other noun after "de" makes it a quantity ("1,2 million d'habitants").
var moneyNouns = map[string]bool{
	"prets": true, "pret": true, "subventions": true, "subvention": true, "credits": true,
	"credit": true, "investissements": true, "investissement": true, "financements": true,
	"financement": true, "dotations": true, "dotation": true, "aides": true, "aide": true,
	"depenses": true, "recettes": true, "fonds": true, "travaux": true, "budget": true,
	"euros": true, "avances": true, "participations": true, "participation": true,
	"engagements": true, "autorisations": true, "commandes": true,
	"chiffre": true, "capitaux": true, "economies": true, "reste": true,
}

// funderNouns after "de la", "de l'", "du", "des" name who pays ("9,2 millions de
// l'Anah", "2,8 millions de l'agglomération"): the amount is money, not a quantity.
var funderNouns = map[string]bool{
	"etat": true, "region": true, "departement": true, "commune": true, "communes": true,
	"ville": true, "villes": true, "agglomeration": true, "agglo": true, "communaute": true,
	"metropole": true, "intercommunalite": true, "europe": true, "union": true, "caisse": true,
	"banque": true, "agence": true, "syndicat": true, "collectivite": true, "collectivites": true,
	"partenaires": true, "ministere": true, "prefecture": true, "bailleur": true, "bailleurs": true,
	"operateur": true, "feder": true, "anru": true, "anah": true, "ademe": true, "cdc": true,
	"bpi": true, "bpifrance": true, "conseil": true, "fonds": true, "pays": true, "territoire": true,
}

// approxNouns are the approximate numbers written as nouns after "un"/"une" ("une
// vingtaine d'euros" = 20 €, "une centaine de milliers d'euros" = 100 000 €).
var approxNouns = map[string]float64{
	"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
	"quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}

// approxMultipliers follow "une centaine de", "une dizaine de".
var approxMultipliers = map[string]float64{"milliers": 1e3, "millions": 1e6, "milliards": 1e9}

// countNouns after a bare number make it a count, not an implicit amount.
var countNouns = map[string]bool{
	"habitants": true, "personnes": true, "logements": true, "emplois": true, "tonnes": true,
	"visiteurs": true, "voyageurs": true, "passagers": true, "metres": true, "km": true,
	"ha": true, "hectares": true, "entreprises": true, "jeunes": true, "eleves": true,
	"salaries": true, "agents": true, "communes": true, "places": true, "lits": true,
	"projets": true, "dossiers": true, "m": true, "kwh": true, "mwh": true, "gwh": true,
	"litres": true, "heures": true, "jours": true, "ans": true, "mois": true, "menages": true,
	"foyers": true, "prises": true, "locaux": true, "beneficiaires": true, "demandeurs": true,
	"postes": true, "arbres": true, "vehicules": true, "bus": true, "trains": true,
}

// moneyBefore are the prepositions that introduce a sum in a text that counts in
// euros ("avec 200 millions", "un contrat à 2,5 milliards"). Not "de", "sur", "par":
// "une population de 12 millions", "sur 3 millions de foyers".
var moneyBefore = map[string]bool{"avec": true, "a": true, "pour": true, "contre": true, "environ": true}

// multiplierTable, currencyBeforeTable and approxNounTable are multipliers,
// currencyBefore and approxNouns for the scans' lookups.
var (
	multiplierTable     = text.NewWordTable(multipliers)
	currencyBeforeTable = text.NewWordTable(currencyBefore)
	approxNounTable     = text.NewWordTable(approxNouns)
)
