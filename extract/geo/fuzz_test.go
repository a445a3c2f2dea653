package geo

import (
	"testing"

	"terril/extract"
)

// FuzzMatch checks that the matcher never panics and that every span it returns lies
// in the text and spells a name of the kind reported.
func FuzzMatch(f *testing.F) {
	for _, tc := range ambiguity {
		f.Add(tc.text)
	}
	f.Add("Saint-\n\nOmer (6")
	f.Add("St. . Omer ((59)")
	f.Add("communautés d'agglomération de , et de")
	g := mustDefault(f)
	f.Fuzz(func(t *testing.T, s string) {
		tx := extract.NewText(extract.Normalize(s))
		cs, es, ds := g.MatchText(tx)
		for _, c := range cs {
			if _, ok := g.Commune(c.INSEE); !ok {
				t.Fatalf("unknown commune %+v", c)
			}
			for _, sp := range c.Spans {
				if sp.Start < 0 || sp.End > len(tx.S) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v in %q", sp, tx.S)
				}
			}
		}
		for _, e := range es {
			if _, ok := g.EPCI(e.SIREN); !ok {
				t.Fatalf("unknown EPCI %+v", e)
			}
			for _, sp := range e.Spans {
				if sp.Start < 0 || sp.End > len(tx.S) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v in %q", sp, tx.S)
				}
			}
		}
		for _, d := range ds {
			if _, ok := g.Departement(d); !ok {
				t.Fatalf("unknown département %q", d)
			}
		}
	})
}
