package serve

import (
	"testing"

	"terril/index"
)

// Every département has a tile, no two share a cell, and each lies near where its
// centroid puts it.
func TestDeptTiles(t *testing.T) {
	seen := map[[2]int]string{}
	codes := map[string]bool{}
	for _, tl := range deptTiles() {
		c := [2]int{tl.col, tl.row}
		if o, ok := seen[c]; ok {
			t.Errorf("%s and %s share the cell %v", tl.code, o, c)
		}
		seen[c] = tl.code
		codes[tl.code] = true
		if index.DeptName(tl.code) == "" {
			t.Errorf("tile %s: no such département", tl.code)
		}
	}
	for _, c := range []string{"01", "2A", "2B", "59", "62", "75", "95", "971", "976"} {
		if !codes[c] {
			t.Errorf("no tile for %s", c)
		}
	}
	if len(codes) != len(deptCentroids)+len(overseas) {
		t.Errorf("%d tiles, want %d", len(codes), len(deptCentroids)+len(overseas))
	}
	pos := map[string]deptTile{}
	for _, tl := range deptTiles() {
		pos[tl.code] = tl
	}
	// North is up, west is left.
	if !(pos["59"].row < pos["13"].row && pos["29"].col < pos["67"].col && pos["62"].col < pos["59"].col+1) {
		t.Errorf("tiles out of place: 59 %v, 13 %v, 29 %v, 67 %v", pos["59"], pos["13"], pos["29"], pos["67"])
	}
}
