package fundings

import (
	"os"
	"path/filepath"
	"testing"

	"terril/extract/read"
	"terril/extract/text"
)

// BenchmarkTokensOf measures the derivation of the tokens from the shared token
// stream over the sample corpus, read and lexed beforehand.
func BenchmarkTokensOf(b *testing.B) {
	files, _ := filepath.Glob("../../corpus/sample/docs/*")
	var xs []text.Tokens
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if res, err := read.Read(f, "", data); err == nil {
			xs = append(xs, text.Lex(text.New(res.Text)))
		}
	}
	if len(xs) == 0 {
		b.Skip("no sample corpus")
	}
	var toks []token
	b.ResetTimer()
	for b.Loop() {
		for i := range xs {
			toks = tokensOf(&xs[i], len(xs[i].T.S), toks)
		}
	}
}
