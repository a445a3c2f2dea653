package corpus

import "encoding/json"

// Instruments of a funding, as the guidelines name them.
const (
	InstrumentSubvention   = "subvention"
	InstrumentPret         = "pret"
	InstrumentFondsPropres = "fonds-propres"
	InstrumentDotation     = "dotation" // a State allocation to a local body (DETR, DSIL…)
	InstrumentAvance       = "avance"
	InstrumentGarantie     = "garantie"
	InstrumentAutre        = "autre" // the text says aide, soutien, enveloppe… or nothing
)

// A Funding is an amount the text ties to a funder and to a beneficiary or an
// operation: who pays whom, where, how much, by what instrument.
type Funding struct {
	Amount     float64 `json:"amount"` // euros; the low end of a range
	AmountText string  `json:"amount_text"`
	// AmountMax is the high end of a range ("entre 2 et 3 M€"), 0 otherwise.
	AmountMax float64 `json:"amount_max,omitempty"`
	// Implicit marks an amount whose currency the text leaves implicit.
	Implicit      bool     `json:"implicit,omitempty"`
	Funder        string   `json:"funder"` // in the text's words; "" when unknown (null in JSON)
	Cofunders     []string `json:"cofunders"`
	Beneficiaries []string `json:"beneficiaries"`
	Communes      []string `json:"communes"`   // INSEE codes of the communes where the money goes
	Instrument    string   `json:"instrument"` // one of the Instrument constants
	Purpose       string   `json:"purpose"`    // "" when none (null in JSON)
	Date          string   `json:"date"`       // ISO 8601 at the text's precision; "" when unknown
	// Themes are the document's themes whose terms the funding's paragraph holds,
	// else the document's (in minutes and acts, those of their opening lines): [] for
	// none; nil (null) where not computed.
	Themes []string `json:"themes"`
	// PartOf is the index, in the document's Fundings, of the total this amount is
	// a part of ("dont", "soit", a list of earmarked parts), or nil. Sums add a
	// part only where its total is not already counted.
	PartOf   *int            `json:"part_of,omitempty"`
	Evidence FundingEvidence `json:"evidence"`
}

// FundingEvidence locates the parts of a Funding in Document.Text.
type FundingEvidence struct {
	Amount        Span   `json:"amount"`
	Clause        Span   `json:"clause"` // the sentence or list item read
	Funder        *Span  `json:"funder,omitempty"`
	Beneficiaries []Span `json:"beneficiaries,omitempty"`
	Instrument    *Span  `json:"instrument,omitempty"`
	Purpose       *Span  `json:"purpose,omitempty"`
}

// MarshalJSON writes empty Funder, Purpose and Date as null and empty lists as [].
func (f Funding) MarshalJSON() ([]byte, error) {
	type plain Funding
	p := plain(f)
	p.Cofunders = nonNil(p.Cofunders)
	p.Beneficiaries = nonNil(p.Beneficiaries)
	p.Communes = nonNil(p.Communes)
	return json.Marshal(struct {
		plain
		Funder  *string `json:"funder"`
		Purpose *string `json:"purpose"`
		Date    *string `json:"date"`
	}{p, optional(f.Funder), optional(f.Purpose), optional(f.Date)})
}
