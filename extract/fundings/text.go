package fundings

import (
	"unicode"
	"unicode/utf8"
)

// A token is a word, a number or one punctuation character of the text, folded
// (lower case, no accents). start and end are byte offsets in the original text.
type token struct {
	w          string // folded; punctuation as itself
	start, end int
	nl         bool  // a line break comes before it
	blank      bool  // a blank line comes before it
	upper      bool  // its first letter is a capital in the text
	word       bool  // letters or digits, not punctuation
	fs, fe     int32 // its folded form in the folded copy of the text
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
// ("l'", "d'", "qu'"). Folded words are substrings of one folded copy of the text,
// so that a token costs no allocation of its own.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/4+1)
	folded := make([]byte, 0, len(text)+len(text)/8)
	nl, blank := false, false
	for i := 0; i < len(text); {
		c := text[i]
		cl := byteClass[c]
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
			start, fs := i, len(folded)
			i, folded = scanWord(text, i, folded)
			toks = append(toks, token{start: start, end: i, nl: nl, blank: blank, upper: cl == clUpper, word: true,
				fs: int32(fs), fe: int32(len(folded))})
		case clOther:
			folded = append(folded, c)
			toks = append(toks, token{start: i, end: i + 1, nl: nl, blank: blank, fs: int32(len(folded) - 1),
				fe: int32(len(folded))})
			i++
		default: // a multi-byte rune
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r) || r == '\u202f':
				i += size
				continue
			case isWordRune(r):
				start, fs := i, len(folded)
				i, folded = scanWord(text, i, folded)
				toks = append(toks, token{start: start, end: i, nl: nl, blank: blank, upper: unicode.IsUpper(r), word: true,
					fs: int32(fs), fe: int32(len(folded))})
			default:
				fs := len(folded)
				folded = appendFolded(folded, r)
				toks = append(toks, token{start: i, end: i + size, nl: nl, blank: blank, fs: int32(fs), fe: int32(len(folded))})
				i += size
			}
		}
		nl, blank = false, false
	}
	f := string(folded)
	for k := range toks {
		t := &toks[k]
		t.w = f[t.fs:t.fe]
		// The preposition keeps its accent: "a" is the verb ("la Région a voté").
		if t.end-t.start == 2 && t.w == "a" {
			t.w = "à"
		}
	}
	return toks
}

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
