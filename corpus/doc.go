// Package corpus owns terril's domain: the Document record that flows through every
// stage, the fact types extracted from French text (Date, Amount, Commune, EPCI,
// Person, Signatory, Reference), the Collector interface that sources implement,
// and the raw capture store and manifest that keep every fetched byte.
//
// It depends on the standard library only. Readers, extractors and the search index
// live in other packages and depend on this one, never the other way round.
//
// Field names of the JSON encoding are those of the annotation guidelines
// (shared/gold/GUIDELINES.md), so that a Document marshalled to JSON is a prediction
// the reference scorer can read. Extra keys (offsets, codes, evidence) are allowed.
package corpus
