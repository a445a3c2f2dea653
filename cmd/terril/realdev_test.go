package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"terril/corpus/gold"
)

// realdevFloors are the scores reached on ../shared/realdev when the rules were last
// changed, less a small margin: a change that loses ground on real documents fails
// here, one that gains should raise them.
var realdevFloors = struct {
	macro            float64
	fields           map[string]float64
	published, genre int
}{
	macro: 0.77,
	fields: map[string]float64{
		"dates": 0.95, "amounts": 0.95, "communes": 0.90, "epcis": 0.80, "departements": 0.85,
		"people": 0.85, "signatories": 0.50, "references": 0.40, "themes": 0.65,
	},
	published: 44, genre: 32,
}

// TestRealdevFloors scores terril on the 55 real documents of ../shared/realdev with
// terril eval and checks every field against its floor.
func TestRealdevFloors(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "realdev")
	goldFile := filepath.Join(dir, "gold.jsonl")
	if _, err := os.Stat(goldFile); err != nil {
		t.Skipf("../shared/realdev not available: %v", err)
	}
	out, stderr, err := evalRun("eval", "--json", goldFile, filepath.Join(dir, "docs"))
	if err != nil {
		t.Fatalf("terril eval: %v\n%s", err, stderr)
	}
	var rep gold.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --json: %v", err)
	}
	if len(rep.Missing) > 0 {
		t.Errorf("no prediction for %v", rep.Missing)
	}
	for _, f := range rep.Fields {
		t.Logf("%-13s P %.3f R %.3f F1 %.3f", f.Field, f.Precision, f.Recall, f.F1)
		if floor, ok := realdevFloors.fields[f.Field]; ok && f.F1 < floor {
			t.Errorf("%s: F1 %.3f below its floor %.2f", f.Field, f.F1, floor)
		}
	}
	t.Logf("macro-F1 %.3f, published %d/%d, genre %d/%d", rep.MacroF1,
		rep.Published.OK, rep.Published.Total, rep.Genre.OK, rep.Genre.Total)
	if rep.MacroF1 < realdevFloors.macro {
		t.Errorf("macro-F1 %.3f below its floor %.2f", rep.MacroF1, realdevFloors.macro)
	}
	if rep.Published.OK < realdevFloors.published || rep.Genre.OK < realdevFloors.genre {
		t.Errorf("published %d, genre %d: below the floors %d, %d", rep.Published.OK,
			rep.Genre.OK, realdevFloors.published, realdevFloors.genre)
	}
}
