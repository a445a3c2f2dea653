package index

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"terril/corpus"
)

// Fields of the acts of recueils des actes (see corpus.Document.Recueil).
const (
	fActKind = "act_kind" // the act's kind, keyword (filter, facet)
	fRecueil = "recueil"  // the recueil's document ID, keyword (filter, replacement)
	fAct     = "act"      // stored JSON ActRef, for hits
)

// ActRef is what a hit that is an act of a recueil says of it: the recueil's
// document, the act's kind, its first PDF page and page count, the recueil's date.
type ActRef struct {
	Recueil          string `json:"recueil"`
	Kind             string `json:"kind,omitempty"`
	FirstPage        int    `json:"first_page,omitempty"`
	Pages            int    `json:"pages,omitempty"`
	RecueilPublished string `json:"recueil_published,omitempty"`
}

func addActMappings(dm *mapping.DocumentMapping, kw func(bool) *mapping.FieldMapping, stored func() *mapping.FieldMapping) {
	dm.AddFieldMappingsAt(fActKind, kw(false))
	dm.AddFieldMappingsAt(fRecueil, kw(false))
	dm.AddFieldMappingsAt(fAct, stored())
}

// actFields returns the act fields of a document, none when it is not an act.
func actFields(d *corpus.Document) map[string]any {
	if d.Recueil == "" {
		return nil
	}
	ref, _ := json.Marshal(ActRef{Recueil: d.Recueil, Kind: d.ActKind, FirstPage: d.FirstPage, Pages: d.PageCount, RecueilPublished: d.RecueilPublished})
	return map[string]any{fActKind: d.ActKind, fRecueil: d.Recueil, fAct: string(ref)}
}

// actRef reads a hit's stored ActRef, nil when the hit is not an act.
func actRef(s string) *ActRef {
	if s == "" {
		return nil
	}
	var r ActRef
	if json.Unmarshal([]byte(s), &r) != nil {
		return nil
	}
	return &r
}

// withActFilters adds q's act filters (kinds, recueils) to bq.
func withActFilters(q Query, bq query.Query) query.Query {
	must := []query.Query{bq}
	for _, f := range []struct {
		field  string
		values []string
		fold   bool
	}{{fActKind, q.ActKinds, true}, {fRecueil, q.Recueils, false}} {
		var disj []query.Query
		for _, v := range f.values {
			if f.fold {
				v = strings.ToLower(foldTerm(strings.TrimSpace(v)))
			}
			disj = append(disj, termQ(f.field, v))
		}
		if len(disj) > 0 {
			must = append(must, bleve.NewDisjunctionQuery(disj...))
		}
	}
	if len(must) == 1 {
		return bq
	}
	return bleve.NewConjunctionQuery(must...)
}

// recueilFields are the fields indexed for a recueil with acts: its text, title,
// genre and publication date keep it findable; the facts of its acts are left to
// them, so that facets and sums count each fact once.
func recueilFields(d *corpus.Document) map[string]any {
	p := *d
	p.Dates, p.Amounts, p.Communes, p.EPCIs, p.Departements = nil, nil, nil, nil, nil
	p.People, p.Signatories, p.References, p.Fundings = nil, nil, nil, nil
	p.Themes, p.ThemeEvidence = nil, nil
	return toFields(&p)
}

// mayHaveActs reports whether a document may be a recueil whose acts an earlier
// reading indexed: acts come from PDFs only.
func mayHaveActs(d *corpus.Document) bool {
	return d.Recueil == "" && (len(d.Acts) > 0 || d.ContentType == "application/pdf")
}

// actsOf returns the IDs of the indexed acts of the recueils parents.
func (ix *Index) actsOf(parents []string) ([]string, error) {
	if len(parents) == 0 {
		return nil, nil
	}
	var disj []query.Query
	for _, p := range parents {
		disj = append(disj, termQ(fRecueil, p))
	}
	const page = 1000
	var ids []string
	for from := 0; ; from += page {
		req := bleve.NewSearchRequestOptions(bleve.NewDisjunctionQuery(disj...), page, from, false)
		sr, err := ix.b.SearchInContext(context.Background(), req)
		if err != nil {
			return nil, err
		}
		for _, h := range sr.Hits {
			ids = append(ids, h.ID)
		}
		if len(sr.Hits) < page {
			return ids, nil
		}
	}
}

// upgradeMapping gives the mapping of an index created by an earlier terril the
// fields its static mapping lacks (the acts' fields of an index built before
// them would be dropped silently: no filter by recueil, acts of an earlier
// reading never replaced). Done in memory at each opening, before any use: the
// documents indexed from then on get those fields; older ones need re-ingesting.
func upgradeMapping(b bleve.Index) {
	im, ok := b.Mapping().(*mapping.IndexMappingImpl)
	if !ok || im.DefaultMapping == nil {
		return
	}
	cur, ok := newMapping().(*mapping.IndexMappingImpl)
	if !ok {
		return
	}
	for _, dm := range []*mapping.DocumentMapping{im.DefaultMapping, im.TypeMapping[docType]} {
		if dm == nil {
			continue
		}
		for name, p := range cur.DefaultMapping.Properties {
			if _, has := dm.Properties[name]; !has {
				dm.AddSubDocumentMapping(name, p)
			}
		}
		// Amounts were a numeric field: its terms (every 4 bits) include the
		// new field's (every 8), so old documents still match amount ranges,
		// and new ones are indexed the new way.
		if a := dm.Properties[fAmount]; a != nil && len(a.Fields) > 0 && a.Fields[0].Type == "number" {
			dm.Properties[fAmount] = cur.DefaultMapping.Properties[fAmount]
		}
	}
}
