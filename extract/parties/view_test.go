package parties

import (
	"os"
	"path/filepath"
	"testing"

	"terril/extract/text"
)

// seedTokens returns the lexed seeds, or skips b.
func seedTokens(b *testing.B) []text.Tokens {
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
	return xs
}

// BenchmarkTokensView measures the scanner's word view alone, over the seeds.
func BenchmarkTokensView(b *testing.B) {
	xs := seedTokens(b)
	var toks []ptok
	var caps []int32
	b.ResetTimer()
	for range b.N {
		for i := range xs {
			toks = tokensView(&xs[i], toks, &caps)
		}
	}
}

// BenchmarkScan measures the reading of the mentions of persons (the view and
// scan, without merge and the signatories), over the seeds: no map is read, so
// that its cost does not move from one run to the next.
func BenchmarkScan(b *testing.B) {
	xs := seedTokens(b)
	var buf Buf
	for i := range xs {
		newPeopleScannerBuf(&xs[i], &buf).scan() // the lexicons loaded
	}
	b.ResetTimer()
	for range b.N {
		for i := range xs {
			newPeopleScannerBuf(&xs[i], &buf).scan()
		}
	}
}
