package index

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"terril/corpus"
)

// Funding events are stored per document (fFundings, JSON rows) and indexed as
// keywords for filters and facets: the funder's folded name and label, the
// instrument, and the INSEE codes of the communes the money goes to.
const (
	fFunder          = "funder" // labelTerm(folded name, name as written)
	fInstrument      = "instrument"
	fFundCommune     = "fund_commune" // labelTerm(INSEE code, name) of funded communes
	fFundCommuneName = "fund_commune_name"
	fFundDept        = "fund_dept" // départements of funded communes
	fFundings        = "fundings"  // stored JSON rows
)

// FundingRow is one funding event of a document, as exported: the table a
// researcher loads into a spreadsheet.
type FundingRow struct {
	DocID         string   `json:"doc_id"`
	Date          string   `json:"date,omitempty"`
	Funder        string   `json:"funder"`
	Cofunders     []string `json:"cofunders,omitempty"`
	Beneficiaries []string `json:"beneficiaries,omitempty"`
	Communes      []string `json:"communes,omitempty"`      // INSEE codes
	CommuneNames  []string `json:"commune_names,omitempty"` // same order
	Depts         []string `json:"depts,omitempty"`         // of the communes, same order
	EPCIs         []string `json:"epcis,omitempty"`         // SIRENs of the communes' EPCIs
	Amount        float64  `json:"amount"`                  // euros; the low end of a range
	AmountMax     float64  `json:"amount_max,omitempty"`    // the high end of a range
	Implicit      bool     `json:"implicit,omitempty"`      // currency left implicit by the text
	Instrument    string   `json:"instrument"`
	Purpose       string   `json:"purpose,omitempty"`
	Themes        []string `json:"themes,omitempty"` // its own (see corpus.Funding), else the document's
	// PartOf is the index, among the document's rows, of the total this amount is a
	// part of; sums add it only where that total is not counted.
	PartOf *int `json:"part_of,omitempty"`
	Index  int  `json:"index"` // its index among the document's rows
}

// fundingRows turns a document's fundings into rows, with the communes' names,
// départements and EPCIs from the document's communes.
func fundingRows(d *corpus.Document) []FundingRow {
	byCode := map[string]corpus.Commune{}
	for _, c := range d.Communes {
		byCode[c.INSEE] = c
	}
	rows := make([]FundingRow, 0, len(d.Fundings))
	for i, f := range d.Fundings {
		r := FundingRow{DocID: d.ID, Date: f.Date, Funder: f.Funder, Cofunders: f.Cofunders,
			Beneficiaries: f.Beneficiaries, Amount: f.Amount, AmountMax: f.AmountMax, Implicit: f.Implicit,
			Instrument: f.Instrument, Purpose: f.Purpose, Themes: f.Themes, PartOf: f.PartOf, Index: i}
		if r.Themes == nil {
			r.Themes = d.Themes
		}
		if r.Date == "" {
			r.Date = d.Published
		}
		for _, code := range f.Communes {
			c := byCode[code]
			r.Communes = append(r.Communes, code)
			r.CommuneNames = append(r.CommuneNames, c.Name)
			r.Depts = append(r.Depts, c.Departement)
			if c.EPCI != "" {
				r.EPCIs = append(r.EPCIs, c.EPCI)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// FundingDimensions are the dimensions funding sums are computed by.
var FundingDimensions = []string{"funder", "instrument", "commune", "dept", "epci", "theme", "year"}

// keys returns the values of dimension dim a row is credited to, each once.
func (r FundingRow) keys(dim string) []string {
	n := 1
	switch dim {
	case "commune":
		n = len(r.Communes)
	case "dept":
		n = len(r.Depts)
	case "epci":
		n = len(r.EPCIs)
	case "theme":
		n = len(r.Themes)
	}
	ks := make([]string, 0, n)
	add := func(k string) {
		if k != "" && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	switch dim {
	case "funder":
		add(funderLabel(r.Funder))
	case "instrument":
		add(r.Instrument)
	case "commune":
		for i, c := range r.Communes {
			add(r.CommuneNames[i] + " (" + c + ")")
		}
	case "dept":
		for _, d := range r.Depts {
			add(d)
		}
	case "epci":
		for _, e := range r.EPCIs {
			add(e)
		}
	case "theme":
		for _, t := range r.Themes {
			add(t)
		}
	case "year":
		if len(r.Date) >= 4 {
			add(r.Date[:4])
		}
	}
	return ks
}

// funderLabel writes a funder's name written in capitals as a name ("RÉGION
// HAUTS-DE-FRANCE" → "Région Hauts-de-France"), so that sums by funder do not
// split one body by the case the documents use.
func funderLabel(name string) string {
	// Not a name in mixed case, nor an acronym ("ARS", "ANRU").
	if strings.ToUpper(name) != name || strings.ToLower(name) == name || !strings.ContainsAny(name, " '’-") {
		return name
	}
	small := map[string]bool{"de": true, "du": true, "des": true, "la": true, "le": true, "les": true,
		"et": true, "en": true, "sur": true, "d": true, "l": true, "à": true, "aux": true, "au": true}
	var b strings.Builder
	word := []rune{}
	first := true
	flush := func() {
		if len(word) == 0 {
			return
		}
		w := strings.ToLower(string(word))
		if first || !small[w] {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			w = string(r)
		}
		b.WriteString(w)
		word, first = word[:0], false
	}
	for _, r := range name {
		if unicode.IsLetter(r) {
			word = append(word, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// A credit is what one document's fundings add to one value of a dimension.
type credit struct {
	total           float64
	count, implicit int
}

// credits sums one document's rows by the values of dim. Each row counts once
// for each value it has, from the low end of a range; a part of a total is left
// out where the total is credited to the same value, so that "4,6 M€ … dont
// 936 000 €" adds 4,6 M€, not 5,5. byIndex is rowsByIndex(rows), made once for
// every dimension.
func credits(rows []FundingRow, byIndex map[int]int, dim string) (map[string]credit, []string) {
	out := map[string]credit{}
	var order []string
	keys := make([][]string, len(rows)) // each row's keys, also read as a parent's
	for i := range rows {
		keys[i] = rows[i].keys(dim)
	}
	for i, r := range rows {
		var parent []string
		if r.PartOf != nil {
			if t, ok := byIndex[*r.PartOf]; ok {
				parent = keys[t]
			}
		}
		for _, k := range keys[i] {
			if slices.Contains(parent, k) {
				continue
			}
			c, seen := out[k]
			if !seen {
				order = append(order, k)
			}
			c.total += r.Amount
			c.count++
			if r.Implicit {
				c.implicit++
			}
			out[k] = c
		}
	}
	return out, order
}

// rowsByIndex maps each row's Index to its place in rows (the last row of an
// Index), for credits; nil when no row is part of another.
func rowsByIndex(rows []FundingRow) map[int]int {
	if !slices.ContainsFunc(rows, func(r FundingRow) bool { return r.PartOf != nil }) {
		return nil
	}
	m := make(map[int]int, len(rows))
	for i, r := range rows {
		m[r.Index] = i
	}
	return m
}

// SumFundings sums rows (of any documents) by dimension, as the index's funding
// sums do.
func SumFundings(rows []FundingRow, dims []string) ([]Sum, error) {
	byDoc := map[string][]FundingRow{}
	var docs []string
	for _, r := range rows {
		if _, ok := byDoc[r.DocID]; !ok {
			docs = append(docs, r.DocID)
		}
		byDoc[r.DocID] = append(byDoc[r.DocID], r)
	}
	var out []Sum
	for _, dim := range dims {
		if !slices.Contains(FundingDimensions, dim) {
			return nil, &QueryError{Err: fmt.Errorf("unknown funding sum dimension %q (want %s)", dim,
				strings.Join(FundingDimensions, ", "))}
		}
		by := map[string]*SumValue{}
		for _, id := range docs {
			cs, order := credits(byDoc[id], rowsByIndex(byDoc[id]), dim)
			for _, k := range order {
				s := by[k]
				if s == nil {
					s = &SumValue{Value: k}
					by[k] = s
				}
				c := cs[k]
				s.Total += c.total
				s.Count += c.count
				s.Implicit += c.implicit
				s.Docs++
			}
		}
		sum := Sum{Dimension: dim}
		for _, v := range by {
			sum.Values = append(sum.Values, *v)
		}
		sortSum(sum.Values)
		out = append(out, sum)
	}
	return out, nil
}

func sortSum(v []SumValue) {
	sort.Slice(v, func(i, j int) bool {
		if v[i].Total != v[j].Total {
			return v[i].Total > v[j].Total
		}
		return v[i].Value < v[j].Value
	})
}

// fundingSumField is the keyword field of the funding sums by dim.
func fundingSumField(dim string) string { return "fsum_" + dim }

// addFundingMappings adds the funding fields to the document mapping.
func addFundingMappings(dm *mapping.DocumentMapping, kw func(bool) *mapping.FieldMapping, stored func() *mapping.FieldMapping) {
	for _, f := range []string{fFunder, fInstrument, fFundCommune, fFundCommuneName, fFundDept} {
		dm.AddFieldMappingsAt(f, kw(false))
	}
	for _, d := range FundingDimensions {
		dm.AddFieldMappingsAt(fundingSumField(d), kw(false))
	}
	dm.AddFieldMappingsAt(fFundings, stored())
}

// fundingFields returns the funding fields of a document: filter and facet
// keywords, the stored rows, and the terms of the funding sums ("Lens (62498)␟
// 1780000␟2␟0": value, total credited, fundings, of which implicit).
func fundingFields(d *corpus.Document) map[string]any {
	rows := fundingRows(d)
	if len(rows) == 0 {
		return nil
	}
	f := map[string]any{}
	var funders, instruments, codes, names, depts []string
	add := func(s *[]string, v string) {
		if v != "" && !slices.Contains(*s, v) {
			*s = append(*s, v)
		}
	}
	for _, r := range rows {
		for _, name := range append([]string{r.Funder}, r.Cofunders...) {
			add(&funders, labelTerm(foldKey(name), name))
		}
		add(&instruments, r.Instrument)
		for i, c := range r.Communes {
			add(&codes, labelTerm(c, r.CommuneNames[i]))
			add(&names, foldKey(r.CommuneNames[i]))
			add(&depts, r.Depts[i])
		}
	}
	f[fFunder], f[fInstrument] = funders, instruments
	f[fFundCommune], f[fFundCommuneName], f[fFundDept] = codes, names, depts
	byIndex := rowsByIndex(rows)
	for _, dim := range FundingDimensions {
		cs, order := credits(rows, byIndex, dim)
		var terms []string
		for _, k := range order {
			c := cs[k]
			terms = append(terms, k+sumSep+strconv.FormatFloat(c.total, 'f', -1, 64)+sumSep+
				strconv.Itoa(c.count)+sumSep+strconv.Itoa(c.implicit))
		}
		f[fundingSumField(dim)] = terms
	}
	data, _ := json.Marshal(rows)
	f[fFundings] = string(data)
	return f
}

// fundingFieldQuery builds the filter of a funding field: funder (by name: its
// folded words contained in the funder's), instrument, fcommune (a funded commune,
// by name or INSEE code), fdept (a funded commune's département).
func (ix *Index) fundingFieldQuery(field, value string) (query.Query, error) {
	switch field {
	case "funder":
		// In the folded name, before the label.
		q := bleve.NewWildcardQuery("*" + escapeWildcard(foldKey(value)) + "*" + labelSep + "*")
		q.SetField(fFunder)
		return q, nil
	case "instrument":
		return termQ(fInstrument, strings.ToLower(foldTerm(value))), nil
	case "fcommune":
		if inseeRE.MatchString(value) {
			return codeQuery(fFundCommune, value), nil
		}
		disj := []query.Query{termQ(fFundCommuneName, foldKey(value))}
		if ix.Resolver != nil {
			for _, code := range ix.Resolver.CommuneCodes(value) {
				disj = append(disj, codeQuery(fFundCommune, code))
			}
		}
		if len(disj) == 1 {
			return disj[0], nil
		}
		return bleve.NewDisjunctionQuery(disj...), nil
	case "fdept":
		code, ok := deptCode(value)
		if !ok {
			return nil, fmt.Errorf("query: unknown département %q", value)
		}
		return termQ(fFundDept, code), nil
	}
	return nil, fmt.Errorf("query: unknown field %q", field)
}

func escapeWildcard(s string) string {
	return strings.NewReplacer("*", `\*`, "?", `\?`).Replace(s)
}

// A FundingFilter keeps the funding rows of the matching documents that answer it;
// empty fields keep every row.
type FundingFilter struct {
	Funders     []string // names: the folded words contained in the funder's or a cofunder's
	Instruments []string
	Communes    []string // INSEE codes or names of a funded commune
	Depts       []string // département of a funded commune
	Themes      []string // a theme of the funding (see corpus.Funding.Themes)
	MinAmount   *float64
	From, To    string // funding date bounds (YYYY, YYYY-MM or YYYY-MM-DD), inclusive
}

// Fundings returns the funding rows of the documents q matches, in document
// order, that pass the filter; their count is capped at limit when limit > 0.
func (ix *Index) Fundings(ctx context.Context, q Query, ff FundingFilter, limit int) ([]FundingRow, error) {
	bq, err := ix.buildQuery(q)
	if err != nil {
		return nil, &QueryError{Err: err}
	}
	bq = withActFilters(q, bq)
	var rows []FundingRow
	const page = 500
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(bq, page, from, false)
		req.Fields = []string{fFundings}
		req.SortBy([]string{"_id"})
		sr, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("fundings: %w", err)
		}
		for _, m := range sr.Hits {
			s, _ := m.Fields[fFundings].(string)
			if s == "" {
				continue
			}
			var doc []FundingRow
			if err := json.Unmarshal([]byte(s), &doc); err != nil {
				return nil, fmt.Errorf("fundings of %s: %w", m.ID, err)
			}
			for _, r := range doc {
				if ix.keep(r, ff) {
					rows = append(rows, r)
					if limit > 0 && len(rows) >= limit {
						return rows, nil
					}
				}
			}
		}
		if len(sr.Hits) < page {
			return rows, nil
		}
	}
}

// keep reports whether a row passes the filter.
func (ix *Index) keep(r FundingRow, ff FundingFilter) bool {
	if len(ff.Funders) > 0 && !slices.ContainsFunc(ff.Funders, func(f string) bool {
		k := foldKey(f)
		return slices.ContainsFunc(append([]string{r.Funder}, r.Cofunders...), func(n string) bool {
			return strings.Contains(foldKey(n), k)
		})
	}) {
		return false
	}
	if len(ff.Instruments) > 0 && !slices.Contains(ff.Instruments, r.Instrument) {
		return false
	}
	if len(ff.Communes) > 0 && !slices.ContainsFunc(ff.Communes, func(c string) bool { return ix.fundsCommune(r, c) }) {
		return false
	}
	if len(ff.Depts) > 0 && !slices.ContainsFunc(ff.Depts, func(d string) bool {
		code, ok := deptCode(d)
		return ok && slices.Contains(r.Depts, code)
	}) {
		return false
	}
	if len(ff.Themes) > 0 && !slices.ContainsFunc(ff.Themes, func(t string) bool { return slices.Contains(r.Themes, t) }) {
		return false
	}
	if ff.MinAmount != nil && r.Amount < *ff.MinAmount {
		return false
	}
	if ff.From != "" && (r.Date == "" || r.Date < ff.From) {
		return false
	}
	if ff.To != "" && (r.Date == "" || r.Date[:min(len(r.Date), len(ff.To))] > ff.To) {
		return false
	}
	return true
}

func (ix *Index) fundsCommune(r FundingRow, c string) bool {
	if slices.Contains(r.Communes, c) {
		return true
	}
	k := foldKey(c)
	for i, n := range r.CommuneNames {
		if foldKey(n) == k {
			return true
		}
		if ix.Resolver != nil && slices.Contains(ix.Resolver.CommuneCodes(c), r.Communes[i]) {
			return true
		}
	}
	return false
}
