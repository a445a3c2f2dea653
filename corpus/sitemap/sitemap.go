package sitemap

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"terril/corpus"
)

// Collector lists the URLs of a sitemap and of the sitemaps its index points to.
type Collector struct {
	URL string // the sitemap's or sitemap index's URL
	// MaxDepth caps the nesting of sitemap indexes (default 3).
	MaxDepth int
	// Include, when set, keeps only the URLs it matches (a site's sitemap lists every
	// page: "/communiques/" keeps the press releases). Nested sitemaps are always read.
	Include *regexp.Regexp
}

var _ corpus.Collector = (*Collector)(nil)

type document struct {
	XMLName  xml.Name
	URLs     []entry `xml:"url"`
	Sitemaps []entry `xml:"sitemap"`
}

type entry struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod"`
}

// maxUncompressed caps a gunzipped sitemap (the protocol allows 50 MB).
const maxUncompressed = 64 << 20

// List fetches the sitemap through f and sends its URLs with their <lastmod> as the
// Modified hint. A nested sitemap that cannot be fetched or parsed is a per-item
// error; the others are still read.
func (c *Collector) List(ctx context.Context, f corpus.Fetcher, fn func(corpus.Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	doc, base, err := fetch(ctx, f, c.URL)
	if err != nil {
		return err
	}
	em := corpus.NewEmitter(ctx, fn)
	return c.walk(ctx, f, em, doc, base, c.URL, 1, map[string]bool{c.URL: true})
}

func (c *Collector) walk(ctx context.Context, f corpus.Fetcher, em *corpus.Emitter, doc *document, base, u string, level int, visited map[string]bool) error {
	depth := c.MaxDepth
	if depth <= 0 {
		depth = 3
	}
	for _, e := range doc.URLs {
		loc, err := corpus.ResolveURL(base, e.Loc)
		if err != nil {
			if err := em.Fail(u, fmt.Errorf("sitemap %s: %w", u, err)); err != nil {
				return err
			}
			continue
		}
		if c.Include != nil && !c.Include.MatchString(loc) {
			continue
		}
		if err := em.Emit(corpus.Item{URL: loc, Modified: parseLastmod(e.Lastmod)}); err != nil {
			return err
		}
	}
	for _, e := range doc.Sitemaps {
		loc, err := corpus.ResolveURL(base, e.Loc)
		if err != nil {
			if err := em.Fail(u, fmt.Errorf("sitemap %s: %w", u, err)); err != nil {
				return err
			}
			continue
		}
		if visited[loc] {
			continue
		}
		visited[loc] = true
		if level >= depth {
			if err := em.Fail(loc, fmt.Errorf("sitemap %s: nested deeper than %d levels", loc, depth)); err != nil {
				return err
			}
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		child, cbase, err := fetch(ctx, f, loc)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := em.Fail(loc, err); err != nil {
				return err
			}
			continue
		}
		if err := c.walk(ctx, f, em, child, cbase, loc, level+1, visited); err != nil {
			return err
		}
	}
	return nil
}

// fetch fetches and parses one sitemap, gunzipping it when needed.
func fetch(ctx context.Context, f corpus.Fetcher, u string) (*document, string, error) {
	resp, err := f.Fetch(ctx, u)
	if err != nil {
		return nil, "", fmt.Errorf("sitemap %s: %w", u, err)
	}
	body := resp.Body
	if bytes.HasPrefix(body, []byte{0x1f, 0x8b}) {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, "", fmt.Errorf("sitemap %s: %w", u, err)
		}
		body, err = io.ReadAll(io.LimitReader(zr, maxUncompressed+1))
		if err != nil {
			return nil, "", fmt.Errorf("sitemap %s: %w", u, err)
		}
		if len(body) > maxUncompressed {
			return nil, "", fmt.Errorf("sitemap %s: more than %d bytes uncompressed", u, maxUncompressed)
		}
	}
	var doc document
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, "", fmt.Errorf("sitemap %s: %w", u, err)
	}
	if n := doc.XMLName.Local; n != "urlset" && n != "sitemapindex" {
		return nil, "", fmt.Errorf("sitemap %s: root element <%s>, want <urlset> or <sitemapindex>", u, n)
	}
	base := resp.FinalURL
	if base == "" {
		base = u
	}
	return &doc, base, nil
}

// parseLastmod reads a W3C datetime at any precision; zero when it cannot.
func parseLastmod(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
