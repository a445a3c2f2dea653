package text

// Token helpers shared by the scanners of dates, amounts, references, publication
// dates and genre: the marks and shapes of numbers they all look at.

// NumeroBefore reports whether Token i is introduced by "n°", "nº", "no", "numéro".
func (x *Tokens) NumeroBefore(i int) bool {
	k := i - 1
	if k < 0 {
		return false
	}
	if x.Kind(k) == Punct {
		switch x.Str(k) {
		case "°", "º":
			return true
		}
		return false
	}
	switch w := x.Str(k); {
	case w[0] != 'n': // most words: no string comparison
		return false
	case w == "no", w == "nº", w == "numero", w == "num", w == "nos", w == "n":
		return true
	}
	return false
}

// NumberMarkWords are the words a number mark (NumberMark) starts with ("n°" is "n"
// then a punctuation).
var NumberMarkWords = []string{"n", "no", "nos", "nº", "num", "numero"}

// NumberMark reads "n°", "nº", "n °", "no", "numéro", "N°" at Token j and returns the
// index after it.
func (x *Tokens) NumberMark(j int) (int, bool) {
	switch x.Str(j) {
	case "n":
		if x.IsPunct(j+1, "°") || x.IsPunct(j+1, "º") {
			return j + 2, true
		}
		if x.IsWord(j+1, "o") && x.Kind(j+2) == Num {
			return j + 2, true
		}
	case "nº", "no", "numero", "nos", "n°":
		if x.IsPunct(j+1, ".") {
			return j + 2, true
		}
		return j + 1, true
	case "num":
		if x.IsPunct(j+1, ".") {
			return j + 2, true
		}
	}
	return j, false
}

// IsYear reports whether n, written with digits digits, may be a year: four digits
// from 1800 to 2099.
func IsYear(n, digits int) bool { return digits == 4 && n >= 1800 && n <= 2099 }

// IsOrdinal reports whether w is the ending of an ordinal glued to its number ("1er",
// "1re", "1ᵉʳ", "2ᵉ").
func IsOrdinal(w string) bool {
	switch w {
	case "er", "re", "ere", "ᵉʳ", "ᵉ":
		return true
	}
	return false
}

// HalfAfter reports whether "et demi" is at Token k ("un million et demi").
func (x *Tokens) HalfAfter(k int) bool {
	return x.IsWord(k, "et") && (x.IsWord(k+1, "demi") || x.IsWord(k+1, "demie"))
}

// A SeenSet is a set of the keys of the entries already kept, for dropping
// duplicates: an array scanned in order while it is short (most texts have a few
// dates and amounts), inside the set so that a set kept on the stack allocates
// nothing; a map once it grows. The zero value is empty.
type SeenSet[K comparable] struct {
	few [16]K
	n   int
	m   map[K]struct{}
}

// Add adds k and reports whether it was new.
func (s *SeenSet[K]) Add(k K) bool {
	if s.m != nil {
		if _, ok := s.m[k]; ok {
			return false
		}
		s.m[k] = struct{}{}
		return true
	}
	for _, l := range s.few[:s.n] {
		if l == k {
			return false
		}
	}
	if s.n < len(s.few) {
		s.few[s.n] = k
		s.n++
		return true
	}
	s.m = make(map[K]struct{}, 2*s.n)
	for _, l := range s.few {
		s.m[l] = struct{}{}
	}
	s.m[k] = struct{}{}
	return true
}
