package recueil

import (
	"fmt"
	"strings"

	"terril/corpus"
	"terril/extract"
)

// refKinds maps act kinds to the kinds of references (récépissés, avis and
// conventions are not references, see the guidelines).
var refKinds = map[string]string{
	KindArrete:       corpus.RefArrete,
	KindDecision:     corpus.RefDecision,
	KindDeliberation: corpus.RefDeliberation,
}

// Documents returns one document per act of r, cut from the recueil's document
// parent: ID "<parent ID>#<act identifier>" (or "#p<first page>" without one), the
// same at each reading of the same recueil; URL pointing at the act's first page;
// the act's title and text; its pages' reading records; the recueil's ID and
// publication date, the act's kind, first page and page count; the facts x (when
// not nil) extracts from its own text only; its identifier as a reference; and the
// act's date as its publication date.
func (r *Recueil) Documents(parent *corpus.Document, x *extract.Extractor) []*corpus.Document {
	out := make([]*corpus.Document, 0, len(r.Acts))
	seen := map[string]bool{}
	published := r.Published
	if published == "" {
		published = parent.Published
	}
	for _, a := range r.Acts {
		d := &corpus.Document{
			ID:               actDocID(parent.ID, a, seen),
			Source:           parent.Source,
			URL:              fmt.Sprintf("%s#page=%d", parent.URL, a.FirstPage),
			ContentType:      parent.ContentType,
			Fetched:          parent.Fetched,
			Title:            a.Title,
			Text:             extract.Normalize(a.Text),
			Recueil:          parent.ID,
			ActKind:          a.Kind,
			FirstPage:        a.FirstPage,
			PageCount:        a.Pages,
			RecueilPublished: published,
		}
		if lo, hi := a.FirstPage-1, a.FirstPage-1+a.Pages; lo >= 0 && hi <= len(parent.Pages) {
			d.Pages = append([]corpus.Page(nil), parent.Pages[lo:hi]...)
		}
		if x != nil {
			for _, p := range x.Extract(d) {
				d.Problems = append(d.Problems, p.Msg)
			}
		}
		if a.Date != "" {
			d.Published = a.Date
		}
		addSignatory(d, a.Signatory)
		if rk, ok := refKinds[a.Kind]; ok && a.ID != "" {
			d.Genre = corpus.GenreDeliberation
			if !hasRef(d.References, a.ID) {
				d.References = append(d.References, corpus.Reference{Kind: rk, Number: a.ID, Date: a.Date})
			}
		}
		out = append(out, d)
	}
	return out
}

// actDocID is the act's document ID, unique within the recueil.
func actDocID(parent string, a Act, seen map[string]bool) string {
	id := strings.Join(strings.Fields(a.ID), "_")
	if id == "" {
		id = fmt.Sprintf("p%d", a.FirstPage)
	}
	id = parent + "#" + id
	for base, n := id, 2; seen[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	seen[id] = true
	return id
}

// addSignatory adds the act's signatory (the person signing its last signature
// block, see Act.Signatory) to the document's signatories when the extractor, which
// reads documents of every kind, missed it; its span is the surname's last
// occurrence in the text.
func addSignatory(d *corpus.Document, name string) {
	f := strings.Fields(name)
	if len(f) == 0 {
		return
	}
	key := extract.PersonKey(name)
	for _, s := range d.Signatories {
		if extract.PersonKey(s.Name) == key {
			return
		}
	}
	last := f[len(f)-1]
	for _, w := range []string{strings.ToUpper(last), last} {
		if i := strings.LastIndex(d.Text, w); i >= 0 {
			d.Signatories = append(d.Signatories, corpus.Signatory{Name: name, Kind: corpus.KindPerson, Span: corpus.Span{Start: i, End: i + len(w)}})
			return
		}
	}
}

func hasRef(refs []corpus.Reference, number string) bool {
	c := compact(number)
	for _, r := range refs {
		if compact(r.Number) == c {
			return true
		}
	}
	return false
}
