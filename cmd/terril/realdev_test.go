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
	fundings         float64 // event F1
	funder, instr    float64 // share of matched events right
}{
	macro: 0.95,
	fields: map[string]float64{
		"dates": 0.97, "amounts": 0.97, "communes": 0.96, "epcis": 0.95, "departements": 0.96,
		"people": 0.98, "signatories": 0.85, "references": 0.97, "themes": 0.84,
	},
	published: 52, genre: 48,
	fundings: 0.85, funder: 0.95, instr: 0.90,
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
	if f := rep.Fundings; f == nil || f.TP == 0 {
		t.Errorf("no funding event scored: %+v", f)
	} else {
		funder, instr := float64(f.Funder)/float64(f.TP), float64(f.Instrument)/float64(f.TP)
		t.Logf("fundings P %.3f R %.3f F1 %.3f; funder %.2f, instrument %.2f of matched",
			f.Precision, f.Recall, f.F1, funder, instr)
		if f.F1 < realdevFloors.fundings || funder < realdevFloors.funder || instr < realdevFloors.instr {
			t.Errorf("fundings below their floors (F1 %.2f, funder %.2f, instrument %.2f)",
				realdevFloors.fundings, realdevFloors.funder, realdevFloors.instr)
		}
	}
	if rep.Published.OK < realdevFloors.published || rep.Genre.OK < realdevFloors.genre {
		t.Errorf("published %d, genre %d: below the floors %d, %d", rep.Published.OK,
			rep.Genre.OK, realdevFloors.published, realdevFloors.genre)
	}
}
