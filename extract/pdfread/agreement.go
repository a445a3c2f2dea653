package pdfread

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Agreement is the word-level agreement of an extracted text with a reference text,
// as ../shared/pdfs/agreement.py defines it: words are runs of letters, digits and
// underscores, compared case-sensitively with accents kept (NFC), as a multiset;
// reading order is not scored.
type Agreement struct {
	Precision, Recall, F1 float64
	FFFD                  int // U+FFFD characters in the extracted text
}

// Agree computes the Agreement of got against ref.
func Agree(ref, got string) Agreement {
	rw, gw := wordBag(ref), wordBag(got)
	tp, nr, ng := 0, 0, 0
	for w, c := range rw {
		nr += c
		tp += min(c, gw[w])
	}
	for _, c := range gw {
		ng += c
	}
	a := Agreement{FFFD: strings.Count(got, "\uFFFD")}
	a.Precision = float64(tp) / float64(max(1, ng))
	a.Recall = float64(tp) / float64(max(1, nr))
	if a.Precision+a.Recall > 0 {
		a.F1 = 2 * a.Precision * a.Recall / (a.Precision + a.Recall)
	}
	return a
}

func wordBag(s string) map[string]int {
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	bag := map[string]int{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
		bag[w]++
	}
	return bag
}

// isWordRune is Python's \w on str: alphanumeric (letters and numbers) or '_'.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}
