package parties

import (
	"unicode"
	"unicode/utf8"
)

// The scanner's own tokenizer before it read the shared tokens, kept as the
// reference that tokensView must agree with (FuzzTokensView).

// Byte classes of the tokenizer.
const (
	pbOther   uint8 = iota // an ASCII punctuation mark or symbol: a token of its own
	pbSpace                // ' ', '\t', '\r': separates tokens
	pbNewline              // '\n'
	pbDigit                // '0'…'9'
	pbLower                // 'a'…'z'
	pbUpper                // 'A'…'Z'
	pbHigh                 // a byte of a multi-byte rune
)

// pByteClass is the class of each byte.
var pByteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			t[c] = pbSpace
		case c == '\n':
			t[c] = pbNewline
		case '0' <= c && c <= '9':
			t[c] = pbDigit
		case 'a' <= c && c <= 'z':
			t[c] = pbLower
		case 'A' <= c && c <= 'Z':
			t[c] = pbUpper
		case c >= utf8.RuneSelf:
			t[c] = pbHigh
		}
	}
	return t
}()

// ptokenize splits s into words, punctuation marks and line breaks; spaces separate
// tokens and are not kept. Digits are punctuation tokens, one per digit run.
func ptokenize(s string) []ptok { return ptokenizeInto(s, nil, nil) }

// ptokenizeInto is ptokenize appending to toks[:0]. With off, the offset table of
// the folded form of s (see Text), it also sets each word's span of the folded
// text: every rune folds on its own, ASCII to one byte, so the folded offset is the
// text's plus a shift that only runes outside ASCII change, by the number of folded
// bytes whose origin they are, less their own length.
func ptokenizeInto(s string, off []int32, toks []ptok) []ptok {
	if n := len(s)/5 + 1; cap(toks) < n {
		toks = make([]ptok, 0, n)
	}
	toks = toks[:0]
	d := 0 // with off: the folded offset of i, less i
	for i := 0; i < len(s); {
		c := s[i]
		upper := false // the word's first letter is a capital
		switch pByteClass[c] {
		case pbSpace:
			i++
			continue
		case pbNewline:
			toks = append(toks, ptok{s: int32(i), e: int32(i + 1), kind: ptNewline})
			i++
			continue
		case pbDigit:
			j := i + 1
			for j < len(s) && pByteClass[s[j]] == pbDigit {
				j++
			}
			toks = append(toks, ptok{s: int32(i), e: int32(j), kind: ptPunct})
			i = j
			continue
		case pbOther:
			toks = append(toks, ptok{s: int32(i), e: int32(i + 1), kind: ptPunct})
			i++
			continue
		case pbLower:
			// Most words: lower-case ASCII letters up to a space. Read at once;
			// the others go on in the loop below from the end of the run.
			j := i + 1
			for j < len(s) && pByteClass[s[j]] == pbLower {
				j++
			}
			if j >= len(s) || pByteClass[s[j]] == pbSpace {
				toks = append(toks, ptok{s: int32(i), e: int32(j), fs: int32(i + d), fe: int32(j + d), kind: ptWord})
				i = j + 1 // and the space after it
				continue
			}
		case pbUpper:
			upper = true
		case pbHigh:
			r, n := pDecode(s, i)
			if !unicode.IsLetter(r) {
				if off != nil {
					d += foldedLen(off, i+d, i) - n
				}
				toks = append(toks, ptok{s: int32(i), e: int32(i + n), kind: ptPunct})
				i += n
				continue
			}
			upper = unicode.IsUpper(r)
		}
		// A word: letters, inner hyphens between letters; an apostrophe after a
		// letter and before a letter ends the word and belongs to it ("d'", "l'").
		fs := i + d
		j := i
		letters := 0 // letters other than lower-case ASCII ones
		lower, inner := false, false
		hyphen := hyphenNone
		up := true // the last rune was a capital (the first rune follows none)
	word:
		for j < len(s) {
			switch pByteClass[s[j]] {
			case pbLower:
				// A run of lower-case ASCII letters, the bulk of a text.
				for j++; j < len(s) && pByteClass[s[j]] == pbLower; j++ {
				}
				lower, up = true, false
				if j < len(s) && pByteClass[s[j]] == pbSpace {
					break word // the end of most words
				}
			case pbUpper:
				letters++
				j++
				inner = inner || !up
				up = true
			case pbHigh:
				r2, n2 := pDecode(s, j)
				if !unicode.IsLetter(r2) {
					break word
				}
				letters++
				if unicode.IsUpper(r2) {
					inner = inner || !up
					up = true
				} else {
					lower, up = true, false
				}
				if off != nil {
					d += foldedLen(off, j+d, j) - n2
				}
				j += n2
			default:
				if c2 := s[j]; (c2 == '-' || c2 == '\'') && j+1 < len(s) && pLetterAt(s, j+1) {
					j++
					if c2 == '\'' {
						break word
					}
					hyphen = hyphenUnknown
					up = false
					continue
				}
				break word
			}
		}
		cas := pcLower
		switch {
		case !upper:
			cas = pcLower
		case lower:
			cas = pcTitle
		case letters == 1:
			cas = pcInitial
		default:
			cas = pcUpper
		}
		toks = append(toks, ptok{s: int32(i), e: int32(j), fs: int32(fs), fe: int32(j + d), kind: ptWord, cas: cas, hyphen: hyphen, inner: inner})
		i = j
		if i < len(s) && s[i] == ' ' {
			i++ // the space after most words
		}
	}
	return toks
}

// pDecode is utf8.DecodeRuneInString(s[j:]) for s[j] outside ASCII, decoding the
// two-byte runes (the accented Latin letters) inline.
func pDecode(s string, j int) (rune, int) {
	if c := s[j]; 0xC2 <= c && c <= 0xDF && j+1 < len(s) {
		if c2 := s[j+1]; c2&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c2&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[j:])
}

// foldedLen returns the number of bytes the rune at i folds to, k being the first of
// them in the offset table off.
func foldedLen(off []int32, k, i int) int {
	n := 0
	for off[k+n] == int32(i) {
		n++
	}
	return n
}

// pLetterAt reports whether the rune at s[j:] is a letter.
func pLetterAt(s string, j int) bool {
	if c := s[j]; c < utf8.RuneSelf {
		return pByteClass[c] == pbLower || pByteClass[c] == pbUpper
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return unicode.IsLetter(r)
}
