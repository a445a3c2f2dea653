package dates

import "terril/extract/text"

// The words around a date that make it one, or not.

// yearTriggers are words that, written before a bare year, make it a calendar
// reference even when capitalised, and that the date's text includes.
var yearTriggers = map[string]bool{
	"en": true, "depuis": true, "pour": true, "fin": true, "debut": true, "des": true,
	"ici": true, "annee": true, "annees": true, "mi": true, "courant": true, "avant": true,
	"apres": true, "exercice": true, "budget": true, "bilan": true, "printemps": true,
	"ete": true, "automne": true, "hiver": true, "trimestre": true, "semestre": true,
	"jusqu": true, "dans": true, "entre": true, "vers": true,
	"milieu": true, "rentree": true, "saison": true, "au": true, "a": true,
	"de": true, "du": true, "le": true, "et": true, "ou": true, "partir": true, "campagne": true,
	"programmation": true, "periode": true, "rapport": true, "compte": true,
}

// monthTriggers introduce a month written without a year ("en mars", "fin juin").
var monthTriggers = map[string]bool{
	"en": true, "depuis": true, "fin": true, "debut": true, "mi": true, "courant": true,
	"ici": true, "des": true, "avant": true, "apres": true, "jusqu": true, "entre": true,
	"mois": true, "milieu": true, "dernier": true, "ce": true, "cet": true, "cette": true,
	"durant": true, "pendant": true,
}

// demonstratives before a month make it a time even abbreviated without a full stop
// ("cette Oct").
var demonstratives = map[string]bool{"ce": true, "cet": true, "cette": true}

// notYearBefore are words after which a number is not a year.
var notYearBefore = map[string]bool{
	"article": true, "art": true, "alinea": true, "page": true, "p": true, "pages": true,
	"tome": true, "annexe": true, "chapitre": true, "titre": true, "route": true,
	"rd": true, "rn": true, "rue": true, "avenue": true, "bp": true, "cs": true,
	"cedex": true, "tel": true, "fax": true, "numero": true, "deliberation": true,
	"deliberations": true, "arrete": true, "arretes": true, "decision": true,
	"decisions": true, "decret": true, "loi": true, "ordonnance": true, "circulaire": true,
	"reglement": true, "directive": true, "dcm": true, "delib": true, "code": true,
	"dossier": true, "lot": true, "parcelle": true, "section": true, "version": true,
}

// programmeNames are words that, capitalised before a year, name a programme or an
// event rather than a time ("France 2030", "Horizon 2020", "Euro 2016").
var programmeNames = map[string]bool{
	"france": true, "horizon": true, "europe": true, "agenda": true, "ambition": true,
	"vision": true, "euro": true, "expo": true, "cop": true, "lille": true, "paris": true,
}

// notYearAfter are words after which a four-digit number is a quantity, not a year.
var notYearAfter = map[string]bool{
	"euros": true, "euro": true, "eur": true, "m": true, "km": true, "ha": true,
	"hectares": true, "metres": true, "m2": true, "kw": true, "kwh": true, "mw": true,
	"mwh": true, "t": true, "tonnes": true, "kg": true, "litres": true, "l": true,
	"heures": true, "h": true, "minutes": true, "ans": true, "mois": true, "jours": true,
	"pour": false, "places": true, "lits": true, "m3": true, "k": true,
}

// notYearBeforeTable and notYearAfterTable are notYearBefore and notYearAfter for
// the scans' lookups.
var notYearBeforeTable, notYearAfterTable = text.NewWordTable(notYearBefore), text.NewWordTable(notYearAfter)
