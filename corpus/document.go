package corpus

import (
	"encoding/json"
	"time"
)

// Genres of documents, as the guidelines define them.
const (
	GenreCommunique   = "communique"
	GenreArticle      = "article"
	GenreDeliberation = "deliberation"
	GenrePage         = "page"
)

// Kinds of signatories.
const (
	KindPerson       = "person"
	KindOrganization = "organization"
)

// Kinds of references to acts.
const (
	RefDeliberation = "deliberation"
	RefArrete       = "arrete"
	RefDecision     = "decision"
)

// A Span locates a fact in Document.Text: byte offsets [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Document is the one record that flows through terril: what was read, where it came
// from, its text, and the facts extracted from it.
type Document struct {
	// ID is stable across runs: the file name without extension for local files, a
	// hash-based name for fetched URLs (see corpus.IDForURL).
	ID          string    `json:"id"`
	Source      string    `json:"source,omitempty"`       // name of the source or collector
	URL         string    `json:"url,omitempty"`          // URL or local path
	ContentType string    `json:"content_type,omitempty"` // MIME type of the raw bytes
	SHA256      string    `json:"sha256,omitempty"`       // hex sha256 of the raw bytes
	Size        int64     `json:"size,omitempty"`         // length of the raw bytes
	Fetched     time.Time `json:"fetched,omitzero"`       // when the raw bytes were captured
	Title       string    `json:"title,omitempty"`
	// Text is the normalised plain text (see extract.Normalize). Every Span of every
	// fact points into it.
	Text string `json:"text,omitempty"`

	// Pages describes, for paged formats, which reader produced each page.
	Pages []Page `json:"pages,omitempty"`

	// Facts, with the field names of the annotation guidelines.
	Genre        string      `json:"genre"`
	Published    string      `json:"published"` // ISO 8601 at the precision given, "" when unknown (null in JSON)
	Dates        []Date      `json:"dates"`
	Amounts      []Amount    `json:"amounts"`
	Communes     []Commune   `json:"communes"`
	EPCIs        []EPCI      `json:"epcis"`
	Departements []string    `json:"departements"`
	People       []Person    `json:"people"`
	Signatories  []Signatory `json:"signatories"`
	References   []Reference `json:"references"`
	Themes       []string    `json:"themes"`
	Fundings     []Funding   `json:"fundings"`

	// ThemeEvidence says why each theme was assigned.
	ThemeEvidence []ThemeEvidence `json:"theme_evidence,omitempty"`
	// Problems found while reading and extracting; none of them is fatal.
	Problems []string `json:"problems,omitempty"`

	// Of an act of a recueil des actes (see package extract/recueil): the ID of the
	// recueil's document, the act's kind (arrete, decision, recepisse…), its first
	// PDF page in the recueil and its page count, the recueil's publication date.
	Recueil          string `json:"recueil,omitempty"`
	ActKind          string `json:"act_kind,omitempty"`
	FirstPage        int    `json:"first_page,omitempty"`
	PageCount        int    `json:"page_count,omitempty"`
	RecueilPublished string `json:"recueil_published,omitempty"`
	// Acts are the documents of a recueil's acts, read with it and indexed with it,
	// each as a document of its own (so not written with the recueil's JSON).
	Acts []*Document `json:"-"`
}

// MarshalJSON writes Published as null when empty and every fact list as [] rather
// than null, as the guidelines require.
func (d Document) MarshalJSON() ([]byte, error) {
	type plain Document
	p := plain(d)
	p.Dates = nonNil(p.Dates)
	p.Amounts = nonNil(p.Amounts)
	p.Communes = nonNil(p.Communes)
	p.EPCIs = nonNil(p.EPCIs)
	p.Departements = nonNil(p.Departements)
	p.People = nonNil(p.People)
	p.Signatories = nonNil(p.Signatories)
	p.References = nonNil(p.References)
	p.Themes = nonNil(p.Themes)
	p.Fundings = nonNil(p.Fundings)
	return json.Marshal(struct {
		plain
		Published *string `json:"published"`
	}{p, optional(d.Published)})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Page records how one page of a paged document was read.
type Page struct {
	Number int    `json:"number"`           // 1-based
	Reader string `json:"reader"`           // "ledongthuc", "pdfium", "ocr", or "" when not read
	Chars  int    `json:"chars"`            // characters of text kept for the page
	Note   string `json:"note,omitempty"`   // why the page was re-read or not read
	Gate   *Gate  `json:"gate,omitempty"`   // quality figures of the first reader's text
	Millis int64  `json:"millis,omitempty"` // time spent reading the page
}

// Gate holds the quality figures computed on a page's text.
type Gate struct {
	Chars        int     `json:"chars"`
	Replacement  float64 `json:"replacement"`   // share of U+FFFD and control characters
	NonWords     float64 `json:"non_words"`     // share of tokens that are not French words
	SplitWords   int     `json:"split_words"`   // words cut by line breaks
	BrokenLines  int     `json:"broken_lines"`  // lines breaking a sentence apart
	TextOps      int     `json:"text_ops"`      // text-showing operators in the page content
	FormXObjects int     `json:"form_xobjects"` // Form XObjects the page draws
	Images       int     `json:"images"`        // images the page draws
	Pass         bool    `json:"pass"`
}

// A Date is a calendar reference found in the text.
type Date struct {
	Text  string `json:"text"`
	Value string `json:"value"` // ISO 8601 at the precision given: YYYY-MM-DD, YYYY-MM or YYYY
	Span
}

// An Amount is a sum of money found in the text.
type Amount struct {
	Text      string  `json:"text"`
	Value     float64 `json:"value"`    // in units of Currency
	Currency  string  `json:"currency"` // "EUR"
	Implicit  bool    `json:"implicit,omitempty"`
	Qualifier string  `json:"qualifier,omitempty"` // "HT", "TTC"
	Approx    string  `json:"approx,omitempty"`    // "près de", "plus de"…, as written
	Span
}

// A Commune is a French commune named as a place.
type Commune struct {
	Name        string `json:"name"`
	INSEE       string `json:"insee"`
	Departement string `json:"departement,omitempty"`
	EPCI        string `json:"epci,omitempty"` // SIREN of its intercommunality
	Spans       []Span `json:"spans,omitempty"`
}

// An EPCI is an intercommunality (communauté de communes, d'agglomération, urbaine,
// métropole).
type EPCI struct {
	Name  string `json:"name"`
	SIREN string `json:"siren"`
	Spans []Span `json:"spans,omitempty"`
}

// A Person is a named person with the role the text gives them.
type Person struct {
	Name  string `json:"name"` // "Given Surname" in normal case
	Role  string `json:"role"` // as written; "" when none (null in JSON)
	Key   string `json:"key,omitempty"`
	Spans []Span `json:"spans,omitempty"`
}

// MarshalJSON writes an empty Role as null.
func (p Person) MarshalJSON() ([]byte, error) {
	type plain Person
	return json.Marshal(struct {
		plain
		Role *string `json:"role"`
	}{plain(p), optional(p.Role)})
}

// A Signatory is a party that signs the document or the agreement it reports.
type Signatory struct {
	Name string `json:"name"`
	Kind string `json:"kind"` // KindPerson or KindOrganization
	Key  string `json:"key,omitempty"`
	Span
}

// A Reference identifies an act cited or contained in the document.
type Reference struct {
	Kind   string `json:"kind"`   // RefDeliberation, RefArrete, RefDecision
	Number string `json:"number"` // as written, without "n°"
	Date   string `json:"date"`   // ISO, "" when unknown (null in JSON)
	Span
}

// MarshalJSON writes an empty Date as null.
func (r Reference) MarshalJSON() ([]byte, error) {
	type plain Reference
	return json.Marshal(struct {
		plain
		Date *string `json:"date"`
	}{plain(r), optional(r.Date)})
}

// ThemeEvidence is why a theme was assigned: the terms found, where, and the score.
type ThemeEvidence struct {
	Theme string  `json:"theme"`
	Score float64 `json:"score"`
	Terms []Term  `json:"terms"`
}

// A Term is one lexicon entry found in the text.
type Term struct {
	Term string `json:"term"`
	Span
}
