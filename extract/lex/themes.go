package lex

// The word lists of the theme classifier (package themes): what a word does to the
// context of the words around it.
var (
	// StopWords are the small words theme matching leaves out (articles, prepositions).
	StopWords = LoadSet("stopwords.txt")
	// Anaphors refer back to the previous sentence when they start one.
	Anaphors = LoadSet("anaphors.txt")
	// ItemWords head a numbered item of a programme ("Priorité 1 :").
	ItemWords = LoadSet("itemwords.txt")
	// AxisWords announce the axes of a programme.
	AxisWords = LoadSet("axiswords.txt")
	// ExampleWords open a clause of examples.
	ExampleWords = LoadSet("examplewords.txt")
	// FormerWords describe a site rather than a subject ("ancienne", "friche").
	FormerWords = LoadSet("formerwords.txt")
	// EuroWords are a euro amount's units.
	EuroWords = LoadSet("eurowords.txt")
	// FillerWords join the items of a list.
	FillerWords = LoadSet("fillerwords.txt")
	// OfficeWords name an official's office.
	OfficeWords = LoadSet("officewords.txt")
	// DeputyWords are offices that name their portfolio after them ("adjointe").
	DeputyWords = LoadSet("deputywords.txt")
	// ChargeWords open a portfolio after an office ("chargé", "délégué").
	ChargeWords = LoadSet("chargewords.txt")
	// ActHeads name an act at the head of its title.
	ActHeads = LoadSet("actheads.txt")
	// OperativeWords open the operative part of an act.
	OperativeWords = LoadSet("operativewords.txt")
	// BoilerplateHeads start the lines that open a press release's boilerplate.
	BoilerplateHeads = LoadSet("boilerplateheads.txt")
)
