package text

import "testing"

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
