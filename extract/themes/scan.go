package themes

import (
	"slices"
	"strings"
	"terril/extract/text"
	"unicode/utf8"
)

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

const itemHead = 8 // content words of an item that count as its head

type scanner struct {
	th      *Themes
	t       *text.Text
	s       string       // folded text
	lx      []text.Token // its tokens (text.Lex)
	next    int          // the next token of lx to scan
	toks    []themeToken
	quotes  []themeQuote
	sents   []sentenceInfo
	matches []themeMatch   // match's result, kept to be lent back
	segs    []themeSegment // the segments of the tokens, built by word (see boostEnumerations)
	lastEnd []int32        // match's end of the last match of each theme
	best    []int32        // match's entries of the longest match at a token

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

// scan walks the tokens of s (folded), line by line, and records the context of
// every word.
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
		for sc.next < len(sc.lx) && int(sc.lx[sc.next].S) < i {
			sc.next++ // the tokens of a blank line skipped (Unicode spaces)
		}
		sc.lineStart(i, le, line)
		sc.reserve((le-i+1)/2 + 1)
		sc.scanLine(le)
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

// reserve makes room for m more tokens and segments, so that word never grows them:
// scan reserves for each line as many as it may have words, at most half its bytes
// and one (two words have a byte between them, or wordAt would have joined them).
func (sc *scanner) reserve(m int) {
	if cap(sc.toks)-len(sc.toks) < m {
		sc.toks = slices.Grow(sc.toks, max(m, len(sc.toks)/4+8))
	}
	if cap(sc.segs)-len(sc.segs) < m {
		sc.segs = slices.Grow(sc.segs, max(m, len(sc.segs)/4+8))
	}
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
	} else if st.blankBefore && isHeadingLine(line) && sc.blankAfter(le) && sc.headingWords(le) && sc.startsUpper(i) {
		// The tests are pure; isHeadingLine, which reads only the line, goes first.
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
		st.actBP = isActBoilerplateLine(line) || isContactLine(line, sc.s, sc.lx[sc.next:], le)
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

// scanLine scans the tokens of the line ending at le of sc.s, from sc.next. Most
// tokens are a word or a number alone, or ASCII punctuation: they are taken here,
// and wordAt joins the others.
func (sc *scanner) scanLine(le int) {
	s, lx := sc.s, sc.lx
	k := sc.next
	for k < len(lx) && int(lx[k].S) < le {
		t := &lx[k]
		i, j := int(t.S), int(t.E)
		if t.Kind == text.Punct {
			if c := s[i]; c < utf8.RuneSelf {
				sc.punct(i, 1, c, 0)
				k++
				continue
			}
		}
		next := k + 1
		if t.Kind == text.Punct || next < len(lx) && lx[next].Gap == text.GapNone && !asciiStop(s, &lx[next]) {
			var ok bool
			var end int32
			if ok, end, next = wordAt(s, lx, k); !ok {
				r, _ := utf8.DecodeRuneInString(s[i:j])
				sc.punct(i, j-i, s[i], r)
				k = next
				continue
			}
			j = int(end)
		}
		k = next
		if n := j - i; n <= 8 && i+8 <= len(s) {
			// scanWord's most common case, without the call.
			sc.st.lastWordEnd = j
			k0 := load64(s, i) & (1<<(8*n) - 1)
			if stops.has(n, k0, "") { // "" is not read: n <= 8
				if k0 == etKey {
					sc.st.gap, sc.st.segBreak = true, true
				}
				continue
			}
			stem, list, class := sc.th.wordInfo8(s[i:j], k0)
			sc.word(i, j, stem, list, class)
			continue
		}
		if n := j - i; n <= 16 && i+16 <= len(s) {
			// scanWord's case of nine to sixteen bytes, the same way ("et" has two).
			sc.st.lastWordEnd = j
			k0, k1 := load64(s, i), load64(s, i+8)&(1<<(8*(n-8))-1)
			if !stops.has(n, k0, s[i:j]) {
				stem, list, class := sc.th.wordInfo16(s[i:j], k0, k1)
				sc.word(i, j, stem, list, class)
			}
			continue
		}
		sc.scanWord(i, j)
	}
	sc.next = k
}

// asciiStop reports whether the token t, glued to a word before it, is ASCII
// punctuation that ends the word (all but '&', see wordAt): the common case, told
// without wordAt.
func asciiStop(s string, t *text.Token) bool {
	return t.Kind == text.Punct && s[t.S] < utf8.RuneSelf && s[t.S] != '&'
}

// scanWord records the word [i, j) of sc.s, unless it is a stop word ("et" keeps
// the words around it apart). scanLine takes most words of up to eight bytes
// itself, the same way.
func (sc *scanner) scanWord(i, j int) {
	s := sc.s
	sc.st.lastWordEnd = j
	if n := j - i; n > memoKey {
		if w := s[i:j]; !stops.has(n, 0, w) {
			stem, list, class := sc.th.wordInfoLong(w)
			sc.word(i, j, stem, list, class)
		}
		return
	}
	k0, k1, k2 := wordKey(s, i, j)
	if stops.has(j-i, k0, s[i:j]) {
		if k0 == etKey {
			sc.st.gap, sc.st.segBreak = true, true
		}
		return
	}
	stem, list, class := sc.th.wordInfoKey(s[i:j], k0, k1, k2)
	sc.word(i, j, stem, list, class)
}

// headingWords reports whether the line ending at le, whose tokens start at
// sc.next, has as many words as a heading: from 1 to maxHeadingWords.
func (sc *scanner) headingWords(le int) bool {
	n := 0
	for k := sc.next; k < len(sc.lx) && int(sc.lx[k].S) < le && n <= maxHeadingWords; {
		ok, _, next := wordAt(sc.s, sc.lx, k)
		if ok {
			n++
		}
		k = next
	}
	return n > 0 && n <= maxHeadingWords
}
