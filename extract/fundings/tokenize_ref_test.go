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

	"terril/extract/internal/randtext"
	"terril/extract/text"
)

// TestTokenizeSameAsRef checks the tokens derived from the shared token stream
// against a plain tokenizer of the normalised text, on the sample corpus and on
// random strings of awkward characters.
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
	texts = append(texts, randtext.Strings(rand.New(rand.NewPCG(1, 2)), 3000, 40, alphabet)...)
	for _, s := range texts {
		s = text.Normalize(s)
		if got, want := clean(s), strings.Trim(strings.Join(strings.Fields(s), " "), " ,;:.«»\"()-–"); got != want {
			t.Fatalf("clean(%q) = %q, want %q", s, got, want)
		}
		l := strings.ToLower(s)
		if got, want := hasCurrency(s), strings.Contains(l, "€") || strings.Contains(l, "eur"); got != want {
			t.Fatalf("hasCurrency(%q) = %v, want %v", s, got, want)
		}
		var want []token
		for _, t := range tokenizeRef(s) {
			want = append(want, token{w: t.w, start: int32(t.start), end: int32(t.end), nl: t.nl, blank: t.blank, upper: t.upper,
				word: t.word, key: uint16(filterKey(t.w, len(t.w)))})
		}
		if got := tokenize(s); !slices.Equal(got, want) {
			t.Fatalf("tokenize(%q) differs from the reference:\n got %v\nwant %v", s[:min(len(s), 200)], got, want)
		}
		// Up to a cut, as Find reads the text, the tokens of the text cut there.
		x := text.Lex(text.New(s))
		for cut := 0; cut <= len(s) && len(s) < 200; cut++ {
			if cut < len(s) && !utf8.RuneStart(s[cut]) {
				continue
			}
			var want []token
			for _, t := range tokenizeRef(s[:cut]) {
				want = append(want, token{w: t.w, start: int32(t.start), end: int32(t.end), nl: t.nl, blank: t.blank, upper: t.upper,
					word: t.word, key: uint16(filterKey(t.w, len(t.w)))})
			}
			if got := tokensOf(&x, cut, nil); !slices.Equal(got, want) {
				t.Fatalf("tokensOf(%q, %d) differs from the reference:\n got %v\nwant %v", s, cut, got, want)
			}
		}
	}
}

// tokenize splits text into tokens. A word keeps its inner hyphens
// ("hauts-de-france", "co-financement") and an elided article its apostrophe
// ("l'", "d'", "qu'"). Folded words are substrings of one folded copy of the text,
// so that a token costs no allocation of its own.
func tokenizeRef(src string) []rtoken {
	toks := make([]rtoken, 0, len(src)/4+1)
	folded := make([]byte, 0, len(src)+len(src)/8)
	nl, blank := false, false
	for i := 0; i < len(src); {
		c := src[i]
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
			i, folded = scanWordRef(src, i, folded)
			toks = append(toks, rtoken{start: start, end: i, nl: nl, blank: blank, upper: cl == clUpper, word: true,
				fs: int32(fs), fe: int32(len(folded))})
		case clOther:
			folded = append(folded, c)
			toks = append(toks, rtoken{start: i, end: i + 1, nl: nl, blank: blank, fs: int32(len(folded) - 1),
				fe: int32(len(folded))})
			i++
		default: // a multi-byte rune
			r, size := utf8.DecodeRuneInString(src[i:])
			switch {
			case unicode.IsSpace(r) || r == '\u202f':
				i += size
				continue
			case isWordRune(r):
				start, fs := i, len(folded)
				i, folded = scanWordRef(src, i, folded)
				toks = append(toks, rtoken{start: start, end: i, nl: nl, blank: blank, upper: unicode.IsUpper(r), word: true,
					fs: int32(fs), fe: int32(len(folded))})
			default:
				fs := len(folded)
				folded = append(folded, text.FoldRune(r)...)
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
func scanWordRef(src string, i int, folded []byte) (int, []byte) {
	for i < len(src) {
		c := src[i]
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
			r, size := utf8.DecodeRuneInString(src[i:])
			if isWordRune(r) {
				folded = append(folded, text.FoldRune(r)...)
				i += size
				continue
			}
			if isApos(r) {
				folded = append(folded, '\'')
				i += size
			}
			return i, folded
		}
		if c == '-' && i+1 < len(src) && isWordAt(src, i+1) {
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

// Classes of bytes for tokenizeRef.
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

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// isWordAt reports whether the character at text[i] is a letter or a digit.
func isWordAt(src string, i int) bool {
	c := src[i]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(src[i:])
	return isWordRune(r)
}

// TestDigitLeadAdmitsDigits checks that the first-byte filter of digitAt admits
// every digit, and that quotes, dashes and apostrophes are passed over by it.
func TestDigitLeadAdmitsDigits(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsDigit(r) && !digitLead[utf8.AppendRune(nil, r)[0]] {
			t.Fatalf("digitLead lacks the first byte of %U", r)
		}
	}
	for _, s := range []string{"’", "«", "»", "–", "—", "…", "€", "°"} {
		if digitLead[s[0]] {
			t.Errorf("digitLead admits %q", s)
		}
	}
}

// TestTrimCut checks trimCut and needsJoin against what they stand for, on random
// strings of the cut characters, spaces and broken UTF-8.
func TestTrimCut(t *testing.T) {
	alphabet := []string{"a", "É", " ", "  ", "\t", "\n", ",", ".", "«", "»", "–", "—", "-", "(", ")", "\"",
		"\u00a0", "\u2009", "\xff", "\xc2", "\xab", "\xe2\x80", "€", "x"}
	for _, s := range randtext.Strings(rand.New(rand.NewPCG(3, 4)), 20000, 12, alphabet) {
		if got, want := trimCut(s), strings.Trim(s, cleanCut); got != want {
			t.Fatalf("trimCut(%q) = %q, want %q", s, got, want)
		}
		if !needsJoin(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Fatalf("needsJoin(%q) = false, but strings.Fields changes it", s)
		}
	}
}
