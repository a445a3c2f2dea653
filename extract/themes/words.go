package themes

import (
	"unicode"
	"unicode/utf8"

	"terril/extract/text"
)

// The classifier's words are runs of the shared tokens (text.Lex): a word, a number
// or a digit of another script, glued together ("covid19", "2e"), with '&' kept
// inside a word before an ASCII letter or digit ("R&D"). Apostrophes and hyphens
// separate words. The lexicon's terms are cut the same way (termWords).

// wordAt reports whether token k of toks (over the folded s) starts one of the
// classifier's words, and where that word ends: the end of its last token and the
// index of the token after it.
func wordAt(s string, toks []text.Token, k int) (ok bool, end int32, next int) {
	if t := &toks[k]; t.Kind == text.Punct && !digitPunct(s, t) {
		return false, t.E, k + 1
	}
	end = toks[k].E
	for k++; k < len(toks) && toks[k].Gap == text.GapNone; k++ {
		t := &toks[k]
		if t.Kind == text.Punct {
			if c := s[t.S]; c == '&' {
				if int(t.E) >= len(s) || !asciiAlnum[s[t.E]] {
					break
				}
			} else if !digitPunct(s, t) {
				break
			}
		}
		end = t.E
	}
	return true, end, k
}

// digitPunct reports whether the punctuation token t is a digit of another script,
// which the lexer leaves out of its words and numbers.
func digitPunct(s string, t *text.Token) bool {
	if s[t.S] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[t.S:t.E])
	if r < lowDigitRunes {
		return lowDigits[r>>6]>>(r&63)&1 != 0
	}
	return unicode.IsDigit(r)
}

// lowDigits is unicode.IsDigit for the runes below lowDigitRunes, a bit each, computed
// once at package initialisation (read-only afterwards): the punctuation tokens that
// digitPunct reads are mostly dashes, quotes and bullets of U+2000–U+2BFF.
const lowDigitRunes = 0x3000

var lowDigits = func() (t [lowDigitRunes / 64]uint64) {
	for r := rune(0); r < lowDigitRunes; r++ {
		if unicode.IsDigit(r) {
			t[r>>6] |= 1 << (r & 63)
		}
	}
	return t
}()

// asciiAlnum tells the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
	}
	return t
}()

// forWords calls f with the span of each of the classifier's words of s, lexed.
func forWords(s string, f func(i, j int)) {
	toks := text.LexString(s)
	for k := 0; k < len(toks); {
		ok, end, next := wordAt(s, toks, k)
		if ok {
			f(int(toks[k].S), int(end))
		}
		k = next
	}
}

// wordKey packs the word s[i:j], of up to memoKey bytes, little-endian into the
// memo's key (see memoSlot), eight bytes at a time where s has them.
func wordKey(s string, i, j int) (k0, k1, k2 uint64) {
	if i+3*8 <= len(s) {
		// Three loads, and the bytes beyond the word masked off (a shift by 64
		// or more gives 0 in Go: a whole word of ones).
		k0, k1, k2 = load64(s, i), load64(s, i+8), load64(s, i+16)
		switch n := j - i; {
		case n <= 8:
			return k0 & (1<<(8*n) - 1), 0, 0
		case n <= 16:
			return k0, k1 & (1<<(8*(n-8)) - 1), 0
		default:
			return k0, k1, k2 & (1<<(8*(n-16)) - 1)
		}
	}
	var k [3]uint64
	for p := 0; p < len(k) && i < j; p++ {
		var x uint64
		if i+8 <= len(s) {
			x = load64(s, i)
		} else {
			for b := i; b < len(s) && b < i+8; b++ {
				x |= uint64(s[b]) << (8 * (b - i))
			}
		}
		if n := j - i; n < 8 {
			x &= 1<<(8*n) - 1
		}
		k[p] = x
		i += 8
	}
	return k[0], k[1], k[2]
}
