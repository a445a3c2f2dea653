package amounts_test

import (
	"fmt"

	"terril/extract/amounts"
	"terril/extract/text"
)

func ExampleFind() {
	tk := text.Lex(text.New(text.Normalize("Un budget de 2 millions de € : la Région apporte quinze mille euros et l'État vingt-cinq millions d'euros.")))
	for _, a := range amounts.Find(&tk) {
		fmt.Printf("%s = %.0f\n", a.Text, a.Value)
	}
	// Output:
	// 2 millions de € = 2000000
	// quinze mille euros = 15000
	// vingt-cinq millions d'euros = 25000000
}
