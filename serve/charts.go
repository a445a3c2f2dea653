package serve

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"terril/index"
)

// Charts are server-rendered SVG: no script, no network, every label escaped,
// each bar and tile with a <title> (its value, as a tooltip and for screen
// readers), and the figures also given as a table (charts.html) for those who
// cannot see them.

// barItem is one bar of a chart.
type barItem struct {
	Label string
	Total float64
	Docs  int
	URL   string // the search filtered on the bar's value
}

// chart is a chart with its text alternative.
type chart struct {
	ID, Title, Desc string
	SVG             template.HTML
	Rows            []barItem
}

func (b barItem) Euros() string { return shortEuros(b.Total) }

// sumBars returns the bars of a sum dimension, with links adding the filter.
func sumBars(v url.Values, sums []index.Sum, dim, facet string) []barItem {
	var out []barItem
	for _, s := range sums {
		if s.Dimension != dim {
			continue
		}
		for _, sv := range s.Values {
			if sv.Total <= 0 {
				continue
			}
			label, params := facetFilter(facet, sv.Value)
			u := without(v, "offset")
			for k, x := range params {
				u.Set(k, x)
			}
			out = append(out, barItem{Label: label, Total: sv.Total, Docs: sv.Docs, URL: "/?" + u.Encode()})
		}
	}
	return out
}

// yearChart is the totals of amounts by year of publication, years in order.
func yearChart(v url.Values, sums []index.Sum) *chart {
	bars := sumBars(v, sums, "doc-year", "year")
	if len(bars) == 0 {
		return nil
	}
	slices.SortFunc(bars, func(a, b barItem) int { return strings.Compare(a.Label, b.Label) })
	c := &chart{ID: "graphique-annees", Title: "Montants cités par année de publication",
		Desc: "Total des montants cités dans les documents trouvés, par année de publication (un document compte tous ses montants distincts).", Rows: bars}
	c.SVG = columnSVG(c.ID, bars)
	return c
}

// themeChart is the totals of amounts by theme, largest first.
func themeChart(v url.Values, sums []index.Sum) *chart {
	bars := sumBars(v, sums, "doc-theme", "theme")
	if len(bars) == 0 {
		return nil
	}
	slices.SortStableFunc(bars, func(a, b barItem) int { return cmpDesc(a.Total, b.Total) })
	if len(bars) > 12 {
		bars = bars[:12]
	}
	c := &chart{ID: "graphique-themes", Title: "Montants cités par thème",
		Desc: "Total des montants cités dans les documents trouvés, par thème (un document de deux thèmes compte dans les deux).", Rows: bars}
	c.SVG = barSVG(c.ID, bars)
	return c
}

func cmpDesc(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// documents writes a count of documents: "1 document", "3 documents".
func documents(n int) string {
	if n == 1 {
		return "1 document"
	}
	return strconv.Itoa(n) + " documents"
}

func esc(s string) string { return html.EscapeString(s) }

// svgOpen starts an accessible SVG: role img, named by its title and described.
func svgOpen(b *strings.Builder, id string, w, h int) {
	fmt.Fprintf(b, `<svg class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-titre %s-desc" xmlns="http://www.w3.org/2000/svg">`, w, h, w, h, id, id)
}

// columnSVG draws vertical bars, one per year.
func columnSVG(id string, bars []barItem) template.HTML {
	const h, top, bottom, left = 220, 16, 40, 8
	colW := 44
	if len(bars) > 14 {
		colW = max(18, 620/len(bars))
	}
	w := left*2 + colW*len(bars)
	peak := 0.0
	for _, b := range bars {
		peak = math.Max(peak, b.Total)
	}
	var sb strings.Builder
	svgOpen(&sb, id, w, h)
	fmt.Fprintf(&sb, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, left, h-bottom, w-left, h-bottom)
	for i, b := range bars {
		bh := int(math.Round(float64(h-top-bottom) * b.Total / peak))
		x := left + i*colW
		fmt.Fprintf(&sb, `<a href="%s"><rect class="bar" x="%d" y="%d" width="%d" height="%d"><title>%s : %s (%s)</title></rect></a>`,
			esc(b.URL), x+3, h-bottom-bh, colW-6, max(bh, 1), esc(b.Label), esc(euros(b.Total)), documents(b.Docs))
		fmt.Fprintf(&sb, `<text class="lbl" x="%d" y="%d" text-anchor="middle">%s</text>`, x+colW/2, h-bottom+15, esc(b.Label))
		if colW >= 40 {
			fmt.Fprintf(&sb, `<text class="val" x="%d" y="%d" text-anchor="middle">%s</text>`, x+colW/2, h-bottom-bh-4, esc(shortEuros(b.Total)))
		}
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String()) // built here from escaped strings
}

// barSVG draws horizontal bars, labels on the left.
func barSVG(id string, bars []barItem) template.HTML {
	const w, rowH, labelW, valW = 560, 24, 200, 70
	h := rowH*len(bars) + 8
	peak := 0.0
	for _, b := range bars {
		peak = math.Max(peak, b.Total)
	}
	var sb strings.Builder
	svgOpen(&sb, id, w, h)
	for i, b := range bars {
		y := 4 + i*rowH
		bw := int(math.Round(float64(w-labelW-valW) * b.Total / peak))
		fmt.Fprintf(&sb, `<text class="lbl" x="%d" y="%d" text-anchor="end">%s</text>`, labelW-6, y+16, esc(truncLabel(b.Label, 30)))
		fmt.Fprintf(&sb, `<a href="%s"><rect class="bar" x="%d" y="%d" width="%d" height="%d"><title>%s : %s (%s)</title></rect></a>`,
			esc(b.URL), labelW, y+3, max(bw, 1), rowH-6, esc(b.Label), esc(euros(b.Total)), documents(b.Docs))
		fmt.Fprintf(&sb, `<text class="val" x="%d" y="%d">%s</text>`, labelW+max(bw, 1)+4, y+16, esc(shortEuros(b.Total)))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String()) // built here from escaped strings
}

func truncLabel(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// mapView is the département map with its text alternative.
type mapView struct {
	ID    string
	SVG   template.HTML
	Rows  []barItem // départements counted, most documents first
	Other int       // mentions of départements beyond the facet's top values
	Note  string
}

// deptMap draws the départements as a tile cartogram: one square per
// département, placed near its approximate centroid (see deptTiles), shaded by
// the number of matching documents that name it. terril ships no département
// shapes nor commune coordinates, so a choropleth of true shapes, or symbols at
// the communes, are not possible without fetching data; tiles need neither.
func deptMap(v url.Values, f *index.Facet) *mapView {
	if f == nil || len(f.Values) == 0 {
		return nil
	}
	counts := map[string]int{}
	m := &mapView{ID: "carte-departements", Other: f.Other}
	peak := 0
	for _, fv := range f.Values {
		counts[fv.Value] = fv.Count
		peak = max(peak, fv.Count)
		label, params := facetFilter("dept", fv.Value)
		u := without(v, "offset")
		for k, x := range params {
			u.Set(k, x)
		}
		m.Rows = append(m.Rows, barItem{Label: label, Docs: fv.Count, URL: "/?" + u.Encode()})
	}
	if f.Other > 0 {
		m.Note = fmt.Sprintf("Seuls les %d départements les plus cités sont comptés (%d autres mentions).", len(f.Values), f.Other)
	}
	m.SVG = tilesSVG(m.ID, v, counts, peak)
	return m
}

// shades are the fills of the map's classes, light to dark.
var shades = []string{"#dbe7f5", "#a9c6e8", "#6f9fd6", "#3a77bf", "#0b4f9a"}

func shadeOf(n, peak int) int {
	if n <= 0 || peak <= 0 {
		return -1
	}
	// Square-root scale: a corpus centred on a few départements leaves the others visible.
	i := int(math.Ceil(math.Sqrt(float64(n)/float64(peak))*float64(len(shades)))) - 1
	return min(max(i, 0), len(shades)-1)
}

const tile = 30

func tilesSVG(id string, v url.Values, counts map[string]int, peak int) template.HTML {
	tiles := deptTiles()
	cols, rows := 0, 0
	for _, t := range tiles {
		cols, rows = max(cols, t.col+1), max(rows, t.row+1)
	}
	w, h := cols*tile+4, rows*tile+4+40
	var sb strings.Builder
	svgOpen(&sb, id, w, h)
	for _, t := range tiles {
		n := counts[t.code]
		class := "tile"
		fill := "#f1f3f5"
		if s := shadeOf(n, peak); s >= 0 {
			fill = shades[s]
			if s >= 3 {
				class += " dark"
			}
		}
		name := index.DeptName(t.code)
		x, y := 2+t.col*tile, 2+t.row*tile
		what := "aucun document compté"
		if n > 0 {
			what = documents(n)
		}
		u := without(v, "offset")
		u.Set("dept", t.code)
		fmt.Fprintf(&sb, `<a href="/?%s"><g class="%s"><rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+
			`<text x="%d" y="%d" text-anchor="middle">%s</text><title>%s (%s) : %s</title></g></a>`,
			esc(u.Encode()), class, x, y, tile-2, tile-2, fill, x+(tile-2)/2, y+tile/2+3, esc(t.code), esc(name), esc(t.code), what)
	}
	// The legend: the shades and what they stand for.
	ly := rows*tile + 14
	fmt.Fprintf(&sb, `<text class="lbl" x="2" y="%d">documents :</text>`, ly+12)
	x := 80
	for i, c := range shades {
		// Shade i holds the counts n with i < √(n/peak)·len(shades) ≤ i+1.
		sq := float64(len(shades) * len(shades))
		lo := int(math.Floor(float64(i*i)/sq*float64(peak))) + 1
		hi := int(math.Floor(float64((i+1)*(i+1)) / sq * float64(peak)))
		if lo > hi {
			continue // no count falls in this shade
		}
		label := strconv.Itoa(lo)
		if hi > lo {
			label += "–" + strconv.Itoa(hi)
		}
		fmt.Fprintf(&sb, `<rect x="%d" y="%d" width="18" height="14" fill="%s"/><text class="lbl" x="%d" y="%d">%s</text>`,
			x, ly, c, x+22, ly+12, label)
		x += 30 + 7*len(label)
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String()) // built here from escaped strings
}
