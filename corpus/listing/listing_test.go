package listing

import (
	"context"
	"strings"
	"testing"

	"terril/corpus"
	"terril/corpus/collectortest"
)

func press(s *collectortest.Site) *Collector {
	return &Collector{
		URL:       s.URL + "/communiques",
		Links:     "article.communique h3 a",
		Next:      "nav.pagination a[rel=next]",
		Documents: "main a.document",
		MaxDepth:  2,
	}
}

func TestCollector(t *testing.T) {
	collectortest.Run(t, func(s *collectortest.Site) corpus.Collector { return press(s) })
}

func collect(t *testing.T, c *Collector, f corpus.Fetcher) (ok []corpus.Item, bad []error) {
	t.Helper()
	err := c.List(context.Background(), f, func(it corpus.Item) error {
		if it.Err != nil {
			bad = append(bad, it.Err)
		} else {
			ok = append(ok, it)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ok, bad
}

func TestPageAndDepthLimits(t *testing.T) {
	s := collectortest.NewSite(t)
	c := press(s)
	c.MaxPages, c.MaxDepth = 2, 1
	f := &collectortest.Fetcher{}
	ok, _ := collect(t, c, f)
	if len(ok) != 2*collectortest.PerPage {
		t.Fatalf("%d items from 2 pages, want %d", len(ok), 2*collectortest.PerPage)
	}
	for _, it := range ok {
		if !strings.Contains(it.URL, "/communiques/cp-") || !strings.HasPrefix(it.Title, "La Région soutient") {
			t.Errorf("item %q %q", it.URL, it.Title)
		}
	}
	// Depth 1 reads no article page.
	for _, u := range f.Fetched() {
		if strings.Contains(u, "/communiques/cp-") {
			t.Errorf("depth 1 fetched %s", u)
		}
	}
}

func TestBrokenLinkReported(t *testing.T) {
	s := collectortest.NewSite(t)
	_, bad := collect(t, press(s), &collectortest.Fetcher{})
	if len(bad) != 1 || !strings.Contains(bad[0].Error(), "%zz") || !strings.Contains(bad[0].Error(), "/communiques") {
		t.Fatalf("per-item errors = %v, want the broken link, naming the page", bad)
	}
}

func TestFirstPageFails(t *testing.T) {
	s := collectortest.NewSite(t)
	c := press(s)
	c.URL = s.URL + "/salle-de-presse-absente"
	if err := c.List(context.Background(), &collectortest.Fetcher{}, func(corpus.Item) error { return nil }); err == nil {
		t.Fatal("no error when the first listing page is missing")
	}
}

// A listing whose selector matches nothing says so, naming the page.
func TestEmptyListingIsAnError(t *testing.T) {
	s := collectortest.NewSite(t)
	c := press(s)
	c.Links = "div.fr-card h3 a"
	err := c.List(context.Background(), &collectortest.Fetcher{}, func(corpus.Item) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "no item found on "+s.URL+"/communiques") || !strings.Contains(err.Error(), "site may have changed") {
		t.Fatalf("List = %v, want the no-item error", err)
	}
}
