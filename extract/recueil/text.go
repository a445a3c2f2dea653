package recueil

import (
	"regexp"
	"strings"
	"unicode"
)

// runningLines returns the lines that recur on many pages of the recueil (digits
// ignored): running headers and footers ("recueil n°070 du 07/05/2025").
func runningLines(pages []string) map[string]bool {
	if len(pages) < 4 {
		return nil
	}
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, l := range lines(p) {
			k := lineKey(l)
			if k != "" && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	out := map[string]bool{}
	for k, n := range count {
		if n >= 3 && 2*n >= len(pages) {
			out[k] = true
		}
	}
	return out
}

// lineKey is a line without its digits and spaces: page numbers and dates vary.
func lineKey(l string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, l)
}

// footerZone is how many last non-empty lines of a page may hold its footer.
const footerZone = 6

// actText joins an act's pages without their running lines, the footer naming the
// act's identifier and the page numbers.
func actText(pages []string, a *Act, running map[string]bool) string {
	var b strings.Builder
	id := compact(a.ID)
	for i := a.FirstPage - 1; i < a.FirstPage-1+a.Pages && i < len(pages); i++ {
		ls := lines(pages[i])
		end := len(ls)
		if len(id) >= minIDLen {
			// The footer starts at the last line naming the identifier, near the end.
			for k, seen := len(ls)-1, 0; k >= 0 && seen < footerZone; k-- {
				if ls[k] == "" {
					continue
				}
				seen++
				if strings.Contains(compact(ls[k]), id) {
					end = k
					break
				}
			}
		}
		for _, l := range ls[:end] {
			if len(running) > 0 && running[lineKey(l)] {
				continue
			}
			if _, ok := footNumber(l); ok && strings.TrimSpace(l) == l && len(l) <= 3 {
				continue
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return tightenBlocks(strings.TrimSpace(b.String()))
}

// blockLines is how many lines a signature block holds at most; blockLineLen the
// longest of them (a longer line is prose again).
const (
	blockLines   = 8
	blockLineLen = 90
)

// signedLine is the "Signé" before a signer's name.
var signedLine = regexp.MustCompile(`^(?i)sign[ée]\s*:?\s*`)

// tightenBlocks removes the blank lines inside signature blocks: readers often set
// each line of a block apart ("Toulon, le 7 juillet 2025\n\nPour le préfet et par
// délégation,\n\nSigné\n\nLucien GIUDICELLI"), and a blank line ends the
// paragraph in which extract's signatories look for the signing name.
func tightenBlocks(text string) string {
	ls := strings.Split(text, "\n")
	out := ls[:0]
	in := 0 // lines of the block under way still to tighten
	for _, l := range ls {
		t := strings.TrimSpace(l)
		switch {
		case signedLine.MatchString(t):
			// the name follows "Signé" on its line or on the next one: the block ends there
			in = 0
			if signedLine.FindString(t) == t {
				in = 1
			}
		case signatureLine(t) || isDateLine(t):
			in = blockLines
		case in > 0 && t == "":
			continue
		case in > 0 && len(t) > blockLineLen:
			in = 0
		case in > 0:
			in--
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
