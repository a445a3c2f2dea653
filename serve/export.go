package serve

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"terril/index"
)

// The export format, shared by the API and the CLI: one row per matching
// document with its facts. CSV has a header and lists joined by " | "; JSON Lines has
// one object per line with lists as arrays.

// Row is one exported document.
type Row struct {
	ID        string        `json:"id"`
	Title     string        `json:"title"`
	Published string        `json:"published,omitempty"`
	Genre     string        `json:"genre,omitempty"`
	Source    string        `json:"source,omitempty"`
	URL       string        `json:"url,omitempty"`
	Communes  []CommuneCell `json:"communes"`
	Themes    []string      `json:"themes"`
	Amounts   []float64     `json:"amounts"`
	AmountMax float64       `json:"amount_max"` // the largest amount, 0 without any
	AmountSum float64       `json:"amount_sum"` // the distinct amounts added up

	Dates        []index.DateFact      `json:"dates"`
	EPCIs        []EPCICell            `json:"epcis"`
	Departements []string              `json:"departements"`
	People       []index.PersonFact    `json:"people"`
	Signatories  []index.SignatoryFact `json:"signatories"`
	References   []index.ReferenceFact `json:"references"`
	Fundings     []index.FundingRow    `json:"fundings"`

	// Query is the query that found the row, in batch exports only.
	Query string `json:"query,omitempty"`
}

// EPCICell is an intercommunality of a row: its SIREN and name.
type EPCICell struct {
	SIREN string `json:"siren"`
	Name  string `json:"name"`
}

// CommuneCell is a commune of a row: its INSEE code and name.
type CommuneCell struct {
	INSEE string `json:"insee"`
	Name  string `json:"name"`
}

// RowOf turns a hit into its export row.
func RowOf(h index.Hit) Row {
	r := Row{ID: h.ID, Title: h.Title, Published: h.Published, Genre: h.Genre, Source: h.Source, URL: h.URL,
		Communes: []CommuneCell{}, Themes: h.Themes, Amounts: h.Amounts}
	if r.Themes == nil {
		r.Themes = []string{}
	}
	if r.Amounts == nil {
		r.Amounts = []float64{}
	}
	for _, c := range h.Communes {
		code, name, _ := strings.Cut(c, " ") // the index stores "INSEE Name"
		r.Communes = append(r.Communes, CommuneCell{INSEE: code, Name: name})
	}
	for _, e := range h.EPCIs {
		code, name, _ := strings.Cut(e, " ") // the index stores "SIREN Name"
		r.EPCIs = append(r.EPCIs, EPCICell{SIREN: code, Name: name})
	}
	r.Dates, r.EPCIs, r.Departements = nonNil(h.Dates), nonNil(r.EPCIs), nonNil(h.Departements)
	r.People, r.Signatories, r.References = nonNil(h.People), nonNil(h.Signatories), nonNil(h.References)
	r.Fundings = nonNil(h.Fundings)
	seen := map[float64]bool{}
	for _, a := range h.Amounts {
		r.AmountMax = max(r.AmountMax, a)
		if !seen[a] {
			seen[a] = true
			r.AmountSum += a
		}
	}
	return r
}

// A HitWriter writes hits one at a time in an export format.
type HitWriter interface {
	Write(h index.Hit) error
	// Flush writes what is buffered; call it at the end and whenever the reader
	// should see progress.
	Flush() error
}

// Formats lists the export formats.
var Formats = []string{"csv", "jsonl"}

// NewHitWriter returns the writer of format ("csv" or "jsonl") on w. The CSV header
// is written at once.
func NewHitWriter(w io.Writer, format string) (HitWriter, error) {
	return newHitWriter(w, format, false)
}

// A QueryHitWriter writes the hits of several queries, each row with its query: a
// first "query" column in CSV, a "query" member in JSON Lines.
type QueryHitWriter interface {
	HitWriter
	// SetQuery names the query of the hits written next.
	SetQuery(q string)
}

// NewQueryHitWriter is NewHitWriter for the hits of several queries.
func NewQueryHitWriter(w io.Writer, format string) (QueryHitWriter, error) {
	return newHitWriter(w, format, true)
}

func newHitWriter(w io.Writer, format string, withQuery bool) (QueryHitWriter, error) {
	switch format {
	case "csv":
		cw := &csvWriter{w: csv.NewWriter(w), withQuery: withQuery}
		header := csvHeader
		if withQuery {
			header = append([]string{"query"}, header...)
		}
		return cw, cw.w.Write(header)
	case "jsonl":
		return &jsonlWriter{enc: json.NewEncoder(w)}, nil
	}
	return nil, badRequest{fmt.Sprintf("format inconnu %q (csv ou jsonl)", format)}
}

// WriteCSV writes hits as CSV with a header.
func WriteCSV(w io.Writer, hits []index.Hit) error { return writeAll(w, "csv", hits) }

// WriteJSONL writes hits as JSON Lines.
func WriteJSONL(w io.Writer, hits []index.Hit) error { return writeAll(w, "jsonl", hits) }

func writeAll(w io.Writer, format string, hits []index.Hit) error {
	hw, err := NewHitWriter(w, format)
	if err != nil {
		return err
	}
	for _, h := range hits {
		if err := hw.Write(h); err != nil {
			return err
		}
	}
	return hw.Flush()
}

// csvHeader names the columns; new ones go at the end, so that a reader by position
// keeps working.
var csvHeader = []string{"id", "title", "published", "genre", "source", "url",
	"communes_insee", "communes", "themes", "amounts", "amount_max", "amount_sum",
	"dates", "epcis_siren", "epcis", "departements", "people", "signatories", "references", "fundings"}

// listSep joins the values of a list in one CSV cell.
const listSep = " | "

type csvWriter struct {
	w         *csv.Writer
	withQuery bool
	query     string
}

func (c *csvWriter) SetQuery(q string) { c.query = q }

func (c *csvWriter) Write(h index.Hit) error {
	r := RowOf(h)
	rec := []string{
		cell(r.ID), cell(r.Title), r.Published, cell(r.Genre), cell(r.Source), cell(r.URL),
		joinCells(r.Communes, func(x CommuneCell) string { return x.INSEE }),
		cell(joinCells(r.Communes, func(x CommuneCell) string { return x.Name })),
		cell(strings.Join(r.Themes, listSep)),
		joinCells(r.Amounts, num), num(r.AmountMax), num(r.AmountSum),
		joinCells(r.Dates, func(x index.DateFact) string { return x.Value }),
		joinCells(r.EPCIs, func(x EPCICell) string { return x.SIREN }),
		cell(joinCells(r.EPCIs, func(x EPCICell) string { return x.Name })),
		strings.Join(r.Departements, listSep),
		cell(joinCells(r.People, personCell)),
		cell(joinCells(r.Signatories, func(x index.SignatoryFact) string { return x.Name })),
		cell(joinCells(r.References, referenceCell)),
		cell(joinCells(r.Fundings, fundingCell)),
	}
	if c.withQuery {
		rec = append([]string{cell(c.query)}, rec...)
	}
	return c.w.Write(rec)
}

// joinCells joins the cells of a list with listSep.
func joinCells[T any](xs []T, f func(T) string) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = f(x)
	}
	return strings.Join(s, listSep)
}

// personCell is "Name (role)", or the name alone.
func personCell(p index.PersonFact) string {
	if p.Role == "" {
		return p.Name
	}
	return p.Name + " (" + p.Role + ")"
}

// referenceCell is "kind number date": "deliberation 2021-45 2021-06-04".
func referenceCell(r index.ReferenceFact) string {
	return strings.TrimSpace(strings.Join([]string{r.Kind, r.Number, r.Date}, " "))
}

// fundingCell is "amount instrument funder": "150000 subvention Région".
func fundingCell(f index.FundingRow) string {
	a := num(f.Amount)
	if f.AmountMax > 0 {
		a += "-" + num(f.AmountMax)
	}
	return strings.TrimSpace(strings.Join([]string{a, f.Instrument, f.Funder}, " "))
}

func (c *csvWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// SafeCell is cell for the other CSV tables of terril (facets, counts).
func SafeCell(s string) string { return cell(s) }

// cell guards a text cell against spreadsheet formula injection: a document title
// starting with "=", "+", "-", "@" or a control character would be run as a formula
// by the spreadsheets researchers open exports in; such a cell gets a leading "'",
// which they display as text (OWASP's advice).
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

type jsonlWriter struct {
	enc   *json.Encoder
	query string
}

func (j *jsonlWriter) SetQuery(q string) { j.query = q }

func (j *jsonlWriter) Write(h index.Hit) error {
	r := RowOf(h)
	r.Query = j.query
	return j.enc.Encode(r)
}

func (j *jsonlWriter) Flush() error { return nil }

// Export writes every hit of q to hw, reading batch hits from the index at a time
// (q's Size and Offset are ignored), and calls progress, when not nil, after each
// batch. It returns the number of hits written. Hits are paged by offset: documents
// indexed during an export may shift the pages.
func Export(ctx context.Context, ix *index.Index, q index.Query, hw HitWriter, batch int, progress func(n int) error) (int, error) {
	if batch <= 0 {
		batch = 500
	}
	q.Size, q.Offset, q.Snippets, q.Facets, q.Sums = batch, 0, false, nil, nil
	n := 0
	for {
		res, err := ix.Search(ctx, q)
		if err != nil {
			return n, err
		}
		for _, h := range res.Hits {
			if err := hw.Write(h); err != nil {
				return n, err
			}
			n++
		}
		if err := hw.Flush(); err != nil {
			return n, err
		}
		if progress != nil {
			if err := progress(n); err != nil {
				return n, err
			}
		}
		if len(res.Hits) < batch || uint64(n) >= res.Total {
			return n, nil
		}
		q.Offset += len(res.Hits)
	}
}
