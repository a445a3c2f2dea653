package querylang

import "testing"

func BenchmarkParse(b *testing.B) {
	const q = `rénovation "cités minières" (logement OR habitat) -friche commune:"Hénin-Beaumont" montant:1M..5M date>=2019-03`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(q); err != nil {
			b.Fatal(err)
		}
	}
}
