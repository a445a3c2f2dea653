package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// The output is the same bytes whatever the order of the rows and the time of the run.
func TestWriteReproducible(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a")
	b := filepath.Join(dir, "b")
	for _, d := range []string{a, b} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "x.tsv.gz", "code\tnom", [][]string{{"59350", "Lille"}, {"62637", "Oignies"}, {"59632", "Wallers"}})
	write(b, "x.tsv.gz", "code\tnom", [][]string{{"62637", "Oignies"}, {"59632", "Wallers"}, {"59350", "Lille"}})
	x, _ := os.ReadFile(filepath.Join(a, "x.tsv.gz"))
	y, _ := os.ReadFile(filepath.Join(b, "x.tsv.gz"))
	if !bytes.Equal(x, y) {
		t.Fatal("same rows in another order give other bytes")
	}
	zr, err := gzip.NewReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	if !zr.ModTime.IsZero() || zr.Name != "" {
		t.Errorf("gzip header has ModTime %v, Name %q; want neither", zr.ModTime, zr.Name)
	}
	var out bytes.Buffer
	out.ReadFrom(zr)
	if want := "code\tnom\n59350\tLille\n59632\tWallers\n62637\tOignies\n"; out.String() != want {
		t.Errorf("content %q, want %q", out.String(), want)
	}
}

func TestFold(t *testing.T) {
	if got := fold("Saint-Pol-sur-Mer Éperlecques"); got != "saint-pol-sur-mer eperlecques" {
		t.Errorf("fold = %q", got)
	}
}

// An EPCI that disappeared goes to the one that holds all its members, and to none
// when they were split.
func TestSuccessorEPCI(t *testing.T) {
	now := map[string]string{"54001": "200070589", "54002": "200070589", "54003": "200041010"}
	of := func(c string) string { return now[c] }
	merged := epci{Code: "245400001", Membres: []struct {
		Code string `json:"code"`
	}{{"54001"}, {"54002"}}}
	if got := successorEPCI(merged, of); got != "200070589" {
		t.Errorf("merged: %q, want 200070589", got)
	}
	split := epci{Code: "245400002", Membres: []struct {
		Code string `json:"code"`
	}{{"54001"}, {"54003"}}}
	if got := successorEPCI(split, of); got != "" {
		t.Errorf("split: %q, want none", got)
	}
	gone := epci{Code: "245400003", Membres: []struct {
		Code string `json:"code"`
	}{{"54009"}}}
	if got := successorEPCI(gone, of); got != "" {
		t.Errorf("members outside any EPCI: %q, want none", got)
	}
}
