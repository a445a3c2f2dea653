package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// textField is a text field with term vectors (title, text) analysed as Bleve's
// TextField is, with the same tokens, frequencies and locations, but counted in
// a few allocations a field (see tokenFrequency) where Bleve makes two or more
// for each distinct word; and sized without walking them (see Size).
type textField struct {
	*document.TextField
	length   int
	freqs    index.TokenFrequencies
	analysed bool
}

var _ document.Field = (*textField)(nil)

func (t *textField) AnalyzedLength() int                              { return t.length }
func (t *textField) AnalyzedTokenFrequencies() index.TokenFrequencies { return t.freqs }

// Analyze is document.TextField's Analyze with tokenFrequency, done once: Prepare
// analyses in the pipeline's workers, and the batch's own call then finds it done.
func (t *textField) Analyze() {
	if t.analysed {
		return
	}
	t.analysed = true
	var tokens analysis.TokenStream
	if a := t.Analyzer(); a != nil {
		b := t.Value()
		if t.Options().IsStored() {
			// The analysis may rewrite its input; the stored value must stay.
			c := make([]byte, len(b))
			copy(c, b)
			b = c
		}
		tokens = a.Analyze(b)
	} else {
		v := t.Value()
		tokens = analysis.TokenStream{{Start: 0, End: len(v), Term: v, Position: 1, Type: analysis.AlphaNumeric}}
	}
	t.length = len(tokens)
	t.freqs = tokenFrequency(tokens, t.ArrayPositions(), t.Options())
}

// tokenSize is what one token of an analysed text holds, about: its location,
// the pointer to it and a share of its term's entry.
const tokenSize = 64

// Size does not walk the analysis: Bleve asks the size of every document of a
// batch, one after another, in the goroutine that then builds the segment, only
// to report the memory it holds; the locations of a long text were most of it.
func (t *textField) Size() int {
	return len(t.Name()) + 2*len(t.Value()) + tokenSize*t.length + 128
}

// tokenFrequency is analysis.TokenFrequency: each term with its frequency and,
// with term vectors, its locations in the order of the tokens. The terms'
// entries, the locations and the lists of locations are carved out of one
// slice each.
func tokenFrequency(tokens analysis.TokenStream, arrayPositions []uint64, options index.FieldIndexingOptions) index.TokenFrequencies {
	if !options.IncludeTermVectors() {
		return analysis.TokenFrequency(tokens, arrayPositions, options)
	}
	rv := make(index.TokenFrequencies, len(tokens))
	// The capacity bounds the distinct terms: entries never move.
	entries := make([]index.TokenFreq, 0, len(tokens))
	of := make([]*index.TokenFreq, len(tokens)) // the entry of each token
	for i, tok := range tokens {
		tf, ok := rv[string(tok.Term)]
		if !ok {
			entries = append(entries, index.TokenFreq{Term: tok.Term})
			tf = &entries[len(entries)-1]
			rv[string(tok.Term)] = tf
		}
		tf.SetFrequency(tf.Frequency() + 1)
		of[i] = tf
	}
	ptrs := make([]*index.TokenLocation, len(tokens))
	off := 0
	for i := range entries {
		n := entries[i].Frequency()
		entries[i].Locations = ptrs[off : off : off+n] // full: a later append copies
		off += n
		if options.SkipFreqNorm() {
			entries[i].SetFrequency(0)
		}
	}
	locs := make([]index.TokenLocation, len(tokens))
	for i, tok := range tokens {
		locs[i] = index.TokenLocation{ArrayPositions: arrayPositions, Start: tok.Start, End: tok.End, Position: tok.Position}
		of[i].Locations = append(of[i].Locations, &locs[i])
	}
	return rv
}
