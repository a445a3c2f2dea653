package geo

import (
	"os"
	"path/filepath"
	"testing"

	"terril/extract"
)

// BenchmarkMatchSample measures Match alone over the sample corpus, the texts folded
// beforehand: the gazetteer's share of BenchmarkExtractWithPlaces.
func BenchmarkMatchSample(b *testing.B) {
	files, _ := filepath.Glob("../../corpus/sample/docs/*")
	if len(files) == 0 {
		b.Skip("../../corpus/sample/docs is absent")
	}
	g := mustDefault(b)
	var texts []*extract.Text
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		res, err := extract.Read(f, "", data)
		if err != nil {
			continue
		}
		texts = append(texts, extract.NewText(res.Text))
		size += int64(len(res.Text))
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
