package urls

import (
	"terril/corpus"
	"terril/corpus/collectortest"
	"testing"
)

func TestCollector(t *testing.T) {
	collectortest.Run(t, func(s *collectortest.Site) corpus.Collector {
		list := []string{"/deliberations/relative.pdf"} // not absolute: a per-item error
		for _, u := range s.DocURLs() {
			list = append(list, u, u+"#page=2") // the same document twice
		}
		return &Collector{URLs: list}
	})
}
