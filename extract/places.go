package extract

import (
	"terril/corpus"
	"terril/extract/text"
)

// Places recognises the communes, intercommunalities (EPCI) and départements a text
// names. Package extract/geo implements it over the official geographic reference
// (geo.Default()); it lives behind this interface so that extract does not import geo.
// An implementation must be safe for concurrent use, and must not keep x (nor slices
// of its internal tables) after Match returns: the Extractor reuses their memory for
// the next document.
type Places interface {
	// Match returns the communes (with INSEE code, département, EPCI and spans), the
	// EPCIs (with SIREN and spans) and the département codes ("59", "2A") the lexed
	// text x names, each once, in order of first mention. It reads x's tokens (the
	// document's one token stream) and re-tokenizes nothing.
	Match(x *text.Tokens) (communes []corpus.Commune, epcis []corpus.EPCI, departements []string)
}
