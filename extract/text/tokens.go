package text

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"terril/extract/lex"
)

// ---------------------------------------------------------------------------
// A small lexer over Text.Folded shared by the date, amount and reference
// extractors: words, digit runs and single punctuation runes, each with the kind of
// whitespace that precedes it. Tokens hold offsets only; lexing allocates one slice.

const (
	Word  uint8 = 1 + iota // letters (ASCII or any Unicode letter)
	Num                    // ASCII digits
	Punct                  // one rune that is neither
)

// Whitespace before a Token.
const (
	GapNone  uint8 = iota // glued to the previous Token
	GapSpace              // spaces or tabs
	GapLine               // one line break
	GapPara               // a blank line (paragraph break)
)

type Token struct {
	S, E  int32
	Kind  uint8
	Gap   uint8
	Flags uint8 // what the Token may start (FlagDate…), for skipping the others cheaply
}

// Token flags, set by the lexer from a word's first byte and length (wordFlags) and
// from its neighbours. They are necessary conditions only: a scanner that finds a flag
// still checks the Token.
const (
	FlagNum       uint8 = 1 << iota // a number
	FlagDate                        // a word that may be a month, a day written out, "an" or "annee" (DateGuard)
	FlagBeforeNum                   // a word glued to a number after it ("T1", "A330")
	FlagNumWord                     // a word that may be a number word or a scale word (NumGuard)
	// FlagGenre, FlagPublished and FlagReference: a Token whose first byte and length
	// may be one the genre, the publication date or the references read. Their
	// packages declare them at initialisation (Mark), from their own tables, so that
	// their scans skip the other Tokens on one byte the lexer sets anyway.
	FlagGenre
	FlagPublished
	FlagReference
)

// markFlags are the flags Mark may set.
const markFlags = FlagGenre | FlagPublished | FlagReference

// Mark sets flag (FlagGenre, FlagPublished or FlagReference) on the Tokens, words,
// numbers or punctuation, of n bytes (15: 15 or more) starting with byte c. It is
// for package initialisation only (variable initialisers or init functions), before
// any lexing: the table it writes is read without locking afterwards.
func Mark(flag uint8, c byte, n int) {
	if flag&^markFlags != 0 || n < 1 {
		panic("text.Mark: not a mark flag, or no length")
	}
	wordFlags[c][min(n, 15)] |= flag
}

// DateGuard admits a month name or abbreviation, a day written out and a year word
// (lex.Months, lex.DayWords, lex.YearWords); NumGuard a number word or a scale word
// (lex.Numbers, lex.Scales). FlagDate and FlagNumWord come from their lengths.
var DateGuard, NumGuard = func() (d, n lex.Guard) {
	d.Union(&lex.Months.Guard)
	d.Union(&lex.DayWords.Guard)
	d.Union(&lex.YearWords.Guard)
	n.Union(&lex.Numbers.Guard)
	n.Union(&lex.Scales.Guard)
	return d, n
}()

// wordFlags gives the flags of a word from its first byte and its length (15 for
// anything longer), and the mark flags (Mark) of any Token.
var wordFlags = func() (t [256][16]uint8) {
	for c := 0; c < 256; c++ {
		for n := 1; n < 16; n++ {
			if DateGuard.Lens[c]&(1<<n) != 0 {
				t[c][n] |= FlagDate
			}
			if NumGuard.Lens[c]&(1<<n) != 0 {
				t[c][n] |= FlagNumWord
			}
		}
	}
	return t
}()

// Byte classes for the lexer.
const (
	cOther  uint8 = iota // ASCII punctuation
	cSpace               // space, tab, carriage return
	cLine                // line feed
	cDigit               // 0-9
	cLetter              // a-z, A-Z
	cHigh                // the first or a continuation byte of a multi-byte rune
)

var byteClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			t[c] = cSpace
		case c == '\n':
			t[c] = cLine
		case '0' <= c && c <= '9':
			t[c] = cDigit
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] = cLetter
		case c >= utf8.RuneSelf:
			t[c] = cHigh
		}
	}
	return t
}()

// LexString lexes a folded string.
func LexString(f string) []Token { return lexInto(f, nil) }

// lexInto is LexString appending to toks[:0], whose array it reuses when large enough.
// lexASCII does most of the work; lexInto grows the slice and takes the Tokens with
// multi-byte runes (lexToken).
func lexInto(f string, toks []Token) []Token {
	if n := len(f)/4 + 8; cap(toks) < n { // French prose: about one Token per 4–5 bytes
		toks = make([]Token, 0, n)
	}
	toks = toks[:0]
	gap := GapNone
	i := 0
	for {
		toks, i, gap = lexASCII(f, i, gap, toks)
		switch {
		case i >= len(f):
			return toks
		case len(toks) == cap(toks):
			toks = slices.Grow(toks, len(toks)/4+8)
		default:
			toks, i, gap = lexToken(f, i, gap, toks)
		}
	}
}

// lexASCII lexes f from i, after whitespace gap, into toks[len(toks):cap(toks)]: the
// bulk of lexInto, in a loop without calls (their register spills would cost more
// than the loop). The byte classes are tested by frequency (letters, then spaces,
// punctuation, digits). It stops when toks is full and before a Token that starts
// with or reaches a multi-byte rune, and returns the Tokens, where it stopped and the
// gap there.
func lexASCII(f string, i int, gap uint8, toks []Token) ([]Token, int, uint8) {
	n, buf := len(toks), toks[:cap(toks)]
	for n < len(buf) && i < len(f) {
		start := i
		var kind, flags uint8
		switch c := byteClass[f[i]]; {
		case c == cLetter:
			for i++; i < len(f) && byteClass[f[i]] == cLetter; i++ {
			}
			if i < len(f) && f[i] >= utf8.RuneSelf {
				return buf[:n], start, gap
			}
			kind, flags = Word, wordFlags[f[start]][min(uint(i-start), 15)]
		case c == cSpace:
			if gap == GapNone {
				gap = GapSpace
			}
			i++
			continue
		case c == cOther:
			kind, flags = Punct, wordFlags[f[i]][1]&markFlags
			i++
		case c == cDigit:
			kind = Num
			for i++; i < len(f) && byteClass[f[i]] == cDigit; i++ {
			}
			flags = FlagNum | wordFlags[f[start]][min(uint(i-start), 15)]&markFlags
			if gap == GapNone && n > 0 && buf[n-1].Kind == Word {
				buf[n-1].Flags |= FlagBeforeNum
			}
		case c == cLine:
			if gap < GapLine {
				gap = GapLine
			} else {
				gap = GapPara
			}
			i++
			continue
		default:
			return buf[:n], i, gap
		}
		t := &buf[n]
		t.S, t.E, t.Kind, t.Gap, t.Flags = int32(start), int32(i), kind, gap, flags
		n++
		gap = GapNone
		if i < len(f) && f[i] == ' ' { // the single space after a Token, at once
			gap = GapSpace
			i++
		}
	}
	return buf[:n], i, gap
}

// punctLen returns the length of the rune at f[i], a multi-byte one, when it is
// punctuation (not a letter) of two bytes or of U+2000–U+2FFF (dashes, quotes, "…",
// "€", bullets), the usual ones, told by a table; 0 for the others.
func punctLen(f string, i int) int {
	switch c := f[i]; {
	case c >= 0xC2 && c < 0xE0 && i+1 < len(f) && f[i+1]&0xC0 == 0x80:
		if highPunct[rune(c&0x1F)<<6|rune(f[i+1]&0x3F)] {
			return 2
		}
	case c == 0xE2 && i+2 < len(f) && f[i+1]&0xC0 == 0x80 && f[i+2]&0xC0 == 0x80:
		if highPunct[0x2000|rune(f[i+1]&0x3F)<<6|rune(f[i+2]&0x3F)] {
			return 3
		}
	}
	return 0
}

// highPunct tells the runes below U+3000 that are not letters (unicode.IsLetter),
// computed once at package initialisation (read-only afterwards).
var highPunct = func() (t [0x3000]bool) {
	for r := range t {
		t[r] = !unicode.IsLetter(rune(r))
	}
	return t
}()

// lexToken appends the Token at f[i:], a word or a punctuation rune with a multi-byte
// rune, after whitespace gap, and returns where it ends and the gap after it.
func lexToken(f string, i int, gap uint8, toks []Token) ([]Token, int, uint8) {
	start := i
	kind, flags := Word, uint8(0)
	if byteClass[f[i]] == cLetter {
		i = wordEnd(f, i+1)
	} else if l := punctLen(f, i); l > 0 {
		kind = Punct
		i += l
	} else if r, n := utf8.DecodeRuneInString(f[i:]); unicode.IsLetter(r) {
		i = wordEnd(f, i+n)
	} else {
		kind = Punct
		i += n
	}
	flags = wordFlags[f[start]][min(uint(i-start), 15)]
	if kind != Word {
		flags &= markFlags
	}
	toks = append(toks, Token{S: int32(start), E: int32(i), Kind: kind, Gap: gap, Flags: flags})
	gap = GapNone
	if i < len(f) && f[i] == ' ' {
		gap = GapSpace
		i++
	}
	return toks, i, gap
}

func wordEnd(f string, i int) int {
	for i < len(f) {
		switch byteClass[f[i]] {
		case cLetter:
			i++
			continue
		case cHigh:
			r, n := utf8.DecodeRuneInString(f[i:])
			if !unicode.IsLetter(r) {
				return i
			}
			i += n
			continue
		}
		return i
	}
	return i
}

// Tokens is a lexed folded text with helpers for looking around a position.
type Tokens struct {
	T    *Text
	F    string
	Toks []Token
}

func Lex(t *Text) Tokens { return LexBuf(t, nil) }

// LexBuf is Lex with the Token slice in buf's array when it is large
// enough: the caller lends it and takes it back once done with the Tokens.
func LexBuf(t *Text, buf []Token) Tokens {
	return Tokens{T: t, F: t.Folded, Toks: lexInto(t.Folded, buf)}
}

// Str returns the folded text of Token i, "" out of range. (The unsigned
// comparison tests both bounds at once: the helpers below run on every Token.)
func (x *Tokens) Str(i int) string {
	if uint(i) >= uint(len(x.Toks)) {
		return ""
	}
	t := &x.Toks[i]
	return x.F[t.S:t.E]
}

// Kind returns the kind of Token i, 0 out of range.
func (x *Tokens) Kind(i int) uint8 {
	if uint(i) >= uint(len(x.Toks)) {
		return 0
	}
	return x.Toks[i].Kind
}

// IsWord reports whether Token i is the word w.
func (x *Tokens) IsWord(i int, w string) bool {
	if uint(i) >= uint(len(x.Toks)) {
		return false
	}
	t := &x.Toks[i]
	return t.Kind == Word && x.F[t.S:t.E] == w
}

// IsPunct reports whether Token i is the punctuation p.
func (x *Tokens) IsPunct(i int, p string) bool {
	if uint(i) >= uint(len(x.Toks)) {
		return false
	}
	t := &x.Toks[i]
	return t.Kind == Punct && x.F[t.S:t.E] == p
}

// Glued reports whether Token i follows Token i-1 with no whitespace.
func (x *Tokens) Glued(i int) bool {
	return i > 0 && uint(i) < uint(len(x.Toks)) && x.Toks[i].Gap == GapNone
}

// Alnum reports whether Token i is a word or a number.
func (x *Tokens) Alnum(i int) bool {
	k := x.Kind(i)
	return k == Word || k == Num
}

// Upper reports whether Token i starts with an Upper-case letter in Text.S.
func (x *Tokens) Upper(i int) bool {
	if x.Kind(i) != Word {
		return false
	}
	// The word's first byte in S is where its first folded byte comes from
	// (Text.Orig's start); an ASCII letter is told without decoding.
	s := x.T.off[x.Toks[i].S]
	if c := x.T.S[s]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(x.T.S[s:])
	return unicode.IsUpper(r)
}

// AllCaps reports whether word i is written in capitals, at least two letters ("DETR",
// "PRIMITIF").
func (x *Tokens) AllCaps(i int) bool {
	if x.Kind(i) != Word || x.Toks[i].E-x.Toks[i].S < 2 {
		return false
	}
	s, e := x.T.Orig(int(x.Toks[i].S), int(x.Toks[i].E))
	for _, r := range x.T.S[s:e] {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// Span maps Tokens [i, j) to a Span of Text.S.
func (x *Tokens) Span(i, j int) (int, int) {
	return x.T.Orig(int(x.Toks[i].S), int(x.Toks[j-1].E))
}

// Num returns the value of number Token i, or -1.
func (x *Tokens) Num(i int) int {
	if uint(i) >= uint(len(x.Toks)) {
		return -1
	}
	t := &x.Toks[i]
	if t.Kind != Num || t.E-t.S > 9 {
		return -1
	}
	n := 0
	for _, c := range []byte(x.F[t.S:t.E]) { // ASCII digits only
		n = n*10 + int(c-'0')
	}
	return n
}

// SentenceStart reports whether Token i starts a line or a sentence.
func (x *Tokens) SentenceStart(i int) bool {
	if i == 0 || x.Toks[i].Gap >= GapLine {
		return true
	}
	switch x.Str(i - 1) {
	case ".", "!", "?", ":", "–", "—", "*", "-":
		return true
	}
	return false
}

// PrevWord returns the index of the word before Token i, skipping apostrophes and
// hyphens ("d'ici", "mi-mars"), or -1.
func (x *Tokens) PrevWord(i int) int {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch x.Kind(k) {
		case Word:
			return k
		case Punct:
			if p := x.Str(k); p == "'" || p == "-" {
				continue
			}
		}
		return -1
	}
	return -1
}

// Compound returns the end (exclusive) of the run of glued Tokens starting at i that
// forms one identifier-like item: alphanumerics joined by / . - _ – (a trailing
// separator is not part of it).
func (x *Tokens) Compound(i int) int {
	j := i + 1
	for j < len(x.Toks) && x.Glued(j) {
		if x.Alnum(j) {
			j++
			continue
		}
		if x.Kind(j) == Punct && j+1 < len(x.Toks) && x.Glued(j+1) && x.Alnum(j+1) {
			switch x.Str(j) {
			case "/", ".", "-", "_", "–":
				j += 2
				continue
			}
		}
		break
	}
	return j
}
