package dsfr

import (
	"context"
	"errors"
	"strings"
	"testing"

	"terril/corpus"
	"terril/corpus/collectortest"
	"terril/corpus/dsfr/dsfrtest"
)

// The shared suite, on the test site's DSFR news listing: the cards are the
// communiqués, and each communiqué's download group links its deliberation.
func TestCollector(t *testing.T) {
	collectortest.Run(t, func(s *collectortest.Site) corpus.Collector {
		return &Collector{URL: s.URL + collectortest.PathDSFRNews, Mode: News, Attachments: true}
	})
}

func collect(t *testing.T, c *Collector) (ok []corpus.Item, bad []error, err error) {
	t.Helper()
	err = c.List(context.Background(), &collectortest.Fetcher{}, func(it corpus.Item) error {
		if it.Err != nil {
			bad = append(bad, it.Err)
		} else {
			ok = append(ok, it)
		}
		return nil
	})
	return ok, bad, err
}

// An RAA page of year cards, paged, whose year pages (one of them paged too) list
// month cards or recueils as downloads: every recueil, once, nothing else.
func TestRAAWalk(t *testing.T) {
	site := dsfrtest.New(t, dsfrtest.Options{})
	ok, bad, err := collect(t, &Collector{URL: site.RAAURL()})
	if err != nil {
		t.Fatal(err)
	}
	got, recueils := map[string]bool{}, map[string]bool{}
	for _, u := range site.RecueilURLs() {
		recueils[u] = true
	}
	for _, it := range ok {
		// A recueil, whether named .pdf or not (a card straight to its file).
		if !recueils[it.URL] {
			t.Errorf("listed %s, not a recueil", it.URL)
		}
		if !strings.HasPrefix(it.Title, "Recueil des actes administratifs") || strings.Contains(it.Title, "Ko") {
			t.Errorf("title hint %q", it.Title)
		}
		got[it.URL] = true
	}
	for _, u := range site.RecueilURLs() {
		if !got[u] {
			t.Errorf("recueil %s not listed", u)
		}
	}
	if len(ok) != len(site.RecueilURLs()) {
		t.Errorf("%d items, want %d", len(ok), len(site.RecueilURLs()))
	}
	// The empty year page is reported, naming it.
	if len(bad) != 1 || !errors.Is(bad[0], ErrNoItem) || !strings.Contains(bad[0].Error(), site.URL+dsfrtest.PathEmptyYear) ||
		!strings.Contains(bad[0].Error(), "no item found on") {
		t.Errorf("per-item errors = %v, want the empty year page", bad)
	}
}

func TestDepthLimit(t *testing.T) {
	site := dsfrtest.New(t, dsfrtest.Options{})
	ok, _, err := collect(t, &Collector{URL: site.RAAURL(), MaxDepth: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Depth 1 reaches the year pages only: the recueils listed there, not the months'.
	if len(ok) == 0 || len(ok) >= len(site.RecueilURLs()) {
		t.Errorf("depth 1: %d items of %d", len(ok), len(site.RecueilURLs()))
	}
}

// A listing that lists nothing is an error naming its URL, not a silent success.
func TestEmptyListingIsAnError(t *testing.T) {
	site := dsfrtest.New(t, dsfrtest.Options{})
	for _, c := range []*Collector{
		{URL: site.URL + dsfrtest.PathRedesigned},
		{URL: site.URL + dsfrtest.PathRedesigned, Mode: News},
	} {
		ok, _, err := collect(t, c)
		if err == nil || !errors.Is(err, ErrNoItem) || !strings.Contains(err.Error(), "no item found on "+c.URL) ||
			!strings.Contains(err.Error(), "the site may have changed") || len(ok) > 0 {
			t.Errorf("mode %q: List = %v (%d items), want the no-item error naming %s", c.Mode, err, len(ok), c.URL)
		}
	}
}

func TestUnknownMode(t *testing.T) {
	if _, _, err := collect(t, &Collector{URL: "http://127.0.0.1:1/", Mode: "annuaire"}); err == nil {
		t.Fatal("no error for an unknown mode")
	}
}

func TestIsFile(t *testing.T) {
	for u, want := range map[string]bool{
		"https://www.var.gouv.fr/contenu/telechargement/1234/RAA.pdf": true,
		"https://www.var.gouv.fr/Publications/RAA/2025":               false,
		"https://www.var.gouv.fr/a/b.PDF?v=2":                         true,
	} {
		if isFile(u) != want {
			t.Errorf("isFile(%q) = %v", u, !want)
		}
	}
}

// The RAA page's sidebar leads to another section: followed only when the scope
// is widened to it; the card to another site never is.
func TestScope(t *testing.T) {
	site := dsfrtest.New(t, dsfrtest.Options{})
	for scope, want := range map[string]bool{"": false, "/Publications/": true} {
		ok, _, err := collect(t, &Collector{URL: site.RAAURL(), Scope: scope})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, it := range ok {
			if strings.HasSuffix(it.URL, "/avis-enquete.pdf") {
				got = true
			}
			if strings.Contains(it.URL, "service-public") {
				t.Errorf("scope %q: listed %s", scope, it.URL)
			}
		}
		if got != want {
			t.Errorf("scope %q: other section listed %v, want %v", scope, got, want)
		}
	}
}
