package collectortest

import (
	"fmt"
	"html"
	"strings"
)

// PathDSFRNews is the site's news listing in the State's design system (DSFR), as a
// préfecture publishes its "Actualités": cards (fr-card) whose title links lead to
// the communiqués, PerPage to a page, paged with fr-pagination (?page=N). Its first
// page also has a card whose link does not parse. The communiqués link their
// deliberation in a fr-downloads-group.
const PathDSFRNews = "/actualites"

// DSFRPage wraps content in a page with the DSFR header and footer of a préfecture's
// site; their links (navigation, footer, partners) are not documents.
func DSFRPage(title, content string) []byte {
	return []byte(`<!DOCTYPE html>
<html lang="fr" data-fr-scheme="system"><head><meta charset="utf-8"><title>` + html.EscapeString(title) + ` - Les services de l'État dans le département</title></head>
<body>
<header role="banner" class="fr-header"><div class="fr-header__body"><p class="fr-logo">Préfet<br>du département</p>
<nav class="fr-nav" role="navigation"><ul class="fr-nav__list"><li class="fr-nav__item"><a class="fr-nav__link" href="/Actualites">Actualités</a></li><li class="fr-nav__item"><a class="fr-nav__link" href="/Publications">Publications</a></li><li class="fr-nav__item"><a class="fr-nav__link" href="/prive/note-interne.html">Intranet</a></li></ul></nav></div></header>
<main role="main" id="contenu" class="fr-container"><nav role="navigation" class="fr-breadcrumb"><ol class="fr-breadcrumb__list"><li><a class="fr-breadcrumb__link" href="/">Accueil</a></li></ol></nav>
<h1>` + html.EscapeString(title) + `</h1>
` + content + `
</main>
<footer class="fr-footer" role="contentinfo"><div class="fr-footer__body"><ul class="fr-footer__content-list"><li><a class="fr-footer__content-link" href="https://www.legifrance.gouv.fr">legifrance.gouv.fr</a></li><li><a class="fr-footer__content-link" href="https://www.service-public.fr">service-public.fr</a></li></ul></div>
<div class="fr-footer__bottom"><a class="fr-footer__bottom-link" href="/Mentions-legales">Mentions légales</a></div></footer>
</body></html>
`)
}

// DSFRCard is a horizontal DSFR card whose title links to href.
func DSFRCard(href, title, detail string) string {
	return `<div class="fr-card fr-card--horizontal fr-card--sm fr-enlarge-link"><div class="fr-card__body"><div class="fr-card__content"><h2 class="fr-card__title"><a href="` +
		html.EscapeString(href) + `" class="fr-card__link">` + html.EscapeString(title) + `</a></h2><div class="fr-card__end"><p class="fr-card__detail">` +
		html.EscapeString(detail) + `</p></div></div></div></div>`
}

// DSFRPagination is a DSFR pager for page p of n, its links "?page=N".
func DSFRPagination(p, n int) string {
	var b strings.Builder
	b.WriteString(`<nav role="navigation" class="fr-pagination" aria-label="Pagination"><ul class="fr-pagination__list">`)
	b.WriteString(`<li><a class="fr-pagination__link fr-pagination__link--first" href="?page=1">Première page</a></li>`)
	if p > 1 {
		fmt.Fprintf(&b, `<li><a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href="?page=%d">Page précédente</a></li>`, p-1)
	}
	for i := 1; i <= n; i++ {
		if i == p {
			fmt.Fprintf(&b, `<li><a class="fr-pagination__link" aria-current="page" title="Page %d">%d</a></li>`, i, i)
		} else {
			fmt.Fprintf(&b, `<li><a class="fr-pagination__link" href="?page=%d" title="Page %d">%d</a></li>`, i, i, i)
		}
	}
	if p < n {
		fmt.Fprintf(&b, `<li><a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href="?page=%d">Page suivante</a></li>`, p+1)
	} else {
		b.WriteString(`<li><a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">Page suivante</a></li>`)
	}
	fmt.Fprintf(&b, `<li><a class="fr-pagination__link fr-pagination__link--last" href="?page=%d">Dernière page</a></li></ul></nav>`, n)
	return b.String()
}

// DSFRDownloads is a DSFR group of download links: hrefs and titles, in pairs.
func DSFRDownloads(pairs ...string) string {
	var b strings.Builder
	b.WriteString(`<div class="fr-downloads-group fr-downloads-group--bordered"><h2 class="fr-downloads-group__title">Documents</h2><ul>`)
	for i := 0; i+1 < len(pairs); i += 2 {
		fmt.Fprintf(&b, `<li><a class="fr-link fr-link--download" download href="%s">Télécharger %s <span class="fr-link__detail">PDF – 61,88 Ko</span></a></li>`,
			html.EscapeString(pairs[i]), html.EscapeString(pairs[i+1]))
	}
	b.WriteString(`</ul></div>`)
	return b.String()
}

func (s *Site) dsfrNews(p int) []byte {
	var cps []*Doc
	for _, d := range s.Docs() {
		if strings.HasPrefix(d.Path, "/communiques/") {
			cps = append(cps, d)
		}
	}
	pages := (len(cps) + PerPage - 1) / PerPage
	var b strings.Builder
	b.WriteString(`<div class="fr-grid-row fr-grid-row--gutters">`)
	if p == 1 {
		b.WriteString(DSFRCard("http://%zz/cp.html", "Lien cassé", ""))
	}
	for i := (p - 1) * PerPage; i < min(p*PerPage, len(cps)); i++ {
		d := cps[i]
		b.WriteString(`<div class="fr-col-12">` + DSFRCard(d.Path+"#contenu", d.Title, "Mis à jour le "+d.Published.Format("02/01/2006")) + `</div>`)
	}
	b.WriteString(`</div>`)
	b.WriteString(DSFRPagination(p, pages))
	return DSFRPage(fmt.Sprintf("Actualités — page %d", p), b.String())
}
