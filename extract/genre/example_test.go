package genre_test

import (
	"fmt"

	"terril/extract/genre"
	"terril/extract/text"
)

func ExampleFind() {
	tk := text.Lex(text.New(text.Normalize("Communiqué de presse\n\nArras, le 2 juin 2022\n\nLe Département soutient les communes rurales.")))
	published := genre.Published(&tk)
	fmt.Println(genre.Find(&tk, "", published), published)
	// Output:
	// communique 2022-06-02
}
