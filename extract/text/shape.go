package text

import (
	"unicode"
	"unicode/utf8"
)

// Case shapes of a word, read from the original text (Text.S): what the folded
// Tokens lose.
const (
	ShapeLower   uint8 = iota // the first letter is no capital: "directeur", "de", "eBay"
	ShapeTitle                // a capital, then letters not all capitals: "Olivier", "PierreRené"
	ShapeUpper                // capitals only, two or more: "LECERF", "JEAN-RENÉ"
	ShapeInitial              // one capital and no other letter: "B", "N'"

	ShapeMask uint8 = 3 // the bits of the four shapes above

	// ShapeInner flags a word that starts with a capital and has another capital
	// after a rune that is none ("PierreRené", "McDonald", "Jean-René"). It is not
	// looked for in a word in ShapeLower.
	ShapeInner uint8 = 1 << 2
)

// ShapeOf returns the case shape of w, a word of the original text that starts with
// a letter (its runes other than letters, such as inner hyphens, count as no
// capital). A word that starts with a lower-case ASCII letter, most of them, is told
// from its first byte; a run of lower-case ASCII letters, most of the rest of a
// word, in a loop of its own.
func ShapeOf(w string) uint8 {
	if w == "" || 'a' <= w[0] && w[0] <= 'z' {
		return ShapeLower
	}
	n := 1
	if c := w[0]; c >= utf8.RuneSelf {
		if k := latin1(w, 0); k != 0 {
			if k != latinUpper {
				return ShapeLower
			}
			n = 2
		} else {
			var r rune
			if r, n = utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return ShapeLower
			}
		}
	} else if c < 'A' || c > 'Z' {
		return ShapeLower
	}
	letters, lower, inner := 1, false, false
	up := true // the last rune was a capital
	for i := n; i < len(w); {
		c := w[i]
		switch {
		case 'a' <= c && c <= 'z':
			for i++; i < len(w) && 'a' <= w[i] && w[i] <= 'z'; i++ {
			}
			lower, up = true, false
			continue
		case 'A' <= c && c <= 'Z':
			letters++
			inner = inner || !up
			up = true
			i++
			continue
		case c < utf8.RuneSelf:
			up = false
			i++
			continue
		}
		var kind uint8
		if kind = latin1(w, i); kind != 0 {
			i += 2
		} else {
			r, k := utf8.DecodeRuneInString(w[i:])
			i += k
			switch {
			case unicode.IsUpper(r):
				kind = latinUpper
			case unicode.IsLetter(r):
				kind = latinLower
			default:
				kind = latinOther
			}
		}
		switch kind {
		case latinUpper:
			letters++
			inner = inner || !up
			up = true
		case latinLower:
			letters++
			lower, up = true, false
		default:
			up = false
		}
	}
	var s uint8
	switch {
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

// What latin1 tells of a rune.
const (
	latinUpper uint8 = 1 + iota // a capital letter
	latinLower                  // a letter that is no capital
	latinOther                  // no letter
)

// latin1 returns what the rune at w[i] is when it is one of U+00C0–U+00FF, the
// accented letters of French ("É", "é", "ç": two bytes, the first 0xC3), as
// unicode.IsUpper and unicode.IsLetter tell them, without decoding it; else 0.
func latin1(w string, i int) uint8 {
	if i+1 >= len(w) || w[i] != 0xC3 || w[i+1]&0xC0 != 0x80 {
		return 0
	}
	switch r := 0xC0 | rune(w[i+1]&0x3F); {
	case r == 0xD7 || r == 0xF7: // × and ÷
		return latinOther
	case r <= 0xDE:
		return latinUpper
	}
	return latinLower
}

// Shape returns the case shape of Token i (ShapeOf its original span), ShapeLower
// for a Token that is no word.
func (x *Tokens) Shape(i int) uint8 {
	if x.Kind(i) != Word {
		return ShapeLower
	}
	s, e := x.Span(i, i+1)
	return ShapeOf(x.T.S[s:e])
}
