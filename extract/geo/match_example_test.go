package geo_test

import (
	"fmt"

	"terril/extract"
	"terril/extract/geo"
)

// Namesakes are resolved by what the text says around them: "dans la Somme" makes
// Bailleul the one of the Somme (80), not the larger one of the Nord.
func ExampleGazetteer_Match_namesakes() {
	g, err := geo.Default()
	if err != nil {
		panic(err)
	}
	t := extract.NewText(extract.Normalize("Le conseil s'est réuni à Bailleul dans la Somme, puis à Lens et à Liévin."))
	communes, _, deps := g.MatchText(t)
	for _, c := range communes {
		fmt.Println(c.INSEE, c.Name, c.Departement)
	}
	fmt.Println(deps)
	// Output:
	// 80051 Bailleul 80
	// 62498 Lens 62
	// 62510 Liévin 62
	// [80]
}

// A former name resolves to today's commune: Lomme joined Lille in 2000.
func ExampleGazetteer_LookupCommune_formerName() {
	g, err := geo.Default()
	if err != nil {
		panic(err)
	}
	for _, c := range g.LookupCommune("Lomme") {
		fmt.Println(c.INSEE, c.Name, c.Departement)
	}
	// Output:
	// 59350 Lille 59
}
