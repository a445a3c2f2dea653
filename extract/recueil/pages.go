package recueil

import (
	"fmt"
	"unicode/utf8"

	"terril/corpus"
)

// PageTexts cuts a paged document's text back into its pages' texts. Readers join
// the pages' normalised texts with a blank line, skipping the empty ones, and record
// each page's length in runes (corpus.Page.Chars): the text is walked page by page
// with those lengths. A page not read gets "". The error says where the text and the
// lengths disagree (a reader that joins pages otherwise).
func PageTexts(text string, pages []corpus.Page) ([]string, error) {
	out := make([]string, len(pages))
	off := 0
	for i, p := range pages {
		if p.Chars <= 0 {
			continue
		}
		if off > 0 {
			if len(text)-off < 2 || text[off:off+2] != "\n\n" {
				return nil, fmt.Errorf("page %d: text does not continue with a blank line at byte %d", p.Number, off)
			}
			off += 2
		}
		start := off
		for n := 0; n < p.Chars; n++ {
			if off >= len(text) {
				return nil, fmt.Errorf("page %d: text ends before its %d characters", p.Number, p.Chars)
			}
			_, w := utf8.DecodeRuneInString(text[off:])
			off += w
		}
		out[i] = text[start:off]
	}
	if off != len(text) {
		return nil, fmt.Errorf("%d bytes of text after the last page", len(text)-off)
	}
	return out, nil
}
