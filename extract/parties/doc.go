// Package parties finds the persons a document names (People) and the parties who
// sign it or the agreement it reports (Signatories), as the annotation guidelines
// define them; Parties does both reading the text once, and PersonKey gives a
// person's faceting key. The people scanner reads names from civilities, titles,
// apposed roles, known given names (package names, evidence rather than a gate) and
// the shapes of attendance lists; the signatories scanner reads the sentences that
// report a signature and the signature blocks of acts. Organisations are keyed by an
// OrgResolver when one is given (the geo gazetteer implements it).
//
// It depends on the text model (extract/text), the shared lexicons (extract/lex),
// the name lexicons (extract/names) and corpus for the fact types.
package parties
