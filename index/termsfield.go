package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// A document's keyword lists (its communes, dates, sum terms…) and amounts, about
// 140 values, would each be a Bleve field of their own through the mapping: a
// field struct, a copy of the value, an analysis with its tokens and map, and a
// merge of the maps of each name when the segment is built. termsField indexes a
// whole list as one field with the same terms, frequencies and length, so that
// the segment is the same with a fifth of the fields.

// termsField is a field holding several values: what the mapping makes of a
// []string, one field per value, merged into one.
type termsField struct {
	name    string
	terms   []string
	options index.FieldIndexingOptions
	repeat  int // fields the mapping makes of each value (see termsKind)
	// analyzer analyses each value; nil for the keyword analyzer.
	analyzer analysis.Analyzer
	freqs    index.TokenFrequencies
	length   int
}

var _ document.Field = (*termsField)(nil)

func (t *termsField) Name() string                        { return t.name }
func (t *termsField) ArrayPositions() []uint64            { return nil }
func (t *termsField) Options() index.FieldIndexingOptions { return t.options }
func (t *termsField) Value() []byte                       { return nil } // never stored (see termFields)
func (t *termsField) EncodedFieldType() byte              { return 't' }
func (t *termsField) AnalyzedLength() int                 { return t.length }

func (t *termsField) AnalyzedTokenFrequencies() index.TokenFrequencies { return t.freqs }

func (t *termsField) NumPlainTextBytes() uint64 {
	var n uint64
	for _, s := range t.terms {
		n += uint64(len(s))
	}
	return uint64(t.repeat) * n
}

// Size is the memory the field holds, roughly: Bleve only reports it.
func (t *termsField) Size() int {
	return 64 + len(t.name) + 80*len(t.terms) + 2*int(t.NumPlainTextBytes())
}

// Analyze gives the terms of each value, counted as the merge of one field per
// value counts them: once per occurrence, repeat times. A keyword value is one
// term (as the keyword analyzer gives it).
func (t *termsField) Analyze() {
	if t.analyzer != nil {
		t.analyzeWith()
		return
	}
	n := 0
	for _, s := range t.terms {
		n += len(s)
	}
	buf := make([]byte, 0, n)
	slab := make([]index.TokenFreq, len(t.terms))
	freqs := make(index.TokenFrequencies, len(t.terms))
	for i, s := range t.terms {
		tf, ok := freqs[s]
		if !ok {
			start := len(buf)
			buf = append(buf, s...)
			tf = &slab[i]
			tf.Term = buf[start:len(buf):len(buf)]
			freqs[s] = tf
		}
		t.count(tf)
	}
	t.freqs, t.length = freqs, t.repeat*len(t.terms)
}

// analyzeWith analyses each value with the field's analyzer. The terms' entries
// come by chunks, sized from the first value's tokens (an amount gives eight).
func (t *termsField) analyzeWith() {
	var freqs index.TokenFrequencies
	var entries []index.TokenFreq
	length := 0
	for _, s := range t.terms {
		tokens := t.analyzer.Analyze([]byte(s))
		if freqs == nil {
			n := max(1, len(tokens)) * len(t.terms)
			freqs = make(index.TokenFrequencies, n)
			entries = make([]index.TokenFreq, 0, n)
		}
		length += len(tokens)
		for _, tok := range tokens {
			tf, ok := freqs[string(tok.Term)]
			if !ok {
				if len(entries) == cap(entries) {
					entries = make([]index.TokenFreq, 0, max(8, len(tokens)))
				}
				// The value was copied for its analysis: the terms are the
				// field's, as Bleve's TextField keeps them.
				entries = append(entries, index.TokenFreq{Term: tok.Term})
				tf = &entries[len(entries)-1]
				freqs[string(tok.Term)] = tf
			}
			t.count(tf)
		}
	}
	t.freqs, t.length = freqs, t.repeat*length
}

// count counts one occurrence of a term in each of the repeat fields.
func (t *termsField) count(tf *index.TokenFreq) {
	if !t.options.SkipFreqNorm() {
		tf.SetFrequency(tf.Frequency() + t.repeat)
	}
}

// termFields returns the fields of im that termsField can index, with how:
// text fields neither stored nor with term vectors (keyword lists, amounts),
// whose property names their analyzer and has no other mapping than theirs. The
// others (and every field of an index whose mapping differs) go through the
// mapping.
func termFields(im mapping.IndexMapping) map[string]termsKind {
	impl, ok := im.(*mapping.IndexMappingImpl)
	if !ok {
		return nil
	}
	// The mapping MapDocument applies to toFields's maps, which name no type.
	dm := impl.TypeMapping[impl.DefaultType]
	if dm == nil {
		dm = impl.DefaultMapping
	}
	if dm == nil || !dm.Enabled {
		return nil
	}
	out := map[string]termsKind{}
	for name, p := range dm.Properties {
		if k, ok := termsKindOf(impl, name, p); ok {
			out[name] = k
		}
	}
	return out
}

// termsKindOf is how termFields indexes property p, if it can.
func termsKindOf(im *mapping.IndexMappingImpl, name string, p *mapping.DocumentMapping) (termsKind, bool) {
	if p == nil || !p.Enabled || len(p.Properties) > 0 || len(p.Fields) == 0 {
		return termsKind{}, false
	}
	first := p.Fields[0]
	// A property mapped n times (the funding sums are) is n fields a value.
	k := termsKind{options: first.Options(), repeat: len(p.Fields)}
	for _, fm := range p.Fields {
		if fm.Type != "text" || fm.Store || fm.IncludeTermVectors || !fm.Index || fm.Analyzer == "" ||
			fm.Analyzer != first.Analyzer || fm.Name != "" && fm.Name != name || fm.Options() != k.options {
			return termsKind{}, false
		}
	}
	if first.Analyzer != keyword.Name {
		if k.analyzer = im.AnalyzerNamed(first.Analyzer); k.analyzer == nil {
			return termsKind{}, false
		}
	}
	return k, true
}

// termsKind is how termFields indexes a field: with these options, each value
// counted repeat times, analysed by analyzer (nil: as a keyword).
type termsKind struct {
	options  index.FieldIndexingOptions
	repeat   int
	analyzer analysis.Analyzer
}

// bleveDocument is the Bleve document of the fields f (toFields): the keyword
// lists termFields names as termsFields, the rest through the mapping. f is
// consumed.
func bleveDocument(im mapping.IndexMapping, terms map[string]termsKind, id string, f map[string]any) (*document.Document, error) {
	doc := document.NewDocument(id)
	for name, v := range f {
		vs, ok := v.([]string)
		if !ok {
			continue
		}
		k, ok := terms[name]
		if !ok {
			continue
		}
		delete(f, name)
		if len(vs) > 0 {
			doc.AddField(&termsField{name: name, terms: vs, options: k.options, repeat: k.repeat, analyzer: k.analyzer})
		}
	}
	if err := im.MapDocument(doc, f); err != nil {
		return nil, err
	}
	for i, x := range doc.Fields {
		if t, ok := x.(*document.TextField); ok && t.Options().IncludeTermVectors() {
			doc.Fields[i] = &textField{TextField: t}
		}
	}
	return doc, nil
}
