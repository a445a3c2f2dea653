package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"terril/corpus"
)

func init() {
	// Registered only when no other test file of the package has done so.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	return ok && g.Get() == true
}

// factsGolden is what the golden files hold for one text.
type factsGolden struct {
	Published  string             `json:"published"`
	Genre      string             `json:"genre"`
	Dates      []corpus.Date      `json:"dates"`
	Amounts    []corpus.Amount    `json:"amounts"`
	References []corpus.Reference `json:"references"`
}

// TestFactsGolden runs the date, amount, reference, publication-date and genre
// extractors on testdata/facts_*.txt and compares with facts_*.golden.json
// (go test -run TestFactsGolden -update rewrites them).
func TestFactsGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/facts_*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/facts_*.txt: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			txt := NewText(Normalize(string(b)))
			g := factsGolden{Published: Published(txt)}
			g.Dates = Dates(txt, g.Published)
			g.Amounts = Amounts(txt)
			g.References = References(txt)
			g.Genre = Genre(txt, "", g.Published)
			got, err := json.MarshalIndent(g, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(file, ".txt") + ".golden.json"
			if updateGolden() {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, got)
			}
		})
	}
}
