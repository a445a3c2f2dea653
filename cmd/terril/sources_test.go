package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"terril/corpus/dsfr/dsfrtest"
)

func TestSourcesList(t *testing.T) {
	out, errOut := terril(t, false, "sources", "list")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "NAME") || len(lines) != 1+202+18+1 || !strings.Contains(errOut, "221 sources") {
		t.Fatalf("%d lines, stderr %q:\n%s", len(lines), errOut, strings.Join(lines[:min(5, len(lines))], "\n"))
	}
	for _, want := range []string{"prefecture-59-raa", "https://www.nord.gouv.fr/", "prefecture-2b-actualites", "region-hauts-de-france-presse", "banque-des-territoires", "not checked"} {
		if !strings.Contains(out, want) {
			t.Errorf("sources list lacks %q", want)
		}
	}
	out, _ = terril(t, false, "sources", "list", "--kind", "sitemap", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 1+19 || strings.Join(rows[0][:4], ",") != "name,kind,url,checked" {
		t.Fatalf("csv: %v, %d rows: %v", err, len(rows), rows[:min(2, len(rows))])
	}
	out, _ = terril(t, false, "sources", "list", "--group", "prefectures-raa")
	if n := strings.Count(out, "dsfr/raa"); n != 101 {
		t.Errorf("group prefectures-raa: %d entries, want 101", n)
	}
	if _, errOut := terril(t, false, "help", "sources"); !strings.Contains(errOut, "terril sources list") {
		t.Errorf("help sources:\n%s", errOut)
	}
	for _, args := range [][]string{{"sources"}, {"sources", "lister"}, {"sources", "list", "--kind", "rss"}, {"sources", "list", "--group", "mairies"}, {"sources", "list", "--format", "xml"}} {
		terril(t, true, args...)
	}
}

// The catalogue's prefecture-59-raa, pointed by the user's file at a loopback DSFR
// site, crawled by name through terril crawl: the recueils are indexed with their
// publication dates, the empty year page is named among the failures.
func TestCrawlCatalogueEntryOverridden(t *testing.T) {
	real, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "pdfs", "pref83_raa_2025-240.pdf"))
	if err != nil {
		t.Logf("no real recueil, crawling the generated ones only: %v", err)
		real = nil
	}
	site := dsfrtest.New(t, dsfrtest.Options{RealPDF: real})
	dir := t.TempDir()
	src := filepath.Join(dir, "sources.yaml")
	yaml := fmt.Sprintf(`fetch:
  contact: veille@terril.example
  rate: 1000
  timeout: 10s
sources:
  - name: prefecture-59-raa
    type: dsfr
    url: %s
`, site.RAAURL())
	if err := os.WriteFile(src, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	// The file's entry replaces the catalogue's in the listing too.
	out, _ := terril(t, false, "sources", "list", "--sources", src, "--group", "prefectures-raa")
	if !strings.Contains(out, site.RAAURL()) || strings.Contains(out, "www.nord.gouv.fr") {
		t.Fatalf("sources list --sources: the override is not shown:\n%s", out)
	}
	ix := filepath.Join(dir, "index")
	out, _ = terril(t, true, "crawl", "--sources", src, "--source", "prefecture-59-raa", "--index", ix, "-q")
	n := len(site.RecueilURLs())
	if !strings.Contains(out, fmt.Sprintf("prefecture-59-raa: listed %d, new %d, changed 0, unchanged 0, failed 1, indexed %d", n, n, n)) ||
		!strings.Contains(out, "no item found on "+site.URL+dsfrtest.PathEmptyYear) || heldDocuments(out) < n {
		t.Fatalf("crawl:\n%s", out)
	}
	rc := site.Recueils()[0]
	r := search(t, ix, `"`+rc.Number+`"`)
	if r.Total != 1 {
		t.Fatalf("search %s: %d hits", rc.Number, r.Total)
	}
	if h := hitOf(t, ix, `"`+rc.Number+`"`); h.Published != rc.Published.Format("2006-01-02") {
		t.Errorf("recueil %s indexed with the date %q, want %s", rc.Number, h.Published, rc.Published.Format("2006-01-02"))
	}
	if real != nil {
		// Found by one of its acts' references, with its date.
		// A recueil is indexed with one document per act: the arrêté may be found in
		// its act's document (its URL ends in #page=N) or in the recueil's.
		if h := hitOf(t, ix, `"83-2025-07-08-00007"`); !strings.Contains(h.URL, dsfrtest.PathRealPDF) || h.Published == "" {
			t.Errorf("the real recueil by its arrêté: %+v", h)
		}
	}
}

type hit struct {
	URL       string `json:"url"`
	Published string `json:"published"`
}

// hitOf returns the first hit of a search.
func hitOf(t *testing.T, ix, q string) hit {
	t.Helper()
	out, _ := terril(t, false, "search", "--index", ix, "--json", q)
	var r struct{ Hits []hit }
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Hits) == 0 {
		t.Fatalf("search %s: %v, %d hits", q, err, len(r.Hits))
	}
	return r.Hits[0]
}

func TestCrawlNeedsAContact(t *testing.T) {
	dir := t.TempDir()
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	_, _ = terril(t, true, "crawl", "--source", "prefecture-59-raa", "--index", filepath.Join(dir, "i"))
	_, _ = terril(t, true, "crawl", "--sources", "catalogue:regions", "--index", filepath.Join(dir, "i"))
	_, _ = terril(t, true, "crawl", "--contact", "x@y.fr", "--sources", "catalogue:mairies", "--index", filepath.Join(dir, "i"))
}

func TestCrawlPlan(t *testing.T) {
	sf, list, _, err := crawlPlan([]string{"catalogue:prefectures"}, nil, "veille@terril.example")
	if err != nil || len(list) != 202 || sf.Fetch.Contact != "veille@terril.example" || sf.Fetch.Rate != 0 {
		t.Fatalf("catalogue:prefectures: %d sources, fetch %+v, %v", len(list), sf, err)
	}
	srcs, err := crawlSources(list)
	if err != nil || len(srcs) != 202 || srcs[0].AllowedHosts[0] != "www.ain.gouv.fr" {
		t.Fatalf("crawlSources: %v", err)
	}
	_, list, _, err = crawlPlan([]string{"catalogue:regions", "catalogue:banque-des-territoires"}, []string{"prefecture-62-raa"}, "x@y.fr")
	if err != nil || len(list) != 1 || list[0].Name != "prefecture-62-raa" {
		t.Fatalf("names win over groups: %+v, %v", list, err)
	}
	if _, _, _, err := crawlPlan([]string{"a.yaml", "b.yaml"}, nil, ""); err == nil {
		t.Error("two sources files: no error")
	}
}

// heldDocuments reads "holds N documents" in a crawl's summary, -1 when absent.
func heldDocuments(out string) int {
	_, rest, ok := strings.Cut(out, "holds ")
	if !ok {
		return -1
	}
	var n int
	if _, err := fmt.Sscanf(rest, "%d documents", &n); err != nil {
		return -1
	}
	return n
}
