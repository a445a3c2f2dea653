// Package serve is terril's HTTP side: a JSON API over an index (search, facets,
// sums, documents, streamed exports, an OpenAPI description) and a server-rendered
// French web UI (search page with facets and paging, document page).
//
// It speaks only to the index package's public API. Everything it sends is built
// from untrusted document strings, so the UI renders them through html/template,
// snippets (escaped by the index, matches in <mark>) are re-escaped here before they
// are trusted, and every response carries a Content-Security-Policy that allows no
// inline script and nothing from another origin. Templates, CSS and the OpenAPI file
// are embedded: nothing is fetched from the network at run time.
//
// Limits of the index's public API this package works around: a document is found
// by searching id:"…" (there is no lookup by id) and its stored text is not given,
// so documents come with their stored facts and, when the request has q, the
// highlighted passages of q's words; exports page by offset, so a long export costs
// the index more at each page and documents indexed meanwhile may shift the pages.
package serve
