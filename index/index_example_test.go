package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"terril/corpus"
	"terril/index"
)

// Index two documents with their facts, then search French text, with a filter on a
// département and facets by commune and genre.
func Example() {
	dir, err := os.MkdirTemp("", "index-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	ix, err := index.Open(filepath.Join(dir, "terril.bleve"))
	if err != nil {
		panic(err)
	}
	defer ix.Close()

	docs := []*corpus.Document{{
		ID:           "cp-lens",
		Title:        "Rénovation de la piscine de Lens",
		Text:         "La communauté d'agglomération finance la rénovation de la piscine de Lens pour 2,5 millions d'euros.",
		Genre:        corpus.GenreCommunique,
		Published:    "2024-03-12",
		Amounts:      []corpus.Amount{{Text: "2,5 millions d'euros", Value: 2.5e6, Currency: "EUR"}},
		Communes:     []corpus.Commune{{Name: "Lens", INSEE: "62498", Departement: "62", EPCI: "246200364"}},
		Departements: []string{"62"},
		Themes:       []string{"sport"},
	}, {
		ID:        "delib-douai",
		Title:     "Piscines : plan de rénovation",
		Text:      "Le conseil approuve la rénovation des piscines de Douai et de Sin-le-Noble.",
		Genre:     corpus.GenreDeliberation,
		Published: "2023-11",
		Communes: []corpus.Commune{
			{Name: "Douai", INSEE: "59178", Departement: "59", EPCI: "200044618"},
			{Name: "Sin-le-Noble", INSEE: "59569", Departement: "59", EPCI: "200044618"},
		},
		Departements: []string{"59"},
		Themes:       []string{"sport"},
	}}
	if err := ix.Index(docs); err != nil {
		panic(err)
	}

	// "piscines" finds both documents ("piscine" and "piscines" share a stem)…
	q := index.Query{Text: "piscines rénovation"}
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		panic(err)
	}
	fmt.Println("without filter:", res.Total)

	// … and the filter keeps the Nord's (59), the facets count what remains.
	q.Depts = []string{"59"}
	q.Facets = []string{"commune", "genre"}
	res, err = ix.Search(context.Background(), q)
	if err != nil {
		panic(err)
	}
	fmt.Println("total:", res.Total)
	for _, h := range res.Hits {
		fmt.Println("hit:", h.ID, h.Published, h.Title, h.Communes)
	}
	for _, f := range res.Facets {
		for _, v := range f.Values {
			fmt.Printf("facet %s: %s (%d)\n", f.Name, v.Value, v.Count)
		}
	}
	// Output:
	// without filter: 2
	// total: 1
	// hit: delib-douai 2023-11 Piscines : plan de rénovation [59178 Douai 59569 Sin-le-Noble]
	// facet commune: Douai (59178) (1)
	// facet commune: Sin-le-Noble (59569) (1)
	// facet genre: deliberation (1)
}
