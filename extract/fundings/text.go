package fundings

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"terril/extract/text"
)

// A token is a word, a number or one punctuation character of the text, folded
// (lower case, no accents). start and end are byte offsets in the original text.
type token struct {
	w          string // folded; punctuation as itself
	start, end int32
	nl         bool   // a line break comes before it
	blank      bool   // a blank line comes before it
	upper      bool   // its first letter is a capital in the text
	word       bool   // letters or digits, not punctuation
	key        uint16 // filterKey(w, len(w)): the matchers' filters test it
}

// tokenize lexes s (folding it) and returns its tokens: for the title and the
// phrases of the tables, read as the text is.
func tokenize(s string) []token {
	x := text.Lex(text.New(s))
	return tokensOf(&x, len(s), nil)
}

// tokensOf derives the tokens of the shared token stream x (text.Tokens) up to byte
// cut of the original text, appending to toks[:0], whose array the caller may lend:
// a word is the shared stream's words and numbers glued together, with their inner
// hyphens ("hauts-de-france", "co-financement") and a final apostrophe ("l'", "d'",
// "qu'"); punctuation is one token a character. A word that crosses cut ends there.
// Words are substrings of the folded text, so that a token costs no allocation.
func tokensOf(x *text.Tokens, cut int, toks []token) []token {
	st := x.Toks
	off := x.T.Offsets()
	n := sort.Search(len(st), func(k int) bool { return int(off[st[k].S]) >= cut }) // the shared tokens before cut
	st = st[:n]
	// Each token takes one shared token at least: n of them at most, written in place.
	if cap(toks) < n {
		toks = make([]token, n)
	}
	toks = toks[:n]
	// Runs of common tokens go through plainRun, which makes no call and so keeps
	// its values in registers; the others, one at a time, through oneToken.
	k, m := 0, 0
	for k < n {
		k, m = plainRun(x.F, x.T.S, st, off, toks, k, m)
		if k < n {
			k = oneToken(x.F, x.T.S, st, off, cut, &toks[m], k)
			m++
		}
	}
	return toks[:m]
}

// plainRun writes the tokens of st from shared token k on into toks[m:] as long as
// each is a plain one: ASCII punctuation, or a word of one shared token with no
// word part or hyphen glued after it, starting with an ASCII or a Latin-1 letter,
// before the last shared token. It returns where it stopped.
func plainRun(f, s string, st []text.Token, off []int32, toks []token, k, m int) (int, int) {
	// A plain token takes one shared token: st[j+k-m] gives toks[j], one index for
	// both, which keeps the loop's values in registers.
	st = st[k-m:]
	toks = toks[:len(st)]
	j := m
	for ; j+1 < len(st); j++ {
		t, tk := &st[j], &toks[j]
		ts, te := t.S, t.E
		if t.Kind == text.Punct {
			if f[ts] >= utf8.RuneSelf {
				break
			}
			w := f[ts:te]
			tk.w, tk.start, tk.end = w, off[ts], off[te]
			tk.nl, tk.blank, tk.upper, tk.word = t.Gap >= text.GapLine, t.Gap == text.GapPara, false, false
			tk.key = uint16(filterKey(w, len(w)))
			continue
		}
		if u := &st[j+1]; u.Gap == text.GapNone && (u.Kind != text.Punct || !asciiStop[f[u.S]]) {
			break // glued to what follows: wordEnd reads it
		}
		start, end := off[ts], off[te]
		upper, ok := latinUpper(s, int(start))
		if !ok {
			break
		}
		w := f[ts:te]
		if end-start == 2 && w == "a" {
			w = "à" // the preposition keeps its accent: "a" is the verb ("la Région a voté")
		}
		tk.w, tk.start, tk.end = w, start, end
		tk.nl, tk.blank, tk.upper, tk.word = t.Gap >= text.GapLine, t.Gap == text.GapPara, upper, true
		tk.key = uint16(filterKey(w, len(w)))
	}
	return j + k - m, j
}

// latinUpper reports whether the rune at s[i] is a capital, as upperAt does, for
// an ASCII or a Latin-1 letter; ok is false for other runes.
func latinUpper(s string, i int) (upper, ok bool) {
	c := s[i]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z', true
	}
	// U+00C0-U+00FF: the capitals are U+00C0-U+00DE but U+00D7 (×).
	if c != 0xc3 || i+1 >= len(s) || s[i+1] < 0x80 || s[i+1] > 0xbf {
		return false, false
	}
	c1 := s[i+1]
	return c1 <= 0x9e && c1 != 0x97, true
}

// asciiStop holds the ASCII bytes of a punctuation token that ends the word before
// it: all but the hyphen and the apostrophe, which wordEnd reads.
var asciiStop = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c != '-' && c != '\''
	}
	return t
}()

// oneToken writes the token that starts at shared token k, among st (the shared
// tokens before cut), into tk, and returns the shared token after it.
func oneToken(f, s string, st []text.Token, off []int32, cut int, tk *token, k int) int {
	t := st[k]
	n := len(st)
	nl, blank := t.Gap >= text.GapLine, t.Gap == text.GapPara
	if t.Kind == text.Punct && (f[t.S] < utf8.RuneSelf || !digitAt(f, t)) {
		w := f[t.S:t.E]
		tk.w, tk.start, tk.end = w, off[t.S], off[t.E]
		tk.nl, tk.blank, tk.upper, tk.word = nl, blank, false, false
		tk.key = uint16(filterKey(w, len(w)))
		return k + 1
	}
	e := t.E
	if k++; k < n && st[k].Gap == text.GapNone {
		k, e = wordEnd(f, st, k, n, e)
	}
	start, end := off[t.S], off[e]
	if int(end) > cut { // a word cut off: up to cut
		for e > t.S && int(off[e-1]) >= cut {
			e--
		}
		end = int32(cut)
	}
	w := f[t.S:e]
	if end-start == 2 && w == "a" {
		w = "à" // the preposition keeps its accent: "a" is the verb ("la Région a voté")
	}
	tk.w, tk.start, tk.end = w, start, end
	tk.nl, tk.blank, tk.upper, tk.word = nl, blank, upperAt(s, int(start)), true
	tk.key = uint16(filterKey(w, len(w)))
	return k
}

// wordEnd returns the shared token after the word whose part ending at e is
// followed by shared token k, among the first n, and the end of the word in the
// folded text f: glued word parts, a hyphen between two of them, a final apostrophe.
func wordEnd(f string, st []text.Token, k, n int, e int32) (int, int32) {
	for ; k < n && st[k].Gap == text.GapNone; k++ {
		u := &st[k]
		switch {
		case u.Kind != text.Punct || f[u.S] >= utf8.RuneSelf && digitAt(f, *u):
			e = u.E
			continue
		case f[u.S] == '-' && k+1 < n && st[k+1].Gap == text.GapNone && wordPart(f, st[k+1]):
			k++
			e = st[k].E
			continue
		case f[u.S] == '\'':
			e = u.E
			k++
		}
		break
	}
	return k, e
}

// wordPart reports whether shared token t is part of a word: a word, a number or a
// digit other than 0-9.
func wordPart(f string, t text.Token) bool {
	return t.Kind != text.Punct || f[t.S] >= utf8.RuneSelf && digitAt(f, t)
}

// digitAt reports whether the multi-byte punctuation token t is a digit (other than
// 0-9, which are numbers): part of a word. Most such tokens are quotes, dashes and
// apostrophes, whose first byte no digit has (digitLead).
func digitAt(f string, t text.Token) bool {
	if !digitLead[f[t.S]] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(f[t.S:t.E])
	return unicode.IsDigit(r)
}

// digitLead holds the first bytes of the UTF-8 forms of the digits (unicode.Digit),
// derived from the table.
var digitLead = func() (t [256]bool) {
	var b [utf8.UTFMax]byte
	for _, r16 := range unicode.Digit.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			utf8.EncodeRune(b[:], r)
			t[b[0]] = true
		}
	}
	for _, r32 := range unicode.Digit.R32 {
		for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
			utf8.EncodeRune(b[:], r)
			t[b[0]] = true
		}
	}
	return t
}()

// upperAt reports whether the rune at s[i] is a capital.
func upperAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}
