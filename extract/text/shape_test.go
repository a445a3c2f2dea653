package text

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"terril/extract/internal/randtext"
)

func TestShapeOf(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want uint8
	}{
		{"directeur", ShapeLower}, {"eBay", ShapeLower}, {"élu", ShapeLower}, {"", ShapeLower},
		{"Olivier", ShapeTitle}, {"Île", ShapeTitle}, {"PierreRené", ShapeTitle | ShapeInner},
		{"Jean-René", ShapeTitle | ShapeInner}, {"Hauts-de-France", ShapeTitle | ShapeInner},
		{"McDonald", ShapeTitle | ShapeInner}, {"LECERF", ShapeUpper}, {"JEAN-RENÉ", ShapeUpper | ShapeInner},
		{"ÉTAT", ShapeUpper}, {"B", ShapeInitial}, {"N'", ShapeInitial}, {"É", ShapeInitial},
	} {
		if got := ShapeOf(tc.w); got != tc.want {
			t.Errorf("ShapeOf(%q) = %d, want %d", tc.w, got, tc.want)
		}
	}
	x := Lex(New("Le PRÉSIDENT a signé"))
	for i, want := range []uint8{ShapeTitle, ShapeUpper, ShapeLower, ShapeLower} {
		if got := x.Shape(i); got != want {
			t.Errorf("Shape(%d) = %d, want %d", i, got, want)
		}
	}
}

// TestShapeOfSameAsRef checks ShapeOf against its plain form, one rune at a time,
// on the words of the sample corpus and on random strings of awkward characters.
func TestShapeOfSameAsRef(t *testing.T) {
	var words []string
	files, _ := filepath.Glob("../../corpus/sample/docs/*")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			words = append(words, strings.Fields(string(b))...)
		}
	}
	alphabet := []string{"a", "z", "A", "Z", "é", "É", "œ", "Œ", "ß", "ǅ", "Σ", "日", "-", "'", "’", "1", ".", "\xff", "\xc3",
		"×", "÷", "ÿ", "À", "Þ", "Ā", "\xc3\xc3", "\xc3("}
	words = append(words, randtext.Strings(rand.New(rand.NewPCG(3, 4)), 20000, 12, alphabet)...)
	for r := rune(0xB0); r < 0x100; r++ { // latin1's runes and their neighbours
		for _, w := range []string{string(r), string(r) + "a", "A" + string(r), "Ab" + string(r) + "C", string(r) + string(r)} {
			words = append(words, w)
		}
	}
	for _, w := range words {
		if got, want := ShapeOf(w), shapeOfRef(w); got != want {
			t.Fatalf("ShapeOf(%q) = %d, the plain form gives %d", w, got, want)
		}
	}
}

// shapeOfRef is ShapeOf's definition rune by rune, without its ASCII fast paths.
func shapeOfRef(w string) uint8 {
	letters, lower, inner, up := 0, false, false, false
	for i, r := range w {
		switch {
		case i == 0 && !unicode.IsUpper(r):
			return ShapeLower
		case unicode.IsUpper(r):
			letters++
			inner = inner || i > 0 && !up
			up = true
		case unicode.IsLetter(r):
			letters++
			lower, up = true, false
		default:
			up = false
		}
	}
	var s uint8
	switch {
	case letters == 0:
		return ShapeLower
	case lower:
		s = ShapeTitle
	case letters == 1:
		s = ShapeInitial
	default:
		s = ShapeUpper
	}
	if inner {
		s |= ShapeInner
	}
	return s
}
