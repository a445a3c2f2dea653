package feed_test

import (
	"context"
	"testing"

	"terril/corpus"
	"terril/corpus/collectortest"
	"terril/corpus/feed"
)

func TestCollector(t *testing.T) {
	collectortest.Run(t, func(s *collectortest.Site) corpus.Collector {
		return &feed.Collector{URL: s.URL + "/feed.xml"}
	})
}

func TestHints(t *testing.T) {
	s := collectortest.NewSite(t)
	c := &feed.Collector{URL: s.URL + "/feed.xml"}
	var got []corpus.Item
	if err := c.List(context.Background(), &collectortest.Fetcher{}, func(it corpus.Item) error {
		if it.Err == nil {
			got = append(got, it)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, it := range got {
		d := s.DocFor(it.URL)
		if it.Title != d.Title || !it.Published.Equal(d.Published) {
			t.Errorf("%s: hints %q %s, want %q %s", it.URL, it.Title, it.Published, d.Title, d.Published)
		}
	}
}

func TestNotAFeed(t *testing.T) {
	s := collectortest.NewSite(t)
	c := &feed.Collector{URL: s.DocURLs()[0]}
	err := c.List(context.Background(), &collectortest.Fetcher{}, func(corpus.Item) error { return nil })
	if err == nil {
		t.Fatal("List of an HTML page as a feed: no error")
	}
}
