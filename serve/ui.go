package serve

import (
	"errors"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"terril/index"
)

func parseTemplates() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"euros": euros,
		"genre": genreLabel,
		"theme": themeLabel,
		"add":   func(a, b int) int { return a + b },
	}).ParseFS(files, "templates/*.html"))
}

// safeSnippet turns a snippet of the index (escaped text, matches in <mark>) into
// HTML that holds nothing but text and <mark>: the snippet is unescaped and escaped
// again here rather than trusted, so that a highlighter that let markup through could
// not inject any.
func safeSnippet(s string) template.HTML {
	s = strings.NewReplacer("\x00", "", "\x01", "").Replace(s)
	s = strings.NewReplacer("<mark>", "\x00", "</mark>", "\x01").Replace(s)
	s = html.EscapeString(html.UnescapeString(s))
	// Put the marks back, dropping a nested or stray one, closing the last.
	var b strings.Builder
	open := false
	for _, r := range s {
		switch {
		case r == '\x00' && !open:
			b.WriteString("<mark>")
			open = true
		case r == '\x01' && open:
			b.WriteString("</mark>")
			open = false
		case r != '\x00' && r != '\x01':
			b.WriteRune(r)
		}
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String()) // only escaped text and well-formed <mark> pairs
}

// euros writes an amount the French way: "1 780 000 €", "2,5 €".
func euros(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(whole, "-")
	whole = strings.TrimPrefix(whole, "-")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		if len(frac) > 2 {
			frac = frac[:2]
		}
		out += "," + frac
	}
	if neg {
		out = "-" + out
	}
	return out + "\u00a0€"
}

// sumsOf returns the totals of one sum dimension by value (the values are those of
// the facet of the same name).
func sumsOf(sums []index.Sum, dim string) map[string]float64 {
	out := map[string]float64{}
	for _, s := range sums {
		if s.Dimension == dim {
			for _, v := range s.Values {
				out[v.Value] = v.Total
			}
		}
	}
	return out
}

// shortEuros writes a total the way a sidebar has room for: "4,7 M€", "850 k€".
func shortEuros(v float64) string {
	unit, div := "€", 1.0
	switch {
	case v >= 1e9:
		unit, div = "Md€", 1e9
	case v >= 1e6:
		unit, div = "M€", 1e6
	case v >= 1e3:
		unit, div = "k€", 1e3
	}
	x := v / div
	s := strconv.FormatFloat(x, 'f', 1, 64)
	if x >= 100 || strings.HasSuffix(s, ".0") {
		s = strconv.FormatFloat(x, 'f', 0, 64)
	}
	return strings.Replace(s, ".", ",", 1) + "\u00a0" + unit
}

var genreLabels = map[string]string{
	"communique": "Communiqué", "article": "Article", "deliberation": "Délibération",
	"page": "Page", "proces-verbal": "Procès-verbal", "pv": "Procès-verbal", "recueil": "Recueil des actes",
	"arrete": "Arrêté", "rapport": "Rapport",
}

func genreLabel(g string) string {
	if l, ok := genreLabels[g]; ok {
		return l
	}
	return g
}

// themeLabels are the French names of the theme ids of extract/themes/themes.tsv; an id
// missing here is shown spelled out from its id.
var themeLabels = map[string]string{
	"transition-ecologique": "Transition écologique", "mobilites": "Mobilités",
	"developpement-economique": "Développement économique", "culture-patrimoine": "Culture et patrimoine",
	"emploi-formation": "Emploi et formation", "amenagement-friches": "Aménagement et friches",
	"fiscalite": "Fiscalité", "sante": "Santé", "centres-villes": "Centres-villes",
	"participation": "Participation citoyenne", "education-jeunesse": "Éducation et jeunesse",
	"numerique": "Numérique", "ess": "Économie sociale et solidaire", "logement": "Logement",
	"ruralite": "Ruralité", "politique-de-la-ville": "Politique de la ville", "innovation": "Innovation",
	"tourisme": "Tourisme",
}

func themeLabel(t string) string {
	if l, ok := themeLabels[t]; ok {
		return l
	}
	t = strings.NewReplacer("_", " ", "-", " ").Replace(t)
	if t == "" {
		return t
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// link is a labelled URL of the UI.
type link struct {
	Label  string
	URL    string
	Count  int
	Sum    string // total of the amounts of the documents, for commune, theme and year
	Active bool
}

type facetView struct {
	Title  string
	Values []link
}

type hitView struct {
	index.Hit
	DocURL   string
	Snippets []template.HTML
}

type searchPage struct {
	Q               string
	Error           string
	Hints           []string // see index.Hint
	Total           uint64
	First, Last     int
	Hits            []hitView
	Facets          []facetView
	Filters         []link
	Prev, Next      string
	CSV, JSONL, API string
	Charts          []*chart // amounts by year and by theme
	Map             *mapView // documents by département
}

// uiFacets are the facets of the sidebar, in order, with their French titles.
var uiFacets = []struct{ name, title string }{
	{"commune", "Commune"}, {"epci", "Intercommunalité (EPCI)"}, {"dept", "Département"},
	{"theme", "Thème"}, {"genre", "Genre"}, {"year", "Année de publication"},
}

const uiPage = 20

// uiSums are the sums the search page shows: funding totals beside the facets,
// the totals of the amounts cited for the charts. Each dimension costs a pass.
var uiSums = []string{"commune", "epci", "dept", "theme", "year", "doc-year", "doc-theme"}

func (s *server) uiSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	p := searchPage{Q: v.Get("q")}
	q, err := s.queryOf(v, uiPage)
	if err == nil {
		q.Snippets = true
		for _, f := range uiFacets {
			q.Facets = append(q.Facets, f.name)
		}
		q.Sums = uiSums
		var res *index.Result
		if res, err = s.search(r, q); err == nil {
			s.fillSearch(&p, v, q, res)
		}
	}
	code := http.StatusOK
	if err != nil {
		code, p.Error = s.status(err)
	}
	s.render(w, code, "search.html", p)
}

func (s *server) fillSearch(p *searchPage, v url.Values, q index.Query, res *index.Result) {
	p.Total = res.Total
	for _, h := range res.Hints {
		p.Hints = append(p.Hints, h.String())
	}
	if len(res.Hits) > 0 {
		p.First, p.Last = q.Offset+1, q.Offset+len(res.Hits)
	}
	for _, h := range res.Hits {
		hv := hitView{Hit: h, DocURL: docURL(h.ID, p.Q)}
		for _, sn := range h.Snippets {
			hv.Snippets = append(hv.Snippets, safeSnippet(sn))
		}
		p.Hits = append(p.Hits, hv)
	}
	for _, f := range uiFacets {
		for _, rf := range res.Facets {
			if rf.Name == f.name && len(rf.Values) > 0 {
				p.Facets = append(p.Facets, facetView{Title: f.title, Values: facetLinks(v, rf, sumsOf(res.Sums, f.name))})
			}
		}
	}
	p.Filters = activeFilters(v)
	for _, c := range []*chart{yearChart(v, res.Sums), themeChart(v, res.Sums)} {
		if c != nil {
			p.Charts = append(p.Charts, c)
		}
	}
	for i := range res.Facets {
		if res.Facets[i].Name == "dept" {
			p.Map = deptMap(v, &res.Facets[i])
		}
	}
	if q.Offset > 0 {
		p.Prev = pageURL(v, max(0, q.Offset-q.Size))
	}
	if next := q.Offset + len(res.Hits); uint64(next) < res.Total && next <= s.opts.MaxOffset {
		p.Next = pageURL(v, next)
	}
	exp := without(v, "offset", "n")
	exp.Set("format", "csv")
	p.CSV = "/api/export?" + exp.Encode()
	exp.Set("format", "jsonl")
	p.JSONL = "/api/export?" + exp.Encode()
	p.API = "/api/search?" + without(v, "").Encode()
}

// docURL is the UI's page of a document; q is passed on to highlight its words.
func docURL(id, q string) string {
	u := "/doc/" + url.PathEscape(id)
	if q != "" {
		u += "?" + url.Values{"q": {q}}.Encode()
	}
	return u
}

func without(v url.Values, keys ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		if !slices.Contains(keys, k) {
			out[k] = slices.Clone(vs)
		}
	}
	return out
}

func pageURL(v url.Values, offset int) string {
	u := without(v, "offset")
	if offset > 0 {
		u.Set("offset", strconv.Itoa(offset))
	}
	return "/?" + u.Encode()
}

// facetLinks turns the values of a facet into links adding (or, when already set,
// removing) the filter they stand for.
func facetLinks(v url.Values, f index.Facet, sums map[string]float64) []link {
	var out []link
	for _, fv := range f.Values {
		label, params := facetFilter(f.Name, fv.Value)
		if params == nil {
			continue
		}
		active := true
		for k, x := range params {
			active = active && slices.Contains(list(v[k]), x)
		}
		u := without(v, "offset")
		for k, x := range params {
			if active {
				u[k] = slices.DeleteFunc(list(u[k]), func(s string) bool { return s == x })
			} else if k == "from" || k == "to" {
				u.Set(k, x)
			} else {
				u.Add(k, x)
			}
		}
		l := link{Label: label, URL: "/?" + u.Encode(), Count: fv.Count, Active: active}
		if t, ok := sums[fv.Value]; ok && t > 0 {
			l.Sum = shortEuros(t)
		}
		out = append(out, l)
	}
	return out
}

// facetFilter returns the label of a facet value and the parameters filtering on it.
func facetFilter(name, value string) (string, map[string]string) {
	switch name {
	case "commune", "epci":
		// Labels are "Name (code)": the filter takes the code.
		i := strings.LastIndex(value, " (")
		if i < 0 || !strings.HasSuffix(value, ")") {
			return value, map[string]string{name: value}
		}
		return value, map[string]string{name: value[i+2 : len(value)-1]}
	case "dept":
		if n := index.DeptName(value); n != "" {
			return n + " (" + value + ")", map[string]string{"dept": value}
		}
		return value, map[string]string{"dept": value}
	case "theme":
		return themeLabel(value), map[string]string{"theme": value}
	case "genre":
		return genreLabel(value), map[string]string{"genre": value}
	case "year":
		return value, map[string]string{"from": value, "to": value}
	}
	return "", nil
}

var filterTitles = map[string]string{
	"commune": "commune", "epci": "EPCI", "dept": "département", "theme": "thème", "genre": "genre",
	"person": "personne", "signatory": "signataire", "source": "source",
	"from": "publié depuis", "to": "publié jusqu'à", "min-amount": "montant ≥", "max-amount": "montant ≤",
}

// activeFilters lists the filters of the request, each with the link removing it.
func activeFilters(v url.Values) []link {
	var out []link
	keys := []string{}
	for _, p := range listParams {
		keys = append(keys, p.name)
	}
	keys = append(keys, "from", "to", "min-amount", "max-amount")
	for _, k := range keys {
		for _, x := range list(v[k]) {
			u := without(v, "offset")
			u[k] = slices.DeleteFunc(list(u[k]), func(s string) bool { return s == x })
			out = append(out, link{Label: filterTitles[k] + " : " + x, URL: "/?" + u.Encode()})
		}
	}
	return out
}

type docPage struct {
	Doc      index.Hit
	Text     string // the stored text, plain (the template escapes it)
	Q        string
	Back     string
	Capture  string // the capture's URL when it is a web address
	Snippets []template.HTML
	Communes []link
	Themes   []link
	// Paragraphs are the text with its facts marked (see highlight); Legend names
	// the kinds of facts marked, with their counts.
	Paragraphs []template.HTML
	Legend     []legendItem
}

// legendItem is a kind of fact marked in a text: its CSS class, name and count.
type legendItem struct {
	Class, Label string
	Count        int
}

func (s *server) uiDocument(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	h, err := s.lookup(r, r.PathValue("id"), q)
	var d *document
	if err == nil {
		d, err = s.record(r, h)
	}
	if err != nil {
		code, msg := http.StatusNotFound, err.Error()
		if !errors.Is(err, errNotFound) {
			code, msg = s.status(err)
		}
		s.render(w, code, "error.html", struct {
			Code  int
			Error string
		}{code, msg})
		return
	}
	h = &d.Hit
	p := docPage{Doc: *h, Text: d.Text, Q: q, Back: "/?" + url.Values{"q": {q}}.Encode(),
		Paragraphs: highlight(d.Text, d.Spans), Legend: legend(d.Text, d.Spans)}
	if u, err := url.Parse(h.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		p.Capture = u.String()
	}
	for _, sn := range h.Snippets {
		p.Snippets = append(p.Snippets, safeSnippet(sn))
	}
	for _, c := range h.Communes {
		code, name, _ := strings.Cut(c, " ")
		p.Communes = append(p.Communes, link{Label: name + " (" + code + ")", URL: "/?" + url.Values{"commune": {code}}.Encode()})
	}
	for _, t := range h.Themes {
		p.Themes = append(p.Themes, link{Label: themeLabel(t), URL: "/?" + url.Values{"theme": {t}}.Encode()})
	}
	s.render(w, http.StatusOK, "doc.html", p)
}

// legend counts the marks of each kind of fact, in factKinds' order.
func legend(text string, spans []index.FactSpan) []legendItem {
	n := map[string]int{}
	for _, m := range factMarks(text, spans) {
		n[m.kind]++
	}
	var out []legendItem
	for _, k := range factKinds {
		if n[k.kind] > 0 {
			out = append(out, legendItem{Class: "fact f-" + k.kind, Label: k.label, Count: n[k.kind]})
		}
	}
	return out
}

func (s *server) render(w http.ResponseWriter, code int, name string, data any) {
	var b strings.Builder
	if err := s.tmpl.ExecuteTemplate(&b, name, data); err != nil {
		s.opts.Logger.Printf("serve: template %s: %v", name, err)
		http.Error(w, "erreur interne", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write([]byte(b.String()))
}
