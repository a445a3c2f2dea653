package read

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/text"
)

// Gate thresholds. A page passes when its text holds what its content promises and
// reads as French text.
const (
	// gateMaxReplacement is the largest share of U+FFFD and control characters.
	gateMaxReplacement = 0.002
	// gateMaxNonWords is the largest share of word letters in tokens that are not
	// French words (see NonWordShare). Correct pages of administrative French measure
	// 0–9 % (names, abbreviations, technical terms); words glued together and wrong
	// encodings measure 15–60 %.
	gateMaxNonWords = 0.12
	// gateMaxGlued is the largest share of tokens that are words glued to numbers
	// and words ("AIGALIERS30001LA", "374du29avril2004"): table cells or words whose
	// separating space the fast reader lost.
	gateMaxGlued = 0.03
	// gateMinTokens is the number of word tokens below which NonWords says nothing.
	gateMinTokens = 20
	// gateMaxSplitShare is the largest share of word tokens that were found cut by a
	// line break: beyond it the page's layout cuts words more often than the
	// dictionary can safely repair.
	gateMaxSplitShare = 0.02
	// gateMaxBrokenShare is the largest share of a page's lines that break a sentence
	// apart (see BrokenLines), counted from gateMinBroken of them: the fast reader
	// starts a line at every text object, and some producers draw each run of a line
	// as its own object, so "Le\n16 MAI\n\n2025" or "Sud\n-\nAvesnois" come out
	// of a page whose text is otherwise right. Correct pages measure 0–3 %; such
	// pages 8–80 %.
	gateMaxBrokenShare = 0.08
	gateMinBroken      = 3
	// gateMinParsedOps is the smallest share of the text-showing operators found by a
	// plain scan of the content that the content parser must have seen: fewer means it
	// stopped early on something it could not parse, and the rest of the page is lost.
	gateMinParsedOps = 0.9
	// gateMinCharsPerOp is the fewest characters a text-showing operator yields on
	// average; fewer means text is drawn in a way the fast reader does not decode.
	gateMinCharsPerOp = 0.5
)

// GatePage computes the quality figures of a page's text read by the fast reader,
// which reads the page's own content streams only, and says whether it passes:
//   - no Form XObject on the page shows text (the fast reader never reads them);
//   - the content parser saw at least gateMinParsedOps of the text-showing operators
//     a plain scan finds (it did not stop early);
//   - at least gateMinCharsPerOp characters per text-showing operator;
//   - some text when the page has content (PageContent.RawBytes, Unresolved), and
//     no content stream read as empty while it holds bytes (LostStreams);
//   - at most gateMaxReplacement of U+FFFD and control characters;
//   - at most gateMaxNonWords of word letters in tokens that are not French words
//     (Gate.NonWords, see NonWordShare);
//   - at most gateMaxGlued of alphanumeric tokens glued letters-digits-letters;
//   - at most gateMaxSplitShare of word tokens found cut by line breaks (splits is
//     the number RepairLineBreaks joined);
//   - at most gateMaxBrokenShare of its lines breaking a sentence apart (BrokenLines).
func GatePage(text string, splits int, c PageContent) corpus.Gate {
	g, _ := gatePage(text, splits, c)
	return g
}

// gatePage is GatePage with the reasons a page fails, for the page's note.
func gatePage(s string, splits int, c PageContent) (corpus.Gate, []string) {
	g := c.gate()
	bad := 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		g.Chars++
		if r == utf8.RuneError || unicode.IsControl(r) {
			bad++
		}
	}
	if g.Chars > 0 {
		g.Replacement = round4(float64(bad) / float64(g.Chars))
	}
	share, tokens := text.NonWordShare(s)
	g.NonWords = round4(share)
	glued, alnum := gluedTokens(s)
	g.SplitWords = splits
	var why []string
	if c.FormTextOps > 0 {
		why = append(why, fmt.Sprintf("text in Form XObjects (%d text operators)", c.FormTextOps))
	}
	if float64(c.TextOps) < gateMinParsedOps*float64(c.RawTextOps) {
		why = append(why, fmt.Sprintf("content parsed up to %d of %d text operators", c.TextOps, c.RawTextOps))
	}
	if ops := max(c.TextOps, c.RawTextOps); float64(g.Chars) < gateMinCharsPerOp*float64(ops) {
		why = append(why, fmt.Sprintf("%d characters for %d text operators", g.Chars, ops))
	}
	if g.Chars == 0 && (c.RawBytes > 0 || c.Unresolved) {
		// A content stream the fast reader could not decode (a Length of 0, a
		// broken reference) reads as an empty page; another reader may read it.
		why = append(why, fmt.Sprintf("no text from %d bytes of content", c.RawBytes))
	}
	if c.LostStreams > 0 {
		why = append(why, fmt.Sprintf("%d content streams of Length 0 hold bytes", c.LostStreams))
	}
	if g.Replacement > gateMaxReplacement {
		why = append(why, fmt.Sprintf("%.1f %% U+FFFD or control characters", 100*g.Replacement))
	}
	if tokens >= gateMinTokens && g.NonWords > gateMaxNonWords {
		why = append(why, fmt.Sprintf("%.0f %% of word letters outside French words", 100*g.NonWords))
	}
	if alnum >= gateMinTokens && float64(glued) > gateMaxGlued*float64(alnum) {
		why = append(why, fmt.Sprintf("%d of %d tokens glued", glued, alnum))
	}
	if tokens >= gateMinTokens && float64(splits) > gateMaxSplitShare*float64(tokens) {
		why = append(why, fmt.Sprintf("%d words cut by line breaks", splits))
	}
	broken, lines := BrokenLines(s)
	g.BrokenLines = broken
	if broken >= gateMinBroken && float64(broken) > gateMaxBrokenShare*float64(lines) {
		why = append(why, fmt.Sprintf("%d of %d lines break a sentence apart", broken, lines))
	}
	g.Pass = len(why) == 0
	return g, why
}

// BrokenLines counts the non-blank lines of text that break a sentence apart, and the
// non-blank lines: a line of punctuation alone ("-", ",", "?") between two lines, and
// a line starting with a lower-case letter or with punctuation that closes or
// continues a sentence (",", ".", ")"…) after a blank line, when the line before
// the blank did not end a sentence or a heading (".", "!", "?", ":", ";", "»", ")").
// Correct text, even with a blank line between paragraphs, has almost none.
func BrokenLines(text string) (broken, lines int) {
	prev := "" // the last non-blank line
	blank := false
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSpace(line)
		if line == "" {
			blank = true
			continue
		}
		lines++
		r, _ := utf8.DecodeRuneInString(line)
		switch {
		case prev != "" && len(text) > 0 && punctOnly(line):
			broken++
		case blank && prev != "" && !endsSentence(prev) && (unicode.IsLower(r) || strings.ContainsRune(",.;:?!)…»", r)):
			broken++
		}
		prev, blank = line, false
	}
	return broken, lines
}

// punctOnly reports whether line is one to three punctuation marks and nothing else.
func punctOnly(line string) bool {
	n := 0
	for _, r := range line {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
		n++
	}
	return n <= 3
}

// endsSentence reports whether a line ends a sentence, a heading's label or a quote.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".!?:;»)", r)
}

func round4(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return f
}

// gluedTokens counts the alphanumeric tokens of a text and those among them that run
// letters, then digits, then letters, or are longer than 30 characters: word glued to
// numbers and words, which French text does not write.
func gluedTokens(text string) (glued, tokens int) {
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		tokens++
		if utf8.RuneCountInString(tok) > 30 {
			glued++
			continue
		}
		// States: 0 start, 1 letters, 2 digits after letters, 3 letters after those.
		state := 0
		for _, r := range tok {
			isL := unicode.IsLetter(r)
			switch {
			case state <= 1 && isL:
				state = 1
			case state == 1 && !isL:
				state = 2
			case state == 2 && isL:
				state = 3
			}
		}
		if state == 3 {
			glued++
		}
	}
	return glued, tokens
}
