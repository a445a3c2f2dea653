package references_test

import (
	"fmt"

	"terril/extract/references"
	"terril/extract/text"
)

func ExampleFind() {
	tk := text.Lex(text.New(text.Normalize("Vu l'arrêté préfectoral n° 2023-118 du 4 avril 2023 et la délibération n°45/2022 du conseil.")))
	for _, r := range references.Find(&tk) {
		fmt.Println(r.Kind, r.Number, r.Date)
	}
	// Output:
	// arrete 2023-118 2023-04-04
	// deliberation 45/2022
}
