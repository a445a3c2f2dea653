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
	nl         bool // a line break comes before it
	blank      bool // a blank line comes before it
	upper      bool // its first letter is a capital in the text
	word       bool // letters or digits, not punctuation
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

func appendFolded(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	r = unicode.ToLower(r)
	if f, ok := foldTable[r]; ok {
		return append(b, f...)
	}
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
	toks := make([]token, 0, len(text)/6+1)
	folded := make([]byte, 0, len(text)+len(text)/8)
	type span struct{ fs, fe int }
	spans := make([]span, 0, cap(toks))
	nl, blank := false, false
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\n':
			if nl {
				blank = true
			}
			nl = true
			i += size
			continue
		case c == ' ' || c == '\t' || c == '\r' || c >= utf8.RuneSelf && (unicode.IsSpace(r) || r == '\u202f'):
			i += size
			continue
		case isWord(c, r):
			start, fs := i, len(folded)
			upper := 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && unicode.IsUpper(r)
			for i < len(text) {
				c = text[i]
				if c < utf8.RuneSelf {
					switch {
					case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
						folded = append(folded, c)
						i++
						continue
					case 'A' <= c && c <= 'Z':
						folded = append(folded, c+'a'-'A')
						i++
						continue
					case c == '-' && i+1 < len(text) && isWordAt(text, i+1):
						folded = append(folded, '-')
						i++
						continue
					case c == '\'':
						folded = append(folded, '\'')
						i++
					}
					break
				}
				r, size = utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) {
					folded = appendFolded(folded, r)
					i += size
					continue
				}
				if isApos(r) {
					folded = append(folded, '\'')
					i += size
				}
				break
			}
			toks = append(toks, token{start: start, end: i, nl: nl, blank: blank, upper: upper, word: true})
			spans = append(spans, span{fs, len(folded)})
		default:
			fs := len(folded)
			folded = appendFolded(folded, r)
			toks = append(toks, token{start: i, end: i + size, nl: nl, blank: blank})
			spans = append(spans, span{fs, len(folded)})
			i += size
		}
		nl, blank = false, false
	}
	f := string(folded)
	for k := range toks {
		toks[k].w = f[spans[k].fs:spans[k].fe]
		// The preposition keeps its accent: "a" is the verb ("la Région a voté").
		if toks[k].end-toks[k].start == 2 && toks[k].w == "a" {
			toks[k].w = "à"
		}
	}
	return toks
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
