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

func ExamplePlan() {
	// A user's file replaces the catalogue's entry for the Nord and adds its own.
	user, err := sources.Parse("sources.yaml", []byte(`
fetch: {contact: veille@example.org}
sources:
  - {name: prefecture-59-raa, type: dsfr, url: "https://www.nord.gouv.fr/Publications/Recueils-des-actes-administratifs"}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	list, err := sources.Plan(user, nil, []string{"prefecture-59-raa", "prefecture-83-raa"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range list {
		fmt.Printf("%s %s %s origin=%q checked=%q\n", s.Name, s.Type, s.URL, s.Origin, s.Checked)
	}
	groups, _ := sources.Plan(nil, []string{"prefectures", "regions"}, nil)
	fmt.Println(len(groups), "sources in catalogue:prefectures and catalogue:regions")
	// Output:
	// prefecture-59-raa dsfr https://www.nord.gouv.fr/Publications/Recueils-des-actes-administratifs origin="" checked=""
	// prefecture-83-raa dsfr https://www.var.gouv.fr/Publications/Recueil-des-actes-administratifs origin="known" checked="not checked"
	// 220 sources in catalogue:prefectures and catalogue:regions
}
