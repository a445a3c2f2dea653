// Package collectortest owns the test suite every corpus.Collector must pass, and the
// local test site it runs against: a Site on loopback (httptest) that imitates a
// French institution's press room and recueil des actes — a paginated listing of
// communiqués, article pages with navigation and footers, PDFs of deliberations, an
// RSS feed, a sitemap index, a robots.txt — plus the troublesome cases a polite
// crawler must handle (503 twice, 429 with Retry-After, redirect loop, redirect to
// another host, oversized responses, a Windows-1252 page, a URL that times out).
//
// A collector's test is one line:
//
//	collectortest.Run(t, func(s *collectortest.Site) corpus.Collector { … })
package collectortest
