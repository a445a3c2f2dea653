package fundings

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// A token is a word, a number or one punctuation character of the text, folded
// (lower case, no accents). start and end are byte offsets in the original text.
type token struct {
	w          string // folded; punctuation as itself
	start, end int
	nl         bool   // a line break comes before it
	blank      bool   // a blank line comes before it
	upper      bool   // its first letter is a capital in the text
	word       bool   // letters or digits, not punctuation
	key        uint16 // filterKey(w, len(w)): the matchers' filters test it
}

// foldTable maps the accented letters of French (and a few neighbours) to ASCII.
var foldTable = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ã': "a", 'å': "a",
	'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ì': "i",
	'ô': "o", 'ö': "o", 'ó': "o", 'ò': "o", 'õ': "o",
	'ù': "u", 'û': "u", 'ü': "u", 'ú': "u", 'ÿ': "y", 'ý': "y", 'ñ': "n",
	'œ': "oe", 'æ': "ae",
}

// fold returns s in lower case without accents, as the tables are written.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = appendFolded(b, r)
	}
	return string(b)
}

// latinFold is foldTable with the capitals, for the runes below 0x250: one
// array lookup for the accented letters of French.
var latinFold = func() (t [0x250]string) {
	for r := rune(0x80); r < 0x250; r++ {
		if f, ok := foldTable[unicode.ToLower(r)]; ok {
			t[r] = f
		}
	}
	return t
}()

func appendFolded(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if r < 0x250 && latinFold[r] != "" {
		return append(b, latinFold[r]...)
	}
	r = unicode.ToLower(r)
	if r == '’' || r == 'ʼ' || r == '‘' {
		return append(b, '\'')
	}
	return utf8.AppendRune(b, r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// tokenize splits text into tokens. A word keeps its inner hyphens
// ("hauts-de-france", "co-financement") and an elided article its apostrophe
// ("l'", "d'", "qu'"). Folded words are substrings of one folded buffer, so that
// a token costs no allocation of its own.
func tokenize(text string) []token {
	return tokenizeInto(text, nil)
}

// tokenizeInto is tokenize appending to toks[:0], whose array the caller may lend.
// Runs of ASCII letters and digits, most of a French text, are folded here; a
// word goes on in scanWord only at a hyphen, an apostrophe or a multi-byte rune.
func tokenizeInto(text string, toks []token) []token {
	if n := len(text)/4 + 1; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	toks = toks[:0]
	// buf has a byte for each byte of text still to read, and slack: the ASCII
	// paths write one byte per byte read, and only the others (fold) check room.
	buf := make([]byte, len(text)+16)
	o := 0
	nl, blank := false, false
	for i := 0; i < len(text); {
		c := text[i]
		cl := byteClass[c]
		upper := cl == clUpper
		if cl == clMulti {
			// A letter of latinFold (é, à, Ç…) starts a word as an ASCII one does.
			if f, up := latin2(text, i); f != "" {
				cl, upper = clLower, up
			}
		}
		switch cl {
		case clNewline:
			blank = blank || nl
			nl = true
			i++
			continue
		case clSpace:
			i++
			continue
		case clLower, clUpper:
			start := i
			if cl == clLower {
				// Lower-case ASCII letters and digits, most words of a French text,
				// are their own folded form: the word is a piece of text.
			lower:
				for i < len(text) && byteClass[text[i]] == clLower {
					i++
				}
				if i == len(text) || !continuesWord(text[i]) {
					w := text[start:i] // ASCII: never the "à" of wordToken
					toks = append(toks, token{w: w, start: start, end: i, nl: nl, blank: blank, word: true,
						key: uint16(filterKey(w, len(w)))})
					nl, blank = false, false
					// A space and another such word, the common case, skip the switch.
					if i+1 < len(text) && text[i] == ' ' && byteClass[text[i+1]] == clLower {
						i++
						start = i
						goto lower
					}
					continue
				}
				o += copy(buf[o:], text[start:i])
			}
			fs := o - (i - start)
			for i < len(text) {
				c := text[i]
				if k := byteClass[c]; k == clLower {
					buf[o] = c
				} else if k == clUpper {
					buf[o] = c + 'a' - 'A'
				} else if f, _ := latin2(text, i); f != "" {
					buf[o] = f[0]
					if len(f) > 1 {
						o++
						buf[o] = f[1]
					}
					i++ // two bytes in, at most two out
				} else {
					break
				}
				o++
				i++
			}
			if i < len(text) && (text[i] == '-' || text[i] == '\'' || text[i] >= utf8.RuneSelf) {
				var b []byte
				i, b = scanWord(text, i, buf[:o])
				buf, o = room(buf, b, len(text)-i)
			}
			w := foldedWord(unsafe.String(&buf[fs], o-fs), i-start)
			toks = append(toks, token{w: w, start: start, end: i, nl: nl, blank: blank, upper: upper, word: true,
				key: uint16(filterKey(w, len(w)))})
		case clOther:
			toks = append(toks, token{w: text[i : i+1], start: i, end: i + 1, nl: nl, blank: blank, key: punctKey[c]})
			i++
		default: // a multi-byte rune
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r) || r == '\u202f':
				i += size
				continue
			case isWordRune(r):
				start, fs := i, o
				var b []byte
				i, b = scanWord(text, i, buf[:o])
				buf, o = room(buf, b, len(text)-i)
				toks = append(toks, wordToken(unsafe.String(&buf[fs], o-fs), start, i, nl, blank, unicode.IsUpper(r)))
			default:
				fs := o
				buf, o = room(buf, appendFolded(buf[:o], r), len(text)-i-size)
				w := unsafe.String(&buf[fs], o-fs)
				toks = append(toks, token{w: w, start: i, end: i + size, nl: nl, blank: blank,
					key: uint16(filterKey(w, len(w)))})
				i += size
			}
		}
		nl, blank = false, false
	}
	return toks
}

// latin2 returns the folded form of the two-byte rune at text[i] when latinFold
// has one (every such rune is a letter), and whether the rune is a capital.
func latin2(text string, i int) (string, bool) {
	c := text[i]
	if c < 0xC2 || c >= 0xC9 || i+1 >= len(text) || text[i+1]&0xC0 != 0x80 {
		return "", false // 0xC9 starts U+0240: latinFold ends at U+0250
	}
	r := rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
	return latinFold[r], latinUpper[r]
}

// latinUpper tells the capitals among the runes of latinFold.
var latinUpper = func() (t [0x250]bool) {
	for r := range rune(0x250) {
		t[r] = unicode.IsUpper(r)
	}
	return t
}()

// room returns b's array, with room for rest more bytes and slack, and its length.
// A token's string stays in the array it was written in: bytes once written are
// never written again, whichever array later ones go to.
func room(buf, b []byte, rest int) ([]byte, int) {
	o := len(b)
	if cap(b)-o < rest+16 {
		nb := make([]byte, o+rest+16+(o+rest)/8)
		copy(nb, b)
		return nb, o
	}
	return b[:cap(b)], o
}

// continuesWord: a word may go on at c (a capital, a rune, a hyphen, an apostrophe).
func continuesWord(c byte) bool {
	return byteClass[c] == clUpper || c >= utf8.RuneSelf || c == '-' || c == '\''
}

// foldedWord is w, the folded form of a word of n bytes in the text, but for
// the preposition, which keeps its accent: "a" is the verb ("la Région a voté").
func foldedWord(w string, n int) string {
	if n == 2 && w == "a" {
		return "à"
	}
	return w
}

// wordToken makes the token of the word text[start:end], folded as w.
func wordToken(w string, start, end int, nl, blank, upper bool) token {
	w = foldedWord(w, end-start)
	return token{w: w, start: start, end: end, nl: nl, blank: blank, upper: upper, word: true,
		key: uint16(filterKey(w, len(w)))}
}

// punctKey is the filter key of each one-byte token.
var punctKey = func() (t [256]uint16) {
	for c := range 256 {
		t[c] = uint16(filterKey(string(rune(c)), 1))
	}
	return t
}()

// Classes of bytes for tokenize.
const (
	clOther = iota // punctuation, one token each
	clSpace
	clNewline
	clLower // a-z, 0-9
	clUpper // A-Z
	clMulti // the first byte of a multi-byte rune (or a stray continuation byte)
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = clMulti
		case c == '\n':
			t[c] = clNewline
		case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			t[c] = clSpace
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = clLower
		case 'A' <= c && c <= 'Z':
			t[c] = clUpper
		}
	}
	return t
}()

// scanWord reads the word starting at text[i], appending its folded form; it keeps
// inner hyphens and a final apostrophe.
func scanWord(text string, i int, folded []byte) (int, []byte) {
	for i < len(text) {
		c := text[i]
		switch byteClass[c] {
		case clLower:
			folded = append(folded, c)
			i++
			continue
		case clUpper:
			folded = append(folded, c+'a'-'A')
			i++
			continue
		case clMulti:
			r, size := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				folded = appendFolded(folded, r)
				i += size
				continue
			}
			if isApos(r) {
				folded = append(folded, '\'')
				i += size
			}
			return i, folded
		}
		if c == '-' && i+1 < len(text) && isWordAt(text, i+1) {
			folded = append(folded, '-')
			i++
			continue
		}
		if c == '\'' {
			folded = append(folded, '\'')
			i++
		}
		return i, folded
	}
	return i, folded
}

// isWord reports whether the character c (its rune r when not ASCII) is a letter
// or a digit.
func isWord(c byte, r rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return isWordRune(r)
}

func isWordAt(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isWord(c, rune(c))
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}
