package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Text is a normalised text with its accent-folded form for matching. Folded is
// lower case, without diacritics, with œ/æ/ß spelt oe/ae/ss and apostrophes and
// hyphen-like characters unified; Orig maps a span of Folded back to the text.
//
// A Text is immutable and safe for concurrent use.
type Text struct {
	S      string // the normalised text (see Normalize)
	Folded string // the folded form of S
	off    []int32
}

// NewText folds s, which should already be normalised.
func NewText(s string) *Text { return newTextBuf(s, nil) }

// newTextBuf is NewText with the offset table in off's array when it is large
// enough: the caller lends it and takes it back once done with the Text.
func newTextBuf(s string, off []int32) *Text {
	t := &Text{S: s}
	b := make([]byte, 0, len(s)+16)
	if cap(off) >= len(s)+1 {
		off = off[:len(s)+1]
	} else {
		off = make([]int32, len(s)+1)
	}
	for i := 0; i < len(s); {
		// A run of ASCII bytes folds byte for byte: copied at once, then lowered.
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf {
			j++
		}
		if j > i {
			n := len(b)
			b = append(b, s[i:j]...)
			off = growOff(off, len(b))
			run, ro := b[n:], off[n:len(b)]
			for k, c := range run {
				run[k] = asciiLower[c]
				ro[k] = int32(i + k)
			}
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		f := FoldRune(r)
		k := len(b)
		b = append(b, f...)
		off = growOff(off, len(b))
		for ; k < len(b); k++ {
			off[k] = int32(i)
		}
		i += n
	}
	off = growOff(off, len(b))
	off[len(b)] = int32(len(s))
	// b is never written again: the string shares its bytes, as strings.Builder does.
	t.Folded = unsafe.String(unsafe.SliceData(b), len(b))
	t.off = off[:len(b)+1]
	return t
}

// growOff makes sure off has room for index n.
func growOff(off []int32, n int) []int32 {
	for n >= len(off) {
		off = append(off, make([]int32, len(off)+1)...)
	}
	return off
}

// Orig maps the span [i, j) of Folded to the corresponding span of S.
func (t *Text) Orig(i, j int) (int, int) {
	if i < 0 {
		i = 0
	}
	if j > len(t.Folded) {
		j = len(t.Folded)
	}
	if j < i {
		j = i
	}
	start := int(t.off[i])
	end := int(t.off[j])
	// j may fall inside the expansion of one rune (œ → oe): extend to its end.
	if j > 0 && j < len(t.Folded) && t.off[j] == t.off[j-1] {
		_, n := utf8.DecodeRuneInString(t.S[end:])
		end += n
	}
	return start, end
}

// Fold returns the folded form of s (see Text).
func Fold(s string) string {
	// Already folded (ASCII without capitals, the common case for a word): s itself.
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(FoldRune(r))
		i += n
	}
	return b.String()
}

// FoldRune returns the folded form of one rune.
func FoldRune(r rune) string {
	if r < utf8.RuneSelf {
		return string(unicode.ToLower(r))
	}
	if r < 0x250 {
		if f := latinFold[r]; f != "" {
			return f
		}
	}
	if punctFoldLo <= r && r < punctFoldHi {
		return punctFold[r-punctFoldLo]
	}
	return foldRuneSlow(r)
}

// foldRuneSlow is FoldRune outside the precomputed tables.
func foldRuneSlow(r rune) string {
	switch r {
	case '’', '‘', 'ʼ', '′', '´', '‛':
		return "'"
	case '‐', '‑', '‒':
		return "-"
	case '\u00A0', '\u202F', '\u2009':
		return " "
	}
	d := norm.NFD.String(string(r))
	var b strings.Builder
	for _, x := range d {
		if unicode.Is(unicode.Mn, x) {
			continue
		}
		b.WriteRune(unicode.ToLower(x))
	}
	if b.Len() == 0 {
		return string(r)
	}
	return b.String()
}

// latinFold is the folding of Latin-1 Supplement and Latin Extended-A/B, computed
// once at package initialisation from the Unicode tables (read-only afterwards).
var latinFold = func() [0x250]string {
	var t [0x250]string
	for r := rune(0x80); r < 0x250; r++ {
		switch r {
		case 'œ', 'Œ':
			t[r] = "oe"
			continue
		case 'æ', 'Æ':
			t[r] = "ae"
			continue
		case 'ß':
			t[r] = "ss"
			continue
		case '\u00A0':
			t[r] = " "
			continue
		}
		d := norm.NFD.String(string(r))
		var b strings.Builder
		for _, x := range d {
			if unicode.Is(unicode.Mn, x) {
				continue
			}
			b.WriteRune(unicode.ToLower(x))
		}
		if b.Len() > 0 {
			t[r] = b.String()
		}
	}
	return t
}()

// punctFold is FoldRune for U+2000–U+27BF (punctuation, currency, arrows, symbols,
// bullets and dingbats: "–", "«", "€", "•", "▪", "➢"), where a text's non-Latin
// characters mostly are; computed once at package initialisation (read-only
// afterwards) so that folding them costs no normalisation per character.
const punctFoldLo, punctFoldHi = 0x2000, 0x27C0

var punctFold = func() (t [punctFoldHi - punctFoldLo]string) {
	for r := rune(punctFoldLo); r < punctFoldHi; r++ {
		t[r-punctFoldLo] = foldRuneSlow(r)
	}
	return t
}()

// asciiLower lowers the ASCII capitals and leaves every other byte as it is.
var asciiLower = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] = byte(c + 'a' - 'A')
		}
	}
	return t
}()
