package index

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"terril/corpus"
)

// An index created before the acts' fields gets them when opened: its acts are
// found by recueil and replaced when their recueil is indexed again.
func TestUpgradeMapping(t *testing.T) {
	dir := t.TempDir()
	old := newMapping().(*mapping.IndexMappingImpl)
	for _, f := range []string{fActKind, fRecueil, fAct} {
		delete(old.DefaultMapping.Properties, f)
		delete(old.TypeMapping[docType].Properties, f)
	}
	b, err := bleve.New(dir, old)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	act := func(id string) *corpus.Document {
		return &corpus.Document{ID: "raa#" + id, Title: "Arrêté " + id, Recueil: "raa", ActKind: "arrete", FirstPage: 3, PageCount: 1}
	}
	raa := &corpus.Document{ID: "raa", ContentType: "application/pdf", Title: "Recueil", Acts: []*corpus.Document{act("1"), act("2")}}
	if err := ix.Index([]*corpus.Document{raa}); err != nil {
		t.Fatal(err)
	}
	raa.Acts = raa.Acts[1:]
	if err := ix.Index([]*corpus.Document{raa}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Query{Recueils: []string{"raa"}, ActKinds: []string{"arrete"}})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 2 || res.Total != 1 || res.Hits[0].ID != "raa#2" || res.Hits[0].Act == nil || res.Hits[0].Act.FirstPage != 3 {
		t.Errorf("%d documents, %d acts of raa: %+v", n, res.Total, res.Hits)
	}
}
