package urls

import (
	"context"
	"fmt"

	"terril/corpus"
)

// Collector lists the URLs it is given.
type Collector struct {
	URLs []string
}

var _ corpus.Collector = (*Collector)(nil)

// List sends each URL once, in order; one that is not an absolute http, https or file
// URL is a per-item error. It fetches nothing.
func (c *Collector) List(ctx context.Context, _ corpus.Fetcher, fn func(corpus.Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	em := corpus.NewEmitter(ctx, fn)
	for _, raw := range c.URLs {
		u, err := corpus.ResolveURL("", raw)
		if err == nil {
			err = em.Emit(corpus.Item{URL: u})
		} else {
			err = em.Fail(raw, fmt.Errorf("urls: %w", err))
		}
		if err != nil {
			return err
		}
	}
	return nil
}
