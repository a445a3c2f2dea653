package index

import (
	"errors"
	"testing"

	"terril/corpus"
	"terril/index/querylang"
)

// FuzzBuildQuery checks that any text either builds into a Bleve query or gives a
// *querylang.Error, without panicking.
func FuzzBuildQuery(f *testing.F) {
	ix, err := Open(f.TempDir() + "/index")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { ix.Close() })
	doc := &corpus.Document{ID: "a", Title: "Rénovation", Text: "Les cités minières de Lens.", Themes: []string{"logement"},
		Communes: []corpus.Commune{{INSEE: "62498", Name: "Lens"}}}
	if err := ix.Index([]*corpus.Document{doc}); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"rénovation -friche", "-(le OR la) commune:Lense theme:logemnt", "montant:1M..5M date<2019-03 mention:2018..2020",
		"NOT le", "titre:le OR -texte:les", "dept:Nrod", "epci:x fcommune:y fdept:62 financeur:État instrument:pret",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, _, err := ix.buildQueryHints(Query{Text: s})
		var qe *querylang.Error
		if err != nil && !errors.As(err, &qe) {
			t.Fatalf("%q: error %v is not a *querylang.Error", s, err)
		}
		if err == nil && q == nil {
			t.Fatalf("%q: no query and no error", s)
		}
	})
}
