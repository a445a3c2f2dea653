// Package feed owns the RSS/Atom collector: it reads a feed (with
// github.com/mmcdole/gofeed) and lists the document each entry links to.
package feed
