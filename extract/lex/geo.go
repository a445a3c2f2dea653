package lex

// The lexicons of the places extractor (extract/geo): what the words around a name
// say of it. Each is a data file, data/geo-*.txt, with its Guard derived from it.
var (
	// GeoCivilities are the civilities and titles before a person's name ("M.", "Mme",
	// "Dr", "général").
	GeoCivilities = LoadSet("geo-civilities.txt")
	// GeoStreets are the words that make the name after them a street's ("rue", "bd").
	GeoStreets = LoadSet("geo-streets.txt")
	// GeoOrgs are the nouns that make the name right after them a company's or a
	// thing's ("société", "usine", "collège").
	GeoOrgs = LoadSet("geo-orgs.txt")
	// GeoArticles are the definite articles ("la", "l", "le", "les").
	GeoArticles = LoadSet("geo-articles.txt")
	// GeoConnectors are the articles and "de" with its contractions ("du", "des", "d").
	GeoConnectors = LoadSet("geo-connectors.txt")
	// GeoCommuneNouns make "<noun> de <name>" a commune ("commune", "maire").
	GeoCommuneNouns = LoadSet("geo-communenouns.txt")
	// GeoRiverWords before a département's name make it the river ("bords", "crue").
	GeoRiverWords = LoadSet("geo-riverwords.txt")
	// GeoRiverHeads right before a name make it a river's ("vallée", "rivière").
	GeoRiverHeads = LoadSet("geo-riverheads.txt")
	// GeoDedications before a saint's name make it a dedication or a feast ("église").
	GeoDedications = LoadSet("geo-dedications.txt")
	// GeoOverseas before an overseas collectivité's name say it is the place ("île").
	GeoOverseas = LoadSet("geo-overseas.txt")
	// GeoGenericNouns are common nouns that are also former communes' names ("ville").
	GeoGenericNouns = LoadSet("geo-genericnouns.txt")
)
