package extract_test

import (
	"fmt"
	"strings"

	"terril/extract"
)

// Normalize gives every reader's output one form: typographic apostrophes and
// non-breaking spaces made plain, ligatures expanded, words cut by line-break
// hyphenation joined (but a compound keeps its hyphen), blank lines collapsed.
func ExampleNormalize() {
	raw := "L’aide\u00a0à la ﬁlière du Porte-du-\r\nHainaut   est en dévelop-\npement.\n\n\n\nFin."
	fmt.Printf("%q\n", extract.Normalize(raw))
	// Output:
	// "L'aide à la filière du Porte-du-Hainaut est en développement.\n\nFin."
}

// A Text pairs the normalised text with its folded form (lower case, no accents,
// œ spelt oe), where extractors match; Orig maps a span of Folded back to the
// normalised text S, whose byte offsets differ as soon as a letter is accented (œ is
// two bytes in S and in Folded, each é one more byte in S).
func ExampleText_Orig() {
	t := extract.NewText(extract.Normalize("Cœur d’Ostrevent et Hénin-Beaumont signent l’accord."))
	fmt.Println(t.Folded)
	for _, w := range []string{"coeur d'ostrevent", "henin-beaumont"} {
		i := strings.Index(t.Folded, w)
		s, e := t.Orig(i, i+len(w))
		fmt.Printf("Folded[%d:%d] → S[%d:%d] %q\n", i, i+len(w), s, e, t.S[s:e])
	}
	// Output:
	// coeur d'ostrevent et henin-beaumont signent l'accord.
	// Folded[0:17] → S[0:17] "Cœur d'Ostrevent"
	// Folded[21:35] → S[21:36] "Hénin-Beaumont"
}
