// Package dsfrtest serves, on loopback, a préfecture's site built from the DSFR's
// documented markup: an RAA page of year cards paged with fr-pagination, year pages
// listing recueils as download links (one of them paged, one through month cards,
// one empty), recueil PDFs with a text layer (and, when given, a real recueil), a
// page whose markup is not the DSFR's, and a robots.txt.
package dsfrtest
