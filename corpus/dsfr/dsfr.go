package dsfr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"terril/corpus"
)

// Modes of a Collector.
const (
	// RAA: cards are navigation (years, months, recueils), followed up to MaxDepth
	// levels; the documents are the download links found on every page, and cards
	// that link straight to a file.
	RAA = "raa"
	// News: the cards of the listing pages are the documents (communiqués,
	// articles); with Attachments, each is also read for its download links.
	News = "news"
)

// The DSFR's documented markup; a Collector's selectors default to these.
const (
	CardSelector     = ".fr-card__title a[href], .fr-card__title[href]"
	NextSelector     = ".fr-pagination a.fr-pagination__link--next[href]"
	DownloadSelector = ".fr-downloads-group a[href], a.fr-link--download[href], a.fr-download__link[href]"
)

// Default limits.
const (
	DefaultMaxPages = 20 // listing pages followed through the pager, per listing
	DefaultMaxDepth = 3  // RAA page → year → month → recueil page
)

// errNotHTML is a page that is not one: a PDF behind a card.
var errNotHTML = errors.New("not an HTML page")

// ErrNoItem is wrapped by the error about a page that should list something and
// lists nothing: its markup is not what the collector expects any more.
var ErrNoItem = errors.New("the site may have changed")

// Collector lists the documents of a DSFR site from one page.
type Collector struct {
	URL  string // the RAA page, or the first page of a news listing
	Mode string // RAA (the default) or News
	// MaxDepth bounds the levels of cards followed below URL in RAA mode (default
	// DefaultMaxDepth); MaxPages the pages read through one listing's pager.
	MaxDepth, MaxPages int
	// Attachments, in News mode, reads each card's page and lists its downloads.
	Attachments bool
	// Scope, in RAA mode, is the path prefix a card's link must have to be
	// followed (default: URL's own path), so that the cards of a sidebar ("Dans la
	// même rubrique", "Enquêtes publiques") do not lead elsewhere.
	Scope string
	// Cards, Next and Downloads override the DSFR selectors, for a site that
	// strays from them.
	Cards, Next, Downloads string
}

var _ corpus.Collector = (*Collector)(nil)

// walk is the state of one List call.
type walk struct {
	c                      *Collector
	f                      corpus.Fetcher
	em                     *corpus.Emitter
	visited                map[string]bool
	scope                  string
	sent                   int // documents sent
	cards, next, downloads string
}

// List reads URL and the pages it leads to through f and sends the documents found.
// The first page failing, or listing nothing, is List's error; another page failing
// or listing nothing is a per-item error naming it.
func (c *Collector) List(ctx context.Context, f corpus.Fetcher, fn func(corpus.Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.Mode != "" && c.Mode != RAA && c.Mode != News {
		return fmt.Errorf("dsfr %s: unknown mode %q (%s or %s)", c.URL, c.Mode, RAA, News)
	}
	w := &walk{c: c, f: f, em: corpus.NewEmitter(ctx, fn), visited: map[string]bool{},
		cards: or(c.Cards, CardSelector), next: or(c.Next, NextSelector), downloads: or(c.Downloads, DownloadSelector)}
	w.scope = c.Scope
	if w.scope == "" {
		if u, err := url.Parse(c.URL); err == nil {
			w.scope = u.Path
		}
	}
	if _, err := w.listing(ctx, c.URL, "", 0); err != nil {
		return err
	}
	if w.sent == 0 {
		// Nothing at all, even if cards were followed: the site has changed.
		return noItem(c.URL, w)
	}
	return nil
}

func or(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func noItem(u string, w *walk) error {
	return fmt.Errorf("dsfr: no item found on %s (no card %q, no download %q): %w", u, w.cards, w.downloads, ErrNoItem)
}

// listing reads a page (the target of a card titled title) and the pages its pager
// leads to, and returns how many links (documents or cards) they held. Only the
// first page failing is an error.
func (w *walk) listing(ctx context.Context, u, title string, depth int) (int, error) {
	maxPages := w.c.MaxPages
	if maxPages <= 0 {
		maxPages = DefaultMaxPages
	}
	total := 0
	for n := 1; n <= maxPages && u != ""; n++ {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		w.visited[u] = true
		doc, base, err := fetch(ctx, w.f, u)
		if errors.Is(err, errNotHTML) && depth > 0 && n == 1 {
			// A card that led to a file without a file's name: the file is a document.
			w.sent++
			return 1, w.em.Emit(corpus.Item{URL: u, Title: title})
		}
		if err != nil {
			if ctx.Err() != nil || (depth == 0 && n == 1) {
				return total, err
			}
			return total, w.em.Fail(u, err)
		}
		found, err := w.page(ctx, doc, base, depth)
		if err != nil {
			return total, err
		}
		total += found
		if found == 0 && (depth > 0 || n > 1) {
			// The first page's emptiness is List's own error.
			if err := w.em.Fail(u, noItem(u, w)); err != nil {
				return total, err
			}
		}
		u, err = w.nextPage(doc, base)
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// page sends a page's documents and walks its cards; it returns how many links it
// found.
func (w *walk) page(ctx context.Context, doc *goquery.Document, base string, depth int) (int, error) {
	found := 0
	if w.c.Mode != News || depth > 0 {
		for _, l := range links(doc, base, w.downloads) {
			found++
			if err := w.send(base, l); err != nil {
				return found, err
			}
		}
	}
	for _, l := range links(doc, base, w.cards) {
		if !w.inScope(base, l) {
			continue
		}
		found++
		if err := w.card(ctx, base, l, depth); err != nil {
			return found, err
		}
	}
	return found, nil
}

// inScope reports whether a card counts: a broken link (reported), a file, a page
// of the same site (and, in RAA mode, under the scope). Cards to another site
// (service-public.fr, a ministry) are navigation.
func (w *walk) inScope(base string, l link) bool {
	if l.err != nil || l.file || isFile(l.url) {
		return true
	}
	if host(l.url) != host(base) {
		return false
	}
	if w.c.Mode == News {
		return true
	}
	p, err := url.Parse(l.url)
	return err == nil && strings.HasPrefix(p.Path, w.scope)
}

// card sends a card's target as a document or walks it.
func (w *walk) card(ctx context.Context, base string, l link, depth int) error {
	if l.err != nil || l.file || isFile(l.url) {
		return w.send(base, l)
	}
	if w.c.Mode == News {
		if err := w.send(base, l); err != nil {
			return err
		}
		if !w.c.Attachments || w.visited[l.url] {
			return nil
		}
		w.visited[l.url] = true
		return w.attachments(ctx, l.url)
	}
	maxDepth := w.c.MaxDepth
	if maxDepth <= 0 {
		maxDepth = DefaultMaxDepth
	}
	// Cards beyond the depth are navigation; a page already read is not read again.
	if depth >= maxDepth || w.visited[l.url] {
		return nil
	}
	_, err := w.listing(ctx, l.url, l.text, depth+1)
	return err
}

// attachments sends the downloads of a news article.
func (w *walk) attachments(ctx context.Context, u string) error {
	doc, base, err := fetch(ctx, w.f, u)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return w.em.Fail(u, err)
	}
	for _, l := range links(doc, base, w.downloads) {
		if err := w.send(base, l); err != nil {
			return err
		}
	}
	return nil
}

func (w *walk) send(base string, l link) error {
	if l.err != nil {
		return w.em.Fail(base, fmt.Errorf("dsfr %s: %w", base, l.err))
	}
	w.sent++
	return w.em.Emit(corpus.Item{URL: l.url, Title: l.text})
}

// nextPage is the pager's next link: the "next" button, or else the link after the
// current page's number (some sites drop the button's class).
func (w *walk) nextPage(doc *goquery.Document, base string) (string, error) {
	href, ok := doc.Find(w.next).First().Attr("href")
	if !ok {
		href, ok = doc.Find(".fr-pagination [aria-current=page]").First().Closest("li").Next().Find("a[href]").First().Attr("href")
	}
	if !ok {
		return "", nil
	}
	next, err := corpus.ResolveURL(base, href)
	if err != nil {
		return "", w.em.Fail(base, fmt.Errorf("dsfr %s: next page: %w", base, err))
	}
	if w.visited[next] {
		return "", nil
	}
	return next, nil
}

func host(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Host
}

// isFile reports whether a link names a file rather than a page.
func isFile(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch strings.ToLower(path.Ext(p.Path)) {
	case ".pdf", ".odt", ".doc", ".docx", ".rtf", ".txt", ".xls", ".xlsx", ".ods", ".csv", ".zip":
		return true
	}
	return false
}

type link struct {
	url, text string
	file      bool // a download card, or a link with the download attribute
	err       error
}

func links(doc *goquery.Document, base, sel string) []link {
	var out []link
	doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
		href, ok := s.Attr("href")
		if !ok {
			return
		}
		u, err := corpus.ResolveURL(base, href)
		// The download's detail ("PDF – 1,2 Mo") is not part of its title.
		t := s.Clone()
		t.Find(".fr-link__detail, .fr-download__detail").Remove()
		text := strings.Join(strings.Fields(t.Text()), " ")
		// "Télécharger Recueil n° 83-2025-240": the button's verb is not the title either.
		if rest, ok := strings.CutPrefix(text, "Télécharger "); ok && rest != "" {
			text = rest
		}
		_, dl := s.Attr("download")
		dl = dl || s.Closest(".fr-card--download").Length() > 0
		out = append(out, link{url: u, text: text, file: dl, err: err})
	})
	return out
}

func fetch(ctx context.Context, f corpus.Fetcher, u string) (*goquery.Document, string, error) {
	resp, err := f.Fetch(ctx, u)
	if err != nil {
		return nil, "", fmt.Errorf("dsfr %s: %w", u, err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" && !strings.Contains(ct, "html") {
		return nil, "", fmt.Errorf("dsfr %s: %w (%s)", u, errNotHTML, ct)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(resp.Body))
	if err != nil {
		return nil, "", fmt.Errorf("dsfr %s: %w", u, err)
	}
	href, _ := doc.Find("base[href]").First().Attr("href")
	return doc, corpus.PageBase(u, resp.FinalURL, href), nil
}
