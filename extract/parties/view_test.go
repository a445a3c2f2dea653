package parties

import (
	"os"
	"path/filepath"
	"testing"

	"terril/extract/text"
)

// BenchmarkTokensView measures the scanner's word view alone, over the seeds.
func BenchmarkTokensView(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "*.txt"))
	if len(files) == 0 {
		b.Skip("../shared/seeds not available")
	}
	var xs []text.Tokens
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		xs = append(xs, text.Lex(NewText(Normalize(string(data)))))
	}
	var toks []ptok
	b.ResetTimer()
	for range b.N {
		for i := range xs {
			toks = tokensView(&xs[i], toks)
		}
	}
}
