package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// DefaultMaxText is the most text one document contributes by default: what is
// extracted, indexed and stored, in bytes of normalised text. A longer document is
// indexed truncated, with a problem saying so (see IsTruncation): a 200 MB text
// file would otherwise take gigabytes to index and seconds to every search it
// matches. Two MB is a recueil des actes of several hundred pages.
const DefaultMaxText = 2 << 20

// truncatedMsg starts the problem of a document whose text was cut.
const truncatedMsg = "text truncated"

// IsTruncation reports whether a problem of a document says its text was cut.
func IsTruncation(problem string) bool { return strings.HasPrefix(problem, truncatedMsg) }

// maxText resolves a MaxText setting: 0 is the default, a negative value no limit.
func maxText(n int) int {
	switch {
	case n == 0:
		return DefaultMaxText
	case n < 0:
		return -1
	}
	return n
}

// rawLimit is how many bytes of a file named name are worth reading for a text cap
// of limit bytes (-1: all). Plain text gives at least as much text as bytes read after
// normalisation (a margin for the spaces it folds); HTML is markup as much as text.
// A PDF is read whole: its cross-reference table is at its end.
func rawLimit(name string, limit int) int64 {
	if limit < 0 {
		return -1
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md":
		return int64(limit) + int64(limit)/2
	case ".html", ".htm", ".xhtml":
		return 8 * int64(limit)
	}
	return -1
}

// capText cuts text to at most max bytes, at a line or word boundary near the end
// when there is one, never inside a character. It returns the text and whether it
// cut.
func capText(text string, limit int) (string, bool) {
	if limit < 0 || len(text) <= limit {
		return text, false
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	const window = 1024 // how far back a boundary is looked for
	from := max(0, cut-window)
	if i := strings.LastIndexByte(text[from:cut], '\n'); i >= 0 {
		cut = from + i + 1
	} else if i := strings.LastIndexByte(text[from:cut], ' '); i >= 0 {
		cut = from + i + 1
	}
	return text[:cut], true
}

// cutRaw cuts the beginning of a file read up to a limit back to a character
// boundary, so that a UTF-8 text does not end in a broken sequence (which would
// make it read as another charset).
func cutRaw(data []byte) []byte {
	for i := 0; i < utf8.UTFMax && len(data) > 0; i++ {
		r, size := utf8.DecodeLastRune(data)
		if r != utf8.RuneError || size > 1 {
			return data
		}
		if data[len(data)-1] < utf8.RuneSelf {
			return data
		}
		data = data[:len(data)-1]
	}
	return data
}

// mb formats a size in mebibytes (the unit of --max-text) for problems.
func mb(n int64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }
