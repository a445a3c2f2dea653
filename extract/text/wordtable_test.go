package text

import "testing"

// TestWordTable checks that a WordTable gives what its map gives, for every word
// of the map and for words it has not got.
func TestWordTable(t *testing.T) {
	for _, m := range []map[string]int{
		{},
		{"": 7},
		{"a": 1, "b": 2, "publie": 3, "publiee": 4, "reunis": 5, "reunie": 6, "seance": 7, "par": 8, "é": 9},
	} {
		tb := NewWordTable(m)
		for w, v := range m {
			if got, ok := tb.Get(w); !ok || got != v {
				t.Errorf("Get(%q) = %d, %v; want %d, true", w, got, ok, v)
			}
		}
		for _, w := range []string{"", "c", "publi", "publies", "reuni", "seances", "pa", "parr", "e"} {
			want, wantOK := m[w]
			if got, ok := tb.Get(w); got != want || ok != wantOK {
				t.Errorf("Get(%q) = %d, %v; want %d, %v", w, got, ok, want, wantOK)
			}
			if got := tb.Value(w); got != want {
				t.Errorf("Value(%q) = %d; want %d", w, got, want)
			}
		}
	}
}
