package index

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	unitok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// sameTokens fails unless wordTokenizer and Bleve's unicode tokenizer give the
// same tokens for s.
func sameTokens(t *testing.T, s string) {
	t.Helper()
	want := unitok.NewUnicodeTokenizer().Tokenize([]byte(s))
	got := wordTokenizer{}.Tokenize([]byte(s))
	if len(got) != len(want) {
		t.Fatalf("%q: %d tokens, want %d:\n got %v\nwant %v", s, len(got), len(want), terms(got), terms(want))
	}
	for i := range want {
		if !reflect.DeepEqual(*got[i], *want[i]) {
			t.Fatalf("%q: token %d is %+v, want %+v", s, i, *got[i], *want[i])
		}
	}
}

func terms(ts analysis.TokenStream) []string {
	var out []string
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

func TestWordTokenizerCases(t *testing.T) {
	for _, s := range []string{
		"", " ", "l'état de l’œuvre, à Tourcoing.", "1 250 000,50 € soit 3.5 % en 2024-2025",
		"M. Dupont: a:b a: :b 'x' x' 'x .5 5. 1,5, 1;2 a;b a,b a.b.c 12ab ab12 1a.b a1.2",
		"a''b 1''2 1'2 a'1 1'a __init__ a_b 1_2 \"cité\" א\"ב", "n°12 m² 3ᵉ XIXᵉ 1er 2e",
		"e\u0301t\u00e9 \u0301abc a\u00adb \u00adb café\u200d", "× ÷ a×b ª µ º aªb", "ÀÉÎÕÜ àéîõü ĀāŒœſ Ǆ",
		"\r\n\ra\nb\x0bc\x0c d\u0085e \u2028f", "中文 アイウ ひらがな 한국어 🇫🇷 👍🏽 a👍b",
		"« Ici » – là — \u00a0fin\u202f; …", "\xff abc \xc3", "abc\xc3\x28 déf",
	} {
		sameTokens(t, s)
	}
}

// TestWordTokenizerRandom compares the two on random strings over an alphabet of
// every kind of character the fast path tells apart, and some it leaves alone.
func TestWordTokenizerRandom(t *testing.T) {
	alphabet := []string{"a", "Z", "é", "É", "œ", "ſ", "×", "ª", "0", "7", "'", "’", ".", ":", ",", ";",
		"_", "\"", " ", "-", "\n", "\r", "\u0301", "\u00ad", "\u200d", "€", "²", "«", "\u00a0", "א", "ア",
		"中", "🇫", "👍", "\u00b7", "\xff"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		sameTokens(t, b.String())
	}
}

// TestWordTokenizerRealdev compares the two on real documents.
func TestWordTokenizerRealdev(t *testing.T) {
	files, _ := filepath.Glob("../../shared/realdev/docs/*.txt")
	if len(files) == 0 {
		t.Skip("../shared/realdev is absent")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameTokens(t, string(data))
	}
}
