// Package dsfr owns the collector for sites built with the State's design system
// (Système de design de l'État, DSFR), which every préfecture's site uses: pages of
// cards (fr-card, whose title link leads on), paged with fr-pagination, down to pages
// of download links (fr-downloads-group, fr-link--download). It walks a recueil des
// actes administratifs (the RAA page, its year pages, their recueil PDFs) or a news
// listing ("Actualités": the cards are the documents), and says loudly when a page
// that should list something lists nothing: the site has changed.
package dsfr
