package geo

import (
	"testing"

	"terril/extract/text"
)

// BenchmarkMatchSample measures Match alone over the sample corpus, the texts folded
// and lexed beforehand: the gazetteer's share of BenchmarkExtractWithPlaces.
func BenchmarkMatchSample(b *testing.B) {
	docs := sampleDocs(b)
	g := mustDefault(b)
	var texts []text.Tokens
	var size int64
	for _, d := range docs {
		texts = append(texts, text.Lex(text.New(d.Text)))
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range texts {
			g.Match(&texts[i])
		}
	}
}
