package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"terril/corpus/collectortest"
)

// waits records the waits a client asked for and sleeps a thousandth of each.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	w.d = append(w.d, d)
	w.mu.Unlock()
	return sleep(ctx, d/1000)
}

func (w *waits) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}

func newClient(t *testing.T, o Options) (*Client, *waits) {
	t.Helper()
	w := &waits{}
	if o.Contact == "" {
		o.Contact = "donnees@terril.example"
	}
	if o.Rate == 0 {
		o.Rate = 1000
	}
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Second
	}
	if o.Backoff == 0 {
		o.Backoff = 10 * time.Millisecond
	}
	if o.MaxWait == 0 {
		o.MaxWait = 10 * time.Second
	}
	o.Sleep = w.sleep
	c, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	c.Logf = t.Logf
	return c, w
}

func TestContactRequired(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Fatal("New without contact: no error")
	}
	c, err := New(Options{Contact: "mailto:veille@exemple.fr"})
	if err != nil {
		t.Fatal(err)
	}
	if ua := c.UserAgent(); !strings.HasPrefix(ua, "terril/") || !strings.Contains(ua, "veille@exemple.fr") {
		t.Fatalf("User-Agent = %q", ua)
	}
}

func TestUserAgentSent(t *testing.T) {
	var got []string
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.URL.Path+" "+r.UserAgent())
		mu.Unlock()
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	c, _ := newClient(t, Options{Contact: "https://terril.example/contact"})
	if _, err := c.Get(context.Background(), Request{URL: srv.URL + "/a"}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("requests = %v, want robots.txt then /a", got)
	}
	for _, g := range got {
		if !strings.Contains(g, "terril/0.1 (+https://terril.example/contact)") {
			t.Errorf("request %q without terril's User-Agent", g)
		}
	}
}

func TestRobotsDisallowed(t *testing.T) {
	s := collectortest.NewSite(t)
	c, _ := newClient(t, Options{})
	_, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathDisallowed})
	if !errors.Is(err, ErrDisallowed) {
		t.Fatalf("Get disallowed path: err = %v, want ErrDisallowed", err)
	}
	if n := s.Hits(collectortest.PathDisallowed); n != 0 {
		t.Fatalf("disallowed path requested %d times", n)
	}
	if _, err := c.Get(context.Background(), Request{URL: s.DocURLs()[0]}); err != nil {
		t.Fatalf("allowed path: %v", err)
	}
	if n := s.Hits("/robots.txt"); n != 1 {
		t.Fatalf("robots.txt fetched %d times, want once", n)
	}
}

func TestRetries503ThenOK(t *testing.T) {
	s := collectortest.NewSite(t)
	c, w := newClient(t, Options{Backoff: 20 * time.Millisecond})
	res, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathFlaky})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != 200 || res.Attempts != 3 || s.Hits(collectortest.PathFlaky) != 3 {
		t.Fatalf("status %d after %d attempts (%d hits), want 200 after 3", res.Status, res.Attempts, s.Hits(collectortest.PathFlaky))
	}
	if got := w.all(); len(got) != 2 || got[0] != 20*time.Millisecond || got[1] != 40*time.Millisecond {
		t.Fatalf("waits = %v, want exponential [20ms 40ms]", got)
	}
}

func TestRetriesExhausted(t *testing.T) {
	s := collectortest.NewSite(t)
	c, _ := newClient(t, Options{Retries: 1})
	res, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathFlaky})
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 503 || res == nil || len(res.Body) == 0 {
		t.Fatalf("Get = %+v, %v; want the 503 response and a StatusError", res, err)
	}
	if !strings.Contains(err.Error(), collectortest.PathFlaky) {
		t.Fatalf("error %q does not name the URL", err)
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	s := collectortest.NewSite(t)
	c, w := newClient(t, Options{})
	res, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathBusy})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != 200 || res.Attempts != 2 {
		t.Fatalf("status %d after %d attempts", res.Status, res.Attempts)
	}
	if got := w.all(); len(got) != 1 || got[0] < collectortest.RetryAfterBusy {
		t.Fatalf("waits = %v, want one of at least %s (Retry-After)", got, collectortest.RetryAfterBusy)
	}
}

func TestRetryAfterBeyondCapFails(t *testing.T) {
	s := collectortest.NewSite(t)
	c, w := newClient(t, Options{MaxWait: time.Second})
	_, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathBusy})
	if !errors.Is(err, ErrRetryAfter) {
		t.Fatalf("err = %v, want ErrRetryAfter", err)
	}
	// What the server asked, then what terril did and why: the maximum is ours.
	want := fmt.Sprintf("server asked to retry after %ds; giving up for this run, above the maximum wait of 1s (fetch.max_wait)",
		int(collectortest.RetryAfterBusy/time.Second))
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), collectortest.PathBusy) {
		t.Errorf("err = %q, want it to say %q", err, want)
	}
	if len(w.all()) != 0 || s.Hits(collectortest.PathBusy) != 1 {
		t.Fatalf("retried early: waits %v, %d hits", w.all(), s.Hits(collectortest.PathBusy))
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2024, 5, 7, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"120", 2 * time.Minute},
		{" 3 ", 3 * time.Second},
		{"-5", 0},
		{"Tue, 07 May 2024 12:00:30 GMT", 30 * time.Second},
		{"Tue, 07 May 2024 11:00:00 GMT", 0},
		{"bientôt", 0},
	} {
		if got := retryAfter(tc.in, now); got != tc.want {
			t.Errorf("retryAfter(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestRedirectLoop(t *testing.T) {
	s := collectortest.NewSite(t)
	c, _ := newClient(t, Options{MaxRedirects: 4})
	_, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathLoop})
	if !errors.Is(err, ErrTooManyRedirects) {
		t.Fatalf("err = %v, want ErrTooManyRedirects", err)
	}
	if n := s.Hits(collectortest.PathLoop) + s.Hits(collectortest.PathLoop+"-retour"); n != 5 {
		t.Fatalf("%d requests in the loop, want 5 (the first and 4 redirects), no retry", n)
	}
}

func TestRedirectToAnotherHost(t *testing.T) {
	s := collectortest.NewSite(t)
	c, _ := newClient(t, Options{})
	_, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathAway})
	if !errors.Is(err, ErrHostNotAllowed) {
		t.Fatalf("err = %v, want ErrHostNotAllowed", err)
	}
	if n := s.Hits("other:/communique.html"); n != 0 {
		t.Fatalf("other host reached %d times", n)
	}
	// Allowed explicitly, the redirect is followed.
	self, _ := url.Parse(s.URL)
	other, _ := url.Parse(s.Other.URL)
	res, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathAway, AllowedHosts: []string{self.Host, other.Host}})
	if err != nil {
		t.Fatal(err)
	}
	if res.FinalURL != s.Other.URL+"/communique.html" {
		t.Fatalf("FinalURL = %s", res.FinalURL)
	}
	// A start URL outside the allowed hosts is refused without a request.
	if _, err := c.Get(context.Background(), Request{URL: s.Other.URL + "/x", AllowedHosts: []string{self.Host}}); !errors.Is(err, ErrHostNotAllowed) {
		t.Fatalf("err = %v, want ErrHostNotAllowed", err)
	}
}

func TestSizeCap(t *testing.T) {
	s := collectortest.NewSite(t)
	c, _ := newClient(t, Options{MaxSize: 1 << 20})
	for _, p := range []string{collectortest.PathBig, collectortest.PathBigChunked} {
		res, err := c.Get(context.Background(), Request{URL: s.URL + p})
		if !errors.Is(err, ErrTooLarge) || res != nil {
			t.Errorf("%s: %v, want ErrTooLarge", p, err)
		}
		if n := s.Hits(p); n != 1 {
			t.Errorf("%s requested %d times, want once (no retry)", p, n)
		}
	}
}

func TestTimeout(t *testing.T) {
	s := collectortest.NewSite(t)
	c, w := newClient(t, Options{Timeout: 100 * time.Millisecond, Retries: 1})
	start := time.Now()
	_, err := c.Get(context.Background(), Request{URL: s.URL + collectortest.PathSlow})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want a deadline exceeded", err)
	}
	if d := time.Since(start); d > s.Slow {
		t.Fatalf("Get took %s: the timeout was not applied", d)
	}
	if s.Hits(collectortest.PathSlow) != 2 || len(w.all()) != 1 {
		t.Fatalf("%d attempts, waits %v; want a retry after the timeout", s.Hits(collectortest.PathSlow), w.all())
	}
}

func TestConditionalGet(t *testing.T) {
	s := collectortest.NewSite(t)
	c, _ := newClient(t, Options{})
	u := s.DocURLs()[0]
	first, err := c.Get(context.Background(), Request{URL: u})
	if err != nil {
		t.Fatal(err)
	}
	etag, lm := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
	if etag == "" || lm == "" || len(first.Body) == 0 {
		t.Fatalf("first answer without validators or body: %v", first.Header)
	}
	for _, req := range []Request{{URL: u, ETag: etag}, {URL: u, LastModified: lm}, {URL: u, ETag: etag, LastModified: lm}} {
		res, err := c.Get(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if !res.NotModified || res.Status != 304 || len(res.Body) != 0 {
			t.Errorf("conditional GET %+v: status %d, %d bytes", req, res.Status, len(res.Body))
		}
	}
	if n := s.FullResponses(); n != 1 {
		t.Fatalf("%d full responses, want 1", n)
	}
	// A stale validator gets the new body.
	res, err := c.Get(context.Background(), Request{URL: u, ETag: `"périmé"`})
	if err != nil || res.NotModified || len(res.Body) == 0 {
		t.Fatalf("stale ETag: %+v, %v", res, err)
	}
}

func TestRateLimitPerHost(t *testing.T) {
	s := collectortest.NewSite(t)
	c, _ := newClient(t, Options{Rate: 50})
	start := time.Now()
	for _, u := range s.DocURLs()[:5] {
		if _, err := c.Get(context.Background(), Request{URL: u}); err != nil {
			t.Fatal(err)
		}
	}
	// robots.txt and 5 documents at 50 per second: at least 5 intervals of 20ms.
	if d := time.Since(start); d < 100*time.Millisecond {
		t.Fatalf("6 requests in %s: rate limit not applied", d)
	}
	// Another host has its own limiter: its first request does not wait.
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) }))
	defer other.Close()
	lim := c.host(mustParse(t, other.URL)).limiter
	if lim == c.host(mustParse(t, s.URL)).limiter {
		t.Fatal("two hosts share a limiter")
	}
}

func TestCancelStopsWaiting(t *testing.T) {
	s := collectortest.NewSite(t)
	c, err := New(Options{Contact: "x@y.fr", Rate: 1000, Backoff: time.Hour, MaxWait: 2 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = c.Get(ctx, Request{URL: s.URL + collectortest.PathFlaky})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's error", err)
	}
}

func TestFile(t *testing.T) {
	s := collectortest.NewSite(t)
	c, _ := newClient(t, Options{})
	p := filepath.Join(s.Dir, "deliberations", "delib-2024-01.pdf")
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
	res, err := c.Get(context.Background(), Request{URL: u, Root: s.Dir})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != 200 || !strings.HasPrefix(string(res.Body), "%PDF") || res.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("file: status %d, type %q", res.Status, res.Header.Get("Content-Type"))
	}
	again, err := c.Get(context.Background(), Request{URL: u, Root: s.Dir, ETag: res.Header.Get("ETag")})
	if err != nil || !again.NotModified {
		t.Fatalf("unchanged file: %+v, %v", again, err)
	}
	if _, err := c.Get(context.Background(), Request{URL: u, Root: filepath.Join(s.Dir, "ailleurs")}); err == nil {
		t.Fatal("file outside Root read")
	}
	if _, err := c.Get(context.Background(), Request{URL: "file://" + filepath.ToSlash(filepath.Join(s.Dir, "lien-casse.pdf"))}); err == nil {
		t.Fatal("dangling link read")
	}
}

func mustParse(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
