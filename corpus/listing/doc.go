// Package listing owns the HTML listing collector: it walks a paginated listing page
// (a press room, a recueil des actes) with CSS selectors (goquery) for the links to
// documents and for the next page, within page and depth limits.
package listing
