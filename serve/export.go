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

// The export format, shared by the API and (later) the CLI: one row per matching
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
	switch format {
	case "csv":
		cw := &csvWriter{w: csv.NewWriter(w)}
		return cw, cw.w.Write(csvHeader)
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

var csvHeader = []string{"id", "title", "published", "genre", "source", "url",
	"communes_insee", "communes", "themes", "amounts", "amount_max", "amount_sum"}

// listSep joins the values of a list in one CSV cell.
const listSep = " | "

type csvWriter struct{ w *csv.Writer }

func (c *csvWriter) Write(h index.Hit) error {
	r := RowOf(h)
	codes := make([]string, len(r.Communes))
	names := make([]string, len(r.Communes))
	for i, cc := range r.Communes {
		codes[i], names[i] = cc.INSEE, cc.Name
	}
	amounts := make([]string, len(r.Amounts))
	for i, a := range r.Amounts {
		amounts[i] = num(a)
	}
	return c.w.Write([]string{
		cell(r.ID), cell(r.Title), r.Published, cell(r.Genre), cell(r.Source), cell(r.URL),
		strings.Join(codes, listSep), cell(strings.Join(names, listSep)), cell(strings.Join(r.Themes, listSep)),
		strings.Join(amounts, listSep), num(r.AmountMax), num(r.AmountSum),
	})
}

func (c *csvWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

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

type jsonlWriter struct{ enc *json.Encoder }

func (j *jsonlWriter) Write(h index.Hit) error { return j.enc.Encode(RowOf(h)) }
func (j *jsonlWriter) Flush() error            { return nil }

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
