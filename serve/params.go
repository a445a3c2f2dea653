package serve

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"terril/index"
)

// The filter parameters, as the CLI's flags name them; each is repeatable and takes
// comma lists ("theme=logement,transport").
var listParams = []struct {
	name string
	dst  func(q *index.Query) *[]string
}{
	{"commune", func(q *index.Query) *[]string { return &q.Communes }},
	{"epci", func(q *index.Query) *[]string { return &q.EPCIs }},
	{"dept", func(q *index.Query) *[]string { return &q.Depts }},
	{"theme", func(q *index.Query) *[]string { return &q.Themes }},
	{"genre", func(q *index.Query) *[]string { return &q.Genres }},
	{"person", func(q *index.Query) *[]string { return &q.People }},
	{"signatory", func(q *index.Query) *[]string { return &q.Signatories }},
	{"source", func(q *index.Query) *[]string { return &q.Sources }},
}

var sorts = []string{"relevance", "date", "-date", "amount", "-amount"}

// maxParam bounds the length of one parameter's value: a query longer than this is
// not typed by a person and would only cost the parser.
const maxParam = 2000

// queryOf reads the text, filters, sort and paging of a request. defSize is the
// page size when n is absent.
func (s *server) queryOf(v url.Values, defSize int) (index.Query, error) {
	for k, vs := range v {
		for _, x := range vs {
			if len(x) > maxParam {
				return index.Query{}, badRequest{fmt.Sprintf("paramètre %s trop long (%d octets au plus)", k, maxParam)}
			}
		}
	}
	q := index.Query{Text: strings.TrimSpace(v.Get("q")), Sort: v.Get("sort"), From: v.Get("from"), To: v.Get("to")}
	for _, p := range listParams {
		*p.dst(&q) = list(v[p.name])
	}
	if q.Sort != "" && !slices.Contains(sorts, q.Sort) {
		return q, badRequest{fmt.Sprintf("tri inconnu %q (relevance, date, -date, amount ou -amount)", q.Sort)}
	}
	for _, a := range []struct {
		name string
		dst  **float64
	}{{"min-amount", &q.MinAmount}, {"max-amount", &q.MaxAmount}} {
		if s := v.Get(a.name); s != "" {
			x, err := index.ParseAmount(s)
			if err != nil {
				return q, badRequest{err.Error()}
			}
			*a.dst = &x
		}
	}
	var err error
	if q.Size, err = intParam(v, "n", defSize, 1, s.opts.MaxPage); err != nil {
		return q, err
	}
	if q.Offset, err = intParam(v, "offset", 0, 0, s.opts.MaxOffset); err != nil {
		return q, err
	}
	return q, nil
}

// list splits repeated and comma-separated values, dropping empty ones.
func list(vs []string) []string {
	var out []string
	for _, v := range vs {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badRequest{fmt.Sprintf("%s doit être un entier entre %d et %d", name, lo, hi)}
	}
	return n, nil
}

// facetsOf reads the facets= list, checked against the index's facet names; def is
// used when the parameter is absent.
func facetsOf(v url.Values, def []string) ([]string, error) {
	if _, ok := v["facets"]; !ok {
		return def, nil
	}
	fs := list(v["facets"])
	for _, f := range fs {
		if !slices.Contains(index.FacetNames, f) {
			return nil, badRequest{fmt.Sprintf("facette inconnue %q (%s)", f, strings.Join(index.FacetNames, ", "))}
		}
	}
	return fs, nil
}

// idQuery is the query language's clause selecting one document by id.
func idQuery(id string) (string, error) {
	if id == "" || strings.ContainsAny(id, "\"\x00\r\n") {
		return "", badRequest{"identifiant de document invalide"}
	}
	return `id:"` + id + `"`, nil
}
