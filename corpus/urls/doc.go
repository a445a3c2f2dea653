// Package urls owns the collector of a fixed list of document URLs (PDFs of a recueil
// des actes, a handful of pages).
package urls
