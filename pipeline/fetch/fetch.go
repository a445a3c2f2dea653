package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// Options configure a Client. The zero value of each field means its default.
type Options struct {
	// Contact is an e-mail address or URL where site owners can reach whoever runs the
	// crawl. It is required and goes into the User-Agent.
	Contact string
	// Agent is the product token matched against robots.txt groups ("terril").
	Agent string
	// Rate is the number of requests per second to one host (default 1), Burst the
	// number of requests allowed at once (default 1). A robots.txt Crawl-delay longer
	// than 1/Rate slows the host down further.
	Rate  float64
	Burst int
	// Timeout bounds one attempt: connection, headers and body (default 30s).
	Timeout time.Duration
	// Retries is the number of further attempts after a 429, a 5xx or a network error
	// (default 3; negative means none).
	Retries int
	// Backoff is the wait before the first retry, doubled at each further one
	// (default 1s). A Retry-After header replaces it when longer.
	Backoff time.Duration
	// MaxWait caps every wait: the backoff, and the Retry-After that is honoured. A
	// Retry-After beyond it fails the request rather than retry early (default 2m).
	MaxWait time.Duration
	// MaxSize caps a response body in bytes (default 64 MiB).
	MaxSize int64
	// MaxRedirects caps the redirects followed per request (default 5).
	MaxRedirects int
	// Transport, when set, replaces http.DefaultTransport (tests).
	Transport http.RoundTripper
	// Sleep, when set, replaces the wait between attempts (tests record the waits
	// asked for and sleep less). It must return ctx.Err() when ctx is done.
	Sleep func(ctx context.Context, d time.Duration) error
}

func (o *Options) setDefaults() {
	if o.Agent == "" {
		o.Agent = "terril"
	}
	if o.Rate <= 0 {
		o.Rate = 1
	}
	if o.Burst <= 0 {
		o.Burst = 1
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.Retries == 0 {
		o.Retries = 3
	} else if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 2 * time.Minute
	}
	if o.MaxSize <= 0 {
		o.MaxSize = 64 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
}

// Errors a Get may return, wrapped with the URL.
var (
	ErrDisallowed       = errors.New("disallowed by robots.txt")
	ErrTooLarge         = errors.New("response too large")
	ErrHostNotAllowed   = errors.New("host not allowed")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrRetryAfter       = errors.New("Retry-After beyond the longest wait allowed")
)

// StatusError is the error for a final response that is neither 2xx nor 304. The
// Result is returned with it, body included, so that it can be kept.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// Request is one GET.
type Request struct {
	URL string
	// Validators of the capture the caller holds: a conditional GET is sent when set.
	ETag, LastModified string
	// AllowedHosts lists the hosts (host or host:port, case-insensitive) the request
	// and its redirects may reach; "*.example.fr" allows sub-domains. Empty means the
	// host of URL only.
	AllowedHosts []string
	// Root, for a file:// URL, is the folder the file must be inside. Empty allows any.
	Root string
}

// Result is the final response to a Request.
type Result struct {
	URL         string
	FinalURL    string
	Status      int
	Header      http.Header
	Body        []byte
	NotModified bool // 304, or a local file whose validators match
	Attempts    int
	Time        time.Time
}

// Client is a polite HTTP client. It is safe for concurrent use.
type Client struct {
	opts Options
	ua   string
	hc   *http.Client

	mu    sync.Mutex
	hosts map[string]*host // by scheme://host
	// Logf, when set, receives a line for each retry and robots.txt problem.
	Logf func(format string, args ...any)
}

type host struct {
	limiter *rate.Limiter

	robotsOnce sync.Once
	robots     *robotstxt.Group // nil: everything allowed
	robotsErr  error
}

// New returns a Client. It fails when opts.Contact is empty.
func New(opts Options) (*Client, error) {
	if strings.TrimSpace(opts.Contact) == "" {
		return nil, errors.New("fetch: a contact (e-mail or URL) is required in the User-Agent")
	}
	opts.setDefaults()
	c := &Client{
		opts:  opts,
		ua:    fmt.Sprintf("%s/0.1 (+%s)", opts.Agent, strings.TrimSpace(opts.Contact)),
		hosts: make(map[string]*host),
	}
	c.hc = &http.Client{
		Transport:     &limitedTransport{c: c, next: opts.Transport},
		CheckRedirect: c.checkRedirect,
	}
	return c, nil
}

// UserAgent returns the User-Agent header the client sends.
func (c *Client) UserAgent() string { return c.ua }

func (c *Client) logf(format string, args ...any) {
	if c.Logf != nil {
		c.Logf(format, args...)
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (c *Client) host(u *url.URL) *host {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.hosts[key]
	if !ok {
		h = &host{limiter: rate.NewLimiter(rate.Limit(c.opts.Rate), c.opts.Burst)}
		c.hosts[key] = h
	}
	return h
}

// limitedTransport waits for the host's rate limiter before every redirect hop (the
// first hop waits in Get, before its attempt's timeout starts) and sets the
// User-Agent.
type limitedTransport struct {
	c    *Client
	next http.RoundTripper
}

func (t *limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Response != nil { // a redirect hop
		if err := t.c.host(req.URL).limiter.Wait(req.Context()); err != nil {
			return nil, err
		}
	}
	req.Header.Set("User-Agent", t.c.ua)
	return t.next.RoundTrip(req)
}

type scopeKey struct{}

type scope struct {
	allowed []string
}

func (s scope) allows(u *url.URL) bool {
	h := strings.ToLower(u.Host)
	hn := strings.ToLower(u.Hostname())
	for _, a := range s.allowed {
		a = strings.ToLower(a)
		if a == h || a == hn {
			return true
		}
		if suf, ok := strings.CutPrefix(a, "*."); ok && (hn == suf || strings.HasSuffix(hn, "."+suf)) {
			return true
		}
	}
	return false
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opts.MaxRedirects {
		return fmt.Errorf("%w (%d, last to %s)", ErrTooManyRedirects, len(via), req.URL)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL, ErrHostNotAllowed)
	}
	if sc, ok := req.Context().Value(scopeKey{}).(scope); ok && !sc.allows(req.URL) {
		return fmt.Errorf("redirect to %s: %w", req.URL, ErrHostNotAllowed)
	}
	if req.Context().Value(robotsKey{}) != nil {
		return nil // fetching a robots.txt: its redirects are not tested against one
	}
	return c.allowedByRobots(req.Context(), req.URL)
}

type robotsKey struct{}

// Get fetches req.URL: file:// URLs from disk, http(s) URLs politely. A response that
// is neither 2xx nor 304 is returned with a *StatusError; other errors come with a
// nil Result. Every error names the URL.
func (c *Client) Get(ctx context.Context, req Request) (*Result, error) {
	u, err := url.Parse(req.URL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.URL, err)
	}
	switch u.Scheme {
	case "file":
		return c.getFile(u, req)
	case "http", "https":
	default:
		return nil, fmt.Errorf("%s: unsupported scheme %q", req.URL, u.Scheme)
	}
	sc := scope{allowed: req.AllowedHosts}
	if len(sc.allowed) == 0 {
		sc.allowed = []string{u.Host}
	}
	if !sc.allows(u) {
		return nil, fmt.Errorf("%s: %w", req.URL, ErrHostNotAllowed)
	}
	ctx = context.WithValue(ctx, scopeKey{}, sc)
	if err := c.allowedByRobots(ctx, u); err != nil {
		return nil, fmt.Errorf("%s: %w", req.URL, err)
	}
	hdr := http.Header{}
	if req.ETag != "" {
		hdr.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hdr.Set("If-Modified-Since", req.LastModified)
	}
	return c.do(ctx, u, hdr)
}

// do runs the attempts of one GET with retries.
func (c *Client) do(ctx context.Context, u *url.URL, hdr http.Header) (*Result, error) {
	h := c.host(u)
	wait := c.opts.Backoff
	for attempt := 1; ; attempt++ {
		if err := h.limiter.Wait(ctx); err != nil {
			return nil, fmt.Errorf("%s: %w", u, err)
		}
		res, err := c.attempt(ctx, u, hdr)
		if res != nil {
			res.Attempts = attempt
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: %w", u, ctx.Err())
		}
		retry, after := c.retryable(res, err)
		if !retry || attempt > c.opts.Retries {
			return res, err
		}
		d := wait
		if after > 0 {
			if after > c.opts.MaxWait {
				return res, &RetryAfterError{URL: u.String(), Asked: after, Max: c.opts.MaxWait}
			}
			d = max(d, after)
		}
		d = min(d, c.opts.MaxWait)
		c.logf("%s: %v; retrying in %s", u, err, d)
		if err := c.opts.Sleep(ctx, d); err != nil {
			return nil, fmt.Errorf("%s: %w", u, err)
		}
		wait *= 2
	}
}

// A RetryAfterError is a Retry-After longer than MaxWait: the request fails for
// this run rather than retry before the server allows. It is ErrRetryAfter.
type RetryAfterError struct {
	URL        string
	Asked, Max time.Duration
}

func (e *RetryAfterError) Error() string {
	return fmt.Sprintf("%s: server asked to retry after %s; giving up for this run, above the maximum wait of %s (fetch.max_wait)",
		e.URL, seconds(e.Asked), seconds(e.Max))
}

func (e *RetryAfterError) Is(target error) bool { return target == ErrRetryAfter }

// seconds formats a wait as Retry-After gives it, in seconds ("3600s"; an HTTP
// date gives a fraction, rounded).
func seconds(d time.Duration) string {
	if d >= time.Second {
		d = d.Round(time.Second)
	}
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + "s"
}

// retryable says whether a failed attempt is worth another, and the Retry-After asked.
func (c *Client) retryable(res *Result, err error) (bool, time.Duration) {
	if err == nil {
		return false, 0
	}
	var se *StatusError
	if errors.As(err, &se) {
		if se.Status == http.StatusTooManyRequests || se.Status >= 500 {
			return true, retryAfter(res.Header.Get("Retry-After"), time.Now())
		}
		return false, 0
	}
	if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrHostNotAllowed) ||
		errors.Is(err, ErrTooManyRedirects) || errors.Is(err, ErrDisallowed) {
		return false, 0
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true, 0
	}
	return false, 0
}

// retryAfter parses a Retry-After value: delay-seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// attempt sends one request, its timeout covering the body.
func (c *Client) attempt(ctx context.Context, u *url.URL, hdr http.Header) (*Result, error) {
	actx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	for k, v := range hdr {
		hreq.Header[k] = v
	}
	resp, err := c.hc.Do(hreq)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	defer resp.Body.Close()
	res := &Result{
		URL:      u.String(),
		FinalURL: resp.Request.URL.String(),
		Status:   resp.StatusCode,
		Header:   resp.Header,
		Time:     time.Now().UTC(),
	}
	if resp.StatusCode == http.StatusNotModified {
		res.NotModified = true
		return res, nil
	}
	if resp.ContentLength > c.opts.MaxSize {
		return nil, fmt.Errorf("%s: %w (Content-Length %d, cap %d)", u, ErrTooLarge, resp.ContentLength, c.opts.MaxSize)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: reading body: %w", u, err)
	}
	if int64(len(body)) > c.opts.MaxSize {
		return nil, fmt.Errorf("%s: %w (more than %d bytes)", u, ErrTooLarge, c.opts.MaxSize)
	}
	res.Body = body
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return res, &StatusError{URL: u.String(), Status: resp.StatusCode}
	}
	return res, nil
}

// allowedByRobots fetches the host's robots.txt once and tests u against the group for
// the client's agent. An unreachable robots.txt (network error) allows everything for
// this run; a 5xx disallows everything, as RFC 9309 says.
func (c *Client) allowedByRobots(ctx context.Context, u *url.URL) error {
	h := c.host(u)
	h.robotsOnce.Do(func() {
		ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		rctx := context.WithValue(ctx, scopeKey{}, scope{allowed: []string{u.Host}})
		rctx = context.WithValue(rctx, robotsKey{}, true)
		res, err := c.do(rctx, ru, nil)
		if res == nil {
			if ctx.Err() != nil {
				// Do not remember a cancelled fetch as "no robots.txt".
				h.robotsErr = err
			}
			c.logf("%s: %v; crawling as if there were none", ru, err)
			return
		}
		rd, perr := robotstxt.FromStatusAndBytes(res.Status, res.Body)
		if perr != nil {
			c.logf("%s: %v; crawling as if there were none", ru, perr)
			return
		}
		h.robots = rd.FindGroup(c.opts.Agent)
		if h.robots != nil && h.robots.CrawlDelay > 0 {
			d := min(h.robots.CrawlDelay, c.opts.MaxWait)
			if rate.Every(d) < h.limiter.Limit() {
				h.limiter.SetLimit(rate.Every(d))
			}
		}
	})
	if h.robotsErr != nil {
		return h.robotsErr
	}
	if h.robots != nil {
		p := u.EscapedPath()
		if u.RawQuery != "" {
			p += "?" + u.RawQuery
		}
		if p == "" {
			p = "/"
		}
		if !h.robots.Test(p) {
			return ErrDisallowed
		}
	}
	return nil
}

// getFile reads a local file, with validators made of its size and modification time.
func (c *Client) getFile(u *url.URL, req Request) (*Result, error) {
	p := filepath.FromSlash(u.Path)
	if req.Root != "" {
		root, err := filepath.Abs(req.Root)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", req.URL, err)
		}
		if rel, err := filepath.Rel(root, p); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s: outside %s", req.URL, root)
		}
	}
	fi, err := os.Stat(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.URL, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", req.URL)
	}
	etag := fmt.Sprintf(`"%x-%x"`, fi.Size(), fi.ModTime().UnixNano())
	hdr := http.Header{}
	hdr.Set("ETag", etag)
	hdr.Set("Last-Modified", fi.ModTime().UTC().Format(http.TimeFormat))
	if ct := mime.TypeByExtension(filepath.Ext(p)); ct != "" {
		hdr.Set("Content-Type", ct)
	}
	res := &Result{URL: req.URL, FinalURL: req.URL, Header: hdr, Attempts: 1, Time: time.Now().UTC()}
	if req.ETag == etag {
		res.Status, res.NotModified = http.StatusNotModified, true
		return res, nil
	}
	if fi.Size() > c.opts.MaxSize {
		return nil, fmt.Errorf("%s: %w (%d bytes, cap %d)", req.URL, ErrTooLarge, fi.Size(), c.opts.MaxSize)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.URL, err)
	}
	defer f.Close()
	body, err := io.ReadAll(io.LimitReader(f, c.opts.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.URL, err)
	}
	if int64(len(body)) > c.opts.MaxSize {
		return nil, fmt.Errorf("%s: %w (more than %d bytes)", req.URL, ErrTooLarge, c.opts.MaxSize)
	}
	res.Status, res.Body = http.StatusOK, body
	return res, nil
}
