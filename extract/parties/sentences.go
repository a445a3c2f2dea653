package parties

import (
	"sort"
	"strings"
)

// sentencesAt returns, in order, the sentences that hold one of the byte offsets
// offs (sorted), as [start, end) token ranges. Sentences end at a full stop, a
// question or exclamation mark (not after a civility or an initial), at a blank
// line, at a line break after a colon or a semicolon, and before a bullet; the line
// breaks that open a sentence are not in it. Where a sentence ends depends only on
// the tokens next to its end, so only the tokens around each offset are read.
func (ps *peopleScanner) sentencesAt(offs []int) [][2]int {
	var out [][2]int
	n := len(ps.toks)
	for _, x := range offs {
		if m := len(out); m > 0 && x < int(ps.toks[out[m-1][1]-1].e) {
			continue // in the last sentence found
		}
		// The last token that starts at or before x, and the tokens from the end
		// of the sentence before it to the end of its own.
		t := sort.Search(n, func(k int) bool { return int(ps.toks[k].s) > x }) - 1
		if t < 0 {
			continue
		}
		a := t
		for a > 0 && !ps.endsSentence(a-1) {
			a--
		}
		e := t
		for e < n-1 && !ps.endsSentence(e) {
			e++
		}
		b := e + 1
		for a < b && ps.toks[a].kind == ptNewline {
			a++
		}
		if a < b && int(ps.toks[a].s) <= x && x < int(ps.toks[b-1].e) {
			out = append(out, [2]int{a, b})
		}
	}
	return out
}

// endsSentence reports whether token i ends a sentence (see sentencesAt).
func (ps *peopleScanner) endsSentence(i int) bool {
	switch ps.toks[i].kind {
	case ptNewline:
		prev := ""
		if i > 0 && ps.toks[i-1].kind == ptPunct {
			prev = ps.word(i - 1)
		}
		next := ""
		if i+1 < len(ps.toks) && ps.toks[i+1].kind != ptWord {
			next = ps.word(i + 1)
		}
		blank := next == "\n"
		if blank {
			// Text from PDFs doubles every line break: a blank line ends a sentence
			// only before a capital or after a final mark.
			nx := i + 1
			for nx < len(ps.toks) && ps.toks[nx].kind == ptNewline {
				nx++
			}
			blank = nx >= len(ps.toks) || ps.toks[nx].kind != ptWord || ps.toks[nx].cas != pcLower ||
				i > 0 && ps.toks[i-1].kind != ptWord
		}
		return blank || prev == "." || prev == ":" || prev == ";" || prev == "!" || prev == "?" ||
			next == "-" || next == "•" || next == "*" || next == "–" || next == "—" || ps.lineOpensSentence(i)
	case ptPunct:
		switch ps.word(i) {
		case ".":
			return !(i > 0 && ps.isWord(i-1) && (ps.toks[i-1].cas == pcInitial || ps.civility(i-1) == 2))
		case "!", "?", ";":
			return true
		}
	}
	return false
}

// lineOpensSentence reports whether the line break at token i, after a line that
// ends without a mark on a capitalised word or a number (a caption, a photo
// credit, a heading), opens a sentence: the next line starts with a capitalised
// determiner or pronoun ("CD92/JEAN DUPONT⏎Le 2 juin, …"), which a sentence wrapped
// across lines would not write with a capital.
func (ps *peopleScanner) lineOpensSentence(i int) bool {
	if i == 0 || i+1 >= len(ps.toks) || ps.toks[i+1].cas != pcTitle || !sentenceOpeners.has(ps.folded(i+1)) {
		return false
	}
	prev := &ps.toks[i-1]
	return prev.kind == ptWord && prev.cas != pcLower ||
		prev.kind == ptPunct && ps.t.S[prev.s] >= '0' && ps.t.S[prev.s] <= '9'
}

// sentenceOpeners start a sentence when written with a capital at the start of a
// line.
var sentenceOpeners = tableOf("le", "la", "les", "l'", "un", "une", "ce", "cet", "cette", "ces", "il", "elle",
	"ils", "elles", "nous", "on", "en", "au", "aux", "depuis", "apres", "lors", "pour", "c'est")

// signTriggers returns the sorted byte offsets in the text of the stems that may
// report a signature ("sign", "officialis", "paraph", "ratifi").
// The offsets are appended to the scanner's slice, reused for each document
// (they are read at once by the caller).
func (ps *peopleScanner) signTriggers() []int {
	f := ps.t.Folded
	out := ps.triggers[:0]
	for _, st := range signStems {
		out = indexAll(out, f, st.stem, st.anchor)
	}
	for k, i := range out {
		out[k], _ = ps.t.Orig(i, i)
	}
	sort.Ints(out)
	ps.triggers = out
	return out
}

// signStems are the stems of signTriggers, each with the offset in it of a part
// whose first letter is rare in French, to look for first (see indexAll).
var signStems = []struct {
	stem   string
	anchor int
}{{"sign", 2}, {"officialis", 1}, {"paraph", 5}, {"ratifi", 4}}

// indexAll appends to out the offsets in f of the occurrences of stem, which
// overlaps no other occurrence of itself: it looks for stem[anchor:], which begins
// with a rarer letter than stem, and checks what comes before it. The result is
// the same as with strings.Index from each end of match onwards.
func indexAll(out []int, f, stem string, anchor int) []int {
	tail := stem[anchor:]
	for off := 0; ; {
		j := strings.Index(f[off:], tail)
		if j < 0 {
			return out
		}
		j += off
		off = j + len(tail)
		if i := j - anchor; i >= 0 && f[i:j] == stem[:anchor] {
			out = append(out, i)
		}
	}
}

// containsAnchored is strings.Contains(f, sub), looking for sub[anchor:] first
// (sub[anchor:] overlaps no other occurrence of itself).
func containsAnchored(f, sub string, anchor int) bool {
	tail := sub[anchor:]
	for off := 0; ; {
		j := strings.Index(f[off:], tail)
		if j < 0 {
			return false
		}
		j += off
		off = j + len(tail)
		if i := j - anchor; i >= 0 && f[i:j] == sub[:anchor] {
			return true
		}
	}
}
