package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the text every extractor works on and every offset refers to:
//
//   - Unicode NFC;
//   - \r\n and \r become \n; control characters other than \n and \t are dropped;
//   - non-breaking, narrow and other Unicode spaces and tabs become a plain space, and
//     runs of spaces collapse to one; spaces at the end of a line are dropped;
//   - typographic apostrophes (’ ‘ ʼ ′ ´) become ', and hyphen-like characters
//     (‐ ‑ ‒) become -; en and em dashes are kept;
//   - ligatures are expanded (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ), but œ and æ are French letters and stay;
//   - soft hyphens, zero-width spaces and byte-order marks are dropped;
//   - a word cut by line-break hyphenation ("dévelop-\npement") is joined
//     ("développement"); a compound whose second part starts with a capital
//     ("Porte-du-\nHainaut") keeps its hyphen ("Porte-du-Hainaut");
//   - more than one blank line collapses to one.
//
// Normalize is idempotent.
func Normalize(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false  // a space is pending
	newlines := 0   // newlines pending
	atStart := true // nothing written yet
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			r = '\n'
		case r == utf8.RuneError && n == 1:
			r = '\uFFFD'
		}
		if r == '\n' {
			space = false
			newlines++
			continue
		}
		if isSpace(r) {
			space = true
			continue
		}
		if dropped(r) {
			continue
		}
		// Line-break hyphenation: the builder ends with "<letter>-" and newlines are
		// pending before a letter.
		if newlines > 0 && unicode.IsLetter(r) && endsWithHyphenatedWord(b.String()) && newlines <= 2 {
			str := b.String()
			if unicode.IsLower(r) && !unicode.IsUpper(lastLetterBefore(str)) {
				// A word cut in two: drop the hyphen.
				b.Reset()
				b.WriteString(str[:len(str)-1])
			}
			newlines = 0
			space = false
		}
		if !atStart {
			if newlines > 0 {
				if newlines > 2 {
					newlines = 2
				}
				for ; newlines > 0; newlines-- {
					b.WriteByte('\n')
				}
			} else if space {
				b.WriteByte(' ')
			}
		}
		newlines, space, atStart = 0, false, false
		if rep, ok := replacement(r); ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u00A0', '\u202F', '\u2007', '\u2009', '\u200A', '\u2002', '\u2003',
		'\u2004', '\u2005', '\u2006', '\u2008', '\u205F', '\u3000', '\u1680', '\v', '\f':
		return true
	}
	return false
}

func dropped(r rune) bool {
	switch r {
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		return true
	}
	return r < 0x20 || (r >= 0x7F && r < 0xA0)
}

func replacement(r rune) (string, bool) {
	switch r {
	case '’', '‘', 'ʼ', '′', '´', '‛':
		return "'", true
	case '‐', '‑', '‒':
		return "-", true
	case 'ﬁ':
		return "fi", true
	case 'ﬂ':
		return "fl", true
	case 'ﬀ':
		return "ff", true
	case 'ﬃ':
		return "ffi", true
	case 'ﬄ':
		return "ffl", true
	case 'ﬅ', 'ﬆ':
		return "st", true
	case '\u2028', '\u2029':
		return "\n", true
	}
	return "", false
}

// endsWithHyphenatedWord reports whether s ends with a letter followed by '-'.
func endsWithHyphenatedWord(s string) bool {
	if !strings.HasSuffix(s, "-") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return unicode.IsLetter(r)
}

// lastLetterBefore returns the first letter of the last hyphen-separated part before
// the trailing hyphen: for "Porte-du-" it is 'd', for "Saint-" it is 'S'.
func lastLetterBefore(s string) rune {
	s = s[:len(s)-1]
	start := len(s)
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= n
	}
	r, _ := utf8.DecodeRuneInString(s[start:])
	return r
}
