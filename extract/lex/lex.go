package lex

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
)

//go:embed data
var files embed.FS

// A Set is a list of folded words, immutable once loaded.
type Set struct {
	Guard
	words map[string]struct{}
}

// NewSet returns the Set of words.
func NewSet(words ...string) *Set {
	s := &Set{words: make(map[string]struct{}, len(words))}
	for _, w := range words {
		s.words[w] = struct{}{}
		s.Add(w)
	}
	return s
}

// Has reports whether w is in s.
func (s *Set) Has(w string) bool {
	if !s.May(w) {
		return false
	}
	_, ok := s.words[w]
	return ok
}

// Words returns the words of s, in no order.
func (s *Set) Words() []string {
	out := make([]string, 0, len(s.words))
	for w := range s.words {
		out = append(out, w)
	}
	return out
}

// A Table maps folded words to a value, immutable once loaded.
type Table[V int | float64] struct {
	Guard
	values map[string]V
}

// Lookup returns the value of w.
func (t *Table[V]) Lookup(w string) (V, bool) {
	if !t.May(w) {
		return 0, false
	}
	v, ok := t.values[w]
	return v, ok
}

// Value returns the value of w, or 0.
func (t *Table[V]) Value(w string) V {
	v, _ := t.Lookup(w)
	return v
}

// Words returns the words of t, in no order.
func (t *Table[V]) Words() []string {
	out := make([]string, 0, len(t.values))
	for w := range t.values {
		out = append(out, w)
	}
	return out
}

// lines returns the entries of an embedded file: its lines without comments and blank
// lines, each cut at its tabs.
func lines(name string) [][]string {
	b, err := files.ReadFile("data/" + name)
	if err != nil {
		panic(fmt.Sprintf("lex: %s: %v", name, err)) // embedded: cannot happen but by a build error
	}
	var out [][]string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l == "" || l[0] == '#' {
			continue
		}
		out = append(out, strings.Split(l, "\t"))
	}
	return out
}

// LoadSet reads an embedded word list (data/NAME).
func LoadSet(name string) *Set {
	var words []string
	for _, f := range lines(name) {
		words = append(words, f[0])
	}
	return NewSet(words...)
}

// LoadTable reads an embedded table of words and values (data/NAME).
func LoadTable[V int | float64](name string) *Table[V] {
	t := &Table[V]{values: map[string]V{}}
	for _, f := range lines(name) {
		if len(f) != 2 {
			panic(fmt.Sprintf("lex: %s: %q: want word TAB value", name, strings.Join(f, "\t")))
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			panic(fmt.Sprintf("lex: %s: %s: %v", name, f[0], err))
		}
		t.values[f[0]] = V(v)
		t.Add(f[0])
	}
	return t
}

// The shared lexicons.
var (
	// Months gives a month name's number (1–12) and an abbreviation's negated.
	Months = LoadTable[int]("months.tsv")
	// Weekdays are the days of the week.
	Weekdays = LoadSet("weekdays.txt")
	// Numbers gives the number words' values ("vingt": 20).
	Numbers = LoadTable[float64]("numbers.tsv")
	// Scales gives the scale words' factors ("millions": 1e6).
	Scales = LoadTable[float64]("scales.tsv")
	// DayWords are the number words that may start a day written out ("seize mars").
	DayWords = LoadSet("daywords.txt")
	// YearWords are the words for a year that a relative year starts with ("l'an prochain").
	YearWords = LoadSet("yearwords.txt")
)
