package fundings

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestTokenizeSameAsRef checks the fast tokenizer against the plain one it
// replaced, on the sample corpus and on random strings of awkward characters.
func TestTokenizeSameAsRef(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob("../../corpus/sample/docs/*")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			texts = append(texts, string(b))
		}
	}
	alphabet := []string{"a", "Z", "é", "É", "œ", "Œ", "ß", "ẞ", "Ⱥ", "İ", "’", "'", "-", "‐", " ", "\n", "\t",
		"\u202f", "\u00a0", ".", "(", "€", "9", "\xff", "\xc3", "ʼ", "‘", "—", "«", "»", "ǅ", "Σ", "日", "E", "u", "R", "€", "eur", "EuR"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b []byte
		for range r.IntN(40) {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if got, want := clean(s), strings.Trim(strings.Join(strings.Fields(s), " "), " ,;:.«»\"()-–"); got != want {
			t.Fatalf("clean(%q) = %q, want %q", s, got, want)
		}
		l := strings.ToLower(s)
		if got, want := hasCurrency(s), strings.Contains(l, "€") || strings.Contains(l, "eur"); got != want {
			t.Fatalf("hasCurrency(%q) = %v, want %v", s, got, want)
		}
		var want []token
		for _, t := range tokenizeRef(s) {
			want = append(want, token{w: t.w, start: t.start, end: t.end, nl: t.nl, blank: t.blank, upper: t.upper,
				word: t.word, key: uint16(filterKey(t.w, len(t.w)))})
		}
		if got := tokenize(s); !slices.Equal(got, want) {
			t.Fatalf("tokenize(%q) differs from the reference", s[:min(len(s), 200)])
		}
	}
}

// tokenize splits text into tokens. A word keeps its inner hyphens
// ("hauts-de-france", "co-financement") and an elided article its apostrophe
// ("l'", "d'", "qu'"). Folded words are substrings of one folded copy of the text,
// so that a token costs no allocation of its own.
func tokenizeRef(text string) []rtoken {
	toks := make([]rtoken, 0, len(text)/4+1)
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
			i, folded = scanWordRef(text, i, folded)
			toks = append(toks, rtoken{start: start, end: i, nl: nl, blank: blank, upper: cl == clUpper, word: true,
				fs: int32(fs), fe: int32(len(folded))})
		case clOther:
			folded = append(folded, c)
			toks = append(toks, rtoken{start: i, end: i + 1, nl: nl, blank: blank, fs: int32(len(folded) - 1),
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
				i, folded = scanWordRef(text, i, folded)
				toks = append(toks, rtoken{start: start, end: i, nl: nl, blank: blank, upper: unicode.IsUpper(r), word: true,
					fs: int32(fs), fe: int32(len(folded))})
			default:
				fs := len(folded)
				folded = appendFolded(folded, r)
				toks = append(toks, rtoken{start: i, end: i + size, nl: nl, blank: blank, fs: int32(fs), fe: int32(len(folded))})
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

// scanWord reads the word starting at text[i], appending its folded form; it keeps
// inner hyphens and a final apostrophe.
func scanWordRef(text string, i int, folded []byte) (int, []byte) {
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

// rtoken is the token of the reference tokenizer, with its folded span.
type rtoken struct {
	w                      string
	start, end             int
	nl, blank, upper, word bool
	fs, fe                 int32
}
