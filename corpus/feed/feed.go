package feed

import (
	"bytes"
	"context"
	"fmt"

	"github.com/mmcdole/gofeed"

	"terril/corpus"
)

// Collector lists the entries of an RSS or Atom feed.
type Collector struct {
	URL string // the feed's URL
	// Enclosures, when true, lists an entry's enclosures (PDF attachments) too.
	Enclosures bool
}

var _ corpus.Collector = (*Collector)(nil)

// List fetches the feed through f and sends, for each entry, its link (or, when it
// has none, its first enclosure), with the entry's title and dates as hints. An entry
// without any link is a per-item error.
func (c *Collector) List(ctx context.Context, f corpus.Fetcher, fn func(corpus.Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	resp, err := f.Fetch(ctx, c.URL)
	if err != nil {
		return fmt.Errorf("feed %s: %w", c.URL, err)
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.Body))
	if err != nil {
		return fmt.Errorf("feed %s: %w", c.URL, err)
	}
	base := resp.FinalURL
	if base == "" {
		base = c.URL
	}
	em := corpus.NewEmitter(ctx, fn)
	for i, it := range feed.Items {
		var links []string
		if it.Link != "" {
			links = append(links, it.Link)
		} else if len(it.Links) > 0 {
			links = append(links, it.Links[0])
		}
		for j, enc := range it.Enclosures {
			if enc.URL != "" && (c.Enclosures || (len(links) == 0 && j == 0)) {
				links = append(links, enc.URL)
			}
		}
		if len(links) == 0 {
			if err := em.Fail(c.URL, fmt.Errorf("feed %s: entry %d (%q) has no link", c.URL, i+1, it.Title)); err != nil {
				return err
			}
			continue
		}
		for _, l := range links {
			u, err := corpus.ResolveURL(base, l)
			if err != nil {
				err = em.Fail(c.URL, fmt.Errorf("feed %s: entry %d: %w", c.URL, i+1, err))
			} else {
				item := corpus.Item{URL: u, Title: it.Title}
				if it.PublishedParsed != nil {
					item.Published = *it.PublishedParsed
				}
				if it.UpdatedParsed != nil {
					item.Modified = *it.UpdatedParsed
				}
				err = em.Emit(item)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}
