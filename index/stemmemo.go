package index

import (
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// stemMemoSize bounds the words stemMemo keeps: French text has some tens of
// thousands of distinct words; beyond the bound, new words are stemmed each time.
const stemMemoSize = 1 << 17

// stemMemo is a token filter (Bleve's French light stemmer) with each word's
// stem kept once computed: the stemmer converts every token to runes and back,
// where most tokens are words met before. Safe for the concurrent analysis of a
// batch.
type stemMemo struct {
	stem analysis.TokenFilter
	mu   sync.RWMutex
	m    map[string][]byte
}

func newStemMemo(stem analysis.TokenFilter) *stemMemo {
	return &stemMemo{stem: stem, m: map[string][]byte{}}
}

func (s *stemMemo) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		s.mu.RLock()
		v, ok := s.m[string(t.Term)]
		s.mu.RUnlock()
		if !ok {
			v = s.add(t.Term)
		}
		t.Term = v
	}
	return in
}

// add stems term alone and keeps its stem while there is room. The stem is
// shared by every token of the word: its capacity is its length, so that an
// append copies it.
func (s *stemMemo) add(term []byte) []byte {
	tok := &analysis.Token{Term: append([]byte(nil), term...)}
	stem := s.stem.Filter(analysis.TokenStream{tok})[0].Term
	stem = stem[:len(stem):len(stem)]
	s.mu.Lock()
	if len(s.m) < stemMemoSize {
		s.m[string(term)] = stem
	}
	s.mu.Unlock()
	return stem
}
