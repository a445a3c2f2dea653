package index

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"terril/corpus"
)

// analyzedField is what a segment is built from for one field name of a
// document: the merge of its fields' analyses, and the values stored.
type analyzedField struct {
	options index.FieldIndexingOptions
	length  int
	freqs   map[string]int
	locs    map[string]string
	stored  []string
}

// analyzed analyses doc's fields and merges them by name, as a segment does.
func analyzed(doc *document.Document) map[string]*analyzedField {
	out := map[string]*analyzedField{}
	for _, f := range doc.Fields {
		f.Analyze()
		a := out[f.Name()]
		if a == nil {
			a = &analyzedField{options: f.Options(), freqs: map[string]int{}, locs: map[string]string{}}
			out[f.Name()] = a
		}
		if a.options != f.Options() {
			a.options = ^index.FieldIndexingOptions(0) // fields of one name disagree
		}
		a.length += f.AnalyzedLength()
		for term, tf := range f.AnalyzedTokenFrequencies() {
			if string(tf.Term) != term {
				a.freqs["bad term "+term] = -1
			}
			a.freqs[term] += tf.Frequency()
			for _, l := range tf.Locations {
				a.locs[term] += fmt.Sprintf("%q %v %d-%d@%d ", l.Field, l.ArrayPositions, l.Start, l.End, l.Position)
			}
		}
		if f.Options().IsStored() {
			a.stored = append(a.stored, fmt.Sprintf("%c %v %q", f.EncodedFieldType(), f.ArrayPositions(), f.Value()))
		}
	}
	return out
}

// sameBleveDocument checks that bleveDocument gives d the fields Bleve's mapping
// gives toFields(d): the same terms, frequencies, lengths, options and stored
// values for every field name.
func sameBleveDocument(d *corpus.Document) error {
	im := newMapping()
	want := document.NewDocument(d.ID)
	if err := im.MapDocument(want, toFields(d)); err != nil {
		return err
	}
	got, err := bleveDocument(im, termFields(im), d.ID, toFields(d))
	if err != nil {
		return err
	}
	if g, w := got.NumPlainTextBytes(), want.NumPlainTextBytes(); g != w {
		return fmt.Errorf("%s: %d plain text bytes, want %d", d.ID, g, w)
	}
	g, w := analyzed(got), analyzed(want)
	for name, wf := range w {
		if gf := g[name]; !reflect.DeepEqual(gf, wf) {
			return fmt.Errorf("%s: field %s: got %+v, want %+v", d.ID, name, gf, wf)
		}
	}
	for name := range g {
		if w[name] == nil {
			return fmt.Errorf("%s: field %s, which the mapping does not give", d.ID, name)
		}
	}
	return nil
}

func TestTermsFieldEdgeCases(t *testing.T) {
	lens := corpus.Commune{Name: "Lens", INSEE: "62498", Departement: "62"}
	for _, d := range []*corpus.Document{
		{ID: "empty"},
		{ID: "twice", Title: "Deux fois", Text: "Lens et Lens.", Communes: []corpus.Commune{lens, lens},
			Themes: []string{"logement", "logement", ""}, Departements: []string{"62", "62"},
			Dates:   []corpus.Date{{Value: "2019-03-02"}, {Value: "2019-03-02"}, {Value: "2019"}},
			People:  []corpus.Person{{Name: "Anne Martin"}, {Name: "MARTIN Anne"}},
			Amounts: []corpus.Amount{{Value: 1e6}, {Value: 1e6}, {Value: 25000}}},
	} {
		if err := sameBleveDocument(d); err != nil {
			t.Error(err)
		}
	}
}

// TestTokenFrequency compares tokenFrequency with Bleve's on French texts, with
// and without term vectors and frequencies.
func TestTokenFrequency(t *testing.T) {
	a := newMapping().(*mapping.IndexMappingImpl).AnalyzerNamed(analyzerFrench)
	if a == nil {
		t.Fatal("no French analyzer")
	}
	texts := []string{"", "logement", "Le logement, les logements et le logement social : 12 logements à Liévin.",
		strings.Repeat("la friche de la friche, ", 40) + "fin"}
	for _, text := range texts {
		for _, opts := range []index.FieldIndexingOptions{index.IndexField, index.IndexField | index.IncludeTermVectors,
			index.IndexField | index.IncludeTermVectors | index.SkipFreqNorm, index.IndexField | index.IncludeTermVectors | index.StoreField} {
			for _, ap := range [][]uint64{nil, {2}} {
				tokens := a.Analyze([]byte(text))
				got := dumpFreqs(tokenFrequency(tokens, ap, opts))
				want := dumpFreqs(analysis.TokenFrequency(tokens, ap, opts))
				if got != want {
					t.Errorf("%q %v %v:\ngot  %s\nwant %s", text, opts, ap, got, want)
				}
			}
		}
	}
}

// dumpFreqs writes token frequencies in the order of their terms.
func dumpFreqs(tfs index.TokenFrequencies) string {
	var b strings.Builder
	for _, term := range slices.Sorted(maps.Keys(tfs)) {
		tf := tfs[term]
		fmt.Fprintf(&b, "%s=%q×%d[", term, tf.Term, tf.Frequency())
		for _, l := range tf.Locations {
			fmt.Fprintf(&b, "%q %v %d-%d@%d;", l.Field, l.ArrayPositions, l.Start, l.End, l.Position)
		}
		b.WriteString("] ")
	}
	return b.String()
}

// TestTermFields checks which fields termsField indexes: the keyword lists and
// the amounts, nothing stored or with term vectors.
func TestTermFields(t *testing.T) {
	terms := termFields(newMapping())
	for _, name := range []string{fCommune, fDates, fTheme, fPerson, "sum_commune", "fsum_funder", fAmount} {
		if _, ok := terms[name]; !ok {
			t.Errorf("%s is not indexed as a termsField", name)
		}
	}
	for _, name := range []string{fTitle, fText, fURL, fFacts, fPubText} {
		if _, ok := terms[name]; ok {
			t.Errorf("%s is indexed as a termsField", name)
		}
	}
}
