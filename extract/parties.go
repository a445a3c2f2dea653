package extract

import (
	"terril/corpus"
	"terril/extract/parties"
)

// The people and signatories extractor lives in package parties; these are its
// names as the callers of package extract know them.

// An OrgResolver resolves an organisation's name to a key (see parties.OrgResolver).
type OrgResolver = parties.OrgResolver

// People is parties.People.
func People(t *Text) []corpus.Person { return parties.People(t) }

// Signatories is parties.Signatories.
func Signatories(t *Text, people []corpus.Person, orgs OrgResolver) []corpus.Signatory {
	return parties.Signatories(t, people, orgs)
}

// Parties is parties.Parties.
func Parties(t *Text, orgs OrgResolver) ([]corpus.Person, []corpus.Signatory) {
	return parties.Parties(t, orgs)
}

// PersonKey is parties.PersonKey.
func PersonKey(name string) string { return parties.PersonKey(name) }
