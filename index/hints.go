package index

import (
	"fmt"
	"slices"
	"strings"

	"terril/index/querylang"
)

// A Hint says why part of a query may match nothing, or may not say what its
// author meant, and what to write instead.
type Hint struct {
	Message     string   `json:"message"`
	Col         int      `json:"col,omitempty"`         // 1-based character in the query's text; 0 for a filter
	Field       string   `json:"field,omitempty"`       // canonical field ("commune") of a value hint
	Value       string   `json:"value,omitempty"`       // the value as typed
	Suggestions []string `json:"suggestions,omitempty"` // known values near it, nearest first
}

// String is the message with its suggestions.
func (h Hint) String() string {
	s := h.Message
	if len(h.Suggestions) > 0 {
		q := make([]string, len(h.Suggestions))
		for i, v := range h.Suggestions {
			q[i] = fmt.Sprintf("%q", v)
		}
		s += "; did you mean " + strings.Join(q, ", ") + "?"
	}
	return s
}

// valueHint returns a hint when value, in a clause on field, can match no document
// because neither the index nor its resolver knows it: an unknown theme, genre,
// instrument or source, a commune, an EPCI, a person or a signatory named by no
// document. Values the
// resolver or the closed lists know get no hint: no match is then an answer.
func (ix *Index) valueHint(field, value string) (Hint, bool) {
	h := Hint{Field: field, Value: value}
	switch field {
	case "theme", "genre", "instrument", "source":
		h.Message, h.Suggestions = ix.closedHint(field, value)
	case "commune", "fcommune":
		h.Message, h.Suggestions = ix.communeHint(field, value)
	case "epci":
		h.Message, h.Suggestions = ix.epciHint(value)
	case "person", "signatory":
		h.Message, h.Suggestions = ix.personHint(field, value)
	}
	return h, h.Message != ""
}

// closedFields are the index fields and known values of the fields with a closed
// list of values (sources: the index's only).
var closedFields = map[string]struct {
	field string
	known []string
}{
	"theme":      {fTheme, querylang.Themes},
	"genre":      {fGenre, querylang.Genres},
	"instrument": {fInstrument, querylang.Instruments},
	"source":     {fSource, nil},
}

func (ix *Index) closedHint(field, value string) (string, []string) {
	c := closedFields[field]
	term := value
	if field != "source" {
		term = strings.ToLower(foldTerm(value))
	}
	if slices.Contains(c.known, term) || ix.hasTerm(c.field, term) {
		return "", nil
	}
	cands := append(slices.Clone(c.known), ix.terms(c.field)...)
	return fmt.Sprintf("unknown %s %q", field, value), querylang.Suggest(value, cands, 3)
}

func (ix *Index) communeHint(field, value string) (string, []string) {
	if inseeRE.MatchString(value) {
		return "", nil
	}
	if ix.Resolver != nil && len(ix.Resolver.CommuneCodes(value)) > 0 {
		return "", nil
	}
	names, codes := fCommuneName, fCommune
	if field == "fcommune" {
		names, codes = fFundCommuneName, fFundCommune
	}
	if ix.hasTerm(names, foldKey(value)) {
		return "", nil
	}
	msg := fmt.Sprintf("no document names a commune %q", value)
	if ix.Resolver != nil {
		msg = fmt.Sprintf("unknown commune %q", value)
	}
	return msg, querylang.Suggest(value, labelNames(ix.terms(codes)), 3)
}

func (ix *Index) epciHint(value string) (string, []string) {
	if sirenRE.MatchString(value) {
		return "", nil
	}
	if ix.Resolver != nil {
		if _, ok := ix.Resolver.EPCISiren(value); ok {
			return "", nil
		}
	}
	key := foldKey(value)
	for _, name := range ix.terms(fEPCIName) {
		if strings.Contains(name, key) {
			return "", nil
		}
	}
	return fmt.Sprintf("no document names an EPCI %q", value), querylang.Suggest(value, labelNames(ix.terms(fEPCI)), 3)
}

func (ix *Index) personHint(field, value string) (string, []string) {
	keys, what := fPerson, "person"
	if field == "signatory" {
		keys, what = fSignatory, "signatory"
	}
	if ix.hasPrefix(keys, personKey(value)+labelSep) {
		return "", nil
	}
	return fmt.Sprintf("no document names a %s %q", what, value), querylang.Suggest(value, labelNames(ix.terms(keys)), 3)
}

// labelNames returns the labels of labelTerms, each once.
func labelNames(terms []string) []string {
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		if _, l := splitLabel(t); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// hasPrefix is whether some document has a term of field beginning with prefix;
// true when the index cannot tell.
func (ix *Index) hasPrefix(field, prefix string) bool {
	d, err := ix.b.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return true
	}
	defer d.Close()
	e, err := d.Next()
	return err != nil || e != nil
}

// hasTerm is whether some document has term in field; true when the index cannot
// tell, so that a failure gives no wrong hint.
func (ix *Index) hasTerm(field, term string) bool {
	d, err := ix.b.FieldDictPrefix(field, []byte(term))
	if err != nil {
		return true
	}
	defer d.Close()
	// The term itself comes first among the terms it is a prefix of.
	e, err := d.Next()
	return err != nil || e != nil && e.Term == term
}

// terms returns the terms of field in the index.
func (ix *Index) terms(field string) []string {
	d, err := ix.b.FieldDict(field)
	if err != nil {
		return nil
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil || e == nil {
			return out
		}
		out = append(out, e.Term)
	}
}

// deptNames lists the names of the départements, for suggestions.
func deptNames() []string {
	out := make([]string, 0, len(departements))
	for _, n := range departements {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}
