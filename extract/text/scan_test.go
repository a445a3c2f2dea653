package text

import "testing"

// TestSeenSet adds keys with repeats across the change from the array to the map.
func TestSeenSet(t *testing.T) {
	var s SeenSet[[2]string]
	seen := map[[2]string]bool{}
	for i := range 60 {
		k := [2]string{string(rune('a' + i%37)), "x"}
		if got, want := s.Add(k), !seen[k]; got != want {
			t.Fatalf("Add(%q) #%d = %v, want %v", k, i, got, want)
		}
		seen[k] = true
	}
	var e SeenSet[int]
	for _, tc := range []struct {
		k    int
		want bool
	}{{0, true}, {0, false}, {1, true}, {0, false}, {1, false}, {2, true}} {
		if got := e.Add(tc.k); got != tc.want {
			t.Errorf("Add(%d) = %v, want %v", tc.k, got, tc.want)
		}
	}
}
