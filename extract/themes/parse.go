package themes

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"terril/extract/text"
	"unicode/utf8"
)

// A SyntaxError reports a bad line of a theme lexicon.
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse parses a theme lexicon (the format is described at the top of the
// embedded themes.tsv). Errors name the line; all bad lines are reported, joined.
func Parse(data []byte) (*Themes, error) {
	if !utf8.Valid(data) {
		return nil, &SyntaxError{Line: firstInvalidLine(data), Msg: "invalid UTF-8"}
	}
	th := &Themes{
		stemID: map[string]int32{},
		byWord: map[string][]int32{},
		cores:  map[uint32][]string{},
		short:  map[uint32]bool{},
		inner:  map[string]bool{},
		memo:   new([memoSlots]atomic.Pointer[memoEntry]),
		words:  new([memoSlots]memoSlot),
		set:    defaultSettings,
	}
	ps := &parser{th: th, themeIndex: map[string]int{}, seen: map[entryKey]int{}, settingSeen: map[string]int{}}
	for n, line := range strings.Split(string(data), "\n") {
		n++
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '@':
			ps.setting(n, line)
		default:
			ps.entry(n, line)
		}
	}
	if len(ps.errs) > 0 {
		return nil, joinErrors(ps.errs)
	}
	if len(th.ids) == 0 {
		return nil, &SyntaxError{Line: 1, Msg: "no theme term"}
	}
	th.index()
	return th, nil
}

// parser is the state of Parse.
type parser struct {
	th          *Themes
	themeIndex  map[string]int   // theme id → index in th.ids
	seen        map[entryKey]int // → entry index
	settingSeen map[string]int   // setting → line
	errs        []error
}

// entryKey identifies an entry: two spellings with the same stems are one.
type entryKey struct {
	theme int
	mode  matchMode
	words string
}

func (ps *parser) bad(line int, format string, args ...any) {
	ps.errs = append(ps.errs, &SyntaxError{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// setting reads the setting line n ("@threshold 3").
func (ps *parser) setting(n int, line string) {
	name, val, _ := strings.Cut(line[1:], "\t")
	if i := strings.IndexAny(line[1:], " \t"); i >= 0 {
		name, val = line[1:1+i], line[1+i:]
	}
	val = strings.TrimSpace(val)
	f := ps.th.set.field(name)
	if f == nil {
		ps.bad(n, "unknown setting @%s", name)
		return
	}
	if prev, ok := ps.settingSeen[name]; ok {
		ps.bad(n, "setting @%s already given on line %d", name, prev)
		return
	}
	ps.settingSeen[name] = n
	v, err := strconv.ParseFloat(val, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		ps.bad(n, "setting @%s: %q is not a non-negative number", name, val)
		return
	}
	*f = v
}

// entry reads the lexicon line n: THEME WEIGHT TERM [FLAGS].
func (ps *parser) entry(n int, line string) {
	theme, rest, ok := cutField(line)
	if !ok {
		ps.bad(n, "want THEME WEIGHT TERM, got %q", line)
		return
	}
	wstr, term, ok := cutField(rest)
	if !ok || term == "" {
		ps.bad(n, "want THEME WEIGHT TERM, got %q", line)
		return
	}
	if !validThemeID(theme) {
		ps.bad(n, "bad theme id %q (lower-case letters, digits and hyphens, or - for a stop phrase)", theme)
		return
	}
	weight, err := strconv.ParseFloat(wstr, 64)
	if err != nil || weight < 0 || weight > 100 || math.IsNaN(weight) {
		ps.bad(n, "bad weight %q (a number from 0 to 100)", wstr)
		return
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
				ps.bad(n, "unknown flag %q (want case or exact)", f)
			}
		}
		term = strings.TrimSpace(term[:i])
	} else if strings.ContainsAny(term, "[]") {
		ps.bad(n, "flags must be a [group] at the end of the line")
		return
	}
	words, gaps := termWords(term, mode)
	if len(words) == 0 {
		ps.bad(n, "term %q has no word to match (only small words like de, la, et)", term)
		return
	}
	ti := -1
	if theme != "-" {
		var ok bool
		if ti, ok = ps.themeIndex[theme]; !ok {
			ti = len(ps.th.ids)
			ps.themeIndex[theme] = ti
			ps.th.ids = append(ps.th.ids, theme)
		}
	}
	k := entryKey{ti, mode, strings.Join(words, " ")}
	if i, ok := ps.seen[k]; ok {
		// Two spellings with the same stems ("éducation", "éducatif"): keep one,
		// with the larger weight.
		ps.th.entries[i].weight = max(ps.th.entries[i].weight, weight)
		return
	}
	ps.seen[k] = len(ps.th.entries)
	ps.th.entries = append(ps.th.entries, themeEntry{theme: ti, weight: weight, term: term, words: words, gaps: gaps, mode: mode})
}

// index fills the lookup tables of th from its entries: stem ids, the entries
// each stem or word starts (longest first), the stems' cores (see mayStemTo).
func (th *Themes) index() {
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
				first = text.Fold(first)
			}
			th.byWord[first] = append(th.byWord[first], int32(i))
			for _, w := range e.words {
				th.inner[text.Fold(w)] = true
			}
		}
	}
	longestFirst := func(list []int32) {
		sort.SliceStable(list, func(a, b int) bool {
			return len(th.entries[list[a]].words) > len(th.entries[list[b]].words)
		})
	}
	th.singles = make([]int32, len(th.byStem))
	for id, list := range th.byStem {
		longestFirst(list)
		k := len(list)
		for k > 0 && len(th.entries[list[k-1]].words) == 1 {
			k--
		}
		th.singles[id] = int32(k)
	}
	th.wordIdx = make(map[string]int32, len(th.byWord))
	for w, list := range th.byWord {
		longestFirst(list)
		th.wordIdx[w] = int32(len(th.wordLists))
		th.wordLists = append(th.wordLists, list)
	}
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
		src = text.Fold(term)
	}
	forWords(src, func(i, j int) {
		w := src[i:j]
		if isStopWord(text.Fold(w)) {
			return
		}
		switch mode {
		case modeStem:
			w = stemWord(w)
		}
		words = append(words, w)
	})
	return words, termGaps(text.Fold(term))
}

// termGaps returns the gaps between the words of the folded term s that are
// not stop words, as termWords.
func termGaps(s string) uint64 {
	var gaps uint64
	n, prevEnd, gap := 0, -1, false
	forWords(s, func(i, j int) {
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
