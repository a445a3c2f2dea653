// Package serve is terril's HTTP side: a JSON API over an index (search, facets,
// sums, documents, streamed exports, ingest jobs, an OpenAPI description) and a
// server-rendered French web UI (search page with facets, paging, SVG charts and a
// département map; document page with its facts highlighted in the text).
//
// It speaks only to the public APIs of index and pipeline. Everything it sends is built
// from untrusted document strings, so the UI renders them through html/template,
// snippets (escaped by the index, matches in <mark>) are re-escaped here before they
// are trusted, and every response carries a Content-Security-Policy that allows no
// inline script and nothing from another origin. Templates, CSS and the OpenAPI file
// are embedded: nothing is fetched from the network at run time.
//
// With an Ingester (Options.Ingest), it also adds documents while it answers:
// POST /api/ingest starts a job of pipeline.Run (files under a root, or crawl
// sources) into the same open index, GET /api/jobs/{id} follows it; both need
// the ingester's token. Searches read Bleve snapshots, so they never wait for it.
//
// Limits of the index's public API this package works around: a document is found
// by searching id:"…" (there is no lookup by id); exports page by offset, so a long
// export costs the index more at each page and documents indexed meanwhile may shift
// the pages.
package serve
