package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	unitok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// wordTokenizer gives exactly the tokens of Bleve's unicode tokenizer (the
// segment library's word boundaries), which cost a sixth of the index's
// instructions: French text is mostly ASCII and Latin letters, digits and a few
// separators, and those it splits itself. A run of text between two ASCII
// separators (wordClass wBreak: no word of the library contains one, and each
// starts a token of its own) holding anything else goes to the library alone.
type wordTokenizer struct{}

// Byte classes of wordTokenizer. wMidLetter joins two letters ("l'état",
// "a:b"), wMidNum two digits ("1,5"); '.' and '\” do both.
const (
	wBreak     = 0
	wLetter    = 1
	wDigit     = 2
	wMidLetter = 4
	wMidNum    = 8
	wComplex   = 16 // the library decides: '"', '_', and every non-ASCII byte but the Latin letters
)

// wordClass classifies ASCII bytes; bytes from 0x80 are wComplex here, and
// runeClass reads the Latin letters among them.
var wordClass = func() (t [256]uint8) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = wComplex
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = wLetter, wLetter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = wDigit
	}
	t[':'] = wMidLetter
	t[','], t[';'] = wMidNum, wMidNum
	t['.'], t['\''] = wMidLetter|wMidNum, wMidLetter|wMidNum
	t['"'], t['_'] = wComplex, wComplex // Hebrew quotes, ExtendNumLet
	return t
}()

// classAt returns the class of the character at input[i] and its length: the
// letters U+00C0–U+017F (but × and ÷), as two bytes, are letters.
func classAt(input []byte, i int) (uint8, int) {
	c := input[i]
	if c < 0x80 {
		return wordClass[c], 1
	}
	if (c == 0xC3 || c == 0xC4 || c == 0xC5) && i+1 < len(input) {
		d := input[i+1]
		if d >= 0x80 && d <= 0xBF && !(c == 0xC3 && (d == 0x97 || d == 0xB7)) {
			return wLetter, 2
		}
	}
	return wComplex, 1
}

func (wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	if !utf8.Valid(input) {
		// The library stops at an invalid byte; leave that to it.
		return unitok.NewUnicodeTokenizer().Tokenize(input)
	}
	out := tokenBuf{stream: make(analysis.TokenStream, 0, len(input)/6+1)}
	for i := 0; i < len(input); {
		if wordClass[input[i]] == wBreak {
			i++
			continue
		}
		end, simple := runEnd(input, i)
		if simple {
			out.simpleRun(input, i, end)
		} else {
			out.libraryRun(input, i, end)
		}
		i = end
	}
	return out.stream
}

// runEnd returns the end of the run starting at i (the next wBreak byte) and
// whether the run holds only letters, digits and joiners.
func runEnd(input []byte, i int) (int, bool) {
	simple := true
	for i < len(input) {
		c, n := classAt(input, i)
		if c == wBreak {
			break
		}
		if c == wComplex {
			simple = false
		}
		i += n
	}
	return i, simple
}

// tokenBuf collects tokens, allocated by chunks as Bleve's tokenizer does.
type tokenBuf struct {
	stream analysis.TokenStream
	chunk  []analysis.Token
}

func (b *tokenBuf) add(term []byte, start, end int, typ analysis.TokenType) {
	if len(b.chunk) == cap(b.chunk) {
		b.chunk = make([]analysis.Token, 0, max(16, cap(b.stream)-len(b.stream)))
	}
	b.chunk = append(b.chunk, analysis.Token{Term: term, Start: start, End: end,
		Position: len(b.stream) + 1, Type: typ})
	b.stream = append(b.stream, &b.chunk[len(b.chunk)-1])
}

// simpleRun adds the words of input[i:end], which holds letters, digits and
// joiners only: a word runs on over letters and digits, and over a joiner
// between two letters or two digits that it joins. A joiner left alone is no
// word.
func (b *tokenBuf) simpleRun(input []byte, i, end int) {
	for i < end {
		c, n := classAt(input, i)
		if c&(wLetter|wDigit) == 0 {
			i += n
			continue
		}
		start, digits := i, c == wDigit
		prev := c
		for i += n; i < end; {
			c, n := classAt(input, i)
			if c&(wLetter|wDigit) != 0 {
				prev, digits, i = c, digits && c == wDigit, i+n
				continue
			}
			if i+1 >= end {
				break
			}
			next, m := classAt(input, i+1)
			if next != prev || prev == wLetter && c&wMidLetter == 0 || prev == wDigit && c&wMidNum == 0 {
				break
			}
			i += 1 + m
		}
		typ := analysis.AlphaNumeric
		if digits {
			typ = analysis.Numeric
		}
		b.add(input[start:i], start, i, typ)
	}
}

// libraryRun adds the tokens Bleve's tokenizer finds in input[i:end] alone,
// which are those it finds there within the whole input: none of its words
// crosses a wBreak byte.
func (b *tokenBuf) libraryRun(input []byte, i, end int) {
	for _, t := range unitok.NewUnicodeTokenizer().Tokenize(input[i:end]) {
		b.add(t.Term, t.Start+i, t.End+i, t.Type)
	}
}
