package dates_test

import (
	"fmt"

	"terril/extract/dates"
	"terril/extract/text"
)

// A text is lexed once (text.Lex) and every extractor reads the same tokens.
func ExampleFind() {
	tk := text.Lex(text.New(text.Normalize("Le conseil se réunira le 17/02 puis du 13 au 15 mars ; programme 2021-2027.")))
	for _, d := range dates.Find(&tk, "2024-01-10") {
		fmt.Printf("%s → %s\n", d.Text, d.Value)
	}
	// Output:
	// 17/02 → 2024-02-17
	// 13 au 15 mars → 2024-03-13
	// 13 au 15 mars → 2024-03-15
	// 2021-2027 → 2021
	// 2021-2027 → 2027
}
