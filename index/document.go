package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

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

// addDocumentMappings maps the stored details.
func addDocumentMappings(dm *mapping.DocumentMapping, stored func() *mapping.FieldMapping) {
	dm.AddFieldMappingsAt(fDetails, stored())
}

// documentFields returns the stored details of d.
func documentFields(d *corpus.Document) map[string]any {
	b, err := json.Marshal(detailsOf(d))
	if err != nil || string(b) == "{}" {
		return nil
	}
	return map[string]any{fDetails: string(b)}
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
}

// ErrNotFound is returned by Document for an id the index does not hold.
var ErrNotFound = errors.New("no such document")

// Document returns the stored document with this id: metadata, every fact and the
// text (as indexed: cut at the ingest's --max-text).
func (ix *Index) Document(ctx context.Context, id string) (*Record, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	req.Fields = append(hitFields(), fText)
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
	return r, nil
}

// hitFields are the stored fields a hit is made of.
func hitFields() []string {
	return []string{fTitle, fURL, fSource, fGenre, fPubText, fFacts, fFundings, fDetails}
}

// DepartementName returns the name of a département by its code ("59" → "Nord"),
// "" when unknown.
func DepartementName(code string) string { return departements[code] }
