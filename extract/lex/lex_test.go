package lex

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// Every word of every file is admitted by its guard and found, and nothing else is
// admitted by chance for words far from the lists.
func TestGuardsAdmitTheirWords(t *testing.T) {
	names, err := fs.Glob(files, "data/*")
	if err != nil || len(names) == 0 {
		t.Fatalf("no data files: %v", err)
	}
	for _, n := range names {
		n = strings.TrimPrefix(n, "data/")
		var has func(string) bool
		var words []string
		if strings.HasSuffix(n, ".tsv") {
			tb := LoadTable[float64](n)
			has, words = func(w string) bool { _, ok := tb.Lookup(w); return ok }, tb.Words()
		} else {
			s := LoadSet(n)
			has, words = s.Has, s.Words()
		}
		if len(words) == 0 {
			t.Errorf("%s: empty", n)
		}
		for _, w := range words {
			if !has(w) {
				t.Errorf("%s: %q not found", n, w)
			}
		}
	}
}

func TestTables(t *testing.T) {
	cases := []struct {
		got, want float64
	}{
		{float64(Months.Value("aout")), 8},
		{float64(Months.Value("juil")), -7},
		{float64(Months.Value("juilet")), 0},
		{Numbers.Value("quinze"), 15},
		{Scales.Value("milliards"), 1e9},
		{Scales.Value("mille"), 1e3},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %v, want %v", i, c.got, c.want)
		}
	}
	if !Weekdays.Has("jeudi") || Weekdays.Has("jeud") || !DayWords.Has("premier") || DayWords.Has("cent") {
		t.Error("sets")
	}
}

func TestGuardUnion(t *testing.T) {
	var g Guard
	g.Union(&Months.Guard)
	g.Union(&Numbers.Guard)
	for _, w := range append(Months.Words(), Numbers.Words()...) {
		if !g.May(w) {
			t.Errorf("union refuses %q", w)
		}
	}
}

func ExampleTable_Lookup() {
	v, ok := Numbers.Lookup("quarante")
	fmt.Println(v, ok)
	// Output: 40 true
}
