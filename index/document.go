package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"terril/corpus"
)

// fDetails is the stored JSON of the facts Facts leaves out (dates, EPCIs,
// départements, people, signatories, references), so that hits and exports carry
// every fact without a second read.
const fDetails = "details"

// Details are the facts of a hit beyond Facts. Documents indexed before the field
// existed have none until they are re-indexed.
type Details struct {
	Dates        []DateFact      `json:"dates,omitempty"`
	EPCIs        []string        `json:"epcis,omitempty"` // "SIREN Name"
	Departements []string        `json:"departements,omitempty"`
	People       []PersonFact    `json:"people,omitempty"`
	Signatories  []SignatoryFact `json:"signatories,omitempty"`
	References   []ReferenceFact `json:"references,omitempty"`
}

// DateFact is a date mentioned: as written and its ISO value.
type DateFact struct {
	Text  string `json:"text"`
	Value string `json:"value"`
}

// PersonFact is a person named and the role the text gives them ("" when none).
type PersonFact struct {
	Name string `json:"name"`
	Role string `json:"role,omitempty"`
}

// SignatoryFact is a signing party and its kind (person or organization).
type SignatoryFact struct {
	Name string `json:"name"`
	Kind string `json:"kind,omitempty"`
}

// ReferenceFact is a reference to an act: kind, number, ISO date ("" when unknown).
type ReferenceFact struct {
	Kind   string `json:"kind"`
	Number string `json:"number"`
	Date   string `json:"date,omitempty"`
}

// detailsOf returns the Details of d, without duplicates.
func detailsOf(d *corpus.Document) Details {
	var x Details
	for _, v := range d.Dates {
		f := DateFact{Text: v.Text, Value: v.Value}
		if !containsFact(x.Dates, f) {
			x.Dates = append(x.Dates, f)
		}
	}
	for _, e := range d.EPCIs {
		if s := e.SIREN + " " + e.Name; !containsFact(x.EPCIs, s) {
			x.EPCIs = append(x.EPCIs, s)
		}
	}
	for _, c := range d.Departements {
		if !containsFact(x.Departements, c) {
			x.Departements = append(x.Departements, c)
		}
	}
	for _, p := range d.People {
		if f := (PersonFact{Name: p.Name, Role: p.Role}); !containsFact(x.People, f) {
			x.People = append(x.People, f)
		}
	}
	for _, s := range d.Signatories {
		if f := (SignatoryFact{Name: s.Name, Kind: s.Kind}); !containsFact(x.Signatories, f) {
			x.Signatories = append(x.Signatories, f)
		}
	}
	for _, r := range d.References {
		if f := (ReferenceFact{Kind: r.Kind, Number: r.Number, Date: r.Date}); !containsFact(x.References, f) {
			x.References = append(x.References, f)
		}
	}
	return x
}

func containsFact[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// addDocumentMappings maps the stored details and spans.
func addDocumentMappings(dm *mapping.DocumentMapping, stored func() *mapping.FieldMapping) {
	dm.AddFieldMappingsAt(fDetails, stored())
	dm.AddFieldMappingsAt(fSpans, stored())
}

// documentFields returns the stored details and spans of d.
func documentFields(d *corpus.Document) map[string]any {
	f := map[string]any{}
	if b, err := json.Marshal(detailsOf(d)); err == nil && string(b) != "{}" {
		f[fDetails] = string(b)
	}
	if spans := spansOf(d); len(spans) > 0 {
		if b, err := spansJSON(spans); err == nil {
			f[fSpans] = string(b)
		}
	}
	return f
}

// packedSpans is how spans are stored: each value once (a commune named ten times,
// a date repeated), and each span as [start, end, kind, value index], with the kinds
// as letters (spanKinds). Half the bytes of a list of FactSpan objects.
type packedSpans struct {
	Values []string `json:"v"`
	Spans  [][4]any `json:"s"`
}

// spanKinds are the letters of the kinds of facts in packedSpans.
var spanKinds = map[string]string{"date": "d", "amount": "a", "commune": "c", "epci": "e",
	"person": "p", "signatory": "s", "reference": "r"}

func packSpans(spans []FactSpan) packedSpans {
	var p packedSpans
	at := map[string]int{}
	for _, sp := range spans {
		i, ok := at[sp.Value]
		if !ok {
			i = len(p.Values)
			at[sp.Value] = i
			p.Values = append(p.Values, sp.Value)
		}
		p.Spans = append(p.Spans, [4]any{sp.Start, sp.End, spanKinds[sp.Kind], i})
	}
	return p
}

// spansJSON is json.Marshal(packSpans(spans)), written directly: the generic
// encoder boxes each offset in an interface and reflects on it, and spans are the
// most numerous facts of a document.
func spansJSON(spans []FactSpan) ([]byte, error) {
	var values []string
	at := make(map[string]int, len(spans))
	idx := make([]int, len(spans))
	for i, sp := range spans {
		j, ok := at[sp.Value]
		if !ok {
			j = len(values)
			at[sp.Value] = j
			values = append(values, sp.Value)
		}
		idx[i] = j
	}
	v, err := json.Marshal(values)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, len(v)+16*len(spans)+16)
	b = append(append(append(b, `{"v":`...), v...), `,"s":[`...)
	for i, sp := range spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(strconv.AppendInt(append(b, '['), int64(sp.Start), 10), ',')
		b = append(strconv.AppendInt(b, int64(sp.End), 10), ',', '"')
		b = append(append(b, spanKinds[sp.Kind]...), '"', ',')
		b = append(strconv.AppendInt(b, int64(idx[i]), 10), ']')
	}
	return append(b, ']', '}'), nil
}

// unpackSpans reads stored spans; what does not parse is left out.
func unpackSpans(s string) []FactSpan {
	var p struct {
		Values []string             `json:"v"`
		Spans  [][4]json.RawMessage `json:"s"`
	}
	if json.Unmarshal([]byte(s), &p) != nil {
		return nil
	}
	kinds := map[string]string{}
	for k, l := range spanKinds {
		kinds[l] = k
	}
	var out []FactSpan
	for _, x := range p.Spans {
		var sp FactSpan
		var kind string
		var vi int
		if json.Unmarshal(x[0], &sp.Start) != nil || json.Unmarshal(x[1], &sp.End) != nil ||
			json.Unmarshal(x[2], &kind) != nil || json.Unmarshal(x[3], &vi) != nil || vi < 0 || vi >= len(p.Values) {
			continue
		}
		sp.Kind, sp.Value = kinds[kind], p.Values[vi]
		out = append(out, sp)
	}
	return out
}

// fSpans is the stored JSON of where each fact is in the text. Only Document reads
// it (hits do not carry it), so searches pay nothing for it.
const fSpans = "spans"

// FactSpan locates one fact in Record.Text: byte offsets [Start, End), the kind of
// fact and its value.
type FactSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"` // date, amount, commune, epci, person, signatory, reference
	// Value is what the text says, normalised: an ISO date, an amount in its
	// currency's units ("1200000 EUR"), "INSEE Name", "SIREN Name", a person's name
	// and role ("Marie Dupont, maire"), a reference's kind and number.
	Value string `json:"value"`
}

// spansOf lists the spans of d's facts that lie within its text.
func spansOf(d *corpus.Document) []FactSpan {
	n := len(d.Dates) + len(d.Amounts) + len(d.Signatories) + len(d.References)
	for _, x := range d.Communes {
		n += len(x.Spans)
	}
	for _, x := range d.EPCIs {
		n += len(x.Spans)
	}
	for _, x := range d.People {
		n += len(x.Spans)
	}
	out := make([]FactSpan, 0, n)
	add := func(sp corpus.Span, kind, value string) {
		if sp.Start >= 0 && sp.Start < sp.End && sp.End <= len(d.Text) {
			out = append(out, FactSpan{Start: sp.Start, End: sp.End, Kind: kind, Value: value})
		}
	}
	for _, x := range d.Dates {
		add(x.Span, "date", x.Value)
	}
	for _, x := range d.Amounts {
		add(x.Span, "amount", strconv.FormatFloat(x.Value, 'f', -1, 64)+" "+x.Currency)
	}
	// A place or a person named many times: its value is written once.
	for _, x := range d.Communes {
		if len(x.Spans) > 0 {
			v := x.INSEE + " " + x.Name
			for _, sp := range x.Spans {
				add(sp, "commune", v)
			}
		}
	}
	for _, x := range d.EPCIs {
		if len(x.Spans) > 0 {
			v := x.SIREN + " " + x.Name
			for _, sp := range x.Spans {
				add(sp, "epci", v)
			}
		}
	}
	for _, x := range d.People {
		v := x.Name
		if x.Role != "" {
			v += ", " + x.Role
		}
		for _, sp := range x.Spans {
			add(sp, "person", v)
		}
	}
	for _, x := range d.Signatories {
		add(x.Span, "signatory", x.Name)
	}
	for _, x := range d.References {
		add(x.Span, "reference", strings.TrimSpace(x.Kind+" "+x.Number))
	}
	return out
}

// decodeDetails reads the stored details of a hit; nothing when absent.
func decodeDetails(s string) Details {
	var x Details
	if s != "" {
		_ = json.Unmarshal([]byte(s), &x)
	}
	return x
}

// Record is one document as the index stores it: what a hit carries, and its text.
type Record struct {
	Hit
	Text string `json:"text"`
	// Spans locate the facts in Text (none for documents indexed before spans were
	// stored, until they are indexed again).
	Spans []FactSpan `json:"spans,omitempty"`
}

// ErrNotFound is returned by Document for an id the index does not hold.
var ErrNotFound = errors.New("no such document")

// Document returns the stored document with this id: metadata, every fact and the
// text (as indexed: cut at the ingest's --max-text).
func (ix *Index) Document(ctx context.Context, id string) (*Record, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = append(hitFields(), fText, fSpans)
	sr, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	if len(sr.Hits) == 0 {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	m := sr.Hits[0]
	r := &Record{Hit: toHit(m)}
	r.Text, _ = m.Fields[fText].(string)
	if s, _ := m.Fields[fSpans].(string); s != "" {
		r.Spans = unpackSpans(s)
	}
	return r, nil
}

// hitFields are the stored fields a hit is made of.
func hitFields() []string {
	return []string{fTitle, fURL, fSource, fGenre, fPubText, fFacts, fFundings, fDetails}
}

// DepartementName returns the name of a département by its code ("59" → "Nord"),
// "" when unknown.
func DepartementName(code string) string { return departements[code] }
