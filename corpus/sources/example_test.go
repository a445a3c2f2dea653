package sources_test

import (
	"fmt"

	"terril/corpus/sources"
)

func ExampleParse() {
	f, err := sources.Parse("sources.yaml", []byte(`
fetch:
  contact: veille@example.org
  rate: 0.5
sources:
  - name: prefecture-raa
    type: listing
    url: https://www.var.gouv.fr/Publications/Recueil-des-actes-administratifs
    links: "h2.fr-card__title a"
    next: "a.fr-pagination__link--next"
    max_pages: 3
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	s := f.Sources[0]
	fmt.Println(s.Name, s.Type, s.AllowedHosts, f.Fetch.Rate)

	_, err = sources.Parse("sources.yaml", []byte(`
fetch: {contact: veille@example.org}
sources:
  - {name: presse, type: listing, url: "https://www.region.fr/presse"}
`))
	fmt.Println(err)
	// Output:
	// prefecture-raa listing [www.var.gouv.fr] 0.5
	// sources.yaml: source presse: links: required for type listing: a CSS selector for the links to documents
}
