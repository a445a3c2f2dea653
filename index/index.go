package index

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"

	"terril/corpus"
)

// Index is a Bleve index of corpus documents. It is safe for concurrent use.
type Index struct {
	b      bleve.Index
	path   string
	holder string // the file naming this process as a holder (see writeHolder)

	termsOnce  sync.Once
	termsKinds map[string]termsKind // see termKinds

	// Resolver, when set before searching, turns the names users type in commune and
	// EPCI filters into codes ("Lomme" → 59350, "MEL" → 200093201). Without it, a
	// name matches the names the documents were indexed with.
	Resolver Resolver
}

// A Resolver maps place names to codes; a gazetteer implements it.
type Resolver interface {
	// CommuneCodes returns the INSEE codes a commune name designates (none when unknown).
	CommuneCodes(name string) []string
	// EPCISiren returns the SIREN an intercommunality name or acronym designates.
	EPCISiren(name string) (string, bool)
}

// Open opens the index in dir, creating it (and dir's parents) when absent. An
// index another process holds is waited for DefaultWait (see OpenContext).
func Open(dir string) (*Index, error) {
	return OpenContext(context.Background(), dir, Options{})
}

// OpenReadOnly opens an existing index for searching only; it fails when dir holds
// no index.
func OpenReadOnly(dir string) (*Index, error) {
	return OpenContext(context.Background(), dir, Options{ReadOnly: true})
}

// Path returns the directory of the index.
func (ix *Index) Path() string { return ix.path }

// Close closes the index.
func (ix *Index) Close() error {
	if ix.holder != "" {
		os.Remove(ix.holder)
	}
	return ix.b.Close()
}

// Count returns the number of documents in the index.
func (ix *Index) Count() (uint64, error) { return ix.b.DocCount() }

// Index adds or replaces docs (by ID) in one batch, durably, with the acts of the
// recueils among them (Document.Acts): the acts an earlier reading of a recueil
// indexed are deleted first, so that none is left over.
func (ix *Index) Index(docs []*corpus.Document) error {
	prepared := make([]any, len(docs))
	for i, d := range docs {
		prepared[i] = ix.Prepare(d)
	}
	return ix.IndexPrepared(docs, prepared)
}

// Prepare builds the Bleve documents of d and its acts, for IndexPrepared: the
// part of indexing that needs nothing but d, which a pipeline does in its
// workers, in parallel, rather than in the one goroutine that commits batches.
func (ix *Index) Prepare(d *corpus.Document) any {
	im := ix.b.Mapping()
	terms := ix.termKinds()
	var p prepared
	for i, d := range append([]*corpus.Document{d}, d.Acts...) {
		if d.ID == "" {
			p.err = fmt.Errorf("index %s: document without ID", d.URL)
			return &p
		}
		f := toFields
		if i == 0 && len(d.Acts) > 0 {
			f = recueilFields
		}
		doc, err := bleveDocument(im, terms, d.ID, f(d))
		if err != nil {
			p.err = fmt.Errorf("index %s: %w", d.URL, err)
			return &p
		}
		analyseTexts(doc)
		p.docs = append(p.docs, doc)
	}
	return &p
}

// analyseTexts analyses the title and text of doc, the bulk of a batch's
// analysis, so that the goroutine committing batches does not wait for it.
func analyseTexts(doc *document.Document) {
	for _, f := range doc.Fields {
		if t, ok := f.(*textField); ok {
			t.Analyze()
		}
	}
}

// prepared is what Prepare gives a document: its Bleve document and its acts',
// or why it cannot be indexed.
type prepared struct {
	docs []*document.Document
	err  error
}

// IndexPrepared is Index, given what Prepare returned for each of docs.
func (ix *Index) IndexPrepared(docs []*corpus.Document, prep []any) error {
	if len(prep) != len(docs) {
		return fmt.Errorf("index: %d documents, %d prepared", len(docs), len(prep))
	}
	batch := ix.b.NewBatch()
	var parents []string
	for _, d := range docs {
		if mayHaveActs(d) {
			parents = append(parents, d.ID)
		}
	}
	old, err := ix.actsOf(parents)
	if err != nil {
		return fmt.Errorf("index: acts of %d recueils: %w", len(parents), err)
	}
	for _, id := range old {
		batch.Delete(id) // an act indexed again below is replaced: a batch keeps an ID's last operation
	}
	for i, x := range prep {
		p, ok := x.(*prepared)
		if !ok {
			return fmt.Errorf("index %s: not prepared by this index", docs[i].URL)
		}
		if p.err != nil {
			return p.err
		}
		for _, doc := range p.docs {
			if err := batch.IndexAdvanced(doc); err != nil {
				return fmt.Errorf("index %s: %w", docs[i].URL, err)
			}
		}
	}
	if err := ix.b.Batch(batch); err != nil {
		return fmt.Errorf("index batch of %d: %w", len(docs), err)
	}
	return nil
}

// termKinds is termFields of the index's mapping, which does not change once
// the index is open (see upgradeMapping).
func (ix *Index) termKinds() map[string]termsKind {
	ix.termsOnce.Do(func() { ix.termsKinds = termFields(ix.b.Mapping()) })
	return ix.termsKinds
}

// Delete removes documents by ID, with the acts of those that are recueils.
func (ix *Index) Delete(ids ...string) error {
	acts, err := ix.actsOf(ids)
	if err != nil {
		return fmt.Errorf("delete: acts of %d documents: %w", len(ids), err)
	}
	batch := ix.b.NewBatch()
	for _, id := range slices.Concat(ids, acts) {
		batch.Delete(id)
	}
	return ix.b.Batch(batch)
}

// Facts is the compact summary of a document's facts stored with it, for display and
// for sums.
type Facts struct {
	Published string    `json:"p,omitempty"`
	Amounts   []float64 `json:"a,omitempty"`
	Communes  []string  `json:"c,omitempty"` // "INSEE Name"
	Themes    []string  `json:"t,omitempty"`
}

// toFields turns a document into the fields of the mapping.
func toFields(d *corpus.Document) map[string]any {
	f := map[string]any{
		fTitle:  d.Title,
		fText:   d.Text,
		fURL:    d.URL,
		fSource: d.Source,
		fGenre:  d.Genre,
		fTheme:  d.Themes,
		fDept:   d.Departements,
	}
	// The publication date is a keyword at each precision it has (year, month, day):
	// facets count years and months, a range is a disjunction of those terms (see
	// coverDays), and sorting uses the full value. Datetime fields would cost sixteen
	// prefix-coded terms a value.
	if _, ok := parseISO(d.Published); ok {
		f[fPubText] = d.Published
		f[fYear] = d.Published[:4]
		if len(d.Published) >= 7 {
			f[fMonth] = d.Published[:7]
		}
		if len(d.Published) >= 10 {
			f[fDay] = d.Published[:10]
		}
	}
	// Dates mentioned are keyword terms at each precision they give ("2018",
	// "2018-03", "2018-03-12"): three terms at most per date, where a datetime field
	// would cost sixteen prefix-coded terms per value, and a filter on a year, a
	// month or a day is one term.
	var mentioned []string
	for _, x := range d.Dates {
		v := x.Value
		for _, n := range []int{4, 7, 10} {
			if len(v) >= n && !slices.Contains(mentioned, v[:n]) {
				mentioned = append(mentioned, v[:n])
			}
		}
	}
	f[fDates] = mentioned
	var amounts []float64
	for _, a := range d.Amounts {
		if a.Currency != "" && a.Currency != "EUR" || slices.Contains(amounts, a.Value) {
			continue
		}
		amounts = append(amounts, a.Value)
	}
	amountTexts := make([]string, len(amounts))
	for i, a := range amounts {
		amountTexts[i] = amountText(a)
	}
	f[fAmount] = amountTexts
	var ranges []string
	for _, a := range amounts {
		if r := amountRange(a); !slices.Contains(ranges, r) {
			ranges = append(ranges, r)
		}
	}
	f[fAmountRange] = ranges
	var codes, names, facts []string
	for _, c := range d.Communes {
		codes = append(codes, labelTerm(c.INSEE, c.Name))
		names = append(names, foldKey(c.Name))
		facts = append(facts, c.INSEE+" "+c.Name)
	}
	f[fCommune], f[fCommuneName] = codes, names
	codes, names = nil, nil
	for _, e := range d.EPCIs {
		codes = append(codes, labelTerm(e.SIREN, e.Name))
		names = append(names, foldKey(e.Name))
	}
	f[fEPCI], f[fEPCIName] = codes, names
	codes = nil
	for _, p := range d.People {
		codes = append(codes, labelTerm(personKey(p.Name), p.Name))
	}
	f[fPerson] = codes
	codes = nil
	for _, s := range d.Signatories {
		codes = append(codes, labelTerm(personKey(s.Name), s.Name))
	}
	f[fSignatory] = codes
	year := ""
	if len(d.Published) >= 4 {
		year = d.Published[:4]
	}
	var communeLabels []string
	for _, c := range d.Communes {
		communeLabels = append(communeLabels, c.Name+" ("+c.INSEE+")")
	}
	for field, terms := range sumTerms(amounts, communeLabels, d.Themes, year) {
		f[field] = terms
	}
	for field, v := range fundingFields(d) {
		f[field] = v
	}
	for field, v := range documentFields(d) {
		f[field] = v
	}
	for field, v := range actFields(d) {
		f[field] = v
	}
	sum, _ := json.Marshal(Facts{Published: d.Published, Amounts: amounts, Communes: facts, Themes: d.Themes})
	f[fFacts] = string(sum)
	return f
}

// parseISO parses YYYY, YYYY-MM or YYYY-MM-DD.
func parseISO(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			t, err := time.Parse(layout, s)
			return t, err == nil
		}
	}
	return time.Time{}, false
}

// foldKey is the key of a name for filtering: folded, lower case, words separated by
// single spaces ("Hénin-Beaumont" → "henin beaumont").
func foldKey(s string) string {
	s = strings.ToLower(fold(s))
	// The words are the runs of ASCII letters and digits (every byte of a
	// multi-byte character separates them), joined by single spaces.
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			sep = b.Len() > 0
			continue
		}
		if sep {
			b.WriteByte(' ')
			sep = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// personKey is the filter key of a person or party: the folded words of the name in
// sorted order, so that "DUPONT Jean-Marc" and "Jean-Marc Dupont" are the same.
func personKey(name string) string {
	w := strings.Fields(foldKey(name))
	slices.Sort(w)
	return strings.Join(w, " ")
}
