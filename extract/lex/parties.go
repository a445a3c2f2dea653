package lex

// The lexicons of persons and organisations (the parties extractor's, for any
// extractor that reads names).
var (
	// Civilities gives each civility how it is written before a name: CivDot,
	// CivAbbr, CivWord or CivMrs.
	Civilities = LoadTable[int]("civilities.tsv")
	// PluralCivilities open a list of persons ("Messieurs", "MM.", "Mmes").
	PluralCivilities = LoadSet("pluralcivilities.txt")
	// Particles are the particles of surnames ("de", "d'", "le", "van").
	Particles = LoadSet("particles.txt")
	// RoleNouns head a person's function; RolePlurals the label of a list of
	// persons; RoleAdjectives may precede a role noun ("Premier ministre").
	RoleNouns      = LoadSet("rolenouns.txt")
	RolePlurals    = LoadSet("roleplurals.txt")
	RoleAdjectives = LoadSet("roleadjectives.txt")
	// Facilities name streets and facilities, which may be named after persons.
	Facilities = LoadSet("facilities.txt")
	// CompanyHeads open the name of a business built on a surname, CompanyTails
	// close it, LegalForms follow it ("Dupont SARL").
	CompanyHeads = LoadSet("companyheads.txt")
	CompanyTails = LoadSet("companytails.txt")
	LegalForms   = LoadSet("legalforms.txt")
	// OrgWords are no part of a person's name: words of organisations and places,
	// titles, document furniture.
	OrgWords = LoadSet("orgwords.txt")
)

// How a civility is written before a name (the values of Civilities).
const (
	CivDot  = 1 + iota // an abbreviation with its full stop: "M.", "MM."
	CivAbbr            // an abbreviation, with or without a full stop: "Mme", "Dr."
	CivWord            // written out, with a capital: "Monsieur", "Maître"
	CivMrs             // "Mrs", Messieurs in minutes, capitalised before a name
)

// MonthNames returns the month names of Months, without their abbreviations.
func MonthNames() []string {
	var out []string
	for _, w := range Months.Words() {
		if Months.Value(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}
