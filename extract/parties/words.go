package parties

import "terril/extract/lex"

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
	// particleTable holds the particles of surnames, particleLens (bit n) their
	// lengths.
	particleTable = tableOf(lex.Particles.Words()...)
	particleLens  = func() (m uint32) {
		for _, w := range lex.Particles.Words() {
			m |= 1 << min(len(w), 31)
		}
		return m
	}()
)
