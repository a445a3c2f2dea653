package listing

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"terril/corpus"
)

// Collector lists the documents linked from a paginated HTML listing.
type Collector struct {
	URL string // the first listing page
	// Links selects the links to documents on a listing page ("article h3 a").
	Links string
	// Next selects the link to the next listing page ("a[rel=next]"); empty means a
	// single page.
	Next string
	// Documents, with MaxDepth 2, selects on each linked page further links to list
	// (the PDF of a deliberation linked from its communiqué: "a[href$='.pdf']").
	Documents string
	// MaxPages caps the listing pages read (default 10).
	MaxPages int
	// MaxDepth is 1 (the default) to list the linked pages, 2 to also read each of
	// them and list the links Documents selects there.
	MaxDepth int
}

var _ corpus.Collector = (*Collector)(nil)

// List reads the listing pages through f, following Next up to MaxPages pages (and
// never the same page twice), and sends the links Links selects, with their text as
// the Title hint. A link that does not resolve, a next page or a linked page that
// cannot be fetched, a next page without links is a per-item error; the first page
// failing or holding no link is List's error.
func (c *Collector) List(ctx context.Context, f corpus.Fetcher, fn func(corpus.Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if strings.TrimSpace(c.Links) == "" {
		return errors.New("listing: no links selector")
	}
	maxPages := c.MaxPages
	if maxPages <= 0 {
		maxPages = 10
	}
	em := corpus.NewEmitter(ctx, fn)
	visited := map[string]bool{}
	pageURL := c.URL
	for n := 1; n <= maxPages && pageURL != ""; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		visited[pageURL] = true
		doc, base, err := fetch(ctx, f, pageURL)
		if err != nil {
			if n == 1 || ctx.Err() != nil {
				return err
			}
			return em.Fail(pageURL, err)
		}
		found := links(doc, base, c.Links)
		if len(found) == 0 {
			// A listing page without a link to a document: the site changed its markup
			// (or the selector is wrong). Said loudly, never a silent success.
			err := fmt.Errorf("listing: no item found on %s (no link matching %q): the site may have changed", pageURL, c.Links)
			if n == 1 {
				return err
			}
			if err := em.Fail(pageURL, err); err != nil {
				return err
			}
		}
		for _, l := range found {
			if l.err != nil {
				if err := em.Fail(pageURL, fmt.Errorf("listing %s: %w", pageURL, l.err)); err != nil {
					return err
				}
				continue
			}
			if err := em.Emit(corpus.Item{URL: l.url, Title: l.text}); err != nil {
				return err
			}
			if c.MaxDepth >= 2 && c.Documents != "" {
				if err := c.follow(ctx, f, em, l.url); err != nil {
					return err
				}
			}
		}
		pageURL = ""
		if c.Next != "" {
			if href, ok := doc.Find(c.Next).First().Attr("href"); ok {
				next, err := corpus.ResolveURL(base, href)
				switch {
				case err != nil:
					if err := em.Fail(base, fmt.Errorf("listing %s: next page: %w", base, err)); err != nil {
						return err
					}
				case !visited[next]:
					pageURL = next
				}
			}
		}
	}
	return nil
}

// follow reads a linked page and sends the links Documents selects there.
func (c *Collector) follow(ctx context.Context, f corpus.Fetcher, em *corpus.Emitter, u string) error {
	doc, base, err := fetch(ctx, f, u)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return em.Fail(u, err)
	}
	for _, l := range links(doc, base, c.Documents) {
		if l.err != nil {
			err = em.Fail(u, fmt.Errorf("listing %s: %w", u, l.err))
		} else {
			err = em.Emit(corpus.Item{URL: l.url, Title: l.text})
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type link struct {
	url, text string
	err       error
}

func links(doc *goquery.Document, base, sel string) []link {
	var out []link
	doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
		href, ok := s.Attr("href")
		if !ok {
			// A selector naming the container of the link: take its first link.
			href, ok = s.Find("a[href]").First().Attr("href")
		}
		if !ok {
			return
		}
		u, err := corpus.ResolveURL(base, href)
		out = append(out, link{url: u, text: strings.Join(strings.Fields(s.Text()), " "), err: err})
	})
	return out
}

func fetch(ctx context.Context, f corpus.Fetcher, u string) (*goquery.Document, string, error) {
	resp, err := f.Fetch(ctx, u)
	if err != nil {
		return nil, "", fmt.Errorf("listing %s: %w", u, err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(resp.Body))
	if err != nil {
		return nil, "", fmt.Errorf("listing %s: %w", u, err)
	}
	href, _ := doc.Find("base[href]").First().Attr("href")
	return doc, corpus.PageBase(u, resp.FinalURL, href), nil
}
