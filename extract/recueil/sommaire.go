package recueil

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"terril/extract"
)

// An entry is one act listed by a sommaire.
type entry struct {
	id, title string
	count     int // "(N pages)", 0 when not given
	page      int // printed start page ("Page N"), 0 when not given
	closed    bool
	leader    bool // a table of contents' line: title, dot leaders, page
}

// sommaireScan is how many first pages may start a sommaire.
const sommaireScan = 6

var (
	sommaireHead = regexp.MustCompile(`^(sommaire|table des matieres)\b`)
	pageLabel    = regexp.MustCompile(`^(?i)page\s+(\d{1,4})$`)
	// pageCount ends an entry: "(2 pages)", with its page after it when a reader
	// keeps the right-hand column on the line ("(2 pages) Page 4").
	pageCount = regexp.MustCompile(`\((\d{1,4})\s*pages?\)(?:\s*[Pp]age\s+(\d{1,4}))?\s*$`)
	// entryStart is a sommaire line opening an entry: "ID - title", possibly after a
	// dash ("- DDT-SAER 2025125-0001 - Arrêté du 5 mai 2025…"). The identifier is the
	// text before the first " - ".
	entryStart = regexp.MustCompile(`^(?:[-–•]\s+)?(\S[^\n]{0,60}?)\s+[-–]\s+(\S.*)$`)
	// leaderLine is a table of contents' line ending in dot leaders and a page
	// ("Arrêté n° 2024-031 portant … ........ 12", "… p. 12").
	leaderLine = regexp.MustCompile(`^(.*?\S)\s*(?:\.{3,}|…{2,}|_{3,})\s*(?:p(?:age)?\.?\s*)?(\d{1,4})$`)
	// deptID is the identifier préfectures give acts in their recueils: département
	// or région (R84), date, number ("83-2025-07-15-00005", "2A-2024-…",
	// "R06-2025-04-07-00003").
	deptID = regexp.MustCompile(`\b(R?\d{2,3}|2[AB])-(\d{4})-(\d{2})-(\d{2})-\d{3,6}\b`)
)

// sommairePages returns the 0-based indexes of the sommaire's pages: a page among the
// first ones headed "Sommaire", and the pages after it that go on listing entries.
func sommairePages(pages []string) []int {
	for i := 0; i < len(pages) && i < sommaireScan; i++ {
		if !headedSommaire(pages[i]) {
			continue
		}
		som := []int{i}
		for j := i + 1; j < len(pages); j++ {
			if !listsEntries(pages[j]) {
				break
			}
			som = append(som, j)
		}
		return som
	}
	return nil
}

// headedSommaire reports whether one of a page's first lines is "Sommaire".
func headedSommaire(p string) bool {
	n := 0
	for _, l := range lines(p) {
		if l == "" {
			continue
		}
		if sommaireHead.MatchString(extract.Fold(l)) {
			return true
		}
		if n++; n >= 4 {
			return false
		}
	}
	return false
}

// listsEntries reports whether a page goes on with a sommaire: it has page labels
// and entry lines, and no signature block.
func listsEntries(p string) bool {
	labels, starts := 0, 0
	for _, l := range lines(p) {
		switch {
		case pageLabel.MatchString(l):
			labels++
		case leaderLine.MatchString(l):
			labels++
			starts++
		case isEntryStart(l):
			starts++
		case signatureLine(l):
			return false
		}
	}
	return labels > 0 && starts > 0
}

// isEntryStart reports whether l opens a sommaire entry, and returns its parts.
func entryParts(l string) (id, rest string, ok bool) {
	m := entryStart.FindStringSubmatch(l)
	if m == nil {
		return "", "", false
	}
	id = m[1]
	if strings.Count(id, " ") > 3 || !strings.ContainsAny(id, "0123456789") {
		return "", "", false
	}
	return id, m[2], true
}

func isEntryStart(l string) bool {
	_, _, ok := entryParts(l)
	return ok
}

// readSommaire returns the entries of the recueil's sommaire and its pages
// (1-based). Labels "Page N" go to the entries in order, whether each follows its
// entry or they come grouped after a page's entries (a reader taking the right-hand
// column apart).
func readSommaire(pages []string) ([]entry, []int) {
	idx := sommairePages(pages)
	if idx == nil {
		return nil, nil
	}
	var es []entry
	label := 0 // entries before it have a page
	for _, i := range idx {
		for _, l := range lines(pages[i]) {
			if l == "" {
				continue
			}
			if m := pageLabel.FindStringSubmatch(l); m != nil {
				n, _ := strconv.Atoi(m[1])
				for label < len(es) && es[label].page > 0 {
					label++ // its page was on its line
				}
				if label < len(es) {
					es[label].page = n
					es[label].closed = true
					label++
				}
				continue
			}
			open := len(es) > 0 && !es[len(es)-1].closed
			if open && es[len(es)-1].leader || !open && headingWord(l) && !isEntryStart(l) {
				if !open {
					es = append(es, entry{leader: true})
				}
				leaderEntry(&es[len(es)-1], l)
				continue
			}
			if id, rest, ok := entryParts(l); ok && (!open || deptID.MatchString(id)) {
				if open {
					es[len(es)-1].closed = true
				}
				es = append(es, entry{id: strings.TrimSpace(id)})
				addTitle(&es[len(es)-1], rest)
				continue
			}
			if open {
				addTitle(&es[len(es)-1], l)
			}
		}
	}
	som := make([]int, len(idx))
	for k, i := range idx {
		som[k] = i + 1
	}
	return es, som
}

// leaderEntry adds a line to a table of contents' entry, closing it on the line
// ending in dot leaders and a page; its identifier is the one its title gives.
func leaderEntry(e *entry, l string) {
	m := leaderLine.FindStringSubmatch(l)
	if m != nil {
		l = m[1]
	}
	if e.title != "" {
		e.title += " "
	}
	e.title += l
	if m == nil {
		return
	}
	e.page, _ = strconv.Atoi(m[2])
	e.closed = true
	if id := deptID.FindString(e.title); id != "" {
		e.id = id
	} else if n := headingNumber.FindStringSubmatch(e.title); n != nil {
		e.id = n[1]
	}
}

// addTitle adds a line to an entry's title and closes it on "(N pages)".
func addTitle(e *entry, l string) {
	if e.title != "" {
		e.title += " "
	}
	e.title += l
	if m := pageCount.FindStringSubmatchIndex(e.title); m != nil {
		e.count, _ = strconv.Atoi(e.title[m[2]:m[3]])
		if m[4] >= 0 {
			e.page, _ = strconv.Atoi(e.title[m[4]:m[5]])
		}
		e.title = strings.TrimSpace(e.title[:m[0]])
		e.closed = true
	}
}

// compact is s folded with only its letters and digits: identifiers compare so
// across the spellings of a sommaire and a page ("SPBA2025126-0001", "N°SPBA
// 2025126-0001").
func compact(s string) string {
	f := extract.Fold(s)
	b := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		if c := f[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// minIDLen is the shortest compacted identifier searched for on pages: shorter
// ones would be found by chance.
const minIDLen = 8

// idPages returns, for each entry, the 1-based pages from page from (0-based) on
// that name its identifier, and the first of them (0 when none).
func idPages(pages []string, es []entry, from int) (on [][]int, found []int) {
	cp := make([]string, len(pages))
	for i := from; i < len(pages); i++ {
		cp[i] = compact(pages[i])
	}
	on, found = make([][]int, len(es)), make([]int, len(es))
	for k, e := range es {
		if c := compact(e.id); len(c) >= minIDLen {
			for i := from; i < len(pages); i++ {
				if strings.Contains(cp[i], c) {
					on[k] = append(on[k], i+1)
				}
			}
		}
		if len(on[k]) > 0 {
			found[k] = on[k][0]
		}
	}
	return on, found
}

// fromSommaire places the sommaire's entries on the PDF's pages.
func (r *Recueil) fromSommaire(pages []string, es []entry) {
	from := after(r.Sommaire) // 0-based index of the first page after the sommaire
	on, found := idPages(pages, es, from)
	r.Offset = calibrate(pages, es, found)
	prev := from // acts start after the sommaire and after each other
	for k, e := range es {
		first := 0
		if e.page > 0 {
			first = e.page + r.Offset
		}
		// The identifier should be on the page the sommaire gives (a separator page,
		// the act's heading, a running footer); an act citing another names it
		// earlier, so the sommaire's page is kept when it names it.
		if len(on[k]) > 0 && !slices.Contains(on[k], first) {
			j := slices.IndexFunc(on[k], func(p int) bool { return p > prev })
			if first > 0 {
				r.Problems = append(r.Problems, fmt.Sprintf("act %s: sommaire page %d (PDF %d) does not name it", e.id, e.page, first))
			}
			if j >= 0 && (first == 0 || first <= prev || first > len(pages)) {
				first = on[k][j]
			}
		} else if len(on[k]) == 0 && len(compact(e.id)) >= minIDLen {
			r.Problems = append(r.Problems, fmt.Sprintf("act %s: identifier not found on the pages", e.id))
		}
		if first <= prev || first > len(pages) {
			r.Problems = append(r.Problems, fmt.Sprintf("act %s: no page found", e.id))
			continue
		}
		r.Acts = append(r.Acts, Act{ID: e.id, Title: e.title, FirstPage: first, Printed: e.count})
		prev = first
	}
	r.close(len(pages))
}

// calibrate returns the offset from printed to PDF pages: the commonest of the
// differences between where each identifier first appears and where the sommaire
// puts it, else of those between pages and the numbers printed at their foot, else 0.
func calibrate(pages []string, es []entry, found []int) int {
	votes := map[int]int{}
	for k, e := range es {
		if e.page > 0 && found[k] > 0 {
			votes[found[k]-e.page]++
		}
	}
	if len(votes) == 0 {
		for i, p := range pages {
			if n, ok := footNumber(p); ok {
				votes[i+1-n]++
			}
		}
	}
	best, bestN := 0, 0
	for off, n := range votes {
		if n > bestN || n == bestN && abs(off) < abs(best) {
			best, bestN = off, n
		}
	}
	return best
}

// footNumber returns the number a page's last line prints, if it is one.
func footNumber(p string) (int, bool) {
	ls := lines(strings.TrimSpace(p))
	if len(ls) == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(ls[len(ls)-1])
	return n, err == nil && n > 0 && n < 10000
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// close sets each act's page count from the next act's start, checks it against
// the sommaire's count and marks separator pages.
func (r *Recueil) close(n int) {
	for k := range r.Acts {
		a := &r.Acts[k]
		last := n
		if k+1 < len(r.Acts) {
			last = r.Acts[k+1].FirstPage - 1
		}
		a.Pages = last - a.FirstPage + 1
		switch {
		case a.Printed == 0:
		case a.Pages == a.Printed+1:
			a.Separator = true
		case a.Pages != a.Printed:
			r.Problems = append(r.Problems, fmt.Sprintf("act %s: sommaire gives %d pages, PDF pages %d-%d", a.ID, a.Printed, a.FirstPage, last))
		}
	}
}
