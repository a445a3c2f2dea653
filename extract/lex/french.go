package lex

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ../internal/genwords -o data/frwords.txt.gz /usr/share/dict/french

// frwordsGz is the French word set: the words of Debian's wfrench list (GPL-2+, see
// frwords.LICENSE), folded (see text.Fold), sorted bytewise, one per line, gzipped.
//
//go:embed data/frwords.txt.gz
var frwordsGz []byte

// French is the decompressed word list and the start offset of each word,
// loaded once on first use and read-only afterwards.
var French = sync.OnceValue(func() *WordList {
	zr, err := gzip.NewReader(bytes.NewReader(frwordsGz))
	if err != nil {
		panic("lex: embedded word list: " + err.Error())
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("lex: embedded word list: " + err.Error())
	}
	s := string(b)
	ws := &WordList{s: s, start: make([]uint32, 0, bytes.Count(b, []byte{'\n'})+1)}
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

// A WordList is a sorted list of folded words.
type WordList struct {
	s     string
	start []uint32
}

func (ws *WordList) word(i int) string {
	end := len(ws.s)
	if i+1 < len(ws.start) {
		end = int(ws.start[i+1]) - 1
	}
	return ws.s[ws.start[i]:end]
}

// Has reports whether the folded word is in the list.
func (ws *WordList) Has(folded string) bool {
	i := sort.Search(len(ws.start), func(i int) bool { return ws.word(i) >= folded })
	return i < len(ws.start) && ws.word(i) == folded
}

// Len is the number of words in the list.
func (ws *WordList) Len() int { return len(ws.start) }

// Word returns the i-th word, in bytewise order.
func (ws *WordList) Word(i int) string { return ws.word(i) }
