package collectortest

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/text/encoding/charmap"
)

// Numbers of documents on the site.
const (
	NumCommuniques   = 12
	NumDeliberations = 5
	PerPage          = 5 // communiqués per listing page
)

// A Doc is one document of the test site.
type Doc struct {
	Name        string // file name: cp-2024-003.html, delib-2024-02.pdf
	Path        string // URL path on the site
	Title       string
	ContentType string
	Published   time.Time
	Body        []byte
	Modified    time.Time
}

// Site is a local web site on loopback that imitates a French institution's press room
// and recueil des actes: a paginated listing of communiqués, article pages with
// navigation and footers linking to PDFs of deliberations, an RSS feed, a sitemap
// index, and a robots.txt disallowing /prive/. It also serves the troublesome cases a
// crawler meets, under /cas/ (see the Path constants), and mirrors its documents in a
// local folder (Dir).
//
// Every document is served with ETag and Last-Modified, and answers conditional
// requests with 304. The site counts requests per path.
type Site struct {
	*httptest.Server
	// Other is a second host, target of an off-site redirect.
	Other *httptest.Server
	// Dir holds the documents as files: communiqués at the top, deliberations in
	// deliberations/, and a dangling symbolic link.
	Dir string

	mu    sync.Mutex
	docs  map[string]*Doc // by Path
	hits  map[string]int  // requests by path (any host)
	full  map[string]int  // 200 answers with a body, by path
	flaky int
	busy  int
	// Slow is how long /cas/lent waits before answering (default 5s).
	Slow time.Duration
}

// Paths of the troublesome cases.
const (
	PathDisallowed = "/prive/note-interne.html"    // disallowed by robots.txt
	PathFlaky      = "/cas/instable.html"          // 503 twice, then 200
	PathBusy       = "/cas/occupe.html"            // 429 with Retry-After: 2 once, then 200
	PathLoop       = "/cas/boucle"                 // redirect loop
	PathAway       = "/cas/ailleurs"               // redirect to the other host
	PathBig        = "/cas/gros.pdf"               // 3 MiB with Content-Length
	PathBigChunked = "/cas/gros-flux.html"         // 3 MiB without Content-Length
	PathCP1252     = "/cas/communique-cp1252.html" // Windows-1252 page
	PathSlow       = "/cas/lent.html"              // answers after Slow
	PathMissing    = "/communiques/cp-inexistant.html"
	RetryAfterBusy = 2 * time.Second
	BigSize        = 3 << 20
)

// NewSite starts a Site; it is closed when the test ends.
func NewSite(tb testing.TB) *Site {
	tb.Helper()
	s := &Site{
		docs: make(map[string]*Doc),
		hits: make(map[string]int),
		full: make(map[string]int),
		Slow: 5 * time.Second,
		Dir:  tb.TempDir(),
	}
	base := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	for i := 1; i <= NumDeliberations; i++ {
		d := &Doc{
			Name:        fmt.Sprintf("delib-2024-%02d.pdf", i),
			Title:       fmt.Sprintf("Délibération n° 2024-%02d du conseil départemental", i),
			ContentType: "application/pdf",
			Published:   base.AddDate(0, 0, 7*i),
		}
		d.Path = "/deliberations/" + d.Name
		d.Body = deliberationPDF(i, d.Published)
		s.add(d)
	}
	for i := 1; i <= NumCommuniques; i++ {
		d := &Doc{
			Name:        fmt.Sprintf("cp-2024-%03d.html", i),
			Title:       fmt.Sprintf("La Région soutient le projet n° %d à Besançon", i),
			ContentType: "text/html; charset=utf-8",
			Published:   base.AddDate(0, 0, i),
		}
		d.Path = "/communiques/" + d.Name
		d.Body = s.communique(i, d)
		s.add(d)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	s.Other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.count("other:" + r.URL.Path)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<html><body><p>Un autre site.</p></body></html>")
	}))
	tb.Cleanup(s.Close)
	s.writeDir(tb)
	return s
}

// Close shuts both hosts down.
func (s *Site) Close() {
	s.Server.Close()
	s.Other.Close()
}

func (s *Site) add(d *Doc) {
	d.Modified = d.Published.Add(2 * time.Hour)
	s.docs[d.Path] = d
}

func (s *Site) writeDir(tb testing.TB) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Join(s.Dir, "deliberations"), 0o755); err != nil {
		tb.Fatal(err)
	}
	for _, d := range s.Docs() {
		p := filepath.Join(s.Dir, d.Name)
		if strings.HasSuffix(d.Name, ".pdf") {
			p = filepath.Join(s.Dir, "deliberations", d.Name)
		}
		if err := os.WriteFile(p, d.Body, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	// A dangling link: a per-item error for a folder collector.
	if err := os.Symlink(filepath.Join(s.Dir, "disparu.pdf"), filepath.Join(s.Dir, "lien-casse.pdf")); err != nil {
		tb.Logf("no symlink: %v", err)
	}
}

// Docs returns the site's documents sorted by path.
func (s *Site) Docs() []*Doc {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*Doc, 0, len(s.docs))
	for _, d := range s.docs {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// DocURLs returns the absolute URLs of the documents, sorted.
func (s *Site) DocURLs() []string {
	var out []string
	for _, d := range s.Docs() {
		out = append(out, s.URL+d.Path)
	}
	return out
}

// DocFor returns the document a URL designates, on the site or in Dir, or nil.
func (s *Site) DocFor(raw string) *Doc {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch u.Scheme {
	case "http", "https":
		if u.Scheme+"://"+u.Host != s.URL {
			return nil
		}
		return s.docs[u.Path]
	case "file":
		rel, err := filepath.Rel(s.Dir, filepath.FromSlash(u.Path))
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil
		}
		for _, d := range s.docs {
			if filepath.Base(rel) == d.Name {
				return d
			}
		}
	}
	return nil
}

// Change gives the document at path a new body and modification time, as a site
// that corrects a communiqué would.
func (s *Site) Change(p string, suffix string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p]
	d.Body = bytes.Replace(d.Body, []byte("</main>"), []byte("<p>"+html.EscapeString(suffix)+"</p></main>"), 1)
	d.Modified = d.Modified.Add(24 * time.Hour)
}

// Hits returns the number of requests for a path (on the other host: "other:"+path).
func (s *Site) Hits(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

// FullResponses returns the number of 200 answers with a body, for every path.
func (s *Site) FullResponses() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.full {
		n += v
	}
	return n
}

func (s *Site) count(p string) {
	s.mu.Lock()
	s.hits[p]++
	s.mu.Unlock()
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	s.count(r.URL.Path)
	if r.Header.Get(MarkerHeader) == "" && r.URL.Path != "/robots.txt" {
		s.mu.Lock()
		s.hits["unmarked"]++
		s.mu.Unlock()
	}
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		fmt.Fprint(w, "# Préfecture de test\nUser-agent: *\nDisallow: /prive/\n\nSitemap: "+s.URL+"/sitemap.xml\n")
	case p == "/communiques" || p == "/communiques/":
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		s.serveBytes(w, r, "text/html; charset=utf-8", s.listing(max(page, 1)), time.Time{})
	case p == PathDSFRNews:
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		s.serveBytes(w, r, "text/html; charset=utf-8", s.dsfrNews(max(page, 1)), time.Time{})
	case p == "/feed.xml":
		s.serveBytes(w, r, "application/rss+xml; charset=utf-8", s.feed(), time.Time{})
	case p == "/sitemap.xml":
		s.serveBytes(w, r, "application/xml", s.sitemapIndex(), time.Time{})
	case p == "/sitemap-communiques.xml":
		s.serveBytes(w, r, "application/xml", s.sitemap("/communiques/"), time.Time{})
	case p == "/sitemap-deliberations.xml":
		s.serveBytes(w, r, "application/xml", s.sitemap("/deliberations/"), time.Time{})
	case p == PathFlaky:
		s.mu.Lock()
		s.flaky++
		n := s.flaky
		s.mu.Unlock()
		if n <= 2 {
			http.Error(w, "Service temporairement indisponible", http.StatusServiceUnavailable)
			return
		}
		s.serveBytes(w, r, "text/html; charset=utf-8", page("Communiqué publié après une panne", "<p>Le site était en maintenance.</p>"), time.Time{})
	case p == PathBusy:
		s.mu.Lock()
		s.busy++
		n := s.busy
		s.mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", strconv.Itoa(int(RetryAfterBusy/time.Second)))
			http.Error(w, "Trop de requêtes", http.StatusTooManyRequests)
			return
		}
		s.serveBytes(w, r, "text/html; charset=utf-8", page("Communiqué servi après attente", "<p>Merci de votre patience.</p>"), time.Time{})
	case p == PathLoop:
		http.Redirect(w, r, PathLoop+"-retour", http.StatusFound)
	case p == PathLoop+"-retour":
		http.Redirect(w, r, PathLoop, http.StatusFound)
	case p == PathAway:
		http.Redirect(w, r, s.Other.URL+"/communique.html", http.StatusMovedPermanently)
	case p == PathBig:
		w.Header().Set("Content-Type", "application/pdf")
		w.Header().Set("Content-Length", strconv.Itoa(BigSize))
		w.Write(bytes.Repeat([]byte("%PDF-1.4 "), BigSize/9+1)[:BigSize])
	case p == PathBigChunked:
		w.Header().Set("Content-Type", "text/html")
		for range BigSize / 4096 {
			if _, err := w.Write(bytes.Repeat([]byte("<p>"), 4096/3+1)[:4096]); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	case p == PathCP1252:
		body := page("Délibération relative à l'aménagement du centre-bourg", "<p>Le conseil municipal a approuvé l'opération de rénovation énergétique de l'école élémentaire pour un montant de 250 000 €.</p>")
		body = bytes.Replace(body, []byte(`<meta charset="utf-8">`), []byte(`<meta charset="windows-1252">`), 1)
		enc, err := charmap.Windows1252.NewEncoder().Bytes(body)
		if err != nil {
			panic(err)
		}
		s.serveBytes(w, r, "text/html; charset=windows-1252", enc, time.Time{})
	case p == PathSlow:
		select {
		case <-time.After(s.Slow):
			fmt.Fprint(w, "<html><body><p>Enfin.</p></body></html>")
		case <-r.Context().Done():
		}
	case strings.HasPrefix(p, "/prive/"):
		s.serveBytes(w, r, "text/html; charset=utf-8", page("Note interne", "<p>Ne pas diffuser.</p>"), time.Time{})
	default:
		s.mu.Lock()
		d, ok := s.docs[p]
		var body []byte
		var ct string
		var mod time.Time
		if ok {
			body, ct, mod = d.Body, d.ContentType, d.Modified
		}
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		s.serveBytes(w, r, ct, body, mod)
	}
}

// serveBytes answers with ETag and Last-Modified, and 304 to a matching conditional
// request (http.ServeContent does the checking).
func (s *Site) serveBytes(w http.ResponseWriter, r *http.Request, ct string, body []byte, mod time.Time) {
	w.Header().Set("Content-Type", ct)
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, hash(body)))
	rec := &statusRecorder{ResponseWriter: w}
	http.ServeContent(rec, r, "", mod, bytes.NewReader(body))
	if rec.status == http.StatusOK && r.Method == http.MethodGet {
		s.mu.Lock()
		s.full[r.URL.Path]++
		s.mu.Unlock()
	}
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func hash(b []byte) uint64 {
	var h uint64 = 14695981039346656037
	for _, c := range b {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// page wraps content in a page with the navigation and footer of an institution's site.
func page(title, content string) []byte {
	return []byte(`<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>` + html.EscapeString(title) + ` | Région Bourgogne-Franche-Comté</title></head>
<body>
<header><nav class="menu"><a href="/">Accueil</a> <a href="/communiques">Salle de presse</a> <a href="/prive/note-interne.html">Intranet</a> <a href="https://www.facebook.com/region">Facebook</a></nav></header>
<main><h1>` + html.EscapeString(title) + `</h1>
` + content + `
</main>
<footer><p>Région Bourgogne-Franche-Comté — 4 square Castan, 25031 Besançon Cedex</p><a href="/mentions-legales">Mentions légales</a> <a href="/communiques?page=1">Tous les communiqués</a></footer>
</body></html>
`)
}

func (s *Site) communique(i int, d *Doc) []byte {
	delib := fmt.Sprintf("/deliberations/delib-2024-%02d.pdf", (i-1)%NumDeliberations+1)
	content := fmt.Sprintf(`<p class="date">Besançon, le %d mars 2024</p>
<p>La commission permanente du conseil régional a attribué une subvention de %d 000 € à la commune de Besançon pour la rénovation énergétique de ses écoles (projet n° %d).</p>
<p>« Ce soutien traduit notre engagement pour la transition écologique », a déclaré la présidente.</p>
<div class="fr-downloads-group"><ul><li><a class="document fr-link fr-link--download" href="%s">Lire la délibération (PDF)</a></li></ul></div>`, d.Published.Day(), 100+i, i, delib)
	return page(d.Title, content)
}

func (s *Site) listing(p int) []byte {
	var cps []*Doc
	for _, d := range s.Docs() {
		if strings.HasPrefix(d.Path, "/communiques/") {
			cps = append(cps, d)
		}
	}
	var b strings.Builder
	b.WriteString(`<section class="liste">`)
	if p == 1 {
		// A link that does not parse: a per-item error, not the end of the listing.
		b.WriteString(`<article class="communique"><h3><a href="http://%zz/cp.html">Lien cassé</a></h3></article>`)
	}
	for i := (p - 1) * PerPage; i < min(p*PerPage, len(cps)); i++ {
		d := cps[i]
		fmt.Fprintf(&b, `<article class="communique"><h3><a href="%s#haut">%s</a></h3><time datetime="%s">%s</time></article>`,
			d.Path, html.EscapeString(d.Title), d.Published.Format("2006-01-02"), d.Published.Format("02/01/2006"))
	}
	b.WriteString(`</section><nav class="pagination">`)
	if p > 1 {
		fmt.Fprintf(&b, `<a class="prev" href="?page=%d">Précédent</a>`, p-1)
	}
	if p*PerPage < len(cps) {
		fmt.Fprintf(&b, `<a class="next" rel="next" href="?page=%d">Suivant</a>`, p+1)
	}
	b.WriteString(`</nav>`)
	return page(fmt.Sprintf("Communiqués de presse — page %d", p), b.String())
}

func (s *Site) feed() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Actualités et publications</title><link>` + s.URL + `/</link><description>Communiqués et recueil des actes</description>
<item><title>Entrée sans lien</title><description>Une entrée mal formée.</description></item>
`)
	for _, d := range s.Docs() {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s%s</link><guid>%s%s</guid><pubDate>%s</pubDate></item>\n",
			html.EscapeString(d.Title), s.URL, d.Path, s.URL, d.Path, d.Published.Format(time.RFC1123Z))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

func (s *Site) sitemapIndex() []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>` + s.URL + `/sitemap-communiques.xml</loc></sitemap>
<sitemap><loc>` + s.URL + `/sitemap-absent.xml</loc></sitemap>
<sitemap><loc>` + s.URL + `/sitemap-deliberations.xml</loc><lastmod>2024-04-01</lastmod></sitemap>
</sitemapindex>
`)
}

func (s *Site) sitemap(prefix string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
`)
	for _, d := range s.Docs() {
		if strings.HasPrefix(d.Path, prefix) {
			fmt.Fprintf(&b, "<url><loc>%s%s</loc><lastmod>%s</lastmod></url>\n", s.URL, d.Path, d.Modified.Format(time.RFC3339))
		}
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

var (
	pdfMu    sync.Mutex
	pdfCache = map[int][]byte{}
)

// deliberationPDF makes a one-page PDF with a text layer, as a recueil des actes has.
func deliberationPDF(i int, date time.Time) []byte {
	pdfMu.Lock()
	defer pdfMu.Unlock()
	if b, ok := pdfCache[i]; ok {
		return b
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	tr := p.UnicodeTranslatorFromDescriptor("cp1252")
	p.AddPage()
	p.SetFont("Helvetica", "B", 14)
	p.MultiCell(0, 8, tr(fmt.Sprintf("DÉLIBÉRATION N° 2024-%02d", i)), "", "C", false)
	p.SetFont("Helvetica", "", 11)
	for _, line := range []string{
		fmt.Sprintf("Séance du %s du conseil départemental du Doubs", date.Format("02/01/2006")),
		"Objet : aide à l'investissement des communes rurales",
		fmt.Sprintf("Le conseil départemental décide d'attribuer une subvention de %d 500 euros à la commune de Pontarlier.", 10+i),
		"Adopté à l'unanimité.",
		"La présidente du conseil départemental",
	} {
		p.MultiCell(0, 6, tr(line), "", "L", false)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		panic(err)
	}
	pdfCache[i] = buf.Bytes()
	return pdfCache[i]
}
