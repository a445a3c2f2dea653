// Package sitemap owns the sitemap collector: it reads a sitemap.xml (urlset) or a
// sitemap index (sitemapindex), gzipped or not, with encoding/xml, and lists the URLs
// it gives.
package sitemap
