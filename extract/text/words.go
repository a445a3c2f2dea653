package text

import (
	"strings"
	"terril/extract/lex"
	"unicode"
	"unicode/utf8"
)

// IsFrenchWord reports whether w, a single word, is in the embedded French word list
// (Debian's wfrench: common words and their inflected forms, no proper nouns). The
// comparison ignores case and diacritics: "ARRETE" and "arrêté" are both words.
func IsFrenchWord(w string) bool {
	return lex.French().Has(Fold(w))
}

// WordStats counts the word tokens of a text: runs of letters of two or more
// letters that start with a lower-case letter (capitalised tokens are mostly proper
// nouns and acronyms, absent from any dictionary), and how many of them are French
// words. Elided articles ("l'", "d'", "qu'") are separate tokens of one letter and
// are not counted.
func WordStats(text string) (tokens, french int) {
	s := wordStats(text)
	return s.tokens, s.french
}

// NonWordShare is the share of the letters of a text's word tokens (see WordStats)
// that lie in tokens that are not French words. Weighting by letters makes words
// glued together ("établissantuncadrepour") count for what they hold.
func NonWordShare(text string) (share float64, tokens int) {
	s := wordStats(text)
	if s.letters == 0 {
		return 0, s.tokens
	}
	return float64(s.letters-s.frenchLetters) / float64(s.letters), s.tokens
}

type wordCounts struct {
	tokens, french, letters, frenchLetters int
}

func wordStats(text string) (c wordCounts) {
	ws := lex.French()
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		letters := 0
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && !(r2 == '-' && letters > 0 && j+n2 < len(text) && isLetterAt(text, j+n2)) {
				break
			}
			letters++
			j += n2
		}
		tok := text[i:j]
		i = j
		if letters < 2 || !unicode.IsLower(r) {
			continue
		}
		c.tokens++
		c.letters += letters
		if isFrenchFolded(ws, Fold(tok)) {
			c.french++
			c.frenchLetters += letters
		}
	}
	return c
}

// isFrenchFolded reports whether a folded token is a word; a hyphenated compound is
// when each of its parts is ("peut-être" is listed, "vingt-deux" may not be).
func isFrenchFolded(ws *lex.WordList, folded string) bool {
	if ws.Has(folded) {
		return true
	}
	if !strings.Contains(folded, "-") {
		return false
	}
	for _, part := range strings.Split(folded, "-") {
		if len(part) > 1 && !ws.Has(part) {
			return false
		}
	}
	return true
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
