package text

import (
	"encoding/binary"
	"math/bits"
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

// New folds s, which should already be normalised.
func New(s string) *Text { return NewBuf(s, nil) }

// NewBuf is New with the offset table in off's array when it is large
// enough: the caller lends it and takes it back once done with the Text.
func NewBuf(s string, off []int32) *Text {
	t := new(Text)
	t.Reset(s, off)
	return t
}

// Reset makes t the Text of s, as NewBuf does, in t itself: for a caller that lends
// one Text across documents (as extract.Extractor does), which nobody holds when it
// is reset. Its Folded is new.
func (t *Text) Reset(s string, off []int32) {
	t.S = s
	b := make([]byte, 0, len(s)+16)
	if cap(off) >= len(s)+1 {
		off = off[:len(s)+1]
	} else {
		off = make([]int32, len(s)+1)
	}
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf && i+8 <= len(s) {
			// A run of ASCII, eight bytes at a time (foldASCII).
			if j, n := foldASCII(s, i, b[:cap(b)], off, len(b)); j > i {
				i, b = j, b[:n]
				continue
			}
		}
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, asciiLower[c])
			off = growOff(off, len(b))
			off[len(b)-1] = int32(i)
			i++
			continue
		}
		var r rune
		var n int
		if c0 := s[i]; c0 >= 0xC2 && c0 < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// A two-byte rune (é, à, ç…), decoded here.
			r, n = rune(c0&0x1F)<<6|rune(s[i+1]&0x3F), 2
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		var f string
		if r < 0x250 {
			f = latinFold[r]
		}
		if f == "" {
			f = FoldRune(r)
		}
		k := len(b)
		if len(f) == 1 {
			b = append(b, f[0]) // é → e
		} else {
			b = append(b, f...)
		}
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
}

// foldASCII folds s from i into b from n, with the offsets in off, eight bytes at a
// time, and returns where it stopped in s and in b: at a rune it does not fold in one
// byte, or at the end of the room. ASCII folds byte for byte: the eight bytes read are
// lowered together with their offsets written, and those past a multi-byte rune's
// first byte are written too but dropped (b and off have room). A two-byte rune that
// folds to one byte (é → e, the common case in French) is folded here, to go on with
// the bytes after it: most of a French text is ASCII with such letters among it.
func foldASCII(s string, i int, b []byte, off []int32, n int) (int, int) {
	last := min(len(b), len(off)-1) - 8 // the last n with room for eight bytes (off keeps one for the end)
	for i+8 <= len(s) && n <= last {
		w := load8(s, i)
		binary.LittleEndian.PutUint64(b[n:n+8], lower8(w))
		o, v := (*[8]int32)(off[n:n+8]), int32(i)
		o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7] = v, v+1, v+2, v+3, v+4, v+5, v+6, v+7
		hi := w & (ones8 * 0x80)
		if hi == 0 {
			i, n = i+8, n+8
			continue
		}
		k := bits.TrailingZeros64(hi) >> 3
		i, n = i+k, n+k
		// s[i] is the first byte of a multi-byte rune, n < len(b) and n < len(off).
		c0 := s[i]
		if c0 < 0xC2 || c0 >= 0xE0 || i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
			return i, n
		}
		r := rune(c0&0x1F)<<6 | rune(s[i+1]&0x3F)
		if r >= 0x250 || latinFold1[r] == 0 {
			return i, n
		}
		b[n], off[n] = latinFold1[r], int32(i)
		i, n = i+2, n+1
	}
	return i, n
}

// ones8 has a 1 in each byte of a word.
const ones8 = 0x0101010101010101

// load8 reads s[i:i+8] as a little-endian word (the compiler makes it one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lower8 lowers the ASCII capitals among the bytes of w. Bytes below 0x80 come out
// right whatever the bytes above them: the sums carry only towards higher bytes, and
// only out of a byte of 0x80 or more.
func lower8(w uint64) uint64 {
	ge := w + ones8*(0x80-'A')   // high bit set in the bytes >= 'A'
	gt := w + ones8*(0x80-'Z'-1) // high bit set in the bytes > 'Z'
	return w | ((ge &^ gt) & (ones8 * 0x80) >> 2)
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

// latinFold1 is the byte of latinFold's one-byte folds (é → e), 0 for the others.
var latinFold1 = func() (t [0x250]byte) {
	for r, f := range latinFold {
		if len(f) == 1 {
			t[r] = f[0]
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

// Offsets returns the table mapping each byte of Folded to its byte in S (one entry
// more for the end). It is the Text's own: read it, don't change it; hand it back to
// NewBuf once the Text is no longer used.
func (t *Text) Offsets() []int32 { return t.off }

// ASCIILower is the lower-case of each ASCII byte (other bytes unchanged).
var ASCIILower = asciiLower
