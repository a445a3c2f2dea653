package index

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetCut is the mark Bleve's highlighter puts where a fragment cuts the text.
const snippetCut = "…"

// wordBoundaries trims an HTML snippet to whole words: where the highlighter cut
// the text (a leading or trailing "…") inside a word, the piece of word goes, so
// that "…ovation des quais coûte 8 mill…" reads "…des quais coûte 8…". A piece
// holding a match is kept.
func wordBoundaries(s string) string {
	if rest, ok := strings.CutPrefix(s, snippetCut); ok {
		s = snippetCut + trimHead(rest)
	}
	if rest, ok := strings.CutSuffix(s, snippetCut); ok {
		s = trimTail(rest) + snippetCut
	}
	return s
}

// trimHead drops a partial word at the start of s.
func trimHead(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if !isWordRune(r) {
		return s
	}
	i := strings.IndexAny(s, " \n\t")
	if i < 0 || strings.Contains(s[:i], "<") || strings.TrimSpace(s[i:]) == "" {
		return s
	}
	return strings.TrimLeft(s[i:], " \n\t")
}

// trimTail drops a partial word at the end of s.
func trimTail(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if !isWordRune(r) {
		return s
	}
	i := strings.LastIndexAny(s, " \n\t")
	if i < 0 || strings.Contains(s[i:], ">") || strings.TrimSpace(s[:i]) == "" {
		return s
	}
	return strings.TrimRight(s[:i], " \n\t")
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
