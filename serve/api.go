package serve

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"terril/index"
)

// searchResponse is the answer of /api/search.
type searchResponse struct {
	Total  uint64        `json:"total"`
	Offset int           `json:"offset"`
	Hits   []index.Hit   `json:"hits"`
	Facets []index.Facet `json:"facets"`
	Hints  []index.Hint  `json:"hints,omitempty"`
	TookMS float64       `json:"took_ms"`
}

func (s *server) search(r *http.Request, q index.Query) (*index.Result, error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.SearchTimeout)
	defer cancel()
	return s.ix.Search(ctx, q)
}

func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := s.queryOf(v, 10)
	if err != nil {
		s.jsonError(w, err)
		return
	}
	if q.Facets, err = facetsOf(v, nil); err != nil {
		s.jsonError(w, err)
		return
	}
	q.Snippets = v.Get("snippets") != "false"
	res, err := s.search(r, q)
	if err != nil {
		s.jsonError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, searchResponse{Total: res.Total, Offset: q.Offset, Hits: nonNil(res.Hits),
		Facets: nonNil(res.Facets), Hints: res.Hints, TookMS: float64(res.Took) / float64(time.Millisecond)})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// facetsResponse is the answer of /api/facets.
type facetsResponse struct {
	Total  uint64        `json:"total"`
	Facets []index.Facet `json:"facets"`
}

func (s *server) apiFacets(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := s.queryOf(v, 10)
	if err != nil {
		s.jsonError(w, err)
		return
	}
	if q.Facets, err = facetsOf(v, index.FacetNames); err != nil {
		s.jsonError(w, err)
		return
	}
	q.Size = -1
	res, err := s.search(r, q)
	if err != nil {
		s.jsonError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, facetsResponse{Total: res.Total, Facets: nonNil(res.Facets)})
}

// sumsResponse is the answer of /api/sums.
type sumsResponse struct {
	Total uint64      `json:"total"`
	Sums  []index.Sum `json:"sums"`
}

func (s *server) apiSums(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := s.queryOf(v, 10)
	if err != nil {
		s.jsonError(w, err)
		return
	}
	q.Sums = index.SumDimensions
	if _, ok := v["by"]; ok {
		q.Sums = list(v["by"])
	}
	q.Size = -1
	res, err := s.search(r, q)
	if err != nil {
		s.jsonError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, sumsResponse{Total: res.Total, Sums: nonNil(res.Sums)})
}

// document is the answer of /api/documents/{id}: what the index stores of a
// document, its text included; passages come as highlighted snippets when the
// request has a q.
type document struct {
	index.Hit
	Text  string           `json:"text"`
	Spans []index.FactSpan `json:"spans,omitempty"`
}

// record returns the stored document of a hit with the hit's snippets.
func (s *server) record(r *http.Request, h *index.Hit) (*document, error) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.SearchTimeout)
	defer cancel()
	rec, err := s.ix.Document(ctx, h.ID)
	if errors.Is(err, index.ErrNotFound) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	rec.Snippets, rec.SnippetsText, rec.Score = h.Snippets, h.SnippetsText, h.Score
	return &document{Hit: rec.Hit, Text: rec.Text, Spans: rec.Spans}, nil
}

var errNotFound = errors.New("document introuvable")

// lookup finds one document by id; with q, its snippets are those of q's words.
func (s *server) lookup(r *http.Request, id, q string) (*index.Hit, error) {
	text, err := idQuery(id)
	if err != nil {
		return nil, err
	}
	if q != "" {
		text += " (" + q + ")"
	}
	res, err := s.search(r, index.Query{Text: text, Size: 1, Snippets: q != ""})
	var qe *index.QueryError
	if q != "" && (errors.As(err, &qe) || err == nil && len(res.Hits) == 0) {
		// The words are for highlighting only: the document is shown without them.
		return s.lookup(r, id, "")
	}
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		return nil, errNotFound
	}
	return &res.Hits[0], nil
}

func (s *server) apiDocument(w http.ResponseWriter, r *http.Request) {
	h, err := s.lookup(r, r.PathValue("id"), r.URL.Query().Get("q"))
	var d *document
	if err == nil {
		d, err = s.record(r, h)
	}
	if errors.Is(err, errNotFound) {
		writeJSON(w, http.StatusNotFound, apiError{Error: err.Error()})
		return
	}
	if err != nil {
		s.jsonError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// exportStall is how long one batch of an export may take to reach the client.
const exportStall = 60 * time.Second

func (s *server) apiExport(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := s.queryOf(v, 10)
	if err != nil {
		s.jsonError(w, err)
		return
	}
	format := v.Get("format")
	if format == "" {
		format = "csv"
	}
	ctype := map[string]string{"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}[format]
	if ctype == "" {
		s.jsonError(w, badRequest{fmt.Sprintf("format inconnu %q (csv ou jsonl)", format)})
		return
	}
	// A mistake in the query must be a 400, so it is checked before the first byte.
	probe := q
	probe.Size = -1
	if _, err := s.search(r, probe); err != nil {
		s.jsonError(w, err)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="terril-export.`+format+`"`)
	w.Header().Set("Cache-Control", "no-store")
	hw, err := NewHitWriter(w, format)
	if err != nil {
		return // the client went away
	}
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Now().Add(exportStall)) //nolint:errcheck // see below
	_, err = Export(r.Context(), s.ix, q, hw, s.opts.ExportBatch, func(int) error {
		// Unsupported by some writers (tests' recorders): then there is no deadline.
		rc.Flush()
		rc.SetWriteDeadline(time.Now().Add(exportStall))
		return nil
	})
	if err != nil && r.Context().Err() == nil {
		// Too late for a status: the body ends short, which a client sees as a
		// truncated download.
		s.opts.Logger.Printf("serve: export %q: %v", q.Text, err)
		panic(http.ErrAbortHandler)
	}
}
