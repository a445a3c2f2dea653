package extract

import (
	"fmt"
	"sync"

	"terril/corpus"
	"terril/extract/amounts"
	"terril/extract/dates"
	"terril/extract/fundings"
	"terril/extract/genre"
	"terril/extract/parties"
	"terril/extract/references"
	"terril/extract/text"
	"terril/extract/themes"
)

// Options configures an Extractor.
type Options struct {
	// Themes, when not nil, replaces the embedded theme lexicon (see themes/themes.tsv).
	Themes []byte
	// Places, when not nil, fills communes, EPCIs and départements (see geo.Default).
	Places Places
	// Orgs, when not nil, keys the organisations that sign (see OrgResolver and
	// geo.Gazetteer.ResolveOrg); without it they are keyed by their folded words.
	Orgs OrgResolver
}

// An Extractor extracts facts from documents. It holds the reference data (gazetteer,
// lexicons), loaded once by New; it is immutable and safe for concurrent use.
type Extractor struct {
	opts   Options
	themes *Themes
	// scratch pools the working slices of one document's extraction (see
	// scratch): reused across documents, never shared by two at once.
	scratch sync.Pool
}

// scratch holds the working slices the extractors borrow for one document and give
// back: the folded text's offset table, the themes scan's buffers, the people
// scanner's view, the one token stream every extractor reads, the dates and amounts
// scans' slices. None of them is kept in a result.
type scratch struct {
	off    []int32
	themes themes.Scratch
	people parties.Buf
	lex    []text.Token
	// The document's Text and Tokens themselves, which the extractors read through
	// pointers (and would otherwise be allocated a document each).
	text   text.Text
	tokens text.Tokens
	// The title's, lexed once for genre and themes, with the arrays lent to them.
	title       text.Text
	titleTokens text.Tokens
	titleOff    []int32
	titleLex    []text.Token
	dates       dates.Buf
	amount      amounts.Buf
}

// New loads the reference data and returns an Extractor.
func New(opts Options) (*Extractor, error) {
	x := &Extractor{opts: opts}
	if opts.Themes != nil {
		th, err := ParseThemes(opts.Themes)
		if err != nil {
			return nil, fmt.Errorf("themes: %w", err)
		}
		x.themes = th
	} else {
		x.themes = DefaultThemes()
	}
	return x, nil
}

// Extract fills the facts of doc from doc.Title and doc.Text, which must be
// normalised (see Normalize). Facts already set are replaced. A panic inside an
// extractor is recovered and reported as a problem.
func (x *Extractor) Extract(doc *corpus.Document) (problems Problems) {
	defer func() {
		if r := recover(); r != nil {
			problems.Add(-1, "extractor panic: %v", r)
		}
	}()
	sc, _ := x.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	t, tk := &sc.text, &sc.tokens
	t.Reset(doc.Text, sc.off)
	*tk = text.Tokens{}
	tt, ttk := &sc.title, &sc.titleTokens
	tt.Reset(doc.Title, sc.titleOff)
	*ttk = text.Tokens{}
	defer func() {
		sc.off, sc.titleOff = t.Offsets()[:0], tt.Offsets()[:0]
		if tk.Toks != nil {
			sc.lex = tk.Toks[:0]
		}
		if ttk.Toks != nil {
			sc.titleLex = ttk.Toks[:0]
		}
		// Keep nothing of the document.
		*t, *tk, *tt, *ttk = text.Text{}, text.Tokens{}, text.Text{}, text.Tokens{}
		x.scratch.Put(sc)
	}()
	// The text is lexed once, and the title; every extractor reads those token
	// streams. They are called in dependency order: fundings reads the others' facts.
	guard(&problems, "tokens", func() { *tk = text.LexBuf(t, sc.lex) })
	guard(&problems, "title tokens", func() { *ttk = text.LexBuf(tt, sc.titleLex) })
	guard(&problems, "published", func() { doc.Published = genre.Published(tk) })
	guard(&problems, "dates", func() { doc.Dates = dates.FindBuf(tk, doc.Published, &sc.dates) })
	guard(&problems, "amounts", func() { doc.Amounts = amounts.FindBuf(tk, &sc.amount) })
	guard(&problems, "references", func() { doc.References = references.Find(tk) })
	guard(&problems, "genre", func() { doc.Genre = genre.FindTitled(tk, doc.Title, ttk, doc.Published) })
	guard(&problems, "themes", func() {
		doc.Themes, doc.ThemeEvidence = x.themes.ClassifyTitled(tk, doc.Title, ttk, &sc.themes)
	})
	if x.opts.Places != nil {
		guard(&problems, "places", func() {
			doc.Communes, doc.EPCIs, doc.Departements = x.opts.Places.Match(tk)
		})
	}
	guard(&problems, "people and signatories", func() { doc.People, doc.Signatories = parties.Find(tk, x.opts.Orgs, &sc.people) })
	guard(&problems, "fundings", func() {
		doc.Fundings = fundings.Find(fundings.Input{Text: doc.Text, Tokens: tk, TitleTokens: ttk, Title: doc.Title, Published: doc.Published,
			Genre: doc.Genre, ThemeEvidence: doc.ThemeEvidence, Themes: doc.Themes,
			Dates: doc.Dates, Amounts: doc.Amounts, Communes: doc.Communes, EPCIs: doc.EPCIs})
	})
	return problems
}

// guard runs f, turning a panic into a problem named after the stage.
func guard(p *Problems, stage string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			p.Add(-1, "%s: panic: %v", stage, r)
		}
	}()
	f()
}
