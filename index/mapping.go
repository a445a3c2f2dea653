package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"
	"golang.org/x/text/unicode/norm"
)

const (
	analyzerFrench = "terril_fr"
	filterFold     = "terril_fold"
	docType        = "doc"
)

func init() {
	// Bleve's registry is global; registering our analysis components at init is
	// how Bleve expects custom analysis to be plugged in.
	if err := registry.RegisterTokenFilter(filterFold, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(analyzerFrench, frenchAnalyzer); err != nil {
		panic(err)
	}
}

func frenchAnalyzer(_ map[string]any, cache *registry.Cache) (analysis.Analyzer, error) {
	var filters []analysis.TokenFilter
	for _, name := range []string{lowercase.Name, fr.ElisionName, fr.StopName, filterFold, fr.LightStemmerName} {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, err
		}
		if name == fr.LightStemmerName {
			f = newStemMemo(f)
		}
		filters = append(filters, f)
	}
	// wordTokenizer gives the tokens of Bleve's unicode tokenizer, faster.
	return &analysis.DefaultAnalyzer{Tokenizer: wordTokenizer{}, TokenFilters: filters}, nil
}

// foldFilter removes diacritics and spells œ, æ as oe, ae; token offsets are kept.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		ascii := true
		for _, c := range t.Term {
			if c >= 0x80 {
				ascii = false
				break
			}
		}
		if !ascii {
			t.Term = foldBytes(t.Term)
		}
	}
	return in
}

// latinFold[r-0xC0] is foldTerm of the Latin-1 letter r (U+00C0–U+00FF): French
// accents are all there, so most tokens fold without norm.NFD, which costs most of
// the filter. Built from foldTerm itself so that both always agree.
var latinFold [0x40]string

func init() {
	for r := rune(0xC0); r <= 0xFF; r++ {
		latinFold[r-0xC0] = foldTerm(string(r))
	}
}

// foldBytes is foldTerm on a token, in place: ASCII, Latin-1 (æ included), œ and ’
// by table, none of them folding longer than it is written; any other rune sends
// the whole token through foldTerm (a combining mark must see the letter before
// it). Bleve's own lowercase filter also rewrites terms in place: stored values
// are copied before analysis.
func foldBytes(term []byte) []byte {
	out := term[:0]
	for i := 0; i < len(term); {
		c := term[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(term[i:])
		switch {
		case r >= 0xC0 && r <= 0xFF:
			out = append(out, latinFold[r-0xC0]...)
		case r == 'œ':
			out = append(out, "oe"...)
		case r == '’':
			out = append(out, '\'')
		default:
			// What is folded so far folds to itself.
			return []byte(foldTerm(string(out) + string(term[i:])))
		}
		i += n
	}
	return out
}

// fold is foldTerm by foldBytes's tables where they serve (most French words):
// for the keys made of every name a document gives.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return string(foldBytes([]byte(s)))
		}
	}
	return s
}

func foldTerm(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'œ':
			b.WriteString("oe")
		case r == 'æ':
			b.WriteString("ae")
		case r == '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Field names of the index. The query language and the facets use the same names.
const (
	fTitle       = "title"
	fText        = "text"
	fURL         = "url"
	fSource      = "source"
	fGenre       = "genre"
	fPubText     = "published"    // as the document gives it (YYYY, YYYY-MM or YYYY-MM-DD): stored, sorted on
	fDay         = "day"          // publication day YYYY-MM-DD, keyword
	fYear        = "year"         // publication year, keyword
	fMonth       = "month"        // publication month YYYY-MM, keyword
	fDates       = "dates"        // dates mentioned: YYYY, YYYY-MM, YYYY-MM-DD keywords
	fAmount      = "amount"       // every amount, prefix-coded (see amount.go)
	fAmountRange = "amount_range" // the ranges of the amount facet the document's amounts fall in
	fTheme       = "theme"
	fCommune     = "commune"      // INSEE code and name: labelTerm(code, name)
	fCommuneName = "commune_name" // folded names
	fDept        = "dept"
	fEPCI        = "epci" // labelTerm(SIREN, name)
	fEPCIName    = "epci_name"
	fPerson      = "person" // labelTerm(normalised key, name as written)
	fSignatory   = "signatory"
	fFacts       = "facts" // stored JSON summary for display and sums
)

// keywordDocValues gives keyword fields doc values; the tests turn it on to
// compare the facets counted from postings with Bleve's, which read doc values.
var keywordDocValues = false

// labelTerm is the term of a coded value with its label ("59350␟Lille"): one
// field both filters by code (a prefix query, see codeQuery) and gives facets
// their labels, where a second field of labels cost a tenth of the ingest.
func labelTerm(code, label string) string { return code + labelSep + label }

// labelSep separates the code and the label of a labelTerm.
const labelSep = "\x1f"

// splitLabel returns the code and the label of a labelTerm; a term without
// label (an index made before labelTerm) is its own code and label.
func splitLabel(term string) (code, label string) {
	code, label, ok := strings.Cut(term, labelSep)
	if !ok {
		return term, term
	}
	return code, label
}

// codeQuery matches the documents holding code in a field of labelTerms, or the
// code alone (as documents indexed before labelTerm hold it).
func codeQuery(field, code string) query.Query {
	q := bleve.NewPrefixQuery(code + labelSep)
	q.SetField(field)
	return bleve.NewDisjunctionQuery(q, termQ(field, code))
}

// newMapping returns the index mapping.
func newMapping() mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	im.DefaultAnalyzer = analyzerFrench
	im.DefaultType = docType
	im.DefaultField = "_all"

	dm := bleve.NewDocumentStaticMapping()
	// No field goes to _all, but Bleve would still add an empty composite field to
	// each document and check every field against it.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzerFrench
		f.Store = store
		f.IncludeTermVectors = true
		f.IncludeInAll = false // queries name their fields; no _all copy to index
		return f
	}
	// Keywords have no doc values: facets and sums count postings (see
	// facetcount.go), and only the fields sorted on need them. Doc values cost
	// about a tenth of terril's ingest CPU.
	kw := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = keywordDocValues
		return f
	}
	stored := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}

	dm.AddFieldMappingsAt(fTitle, text(true))
	dm.AddFieldMappingsAt(fText, text(true))
	dm.AddFieldMappingsAt(fURL, kw(true))
	dm.AddFieldMappingsAt(fSource, kw(true))
	dm.AddFieldMappingsAt(fGenre, kw(true))
	pub := kw(true)
	pub.DocValues = true // sorted on
	dm.AddFieldMappingsAt(fPubText, pub)
	dm.AddFieldMappingsAt(fDay, kw(false))
	dm.AddFieldMappingsAt(fYear, kw(false))
	dm.AddFieldMappingsAt(fMonth, kw(false))
	dm.AddFieldMappingsAt(fDates, kw(false))
	amount := bleve.NewTextFieldMapping()
	amount.Analyzer = analyzerAmount
	amount.Store, amount.IncludeInAll, amount.IncludeTermVectors = false, false, false
	amount.DocValues = true // sorted on
	dm.AddFieldMappingsAt(fAmount, amount)
	dm.AddFieldMappingsAt(fAmountRange, kw(false))
	dm.AddFieldMappingsAt(fTheme, kw(false))
	dm.AddFieldMappingsAt(fCommune, kw(false))
	dm.AddFieldMappingsAt(fCommuneName, kw(false))
	dm.AddFieldMappingsAt(fDept, kw(false))
	dm.AddFieldMappingsAt(fEPCI, kw(false))
	dm.AddFieldMappingsAt(fEPCIName, kw(false))
	dm.AddFieldMappingsAt(fPerson, kw(false))
	dm.AddFieldMappingsAt(fSignatory, kw(false))
	dm.AddFieldMappingsAt(fFacts, stored())
	for _, f := range sumFields {
		dm.AddFieldMappingsAt(f, kw(false))
	}

	addFundingMappings(dm, kw, stored)
	addDocumentMappings(dm, stored)
	addActMappings(dm, kw, stored)
	im.AddDocumentMapping(docType, dm)
	im.DefaultMapping = dm
	return im
}
