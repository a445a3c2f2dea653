package serve

import (
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"terril/index"
)

// A fact mark is one span to highlight, with the tooltip saying its value.
type factMark struct {
	start, end int
	kind       string // the CSS class's suffix: commune, amount…
	title      string
}

// factKinds are the French names of the kinds of facts, in the legend's order.
var factKinds = []struct{ kind, label string }{
	{"commune", "commune"}, {"epci", "intercommunalité"}, {"amount", "montant"}, {"date", "date"},
	{"person", "personne"}, {"signatory", "signataire"}, {"reference", "acte cité"},
}

// markTitle is the tooltip of a fact: what the mark stands for, its code or value.
func markTitle(sp index.FactSpan) string {
	switch sp.Kind {
	case "commune":
		code, name, _ := strings.Cut(sp.Value, " ")
		return "Commune " + name + " — code INSEE " + code
	case "epci":
		siren, name, _ := strings.Cut(sp.Value, " ")
		return "Intercommunalité " + name + " — SIREN " + siren
	case "amount":
		v, cur, _ := strings.Cut(sp.Value, " ")
		if x, err := strconv.ParseFloat(v, 64); err == nil && (cur == "EUR" || cur == "") {
			return "Montant : " + euros(x)
		}
		return "Montant : " + sp.Value
	case "date":
		return "Date : " + frenchDate(sp.Value)
	case "person":
		return "Personne : " + sp.Value
	case "signatory":
		return "Signataire : " + sp.Value
	case "reference":
		return "Acte cité : " + sp.Value
	}
	return sp.Value
}

var months = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

// frenchDate writes an ISO date the French way at its precision: "3 mars 2024",
// "mars 2024", "2024".
func frenchDate(iso string) string {
	parts := strings.Split(iso, "-")
	if len(parts) >= 2 {
		if m, err := strconv.Atoi(parts[1]); err == nil && m >= 1 && m <= 12 {
			s := months[m-1] + " " + parts[0]
			if len(parts) == 3 {
				d, _ := strconv.Atoi(parts[2])
				day := strconv.Itoa(d)
				if d == 1 {
					day = "1er"
				}
				s = day + " " + s
			}
			return s + " (" + iso + ")"
		}
	}
	return iso
}

// factMarks keeps the spans that fit text on character boundaries, sorted by
// start, the longer first.
func factMarks(text string, spans []index.FactSpan) []factMark {
	var out []factMark
	for _, sp := range spans {
		if sp.Start < 0 || sp.Start >= sp.End || sp.End > len(text) ||
			!utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End]) {
			continue
		}
		out = append(out, factMark{start: sp.Start, end: sp.End, kind: sp.Kind, title: markTitle(sp)})
	}
	slices.SortStableFunc(out, func(a, b factMark) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	return out
}

// paraRanges returns the byte ranges of the paragraphs of text: separated by a
// blank line, trimmed of surrounding space, empty ones dropped.
func paraRanges(text string) [][2]int {
	var out [][2]int
	for a := 0; a < len(text); {
		b := strings.Index(text[a:], "\n\n")
		if b < 0 {
			b = len(text)
		} else {
			b += a
		}
		s, e := a, b
		for s < e && isSpace(text[s]) {
			s++
		}
		for e > s && isSpace(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, [2]int{s, e})
		}
		a = b + 2
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// highlight returns the paragraphs of text as HTML, each fact of spans in a
// <mark> whose title gives its value. Everything of the text is escaped. Where
// facts overlap (a commune inside an EPCI's name), the text is cut at every
// boundary and each piece is marked once, with the titles of all the facts it is
// part of, so that the marks never nest or cross; a mark never crosses a
// paragraph either.
func highlight(text string, spans []index.FactSpan) []template.HTML {
	ms := factMarks(text, spans)
	var out []template.HTML
	var active []factMark // marks begun before the paragraph and not ended
	next := 0
	for _, p := range paraRanges(text) {
		a, b := p[0], p[1]
		var over []factMark
		for _, m := range active {
			if m.end > a {
				over = append(over, m)
			}
		}
		for ; next < len(ms) && ms[next].start < b; next++ {
			if ms[next].end > a {
				over = append(over, ms[next])
			}
		}
		out = append(out, markParagraph(text, a, b, over))
		active = active[:0]
		for _, m := range over {
			if m.end > b {
				active = append(active, m)
			}
		}
	}
	return out
}

// markParagraph writes text[a:b] with the marks over it.
func markParagraph(text string, a, b int, over []factMark) template.HTML {
	cuts := []int{a, b}
	for _, m := range over {
		cuts = append(cuts, min(max(m.start, a), b), min(max(m.end, a), b))
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var sb strings.Builder
	open := "" // the covering key of the mark open, "" when none
	for i := 0; i+1 < len(cuts); i++ {
		x, y := cuts[i], cuts[i+1]
		var kind string
		var titles []string
		for _, m := range over {
			if m.start <= x && m.end >= y && !slices.Contains(titles, m.title) {
				if kind == "" {
					kind = m.kind
				}
				titles = append(titles, m.title)
			}
		}
		key := strings.Join(titles, " · ")
		if key != open {
			if open != "" {
				sb.WriteString("</mark>")
			}
			if key != "" {
				sb.WriteString(`<mark class="fact f-` + html.EscapeString(kind) + `" title="` + html.EscapeString(key) + `">`)
			}
			open = key
		}
		sb.WriteString(html.EscapeString(text[x:y]))
	}
	if open != "" {
		sb.WriteString("</mark>")
	}
	return template.HTML(sb.String()) // escaped text and marks built here only
}
