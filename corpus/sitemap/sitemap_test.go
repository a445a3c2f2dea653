package sitemap

import (
	"bytes"
	"compress/gzip"
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"terril/corpus"
	"terril/corpus/collectortest"
)

func TestCollector(t *testing.T) {
	collectortest.Run(t, func(s *collectortest.Site) corpus.Collector {
		return &Collector{URL: s.URL + "/sitemap.xml"}
	})
}

func TestIncludeAndLastmod(t *testing.T) {
	s := collectortest.NewSite(t)
	c := &Collector{URL: s.URL + "/sitemap.xml", Include: regexp.MustCompile(`/deliberations/`)}
	var got []corpus.Item
	err := c.List(context.Background(), &collectortest.Fetcher{}, func(it corpus.Item) error {
		if it.Err == nil {
			got = append(got, it)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != collectortest.NumDeliberations {
		t.Fatalf("%d items, want the %d deliberations", len(got), collectortest.NumDeliberations)
	}
	for _, it := range got {
		if d := s.DocFor(it.URL); d == nil || !it.Modified.Equal(d.Modified) {
			t.Errorf("%s: Modified %s", it.URL, it.Modified)
		}
	}
}

func TestParseLastmod(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2024-03-05":                time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
		"2024-03-05T10:30:00+01:00": time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC),
		"2024-03-05T10:30+01:00":    time.Date(2024, 3, 5, 9, 30, 0, 0, time.UTC),
		" 2024-03 ":                 time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		"5 mars 2024":               {},
	} {
		if got := parseLastmod(in); !got.Equal(want) {
			t.Errorf("parseLastmod(%q) = %s, want %s", in, got, want)
		}
	}
}

type staticFetcher map[string][]byte

func (f staticFetcher) Fetch(ctx context.Context, u string) (*corpus.Response, error) {
	b, ok := f[u]
	if !ok {
		return nil, context.Canceled
	}
	return &corpus.Response{URL: u, FinalURL: u, Status: 200, Body: b}, nil
}

func TestGzipAndRelative(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/actes/raa-2024-07.pdf</loc></url><url><loc>mailto:prefecture@exemple.gouv.fr</loc></url></urlset>`))
	zw.Close()
	f := staticFetcher{"https://www.doubs.gouv.fr/sitemap.xml.gz": buf.Bytes()}
	var ok, bad []string
	err := (&Collector{URL: "https://www.doubs.gouv.fr/sitemap.xml.gz"}).List(context.Background(), f, func(it corpus.Item) error {
		if it.Err != nil {
			bad = append(bad, it.Err.Error())
		} else {
			ok = append(ok, it.URL)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ok) != 1 || ok[0] != "https://www.doubs.gouv.fr/actes/raa-2024-07.pdf" || len(bad) != 1 || !strings.Contains(bad[0], "mailto") {
		t.Fatalf("ok %v, bad %v", ok, bad)
	}
}

func FuzzSitemap(f *testing.F) {
	f.Add([]byte(`<urlset><url><loc>https://a.fr/x</loc><lastmod>2024-01-01</lastmod></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://a.fr/s.xml</loc></sitemap></sitemapindex>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fe := staticFetcher{"https://a.fr/sitemap.xml": data}
		(&Collector{URL: "https://a.fr/sitemap.xml"}).List(context.Background(), fe, func(it corpus.Item) error {
			if it.Err == nil && !strings.HasPrefix(it.URL, "http") && !strings.HasPrefix(it.URL, "file:") {
				t.Fatalf("listed %q", it.URL)
			}
			return nil
		})
	})
}
