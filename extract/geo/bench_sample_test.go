package geo

import (
	"testing"

	"terril/extract"
)

// BenchmarkMatchSample measures Match alone over the sample corpus, the texts folded
// beforehand: the gazetteer's share of BenchmarkExtractWithPlaces.
func BenchmarkMatchSample(b *testing.B) {
	docs := sampleDocs(b)
	g := mustDefault(b)
	var texts []*extract.Text
	var size int64
	for _, d := range docs {
		texts = append(texts, extract.NewText(d.Text))
		size += int64(len(d.Text))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			g.Match(t)
		}
	}
}
