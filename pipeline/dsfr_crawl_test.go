package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"terril/corpus"
	"terril/corpus/collectortest"
	"terril/corpus/dsfr"
	"terril/corpus/dsfr/dsfrtest"
	"terril/corpus/sitemap"
	"terril/extract"
	"terril/pipeline"
	"terril/pipeline/fetch"
)

// A préfecture's recueils des actes, crawled end to end on a loopback DSFR site: the
// RAA page's year cards (paged), a year's download links (paged) and a year's month
// cards lead to the recueil PDFs, which are fetched, read and extracted with their
// acts' references and their publication date. The empty year page is reported as
// a failure naming it. A real recueil (the Var's n° 83-2025-240) joins them when
// ../shared holds it.
func TestCrawlDSFRRecueils(t *testing.T) {
	real, err := os.ReadFile(filepath.Join("..", "..", "shared", "pdfs", "pref83_raa_2025-240.pdf"))
	if err != nil {
		t.Logf("no real recueil, crawling the generated ones only: %v", err)
		real = nil
	}
	site := dsfrtest.New(t, dsfrtest.Options{RealPDF: real})
	client, err := fetch.New(fetch.Options{Contact: "veille@terril.example", Rate: 1000, Burst: 10,
		Timeout: 10 * time.Second, Retries: 1, Backoff: time.Millisecond, MaxSize: 16 << 20})
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t, t.TempDir())
	sink := newMemSink()
	src := []pipeline.CrawlSource{{Name: "prefecture-59-raa", Collector: &dsfr.Collector{URL: site.RAAURL()},
		AllowedHosts: []string{strings.TrimPrefix(site.URL, "http://")}}}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := &pipeline.Crawler{Client: client, Store: st}
	if _, err := pipeline.Run(context.Background(), pipeline.Config{Processor: &pipeline.Processor{Extractor: x}, Sink: sink,
		Workers: 2, Indexed: c.Indexed, Failed: c.Failed}, c.Produce(src)); err != nil {
		t.Fatal(err)
	}
	s := c.Stats()[0]
	want := len(site.RecueilURLs())
	if s.Listed != want || s.New != want || s.Indexed != want || s.Err != nil {
		t.Fatalf("stats %+v, want %d recueils listed, new and indexed", s, want)
	}
	if len(s.Failures) != 1 || !strings.Contains(s.Failures[0].Reason, "no item found on "+site.URL+dsfrtest.PathEmptyYear) ||
		!strings.Contains(s.Failures[0].Reason, "the site may have changed") {
		t.Errorf("failures %+v, want the empty year page", s.Failures)
	}
	byURL := map[string]*corpus.Document{}
	for _, d := range sink.docs {
		byURL[d.URL] = d
	}
	for _, rc := range site.Recueils() {
		d := byURL[site.URL+rc.Path]
		if d == nil {
			t.Errorf("recueil %s not indexed", rc.Number)
			continue
		}
		if d.Published != rc.Published.Format("2006-01-02") {
			t.Errorf("recueil %s: published %q, want %s", rc.Number, d.Published, rc.Published.Format("2006-01-02"))
		}
		if !hasRef(d, strings.TrimPrefix(rc.Act, "arrêté préfectoral n° ")) {
			t.Errorf("recueil %s: references %+v, want its %s", rc.Number, d.References, rc.Act)
		}
	}
	if real == nil {
		return
	}
	d := byURL[site.URL+dsfrtest.PathRealPDF]
	if d == nil {
		t.Fatal("the real recueil was not indexed")
	}
	if d.Published != "2025-07-11" || !hasRef(d, "83-2025-07-08-00007") {
		t.Errorf("real recueil: published %q, %d references (%+v…), want 2025-07-11 and the arrêté 83-2025-07-08-00007",
			d.Published, len(d.References), d.References[:min(3, len(d.References))])
	}
}

func hasRef(d *corpus.Document, number string) bool {
	for _, r := range d.References {
		if r.Number == number {
			return true
		}
	}
	return false
}

// A source that lists nothing (here a sitemap whose include filter matches none of
// its URLs, as when a site moves its press room) is reported, not a success.
func TestCrawlNothingListedIsReported(t *testing.T) {
	s := collectortest.NewSite(t)
	src := []pipeline.CrawlSource{{Name: "plan", Collector: &sitemap.Collector{URL: s.URL + "/sitemap.xml"},
		AllowedHosts: []string{strings.TrimPrefix(s.URL, "http://")}, Include: regexp.MustCompile(`/salle-de-presse/`)}}
	r := crawlOnce(context.Background(), t, openStore(t, t.TempDir()), newClient(t, nil), newMemSink(), src)
	if r.err != nil {
		t.Fatal(r.err)
	}
	if e := r.sources["plan"].Err; e == nil || !strings.Contains(e.Error(), "no document listed from plan") {
		t.Fatalf("Err = %v, want the nothing-listed error", e)
	}
}
