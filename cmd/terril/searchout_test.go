package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"terril/index"
)

// testIndex ingests the test corpus into a temporary index.
func testIndex(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	terril(t, false, "ingest", "-q", "--index", dir, "testdata/corpus")
	return dir
}

func TestSearchFormats(t *testing.T) {
	dir := testIndex(t)
	// csv: a header and one row per hit, every fact.
	out, _ := terril(t, false, "search", "--index", dir, "--format", "csv", "--all")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, out)
	}
	if len(rows) != 4 {
		t.Fatalf("csv: %d rows, want a header and 3:\n%s", len(rows), out)
	}
	for _, col := range []string{"id", "dates", "epcis", "departements", "people", "signatories", "references", "fundings"} {
		if !slices.Contains(rows[0], col) {
			t.Errorf("csv header %v: no %s", rows[0], col)
		}
	}
	if rows[0][0] != "id" {
		t.Errorf("csv of one query has a query column: %v", rows[0])
	}
	// jsonl: one hit a line, with every fact.
	if _, stderr := terril(t, false, "search", "--index", dir, "--format", "csv", "-n", "1"); !strings.Contains(stderr, "1 of the 3 matches written (-n 1); --all writes every one") {
		t.Errorf("a partial export says nothing: %q", stderr)
	}
	out, _ = terril(t, false, "search", "--index", dir, "--format", "jsonl", "-n", "2", "bus")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("jsonl bus: %d lines:\n%s", len(lines), out)
	}
	var row map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &row); err != nil {
		t.Fatal(err)
	}
	if epcis, _ := row["epcis"].([]any); len(epcis) == 0 {
		t.Errorf("jsonl row has no EPCI: %s", lines[0])
	}
	// json: one object, with facets when asked; --json is the same.
	a, _ := terril(t, false, "search", "--index", dir, "--format", "json", "--facets", "theme")
	var obj struct {
		Total  int               `json:"total"`
		Hits   []json.RawMessage `json:"hits"`
		Facets []json.RawMessage `json:"facets"`
	}
	if err := json.Unmarshal([]byte(a), &obj); err != nil || obj.Total != 3 || len(obj.Hits) != 3 || len(obj.Facets) != 1 {
		t.Errorf("json: %v %+v\n%s", err, obj, a)
	}
	// took_ns differs from run to run; the rest is the same.
	if b, _ := terril(t, false, "search", "--index", dir, "--json", "--facets", "theme"); a[:strings.Index(a, `"took_ns"`)] != b[:strings.Index(b, `"took_ns"`)] {
		t.Errorf("--json differs from --format json:\n%s\n%s", b, a)
	}
	// --all pages through in batches.
	allBatch = 1
	defer func() { allBatch = 500 }()
	out, _ = terril(t, false, "search", "--index", dir, "--json", "--all")
	if err := json.Unmarshal([]byte(out), &obj); err != nil || len(obj.Hits) != 3 {
		t.Errorf("--all in batches of 1: %v, %d hits", err, len(obj.Hits))
	}
	terril(t, true, "search", "--index", dir, "--format", "xml")
}

func TestFacetsFormats(t *testing.T) {
	dir := testIndex(t)
	out, _ := terril(t, false, "facets", "--index", dir, "--format", "csv", "theme,year", "-n", "2")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	others := 0
	for _, r := range rows {
		if r[2] == "(other values)" {
			others++
		}
	}
	if rows[0][0] != "facet" || others != 1 {
		t.Errorf("facets csv (one other-values row for theme):\n%s", out)
	}
	// --json honours -n and counts the rest as other values.
	out, _ = terril(t, false, "facets", "--index", dir, "--json", "theme", "-n", "1")
	var res struct {
		Facets []struct {
			Other  int               `json:"other"`
			Values []json.RawMessage `json:"values"`
		} `json:"facets"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Facets[0].Values) != 1 || res.Facets[0].Other == 0 {
		t.Errorf("facets --json -n 1: %v\n%s", err, out)
	}
	out, _ = terril(t, false, "facets", "--index", dir, "theme", "-n", "1")
	if strings.Count(out, "other values") != 1 || strings.Contains(out, "more values") {
		t.Errorf("facets -n 1: want one other-values line:\n%s", out)
	}
}

func TestFacetLabelsAndOrder(t *testing.T) {
	if got := facetLabel("dept", "59"); got != "Nord (59)" {
		t.Errorf("dept 59: %q", got)
	}
	if got := facetLabel("fdept", "2A"); got != "Corse-du-Sud (2A)" {
		t.Errorf("fdept 2A: %q", got)
	}
	if got := facetLabel("theme", "logement"); got != "logement" {
		t.Errorf("theme: %q", got)
	}
	res := &index.Result{Facets: []index.Facet{{Name: "year", Values: []index.FacetValue{{Value: "2019", Count: 5}, {Value: "2024", Count: 1}, {Value: "2021", Count: 9}}}}}
	sortFacets(res, "")
	trimFacets(res, 2)
	if f := res.Facets[0]; f.Values[0].Value != "2024" || f.Values[1].Value != "2021" || f.Other != 5 {
		t.Errorf("years newest first, top 2: %+v", f)
	}
	res = &index.Result{Facets: []index.Facet{{Name: "month", Values: []index.FacetValue{{Value: "2019-01", Count: 5}, {Value: "2024-02", Count: 1}, {Value: "2021-12", Count: 9}}}}}
	sortFacets(res, "count")
	if f := res.Facets[0]; f.Values[0].Value != "2021-12" || f.Values[2].Value != "2024-02" {
		t.Errorf("months by count: %+v", f)
	}
}

func TestSearchQueries(t *testing.T) {
	dir := testIndex(t)
	file := filepath.Join(t.TempDir(), "queries.txt")
	if err := os.WriteFile(file, []byte("# mes requêtes\nrénovation\n\n  bus  \ncommune:Lens\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := terril(t, false, "search", "--index", dir, "--queries", file)
	want := "       2  rénovation\n       1  bus\n       1  commune:Lens\n"
	if out != want {
		t.Errorf("counts:\n%s\nwant\n%s", out, want)
	}
	out, stderr := terril(t, false, "search", "--index", dir, "--queries", file, "--format", "csv", "--all")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 5 || rows[0][0] != "query" || rows[1][0] != "rénovation" || rows[4][0] != "commune:Lens" {
		t.Errorf("csv: %v\n%s", err, out)
	}
	if stderr != want {
		t.Errorf("csv: counts on stderr:\n%s", stderr)
	}
	out, _ = terril(t, false, "search", "--index", dir, "--queries", file, "--format", "jsonl")
	if n := strings.Count(out, `"query":"rénovation"`); n != 2 {
		t.Errorf("jsonl: %d rows for rénovation:\n%s", n, out)
	}
	out, _ = terril(t, false, "search", "--index", dir, "--queries", file, "--json", "-n", "1")
	var res struct {
		Queries []struct {
			Query string            `json:"query"`
			Total int               `json:"total"`
			Hits  []json.RawMessage `json:"hits"`
		} `json:"queries"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Queries) != 3 || res.Queries[0].Total != 2 || len(res.Queries[0].Hits) != 1 {
		t.Errorf("json: %v\n%s", err, out)
	}
	// A wrong line is named and the others still run; the exit is a usage error's.
	if err := os.WriteFile(file, []byte("bus\ndate:2019..zz\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	err = run(context.Background(), &env{stdout: &o, stderr: &e, stdin: strings.NewReader("")}, []string{"search", "--index", dir, "--queries", file})
	if exitCode(err) != 2 || !strings.Contains(e.String(), "queries.txt:2:") || !strings.Contains(o.String(), "1  bus") {
		t.Errorf("bad line: err %v, stdout %q, stderr %q", err, o.String(), e.String())
	}
	// Standard input.
	o.Reset()
	err = run(context.Background(), &env{stdout: &o, stderr: &e, stdin: strings.NewReader("bus\n")}, []string{"search", "--index", dir, "--queries", "-"})
	if err != nil || o.String() != "       1  bus\n" {
		t.Errorf("stdin: %v %q", err, o.String())
	}
}
