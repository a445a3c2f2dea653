package sources

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/andybalholm/cascadia"
	"gopkg.in/yaml.v3"
)

// Types of sources.
const (
	Feed    = "feed"
	Sitemap = "sitemap"
	Listing = "listing"
	URLs    = "urls"
	Folder  = "folder"
	DSFR    = "dsfr" // a site in the State's design system: a préfecture's RAA or news
)

// Types lists the source types, in the order the documentation gives them.
var Types = []string{Feed, Sitemap, Listing, DSFR, URLs, Folder}

// File is a parsed sources file.
type File struct {
	Fetch   Fetch    `yaml:"fetch"`
	Sources []Source `yaml:"sources"`
}

// Fetch configures the polite client. Zero values mean the client's defaults.
type Fetch struct {
	Contact      string        `yaml:"contact"`       // e-mail or URL, in the User-Agent (required)
	Rate         float64       `yaml:"rate"`          // requests per second per host
	Timeout      time.Duration `yaml:"timeout"`       // per attempt
	Retries      int           `yaml:"retries"`       // after a 429, 5xx or network error
	Backoff      time.Duration `yaml:"backoff"`       // first wait, doubled at each retry
	MaxWait      time.Duration `yaml:"max_wait"`      // longest wait, Retry-After included
	MaxSizeMB    float64       `yaml:"max_size_mb"`   // size cap per response
	MaxRedirects int           `yaml:"max_redirects"` // per request
}

// Source is one source to crawl.
type Source struct {
	Name string `yaml:"name"`
	Type string `yaml:"type"`
	// URL of the feed, the sitemap or the first listing page.
	URL string `yaml:"url"`
	// URLs of the documents (type urls).
	URLs []string `yaml:"urls"`
	// Path of the folder (type folder), relative to the sources file.
	Path string `yaml:"path"`
	// Listing selectors and limits.
	Links     string `yaml:"links"`
	Next      string `yaml:"next"`
	Documents string `yaml:"documents"`
	MaxPages  int    `yaml:"max_pages"`
	MaxDepth  int    `yaml:"max_depth"`
	// Enclosures lists a feed entry's attachments too.
	Enclosures bool `yaml:"enclosures"`
	// Mode of a dsfr source: "raa" (the default: cards followed down to the
	// recueils' download links) or "news" (the cards are the documents); with
	// Attachments, a news card's page is read for its download links. For dsfr,
	// links, next and documents override the DSFR's card, pager and download
	// selectors, and max_depth bounds the levels of cards followed.
	Mode        string `yaml:"mode"`
	Attachments bool   `yaml:"attachments"`
	// Scope of a dsfr source in raa mode: the path prefix of the cards followed
	// (default: the path of url).
	Scope string `yaml:"scope"`
	// Group, Origin, Checked and Note describe a catalogue entry: the group
	// "--sources catalogue:GROUP" selects, whether its URL is "known" or follows a
	// "pattern", when it was last checked by someone who opened it, and where it
	// comes from.
	Group   string `yaml:"group"`
	Origin  string `yaml:"origin"`
	Checked string `yaml:"checked"`
	Note    string `yaml:"note"`
	// AllowedHosts the source's requests and redirects may reach; default: the hosts
	// of url or urls. "*.example.fr" allows sub-domains.
	AllowedHosts []string `yaml:"allowed_hosts"`
	// Include and Exclude are regular expressions on candidate URLs.
	Include string `yaml:"include"`
	Exclude string `yaml:"exclude"`

	IncludeRE, ExcludeRE *regexp.Regexp `yaml:"-"`
}

// FieldError is a mistake in a sources file.
type FieldError struct {
	File   string
	Source string // name (or #index when unnamed); empty for the fetch section
	Field  string
	Msg    string
}

func (e *FieldError) Error() string {
	where := "fetch"
	if e.Source != "" {
		where = "source " + e.Source
	}
	return fmt.Sprintf("%s: %s: %s: %s", e.File, where, e.Field, e.Msg)
}

// Load reads and validates a sources file. Relative folder paths are resolved against
// the file's folder.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	f, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	for i := range f.Sources {
		s := &f.Sources[i]
		if s.Type == Folder && !filepath.IsAbs(s.Path) {
			s.Path = filepath.Join(filepath.Dir(path), s.Path)
		}
	}
	return f, nil
}

// Parse parses and validates the content of a sources file; name is used in errors.
// Unknown fields are errors (a misspelt field would silently be ignored otherwise).
func Parse(name string, data []byte) (*File, error) {
	var f File
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var errs []error
	add := func(src, field, format string, args ...any) {
		errs = append(errs, &FieldError{File: name, Source: src, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(f.Fetch.Contact) == "" {
		add("", "contact", "required: an e-mail address or URL where site owners can reach you")
	}
	if f.Fetch.Rate < 0 {
		add("", "rate", "must be positive")
	}
	if len(f.Sources) == 0 {
		add("", "sources", "no source listed")
	}
	errs = append(errs, validate(name, f.Sources)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &f, nil
}

// validate checks sources and fills in their compiled filters and allowed hosts.
func validate(name string, list []Source) []error {
	var errs []error
	add := func(src, field, format string, args ...any) {
		errs = append(errs, &FieldError{File: name, Source: src, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	seen := map[string]bool{}
	for i := range list {
		s := &list[i]
		id := s.Name
		if id == "" {
			id = fmt.Sprintf("#%d", i+1)
			add(id, "name", "required")
		} else if !validName.MatchString(s.Name) {
			add(id, "name", "use letters, digits, '-' and '_' only")
		} else if seen[s.Name] {
			add(id, "name", "used by another source")
		}
		seen[s.Name] = true
		needURL := func() {
			if s.URL == "" {
				add(id, "url", "required for type %s", s.Type)
			} else if err := checkURL(s.URL); err != nil {
				add(id, "url", "%v", err)
			}
		}
		switch s.Type {
		case Feed, Sitemap:
			needURL()
		case Listing:
			needURL()
			if s.Links == "" {
				add(id, "links", "required for type listing: a CSS selector for the links to documents")
			}
			checkSelectors(add, id, s)
			if s.MaxDepth < 0 || s.MaxDepth > 2 {
				add(id, "max_depth", "must be 1 or 2")
			}
			if s.MaxDepth == 2 && s.Documents == "" {
				add(id, "documents", "required with max_depth 2")
			}
		case DSFR:
			needURL()
			checkSelectors(add, id, s)
			if s.Mode != "" && s.Mode != "raa" && s.Mode != "news" {
				add(id, "mode", "unknown mode %q: raa or news", s.Mode)
			}
			if s.Scope != "" && !strings.HasPrefix(s.Scope, "/") {
				add(id, "scope", "a URL path, starting with /")
			}
			if s.MaxDepth < 0 || s.MaxDepth > 5 {
				add(id, "max_depth", "must be between 1 and 5")
			}
		case URLs:
			if len(s.URLs) == 0 {
				add(id, "urls", "required for type urls")
			}
			for j, u := range s.URLs {
				if err := checkURL(u); err != nil {
					add(id, fmt.Sprintf("urls[%d]", j), "%v", err)
				}
			}
		case Folder:
			if s.Path == "" {
				add(id, "path", "required for type folder")
			}
		case "":
			add(id, "type", "required: one of %s", strings.Join(Types, ", "))
		default:
			add(id, "type", "unknown type %q: one of %s", s.Type, strings.Join(Types, ", "))
		}
		if s.MaxPages < 0 {
			add(id, "max_pages", "must be positive")
		}
		var err error
		if s.Include != "" {
			if s.IncludeRE, err = regexp.Compile(s.Include); err != nil {
				add(id, "include", "%v", err)
			}
		}
		if s.Exclude != "" {
			if s.ExcludeRE, err = regexp.Compile(s.Exclude); err != nil {
				add(id, "exclude", "%v", err)
			}
		}
		if len(s.AllowedHosts) == 0 {
			s.AllowedHosts = hostsOf(s)
		}
	}
	return errs
}

func checkSelectors(add func(src, field, format string, args ...any), id string, s *Source) {
	for _, field := range []string{"links", "next", "documents"} {
		sel := map[string]string{"links": s.Links, "next": s.Next, "documents": s.Documents}[field]
		if sel != "" {
			if _, err := cascadia.Compile(sel); err != nil {
				add(id, field, "bad CSS selector %q: %v", sel, err)
			}
		}
	}
}

var validName = regexp.MustCompile(`^[\p{L}\p{N}_-]+$`)

func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an absolute http or https URL", raw)
	}
	return nil
}

func hostsOf(s *Source) []string {
	var out []string
	seen := map[string]bool{}
	for _, raw := range append([]string{s.URL}, s.URLs...) {
		if u, err := url.Parse(raw); err == nil && u.Host != "" && !seen[u.Host] {
			seen[u.Host] = true
			out = append(out, u.Host)
		}
	}
	return out
}

// Select returns the sources named, in the file's order, or all when names is empty.
func (f *File) Select(names ...string) ([]Source, error) {
	if len(names) == 0 {
		return f.Sources, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	var out []Source
	for _, s := range f.Sources {
		if want[s.Name] {
			out = append(out, s)
			delete(want, s.Name)
		}
	}
	for n := range want {
		var all []string
		for _, s := range f.Sources {
			all = append(all, s.Name)
		}
		return nil, fmt.Errorf("no source named %q (sources: %s)", n, strings.Join(all, ", "))
	}
	return out, nil
}
