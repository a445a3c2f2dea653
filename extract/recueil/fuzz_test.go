package recueil

import (
	"strings"
	"testing"
)

// FuzzSplit feeds Split pages cut from arbitrary text at form feeds: no panic, and
// every act lies within the pages.
func FuzzSplit(f *testing.F) {
	f.Add(strings.Join([]string{lozereCover, lozereSommaire, chasse1, chasse2, delegation, recepisseOCR}, "\f"))
	f.Add("RAA\fSommaire\n1-2 - Arrêté (0 pages)\nPage 0\fPage 99999")
	f.Add("Recueil des actes administratifs\f- - x (1 page)\nPage 2\f\f")
	f.Fuzz(func(t *testing.T, s string) {
		pages := strings.Split(s, "\f")
		r := Split(pages)
		if r == nil {
			return
		}
		for _, a := range r.Acts {
			if a.FirstPage < 1 || a.Pages < 1 || a.FirstPage+a.Pages-1 > len(pages) {
				t.Fatalf("act %q on pages %d+%d of %d", a.ID, a.FirstPage, a.Pages, len(pages))
			}
		}
	})
}
