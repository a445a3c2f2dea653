package geo

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"terril/extract"
)

// scoreFile scores the matcher on a gold JSONL file whose documents' text is in
// textDir/<id>.txt (or in the record's "text"), per field, micro-averaged.
func scoreFile(t *testing.T, g *Gazetteer, gold, textDir string) map[string][3]int {
	f, err := os.Open(gold)
	if err != nil {
		t.Skipf("gold not available: %v", err)
	}
	defer f.Close()
	counts := map[string][3]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct {
			ID       string `json:"id"`
			Text     string `json:"text"`
			Communes []struct {
				INSEE string `json:"insee"`
			} `json:"communes"`
			EPCIs []struct {
				SIREN string `json:"siren"`
			} `json:"epcis"`
			Departements []string `json:"departements"`
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s: %v", gold, err)
		}
		text := rec.Text
		if text == "" {
			b, err := os.ReadFile(filepath.Join(textDir, rec.ID+".txt"))
			if err != nil {
				t.Logf("%s: no text: %v", rec.ID, err)
				continue
			}
			text = string(b)
		}
		tx := extract.NewText(extract.Normalize(text))
		cs, es, ds := g.MatchText(tx)
		want := map[string]map[string]bool{"communes": {}, "epcis": {}, "departements": {}}
		got := map[string]map[string]bool{"communes": {}, "epcis": {}, "departements": {}}
		for _, c := range rec.Communes {
			want["communes"][c.INSEE] = true
		}
		for _, e := range rec.EPCIs {
			want["epcis"][e.SIREN] = true
		}
		for _, d := range rec.Departements {
			want["departements"][d] = true
		}
		for _, c := range cs {
			got["communes"][c.INSEE+" "+c.Name] = true
		}
		for _, e := range es {
			got["epcis"][e.SIREN+" "+e.Name] = true
		}
		for _, d := range ds {
			got["departements"][d] = true
		}
		for field := range want {
			c := counts[field]
			gotKeys := map[string]bool{}
			for k := range got[field] {
				code, _, _ := strings.Cut(k, " ")
				gotKeys[code] = true
				if want[field][code] {
					c[0]++
				} else {
					c[1]++
					t.Logf("%s %s: extra %s", rec.ID, field, k)
				}
			}
			for k := range want[field] {
				if !gotKeys[k] {
					c[2]++
					t.Logf("%s %s: missed %s", rec.ID, field, k)
				}
			}
			counts[field] = c
		}
	}
	return counts
}

func f1(c [3]int) float64 {
	tp, fp, fn := float64(c[0]), float64(c[1]), float64(c[2])
	if tp == 0 {
		if fp == 0 && fn == 0 {
			return 1
		}
		return 0
	}
	p, r := tp/(tp+fp), tp/(tp+fn)
	return 2 * p * r / (p + r)
}

func TestSeeds(t *testing.T) {
	g := mustDefault(t)
	counts := scoreFile(t, g, "../../../shared/gold/seeds.gold.jsonl", "../../../shared/seeds")
	for _, field := range []string{"communes", "epcis", "departements"} {
		c := counts[field]
		t.Logf("seeds %-13s tp %3d fp %3d fn %3d F1 %.3f", field, c[0], c[1], c[2], f1(c))
	}
}

func TestSample(t *testing.T) {
	g := mustDefault(t)
	counts := scoreFile(t, g, "../../corpus/sample/gold.jsonl", "../../corpus/sample")
	for _, field := range []string{"communes", "epcis", "departements"} {
		c := counts[field]
		t.Logf("sample %-13s tp %3d fp %3d fn %3d F1 %.3f", field, c[0], c[1], c[2], f1(c))
	}
}

func mustDefault(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}
