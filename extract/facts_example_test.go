package extract_test

import (
	"fmt"

	"terril/extract"
)

func ExampleDates() {
	t := extract.NewText(extract.Normalize("Lundi 5 février à Oignies, les partenaires ont validé le plan signé les 13 et 14 décembre 2016 ; d'ici 2030, France 2030 financera la suite."))
	for _, d := range extract.Dates(t, "2018-02-05") {
		fmt.Printf("%s → %s\n", d.Text, d.Value)
	}
	// Output:
	// Lundi 5 février → 2018-02-05
	// 13 et 14 décembre 2016 → 2016-12-13
	// 13 et 14 décembre 2016 → 2016-12-14
	// d'ici 2030 → 2030
}

func ExampleAmounts() {
	t := extract.NewText(extract.Normalize("Elle a prêté 1,4 milliard d’euros, dont 200 millions aux collectivités, pour 1,2 million d'habitants ; près de 78 500 € HT."))
	for _, a := range extract.Amounts(t) {
		fmt.Printf("%s = %.0f %s implicit=%v qualifier=%q approx=%q\n", a.Text, a.Value, a.Currency, a.Implicit, a.Qualifier, a.Approx)
	}
	// Output:
	// 1,4 milliard d'euros = 1400000000 EUR implicit=false qualifier="" approx=""
	// 200 millions = 200000000 EUR implicit=true qualifier="" approx=""
	// 78 500 € = 78500 EUR implicit=false qualifier="HT" approx="près de"
}

func ExampleReferences() {
	t := extract.NewText(extract.Normalize("défini par les délibérations n°20161396 du 13 octobre 2016 et n°20161857 du 13 et 14 décembre 2016."))
	for _, r := range extract.References(t) {
		fmt.Println(r.Kind, r.Number, r.Date)
	}
	// Output:
	// deliberation 20161396 2016-10-13
	// deliberation 20161857 2016-12
}
