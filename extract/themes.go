package extract

import (
	"cmp"
	_ "embed"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/french"

	"terril/corpus"
)

// themesTSV is the default theme lexicon; see the comments at its top for the format.
//
//go:embed themes.tsv
var themesTSV []byte

// DefaultThemes returns the embedded theme lexicon, parsed once. It panics if the
// embedded file does not parse, which a test rules out.
func DefaultThemes() *Themes {
	th, err := defaultThemes()
	if err != nil {
		panic(err)
	}
	return th
}

var defaultThemes = sync.OnceValues(func() (*Themes, error) {
	th, err := ParseThemes(themesTSV)
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
	byWord    map[string][]int32  // first word, folded (exact and case entries) → entries
	wordIdx   map[string]int32    // byWord's keys → index in wordLists
	wordLists [][]int32           // byWord's lists, by wordIdx
	cores     map[uint32][]string // see mayStemTo: cores of 4 bytes or more, by their first 4
	short     map[uint32]bool     // cores of 2 or 3 bytes
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

// A ThemeSyntaxError reports a bad line of a theme lexicon.
type ThemeSyntaxError struct {
	Line int
	Msg  string
}

func (e *ThemeSyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// ParseThemes parses a theme lexicon (the format is described at the top of the
// embedded themes.tsv). Errors name the line; all bad lines are reported, joined.
func ParseThemes(data []byte) (*Themes, error) {
	if !utf8.Valid(data) {
		return nil, &ThemeSyntaxError{Line: firstInvalidLine(data), Msg: "invalid UTF-8"}
	}
	th := &Themes{
		stemID: map[string]int32{},
		byWord: map[string][]int32{},
		cores:  map[uint32][]string{},
		short:  map[uint32]bool{},
		memo:   new([memoSlots]atomic.Pointer[memoEntry]),
		words:  new([memoSlots]memoSlot),
		set:    defaultSettings,
	}
	themeIndex := map[string]int{}
	type key struct {
		theme int
		mode  matchMode
		words string
	}
	seen := map[key]int{} // → entry index
	var errs []error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, &ThemeSyntaxError{Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	settingSeen := map[string]int{}
	for n, line := range strings.Split(string(data), "\n") {
		n++
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '@' {
			name, val, _ := strings.Cut(line[1:], "\t")
			if i := strings.IndexAny(line[1:], " \t"); i >= 0 {
				name, val = line[1:1+i], line[1+i:]
			}
			val = strings.TrimSpace(val)
			p := th.set.field(name)
			if p == nil {
				bad(n, "unknown setting @%s", name)
				continue
			}
			if prev, ok := settingSeen[name]; ok {
				bad(n, "setting @%s already given on line %d", name, prev)
				continue
			}
			settingSeen[name] = n
			v, err := strconv.ParseFloat(val, 64)
			if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
				bad(n, "setting @%s: %q is not a non-negative number", name, val)
				continue
			}
			*p = v
			continue
		}
		theme, rest, ok := cutField(line)
		if !ok {
			bad(n, "want THEME WEIGHT TERM, got %q", line)
			continue
		}
		wstr, term, ok := cutField(rest)
		if !ok || term == "" {
			bad(n, "want THEME WEIGHT TERM, got %q", line)
			continue
		}
		if !validThemeID(theme) {
			bad(n, "bad theme id %q (lower-case letters, digits and hyphens, or - for a stop phrase)", theme)
			continue
		}
		weight, err := strconv.ParseFloat(wstr, 64)
		if err != nil || weight < 0 || weight > 100 || math.IsNaN(weight) {
			bad(n, "bad weight %q (a number from 0 to 100)", wstr)
			continue
		}
		mode := modeStem
		if i := strings.LastIndexByte(term, '['); i >= 0 && strings.HasSuffix(term, "]") {
			for _, f := range strings.FieldsFunc(term[i+1:len(term)-1], func(r rune) bool { return r == ',' || r == ' ' }) {
				switch f {
				case "case":
					mode = modeCase
				case "exact":
					if mode != modeCase {
						mode = modeExact
					}
				default:
					bad(n, "unknown flag %q (want case or exact)", f)
				}
			}
			term = strings.TrimSpace(term[:i])
		} else if strings.ContainsAny(term, "[]") {
			bad(n, "flags must be a [group] at the end of the line")
			continue
		}
		words, gaps := termWords(term, mode)
		if len(words) == 0 {
			bad(n, "term %q has no word to match (only small words like de, la, et)", term)
			continue
		}
		ti := -1
		if theme != "-" {
			var ok bool
			if ti, ok = themeIndex[theme]; !ok {
				ti = len(th.ids)
				themeIndex[theme] = ti
				th.ids = append(th.ids, theme)
			}
		}
		k := key{ti, mode, strings.Join(words, " ")}
		if i, ok := seen[k]; ok {
			// Two spellings with the same stems ("éducation", "éducatif"): keep one,
			// with the larger weight.
			th.entries[i].weight = max(th.entries[i].weight, weight)
			continue
		}
		seen[k] = len(th.entries)
		th.entries = append(th.entries, themeEntry{theme: ti, weight: weight, term: term, words: words, gaps: gaps, mode: mode})
	}
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	if len(th.ids) == 0 {
		return nil, &ThemeSyntaxError{Line: 1, Msg: "no theme term"}
	}
	for i := range th.entries {
		e := &th.entries[i]
		first := e.words[0]
		if e.mode == modeStem {
			for _, w := range e.words {
				id, ok := th.stemID[w]
				if !ok {
					id = int32(len(th.stemID))
					th.stemID[w] = id
					th.byStem = append(th.byStem, nil)
					switch c := stemCore(w); {
					case len(c) >= 4:
						k := pack(c[:4])
						th.cores[k] = append(th.cores[k], c)
					case len(c) >= 2:
						th.short[pack(c)] = true
					}
				}
				e.ids = append(e.ids, id)
			}
			th.byStem[e.ids[0]] = append(th.byStem[e.ids[0]], int32(i))
		} else {
			if e.mode == modeCase {
				first = Fold(first)
			}
			th.byWord[first] = append(th.byWord[first], int32(i))
		}
	}
	longestFirst := func(list []int32) {
		sort.SliceStable(list, func(a, b int) bool {
			return len(th.entries[list[a]].words) > len(th.entries[list[b]].words)
		})
	}
	for _, list := range th.byStem {
		longestFirst(list)
	}
	th.wordIdx = make(map[string]int32, len(th.byWord))
	for w, list := range th.byWord {
		longestFirst(list)
		th.wordIdx[w] = int32(len(th.wordLists))
		th.wordLists = append(th.wordLists, list)
	}
	return th, nil
}

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

// cutField splits off the first tab- or space-separated field of s.
func cutField(s string) (field, rest string, ok bool) {
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, "", false
	}
	return s[:i], strings.TrimSpace(s[i:]), true
}

func validThemeID(id string) bool {
	if id == "-" {
		return true
	}
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for _, c := range []byte(id) {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func firstInvalidLine(data []byte) int {
	line := 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return line
}

type joinedErrors []error

func (e joinedErrors) Error() string {
	var b strings.Builder
	for i, err := range e {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(err.Error())
	}
	return b.String()
}

func (e joinedErrors) Unwrap() []error { return e }

func joinErrors(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return joinedErrors(errs)
}

// termWords splits a lexicon term into the words it is matched on, with the
// gaps between them: bit k of gaps is set when words k-1 and k are apart in the
// term (see phraseGap: "économie sociale et solidaire").
func termWords(term string, mode matchMode) (words []string, gaps uint64) {
	src := term
	if mode != modeCase {
		src = Fold(term)
	}
	forEachWord(src, func(i, j int) {
		w := src[i:j]
		if isStopWord(Fold(w)) {
			return
		}
		switch mode {
		case modeStem:
			w = stemWord(w)
		}
		words = append(words, w)
	})
	return words, termGaps(Fold(term))
}

// termGaps returns the gaps between the words of the folded term s that are
// not stop words, as termWords.
func termGaps(s string) uint64 {
	var gaps uint64
	n, prevEnd, gap := 0, -1, false
	forEachWord(s, func(i, j int) {
		for k := max(prevEnd, 0); prevEnd >= 0 && k < i; k++ {
			gap = gap || phraseGap(s, k)
		}
		prevEnd = j
		if w := s[i:j]; isStopWord(w) {
			gap = gap || w == "et"
			return
		}
		if gap && n > 0 && n < 64 {
			gaps |= 1 << n
		}
		gap = false
		n++
	})
	return gaps
}

// phraseGap reports whether the byte at i of the folded s, between two words,
// keeps them from being read as one phrase: punctuation other than a space, an
// apostrophe or a hyphen inside a compound ("économiques, sociaux", "politique
// « villes »", "logement - transition"). The word "et" between two words is a
// gap too (see termGaps and scanner.word): "enjeux économiques et sociaux" is not
// "économie sociale".
func phraseGap(s string, i int) bool {
	switch s[i] {
	case ' ', '\'', '\n', '\t', '\r':
		return false
	case '-':
		return i == 0 || i+1 >= len(s) || s[i-1] == ' ' || s[i+1] == ' '
	}
	return true
}

// forEachWord calls f with the span of each word of s: a run of letters and digits,
// with '&' kept inside a word ("R&D"). Apostrophes and hyphens separate words.
func forEachWord(s string, f func(i, j int)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		var word bool
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' ||
				c == '&' && start >= 0 && i+1 < len(s) && isASCIIAlnum(s[i+1])
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(start, i)
			start = -1
		}
		i += n
	}
	if start >= 0 {
		f(start, len(s))
	}
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// isStopWord reports whether w, folded, is a small word left out of matching.
func isStopWord(w string) bool {
	switch w {
	case "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "et", "a", "au", "aux", "en":
		return true
	}
	return false
}

// singular drops a final plural s from a folded word of five letters or more.
func singular(w string) string {
	if len(w) >= 5 && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
		return w[:len(w)-1]
	}
	return w
}

// stemWord stems a folded word with the French Snowball stemmer, after singular.
func stemWord(w string) string {
	w = singular(w)
	if len(w) <= 2 {
		return w
	}
	env := snowballstem.NewEnv(w)
	french.Stem(env)
	return env.Current()
}

// stemCore is the part of a stem that the word it comes from must start with. The
// French Snowball stemmer keeps a word's first two letters and replaces its ending
// by at most three letters ("-aux" → "-al", "-ence" → "-ent", "-logie" → "-log"), so
// a word whose stem is s starts with s minus its last three letters, and with at
// least the first two letters of s. Stemming is the costly part of matching: words
// that start with no core are not stemmed (TestThemesPrefixFilter checks this on the
// whole French word list).
func stemCore(s string) string {
	return s[:max(len(s)-3, min(2, len(s)))]
}

// mayStemTo reports whether the folded word w may have a stem in the lexicon.
func (th *Themes) mayStemTo(w string) bool {
	if len(w) <= 2 {
		return true
	}
	if th.short[pack(w[:2])] || th.short[pack(w[:3])] {
		return true
	}
	if len(w) < 4 {
		return false
	}
	for _, c := range th.cores[pack(w[:4])] {
		if strings.HasPrefix(w, c) {
			return true
		}
	}
	return false
}

// pack packs up to 4 bytes into an integer map key.
func pack(s string) uint32 {
	var k uint32
	for i := 0; i < len(s) && i < 4; i++ {
		k = k<<8 | uint32(s[i])
	}
	return k | uint32(len(s))<<30
}

const memoSlots = 1 << 15

type memoEntry struct {
	word string
	id   int32 // stemIDOf(singular(word))
	list int32 // wordIdx[word], -1 when none
}

// stemIDOf returns the lexicon stem id of the folded word w, or -1.
func (th *Themes) stemIDOf(w string) int32 {
	if th.mayStemTo(w) {
		if x, ok := th.stemID[stemWord(w)]; ok {
			return x
		}
	}
	return -1
}

// memoKey is the longest word, in bytes, that memoSlot holds.
const memoKey = 24

// A memoSlot holds one word of up to memoKey bytes, packed little-endian in w, with
// its stem id and word list, under a sequence lock: meta holds the sequence number
// (odd while a writer fills the slot), the word's length and the two ids. A reader
// trusts what it read only when meta is even and unchanged across its reads of w; a
// writer claims the slot by moving the sequence to odd with a compare-and-swap and
// gives up when another writer holds it. Every access is atomic.
type memoSlot struct {
	meta atomic.Uint64
	w    [3]atomic.Uint64
}

const (
	memoSeqBits   = 20
	memoSeqMask   = 1<<memoSeqBits - 1
	memoLenShift  = memoSeqBits        // 5 bits
	memoStemShift = memoLenShift + 5   // 19 bits: stem id + 1
	memoListShift = memoStemShift + 19 // 20 bits: list index + 1
)

// wordInfo returns stemIDOf(singular(w)) and the index in wordLists of the
// entries w starts (-1 when none), for the folded word w, through the memo: one
// lookup per token for both.
func (th *Themes) wordInfo(w string) (stem, list int32) {
	if len(w) > memoKey {
		return th.wordInfoLong(w)
	}
	var k [3]uint64
	for i := 0; i < len(w); i++ {
		k[i>>3] |= uint64(w[i]) << (8 * (i & 7))
	}
	return th.wordInfoKey(w, k[0], k[1], k[2])
}

// wordInfoKey is wordInfo for a word of up to memoKey bytes, given packed
// little-endian in k0, k1, k2 (zero beyond the word), as the scanner reads it.
func (th *Themes) wordInfoKey(w string, k0, k1, k2 uint64) (stem, list int32) {
	// The key determines the word (a word holds no zero byte): multiplies mix it,
	// and the top bits of the product, which depend on all of the key, pick the
	// slots (h's low 15 bits) and the spare bit (h's bit 16).
	h := uint32((k0 ^ k1*0xc2b2ae3d27d4eb4f ^ k2*0x165667b19e3779f9) * 0x9e3779b97f4a7c15 >> 47)
	// Two slots share a cache line: a word may sit in either, so that two words
	// with the same hash do not keep evicting each other.
	pair := th.words[h&(memoSlots-1)&^1:][:2]
	var ms [2]uint64
	for p := range pair {
		sl := &pair[p]
		m := sl.meta.Load()
		if m&1 == 0 && int(m>>memoLenShift&31) == len(w) &&
			sl.w[0].Load() == k0 && sl.w[1].Load() == k1 && sl.w[2].Load() == k2 &&
			sl.meta.Load() == m {
			return int32(m>>memoStemShift&(1<<19-1)) - 1, int32(m>>memoListShift) - 1
		}
		ms[p] = m
	}
	stem, list = th.stemIDOf(singular(w)), -1
	if x, ok := th.wordIdx[w]; ok {
		list = x
	}
	if stem+1 >= 1<<19 || list+1 >= 1<<20 {
		return stem, list // too large for the slot (never with the embedded lexicon)
	}
	// An empty slot of the pair if there is one, else the one a spare bit of the
	// hash picks.
	p := int(h>>16) & 1
	if ms[0]>>memoLenShift&31 == 0 {
		p = 0
	} else if ms[1]>>memoLenShift&31 == 0 {
		p = 1
	}
	sl, m := &pair[p], ms[p]
	if m&1 == 0 && sl.meta.CompareAndSwap(m, m&^memoSeqMask|(m+1)&memoSeqMask) {
		sl.w[0].Store(k0)
		sl.w[1].Store(k1)
		sl.w[2].Store(k2)
		sl.meta.Store(uint64(len(w))<<memoLenShift | uint64(stem+1)<<memoStemShift |
			uint64(list+1)<<memoListShift | (m+2)&memoSeqMask)
	}
	return stem, list
}

// wordInfoLong is wordInfo for the words longer than memoKey.
func (th *Themes) wordInfoLong(w string) (stem, list int32) {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	slot := &th.memo[h&(memoSlots-1)]
	if e := slot.Load(); e != nil && e.word == w {
		return e.id, e.list
	}
	stem, list = th.stemIDOf(singular(w)), -1
	if x, ok := th.wordIdx[w]; ok {
		list = x
	}
	slot.Store(&memoEntry{word: strings.Clone(w), id: stem, list: list})
	return stem, list
}

// ---------------------------------------------------------------------------
// Scanning: tokens with their context.

type themeToken struct {
	start, end int32 // span in the scanned (folded) string
	stem       int32 // lexicon stem id, -1 when none
	list       int32 // index in Themes.wordLists of the entries the word starts, -1 when none
	sent       int32 // sentence index
	quote      int32 // index of the enclosing short quote, -1 when none
	mult       float32
	emph       bool // in the title, a heading, an act's object or the head of a list item
	speech     bool // inside a long quotation: reported speech
	gap        bool // apart from the previous token, by "et" or punctuation (see phraseGap)
}

type themeQuote struct {
	first, last int32 // content token indices [first, last)
}

type sentenceInfo struct {
	para   int32
	amount bool // holds a euro amount
	refers bool // starts with a word referring back ("Ces travaux…", "Il…")
	item   bool // starts a list item
}

// itemKeywords start a numbered item line ("Priorité 1 :", "Axe II –").
var itemKeywords = map[string]bool{
	"priorite": true, "axe": true, "objectif": true, "orientation": true, "volet": true,
	"pilier": true, "enjeu": true, "ambition": true, "mesure": true, "action": true,
	"engagement": true, "theme": true, "thematique": true, "chantier": true, "fiche": true,
	"defi": true, "levier": true, "programme": true, "etape": true,
}

// The words that change the context of the words after them, by contextClass.
const (
	plainWord   = iota
	axisWord    // announces the axes of a programme ("autour de trois axes :", "les priorités suivantes :")
	exampleWord // opens a clause of examples
	formerWord  // makes the next word the description of a site rather than a subject: "l'ancienne gare", "la friche hospitalière"
	savoirWord  // "à savoir", which lists the axes announced
	euroWord    // a euro amount's unit
	fillerWord  // joins the items of a list ("ou encore", "ainsi que"): not part of an item
	roleWord    // names an official's office, before a portfolio ("vice-président chargé de…")
	ownRoleWord // an office that names its portfolio after it ("adjointe à la culture")
	chargeWord  // "chargé(e)", "en charge", "délégué(e)": opens a portfolio after a role word ("conseiller délégué au tourisme")
)

// contextClass returns the class of a folded word, in one switch. "ex" both opens
// examples and names a former site: the examples come first.
func contextClass(w string) int {
	switch w {
	case "axe", "axes", "priorite", "priorites", "theme", "themes", "thematiques",
		"pilier", "piliers", "domaines", "volets", "orientations", "enjeux", "objectifs", "chantiers",
		"ambitions", "champs", "leviers":
		return axisWord
	case "notamment", "comme", "exemple", "ex", "tels", "telles", "tel", "telle":
		return exampleWord
	case "ancien", "ancienne", "anciens", "anciennes", "friche", "friches":
		return formerWord
	case "savoir":
		return savoirWord
	case "euros", "euro", "eur", "meur", "keur":
		return euroWord
	case "ou", "encore", "ainsi", "que", "puis", "enfin":
		return fillerWord
	case "president", "presidente", "vice", "conseiller", "conseillere", "conseillers", "conseilleres",
		"ministre", "secretaire", "elu", "elue", "elus", "elues", "maire",
		"departemental", "departementale", "regional", "regionale", "municipal", "municipale", "communautaire":
		return roleWord
	case "adjoint", "adjointe", "adjoints", "adjointes":
		return ownRoleWord
	case "charge", "chargee", "charges", "chargees", "delegue", "deleguee", "delegues", "deleguees":
		return chargeWord
	}
	return plainWord
}

const itemHead = 8 // content words of an item that count as its head

type scanner struct {
	th      *Themes
	s       string // folded text
	orig    func(i, j int) string
	toks    []themeToken
	quotes  []themeQuote
	sents   []sentenceInfo
	matches []themeMatch   // match's result, kept to be lent back
	segs    []themeSegment // the segments of the tokens, built by word (see boostEnumerations)

	titleStart, titleEnd int
	acts                 int // operative lines ("ARRÊTE", "DÉCIDE :"): acts the text gathers

	st scanState
}

// scanState is the context that scan carries from one character to the next. It
// lives in the scanner rather than in local variables: the loop touches most of it
// only at punctuation and line starts, and a score of values kept in registers
// across the whole loop cost more moving them about than loading the few a word
// needs.
type scanState struct {
	sent, para             int32
	sentFirstTok           int  // index of the current sentence's first token
	sentHasAxis, enum      bool // the sentence announces axes; it lists them (after ':')
	example, boilerplate   bool
	heading                bool
	itemMode               bool
	itemPos                int // content words of the current item so far
	asideDepth, parenDepth int
	asideEnd               int // where the aside parenthesis closes, -1 when none
	quoteOpen              int // index in sc.quotes of the open quote, -1 when none
	straightQuote          bool
	lastWordEnd            int
	blankBefore            bool
	cont                   bool // the line continues the sentence of the previous one
	former                 int  // index of the token after "ancien", "friche"…
	citation               bool // the line cites a text ("Vu le code…")
	actBP                  bool // the line is an act's formality ("Les crédits sont imputés…") or a contact
	startItem              bool // the next sentence starts a list item
	itemStartAfter         int  // byte offset after which a keyword item's content starts, -1 when none
	pendingAmount          bool
	closeQuote             bool
	gap                    bool  // the next token is apart from the previous one (see phraseGap)
	segBreak               bool  // the next token starts a new segment
	segMark                uint8 // the strongest mark since the last segment: segSoft, segColon or segHard
	roleTok                int   // index of the last role word's token ("président", "adjointe"), -1 when none
	portfolio              int   // tokens of an official's portfolio left ("chargée de la santé…"), 0 when none
}

// scan tokenises s (folded) and records the context of every word, line by line.
func (sc *scanner) scan() {
	s := sc.s
	if n := len(s)/7 + 8; cap(sc.toks) < n {
		sc.toks = make([]themeToken, 0, n)
	}
	sc.toks = sc.toks[:0]
	if n := len(s)/25 + 8; cap(sc.segs) < n {
		sc.segs = make([]themeSegment, 0, n)
	}
	sc.segs = sc.segs[:0]
	if n := len(s)/60 + 4; cap(sc.sents) < n {
		sc.sents = make([]sentenceInfo, 0, n)
	}
	sc.sents = append(sc.sents[:0], sentenceInfo{})
	sc.st = scanState{blankBefore: true, asideEnd: -1, quoteOpen: -1, former: -1, itemStartAfter: -1, roleTok: -1,
		segBreak: true}
	st := &sc.st
	for i := 0; i < len(s); {
		le := strings.IndexByte(s[i:], '\n')
		if le < 0 {
			le = len(s)
		} else {
			le += i
		}
		line := strings.TrimSpace(s[i:le])
		if line == "" && sc.softBreak(i, le) {
			// A blank line inside a sentence (PDF text often has one after every
			// line): the sentence goes on.
			i = le + 1
			st.cont = true
			continue
		}
		if line == "" {
			st.blankBefore = true
			i = le + 1
			// Paragraph end.
			sc.newSentence()
			st.para++
			sc.sents[len(sc.sents)-1].para = st.para
			st.itemMode, st.enum, st.heading = false, false, false
			st.asideDepth, st.parenDepth, st.asideEnd = 0, 0, -1
			sc.endQuote()
			continue
		}
		sc.lineStart(i, le, line)
		sc.scanLine(i, le)
		if le < len(s) { // the line's '\n'
			if st.heading {
				sc.newSentence()
				st.heading = false
			}
			st.example = false
		}
		i = le + 1
	}
	sc.endQuote()
}

// lineStart sets the context of the non-blank line [i, le) of sc.s, trimmed line.
func (sc *scanner) lineStart(i, le int, line string) {
	s := sc.s
	st := &sc.st
	list, contentAt := listItem(line)
	st.heading = false
	if st.cont && !list {
		// A continuation line: same sentence, same item.
	} else if list {
		sc.newSentence()
		st.itemMode, st.itemPos, st.startItem = true, 0, true
		st.itemStartAfter = i + (len(s[i:le]) - len(strings.TrimLeft(s[i:le], " \t"))) + contentAt
	} else if isActObjectLine(line) {
		// "Objet : …", "Arrêté n° … portant …": what the act is about.
		sc.newSentence()
		st.heading = true
		st.itemMode = false
	} else if st.blankBefore && sc.blankAfter(le) && isHeadingLine(line) && sc.startsUpper(i) {
		sc.newSentence()
		st.heading = true
		st.itemMode = false
		if isBoilerplateHeading(line) {
			st.boilerplate = true
		}
	} else if st.blankBefore {
		st.itemMode = false
	}
	if !list && !st.heading && len(line) <= 60 && isBoilerplateHeading(line) {
		st.boilerplate = true
	}
	if !st.cont {
		st.citation = strings.HasPrefix(line, "vu ") || strings.HasPrefix(line, "vu l'")
		st.actBP = isActBoilerplateLine(line) || isContactLine(line)
		if isOperativeLine(line) {
			sc.acts++
		}
	}
	st.blankBefore, st.cont = false, false
}

// blankAfter reports whether the line ending at le is followed by a blank line that
// does not sit inside a sentence, or ends the text.
func (sc *scanner) blankAfter(le int) bool {
	return le >= len(sc.s) || strings.TrimSpace(lineAt(sc.s, le+1)) == "" && !sc.nextLineLower(le+1)
}

// scanLine scans the characters of the line [i, le) of sc.s.
func (sc *scanner) scanLine(i, le int) {
	s := sc.s
	for i < le {
		c := s[i]
		if c == ' ' {
			i++
			continue
		}
		if !asciiAlnum[c] {
			n := 1
			var r rune
			if c >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					i = sc.slowWord(i, scanWordEnd(s, i+n))
					continue
				}
			}
			sc.punct(i, n, c, r)
			i += n
			continue
		}
		// An ASCII word, read eight bytes at a time into the memo's key: most
		// words are shorter than eight bytes, read here (asciiWordKey's first
		// step, inline).
		var j int
		var k0, k1, k2 uint64
		ok := false
		if i+8 <= len(s) {
			x := load64(s, i)
			if end := ^alnum8(x) & (0x80 * 0x0101010101010101); end != 0 {
				b := bits.TrailingZeros64(end) >> 3
				j, k0 = i+b, x&(1<<(8*b)-1)
				d := s[j]
				ok = d != '&' && d < utf8.RuneSelf
			}
		}
		if !ok {
			j, k0, k1, k2, ok = asciiWordKey(s, i)
		}
		if !ok {
			i = sc.slowWord(i, scanWordEnd(s, j))
			continue
		}
		sc.st.lastWordEnd = j
		if j-i > 3 || !isStopKey(k0) {
			stem, list := sc.th.wordInfoKey(s[i:j], k0, k1, k2)
			sc.word(i, j, stem, list)
		} else if k0 == 'e'|'t'<<8 {
			sc.st.gap, sc.st.segBreak = true, true
		}
		i = j
		if i < le && s[i] == ' ' { // the usual space after a word, without a turn of the loop
			i++
		}
	}
}

// slowWord records the word [i, j) of sc.s, which asciiWordKey could not read,
// and returns j.
func (sc *scanner) slowWord(i, j int) int {
	sc.st.lastWordEnd = j
	if w := sc.s[i:j]; !isStopWord(w) {
		stem, list := sc.th.wordInfo(w)
		sc.word(i, j, stem, list)
	} else if w == "et" {
		sc.st.gap, sc.st.segBreak = true, true
	}
	return j
}

// asciiWordKey reads the word of s starting at i with an ASCII letter or digit,
// eight bytes at a time: it returns its end j and its bytes packed little-endian
// in k0, k1, k2 (see memoSlot), with ok. Without ok, the word may go on at j
// (with '&' or a multi-byte rune), is longer than memoKey, or ends less than
// eight bytes before the end of s: scanWordEnd finishes it from j.
func asciiWordKey(s string, i int) (j int, k0, k1, k2 uint64, ok bool) {
	var k [3]uint64
	j = i
	for n := range k {
		if j+8 > len(s) {
			return j, 0, 0, 0, false
		}
		x := load64(s, j)
		end := ^alnum8(x) & (0x80 * 0x0101010101010101)
		if end == 0 {
			k[n] = x
			j += 8
			continue
		}
		b := bits.TrailingZeros64(end) >> 3 // the word's bytes in x
		k[n] = x & (1<<(8*b) - 1)
		j += b
		if d := s[j]; d == '&' || d >= utf8.RuneSelf {
			return j, 0, 0, 0, false
		}
		return j, k[0], k[1], k[2], true
	}
	return j, 0, 0, 0, false
}

// alnum8 returns the bytes of x that are ASCII letters or digits, as the high bit
// of each. Each test works on the low seven bits of a byte, where adding or
// subtracting a constant below 0x80 carries into no other byte, and the bytes
// with their high bit set are dropped at the end.
func alnum8(x uint64) uint64 {
	const ones = 0x0101010101010101
	x7 := x &^ (0x80 * ones)
	l := x7 | 0x20*ones // either case
	letter := (l + (0x80-'a')*ones) & ((0x80+'z')*ones - l)
	digit := (x7 + (0x80-'0')*ones) & ((0x80+'9')*ones - x7)
	return (letter | digit) &^ x & (0x80 * ones)
}

// isStopKey reports whether the word of up to 3 bytes packed little-endian in k
// is a stop word (see isStopWord).
func isStopKey(k uint64) bool {
	switch k {
	case 'l' | 'e'<<8, 'l' | 'a'<<8, 'l' | 'e'<<8 | 's'<<16, 'l',
		'd' | 'e'<<8, 'd' | 'u'<<8, 'd' | 'e'<<8 | 's'<<16, 'd',
		'u' | 'n'<<8, 'u' | 'n'<<8 | 'e'<<16, 'e' | 't'<<8,
		'a', 'a' | 'u'<<8, 'a' | 'u'<<8 | 'x'<<16, 'e' | 'n'<<8:
		return true
	}
	return false
}

// asciiAlnum tells the ASCII letters and digits.
var asciiAlnum = func() (t [256]bool) {
	for c := range t {
		t[c] = isASCIIAlnum(byte(c))
	}
	return t
}()

// scanWordEnd returns the end of the word of s going on at j: letters and digits,
// with '&' kept inside a word ("R&D").
func scanWordEnd(s string, j int) int {
	for {
		for j < len(s) && asciiAlnum[s[j]] {
			j++
		}
		if j == len(s) {
			return j
		}
		if d := s[j]; d < utf8.RuneSelf {
			if d == '&' && j+1 < len(s) && isASCIIAlnum(s[j+1]) {
				j++
				continue
			}
			return j
		}
		r, m := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return j
		}
		j += m
	}
}

// punct handles the character c (first byte of r, n bytes long) at i, not part
// of a word: quotes, parentheses, clause and sentence ends, the euro sign.
func (sc *scanner) punct(i, n int, c byte, r rune) {
	s := sc.s
	st := &sc.st
	st.gap = st.gap || phraseGap(s, i)
	if c >= utf8.RuneSelf {
		switch {
		case r == '«' || r == '“':
			sc.endQuote()
			sc.quotes = append(sc.quotes, themeQuote{first: int32(len(sc.toks))})
			st.quoteOpen = len(sc.quotes) - 1
		case r == '»' || r == '”':
			st.closeQuote = true
		case r == '€':
			st.pendingAmount = true
		case r == '…':
			if aheadIsBreak(s, i+n) {
				sc.newSentence()
			}
		case r == '–' || r == '—':
			st.segMark, st.portfolio = segHard, 0
			sc.closeClause()
		}
	}
	switch c {
	case '"':
		if st.straightQuote {
			st.closeQuote = true
		} else {
			sc.endQuote()
			sc.quotes = append(sc.quotes, themeQuote{first: int32(len(sc.toks))})
			st.quoteOpen = len(sc.quotes) - 1
			st.straightQuote = true
		}
	case '(':
		st.segMark, st.portfolio = segHard, 0
		st.parenDepth++
		if st.asideDepth == 0 && st.parenDepth == 1 { // outermost only: the scans do not overlap
			if end, ok := asideParen(s, i); ok {
				st.asideDepth = st.parenDepth
				st.asideEnd = end
			}
		}
		sc.closeClause()
	case ')':
		st.segMark = segHard
		if st.parenDepth > 0 {
			if st.parenDepth == st.asideDepth {
				st.asideDepth, st.asideEnd = 0, -1
			}
			st.parenDepth--
		}
		sc.closeClause()
	case ',', ';':
		if st.portfolio > 0 && (c == ';' || !portfolioGoesOn(s, i+1)) {
			st.portfolio = 0
		}
		sc.closeClause()
	case ':':
		st.segMark, st.portfolio = max(st.segMark, segColon), 0
		sc.closeClause()
		if st.sentHasAxis {
			st.enum, st.itemPos = true, 0
		}
	case '.', '!', '?':
		// A sentence ends at a full stop followed by a space or a line end,
		// but not inside a number ("1.2") or after a one-letter abbreviation.
		if aheadIsBreak(s, i+1) && !(c == '.' && i-st.lastWordEnd == 0 && len(sc.toks) > 0 &&
			sc.toks[len(sc.toks)-1].end-sc.toks[len(sc.toks)-1].start == 1) {
			if c == '.' && i+3 <= len(s) && s[i:i+3] == "..." {
				break
			}
			sc.newSentence()
		}
	}
	if st.closeQuote {
		st.closeQuote = false
		sc.endQuote()
	}
	if st.pendingAmount {
		st.pendingAmount = false
		if sc.recentNumber(st.sentFirstTok) {
			sc.sents[st.sent].amount = true
		}
	}
	if st.asideEnd >= 0 && i >= st.asideEnd {
		st.asideDepth, st.asideEnd = 0, -1
	}
}

// word records the word [i, j) of sc.s, not a stop word, as a token with its
// context, its stem and list from wordInfo.
func (sc *scanner) word(i, j int, stem, list int32) {
	st := &sc.st
	set := &sc.th.set
	w := sc.s[i:j]
	inTitle := i >= sc.titleStart && i < sc.titleEnd
	class := contextClass(w)
	tk := themeToken{start: int32(i), end: int32(j), sent: st.sent, quote: -1, stem: stem, list: list, gap: st.gap}
	st.gap = false
	if class == fillerWord {
		st.segBreak = true // a filler is in no segment
	} else {
		if st.segBreak {
			sc.segs = append(sc.segs, themeSegment{first: int32(len(sc.toks)), sent: st.sent, mark: st.segMark, mFirst: -1})
			st.segBreak, st.segMark = false, segSoft
		}
		sg := &sc.segs[len(sc.segs)-1]
		sg.n++
		sg.aside = sg.aside || st.asideDepth > 0 || st.boilerplate || st.citation || st.actBP
	}
	if st.quoteOpen >= 0 {
		tk.quote = int32(st.quoteOpen)
	}
	m := 1.0
	emph := true
	switch {
	case inTitle:
		m = set.title
	case st.heading:
		m = set.heading
	case (st.itemMode || st.enum) && st.itemPos < itemHead && st.asideDepth == 0 &&
		(!st.itemMode || st.itemStartAfter < 0 || i >= st.itemStartAfter):
		m = set.item
	default:
		emph = false
	}
	if st.asideDepth > 0 {
		m *= set.aside
	}
	if st.example {
		m *= set.example
	}
	if st.boilerplate {
		m *= set.bp
	}
	if st.former == len(sc.toks) {
		m *= set.former
	}
	if st.citation || st.actBP {
		m *= set.bp
	}
	if st.portfolio > 0 {
		if sc.startsUpper(i) {
			st.portfolio = 0 // a name: the portfolio has ended
		} else {
			st.portfolio--
			m *= set.portfolio
			emph = false
		}
	}
	tk.mult = float32(m)
	tk.emph = emph && st.asideDepth == 0 && !st.example && !st.boilerplate && !st.citation && !st.actBP &&
		st.former != len(sc.toks)
	if len(sc.toks) == st.sentFirstTok {
		sc.sents[st.sent].item = st.startItem
		sc.sents[st.sent].refers = refersBack(w)
		st.startItem = false
	}
	sc.toks = append(sc.toks, tk)
	if st.itemMode || st.enum {
		if !st.itemMode || st.itemStartAfter < 0 || i >= st.itemStartAfter {
			st.itemPos++
		}
	}
	switch class {
	case axisWord:
		st.sentHasAxis = true
	case exampleWord:
		// "tout comme" joins two subjects ("la formation, tout comme le
		// développement économique"): it opens no example.
		st.example = !(w == "comme" && len(sc.toks) >= 2 && sc.tokenIs(len(sc.toks)-2, "tout"))
	case formerWord:
		st.former = len(sc.toks)
	case savoirWord:
		if st.sentHasAxis {
			st.enum, st.itemPos = true, 0
		}
	case euroWord:
		if sc.recentNumber(st.sentFirstTok) {
			sc.sents[st.sent].amount = true
		}
	case roleWord:
		st.roleTok = len(sc.toks) - 1
	case ownRoleWord:
		st.roleTok = len(sc.toks) - 1
		st.portfolio = maxPortfolio
	case chargeWord:
		// Right after the role word, with no punctuation between: "président
		// chargé", "conseillère en charge", "maire délégué", not "budget
		// communautaire ; charges" nor "la compétence déléguée à la métropole".
		if st.roleTok == len(sc.toks)-2 && !sc.toks[len(sc.toks)-1].gap {
			st.portfolio = maxPortfolio
		}
	}
}

// maxPortfolio is the most content words of an official's portfolio.
const maxPortfolio = 12

// portfolioGoesOn reports whether the folded text after a comma at i goes on
// with an official's portfolio: its next word is "de", "du", "des", "d'", "à",
// "au" or "aux" ("chargée de l'emploi, de la formation et de l'apprentissage").
func portfolioGoesOn(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
		j++
	}
	switch s[i:j] {
	case "de", "du", "des", "d", "a", "au", "aux":
		return true
	}
	return false
}

// newSentence starts a new sentence, unless the current one has no token yet.
func (sc *scanner) newSentence() {
	st := &sc.st
	st.sentHasAxis, st.enum, st.example = false, false, false
	st.segBreak, st.segMark = true, segHard
	st.portfolio = 0
	if len(sc.toks) == st.sentFirstTok {
		return // empty sentence: reuse it
	}
	st.sent++
	sc.sents = append(sc.sents, sentenceInfo{para: st.para})
	st.sentFirstTok = len(sc.toks)
}

// closeClause ends a clause: a comma, a parenthesis, a dash.
func (sc *scanner) closeClause() {
	sc.st.example = false
	sc.st.segBreak = true
	if sc.st.enum {
		sc.st.itemPos = 0
	}
}

// endQuote closes the open quote, if any.
func (sc *scanner) endQuote() {
	st := &sc.st
	if st.quoteOpen >= 0 {
		q := &sc.quotes[st.quoteOpen]
		q.last = int32(len(sc.toks))
		if q.last-q.first > 12 {
			// A long quotation is speech, not a name: the name rule does not
			// apply, but what a speaker says weighs less than what the text
			// itself reports (see @speech).
			for k := q.first; k < q.last; k++ {
				sc.toks[k].quote = -1
				sc.toks[k].speech = true
			}
		}
	}
	st.quoteOpen = -1
	st.straightQuote = false
}

// softBreak reports whether the blank line [i, le) of sc.s sits inside a sentence:
// the text before it does not end a sentence or a heading (it ends with a letter, a
// digit, a comma or a small word) and the next line starts with a lower-case letter.
func (sc *scanner) softBreak(i, le int) bool {
	k := i - 1
	for k >= 0 && (sc.s[k] == '\n' || sc.s[k] == ' ') {
		k--
	}
	if k < 0 {
		return false
	}
	switch c := sc.s[k]; {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == ',', c == '\'', c >= utf8.RuneSelf && !strings.HasSuffix(sc.s[:k+1], "»") && !strings.HasSuffix(sc.s[:k+1], "…"):
	default:
		return false
	}
	return le < len(sc.s) && sc.nextLineLower(le+1)
}

// nextLineLower reports whether the first non-blank line from i starts with a
// lower-case letter in the original text (a line of the same sentence).
func (sc *scanner) nextLineLower(i int) bool {
	for i < len(sc.s) && (sc.s[i] == '\n' || sc.s[i] == ' ') {
		i++
	}
	if i >= len(sc.s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sc.orig(i, i+1))
	return unicode.IsLower(r)
}

// startsUpper reports whether the line starting at i (after spaces) starts with an
// upper-case letter, a digit, a quote or markup in the original text, as headings do.
func (sc *scanner) startsUpper(i int) bool {
	for i < len(sc.s) && sc.s[i] == ' ' {
		i++
	}
	if i >= len(sc.s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sc.orig(i, i+1))
	return !unicode.IsLower(r)
}

// recentNumber reports whether one of the last four words of the current sentence
// (starting at token first) is a number.
func (sc *scanner) recentNumber(first int) bool {
	for k := len(sc.toks) - 1; k >= first && k >= len(sc.toks)-4; k-- {
		if c := sc.s[sc.toks[k].start]; '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

func lineAt(s string, i int) string {
	if i >= len(s) {
		return ""
	}
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return s[i : i+j]
	}
	return s[i:]
}

func aheadIsBreak(s string, i int) bool {
	return i >= len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '*' || s[i] == '"' || s[i] == ')' ||
		strings.HasPrefix(s[i:], "»") || strings.HasPrefix(s[i:], "”")
}

// listItem reports whether a trimmed, folded line is a list item ("- le tourisme ;",
// "1. …", "a) …", "2>…", "Priorité 2 : …", "Axe II – …") and where its content starts.
func listItem(line string) (bool, int) {
	if line == "" {
		return false, 0
	}
	// Every marker starts with '-', '*' or a multi-byte rune's first byte.
	if c := line[0]; c == '-' || c == '*' || c >= utf8.RuneSelf {
		for _, m := range []string{"- ", "– ", "— ", "• ", "* ", "· ", "▪ ", "► ", "➢ ", "✓ ", "-**", "•", "▪", "►", "➢", "\uf0b7"} {
			if strings.HasPrefix(line, m) {
				return true, len(m)
			}
		}
	}
	// "1. ", "2) ", "a) ".
	k := 0
	for k < len(line) && k < 3 && '0' <= line[k] && line[k] <= '9' {
		k++
	}
	if k == 0 && len(line) > 2 && 'a' <= line[0] && line[0] <= 'z' && line[1] == ')' {
		k = 1
	}
	if k > 0 && k+1 < len(line) && (line[k] == '.' || line[k] == ')') && line[k+1] == ' ' {
		return true, k + 2
	}
	if k > 0 && k+1 < len(line) && line[k] == '>' { // "1>un soutien…", as some pages render ordered lists
		return true, k + 1
	}
	// Keyword items.
	j := 0
	for j < len(line) && 'a' <= line[j] && line[j] <= 'z' {
		j++
	}
	if j == 0 || j == len(line) {
		return false, 0 // no keyword, or no number after it
	}
	rest := strings.TrimLeft(line[j:], " ")
	rest = strings.TrimPrefix(rest, "n°")
	rest = strings.TrimPrefix(rest, "no ")
	rest = strings.TrimLeft(rest, " ")
	d := 0
	for d < len(rest) && ('0' <= rest[d] && rest[d] <= '9' || rest[d] == 'i' || rest[d] == 'v' || rest[d] == 'x') && d < 6 {
		d++
	}
	if d == 0 {
		return false, 0
	}
	if d < len(rest) && ('a' <= rest[d] && rest[d] <= 'z') {
		return false, 0 // a word ("axe important"), not a number
	}
	// The keyword is looked up last: most lines fail the cheaper tests above.
	if w := line[:j]; !itemKeywords[w] && !itemKeywords[strings.TrimSuffix(w, "s")] {
		return false, 0
	}
	after := strings.TrimLeft(rest[d:], " ")
	for _, sep := range []string{":", "-", "–", "—", ".", ")"} {
		if strings.HasPrefix(after, sep) {
			return true, len(line) - len(after) + len(sep)
		}
	}
	return false, 0
}

// isHeadingLine reports whether a trimmed, folded line standing alone is a heading:
// short, and not ending like a sentence.
func isHeadingLine(line string) bool {
	if len(line) > 150 {
		return false
	}
	// The cheap tests first: most lines end like a sentence.
	n := len(line)
	for n > 0 && (line[n-1] == '*' || line[n-1] == '_' || line[n-1] == ' ') {
		n-- // strings.TrimRight(line, "*_ ")
	}
	if n == 0 {
		return false
	}
	last := line[:n]
	switch last[len(last)-1] {
	case '.', ',', ';', ':':
		if !strings.HasSuffix(last, "...") { // "Et après..." is still a heading
			return false
		}
	}
	i := len(line) - 1 // strings.LastIndexAny(line, " '")
	for i >= 0 && line[i] != ' ' && line[i] != '\'' {
		i--
	}
	if i >= 0 && isStopWord(line[i+1:]) {
		return false // "… signée avec la" is a line cut inside a sentence
	}
	words := countWords(line, 17)
	return words > 0 && words <= 16
}

// countWords counts the words of s as forEachWord finds them, up to limit.
func countWords(s string, limit int) int {
	words := 0
	in := false // inside a word
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		word := asciiAlnum[c]
		if c == '&' {
			word = in && i+1 < len(s) && isASCIIAlnum(s[i+1])
		} else if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if word && !in {
			if words++; words == limit {
				return words
			}
		}
		in = word
		i += n
	}
	return words
}

// isBoilerplateHeading reports whether a folded line opens the boilerplate of a
// press release: the "À propos de…" presentation of the issuer or the press contacts.
func isBoilerplateHeading(line string) bool {
	i := 0
	for i < len(line) && (line[i] == '*' || line[i] == '_' || line[i] == '#' || line[i] == '-' || line[i] == ' ') {
		i++ // strings.TrimLeft(line, "*_#- ")
	}
	line = line[i:]
	if line == "" {
		return false
	}
	switch line[0] {
	case 'a', 'c', 's', 'r', 'p': // the first letters of the forms below
	default:
		return false
	}
	for _, p := range []string{"a propos d", "contact presse", "contacts presse", "contact :", "contacts :",
		"service presse", "relations presse", "presse :", "contact medias", "contacts medias"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// asideParen reports whether the parenthesis opening at i lists examples (it holds
// a comma, a semicolon or an ellipsis before it closes), and where it closes.
func asideParen(s string, i int) (int, bool) {
	depth := 0
	limit := min(len(s), i+600)
	list := false
	for k := i; k < limit; k++ {
		switch s[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k, list
			}
		case ',', ';':
			list = true
		case '.':
			if k+2 < len(s) && s[k+1] == '.' && s[k+2] == '.' {
				list = true
			}
		case '\n':
			if k+1 < len(s) && s[k+1] == '\n' {
				return k, false
			}
		case 0xe2: // "…"
			if strings.HasPrefix(s[k:], "…") {
				list = true
			}
		}
	}
	return -1, false
}

// ---------------------------------------------------------------------------
// Matching and scoring.

type themeMatch struct {
	entry        int32
	first, last  int32 // token indices [first, last)
	contribution float64
	emph         bool // in the title, a heading, an act's object or a list item's head
	funded       bool // in a sentence with a euro amount
}

// Classify returns the themes t deals with, best first, and the evidence for each:
// the lexicon terms found, with their spans in t.S and the theme's score. title is
// the document's title; when it occurs in the text its words weigh more there, and
// when it does not, its terms are reported with the span {-1, -1}.
func (th *Themes) Classify(t *Text, title string) ([]string, []corpus.ThemeEvidence) {
	return th.classify(t, title, nil)
}

// themeBufs are the slices of the text's scan and matching, lent by the caller of
// classify to be reused from one document to the next: nothing of them is kept.
type themeBufs struct {
	toks    []themeToken
	sents   []sentenceInfo
	quotes  []themeQuote
	matches []themeMatch
	segs    []themeSegment
}

// classify is Classify with buf, when not nil, lending the slices of the text's
// scan (and getting them back).
func (th *Themes) classify(t *Text, title string, buf *themeBufs) ([]string, []corpus.ThemeEvidence) {
	if t == nil {
		return nil, nil
	}
	sc := &scanner{th: th, s: t.Folded, titleStart: -1, titleEnd: -1,
		orig: func(i, j int) string { a, b := t.Orig(i, j); return t.S[a:b] }}
	ftitle := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(Fold(title)), "…"))
	var extra *scanner
	if ftitle != "" {
		limit := min(len(t.Folded), 4000)
		if k := strings.Index(t.Folded[:limit], ftitle); k >= 0 {
			// The title weighs more where the text repeats it as a line of its own,
			// not when it is only the start of the first paragraph.
			end := k + len(ftitle)
			if !strings.HasSuffix(strings.TrimSpace(title), "…") && (end == len(t.Folded) || t.Folded[end] == '\n') {
				sc.titleStart, sc.titleEnd = k, end
			}
		} else {
			otitle := strings.TrimSpace(title)
			ft := NewText(otitle)
			extra = &scanner{th: th, s: ft.Folded, titleStart: 0, titleEnd: len(ft.Folded),
				orig: func(i, j int) string { a, b := ft.Orig(i, j); return ft.S[a:b] }}
		}
	}
	if buf != nil {
		sc.toks, sc.sents, sc.quotes, sc.matches = buf.toks[:0], buf.sents[:0], buf.quotes[:0], buf.matches[:0]
		sc.segs = buf.segs[:0]
		defer func() {
			buf.toks, buf.sents, buf.quotes, buf.matches = sc.toks[:0], sc.sents[:0], sc.quotes[:0], sc.matches[:0]
			buf.segs = sc.segs[:0]
		}()
	}
	sc.scan()
	matches := sc.match()
	sc.boostEnumerations(matches)
	var titleMatches []themeMatch
	if extra != nil {
		extra.scan()
		titleMatches = extra.match()
	}

	// Score.
	scores := make([]float64, len(th.ids))
	// Each term's contributions, best first, weigh less and less (@repeat): the
	// contributions are gathered, sorted by term then weight, and summed per term.
	type contrib struct {
		entry int32
		c     float64
	}
	perTerm := make([]contrib, 0, len(matches)+len(titleMatches))
	for _, ms := range [2][]themeMatch{matches, titleMatches} {
		for _, m := range ms {
			if th.entries[m.entry].theme >= 0 && m.contribution > 0 {
				perTerm = append(perTerm, contrib{m.entry, m.contribution})
			}
		}
	}
	slices.SortFunc(perTerm, func(a, b contrib) int {
		if a.entry != b.entry {
			return cmp.Compare(a.entry, b.entry)
		}
		return cmp.Compare(b.c, a.c)
	})
	for i := 0; i < len(perTerm); {
		e := perTerm[i].entry
		f := 1.0
		sum := 0.0
		for ; i < len(perTerm) && perTerm[i].entry == e; i++ {
			sum += perTerm[i].c * f
			f *= th.set.repeat
		}
		scores[th.entries[e].theme] += sum
	}
	threshold := th.set.threshold
	// A long text needs more evidence; a recueil of several acts is judged by the
	// length of one act.
	length := float64(len(t.S)) / float64(max(1, sc.acts))
	if th.set.long > 0 && length > th.set.long {
		threshold *= 1 + 0.5*math.Log2(length/th.set.long)
	}
	var order []int
	for ti, s := range scores {
		if s >= threshold && s > 0 && th.corroborated(ti, matches, titleMatches) {
			order = append(order, ti)
		}
	}
	if len(order) == 0 {
		return nil, nil
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	ids := make([]string, len(order))
	ev := make([]corpus.ThemeEvidence, len(order))
	var termBuf []themeMatch // the terms of one theme, reused from one to the next
	for k, ti := range order {
		ids[k] = th.ids[ti]
		terms := termBuf[:0]
		for _, m := range matches {
			if th.entries[m.entry].theme == ti && m.contribution > 0 {
				terms = append(terms, m)
			}
		}
		nText := len(terms)
		for _, m := range titleMatches {
			if th.entries[m.entry].theme == ti && m.contribution > 0 {
				terms = append(terms, m)
			}
		}
		termBuf = terms[:0]
		const maxTerms = 20
		if len(terms) > maxTerms {
			idx := make([]int, len(terms))
			for i := range idx {
				idx[i] = i
			}
			sort.SliceStable(idx, func(a, b int) bool { return terms[idx[a]].contribution > terms[idx[b]].contribution })
			idx = idx[:maxTerms]
			sort.Ints(idx)
			kept := make([]themeMatch, 0, maxTerms)
			n := 0
			for _, i := range idx {
				kept = append(kept, terms[i])
				if i < nText {
					n++
				}
			}
			terms, nText = kept, n
		}
		out := make([]corpus.Term, len(terms))
		for i, m := range terms {
			out[i].Term = th.entries[m.entry].term
			if i < nText {
				a, b := t.Orig(int(sc.toks[m.first].start), int(sc.toks[m.last-1].end))
				out[i].Start, out[i].End = a, b
			} else {
				out[i].Start, out[i].End = -1, -1
			}
		}
		ev[k] = corpus.ThemeEvidence{Theme: th.ids[ti], Score: math.Round(scores[ti]*100) / 100, Terms: out}
	}
	return ids, ev
}

// corroborated reports whether theme ti rests on more than one passing word: a
// match in the title, a heading, an act's object, a list item's head or a funded
// sentence; or, among the matches that weigh at least @single, a term found twice
// or two different terms (terms sharing no word: "logement" and "logements
// sociaux" are one). With @single 0 (the default) every theme is corroborated.
func (th *Themes) corroborated(ti int, lists ...[]themeMatch) bool {
	if th.set.single <= 0 {
		return true
	}
	first := int32(-1)
	firstFirst := int32(-1)
	for _, ms := range lists {
		for _, m := range ms {
			e := &th.entries[m.entry]
			if e.theme != ti || m.contribution <= 0 {
				continue
			}
			if m.emph {
				return true
			}
			if m.funded {
				return true
			}
			if m.contribution < th.set.single {
				continue
			}
			if first < 0 {
				first = m.entry
				firstFirst = m.first
				continue
			}
			if m.entry == first && m.first != firstFirst {
				return true
			}
			if m.entry != first && !th.shareWord(first, m.entry) {
				return true
			}
		}
	}
	return false
}

// shareWord reports whether entries a and b have a word in common.
func (th *Themes) shareWord(a, b int32) bool {
	ea, eb := &th.entries[a], &th.entries[b]
	for _, w := range ea.words {
		if slices.Contains(eb.words, w) {
			return true
		}
	}
	return false
}

// match finds the lexicon terms among the scanned tokens: at each token, the longest
// entries that match (the most specific mode first), dropping a match contained in
// an earlier one, and computes each match's contribution.
func (sc *scanner) match() []themeMatch {
	th := sc.th
	set := &th.set
	if n := len(sc.toks)/16 + 8; cap(sc.matches) < n { // about one match per 20 content words
		sc.matches = make([]themeMatch, 0, n)
	}
	out := sc.matches[:0]
	maxEnd := int32(0)
	lastEnd := make([]int32, len(th.ids)) // end of the last match of each theme
	var best []int32
	for i := range sc.toks {
		tk := &sc.toks[i]
		if tk.stem < 0 && tk.list < 0 {
			continue // most words start no entry
		}
		best = best[:0]
		bestLen, bestMode := 0, matchMode(0)
		if tk.stem >= 0 {
			best, bestLen, bestMode = sc.longest(i, th.byStem[tk.stem], best, bestLen, bestMode)
		}
		if tk.list >= 0 {
			best, bestLen, bestMode = sc.longest(i, th.wordLists[tk.list], best, bestLen, bestMode)
		}
		if bestLen == 0 {
			continue
		}
		end := int32(i + bestLen)
		if end <= maxEnd {
			continue // inside an earlier match
		}
		maxEnd = end
		for _, ei := range best {
			m := themeMatch{entry: ei, first: int32(i), last: end}
			e := &th.entries[ei]
			if e.theme >= 0 {
				if m.first < lastEnd[e.theme] {
					continue // overlaps a match of the same theme: count the words once
				}
				lastEnd[e.theme] = end
				mult := float64(0)
				for k := m.first; k < m.last; k++ {
					mult = max(mult, float64(sc.toks[k].mult))
					m.emph = m.emph || sc.toks[k].emph
				}
				if tk.speech {
					mult *= set.speech
				}
				if sc.funded(tk.sent) {
					mult *= set.funded
					m.funded = true
				}
				if q := tk.quote; q >= 0 {
					qt := sc.quotes[q]
					if float64(m.last-m.first) < 0.6*float64(qt.last-qt.first) {
						mult *= set.quoted
					}
				}
				m.contribution = e.weight * mult
			}
			out = append(out, m)
		}
	}
	sc.matches = out
	return out
}

// longest adds to best, the entries of the longest match at token i so far (of
// bestLen words, the most specific mode bestMode), those of list that match at i:
// list is token i's list in byStem or wordLists, sorted longest first.
func (sc *scanner) longest(i int, list []int32, best []int32, bestLen int, bestMode matchMode) ([]int32, int, matchMode) {
	th := sc.th
	for _, ei := range list {
		e := &th.entries[ei]
		if len(e.words) < bestLen {
			break // lists are sorted longest first
		}
		if !sc.matchAt(i, e) {
			continue
		}
		switch {
		case len(e.words) > bestLen || len(e.words) == bestLen && e.mode > bestMode:
			best = append(best[:0], ei)
			bestLen, bestMode = len(e.words), e.mode
		case len(e.words) == bestLen && e.mode == bestMode:
			best = append(best, ei)
		}
	}
	return best, bestLen, bestMode
}

// matchAt reports whether entry e matches the tokens starting at i, within one
// sentence. e is in token i's list in byStem or wordLists: its first word matches
// token i, unless its case does not.
func (sc *scanner) matchAt(i int, e *themeEntry) bool {
	if i+len(e.words) > len(sc.toks) {
		return false
	}
	toks := sc.toks[i : i+len(e.words)]
	sent := toks[0].sent
	switch e.mode {
	case modeStem:
		for k := 1; k < len(toks); k++ {
			if toks[k].sent != sent || toks[k].stem != e.ids[k] || toks[k].gap && e.gaps>>k&1 == 0 {
				return false
			}
		}
	case modeExact:
		for k := 1; k < len(toks); k++ {
			if toks[k].sent != sent || sc.s[toks[k].start:toks[k].end] != e.words[k] || toks[k].gap && e.gaps>>k&1 == 0 {
				return false
			}
		}
	case modeCase:
		for k := range toks {
			if tk := &toks[k]; tk.sent != sent || sc.orig(int(tk.start), int(tk.end)) != e.words[k] ||
				k > 0 && tk.gap && e.gaps>>k&1 == 0 {
				return false
			}
		}
	}
	return true
}

// funded reports whether sentence s, or the one before it in the same paragraph,
// holds a euro amount.
func (sc *scanner) funded(s int32) bool {
	if sc.sents[s].amount {
		return true
	}
	return s > 0 && sc.sents[s-1].amount && sc.sents[s-1].para == sc.sents[s].para &&
		sc.sents[s].refers && !sc.sents[s].item
}

// refersBack reports whether a folded word starting a sentence refers to the
// previous one ("Ces travaux consistent en…").
func refersBack(w string) bool {
	switch w {
	case "ce", "cet", "cette", "ces", "celui", "celle", "ceux", "celles", "il", "ils", "elle", "elles", "ceci", "cela":
		return true
	}
	return false
}

// isActObjectLine reports whether a trimmed, folded line states what an act is
// about: "Objet : …", or the heading of an act ("Arrêté n° … portant …",
// "Délibération relative à …"), also as a line of a recueil's contents. Its words
// weigh like a heading's.
func isActObjectLine(line string) bool {
	if len(line) > 400 {
		return false
	}
	if strings.HasPrefix(line, "objet") {
		for _, p := range []string{"objet :", "objet:", "objet -", "objet –"} {
			if strings.HasPrefix(line, p) {
				return true
			}
		}
	}
	if strings.HasPrefix(line, "vu ") || strings.HasPrefix(line, "vu l'") {
		return false // a citation of another act
	}
	if !actHead(line[:min(len(line), 40)]) {
		return false
	}
	for _, p := range []string{" portant ", " relatif ", " relative ", " relatifs ", " relatives "} {
		if strings.Contains(line, p) {
			return true
		}
	}
	return false
}

// actHead reports whether the head of a line names an act: the first occurrence
// in head of "arrete", "deliberation" or "decision" starts it or follows a space.
// The places of their first bytes are found eight bytes at a time, in order, so
// that the first match of each keyword is the first occurrence strings.Index gives.
func actHead(head string) bool {
	var seen [3]bool // keywords met: only their first occurrence counts
	for i := 0; i < len(head); i += 8 {
		for m := bytes2(head, i, 'a', 'd'); m != 0; m &= m - 1 {
			if p := i + bits.TrailingZeros64(m)>>3; actKeyword(head, p, &seen) {
				return true
			}
		}
	}
	return false
}

// actKeyword is actHead at p, a place of an 'a' or a 'd' (or, rarely, of another
// byte: see bytes2), seen the keywords met before.
func actKeyword(head string, p int, seen *[3]bool) bool {
	k := -1
	switch {
	case strings.HasPrefix(head[p:], "arrete"):
		k = 0
	case strings.HasPrefix(head[p:], "deliberation"):
		k = 1
	case strings.HasPrefix(head[p:], "decision"):
		k = 2
	}
	if k < 0 || seen[k] {
		return false
	}
	seen[k] = true
	return p == 0 || head[p-1] == ' '
}

// isActBoilerplateLine reports whether a trimmed, folded line is a formality of an
// act: the budget imputation of its credits ("Les crédits sont inscrits au chapitre
// 65 du budget"), whose words say nothing of the act's subject.
func isActBoilerplateLine(line string) bool {
	if len(line) > 300 {
		return false
	}
	if !hasCreditsOrDepense(line) {
		return false
	}
	verb := false
	for _, w := range []string{"impute", "imputee", "imputation", "inscrit", "prelev"} {
		if strings.Contains(line, w) {
			verb = true
			break
		}
	}
	return verb && (strings.Contains(line, "budget") || strings.Contains(line, "chapitre"))
}

// isOperativeLine reports whether a trimmed, folded line opens the operative part
// of an act ("ARRÊTE", "DÉCIDE, à l'unanimité :", "DÉLIBÈRE"): one per act, so that
// a recueil of several acts is not judged by its whole length.
func isOperativeLine(line string) bool {
	if line == "" || line[0] != 'a' && line[0] != 'd' {
		return false // every form below starts with one of these
	}
	n := len(line)
	for n > 0 && (line[n-1] == ' ' || line[n-1] == ':' || line[n-1] == '.' || line[n-1] == '*') {
		n-- // strings.TrimRight(line, " :.*")
	}
	line = line[:n]
	switch line {
	case "arrete", "arretent", "arretons", "decide", "decident", "delibere", "deliberent":
		return true
	}
	return len(line) <= 40 && (strings.HasPrefix(line, "decide,") || strings.HasPrefix(line, "arrete,") ||
		strings.HasPrefix(line, "delibere,") || strings.HasPrefix(line, "decide a l'unanimite"))
}

// isContactLine reports whether a trimmed, folded line gives a contact: an e-mail
// address or a telephone number ("Direction de l'aménagement – 03 22 97 37 37").
// The service it names is an address, not a subject.
func isContactLine(line string) bool {
	if at := strings.IndexByte(line, '@'); at > 0 && strings.Contains(line[at:], ".") {
		return true
	}
	// Five groups of two digits: a French telephone number.
	groups := 0
	for i := 0; i+1 < len(line); {
		if groups == 0 {
			// Most of a line is not digits: skip them eight bytes at a time, to
			// the first digit.
			for i+8 <= len(line) {
				if m := digits8(load64(line, i)); m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					break
				}
				i += 8
			}
			if i+1 >= len(line) {
				break
			}
		}
		if !themeDigit(line[i]) { // the common case, first
			groups = 0
			i++
			continue
		}
		if themeDigit(line[i+1]) && (i == 0 || !themeDigit(line[i-1])) && (i+2 == len(line) || !themeDigit(line[i+2])) {
			groups++
			if groups == 5 {
				return true
			}
			i += 2
			for i < len(line) && (line[i] == ' ' || line[i] == '.') {
				i++
			}
			continue
		}
		groups = 0
		i++
	}
	return false
}

func themeDigit(c byte) bool { return '0' <= c && c <= '9' }

// load64 returns the 8 bytes of s from i, little-endian (one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// hasDigit8 reports whether one of the 8 bytes of x is an ASCII digit.
func hasDigit8(x uint64) bool { return digits8(x) != 0 }

// digits8 has the high bit of the first byte of x that is an ASCII digit set, and
// no bit set when there is none. XOR with '0' maps the digits, and only them, to
// the bytes below 10; (y - 10) &^ y has the high bit of a byte set where y has a
// byte below 10: exactly at the first such byte (no borrow comes from the bytes
// below it), perhaps also above it, where a borrow reaches.
func digits8(x uint64) uint64 {
	const ones = 0x0101010101010101
	y := x ^ '0'*ones
	return (y - 10*ones) &^ y & (0x80 * ones)
}

// zeroByte8 is digits8 for the zero bytes of y: the high bit of the first one set.
func zeroByte8(y uint64) uint64 {
	const ones = 0x0101010101010101
	return (y - ones) &^ y & (0x80 * ones)
}

// bytes2 has the high bit set of the bytes a and b of s[i:i+8] (of s[i:] when
// shorter), and perhaps of a few others above them (see zeroByte8), which the
// caller checks.
func bytes2(s string, i int, a, b byte) uint64 {
	const ones = 0x0101010101010101
	if i+8 <= len(s) {
		x := load64(s, i)
		return zeroByte8(x^uint64(a)*ones) | zeroByte8(x^uint64(b)*ones)
	}
	var m uint64
	for k := i; k < len(s); k++ {
		if s[k] == a || s[k] == b {
			m |= 0x80 << (8 * (k - i))
		}
	}
	return m
}

// hasCreditsOrDepense reports whether s contains "credits" or "depense": it
// compares them only where a 'c' or a 'd' is, found eight bytes at a time. Short
// lines with a 'c' or a 'd' every few bytes cost strings.Contains more.
func hasCreditsOrDepense(s string) bool {
	for i := 0; i < len(s); i += 8 {
		for m := bytes2(s, i, 'c', 'd'); m != 0; m &= m - 1 {
			r := s[i+bits.TrailingZeros64(m)>>3:]
			if strings.HasPrefix(r, "credits") || strings.HasPrefix(r, "depense") {
				return true
			}
		}
	}
	return false
}

// A themeSegment is a run of a sentence's tokens between clause marks (a comma,
// a semicolon, a colon, a parenthesis, a dash), "et" and list fillers ("ou
// encore", "ainsi que"): an item when the sentence enumerates.
type themeSegment struct {
	first, n   int32 // first token, tokens
	sent       int32
	mark       uint8 // what opens it: segSoft, segColon or segHard
	aside      bool  // a token is in an aside that lists examples or in a formal line (boilerplate, "Vu …", contact)
	mFirst, mN int32 // its matches in the matches slice
}

// The marks that open a segment: a comma, a semicolon, "et" or a filler word
// separate the items of a list; a colon opens it; a parenthesis, a dash, a
// quote or a new sentence ends it.
const (
	segSoft uint8 = iota
	segColon
	segHard
)

// maxItemWords is the most content words of a segment that can be an item of an
// enumeration ("la transition écologique", "investissement dans les routes").
const maxItemWords = 4

// boostEnumerations gives the weight of list items (@enum) to the theme terms
// heading the items of an enumeration in running text: three short segments or
// more in a row in one sentence, separated by commas, semicolons, "et" or list
// fillers, two thirds of them (and two or more) headed by a theme term ("en
// matière de logement, de mobilité, de transition énergétique et de numérique";
// "des projets : investissement dans les routes départementales, construction
// et rénovation de collèges"). The segment just before the run counts as its
// first item when a term ends it ("… en matière de commerce"). When three items
// or more are a theme term and nothing else ("la santé, la formation, les
// mobilités, le numérique"), the sentence lists topics and its terms weigh
// @topics. Examples in parentheses and formal lines are not boosted; a
// parenthesis, a dash or a new sentence ends a run, so that a programme's name
// before its acronym is not a list.
func (sc *scanner) boostEnumerations(ms []themeMatch) {
	set := &sc.th.set
	if len(ms) < 2 || set.enum <= 1 && set.topics <= 1 {
		return
	}
	segs := sc.segments(ms)
	for a := 0; a < len(segs); {
		b := a
		for b < len(segs) && segs[b].n <= maxItemWords && !segs[b].aside && (b == a || segs[b].mark == segSoft) {
			b++
		}
		if b == a {
			a++
			continue
		}
		if b-a >= 3 {
			sc.boostRun(ms, segs, a, b)
		}
		a = b
	}
}

// segments returns the segments of the scanned tokens (built by word) with their
// matches.
func (sc *scanner) segments(ms []themeMatch) []themeSegment {
	segs := sc.segs
	p := 0 // matches and segments are in text order: one walk pairs them
	for i := range ms {
		first := ms[i].first
		for p < len(segs) && segs[p].first+segs[p].n <= first {
			p++
		}
		if p == len(segs) {
			break
		}
		if sg := &segs[p]; sg.first <= first {
			if sg.mFirst < 0 {
				sg.mFirst, sg.mN = int32(i), 1
			} else {
				sg.mN++
			}
		}
	}
	return segs
}

// boostRun boosts the items of the run of short segments [a, b) if it is an
// enumeration (see boostEnumerations).
func (sc *scanner) boostRun(ms []themeMatch, segs []themeSegment, a, b int) {
	set := &sc.th.set
	matched, bare, total := 0, 0, b-a
	head := func(sg *themeSegment, tail bool) (ok, isBare bool) {
		for i := sg.mFirst; sg.mFirst >= 0 && i < sg.mFirst+sg.mN; i++ {
			m := &ms[i]
			if sc.th.entries[m.entry].theme < 0 || m.contribution <= 0 {
				continue
			}
			end := m.last == sg.first+sg.n
			if tail && end || !tail && isItemHead(m, sg) {
				return true, m.first == sg.first && end
			}
		}
		return false, false
	}
	intro := a > 0 && segs[a].mark != segHard && !segs[a-1].aside
	if intro {
		if ok, _ := head(&segs[a-1], true); ok {
			matched++
			total++
		} else {
			intro = false
		}
	}
	for k := a; k < b; k++ {
		if ok, isBare := head(&segs[k], false); ok {
			matched++
			if isBare {
				bare++
			}
		}
	}
	if matched < 2 || 3*matched < 2*total {
		return
	}
	f := set.enum
	if bare >= 3 {
		f = max(f, set.topics)
	}
	boost := func(sg *themeSegment, tail bool) {
		for i := sg.mFirst; sg.mFirst >= 0 && i < sg.mFirst+sg.mN; i++ {
			m := &ms[i]
			end := m.last == sg.first+sg.n
			if sc.th.entries[m.entry].theme < 0 || m.emph || !(tail && end || !tail && isItemHead(m, sg)) {
				continue
			}
			m.contribution *= f
			m.emph = true
		}
	}
	if intro {
		boost(&segs[a-1], true)
	}
	for k := a; k < b; k++ {
		boost(&segs[k], false)
	}
}

// isItemHead reports whether match m heads segment sg as an item names its
// subject: it starts at one of its first three words and covers half its words or
// more ("la mobilité", "rénovation de collèges", not "incubateur consacré aux
// entreprises culturelles").
func isItemHead(m *themeMatch, sg *themeSegment) bool {
	return m.first <= sg.first+2 && 2*(m.last-m.first) >= sg.n
}

// tokenIs reports whether token k is the folded word w.
func (sc *scanner) tokenIs(k int, w string) bool {
	tk := &sc.toks[k]
	return sc.s[tk.start:tk.end] == w
}
