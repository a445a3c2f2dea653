package recueil

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/extract"
)

// Kinds of acts (Act.Kind).
const (
	KindArrete       = "arrete"
	KindDecision     = "decision"
	KindRecepisse    = "recepisse"
	KindDeliberation = "deliberation"
	KindConvention   = "convention"
	KindOther        = "autre"
)

// An Act is one act of a recueil.
type Act struct {
	ID        string `json:"id"`    // identifier as printed ("83-2025-07-15-00005"), "" when none
	Kind      string `json:"kind"`  // one of the Kind constants
	Title     string `json:"title"` // the sommaire's title, else the act's heading
	Date      string `json:"date"`  // ISO date of signature, "" when unknown
	DateFrom  string `json:"date_from,omitempty"`
	Signatory string `json:"signatory"`  // "Given Surname", "" when not found
	FirstPage int    `json:"first_page"` // 1-based PDF page, the separator page when there is one
	Pages     int    `json:"pages"`      // PDF pages the act takes, separator included
	// Separator is true when the first page only announces the act (service,
	// identifier, title) and its text starts on the next page.
	Separator bool `json:"separator,omitempty"`
	// Printed is the page count the sommaire gives, 0 without a sommaire.
	Printed int `json:"printed_pages,omitempty"`
	// Parts are the acts a bundle holds: an act of the sommaire made of several
	// signed acts, each under its own heading (31 arrêtés after one commission).
	Parts []Act `json:"parts,omitempty"`
	// Text is the act's text, running headers and footers removed.
	Text string `json:"-"`
}

// A Recueil is a split recueil.
type Recueil struct {
	Number    string   `json:"number,omitempty"`    // as printed on the cover ("83-2025-240", "070")
	Published string   `json:"published,omitempty"` // ISO date of publication from the cover
	Sommaire  []int    `json:"sommaire,omitempty"`  // 1-based PDF pages of the sommaire
	Offset    int      `json:"offset"`              // PDF page = printed page + Offset
	Acts      []Act    `json:"acts"`
	Problems  []string `json:"problems,omitempty"` // disagreements between sommaire and pages
}

// coverPages is how many first pages may hold the cover's marks, coverLines how
// many first lines of them.
const (
	coverPages = 2
	coverLines = 8
)

// coverMark matches a cover's line saying what the document is (on folded text):
// "RECUEIL DES ACTES / ADMINISTRATIFS", "RAA n° 70". An act saying it "sera publié
// au recueil des actes administratifs" does not open a line with it.
var coverMark = regexp.MustCompile(`^(recueil des actes|raa\b)`)

// coverPage returns the index of the first page whose first lines carry a cover
// mark, -1 when none does.
func coverPage(pages []string) int {
	for i := 0; i < len(pages) && i < coverPages; i++ {
		n, prev := 0, ""
		for _, l := range lines(pages[i]) {
			if l == "" {
				continue
			}
			if coverMark.MatchString(extract.Fold(l)) && !continues(prev) {
				return i
			}
			if n++; n >= coverLines {
				break
			}
			prev = l
		}
	}
	return -1
}

// continues reports whether a line ends inside a sentence (a lower-case word), so
// that the next line goes on with it: "… sera publié au" / "recueil des actes".
func continues(l string) bool {
	r, _ := utf8.DecodeLastRuneInString(l)
	return unicode.IsLower(r)
}

// IsRecueil reports whether pages read as a recueil des actes: a cover saying so, or
// a sommaire listing at least two acts (entries with a département's act
// identifier or a title naming a kind of act).
func IsRecueil(pages []string) bool {
	if coverPage(pages) >= 0 {
		return true
	}
	entries, _ := readSommaire(pages)
	acts := 0
	for _, e := range entries {
		if deptID.MatchString(e.id) || kindOf(e.title) != "" {
			acts++
		}
	}
	return acts >= 2
}

// Split splits the pages of a recueil into its acts. It returns nil when the pages
// do not read as a recueil (see IsRecueil). No panic escapes.
func Split(pages []string) (r *Recueil) { return split(pages, true) }

// split is Split, reading the sommaire only when useSommaire.
func split(pages []string, useSommaire bool) (r *Recueil) {
	defer func() {
		if x := recover(); x != nil {
			r = nil
		}
	}()
	if !IsRecueil(pages) {
		return nil
	}
	r = &Recueil{}
	r.cover(pages)
	entries, som := readSommaire(pages)
	r.Sommaire = som
	foot := runningLines(pages)
	if len(entries) > 0 && useSommaire {
		r.fromSommaire(pages, entries)
	}
	if len(r.Acts) == 0 {
		r.fromHeaders(pages, after(som))
	}
	for i := range r.Acts {
		a := &r.Acts[i]
		a.Text = actText(pages, a, foot)
		a.facts(pages)
		if len(entries) > 0 && useSommaire {
			a.parts(pages, foot)
		}
	}
	return r
}

// minBundlePages is the fewest pages of an act searched for the acts it bundles.
const minBundlePages = 4

// parts finds the acts an act of the sommaire bundles, by their headings and
// signatures (see fromHeaders); one act found means none bundled.
func (a *Act) parts(pages []string, foot map[string]bool) {
	if a.Pages < minBundlePages {
		return
	}
	from := a.FirstPage - 1
	if a.Separator {
		from++
	}
	sub := &Recueil{}
	sub.fromHeaders(pages[:a.FirstPage-1+a.Pages], from)
	if len(sub.Acts) < 2 {
		return
	}
	for i := range sub.Acts {
		p := &sub.Acts[i]
		p.Text = actText(pages, p, foot)
		p.facts(pages)
	}
	a.Parts = sub.Acts
}

// after returns the first page index after the sommaire pages (0-based), or after
// the cover when there is no sommaire.
func after(som []int) int {
	if len(som) == 0 {
		return 1
	}
	return som[len(som)-1]
}

// coverNumber and coverPublished read the recueil's number and publication date.
var (
	coverNumber    = regexp.MustCompile(`(?i)\bN\s*[°º]\s*([0-9][0-9A-Za-z/-]*)`)
	coverPublished = regexp.MustCompile(`(?i)publi[ée]e? le`)
)

// cover reads the number and publication date on the cover.
func (r *Recueil) cover(pages []string) {
	i := coverPage(pages)
	if i < 0 {
		return
	}
	p := pages[i]
	if m := coverNumber.FindStringSubmatch(p); m != nil {
		r.Number = m[1]
	}
	if loc := coverPublished.FindStringIndex(p); loc != nil {
		if ds := extract.Dates(extract.NewText(p[loc[0]:]), ""); len(ds) > 0 {
			r.Published = ds[0].Value
		}
	}
}

// lines splits a page into its trimmed lines.
func lines(p string) []string {
	ls := strings.Split(p, "\n")
	for i := range ls {
		ls[i] = strings.TrimSpace(ls[i])
	}
	return ls
}
