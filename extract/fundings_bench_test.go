package extract

import (
	"testing"

	"terril/extract/fundings"
)

// BenchmarkFundings measures the funding events' extractor alone over the sample
// corpus, the other facts extracted once beforehand (without places).
func BenchmarkFundings(b *testing.B) {
	docs := benchCorpus(b)
	x, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	var ins []fundings.Input
	for _, d := range docs {
		doc := d
		x.Extract(&doc)
		ins = append(ins, fundings.Input{Text: doc.Text, Title: doc.Title, Published: doc.Published,
			Dates: doc.Dates, Amounts: doc.Amounts, Communes: doc.Communes, EPCIs: doc.EPCIs})
	}
	b.SetBytes(corpusBytes(docs))
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			fundings.Find(in)
		}
	}
}
