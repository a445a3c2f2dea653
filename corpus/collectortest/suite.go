package collectortest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"terril/corpus"
)

// MarkerHeader is set by the suite's Fetcher on every request: the Site counts
// requests without it (a collector using its own HTTP client) under "unmarked".
const MarkerHeader = "X-Terril-Collectortest"

// Fetcher is a plain corpus.Fetcher for tests: one GET, no politeness, no store. It
// records the URLs it fetched.
type Fetcher struct {
	mu      sync.Mutex
	fetched []string
}

var _ corpus.Fetcher = (*Fetcher)(nil)

// Fetch implements corpus.Fetcher.
func (f *Fetcher) Fetch(ctx context.Context, u string) (*corpus.Response, error) {
	f.mu.Lock()
	f.fetched = append(f.fetched, u)
	f.mu.Unlock()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set(MarkerHeader, "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %d", u, resp.StatusCode)
	}
	sum := sha256.Sum256(body)
	return &corpus.Response{
		URL: u, FinalURL: resp.Request.URL.String(), Status: resp.StatusCode,
		Header: resp.Header, Body: body, SHA256: hex.EncodeToString(sum[:]), Fetched: time.Now(),
	}, nil
}

// Fetched returns the URLs fetched so far.
func (f *Fetcher) Fetched() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.fetched...)
}

// Run runs the collector suite. newCollector returns a collector configured for the
// given site (its feed, sitemap, listing, URL list or folder) that lists every one of
// the site's documents (Site.Docs), on the site or in Site.Dir; the site plants one
// broken entry of each kind, which the collector must report as a per-item error.
func Run(t *testing.T, newCollector func(s *Site) corpus.Collector) {
	t.Run("ListsEveryDocumentOnce", func(t *testing.T) {
		s := NewSite(t)
		c := newCollector(s)
		items, err := list(t, context.Background(), c, &Fetcher{})
		if err != nil {
			t.Fatalf("List: %v", err)
		}
		seen := map[string]bool{}
		docs := map[*Doc]bool{}
		errs := 0
		for _, it := range items {
			if it.Err != nil {
				errs++
				continue
			}
			u, err := url.Parse(it.URL)
			if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file") {
				t.Errorf("listed %q: not an absolute http, https or file URL", it.URL)
				continue
			}
			if u.Fragment != "" || strings.Contains(it.URL, "#") {
				t.Errorf("listed %q with its fragment", it.URL)
			}
			if seen[it.URL] {
				t.Errorf("listed %q twice", it.URL)
			}
			seen[it.URL] = true
			d := s.DocFor(it.URL)
			if d == nil {
				t.Errorf("listed %q, which is not a document of the site (navigation, footer, another site?)", it.URL)
				continue
			}
			docs[d] = true
		}
		for _, d := range s.Docs() {
			if !docs[d] {
				t.Errorf("document %s not listed", d.Name)
			}
		}
		if errs == 0 {
			t.Errorf("the site's broken entry was not reported as a per-item error")
		}
		if n := s.Hits("unmarked"); n > 0 {
			t.Errorf("%d requests did not go through the Fetcher", n)
		}
	})

	t.Run("SafeToRerun", func(t *testing.T) {
		s := NewSite(t)
		c := newCollector(s)
		a, err := list(t, context.Background(), c, &Fetcher{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := list(t, context.Background(), c, &Fetcher{})
		if err != nil {
			t.Fatal(err)
		}
		if x, y := urls(a), urls(b); strings.Join(x, "\n") != strings.Join(y, "\n") {
			t.Errorf("second List differs:\nfirst  %v\nsecond %v", x, y)
		}
	})

	t.Run("StopsWhenContextDone", func(t *testing.T) {
		s := NewSite(t)
		c := newCollector(s)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var n, after atomic.Int32
		var cancelled atomic.Bool
		err := c.List(ctx, &Fetcher{}, func(it corpus.Item) error {
			if cancelled.Load() {
				after.Add(1)
			}
			if n.Add(1) == 3 {
				cancel()
				cancelled.Store(true)
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("List after cancel = %v, want context.Canceled", err)
		}
		if after.Load() > 0 {
			t.Errorf("fn called %d times after the context was cancelled", after.Load())
		}
		// Already cancelled: nothing is listed.
		n.Store(0)
		err = c.List(ctx, &Fetcher{}, func(corpus.Item) error { n.Add(1); return nil })
		if !errors.Is(err, context.Canceled) || n.Load() > 0 {
			t.Errorf("List with a done context = %v after %d calls, want context.Canceled and none", err, n.Load())
		}
	})

	t.Run("ReturnsCallbackError", func(t *testing.T) {
		s := NewSite(t)
		c := newCollector(s)
		stop := errors.New("assez")
		var n atomic.Int32
		err := c.List(context.Background(), &Fetcher{}, func(it corpus.Item) error {
			if n.Add(1) == 2 {
				return stop
			}
			if n.Load() > 2 {
				t.Errorf("fn called again after it returned an error")
			}
			return nil
		})
		if !errors.Is(err, stop) {
			t.Errorf("List = %v, want the callback's error", err)
		}
	})

	t.Run("NoCallAfterReturn", func(t *testing.T) {
		s := NewSite(t)
		c := newCollector(s)
		var returned atomic.Bool
		var late atomic.Int32
		if err := c.List(context.Background(), &Fetcher{}, func(corpus.Item) error {
			if returned.Load() {
				late.Add(1)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		returned.Store(true)
		time.Sleep(20 * time.Millisecond)
		if late.Load() > 0 {
			t.Errorf("fn called %d times after List returned", late.Load())
		}
	})
}

func list(t *testing.T, ctx context.Context, c corpus.Collector, f corpus.Fetcher) ([]corpus.Item, error) {
	t.Helper()
	var items []corpus.Item
	err := c.List(ctx, f, func(it corpus.Item) error {
		items = append(items, it)
		return nil
	})
	return items, err
}

func urls(items []corpus.Item) []string {
	var out []string
	for _, it := range items {
		if it.Err == nil {
			out = append(out, it.URL)
		}
	}
	sort.Strings(out)
	return out
}
