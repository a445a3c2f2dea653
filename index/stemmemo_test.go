package index

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
)

// TestStemMemo checks that the memo gives the stemmer's stems, the first time
// and from memory, and that a stem it shares is not overwritten by an append.
func TestStemMemo(t *testing.T) {
	words := strings.Fields("chevaux chevaux travaux rénovation rénovations logement logements " +
		"communes commune intercommunalité économiques économique aux x a é eaux bateaux")
	memo := newStemMemo(fr.NewFrenchLightStemmerFilter())
	for round := range 2 {
		for _, w := range words {
			want := fr.NewFrenchLightStemmerFilter().Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term
			got := memo.Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term
			if string(got) != string(want) {
				t.Errorf("round %d: %q stems to %q, want %q", round, w, got, want)
			}
			_ = append(got, 'z')
		}
	}
}
