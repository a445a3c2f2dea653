package serve_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"terril/corpus"
	"terril/index"
	"terril/serve"
)

// hostile is the payload of a document written to attack the UI.
const hostile = `<script>alert(1)</script> "><img src=x onerror=alert(2)>`

// testDocs are generated French documents with their facts set by hand, so that the
// server is tested independently of the extractors.
func testDocs() []*corpus.Document {
	d := func(id, title, text, genre, published string, themes []string, amounts []float64, communes ...corpus.Commune) *corpus.Document {
		doc := &corpus.Document{ID: id, Title: title, Text: text, Genre: genre, Published: published, Themes: themes, Source: "essai"}
		for _, a := range amounts {
			doc.Amounts = append(doc.Amounts, corpus.Amount{Value: a, Currency: "EUR"})
		}
		doc.Communes = communes
		for _, c := range communes {
			if !slices.Contains(doc.Departements, c.INSEE[:2]) {
				doc.Departements = append(doc.Departements, c.INSEE[:2])
			}
		}
		return doc
	}
	douai := corpus.Commune{Name: "Douai", INSEE: "59178"}
	bethune := corpus.Commune{Name: "Béthune", INSEE: "62119"}
	valenciennes := corpus.Commune{Name: "Valenciennes", INSEE: "59606"}
	docs := []*corpus.Document{
		d("communiques/2021-douai-gymnase.html", "Douai rénove le gymnase Gayant",
			"La ville de Douai engage la rénovation thermique du gymnase Gayant pour 1 200 000 euros.",
			"communique", "2021-04-12", []string{"transition-ecologique"}, []float64{1200000}, douai),
		d("deliberations/bethune-2022-07.txt", "Délibération : subvention à la médiathèque de Béthune",
			"Le conseil municipal de Béthune attribue une subvention de 45 000 euros à la médiathèque.",
			"deliberation", "2022-07-05", []string{"culture-patrimoine"}, []float64{45000}, bethune),
		d("https://example.org/actu/valenciennes-tram?id=3", "Le tramway de Valenciennes prolongé",
			"Valenciennes Métropole prolonge la ligne de tramway ; la rénovation des quais coûte 8 millions d'euros.",
			"article", "2023-01-20", []string{"mobilites"}, []float64{8e6}, valenciennes),
		d("communiques/douai-logement", "Logements sociaux à Douai",
			"Quarante logements sociaux seront rénovés à Douai, rue de Valenciennes, pour 3 500 000 euros.",
			"communique", "2023-09-30", []string{"logement"}, []float64{3.5e6}, douai),
		d("pv/bethune-2020", "Procès-verbal du conseil municipal",
			"Le conseil municipal de Béthune approuve le budget de la rénovation de l'école Jules-Ferry.",
			"deliberation", "2020", []string{"education-jeunesse"}, nil, bethune),
		d("piege", hostile+" Piège",
			"Communiqué piégé "+hostile+" sur la rénovation du beffroi de Douai.",
			"communique", "2022-02-02", []string{"culture-patrimoine"}, []float64{10000}, douai),
		d("tableur", "=HYPERLINK(\"http://example.com\",\"clic\") rénovation",
			"Un titre qui ressemble à une formule de tableur ; rénovation de la piscine.",
			"page", "", nil, nil),
	}
	// Sums beside the facets add funding events, credited to the communes they name.
	fund := func(doc *corpus.Document, funder, instrument string, amount float64, insee string) {
		doc.Fundings = append(doc.Fundings, corpus.Funding{Amount: amount, Funder: funder,
			Instrument: instrument, Communes: []string{insee}, Date: doc.Published})
	}
	fund(docs[0], "État", corpus.InstrumentDotation, 1200000, douai.INSEE)
	fund(docs[3], "Région Hauts-de-France", corpus.InstrumentSubvention, 3.5e6, douai.INSEE)
	// Spans where the texts say the communes and amounts, for the document page.
	amountText := map[float64]string{1200000: "1 200 000 euros", 45000: "45 000 euros", 8e6: "8 millions d'euros", 3.5e6: "3 500 000 euros"}
	for _, doc := range docs {
		for i, c := range doc.Communes {
			for at := 0; ; {
				j := strings.Index(doc.Text[at:], c.Name)
				if j < 0 {
					break
				}
				doc.Communes[i].Spans = append(doc.Communes[i].Spans, corpus.Span{Start: at + j, End: at + j + len(c.Name)})
				at += j + len(c.Name)
			}
		}
		for i, a := range doc.Amounts {
			if j := strings.Index(doc.Text, amountText[a.Value]); j >= 0 && amountText[a.Value] != "" {
				doc.Amounts[i].Text, doc.Amounts[i].Span = amountText[a.Value], corpus.Span{Start: j, End: j + len(amountText[a.Value])}
			}
		}
	}
	docs[1].URL = "javascript:alert(3)"
	docs[2].URL = "https://example.org/actu/valenciennes-tram?id=3"
	return docs
}

// newServer returns a test server over an index built in a temporary directory.
func newServer(tb testing.TB, opts serve.Options) *httptest.Server {
	tb.Helper()
	ix, err := index.Open(tb.TempDir() + "/index")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	if err := ix.Index(testDocs()); err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(serve.New(ix, opts))
	tb.Cleanup(srv.Close)
	return srv
}

func get(tb testing.TB, srv *httptest.Server, path string) (*http.Response, string) {
	tb.Helper()
	resp, err := http.Get(srv.URL + path)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, string(body)
}

type searchResult struct {
	Total  int           `json:"total"`
	Hits   []index.Hit   `json:"hits"`
	Facets []index.Facet `json:"facets"`
}

func search(t *testing.T, srv *httptest.Server, query string) searchResult {
	t.Helper()
	resp, body := get(t, srv, "/api/search?"+query)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: status %d: %s", query, resp.StatusCode, body)
	}
	var r searchResult
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("%s: %v in %s", query, err, body)
	}
	if r.Hits == nil || r.Facets == nil {
		t.Errorf("%s: hits and facets must be arrays, not null: %s", query, body)
	}
	return r
}

func ids(hits []index.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func TestSearchFilters(t *testing.T) {
	srv := newServer(t, serve.Options{})
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"q=gymnase", []string{"communiques/2021-douai-gymnase.html"}},
		{"q=renovation&commune=59178", []string{"communiques/2021-douai-gymnase.html", "communiques/douai-logement", "piege"}},
		{"q=renovation&dept=62", []string{"pv/bethune-2020"}},
		{"commune=Béthune&genre=deliberation", []string{"deliberations/bethune-2022-07.txt", "pv/bethune-2020"}},
		{"theme=mobilites,logement", []string{"communiques/douai-logement", "https://example.org/actu/valenciennes-tram?id=3"}},
		{"theme=mobilites&theme=logement&from=2023-06", []string{"communiques/douai-logement"}},
		{"from=2020&to=2021", []string{"communiques/2021-douai-gymnase.html", "pv/bethune-2020"}},
		{"min-amount=1M&max-amount=4M", []string{"communiques/2021-douai-gymnase.html", "communiques/douai-logement"}},
		{"q=" + url.QueryEscape(`"logements sociaux" NOT gymnase`), []string{"communiques/douai-logement"}},
		{"q=" + url.QueryEscape("montant>5000000"), []string{"https://example.org/actu/valenciennes-tram?id=3"}},
	} {
		r := search(t, srv, tc.query)
		if got := ids(r.Hits); !slices.Equal(got, tc.want) || r.Total != len(tc.want) {
			t.Errorf("%s: total %d, hits %v, want %v", tc.query, r.Total, got, tc.want)
		}
	}
}

func TestSearchHitsFacetsSortPaging(t *testing.T) {
	srv := newServer(t, serve.Options{})
	r := search(t, srv, "q=renovation&facets=commune,year,genre&sort=-amount&n=2")
	if r.Total != 6 || len(r.Hits) != 2 {
		t.Fatalf("total %d, %d hits, want 6 and a page of 2", r.Total, len(r.Hits))
	}
	top := r.Hits[0]
	if top.ID != "https://example.org/actu/valenciennes-tram?id=3" || top.Title == "" || top.Published != "2023-01-20" ||
		top.Genre != "article" || len(top.Snippets) == 0 || !slices.Equal(top.Amounts, []float64{8e6}) ||
		!slices.Equal(top.Communes, []string{"59606 Valenciennes"}) || !slices.Equal(top.Themes, []string{"mobilites"}) {
		t.Errorf("first hit by -amount: %+v", top)
	}
	if !strings.Contains(top.Snippets[0], "<mark>") {
		t.Errorf("snippet without a highlighted match: %q", top.Snippets[0])
	}
	var names []string
	for _, f := range r.Facets {
		names = append(names, f.Name)
	}
	if !slices.Equal(names, []string{"commune", "year", "genre"}) {
		t.Errorf("facets %v", names)
	}
	if v := r.Facets[0].Values[0]; v.Value != "Douai (59178)" || v.Count != 3 {
		t.Errorf("top commune %+v, want Douai (59178) × 3", v)
	}
	page2 := search(t, srv, "q=renovation&sort=-amount&n=2&offset=2")
	if len(page2.Hits) != 2 || page2.Hits[0].ID != "communiques/2021-douai-gymnase.html" {
		t.Errorf("second page by -amount: %v", ids(page2.Hits))
	}
	if r := search(t, srv, "q=renovation&snippets=false"); len(r.Hits) == 0 || len(r.Hits[0].Snippets) != 0 {
		t.Errorf("snippets=false still gives snippets")
	}
}

func TestBadRequests(t *testing.T) {
	srv := newServer(t, serve.Options{})
	for _, tc := range []struct{ path, msg string }{
		{"/api/search?q=" + url.QueryEscape(`"unclosed`), "unclosed quote"},
		{"/api/search?q=" + url.QueryEscape("(a OR b"), "missing ')'"},
		{"/api/search?q=dept:Atlantide", "unknown département"},
		{"/api/search?from=2021-13", "bad date"},
		{"/api/search?sort=best", "tri inconnu"},
		{"/api/search?n=0", "n doit être"},
		{"/api/search?n=100000", "n doit être"},
		{"/api/search?offset=-1", "offset doit être"},
		{"/api/search?min-amount=beaucoup", "bad amount"},
		{"/api/search?facets=couleur", "facette inconnue"},
		{"/api/facets?facets=couleur", "facette inconnue"},
		{"/api/sums?by=couleur", "unknown sum dimension"},
		{"/api/export?format=xlsx", "format inconnu"},
		{"/api/export?q=" + url.QueryEscape(`"unclosed`), "unclosed quote"},
		{"/api/search?q=" + strings.Repeat("a", 3000), "trop long"},
		{"/api/documents/" + url.PathEscape(`a"b`), "invalide"},
	} {
		resp, body := get(t, srv, tc.path)
		var e struct{ Error string }
		if resp.StatusCode != 400 || json.Unmarshal([]byte(body), &e) != nil || !strings.Contains(e.Error, tc.msg) {
			t.Errorf("%.60s: status %d, body %s; want 400 with %q", tc.path, resp.StatusCode, body, tc.msg)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("%.60s: content type %q", tc.path, ct)
		}
	}
	resp, err := http.Post(srv.URL+"/api/search", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/search: status %d, want 405", resp.StatusCode)
	}
}

func TestDocument(t *testing.T) {
	srv := newServer(t, serve.Options{})
	for _, id := range []string{"communiques/2021-douai-gymnase.html", "https://example.org/actu/valenciennes-tram?id=3", "piege"} {
		resp, body := get(t, srv, "/api/documents/"+url.PathEscape(id)+"?q=renovation")
		var h index.Hit
		if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &h) != nil || h.ID != id {
			t.Errorf("%s: status %d, %s", id, resp.StatusCode, body)
			continue
		}
		if h.Title == "" || len(h.Communes) == 0 || len(h.Snippets) == 0 || !strings.Contains(h.Snippets[0], "<mark>") {
			t.Errorf("%s: missing title, communes or highlighted passage: %+v", id, h)
		}
	}
	// Words the document lacks, or a broken query, still show the document.
	for _, q := range []string{"tramway", `"unclosed`} {
		resp, body := get(t, srv, "/api/documents/piege?q="+url.QueryEscape(q))
		if resp.StatusCode != 200 || !strings.Contains(body, `"id":"piege"`) {
			t.Errorf("q=%s: status %d, %s", q, resp.StatusCode, body)
		}
	}
	// The document comes with its text and every fact.
	_, body := get(t, srv, "/api/documents/"+url.PathEscape("communiques/2021-douai-gymnase.html"))
	var d struct {
		Text         string           `json:"text"`
		Departements []string         `json:"departements"`
		Spans        []index.FactSpan `json:"spans"`
	}
	if json.Unmarshal([]byte(body), &d) != nil || !strings.Contains(d.Text, "gymnase Gayant pour 1 200 000 euros") || len(d.Departements) != 1 {
		t.Errorf("document without its text or départements: %s", body)
	}
	if len(d.Spans) != 2 || d.Text[d.Spans[0].Start:d.Spans[0].End] != "1 200 000 euros" || d.Spans[0].Value != "1200000 EUR" {
		t.Errorf("spans of the document: %+v, want the amount's, then Douai's", d.Spans)
	}
	resp, body := get(t, srv, "/api/documents/absent")
	if resp.StatusCode != 404 || !strings.Contains(body, `"error"`) {
		t.Errorf("absent document: status %d, %s", resp.StatusCode, body)
	}
}

func TestFacetsAndSums(t *testing.T) {
	srv := newServer(t, serve.Options{})
	resp, body := get(t, srv, "/api/facets?q=renovation")
	var f struct {
		Total  int
		Facets []index.Facet
	}
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &f) != nil || f.Total != 6 || len(f.Facets) != len(index.FacetNames) {
		t.Fatalf("facets: status %d, %s", resp.StatusCode, body)
	}
	resp, body = get(t, srv, "/api/sums?commune=59178&by=doc-commune")
	var s struct {
		Total int
		Sums  []index.Sum
	}
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &s) != nil || len(s.Sums) != 1 {
		t.Fatalf("sums: status %d, %s", resp.StatusCode, body)
	}
	if v := s.Sums[0].Values[0]; v.Value != "Douai (59178)" || v.Total != 1200000+3500000+10000 || v.Docs != 3 {
		t.Errorf("sum of Douai: %+v", v)
	}
}

func TestExport(t *testing.T) {
	// Batches of 2 make the export page through the index.
	srv := newServer(t, serve.Options{ExportBatch: 2})
	resp, body := get(t, srv, "/api/export?q=renovation&format=csv&sort=date")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: status %d, %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || rows[0][0] != "id" || rows[0][1] != "title" {
		t.Fatalf("csv: %d rows (want a header and 6), header %v", len(rows), rows[0])
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		if seen[r[0]] {
			t.Errorf("csv: %s twice", r[0])
		}
		seen[r[0]] = true
		if r[0] == "communiques/douai-logement" && (r[6] != "59178" || r[7] != "Douai" || r[9] != "3500000" || r[11] != "3500000") {
			t.Errorf("csv row %v", r)
		}
		if r[0] == "tableur" && !strings.HasPrefix(r[1], "'=") {
			t.Errorf("a title like a formula is not defused: %q", r[1])
		}
	}
	resp, body = get(t, srv, "/api/export?q=renovation&format=jsonl")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("jsonl: status %d, %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	lines := strings.Split(strings.TrimSuffix(body, "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("jsonl: %d lines, want 6", len(lines))
	}
	for _, l := range lines {
		var r serve.Row
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.ID == "" {
			t.Errorf("jsonl line %s: %v", l, err)
		}
		if r.ID == "communiques/douai-logement" && (len(r.Communes) != 1 || r.Communes[0].INSEE != "59178" || r.AmountMax != 3.5e6) {
			t.Errorf("jsonl row %+v", r)
		}
		if strings.Contains(l, "<script") {
			t.Errorf("jsonl holds raw markup: %s", l)
		}
	}
}

func TestOpenAPI(t *testing.T) {
	srv := newServer(t, serve.Options{})
	resp, body := get(t, srv, "/api/openapi.json")
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &doc) != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi: status %d", resp.StatusCode)
	}
	for _, p := range []string{"/api/search", "/api/facets", "/api/sums", "/api/documents/{id}", "/api/export", "/api/openapi.json"} {
		if _, ok := doc.Paths[p]["get"]; !ok {
			t.Errorf("openapi describes no GET %s", p)
		}
	}
	if _, ok := doc.Paths["/api/ingest"]["post"]; !ok {
		t.Errorf("openapi describes no POST /api/ingest")
	}
	if _, ok := doc.Paths["/api/jobs/{id}"]["get"]; !ok {
		t.Errorf("openapi describes no GET /api/jobs/{id}")
	}
}

func TestSearchPage(t *testing.T) {
	srv := newServer(t, serve.Options{})
	resp, body := get(t, srv, "/?q=renovation")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{
		`<html lang="fr">`, `<label for="q">`, `value="renovation"`, "6 documents",
		`href="/doc/communiques%2Fdouai-logement?q=renovation"`, "<mark>",
		`href="/?commune=59178&amp;q=renovation"`, "Douai (59178)", // a facet link adding the filter
		`href="/?from=2023&amp;q=renovation&amp;to=2023"`, "Nord (59)", "Délibération", "Culture et patrimoine",
		`href="/api/export?format=csv&amp;q=renovation"`,
		"4,7\u00a0M€", // the sum of Douai's amounts beside its count
	} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	_, body = get(t, srv, "/?q=renovation&commune=59178")
	if !strings.Contains(body, "3 documents") || !strings.Contains(body, `aria-current="true"`) || !strings.Contains(body, "commune : 59178") {
		t.Errorf("filtered page: no count, active facet or active filter")
	}
	resp, body = get(t, srv, "/?q="+url.QueryEscape(`"unclosed`))
	if resp.StatusCode != 400 || !strings.Contains(body, "unclosed quote") {
		t.Errorf("bad query: status %d", resp.StatusCode)
	}
	_, body = get(t, srv, "/?q=renovation&n=2&offset=2")
	if !strings.Contains(body, `rel="prev"`) || !strings.Contains(body, `rel="next"`) || !strings.Contains(body, `start="3"`) {
		t.Errorf("paging links missing on the second page")
	}
}

func TestDocumentPage(t *testing.T) {
	srv := newServer(t, serve.Options{})
	_, body := get(t, srv, "/doc/"+url.PathEscape("https://example.org/actu/valenciennes-tram?id=3")+"?q=tramway")
	for _, want := range []string{"Le tramway de Valenciennes prolongé", `href="https://example.org/actu/valenciennes-tram?id=3"`,
		"Valenciennes (59606)", "8\u202f000\u202f000\u00a0€", "Mobilités", "<mark>tramway</mark>",
		`<p><mark class="fact f-commune" title="Commune Valenciennes — code INSEE 59606">Valenciennes</mark> Métropole prolonge la ligne de tramway ; ` +
			"la rénovation des quais coûte <mark class=\"fact f-amount\" title=\"Montant : 8\u202f000\u202f000\u00a0€\">8 millions d&#39;euros</mark>.</p>"} {
		if !strings.Contains(body, want) {
			t.Errorf("document page lacks %s", want)
		}
	}
	_, body = get(t, srv, "/doc/"+url.PathEscape("deliberations/bethune-2022-07.txt"))
	if strings.Contains(body, "javascript:") && strings.Contains(body, `href="javascript`) {
		t.Errorf("a javascript: URL became a link")
	}
	resp, _ := get(t, srv, "/doc/absent")
	if resp.StatusCode != 404 {
		t.Errorf("absent document page: status %d", resp.StatusCode)
	}
}

// TestHostileDocument checks that a document's markup is shown as text everywhere.
func TestHostileDocument(t *testing.T) {
	srv := newServer(t, serve.Options{})
	for _, path := range []string{"/?q=beffroi", "/?q=piege", "/doc/piege?q=beffroi", "/doc/piege",
		"/api/search?q=beffroi&facets=commune", "/api/documents/piege?q=beffroi", "/api/export?q=beffroi&format=jsonl"} {
		resp, body := get(t, srv, path)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", path, resp.StatusCode)
		}
		if strings.Contains(body, "<script") || strings.Contains(body, "<img") || strings.Contains(body, "alert(2)>") {
			t.Errorf("%s renders the payload as markup:\n%s", path, body)
		}
		if strings.HasPrefix(path, "/api/") && !strings.Contains(body, `\u003cscript\u003e`) {
			t.Errorf("%s: payload not found escaped in JSON", path)
		}
		if !strings.HasPrefix(path, "/api/") && !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s: payload not shown as text", path)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	srv := newServer(t, serve.Options{})
	for _, path := range []string{"/", "/?q=renovation", "/doc/piege", "/api/search", "/static/style.css", "/nope"} {
		resp, body := get(t, srv, path)
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", path)
		}
		if strings.Contains(body, "<script") || strings.Contains(body, " style=") || strings.Contains(body, `src="http`) ||
			strings.Contains(body, "<link") && !strings.Contains(body, `<link rel="stylesheet" href="/static/style.css">`) {
			t.Errorf("%s: inline script, inline style or a remote resource", path)
		}
	}
}

func TestListenAndServeShutsDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	go func() { done <- serve.ListenAndServe(ctx, "127.0.0.1:0", h, func(a net.Addr) { addrc <- a }) }()
	addr := <-addrc
	resp, err := http.Get("http://" + addr.String() + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("ListenAndServe did not return after cancel")
	}
}

func TestChartsAndMap(t *testing.T) {
	srv := newServer(t, serve.Options{})
	_, body := get(t, srv, "/?q=renovation")
	for _, want := range []string{
		`<svg class="chart"`, `role="img" aria-labelledby="graphique-annees-titre graphique-annees-desc"`,
		"<title>2023 : 11\u202f500\u202f000\u00a0€ (2 documents)</title>", // 8 M€ + 3,5 M€
		"<title>Mobilités : 8\u202f000\u202f000\u00a0€ (1 document)</title>",
		"<title>Nord (59) : 4 documents</title>", "<title>Pas-de-Calais (62) : 1 document</title>",
		"<title>Var (83) : aucun document compté</title>", `href="/?dept=59&amp;q=renovation"`,
		"Données de la carte", // a table as the text alternative
	} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	// No amounts, no chart; the map still counts.
	_, body = get(t, srv, "/?q=conseil+municipal+budget")
	if strings.Contains(body, "graphique-annees") || !strings.Contains(body, "carte-departements") {
		t.Errorf("a search without amounts: charts or map wrong")
	}
}
