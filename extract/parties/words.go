package parties

import (
	"terril/extract/lex"
)

// The shared lexicons of persons and organisations (package lex) as the scanner's
// word tables.
var (
	// roleNouns head a person's function.
	roleNouns = tableOf(lex.RoleNouns.Words()...)
	// rolePlurals head the label of a list of persons ("Délégués titulaires").
	rolePlurals = tableOf(lex.RolePlurals.Words()...)
	// roleAdjectives precede a role noun: "Premier ministre", "vice président".
	roleAdjectives = tableOf(lex.RoleAdjectives.Words()...)
	// facilityWords name a street or a facility named after a person.
	facilityWords = tableOf(lex.Facilities.Words()...)
	// companyHeads open the name of a business ("Atelier Vasseur Paysage", "Cabinet
	// Leroy", "Boulangerie Dupont").
	companyHeads = tableOf(lex.CompanyHeads.Words()...)
	// companyTails close the name of a business after a surname ("Leroy Conseil",
	// "Vasseur Paysage", "Dupont & Fils"), when capitalised.
	companyTails = tableOf(lex.CompanyTails.Words()...)
	// companyForms are legal forms written after a business name ("Dupont SARL").
	companyForms = tableOf(lex.LegalForms.Words()...)
	// nameStopWords cannot be part of a person's name: words of organisations, places,
	// and document furniture, months and days of the week.
	nameStopWords = tableOf(append(append(lex.OrgWords.Words(), lex.MonthNames()...), lex.Weekdays.Words()...)...)
	// pluralCivilities open a list of persons.
	pluralCivilities = tableOf(lex.PluralCivilities.Words()...)
	// civilityTable holds the civilities (their kinds are lex.Civilities'),
	// civilityByte their first bytes.
	civilityTable = tableOf(lex.Civilities.Words()...)
	civilityByte  = firstBytes(civilityTable.slots)
	// particleTable holds the particles of surnames.
	particleTable = tableOf(lex.Particles.Words()...)
)

// A wordTable is a read-only set of folded words for the many lookups of the
// scanner, most of them of words outside the set: open addressing in a table of at
// least twice as many slots as words, hashed from the length and three bytes of the
// word, so that a lookup costs a multiplication and a slot or two, less than a map's
// hash of the whole string. Before that, lens (derived from the words) passes over
// words of a length no word of the set has, in has, which is inlined.
type wordTable struct {
	slots []string
	// lens has bit n&31 set when a word of n bytes is in the set (lengths that
	// agree in their five low bits share a bit; no word is empty, so bit 0 is
	// set only by one of 32 or 64 bytes).
	lens  uint32
	shift uint32 // 32 less the bits of a slot index
}

func tableOf(ws ...string) wordTable {
	bits := uint32(3)
	for 1<<bits < 2*len(ws) {
		bits++
	}
	t := wordTable{slots: make([]string, 1<<bits), shift: 32 - bits}
	for _, w := range ws {
		if w == "" || t.has(w) {
			continue
		}
		h := t.slot(w)
		for t.slots[h] != "" {
			h = (h + 1) & uint32(len(t.slots)-1)
		}
		t.slots[h] = w
		t.lens |= 1 << (len(w) & 31)
	}
	return t
}

// slot returns the first slot where w (not empty) may be.
func (t *wordTable) slot(w string) uint32 {
	n := len(w)
	h := uint32(n) ^ uint32(w[0])<<8 ^ uint32(w[n/2])<<16 ^ uint32(w[n-1])<<24
	return h * 0x9E3779B1 >> t.shift
}

// has reports whether w is in the set.
func (t *wordTable) has(w string) bool {
	return t.lens>>(len(w)&31)&1 != 0 && t.probe(w)
}

// probe looks w up in the slots. (Kept out of has, so that has is
// inlined.)
//
//go:noinline
func (t *wordTable) probe(w string) bool {
	if w == "" {
		return false
	}
	for h := t.slot(w); ; h = (h + 1) & uint32(len(t.slots)-1) {
		switch t.slots[h] {
		case w:
			return true
		case "":
			return false
		}
	}
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// pFrench reports whether a folded word is in the embedded French word list.
func pFrench(f string) bool { return lex.French().Has(f) }

// Word lists, folded.
var (
	// roleDeterminers may precede a title before a name.
	roleDeterminers = tableOf("le", "la", "l'", "les", "du", "au", "aux", "des", "de", "d'", "par",
		"a", "avec", "notre", "son", "sa", "leur", "ce", "cet", "cette", "et", "pour", "selon")
	// roleStop ends a role: verbs, relative pronouns, conjunctions.
	roleStop = tableOf("qui", "que", "qu'", "a", "ont", "est", "sont", "etait", "sera", "seront",
		"avait", "s'", "se", "lors", "afin", "mais", "ainsi", "et", "ou", "ni", "car", "donc",
		"signe", "signent", "annonce", "declare", "indique", "rappelle", "souligne", "explique",
		"precise", "affirme", "estime", "ajoute", "salue", "presente", "inaugure", "accueille",
		"sur", "dont", "il", "elle", "ils", "elles", "ce", "cette", "depuis", "pendant", "lorsque",
		"quand", "puis", "en", "y", "ne", "n'", "va", "vient", "etaient", "representait",
		// What a chair does in minutes ("Monsieur le Maire propose la candidature de…").
		"propose", "proposent", "demande", "demandent", "donne", "donnent", "expose", "exposent",
		"informe", "informent", "remercie", "remercient", "ouvre", "ouvrent", "prend", "prennent",
		"souhaite", "souhaitent", "invite", "invitent", "procede", "procedent", "soumet",
		"soumettent", "lit", "constate", "constatent", "rend", "rendent", "evoque", "evoquent")
	// roleTrailing are dropped from the end of a role.
	roleTrailing = tableOf("de", "du", "des", "d'", "la", "le", "l'", "les", "a", "au", "aux", "en",
		"et", "pour", "par", "sur", "avec")
	// attendanceWords mark attendance headings, which are not roles.
	attendanceWords = tableOf("presents", "presentes", "present", "presente", "absents", "absentes",
		"absent", "absente", "excuses", "excusees", "excuse", "excusee", "pouvoir", "pouvoirs",
		"procuration", "procurations", "etaient", "assistaient", "assistent", "votants", "quorum",
		// "Secrétaire de séance :" names who keeps the minutes, an attendance heading.
		"seance")
	// facilitySkip may stand between a facility word and the name: "collège public",
	// "rue du Général".
	facilitySkip = tableOf("public", "publique", "prive", "privee", "professionnel", "professionnelle",
		"polyvalent", "polyvalente", "general", "generale", "technique", "technologique",
		"municipal", "municipale", "intercommunal", "intercommunale", "departemental",
		"departementale", "regional", "regionale", "national", "nationale", "sportif", "sportive",
		"culturel", "culturelle", "socioculturel", "socioculturelle", "hospitalier",
		"universitaire", "agricole", "elementaire", "maternelle", "primaire", "du", "de", "des",
		"la", "le", "d'", "l'", "marechal", "president", "docteur", "colonel", "capitaine",
		"commandant", "lieutenant", "abbe", "professeur", "aquatique", "nautique", "multisports",
		"omnisports", "jardin", "dit", "nouveau", "nouvelle", "grand", "grande", "petit", "petite")
	// ambiguousGiven are given names that are also places or common words: they need
	// a known surname after them ("Florence Parly" needs a title, "France Travail" is
	// no person).
	ambiguousGiven = tableOf("france", "paris", "mars", "avril", "rose", "florence", "lorraine",
		"nancy", "valence", "lourdes", "marine", "olive", "prudence", "constance", "aurore",
		"claire", "blanche", "ange", "victoire", "esperance", "fleur", "violette", "marguerite",
		"capucine", "jade", "perle", "ambre", "grace", "reine", "celeste", "colombe", "lys",
		"romane", "juste", "loyal", "modeste", "fidele", "bastia", "albi", "orange", "sedan", "vienne", "lens", "douai", "arras", "calais")
)

// firstBytes returns the first bytes of the words ws (empty ones skipped), a
// filter derived from a table.
func firstBytes(ws []string) (t [256]bool) {
	for _, w := range ws {
		if w != "" {
			t[w[0]] = true
		}
	}
	return t
}
