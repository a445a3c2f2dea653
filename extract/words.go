package extract

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/genwords -o frwords.txt.gz /usr/share/dict/french

// frwordsGz is the French word set: the words of Debian's wfrench list (GPL-2+, see
// frwords.LICENSE), folded (see Fold), sorted bytewise, one per line, gzipped.
//
//go:embed frwords.txt.gz
var frwordsGz []byte

// frenchWords is the decompressed word list and the start offset of each word,
// loaded once on first use and read-only afterwards.
var frenchWords = sync.OnceValue(func() wordSet {
	zr, err := gzip.NewReader(bytes.NewReader(frwordsGz))
	if err != nil {
		panic("extract: embedded word list: " + err.Error())
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("extract: embedded word list: " + err.Error())
	}
	s := string(b)
	ws := wordSet{s: s, start: make([]uint32, 0, bytes.Count(b, []byte{'\n'})+1)}
	for i := 0; i < len(s); {
		ws.start = append(ws.start, uint32(i))
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return ws
})

type wordSet struct {
	s     string
	start []uint32
}

func (ws wordSet) word(i int) string {
	end := len(ws.s)
	if i+1 < len(ws.start) {
		end = int(ws.start[i+1]) - 1
	}
	return ws.s[ws.start[i]:end]
}

func (ws wordSet) has(folded string) bool {
	i := sort.Search(len(ws.start), func(i int) bool { return ws.word(i) >= folded })
	return i < len(ws.start) && ws.word(i) == folded
}

// IsFrenchWord reports whether w, a single word, is in the embedded French word list
// (Debian's wfrench: common words and their inflected forms, no proper nouns). The
// comparison ignores case and diacritics: "ARRETE" and "arrêté" are both words.
func IsFrenchWord(w string) bool {
	return frenchWords().has(Fold(w))
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
	ws := frenchWords()
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
func isFrenchFolded(ws wordSet, folded string) bool {
	if ws.has(folded) {
		return true
	}
	if !strings.Contains(folded, "-") {
		return false
	}
	for _, part := range strings.Split(folded, "-") {
		if len(part) > 1 && !ws.has(part) {
			return false
		}
	}
	return true
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
