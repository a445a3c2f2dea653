package fundings

import (
	"sort"
	"strings"
	"terril/extract/lex"
	"unicode"
	"unicode/utf8"
)

// isBullet reports whether a punctuation token starts a list item.
func isBullet(w string) bool {
	switch w {
	case "-", "•", "–", "—", "▪", "*", "·", "◦", "►", "▲":
		return true
	}
	return false
}

// isSentenceEnd: punctuation that may close a sentence.
func isSentenceEnd(w string) bool {
	switch w {
	case ".", "!", "?", "…":
		return true
	}
	return false
}

// isLineEnd: the tokens after which a line break closes a sentence.
func isLineEnd(w string) bool {
	switch w {
	case ".", "!", "?", ":", ";", "»", "…", "\"":
		return true
	}
	return false
}

// A layout gives, per token, its sentence and paragraph, and per sentence its
// token range.
type layout struct {
	sentOf, paraOf []int
	sents          [][2]int // token ranges [start, end)
	paras          [][2]int
	bullet         []bool // per paragraph: a list item
}

// breaksBefore reports whether a sentence starts at token k.
func breaksBefore(toks []token, k int) bool {
	if k == 0 {
		return true
	}
	t, p := &toks[k], &toks[k-1]
	if t.nl {
		if p.w == ":" && t.word && !t.upper {
			return false // "… rues commerçantes :⏎612 000 €": the line goes on
		}
		return t.upper || !p.word && isLineEnd(p.w) || !t.word && (isBullet(t.w) || t.w == "«")
	}
	if !p.word && isSentenceEnd(p.w) && t.start > p.end {
		return t.upper || !t.word && t.w != "," && t.w != ")"
	}
	return false
}

// newLayout lays out toks, in b's arrays when they are large enough.
func newLayout(toks []token, b *buffers) *layout {
	if cap(b.sentOf) < len(toks) {
		b.sentOf, b.paraOf = make([]int, len(toks)), make([]int, len(toks))
	}
	l := &b.lay // read during the call only
	*l = layout{sentOf: b.sentOf[:len(toks)], paraOf: b.paraOf[:len(toks)], sents: b.sents[:0],
		paras: b.paras[:0], bullet: b.bullet[:0]}
	defer func() { b.sents, b.paras, b.bullet = l.sents, l.paras, l.bullet }()
	s, p := 0, 0
	sentOf, paraOf := l.sentOf, l.paraOf
	prevWord := false
	for k := range toks {
		t := &toks[k]
		// Most tokens follow a word on the same line: no break, no call.
		if prevWord && !t.nl && k < len(sentOf) && k < len(paraOf) {
			prevWord = t.word
			sentOf[k], paraOf[k] = s, p
			continue
		}
		prevWord = t.word
		if breaksBefore(toks, k) {
			if len(l.sents) > 0 {
				l.sents[len(l.sents)-1][1] = k
			}
			l.sents = append(l.sents, [2]int{k, len(toks)})
			if k == 0 || toks[k].nl {
				if len(l.paras) > 0 {
					l.paras[len(l.paras)-1][1] = k
				}
				l.paras = append(l.paras, [2]int{k, len(toks)})
				l.bullet = append(l.bullet, !toks[k].word && isBullet(toks[k].w))
			}
		}
		s, p = len(l.sents)-1, len(l.paras)-1
		l.sentOf[k], l.paraOf[k] = s, p
	}
	return l
}

// tokenAt returns the index of the first token that ends after byte offset off.
func tokenAt(toks []token, off int) int {
	return sort.Search(len(toks), func(k int) bool { return int(toks[k].end) > off })
}

// textOf returns the original text of tokens [i, j).
func textOf(text string, toks []token, i, j int) string {
	if i >= j || j > len(toks) {
		return ""
	}
	return text[toks[i].start:toks[j-1].end]
}

// endsAt reports whether a phrase of m ends right before token k, or before the
// up to skip articles in front of it, and returns where it starts.
func endsAt(toks []token, k, skip int, m *matcher) (int, bool) {
	kk := k
	for s := 0; s < skip && kk > 0 && lex.FundingArticles.Has(toks[kk-1].w); s++ {
		kk--
	}
	for end := kk; end <= k; end++ {
		for st := end - 1; st >= 0 && st >= end-m.maxLen; st-- {
			if !m.admitsKey(toks[st].key) {
				continue
			}
			if idx, n := m.at(toks, st); idx >= 0 && st+n == end {
				return st, true
			}
		}
	}
	return -1, false
}

// findIn returns the token index of the first phrase of m in [i, j), or -1.
func findIn(toks []token, i, j int, m *matcher) (at, n int) {
	return findFrom(toks, i, j, j, m)
}

// findFrom returns the first phrase of m that starts in [i, j) and ends by limit.
func findFrom(toks []token, i, j, limit int, m *matcher) (at, n int) {
	for k := max(i, 0); k < j && k < len(toks); k++ {
		if !m.admitsKey(toks[k].key) {
			continue // at would say no: skipped without the call
		}
		if idx, n := m.at(toks, k); idx >= 0 && k+n <= limit {
			return k, n
		}
	}
	return -1, 0
}

// clean trims a phrase of the text of spaces, punctuation and quotes at its ends
// (cleanCut) and joins its lines.
func clean(s string) string {
	if !needsJoin(s) {
		return trimCut(s)
	}
	s = strings.Join(strings.Fields(s), " ")
	return trimCut(s)
}

// cleanCut holds the characters clean trims at the ends of a phrase.
const cleanCut = " ,;:.«»\"()-–"

// asciiCut tells the ASCII characters of cleanCut, derived from it.
var asciiCut = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = strings.ContainsRune(cleanCut, rune(c))
	}
	return t
}()

// trimCut is strings.Trim(s, cleanCut), which for a cutset with non-ASCII runes
// searches the cutset for every rune it reads: an ASCII byte is told by asciiCut.
func trimCut(s string) string {
	for len(s) > 0 { // the right end first, as strings.Trim
		r, n := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(s)
		}
		if !inCut(r) {
			break
		}
		s = s[:len(s)-n]
	}
	for len(s) > 0 {
		r, n := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s)
		}
		if !inCut(r) {
			break
		}
		s = s[n:]
	}
	return s
}

// inCut reports whether r is one of cleanCut's characters.
func inCut(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiCut[r]
	}
	return strings.ContainsRune(cleanCut, r)
}

// needsJoin reports whether strings.Fields would change s: a space other than a
// lone ' ' between two words, or any byte of a non-ASCII rune (kept simple).
func needsJoin(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !joinLook[c] {
			continue // most bytes: a letter, a digit, punctuation
		}
		switch {
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return true // U+00A0, U+2009…
			}
			i += n - 1
		case c == ' ':
			if s[i+1] == ' ' {
				return true
			}
		default:
			return true // '\t', '\n', '\v', '\f', '\r'
		}
	}
	return false
}

// joinLook holds the bytes needsJoin looks at: white space and the bytes of the
// non-ASCII runes.
var joinLook = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
	}
	return t
}()
