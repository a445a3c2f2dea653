package corpus

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// An Item is a candidate document that a Collector found: a URL and what the source
// said about it. The hints are optional and never trusted over the document itself.
type Item struct {
	// URL of the document: absolute http(s) URL, or file:// URL for a local file.
	URL string
	// Hints from the listing, feed or sitemap; zero when unknown.
	Title     string
	Published time.Time
	Modified  time.Time // sitemap <lastmod>, feed <updated>
	// Err, when not nil, reports a per-item problem: something the collector could not
	// list (a feed entry without link, a nested sitemap that failed, a file it could
	// not stat). URL then names what failed, when known. Such an item is never fetched.
	Err error
}

// A Response is what a Fetcher returns: the final response to a GET, body included.
type Response struct {
	URL      string      // the URL asked for
	FinalURL string      // after redirects
	Status   int         // HTTP status of the final response (200 for a local file)
	Header   http.Header // response headers
	Body     []byte      // the body; for a 304 answer, the body of the stored capture
	// NotModified is true when the server answered 304 to a conditional request (or
	// a local file is unchanged) and Body comes from the capture store.
	NotModified bool
	SHA256      string // hex sha256 of Body
	Fetched     time.Time
}

// A Fetcher fetches a URL politely (rate limit, robots.txt, retries, size cap,
// conditional GET) and keeps a capture of the response before anyone parses it.
// It is safe for concurrent use. A non-2xx final status is an error.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (*Response, error)
}

// A Collector lists the candidate documents of one source: an RSS/Atom feed, a
// sitemap, an HTML listing, a list of URLs, a local folder.
//
// List calls fn once for each candidate document it finds, in the order the source
// gives them, and returns when the source is exhausted, when ctx is done, or when fn
// returns an error. Implementations must:
//
//   - fetch the pages they need to read (the feed, the sitemap and its children, the
//     listing pages) only through f, never with their own HTTP client, so that rate
//     limits, robots.txt, the size cap and the capture store apply to every byte;
//   - never fetch the candidate documents' bodies themselves, except through f when
//     they must read a document to find further documents (a listing's article
//     pages that link to PDFs, up to the configured depth); the caller fetches what
//     they list;
//   - check ctx before every call of fn and return ctx.Err() (possibly wrapped) once
//     ctx is done, without calling fn again;
//   - report a per-item problem (an entry without link, a listing page or nested
//     sitemap that failed, an unreadable file) by calling fn with an Item whose Err is
//     set, and go on with the rest; List returns a non-nil error of its own only
//     when nothing can be listed (the feed itself cannot be fetched or parsed, the
//     folder does not exist) or ctx is done;
//   - return fn's error unchanged, at once, when fn returns one;
//   - call fn from the goroutine that called List only, never after List returns;
//   - send each URL at most once per call (after resolving it against its page and
//     dropping its #fragment), and only absolute http, https or file URLs;
//   - keep no state between calls that changes what is listed: List is safe to call
//     again, concurrently or after a failure, and lists the same candidates when the
//     source has not changed. Incremental behaviour (what is new or changed) is the
//     caller's business, through the manifest, not the collector's.
//
// Implementations must not write anywhere, nor decide what gets indexed.
type Collector interface {
	List(ctx context.Context, f Fetcher, fn func(Item) error) error
}

// PageBase is the URL a page's relative links resolve against: its <base href>
// (baseHref, "" when it has none) when that resolves, else the URL the page came
// from after redirects (final), else the one requested.
func PageBase(requested, final, baseHref string) string {
	base := final
	if base == "" {
		base = requested
	}
	if baseHref != "" {
		if b, err := ResolveURL(base, baseHref); err == nil {
			return b
		}
	}
	return base
}

// ResolveURL resolves ref (an href, a <loc>, a <link>) against base, drops its
// fragment and checks that the result is an absolute http, https or file URL.
func ResolveURL(base, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", errors.New("empty link")
	}
	r, err := url.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("link %q: %w", ref, err)
	}
	if base != "" {
		b, err := url.Parse(base)
		if err != nil {
			return "", fmt.Errorf("base %q: %w", base, err)
		}
		r = b.ResolveReference(r)
	}
	r.Fragment, r.RawFragment = "", ""
	switch r.Scheme {
	case "http", "https":
		if r.Host == "" {
			return "", fmt.Errorf("link %q: no host", ref)
		}
	case "file":
	default:
		return "", fmt.Errorf("link %q: not an http, https or file URL", ref)
	}
	return r.String(), nil
}

// An Emitter helps implement List: Emit checks ctx before calling fn and drops the
// URLs it has already sent.
type Emitter struct {
	ctx  context.Context
	fn   func(Item) error
	seen map[string]bool
}

// NewEmitter returns an Emitter calling fn while ctx is not done.
func NewEmitter(ctx context.Context, fn func(Item) error) *Emitter {
	return &Emitter{ctx: ctx, fn: fn, seen: make(map[string]bool)}
}

// Emit sends it to fn unless ctx is done (its error is returned) or its URL was
// already sent (nil is returned). Items with Err set are always sent.
func (e *Emitter) Emit(it Item) error {
	if err := e.ctx.Err(); err != nil {
		return err
	}
	if it.Err == nil {
		if e.seen[it.URL] {
			return nil
		}
		e.seen[it.URL] = true
	}
	return e.fn(it)
}

// Fail sends a per-item error about u.
func (e *Emitter) Fail(u string, err error) error {
	return e.Emit(Item{URL: u, Err: err})
}
