package geo

import (
	"unicode"
	"unicode/utf8"
)

// Gap flags describe what separates a token from the one before it.
const (
	gapHard   = 1 << iota // punctuation other than the soft separators, or a blank line
	gapComma              // one comma
	gapJoined             // a hyphen or an apostrophe with no space: "Saint-Omer", "d'Arras"
	gapLine               // one line break
	gapSpace              // at least one space
	gapParen              // an opening parenthesis
	gapDot                // a full stop, or !, ?, : — a sentence may start after it
)

// A token is a run of letters and digits of the folded text.
type token struct {
	s, e int32 // byte offsets in the folded text
	id   int32 // dictionary id, or -1
	gap  uint8 // gap flags before the token
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// tokenize splits folded text into tokens, appending to toks. lookup gives a token's
// dictionary id (or -1).
func tokenize(f string, toks []token, lookup func(string) int32) []token {
	var gap uint8
	newlines := 0
	for i := 0; i < len(f); {
		c := f[i]
		var r rune = rune(c)
		n := 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(f[i:])
		}
		if isWordRune(r) {
			j := i + n
			for j < len(f) {
				c := f[j]
				if c < utf8.RuneSelf {
					if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
						j++
						continue
					}
					break
				}
				r, m := utf8.DecodeRuneInString(f[j:])
				if !isWordRune(r) {
					break
				}
				j += m
			}
			if newlines > 1 {
				gap |= gapHard | gapDot
			}
			toks = append(toks, token{s: int32(i), e: int32(j), id: lookup(f[i:j]), gap: gap})
			gap, newlines = 0, 0
			i = j
			continue
		}
		switch r {
		case ' ', '\t':
			gap |= gapSpace
		case '-', '\'', '\u2013', '\u2014', '\u2010', '\u2011':
			if gap&gapSpace == 0 && (r == '-' || r == '\'' || r == '\u2010' || r == '\u2011') {
				gap |= gapJoined
			}
		case '\n':
			newlines++
			gap |= gapLine | gapSpace
		case ',':
			if gap&gapComma != 0 {
				gap |= gapHard
			}
			gap |= gapComma
		case '.':
			// "St. Omer": a full stop after an abbreviation is soft; the matcher decides.
			gap |= gapDot
		case '(':
			gap |= gapHard | gapParen
		case '!', '?', ':', ';', '…':
			gap |= gapHard | gapDot
		case '*', '_', '"', '«', '»', '“', '”':
			// markup and quotes: transparent
		default:
			gap |= gapHard
		}
		i += n
	}
	return toks
}

// soft reports whether a name may continue across gap g.
func soft(g uint8) bool { return g&(gapHard|gapDot) == 0 }
