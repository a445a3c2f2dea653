package themes

import (
	_ "embed"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// themesTSV is the default theme lexicon; see the comments at its top for the format.
//
//go:embed themes.tsv
var themesTSV []byte

// Default returns the embedded theme lexicon, parsed once. It panics if the
// embedded file does not parse, which a test rules out.
func Default() *Themes {
	th, err := defaultThemes()
	if err != nil {
		panic(err)
	}
	return th
}

var defaultThemes = sync.OnceValues(func() (*Themes, error) {
	th, err := Parse(themesTSV)
	if err != nil {
		return nil, fmt.Errorf("embedded themes.tsv: %w", err)
	}
	return th, nil
})

// Themes is a parsed theme lexicon with its scoring settings. It is immutable and
// safe for concurrent use.
type Themes struct {
	ids       []string // theme ids in the order of the file
	entries   []themeEntry
	stemID    map[string]int32    // stem of a lexicon word → its id
	byStem    [][]int32           // stem id of the first word → entries, longest first
	singles   []int32             // stem id → index in its byStem list of the first one-word entry (see match)
	byWord    map[string][]int32  // first word, folded (exact and case entries) → entries
	wordIdx   map[string]int32    // byWord's keys → index in wordLists
	wordLists [][]int32           // byWord's lists, by wordIdx
	cores     map[uint32][]string // see mayStemTo: cores of 4 bytes or more, by their first 4
	short     map[uint32]bool     // cores of 2 or 3 bytes
	inner     map[string]bool     // the words of exact and case entries, folded (see classOf)
	set       themeSettings

	// memo caches the stem id of the words seen, across calls: stemming is the
	// costly part of Classify and a corpus reuses its vocabulary. It is a fixed-size,
	// direct-mapped table of immutable entries, read and replaced atomically: it
	// only ever maps a word to the value computed for it, so it never changes a
	// result, and its size is bounded.
	memo *[memoSlots]atomic.Pointer[memoEntry]
	// words is the memo of the words of up to memoKey bytes, most of them, kept
	// inline (one cache line per lookup instead of three dependent loads): see
	// memoSlot.
	words *[memoSlots]memoSlot
}

// themeEntry is one line of the lexicon.
type themeEntry struct {
	theme  int // index in Themes.ids, -1 for a stop phrase
	weight float64
	term   string   // as written
	words  []string // stems, folded words or original words, by mode
	ids    []int32  // stem ids of words (modeStem)
	gaps   uint64   // bit k: words k-1 and k may be apart in the text, by "et" or punctuation (see phraseGap)
	mode   matchMode
}

type matchMode uint8

const (
	modeStem  matchMode = iota // stems compared
	modeExact                  // folded words compared
	modeCase                   // original words compared, case included
)

type themeSettings struct {
	threshold, long, repeat                                          float64
	title, heading, item, funded, aside, example, quoted, bp, former float64
	speech, single                                                   float64
	enum, topics, portfolio                                          float64
}

var defaultSettings = themeSettings{
	threshold: 3, long: 8000, repeat: 0.5,
	title: 3, heading: 2, item: 2, funded: 1.5, aside: 0.4, example: 0.5, quoted: 0.3, bp: 0.3, former: 0.3,
	speech: 1, single: 0,
	enum: 2, topics: 3, portfolio: 0.3,
}

// IDs returns the theme ids of the lexicon, in the order of the file.
func (th *Themes) IDs() []string { return slices.Clone(th.ids) }

func (s *themeSettings) field(name string) *float64 {
	switch name {
	case "threshold":
		return &s.threshold
	case "long":
		return &s.long
	case "repeat":
		return &s.repeat
	case "title":
		return &s.title
	case "heading":
		return &s.heading
	case "item":
		return &s.item
	case "funded":
		return &s.funded
	case "aside":
		return &s.aside
	case "example":
		return &s.example
	case "quoted":
		return &s.quoted
	case "boilerplate":
		return &s.bp
	case "former":
		return &s.former
	case "speech":
		return &s.speech
	case "single":
		return &s.single
	case "enum":
		return &s.enum
	case "topics":
		return &s.topics
	case "portfolio":
		return &s.portfolio
	}
	return nil
}
