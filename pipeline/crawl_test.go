package pipeline_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"terril/corpus"
	"terril/corpus/collectortest"
	"terril/corpus/feed"
	"terril/corpus/listing"
	"terril/corpus/sitemap"
	"terril/corpus/store"
	"terril/corpus/urls"
	"terril/extract/read"
	"terril/index"
	"terril/pipeline"
	"terril/pipeline/fetch"
)

// memSink keeps the last version of each document and counts the commits per ID.
type memSink struct {
	mu    sync.Mutex
	docs  map[string]*corpus.Document
	times map[string]int
}

func newMemSink() *memSink {
	return &memSink{docs: map[string]*corpus.Document{}, times: map[string]int{}}
}

func (s *memSink) Index(docs []*corpus.Document) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range docs {
		s.docs[d.ID] = d
		s.times[d.ID]++
	}
	return nil
}

// countingTransport counts requests and calls hook before each.
type countingTransport struct {
	n    atomic.Int64
	hook func(n int64)
}

func (t *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	n := t.n.Add(1)
	if t.hook != nil {
		t.hook(n)
	}
	return http.DefaultTransport.RoundTrip(r)
}

func newClient(t *testing.T, tr http.RoundTripper) *fetch.Client {
	t.Helper()
	c, err := fetch.New(fetch.Options{
		Contact: "veille@terril.example", Rate: 1000, Burst: 10,
		Timeout: 150 * time.Millisecond, Retries: 2, Backoff: 5 * time.Millisecond, MaxWait: 10 * time.Second,
		MaxSize: 1 << 20, MaxRedirects: 4, Transport: tr,
		// Honour every wait asked for (Retry-After included) at a thousandth of it.
		Sleep: func(ctx context.Context, d time.Duration) error {
			select {
			case <-time.After(d / 1000):
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// siteSources are the test site seen as a press room (listing, depth 2), its feed
// and sitemap, and a list of troublesome URLs.
func siteSources(s *collectortest.Site, edge bool) []pipeline.CrawlSource {
	src := []pipeline.CrawlSource{
		{Name: "presse", Collector: &listing.Collector{URL: s.URL + "/communiques", Links: "article.communique h3 a",
			Next: "a[rel=next]", Documents: "main a.document", MaxDepth: 2}},
		{Name: "fil", Collector: &feed.Collector{URL: s.URL + "/feed.xml"}},
		{Name: "plan", Collector: &sitemap.Collector{URL: s.URL + "/sitemap.xml"}},
	}
	if edge {
		var list []string
		for _, p := range []string{collectortest.PathDisallowed, collectortest.PathFlaky, collectortest.PathBusy,
			collectortest.PathLoop, collectortest.PathAway, collectortest.PathBig, collectortest.PathBigChunked,
			collectortest.PathCP1252, collectortest.PathSlow, collectortest.PathMissing} {
			list = append(list, s.URL+p)
		}
		src = append(src, pipeline.CrawlSource{Name: "cas", Collector: &urls.Collector{URLs: list}})
	}
	for i := range src {
		src[i].AllowedHosts = []string{strings.TrimPrefix(s.URL, "http://")}
	}
	return src
}

type crawlResult struct {
	stats   pipeline.Stats
	sources map[string]pipeline.SourceStats
	err     error
}

func crawlOnce(ctx context.Context, t *testing.T, st *store.Store, client *fetch.Client, sink pipeline.Sink, src []pipeline.CrawlSource) crawlResult {
	t.Helper()
	c := &pipeline.Crawler{Client: client, Store: st}
	stats, err := pipeline.Run(ctx, pipeline.Config{Sink: sink, Workers: 2, Batch: 3, Indexed: c.Indexed, Failed: c.Failed}, c.Produce(src))
	r := crawlResult{stats: stats, err: err, sources: map[string]pipeline.SourceStats{}}
	for _, s := range c.Stats() {
		r.sources[s.Name] = s
	}
	return r
}

func openStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestCrawlIncremental(t *testing.T) {
	s := collectortest.NewSite(t)
	s.Slow = time.Second
	st := openStore(t, t.TempDir())
	sink := newMemSink()
	src := siteSources(s, true)
	client := newClient(t, nil)

	r := crawlOnce(context.Background(), t, st, client, sink, src)
	if r.err != nil {
		t.Fatal(r.err)
	}
	docs := len(s.Docs())
	// Documents, plus the three troublesome pages that end well.
	if want := docs + 3; len(sink.docs) != want || r.stats.Indexed != want {
		t.Fatalf("first run indexed %d (%d distinct), want %d", r.stats.Indexed, len(sink.docs), want)
	}
	if p := r.sources["presse"]; p.Listed != docs || p.New != docs || p.Failed != 1 {
		t.Errorf("presse: %+v", p)
	}
	if f := r.sources["fil"]; f.Listed != docs || f.New != 0 || f.Unchanged != docs || f.Queued != 0 {
		t.Errorf("fil (the same documents, already captured): %+v", f)
	}
	// Each troublesome URL ends as the issue says.
	wantFail := map[string]string{
		collectortest.PathDisallowed: "robots.txt",
		collectortest.PathLoop:       "too many redirects",
		collectortest.PathAway:       "host not allowed",
		collectortest.PathBig:        "too large",
		collectortest.PathBigChunked: "too large",
		collectortest.PathSlow:       "deadline exceeded",
		collectortest.PathMissing:    "404",
	}
	cas := r.sources["cas"]
	if cas.Failed != len(wantFail) || cas.New != 3 {
		t.Errorf("cas: %d failed, %d new; failures %v", cas.Failed, cas.New, cas.Failures)
	}
	for p, why := range wantFail {
		e, ok := st.Entry(s.URL + p)
		if !ok || e.State != store.Failed || !strings.Contains(strings.ToLower(e.Reason), why) {
			t.Errorf("%s: manifest %+v, want failed with %q", p, e, why)
		}
	}
	if n := s.Hits(collectortest.PathDisallowed); n != 0 {
		t.Errorf("disallowed page fetched %d times", n)
	}
	if n := s.Hits("other:/communique.html"); n != 0 {
		t.Errorf("other host fetched %d times", n)
	}
	if n := s.Hits(collectortest.PathFlaky); n != 3 {
		t.Errorf("flaky page fetched %d times, want 3", n)
	}
	// The Windows-1252 page is decoded with its charset.
	cp := sink.docs[pipeline.IDFor(s.URL+collectortest.PathCP1252)]
	if cp == nil || !strings.Contains(cp.Text, "rénovation énergétique de l'école élémentaire") {
		t.Errorf("Windows-1252 page read as %+v", cp)
	}
	// The 404 page was kept all the same: every response is captured.
	if e, _ := st.Entry(s.URL + collectortest.PathMissing); e.SHA256 != "" {
		t.Errorf("a failed URL has a current capture: %+v", e)
	}
	statuses := map[int]int{}
	st.Captures(func(c store.Capture) error {
		if c.URL == s.URL+collectortest.PathMissing {
			statuses[c.Status]++
		}
		return nil
	})
	if statuses[404] != 1 {
		t.Errorf("captures of the missing page by status: %v, want one 404", statuses)
	}

	// Second run: conditional requests answered 304, nothing downloaded, nothing indexed.
	full := s.FullResponses()
	r = crawlOnce(context.Background(), t, st, client, sink, siteSources(s, false))
	if r.err != nil {
		t.Fatal(r.err)
	}
	if n := s.FullResponses() - full; n != 0 || r.stats.Read != 0 || r.stats.Indexed != 0 {
		t.Fatalf("second run: %d full responses, read %d, indexed %d; want none", n, r.stats.Read, r.stats.Indexed)
	}
	if p := r.sources["presse"]; p.Unchanged != docs || p.Downloads != 0 {
		t.Errorf("second run presse: %+v", p)
	}

	// A corrected communiqué is fetched and indexed again, alone.
	changed := s.Docs()[0] // a communiqué
	s.Change(changed.Path, "Rectificatif : le montant est de 120 000 €.")
	r = crawlOnce(context.Background(), t, st, client, sink, siteSources(s, false))
	if r.err != nil {
		t.Fatal(r.err)
	}
	if p := r.sources["presse"]; p.Changed != 1 || r.stats.Indexed != 1 {
		t.Fatalf("after a change: presse %+v, indexed %d", p, r.stats.Indexed)
	}
	if d := sink.docs[pipeline.IDFor(s.URL+changed.Path)]; !strings.Contains(d.Text, "Rectificatif") {
		t.Fatalf("changed document not replaced: %q", d.Text)
	}
}

// A parse failure loses nothing: the capture stays, the URL is marked unreadable
// and not retried while unchanged; Captured (reindex) reads it again.
func TestUnreadableKeptAndReindexed(t *testing.T) {
	s := collectortest.NewSite(t)
	st := openStore(t, t.TempDir())
	sink := newMemSink()
	u := s.URL + "/deliberations/delib-2024-01.pdf"
	src := []pipeline.CrawlSource{{Name: "raa", Collector: &urls.Collector{URLs: []string{u}}}}
	client := newClient(t, nil)
	c := &pipeline.Crawler{Client: client, Store: st}
	broken := &pipeline.Processor{Read: func(ctx context.Context, name, ct string, data []byte) (*read.Result, error) {
		return nil, errors.New("lecteur PDF en panne")
	}}
	stats, err := pipeline.Run(context.Background(), pipeline.Config{Processor: broken, Sink: sink, Indexed: c.Indexed, Failed: c.Failed}, c.Produce(src))
	if err != nil || stats.Failed != 1 {
		t.Fatalf("stats %+v, %v", stats, err)
	}
	e, _ := st.Entry(u)
	if e.UnreadableSHA256 != e.SHA256 || !strings.Contains(e.Reason, "en panne") || e.NeedsIndexing() {
		t.Fatalf("entry after parse failure: %+v", e)
	}
	if _, err := st.Get(e.SHA256); err != nil {
		t.Fatalf("capture lost: %v", err)
	}
	// Not retried by the next crawl …
	c = &pipeline.Crawler{Client: client, Store: st}
	stats, _ = pipeline.Run(context.Background(), pipeline.Config{Sink: sink, Indexed: c.Indexed, Failed: c.Failed}, c.Produce(src))
	if stats.Read != 0 {
		t.Fatalf("unchanged unreadable capture read again: %+v", stats)
	}
	// … but reindex, with a working reader and no network, indexes it.
	full := s.FullResponses()
	c = &pipeline.Crawler{Store: st}
	stats, err = pipeline.Run(context.Background(), pipeline.Config{Sink: sink, Indexed: c.Indexed, Failed: c.Failed}, c.Captured())
	if err != nil || stats.Indexed != 1 || s.FullResponses() != full {
		t.Fatalf("reindex: %+v, %v", stats, err)
	}
	if d := sink.docs[pipeline.IDFor(u)]; d == nil || !strings.Contains(d.Text, "Pontarlier") {
		t.Fatalf("reindexed document: %+v", d)
	}
	if e, _ := st.Entry(u); e.NeedsIndexing() || e.UnreadableSHA256 != "" {
		t.Fatalf("entry after reindex: %+v", e)
	}
}

// Cancel the crawl at random points, several times, then let a run finish: every
// document is indexed exactly once (one index entry per distinct URL), none is lost,
// and a further run downloads and indexes nothing.
func TestCrawlKilledMidway(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 42))
	s := collectortest.NewSite(t)
	storeDir, indexDir := t.TempDir(), filepath.Join(t.TempDir(), "index")
	want := map[string]bool{}
	for _, u := range s.DocURLs() {
		want[pipeline.IDFor(u)] = true
	}
	kills := 0
	for run := 1; ; run++ {
		if run > 30 {
			t.Fatal("the crawl never completed")
		}
		st, err := store.Open(storeDir)
		if err != nil {
			t.Fatal(err)
		}
		ix, err := index.Open(indexDir)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		tr := &countingTransport{}
		if kills < 8 {
			if kills%2 == 0 {
				// Before a random request: while listing, fetching, or retrying.
				at := int64(1 + rng.IntN(40))
				tr.hook = func(n int64) {
					if n == at {
						cancel()
					}
				}
			} else {
				// After a random time: anywhere, extraction and index commits included.
				time.AfterFunc(time.Duration(rng.IntN(80))*time.Millisecond, cancel)
			}
		}
		r := crawlOnce(ctx, t, st, newClient(t, tr), ix, siteSources(s, false))
		cancel()
		st.Close()
		n, _ := ix.Count()
		ix.Close()
		if r.err != nil {
			if !errors.Is(r.err, context.Canceled) {
				t.Fatalf("run %d: %v", run, r.err)
			}
			kills++
			t.Logf("run %d cancelled after %d requests: %d indexed, %d in the index", run, tr.n.Load(), r.stats.Indexed, n)
			continue
		}
		if kills < 8 {
			// The cancel point fell after the end of the crawl: count it as a kill all the same.
			kills++
			continue
		}
		break
	}

	st := openStore(t, storeDir)
	ix, err := index.Open(indexDir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.Count(); n != uint64(len(want)) {
		t.Fatalf("index holds %d documents after %d kills, want %d (one per URL)", n, kills, len(want))
	}
	for _, u := range s.DocURLs() {
		e, ok := st.Entry(u)
		if !ok || e.NeedsIndexing() || e.IndexedSHA256 == "" {
			t.Errorf("%s: manifest %+v", u, e)
		}
	}
	full := s.FullResponses()
	r := crawlOnce(context.Background(), t, st, newClient(t, nil), ix, siteSources(s, false))
	if r.err != nil || r.stats.Read != 0 || s.FullResponses() != full {
		t.Fatalf("run after completion: read %d, %d downloads, %v", r.stats.Read, s.FullResponses()-full, r.err)
	}
}
