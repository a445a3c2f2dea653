package synth_test

import (
	"strings"
	"testing"

	"terril/corpus"
	"terril/extract"
	"terril/extract/geo"
	"terril/pipeline/synth"
)

func TestDeterministic(t *testing.T) {
	a, err := synth.New(7)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := synth.New(7)
	for range 20 {
		x, y := a.Next(3000), b.Next(3000)
		if x != y {
			t.Fatal("same seed, different documents")
		}
		if len(x) < 3000 || len(x) > 8000 {
			t.Errorf("document of %d bytes, want about 3000", len(x))
		}
		if !strings.Contains(x, ", le ") {
			t.Errorf("no dateline: %.80q", x)
		}
	}
}

// BenchmarkExtractSynthetic measures the whole extract step (every extractor, with
// the gazetteer) on generated 3 KB documents; SetBytes makes -bench report MB/s.
func BenchmarkExtractSynthetic(b *testing.B) {
	g, err := synth.New(1)
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for range 200 {
		texts = append(texts, extract.Normalize(g.Next(3000)))
	}
	places, err := geo.Default()
	if err != nil {
		b.Fatal(err)
	}
	// As cmd/terril builds it: the gazetteer for places and for signing organisations.
	x, err := extract.New(extract.Options{Places: places, Orgs: places})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var n int64
	for i := 0; b.Loop(); i++ {
		t := texts[i%len(texts)]
		n += int64(len(t))
		d := &corpus.Document{Text: t}
		x.Extract(d)
	}
	b.SetBytes(n / int64(b.N))
}
