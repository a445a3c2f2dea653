package pipeline

import (
	"context"
	"fmt"
	"regexp"
	"sync"
	"time"

	"terril/corpus"
	"terril/corpus/store"
	"terril/pipeline/fetch"
)

// CrawlSource is one source to crawl: its collector and where its requests may go.
type CrawlSource struct {
	Name      string
	Collector corpus.Collector
	// AllowedHosts for the source's requests and redirects (see fetch.Request).
	AllowedHosts []string
	// Root is the folder file:// URLs must be inside (folder sources).
	Root string
	// Include and Exclude filter candidate URLs when set.
	Include, Exclude *regexp.Regexp
}

// SourceStats is the summary of one source's crawl.
type SourceStats struct {
	Name      string
	Listed    int // candidate documents listed (after include/exclude)
	New       int // captured for the first time
	Changed   int // captured with new bytes
	Unchanged int // 304 or identical bytes
	Failed    int // could not be listed or fetched
	Queued    int // sent to extraction: new, changed, or captured but never indexed
	Indexed   int // committed to the index
	Downloads int // full responses received (listing pages and documents)
	Err       error
	Failures  []Failure
}

// Crawler fetches the documents of sources into the capture store and produces the
// ones whose current capture is not indexed yet. Use Produce as the producer of Run,
// with Indexed and Failed as its callbacks.
type Crawler struct {
	Client *fetch.Client
	Store  *store.Store
	// Logf, when set, receives one line per document fetched and per problem.
	Logf func(format string, args ...any)

	mu     sync.Mutex
	stats  []*SourceStats
	byName map[string]*SourceStats
	queued map[string]string // URL → sha256 sent to extraction
}

func (c *Crawler) logf(format string, args ...any) {
	if c.Logf != nil {
		c.Logf(format, args...)
	}
}

// Stats returns the per-source summaries of the crawl so far, in source order.
func (c *Crawler) Stats() []SourceStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]SourceStats, len(c.stats))
	for i, s := range c.stats {
		out[i] = *s
		out[i].Failures = append([]Failure(nil), s.Failures...)
	}
	return out
}

func (c *Crawler) source(name string) *SourceStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.byName == nil {
		c.byName = make(map[string]*SourceStats)
		c.queued = make(map[string]string)
	}
	s, ok := c.byName[name]
	if !ok {
		s = &SourceStats{Name: name}
		c.byName[name] = s
		c.stats = append(c.stats, s)
	}
	return s
}

func (c *Crawler) update(st *SourceStats, fn func(*SourceStats)) {
	c.mu.Lock()
	fn(st)
	c.mu.Unlock()
}

// Produce returns a producer for Run: for each source in turn it lists the
// candidates, fetches each (a conditional GET when the store holds a capture),
// keeps every response in the store, records its state in the manifest, and sends
// the documents whose current capture has not been committed to the index. A
// source that cannot be listed is recorded in its stats and the next one is
// crawled; only a cancelled context or a store failure stops the producer.
func (c *Crawler) Produce(sources []CrawlSource) func(ctx context.Context, out chan<- Input) error {
	return func(ctx context.Context, out chan<- Input) error {
		for _, src := range sources {
			if err := c.crawl(ctx, src, out); err != nil {
				return err
			}
		}
		return nil
	}
}

func (c *Crawler) crawl(ctx context.Context, src CrawlSource, out chan<- Input) error {
	st := c.source(src.Name)
	sf := &sourceFetcher{c: c, src: src, st: st, memo: map[string]*fetched{}}
	var fatal error
	fn := func(it corpus.Item) error {
		if it.Err != nil {
			c.logf("%s: %v", src.Name, it.Err)
			c.update(st, func(s *SourceStats) {
				s.Failed++
				s.Failures = append(s.Failures, Failure{URL: it.URL, Reason: it.Err.Error()})
			})
			return nil
		}
		if (src.Include != nil && !src.Include.MatchString(it.URL)) || (src.Exclude != nil && src.Exclude.MatchString(it.URL)) {
			return nil
		}
		c.update(st, func(s *SourceStats) { s.Listed++ })
		f, err := sf.fetch(ctx, it.URL, true)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if f == nil || f.storeErr {
				fatal = err
				return err
			}
			c.logf("%s: %v", src.Name, err)
			c.update(st, func(s *SourceStats) {
				s.Failed++
				s.Failures = append(s.Failures, Failure{URL: it.URL, Reason: err.Error()})
			})
			// A capture kept from an earlier run but never indexed is not lost.
			if !f.entry.NeedsIndexing() {
				return nil
			}
			body, gerr := c.Store.Get(f.entry.SHA256)
			if gerr != nil {
				return nil
			}
			f.body = body
		}
		c.update(st, func(s *SourceStats) {
			switch f.entry.State {
			case store.New:
				s.New++
			case store.Changed:
				s.Changed++
			case store.Unchanged:
				s.Unchanged++
			}
		})
		if !f.entry.NeedsIndexing() {
			return nil
		}
		c.mu.Lock()
		dup := c.queued[it.URL] == f.entry.SHA256 // listed by an earlier source of this run
		c.queued[it.URL] = f.entry.SHA256
		c.mu.Unlock()
		if dup {
			return nil
		}
		c.update(st, func(s *SourceStats) { s.Queued++ })
		return Send(ctx, out, Input{Source: src.Name, URL: it.URL, ContentType: f.entry.ContentType, Data: f.body})
	}
	err := src.Collector.List(ctx, sf, fn)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if fatal != nil {
		return fatal
	}
	c.mu.Lock()
	empty := st.Listed == 0
	c.mu.Unlock()
	if err == nil && empty {
		// Nothing listed: a site that changed its layout, or a
		// filter that matches nothing. Said loudly, never a silent success.
		err = fmt.Errorf("no document listed from %s: the site may have changed, or include/exclude match nothing", src.Name)
	}
	if err != nil {
		c.logf("%s: %v", src.Name, err)
		c.update(st, func(s *SourceStats) { s.Err = err })
	}
	return nil
}

// Indexed marks the documents of a committed batch as indexed in the manifest. It is
// Run's Indexed callback.
func (c *Crawler) Indexed(docs []*corpus.Document) {
	now := time.Now().UTC()
	for _, d := range docs {
		if err := c.Store.MarkIndexed(d.URL, d.SHA256, now); err != nil {
			c.logf("%s: %v", d.URL, err)
		}
		if st := c.lookup(d.Source); st != nil {
			c.update(st, func(s *SourceStats) { s.Indexed++ })
		}
	}
	if err := c.Store.Sync(); err != nil {
		c.logf("%v", err)
	}
}

// Failed records in the manifest that a capture could not be read or extracted, so
// that it is not retried until it changes (or until reindex). It is Run's Failed
// callback.
func (c *Crawler) Failed(f Failure) {
	c.mu.Lock()
	sha := c.queued[f.URL]
	c.mu.Unlock()
	if sha != "" {
		if _, err := c.Store.Update(f.URL, func(e *store.Entry) {
			if e.SHA256 == sha {
				e.UnreadableSHA256, e.Reason = sha, f.Reason
			}
		}); err != nil {
			c.logf("%s: %v", f.URL, err)
		}
	}
	e, _ := c.Store.Entry(f.URL)
	if st := c.lookup(e.Source); st != nil {
		c.update(st, func(s *SourceStats) {
			s.Failed++
			s.Failures = append(s.Failures, f)
		})
	}
}

func (c *Crawler) lookup(name string) *SourceStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byName[name]
}

// fetched is what a fetch gave: the entry after it and the body (from the network,
// or from the store after a 304).
type fetched struct {
	entry    store.Entry
	body     []byte
	resp     *corpus.Response
	err      error
	storeErr bool
}

// sourceFetcher is the corpus.Fetcher a source's collector gets: polite fetching
// through the client, every response kept in the store, the manifest updated, and
// each URL fetched at most once per run.
type sourceFetcher struct {
	c    *Crawler
	src  CrawlSource
	st   *SourceStats
	mu   sync.Mutex
	memo map[string]*fetched
}

// Fetch implements corpus.Fetcher for collectors.
func (sf *sourceFetcher) Fetch(ctx context.Context, u string) (*corpus.Response, error) {
	f, err := sf.fetch(ctx, u, false)
	if err != nil {
		return nil, err
	}
	return f.resp, nil
}

func (sf *sourceFetcher) fetch(ctx context.Context, u string, document bool) (*fetched, error) {
	sf.mu.Lock()
	f, ok := sf.memo[u]
	sf.mu.Unlock()
	if ok {
		if document && !f.entry.Document {
			e, err := sf.c.Store.Update(u, func(e *store.Entry) { e.Document = true })
			if err != nil {
				return &fetched{storeErr: true}, err
			}
			f.entry = e
		}
		return f, f.err
	}
	f, err := sf.get(ctx, u, document)
	if err != nil && ctx.Err() != nil {
		return f, err
	}
	if f != nil && !f.storeErr {
		sf.mu.Lock()
		sf.memo[u] = f
		sf.mu.Unlock()
	}
	return f, err
}

func (sf *sourceFetcher) get(ctx context.Context, u string, document bool) (*fetched, error) {
	st := sf.c.Store
	prev, known := st.Entry(u)
	req := fetch.Request{URL: u, AllowedHosts: sf.src.AllowedHosts, Root: sf.src.Root}
	if known && prev.SHA256 != "" && st.Has(prev.SHA256) {
		req.ETag, req.LastModified = prev.ETag, prev.LastModified
	}
	res, err := sf.c.Client.Get(ctx, req)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	now := time.Now().UTC()
	sha := ""
	if res != nil && !res.NotModified {
		// Keep every response before anyone parses it, error pages included.
		var perr error
		if sha, perr = st.Put(res.Body); perr == nil {
			perr = st.AddCapture(store.Capture{
				URL: u, FinalURL: res.FinalURL, Source: sf.src.Name, Time: res.Time,
				Status: res.Status, Header: res.Header, SHA256: sha, Size: int64(len(res.Body)),
			})
		}
		if perr != nil {
			return &fetched{storeErr: true}, perr
		}
		sf.c.update(sf.st, func(s *SourceStats) { s.Downloads++ })
	}
	mark := func(e *store.Entry) {
		e.Source = sf.src.Name
		e.Document = e.Document || document
		e.Checked = now
	}
	if err != nil {
		e, uerr := st.Update(u, func(e *store.Entry) {
			mark(e)
			e.State, e.Reason = store.Failed, err.Error()
		})
		if uerr != nil {
			return &fetched{storeErr: true}, uerr
		}
		return &fetched{entry: e, err: err}, err
	}
	if res.NotModified {
		body, gerr := st.Get(prev.SHA256)
		if gerr != nil {
			// The stored body is gone: forget the validators and fetch it whole.
			if _, uerr := st.Update(u, func(e *store.Entry) { e.ETag, e.LastModified, e.SHA256 = "", "", "" }); uerr != nil {
				return &fetched{storeErr: true}, uerr
			}
			return sf.get(ctx, u, document)
		}
		e, uerr := st.Update(u, func(e *store.Entry) {
			mark(e)
			e.State, e.Reason = store.Unchanged, ""
		})
		if uerr != nil {
			return &fetched{storeErr: true}, uerr
		}
		return &fetched{entry: e, body: body, resp: response(u, res, prev.ContentType, body, prev.SHA256)}, nil
	}
	e, uerr := st.Update(u, func(e *store.Entry) {
		mark(e)
		switch {
		case e.SHA256 == "":
			e.State = store.New
		case e.SHA256 == sha:
			e.State = store.Unchanged
		default:
			e.State = store.Changed
		}
		e.Reason = ""
		e.SHA256, e.ContentType, e.Fetched = sha, res.Header.Get("Content-Type"), res.Time
		e.ETag, e.LastModified = res.Header.Get("ETag"), res.Header.Get("Last-Modified")
	})
	if uerr != nil {
		return &fetched{storeErr: true}, uerr
	}
	return &fetched{entry: e, body: res.Body, resp: response(u, res, e.ContentType, res.Body, sha)}, nil
}

func response(u string, res *fetch.Result, ct string, body []byte, sha string) *corpus.Response {
	h := res.Header.Clone()
	if h.Get("Content-Type") == "" && ct != "" {
		h.Set("Content-Type", ct)
	}
	return &corpus.Response{
		URL: u, FinalURL: res.FinalURL, Status: res.Status, Header: h, Body: body,
		NotModified: res.NotModified, SHA256: sha, Fetched: res.Time,
	}
}

// Captured returns a producer that sends the current capture of every document in
// the store (of the named sources, or all when none is named), without the network:
// what reindex runs after an extractor changed.
func (c *Crawler) Captured(sources ...string) func(ctx context.Context, out chan<- Input) error {
	want := map[string]bool{}
	for _, s := range sources {
		want[s] = true
	}
	return func(ctx context.Context, out chan<- Input) error {
		for _, e := range c.Store.Entries() {
			if !e.Document || e.SHA256 == "" || (len(want) > 0 && !want[e.Source]) {
				continue
			}
			st := c.source(e.Source)
			data, err := c.Store.Get(e.SHA256)
			in := Input{Source: e.Source, URL: e.URL, ContentType: e.ContentType, Data: data}
			if err != nil {
				in.Err = fmt.Errorf("%s: %w", e.URL, err)
			} else {
				c.mu.Lock()
				c.queued[e.URL] = e.SHA256
				c.mu.Unlock()
			}
			c.update(st, func(s *SourceStats) { s.Listed++; s.Queued++ })
			if err := Send(ctx, out, in); err != nil {
				return err
			}
		}
		return nil
	}
}
