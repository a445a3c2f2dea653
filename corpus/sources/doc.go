// Package sources owns terril's sources file: a YAML file (gopkg.in/yaml.v3) that
// says how to fetch politely (contact, rate, timeouts, retries, caps) and lists the
// sources to crawl, each an RSS/Atom feed, a sitemap, an HTML listing, a list of
// document URLs or a local folder. Load validates it and names the source and field
// of every mistake. See sources.example.yaml at the repository root.
package sources
