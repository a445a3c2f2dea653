package lex

// The lexicons of the fundings extractor (extract/fundings), whose words keep an
// elided article's apostrophe ("l'", "d'"). Each is a data file, data/fundings-*.txt,
// with its Guard derived from it.
var (
	// FundingArticles are skipped between a word that introduces a name and the name
	// ("par la", "de l'", "à une").
	FundingArticles = LoadSet("fundings-articles.txt")
	// FundingConnectors may join the capitalised words of a body's name ("de", "et").
	FundingConnectors = LoadSet("fundings-connectors.txt")
)
