package read

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/extract/lex"
	"terril/extract/text"
)

// RepairLineBreaks joins words that the fast reader cut with line breaks ("2 d\né\ncembre"
// → "2 décembre"), where that is safe: the pieces, joined, make a French word, at
// least one of them is not a word, and the piece after the break starts with a lower-
// case letter. Up to four pieces are joined; pieces in between must be whole lines of
// letters. It returns the text and the number of joins made.
func RepairLineBreaks(s string) (string, int) {
	if !strings.Contains(s, "\n") {
		return s, 0
	}
	lines := strings.Split(s, "\n")
	ws := lex.French()
	joins := 0
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		cur := lines[i]
		for i+1 < len(lines) {
			head := trailingLetters(cur)
			if head == "" {
				break
			}
			m := joinAhead(ws, head, lines[i+1:])
			if m == 0 {
				break
			}
			for k := 1; k <= m; k++ {
				cur += lines[i+k]
			}
			joins += m
			i += m
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n"), joins
}

// joinAhead returns how many of the next lines join onto head to make a word, or 0.
func joinAhead(ws *lex.WordList, head string, next []string) int {
	word := head
	allWords := len([]rune(head)) > 1 && ws.Has(text.Fold(head))
	for m := 1; m <= 3 && m <= len(next); m++ {
		line := next[m-1]
		lead := leadingLetters(line)
		if lead == "" {
			return 0
		}
		if r, _ := utf8.DecodeRuneInString(lead); !unicode.IsLower(r) {
			return 0
		}
		word += lead
		if len([]rune(lead)) < 2 || !ws.Has(text.Fold(lead)) {
			allWords = false
		}
		if !allWords && ws.Has(text.Fold(word)) {
			return m
		}
		if lead != line {
			// The line goes on after its first word: nothing further can join.
			return 0
		}
	}
	return 0
}

func trailingLetters(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return s[i:]
}

func leadingLetters(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return s[:i]
}
