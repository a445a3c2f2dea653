package index_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"terril/index"
)

// The searcher of words in several fields must give Bleve's hits, scores (to the
// bit), order and totals, alone and within filters, OR, NOT and phrases, over
// several segments with deleted documents; the snippets read from the hits'
// postings must be the second search's, byte for byte.
func TestTermsSearchIsBleves(t *testing.T) {
	docs, err := sampleDocs()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i := 0; i < len(docs); i += 5 { // several segments
		if err := ix.Index(docs[i:min(i+5, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Index(docs[2:9]); err != nil { // replaced: deleted in their first segments
		t.Fatal(err)
	}
	// Words of the documents' titles, one to four at a time.
	var texts []string
	for _, d := range docs[:12] {
		w := strings.Fields(d.Title)
		for n := 1; n <= 4 && n <= len(w); n++ {
			texts = append(texts, strings.Join(w[:n], " "))
		}
	}
	texts = append(texts, "logement", "rénovation énergétique", "commune travaux", "projet OR friche",
		"(logement OR habitat) -friche", `"bassin minier" commune`, "le la des", "aucunmotpareil commune",
		"titre:commune projet", "commune genre:communique", "commune dept:62 projet", "commune commune",
		"texte:projet", "commune:Lens", "theme:logement OR projet", "NOT projet", "projet montant>1000",
		"(projet commune) OR logement", `-"bassin minier" commune`, "(projet OR travaux) commune",
		`titre:"bassin minier" OR projet`, "date:2019..2024 projet -logement")
	defer index.SetTermsSearch(true)
	defer index.SetDirectSnippets(true)
	million := 1e6
	compared, matched := 0, 0
	for _, text := range texts {
		for _, q := range []index.Query{
			{Text: text, Size: 1000},
			{Text: text, Size: 3, Offset: 2},
			{Text: text, Depts: []string{"62", "59"}},
			{Text: text, MinAmount: &million},
			{Text: text, Sort: "-date"},
			{Text: text, Genres: []string{"communique"}, Facets: []string{"theme", "year"}},
			{Text: text, Snippets: true, Size: 1000},
			{Text: text, Snippets: true, Size: 4, Offset: 1, Depts: []string{"62"}},
			{Text: text, Snippets: true, Size: 5, Sort: "date"},
		} {
			index.SetTermsSearch(true)
			index.SetDirectSnippets(true)
			got, err := ix.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			index.SetTermsSearch(false)
			index.SetDirectSnippets(false)
			want, err := ix.Search(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			got.Took, want.Took = 0, 0
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%+v:\n got %d %+v\nwant %d %+v", q, got.Total, hitScores(got), want.Total, hitScores(want))
			}
			compared++
			if want.Total > 0 {
				matched++
			}
		}
	}
	if matched < compared/2 {
		t.Errorf("only %d of %d queries match something", matched, compared)
	}
}

func hitScores(r *index.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID+" "+strings.TrimRight(strings.TrimRight(ftoa(h.Score), "0"), "."))
	}
	return out
}
