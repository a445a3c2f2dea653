package recueil

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/extract"
)

// headZone is how many non-empty lines open a page: an act's heading is there.
// maxIDLine is the longest line holding an identifier alone ("N° 83-2025-…").
const (
	headZone  = 10
	maxIDLine = 40
)

// kindWords maps the folded first word of a heading or title to the act's kind.
var kindWords = map[string]string{
	"arrete": KindArrete, "arretes": KindArrete,
	"decision": KindDecision, "decisions": KindDecision,
	"recepisse": KindRecepisse, "recepisses": KindRecepisse,
	"deliberation": KindDeliberation, "deliberations": KindDeliberation,
	"convention": KindConvention, "conventions": KindConvention, "avenant": KindConvention,
	"avis": KindOther, "circulaire": KindOther, "decret": KindOther,
}

var (
	// verbLine is the operative verb of an act ("ARRÊTE :", "DÉCIDE"), not a heading.
	verbLine = regexp.MustCompile(`^(ARR[ÊE]TE|Arr[êe]te|arr[êe]te|D[ÉE]CIDE|D[ée]cide|CONSTATE|Constate)\s*:?$`)
	// sigLine opens a signature block.
	sigLine = regexp.MustCompile(`^(?i)(fait [àa] |sign[ée](\s|:|$)|pour (le|la) (pr[ée]f[èe]te?|ministre|directeur|directrice|sous-pr[ée]f[èe]te?)\b|(le|la) (pr[ée]f[èe]te?|sous-pr[ée]f[èe]te?)\s*,|(le|la) (pr[ée]f[èe]te?|sous-pr[ée]f[èe]te?)$)`)
	// dateLine is a dateline: "Fait à Toulon, le 4 juillet 2025", "Toulon, le 7 juillet 2025".
	dateLine = regexp.MustCompile(`^([Ff]ait [àa] |FAIT [ÀA] |\p{Lu}[\p{L}' -]{1,40}, le \d)`)
	// headingNumber is the number a heading gives its act ("ARRÊTÉ N° 2025-12-DDT").
	headingNumber = regexp.MustCompile(`(?i)\bn\s*[°º]\s*([A-Z0-9][A-Za-z0-9/._-]*[A-Za-z0-9])`)
)

// sigFirst holds the first letters (lower-cased) of sigLine's openers: fait,
// signé, pour, le, la. Other lines skip the regexp (see TestLineFilters).
const sigFirst = "fspl"

// signatureLine reports whether a trimmed line opens a signature block.
func signatureLine(l string) bool {
	if l == "" || strings.IndexByte(sigFirst, l[0]|0x20) < 0 {
		return false
	}
	return sigLine.MatchString(l)
}

// isDateLine reports whether a trimmed line is a dateline; every dateline opens
// with a capital letter, which other lines skip the regexp on.
func isDateLine(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return unicode.IsUpper(r) && dateLine.MatchString(l)
}

// kindOf returns the kind its first kind word gives a title or heading ("494-2025-
// recepisse declaration…" → recepisse), "" when it has none among its first words.
func kindOf(s string) string {
	n := 0
	for _, w := range strings.FieldsFunc(extract.Fold(s), func(r rune) bool { return r < 'a' || r > 'z' }) {
		if k, ok := kindWords[w]; ok {
			return k
		}
		if n++; n >= 6 {
			break
		}
	}
	return ""
}

// head is what the head of a page says: an identifier, a heading.
type head struct {
	id      string // a deptID identifier standing as a header line
	heading int    // index in ls of the heading line, -1 when none
	ls      []string
}

// pageHead reads the head of a page: its first non-empty lines.
func pageHead(p string) head {
	h := head{heading: -1}
	for _, l := range lines(p) {
		if l == "" {
			continue
		}
		h.ls = append(h.ls, l)
		if len(h.ls) > headZone {
			break
		}
		k := len(h.ls) - 1
		// A running footer names the identifier between dashes; a header line holds it alone.
		dash := strings.IndexByte(l, '-') >= 0 // identifiers and entries have one
		if h.id == "" && dash && len(l) <= maxIDLine {
			if m := deptID.FindStringIndex(l); m != nil && len(l) <= m[1]-m[0]+4 {
				h.id = l[m[0]:m[1]]
			}
		}
		if h.heading < 0 && headingWord(l) && !verbLine.MatchString(l) {
			h.heading = k
		}
		// A separator page may announce the act as its sommaire entry does:
		// "DDT-SAER 2025125-0001 - Arrêté du 5 mai 2025 portant…".
		if !dash || h.id != "" || h.heading >= 0 {
			continue
		}
		if id, rest, ok := entryParts(l); ok && kindOf(firstWords(rest, 1)) != "" {
			h.id, h.heading = strings.TrimPrefix(id, "- "), k
		}
	}
	return h
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// headingWord reports whether a line opens with the name of a kind of act, as a
// heading does: first word a kind word, line short or in capitals.
func headingWord(l string) bool {
	f := strings.Fields(l)
	if len(f) == 0 {
		return false
	}
	if _, ok := kindWords[strings.Trim(extract.Fold(f[0]), ".:,")]; !ok {
		return false
	}
	return len(f) <= 12 || strings.ToUpper(f[0]) == f[0]
}

// fromHeaders finds the acts of a recueil without a sommaire, from page from
// (0-based) to the last of pages: a page whose head holds an identifier or a heading starts an act,
// unless it carries the identifier of the act under way or that act has not been
// closed by a signature block yet.
func (r *Recueil) fromHeaders(pages []string, from int) {
	var cur *Act
	signed := false
	listing := false // in a sommaire, whose pages list headings and start no act
	for i := from; i < len(pages); i++ {
		if headedSommaire(pages[i]) {
			listing = true
		} else if listing && actBody(pages[i]) {
			listing = false
		}
		if listing {
			continue
		}
		h := pageHead(pages[i])
		start := false
		switch {
		case h.id == "" && h.heading < 0:
		case cur == nil:
			start = true
		case h.id != "" && cur.ID != "":
			start = h.id != cur.ID
		default:
			start = signed
		}
		if start {
			r.Acts = append(r.Acts, Act{ID: h.id, FirstPage: i + 1})
			cur, signed = &r.Acts[len(r.Acts)-1], false
			cur.Title = headingTitle(h)
		} else if cur != nil {
			if cur.ID == "" {
				cur.ID = h.id
			}
			if cur.Title == "" || cur.FirstPage == i && short(pages[cur.FirstPage-1]) {
				if t := headingTitle(h); t != "" && cur.Title == "" {
					cur.Title = t
				}
			}
		}
		if cur != nil && hasSignature(pages[i]) {
			signed = true
		}
	}
	r.close(len(pages))
	for k := range r.Acts {
		a := &r.Acts[k]
		a.Separator = a.Pages > 1 && short(pages[a.FirstPage-1]) && !hasSignature(pages[a.FirstPage-1])
		if a.ID == "" {
			if m := headingNumber.FindStringSubmatch(a.Title); m != nil {
				a.ID = m[1]
			}
		}
	}
}

// headingTitle is a heading and the lines after it up to the first of the text
// ("Vu…", "Le préfet…"), at most four lines; else the lines after the identifier.
func headingTitle(h head) string {
	k := h.heading
	if k < 0 {
		if h.id == "" {
			return ""
		}
		for k = 0; k < len(h.ls) && !strings.Contains(h.ls[k], h.id); k++ {
		}
		k++
	}
	var b []string
	for ; k < len(h.ls) && len(b) < 4; k++ {
		l := h.ls[k]
		if id, rest, ok := entryParts(l); ok && len(b) == 0 && strings.TrimPrefix(id, "- ") == h.id {
			l = rest
		}
		f := extract.Fold(l)
		if textStart(f) || verbLine.MatchString(l) || deptID.MatchString(l) {
			break
		}
		b = append(b, l)
	}
	return strings.Join(b, " ")
}

// textOpeners are the folded first words of the lines that follow an act's heading
// and title: its authority ("Le préfet de…"), visas, articles.
var textOpeners = []string{"le ", "la ", "les ", "vu ", "vu,", "article", "considerant", "sur proposition", "sur la proposition"}

// textStart reports whether a folded line opens the text after a heading.
func textStart(f string) bool {
	for _, w := range textOpeners {
		if strings.HasPrefix(f, w) {
			return true
		}
	}
	return false
}

// actBody reports whether a page holds an act's text: visas, articles, a signature.
func actBody(p string) bool {
	for _, l := range lines(p) {
		f := extract.Fold(l)
		if strings.HasPrefix(f, "vu ") || strings.HasPrefix(f, "vu,") || strings.HasPrefix(f, "article") || strings.HasPrefix(f, "considerant") || signatureLine(l) {
			return true
		}
	}
	return false
}

// short reports whether a page holds few words: a separator page announcing an act.
func short(p string) bool { return len(strings.Fields(p)) < 80 }

// hasSignature reports whether a page holds a signature block line.
func hasSignature(p string) bool {
	for _, l := range lines(p) {
		if signatureLine(l) || isDateLine(l) {
			return true
		}
	}
	return false
}
