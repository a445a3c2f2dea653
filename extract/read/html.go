package read

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/extract/text"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// boilerplate selects what is never main text: scripts, navigation, menus, headers and
// footers of the site, cookie banners, sharing widgets, forms.
const boilerplate = "script, style, noscript, template, iframe, svg, canvas, form, button, select, " +
	"nav, aside, header, footer, [role=navigation], [role=banner], [role=contentinfo], " +
	"[role=search], [aria-hidden=true], [hidden]"

// boilerWords, found as a whole word or word prefix in an element's class or id, mark it
// as site furniture.
var boilerWords = []string{
	"nav", "menu", "breadcrumb", "fil-ariane", "ariane", "footer", "pied", "cookie", "consent",
	"rgpd", "banner", "bandeau", "sidebar", "share", "partage", "social", "reseaux", "skip",
	"evitement", "newsletter", "header", "entete", "en-tete", "toolbar", "pagination", "related",
	"a-lire-aussi", "voir-aussi", "comments", "print", "modal", "popup", "visually-hidden", "sr-only",
}

// mainSelectors, tried in order, find the element holding the main text.
var mainSelectors = []string{
	"main", "[role=main]", "article", "#main-content", "#content", "#contenu", ".main-content",
	"#main", ".content", ".contenu", ".article", ".post", ".entry-content",
}

// The selectors, compiled once: goquery's Find and Is compile theirs at each call,
// and Is at each element with a class or an id.
var (
	selTitle   = cascadia.MustCompile("title")
	selOGTitle = cascadia.MustCompile(`meta[property="og:title"]`)
	selBoiler  = cascadia.MustCompile(boilerplate)
	selClassID = cascadia.MustCompile("[class], [id]")
	selKept    = cascadia.MustCompile("main, article, body, html")
	selBody    = cascadia.MustCompile("body")
	selH1      = cascadia.MustCompile("h1")
	selMain    = func() (m []cascadia.Selector) {
		for _, s := range mainSelectors {
			m = append(m, cascadia.MustCompile(s))
		}
		return m
	}()
)

// readHTML reads an HTML page: the charset from a BOM, contentType or a meta tag
// (else guessed, see decodeGuess; binary content fails); the main text without
// navigation, menus, footers and scripts; the title (the main h1, else og:title, else
// <title> without the site name). A page nested too deep for the parser is flattened.
func readHTML(data []byte, contentType string) (*Result, error) {
	res := &Result{ContentType: "text/html"}
	s, err := decodeAs(data, htmlCharset(data, contentType), &res.Problems)
	if err != nil {
		return nil, err
	}
	if why := binaryContent(s); why != "" {
		return nil, errors.New(why)
	}
	doc, err := parseHTML(s, &res.Problems)
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	pageTitle := strings.TrimSpace(doc.FindMatcher(selTitle).First().Text())
	ogTitle, _ := doc.FindMatcher(selOGTitle).Attr("content")

	doc.FindMatcher(selBoiler).Remove()
	doc.FindMatcher(selClassID).Each(func(_ int, s *goquery.Selection) {
		if s.IsMatcher(selKept) {
			return
		}
		if isBoilerplate(s.AttrOr("class", "") + " " + s.AttrOr("id", "")) {
			s.Remove()
		}
	})
	main := doc.FindMatcher(selBody)
	for i, sel := range mainSelectors {
		if m := doc.FindMatcher(selMain[i]); m.Length() > 0 {
			// The largest match: a page may hold several articles (teasers).
			best, n := m.First(), 0
			m.Each(func(_ int, s *goquery.Selection) {
				if l := len(s.Text()); l > n {
					best, n = s, l
				}
			})
			if n > 200 || sel == "main" || sel == "[role=main]" {
				main = best
				break
			}
		}
	}
	if main.Length() == 0 {
		main = doc.Selection
	}
	var b strings.Builder
	for _, n := range main.Nodes {
		renderText(&b, n)
	}
	res.Text = text.Normalize(b.String())
	title := strings.TrimSpace(main.FindMatcher(selH1).First().Text())
	if title == "" {
		title = strings.TrimSpace(ogTitle)
	}
	if title == "" {
		title = trimSiteName(pageTitle)
	}
	if title == "" {
		title = firstLine(res.Text)
	}
	res.Title = truncate(text.Normalize(strings.Join(strings.Fields(title), " ")), 300)
	if strings.TrimSpace(res.Text) == "" {
		res.Problems.Add(-1, "no main text found in the HTML page")
	}
	return res, nil
}

// htmlCharset returns the charset a page declares (its HTTP Content-Type, else a meta
// tag in its first 1024 bytes, as browsers find it), or "".
func htmlCharset(data []byte, contentType string) string {
	_, name, certain := charset.DetermineEncoding(data, contentType)
	head := data[:min(len(data), 1024)]
	// Without a declaration DetermineEncoding guesses from the first 1024 bytes
	// only (Windows-1252 when they are ASCII); decodeAs guesses from all of them.
	if certain || bytes.Contains(head, []byte("harset")) || bytes.Contains(head, []byte("HARSET")) {
		return name
	}
	return ""
}

// Nesting bounds. golang.org/x/net/html rejects a page nested deeper than 512
// elements; such a page is parsed again with the elements below flattenDepth
// (counting those written, the parser adds some) unwrapped.
const (
	flattenDepth    = 256
	flattenMinDepth = 32
)

// parseHTML parses a page; one nested too deep for the parser is flattened and
// parsed again, the flattening named in p.
func parseHTML(s string, p *text.Problems) (*goquery.Document, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	for depth := flattenDepth; err != nil && depth >= flattenMinDepth; depth /= 2 {
		flat, n := flattenHTML(s, depth)
		if n == 0 {
			break
		}
		if doc, err = goquery.NewDocumentFromReader(strings.NewReader(flat)); err == nil {
			p.Add(-1, "HTML nested too deep: %d elements below depth %d unwrapped", n, depth)
		}
	}
	return doc, err
}

// flattenHTML rewrites a page without the start and end tags of the elements nested
// deeper than depth (their content stays, a block element leaves a line break), and
// returns it with the number of elements unwrapped. Depth is counted on the tags
// written, as the parser would: void and raw-text elements do not nest (a script is
// never unwrapped: its code would become text), an element whose end tag is implied
// (p, li, td…) closes an open one of its kind, an end tag closes the open elements
// up to its own.
func flattenHTML(s string, depth int) (string, int) {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	b.Grow(len(s))
	var open []string
	dropped := map[string]int{}
	n := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String(), n
		}
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if voidTags[tag] || rawTextTags[tag] {
				break
			}
			open = closeImplied(open, tag)
			if len(open) >= depth {
				dropped[tag]++
				n++
				if blockTags[tag] {
					b.WriteString("<br>")
				}
				continue
			}
			open = append(open, tag)
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if dropped[tag] > 0 {
				dropped[tag]--
				if blockTags[tag] {
					b.WriteString("<br>")
				}
				continue
			}
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == tag {
					open = open[:i]
					break
				}
			}
		}
		b.Write(z.Raw())
	}
}

// closeImplied pops the open elements a start tag closes: one of its own kind for
// the elements whose end tag may be left out, the paragraph a block opens in.
func closeImplied(open []string, tag string) []string {
	if len(open) == 0 {
		return open
	}
	top := open[len(open)-1]
	if impliedEnd[tag] && top == tag || top == "p" && blockTags[tag] ||
		tag == "li" && top == "p" || (tag == "td" || tag == "th") && (top == "td" || top == "th") {
		return open[:len(open)-1]
	}
	return open
}

// impliedEnd are the elements whose end tag may be left out before a sibling.
var impliedEnd = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "option": true, "optgroup": true,
	"tr": true, "td": true, "th": true, "rb": true, "rt": true, "rp": true,
}

// rawTextTags hold text, not elements: their content is never parsed as markup.
var rawTextTags = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// voidTags are the elements without content or end tag.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// isBoilerplate reports whether a class/id attribute names site furniture.
func isBoilerplate(attr string) bool {
	attr = strings.ToLower(attr)
	for _, tok := range strings.FieldsFunc(attr, func(r rune) bool { return r == ' ' || r == '_' || r == '\t' }) {
		for _, w := range boilerWords {
			if tok == w || strings.HasPrefix(tok, w+"-") || strings.HasSuffix(tok, "-"+w) ||
				strings.Contains(tok, "-"+w+"-") || (len(w) > 4 && strings.HasPrefix(tok, w)) {
				return true
			}
		}
	}
	return false
}

// trimSiteName removes a site name after a separator: "Titre | Région Hauts-de-France".
func trimSiteName(t string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(t, sep); i > 20 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "h1": true,
	"h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "ul": true, "ol": true,
	"li": true, "table": true, "tr": true, "blockquote": true, "pre": true, "dl": true,
	"dt": true, "dd": true, "figure": true, "figcaption": true, "address": true, "hr": true,
	"caption": true, "thead": true, "tbody": true, "details": true, "summary": true,
}

// renderText writes the text of n with a line break around block elements, "- "
// before list items and a tab between table cells.
func renderText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		// Runs of HTML white space are one space; Normalize drops those at line ends.
		if len(n.Data) > 0 && isHTMLSpace(n.Data[0]) {
			b.WriteByte(' ')
		}
		writeFields(b, n.Data)
		if len(n.Data) > 1 && isHTMLSpace(n.Data[len(n.Data)-1]) {
			b.WriteByte(' ')
		}
		return
	case html.ElementNode:
		tag := n.Data
		switch tag {
		case "br":
			b.WriteByte('\n')
			return
		case "td", "th":
			b.WriteByte(' ')
		}
		block := blockTags[tag]
		if block {
			b.WriteString("\n")
			if tag == "li" {
				b.WriteString("- ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			renderText(b, c)
		}
		if block {
			b.WriteString("\n")
			if tag == "p" || strings.HasPrefix(tag, "h") && len(tag) == 2 {
				b.WriteString("\n")
			}
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		renderText(b, c)
	}
}

// writeFields writes strings.Join(strings.Fields(s), " ") without building either.
func writeFields(b *strings.Builder, s string) {
	sep := false // a field was written
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			r, n := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[j:])
			}
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if j > i {
			if sep {
				b.WriteByte(' ')
			}
			b.WriteString(s[i:j])
			sep = true
		}
		// Skip the space that ended the field.
		for j < len(s) {
			r, n := rune(s[j]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[j:])
			}
			if !unicode.IsSpace(r) {
				break
			}
			j += n
		}
		i = j
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}
