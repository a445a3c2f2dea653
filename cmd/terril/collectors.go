package main

import (
	"fmt"

	"terril/corpus"
	"terril/corpus/feed"
	"terril/corpus/folder"
	"terril/corpus/listing"
	"terril/corpus/sitemap"
	"terril/corpus/sources"
	"terril/corpus/urls"
	"terril/pipeline"
	"terril/pipeline/fetch"
)

// collectors builds the collector of each source type. Every collector terril knows
// is listed here, explicitly.
var collectors = map[string]func(s sources.Source) corpus.Collector{
	sources.Feed: func(s sources.Source) corpus.Collector {
		return &feed.Collector{URL: s.URL, Enclosures: s.Enclosures}
	},
	sources.Sitemap: func(s sources.Source) corpus.Collector {
		return &sitemap.Collector{URL: s.URL}
	},
	sources.Listing: func(s sources.Source) corpus.Collector {
		return &listing.Collector{URL: s.URL, Links: s.Links, Next: s.Next, Documents: s.Documents,
			MaxPages: s.MaxPages, MaxDepth: s.MaxDepth}
	},
	sources.URLs: func(s sources.Source) corpus.Collector {
		return &urls.Collector{URLs: s.URLs}
	},
	sources.Folder: func(s sources.Source) corpus.Collector {
		return &folder.Collector{Dir: s.Path}
	},
}

// crawlSources turns validated sources into what the crawler runs.
func crawlSources(list []sources.Source) ([]pipeline.CrawlSource, error) {
	var out []pipeline.CrawlSource
	for _, s := range list {
		mk, ok := collectors[s.Type]
		if !ok {
			return nil, fmt.Errorf("source %s: no collector for type %q", s.Name, s.Type)
		}
		cs := pipeline.CrawlSource{Name: s.Name, Collector: mk(s), AllowedHosts: s.AllowedHosts,
			Include: s.IncludeRE, Exclude: s.ExcludeRE}
		if s.Type == sources.Folder {
			cs.Root = s.Path
		}
		out = append(out, cs)
	}
	return out, nil
}

// fetchOptions maps the sources file's fetch section to the client's options.
func fetchOptions(f sources.Fetch) fetch.Options {
	return fetch.Options{
		Contact: f.Contact, Rate: f.Rate, Timeout: f.Timeout, Retries: f.Retries,
		Backoff: f.Backoff, MaxWait: f.MaxWait, MaxSize: int64(f.MaxSizeMB * (1 << 20)),
		MaxRedirects: f.MaxRedirects,
	}
}
