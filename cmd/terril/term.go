package main

import (
	"html"
	"io"
	"os"
	"strings"
	"unicode"
)

// termText makes s safe to print on one line of a terminal, whatever a file name, a
// title or a server put in it: line breaks and tabs become spaces, every other
// control character (ESC, BEL, DEL, C1, the bidirectional overrides) becomes
// U+FFFD, so that no escape sequence reaches the terminal and no hit spreads over
// lines that look like others; runs of spaces are one.
func termText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f':
			return ' '
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029':
			return '\uFFFD'
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// terminalSnippet turns an HTML snippet (escaped text, matches in <mark>) into text
// for a terminal: matches in bold and underlined, or between [[ ]] without color
// (« » would read as the French quotes of the text itself). The text between the
// marks goes through termText: the document's own characters never make sequences.
func terminalSnippet(s string, color bool) string {
	open, close := "[[", "]]"
	if color {
		open, close = "\x1b[1;4m", "\x1b[0m"
	}
	var b strings.Builder
	for i, part := range strings.Split(s, "<mark>") {
		if i > 0 {
			b.WriteString(open)
		}
		in, after, marked := strings.Cut(part, "</mark>")
		if !marked {
			in, after = "", part
		}
		if marked {
			b.WriteString(termPart(in))
			b.WriteString(close)
		}
		b.WriteString(termPart(after))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// termPart is termText for a piece of a line, keeping its spaces at the ends.
func termPart(s string) string {
	t := termText(html.UnescapeString(s))
	if t == "" {
		if s != "" {
			return " "
		}
		return ""
	}
	if strings.TrimLeft(s, " \n\t") != s {
		t = " " + t
	}
	if strings.TrimRight(s, " \n\t") != s {
		t += " "
	}
	return t
}

// oneLine is termText, under the name other commands know it by.
func oneLine(s string) string { return termText(s) }

// useColor reports whether w is a terminal that may get escape sequences: not when
// NO_COLOR is set (https://no-color.org) or TERM is "dumb".
func useColor(w io.Writer) bool {
	return isTerminal(w) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}
