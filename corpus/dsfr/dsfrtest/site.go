package dsfrtest

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"terril/corpus/collectortest"
)

// Paths of the site.
const (
	PathRAA        = "/Publications/Recueils-des-actes-administratifs"
	PathEmptyYear  = PathRAA + "/RAA-2023"
	PathRedesigned = "/Publications/Nouvelle-maquette"
	PathRealPDF    = "/contenu/telechargement/99999/recueil-reel.pdf"
	// PathSpecial is a recueil whose card leads straight to the PDF, under another
	// URL without a file's name.
	PathSpecial = PathRAA + "/RAA-2024/recueil-special"
	// PathOtherSection is another section, linked from the RAA page's sidebar: its
	// download is not a recueil.
	PathOtherSection = "/Publications/Enquetes-publiques"
)

// Options configures a Site.
type Options struct {
	// RealPDF, when set, is served at PathRealPDF, listed on the 2025 year page.
	RealPDF []byte
}

// A Recueil is one generated recueil of the site.
type Recueil struct {
	Path      string
	Number    string    // "59-2025-004"
	Published time.Time // its "publié le" date
	Act       string    // the reference of its arrêté: "arrêté préfectoral n° 2025-DDTM-0104"
}

// Site is the test préfecture.
type Site struct {
	*httptest.Server
	opts     Options
	recueils []Recueil
	pdfs     map[string][]byte
	mu       sync.Mutex
	hits     map[string]int
}

// New starts a Site, closed when the test ends.
func New(tb testing.TB, opts Options) *Site {
	tb.Helper()
	s := &Site{opts: opts, pdfs: map[string][]byte{}, hits: map[string]int{}}
	// 2025: seven recueils on two pages of downloads; 2024: two months of two.
	for i := 1; i <= 7; i++ {
		s.addRecueil(tb, 2025, time.Month(1+i/3), i)
	}
	for i := 1; i <= 4; i++ {
		s.addRecueil(tb, 2024, time.Month(11+(i-1)/2), 100+i)
	}
	if opts.RealPDF != nil {
		s.pdfs[PathRealPDF] = opts.RealPDF
	}
	special := Recueil{Number: "59-2024-200", Published: time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC), Act: "arrêté préfectoral n° 2024-SG-0042"}
	b, err := recueilPDF(special)
	if err != nil {
		tb.Fatal(err)
	}
	s.pdfs[PathSpecial] = b
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

func (s *Site) addRecueil(tb testing.TB, year int, month time.Month, n int) {
	tb.Helper()
	r := Recueil{
		Number:    fmt.Sprintf("59-%d-%03d", year, n),
		Published: time.Date(year, month, 2+n%20, 0, 0, 0, 0, time.UTC),
		Act:       fmt.Sprintf("arrêté préfectoral n° %d-DDTM-%04d", year, 100+n),
	}
	r.Path = fmt.Sprintf("/contenu/telechargement/%d/recueil-%s.pdf", 5000+n, r.Number)
	b, err := recueilPDF(r)
	if err != nil {
		tb.Fatal(err)
	}
	s.pdfs[r.Path] = b
	s.recueils = append(s.recueils, r)
}

// RAAURL is the URL of the RAA page.
func (s *Site) RAAURL() string { return s.URL + PathRAA }

// Recueils returns the generated recueils.
func (s *Site) Recueils() []Recueil { return append([]Recueil(nil), s.recueils...) }

// RecueilURLs returns the URLs of every PDF the RAA page leads to, sorted.
func (s *Site) RecueilURLs() []string {
	var out []string
	for p := range s.pdfs {
		out = append(out, s.URL+p)
	}
	sort.Strings(out)
	return out
}

// Hits returns the number of requests for a path.
func (s *Site) Hits(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	page = max(page, 1)
	var body []byte
	ct := "text/html; charset=utf-8"
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		ct, body = "text/plain", []byte("User-agent: *\nDisallow: /prive/\n")
	case p == PathRAA:
		body = s.raaPage(page)
	case p == PathRAA+"/RAA-2025":
		body = s.yearDownloads(2025, page)
	case p == PathRAA+"/RAA-2024":
		body = collectortest.DSFRPage("Recueils des actes administratifs 2024", collectortest.DSFRCard(PathRAA+"/RAA-2024/Novembre", "Novembre 2024", "")+
			collectortest.DSFRCard(PathRAA+"/RAA-2024/Decembre", "Décembre 2024", "")+
			collectortest.DSFRCard(PathSpecial, "Recueil des actes administratifs spécial", ""))
	case p == PathRAA+"/RAA-2024/Novembre":
		body = s.monthDownloads(2024, time.November)
	case p == PathRAA+"/RAA-2024/Decembre":
		body = s.monthDownloads(2024, time.December)
	case p == PathOtherSection:
		body = collectortest.DSFRPage("Enquêtes publiques", collectortest.DSFRDownloads("/contenu/telechargement/1/avis-enquete.pdf", "Avis d'enquête publique"))
	case p == PathEmptyYear:
		body = collectortest.DSFRPage("Recueils des actes administratifs 2023", "<p>Les recueils de 2023 sont consultables en archives.</p>")
	case p == PathRedesigned:
		body = collectortest.DSFRPage("Recueils", `<ul class="liste-raa"><li><a href="/contenu/telechargement/5001/x.pdf">RAA</a></li></ul>`)
	case s.pdfs[p] != nil:
		ct, body = "application/pdf", s.pdfs[p]
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ct)
	http.ServeContent(w, r, "", time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC), bytes.NewReader(body))
}

// raaPage: the year cards, two to a page.
func (s *Site) raaPage(p int) []byte {
	years := []string{"2025", "2024", "2023"}
	var b strings.Builder
	for i := (p - 1) * 2; i < min(p*2, len(years)); i++ {
		b.WriteString(collectortest.DSFRCard(PathRAA+"/RAA-"+years[i], "Recueils des actes administratifs "+years[i], "Mis à jour le 15/07/2025"))
	}
	b.WriteString(collectortest.DSFRPagination(p, 2))
	// A sidebar: cards to another section and another site, not to follow.
	b.WriteString(`<aside class="fr-sidemenu">` + collectortest.DSFRCard(PathOtherSection, "Enquêtes publiques", "") +
		collectortest.DSFRCard("https://www.service-public.fr/particuliers/vosdroits/F1234", "Vos droits", "") + `</aside>`)
	return collectortest.DSFRPage("Recueils des actes administratifs", b.String())
}

func (s *Site) yearDownloads(year, p int) []byte {
	var pairs []string
	for _, r := range s.recueils {
		if r.Published.Year() == year {
			pairs = append(pairs, r.Path, title(r))
		}
	}
	if s.opts.RealPDF != nil && year == 2025 {
		pairs = append(pairs, PathRealPDF, "Recueil des actes administratifs (réel)")
	}
	const per = 4 // pairs per page
	pages := (len(pairs)/2 + per - 1) / per
	lo, hi := (p-1)*per*2, min(p*per*2, len(pairs))
	if lo >= hi {
		return collectortest.DSFRPage("Page absente", "")
	}
	return collectortest.DSFRPage(fmt.Sprintf("Recueils des actes administratifs %d", year),
		collectortest.DSFRDownloads(pairs[lo:hi]...)+collectortest.DSFRPagination(p, pages))
}

func (s *Site) monthDownloads(year int, m time.Month) []byte {
	var pairs []string
	for _, r := range s.recueils {
		if r.Published.Year() == year && r.Published.Month() == m {
			pairs = append(pairs, r.Path, title(r))
		}
	}
	return collectortest.DSFRPage("Recueils", collectortest.DSFRDownloads(pairs...))
}

func title(r Recueil) string {
	return "Recueil des actes administratifs n°" + r.Number + " du " + r.Published.Format("02/01/2006")
}

var months = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// recueilPDF makes a recueil's cover and one act, with a text layer.
func recueilPDF(r Recueil) ([]byte, error) {
	p := fpdf.New("P", "mm", "A4", "")
	p.SetCreationDate(r.Published)
	p.SetModificationDate(r.Published)
	tr := p.UnicodeTranslatorFromDescriptor("cp1252")
	p.AddPage()
	p.SetFont("Helvetica", "B", 14)
	date := fmt.Sprintf("%d %s %d", r.Published.Day(), months[r.Published.Month()-1], r.Published.Year())
	for _, l := range []string{"PRÉFET DU NORD", "RECUEIL DES ACTES ADMINISTRATIFS", "N° " + r.Number, "PUBLIÉ LE " + strings.ToUpper(date)} {
		p.MultiCell(0, 8, tr(l), "", "C", false)
	}
	p.AddPage()
	p.SetFont("Helvetica", "", 11)
	for _, l := range []string{
		"Direction départementale des territoires et de la mer",
		strings.ToUpper(r.Act[:1]) + r.Act[1:] + " portant autorisation de travaux dans le lit de la Lys à Armentières",
		"Le préfet du Nord,",
		"Vu le code de l'environnement, notamment son article L. 214-3 ;",
		"ARRÊTE",
		"Article 1er : les travaux sont autorisés.",
		"Fait à Lille, le " + date,
	} {
		p.MultiCell(0, 6, tr(l), "", "L", false)
	}
	var buf bytes.Buffer
	err := p.Output(&buf)
	return buf.Bytes(), err
}
