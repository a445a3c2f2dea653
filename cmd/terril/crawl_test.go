package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"terril/corpus/collectortest"
)

// The crawl and reindex commands against the loopback test site: a first crawl
// indexes every document, a second downloads nothing and indexes nothing, reindex
// rebuilds an index from the captures alone.
func TestCrawlAndReindexCommands(t *testing.T) {
	s := collectortest.NewSite(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "sources.yaml")
	yaml := fmt.Sprintf(`fetch:
  contact: veille@terril.example
  rate: 1000
  timeout: 2s
sources:
  - name: presse
    type: listing
    url: %s/communiques
    links: "article.communique h3 a"
    next: "a[rel=next]"
    documents: "main a.document"
    max_depth: 2
  - name: plan
    type: sitemap
    url: %s/sitemap.xml
    include: /deliberations/
`, s.URL, s.URL)
	if err := os.WriteFile(src, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	ix := filepath.Join(dir, "data", "index")
	// The site has a broken link and a missing nested sitemap: exit status 1, all the rest indexed.
	out, _ := terril(t, true, "crawl", "--sources", src, "--index", ix, "-q")
	docs := len(s.Docs())
	if !strings.Contains(out, fmt.Sprintf("presse: listed %d, new %d", docs, docs)) ||
		!strings.Contains(out, fmt.Sprintf("holds %d documents", docs)) || !strings.Contains(out, "failed: ") {
		t.Fatalf("first crawl:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(ix, "captures", "manifest.jsonl")); err != nil {
		t.Fatalf("capture store not in the index: %v", err)
	}
	full := s.FullResponses()
	out, _ = terril(t, true, "crawl", "--sources", src, "--index", ix, "-q", "--source", "presse")
	if s.FullResponses() != full || !strings.Contains(out, fmt.Sprintf("presse: listed %d, new 0, changed 0, unchanged %d, failed 1, indexed 0 (0 downloads)", docs, docs)) {
		t.Fatalf("second crawl (%d downloads):\n%s", s.FullResponses()-full, out)
	}
	if strings.Contains(out, "plan:") {
		t.Fatalf("--source presse crawled another source:\n%s", out)
	}
	// Reindex into a fresh index from the captures: no request at all.
	hits := s.Hits("/robots.txt")
	fresh := filepath.Join(dir, "autre", "index")
	out, _ = terril(t, false, "reindex", "--index", fresh, "--store", filepath.Join(ix, "captures"), "-q")
	if !strings.Contains(out, fmt.Sprintf("holds %d documents", docs)) || s.Hits("/robots.txt") != hits || s.FullResponses() != full {
		t.Fatalf("reindex:\n%s", out)
	}
	r := search(t, fresh, "Pontarlier")
	if r.Total != uint64(collectortest.NumDeliberations) {
		t.Fatalf("search Pontarlier after reindex: %d hits, want the %d deliberations", r.Total, collectortest.NumDeliberations)
	}
}

// Each index has its own capture store: a crawl into a second index of the same
// folder indexes every document. An index of the old layout (a "captures" folder
// beside it) keeps its store.
func TestCrawlStoreBelongsToItsIndex(t *testing.T) {
	s := collectortest.NewSite(t)
	dir := t.TempDir()
	src := filepath.Join(dir, "sources.yaml")
	yaml := fmt.Sprintf(`fetch:
  contact: veille@terril.example
  rate: 1000
  timeout: 2s
sources:
  - name: plan
    type: sitemap
    url: %s/sitemap.xml
    include: /deliberations/
`, s.URL)
	if err := os.WriteFile(src, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	n := collectortest.NumDeliberations
	for _, name := range []string{"a", "b"} {
		out, _ := terril(t, true, "crawl", "--sources", src, "--index", filepath.Join(dir, "data", name), "-q")
		if !strings.Contains(out, fmt.Sprintf("holds %d documents", n)) {
			t.Fatalf("crawl into index %s:\n%s", name, out)
		}
	}
	// The old layout: the store beside the index, given by --store at the time.
	old := filepath.Join(dir, "old", "index")
	terril(t, true, "crawl", "--sources", src, "--index", old, "--store", filepath.Join(dir, "old", "captures"), "-q")
	out, errOut := terril(t, true, "crawl", "--sources", src, "--index", old, "-q")
	if !strings.Contains(out, fmt.Sprintf("new 0, changed 0, unchanged %d", n)) || !strings.Contains(errOut, "old layout") {
		t.Fatalf("crawl of an index of the old layout:\n%s\n%s", out, errOut)
	}
}

func TestCrawlReportsSourcesFileMistakes(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "sources.yaml")
	if err := os.WriteFile(src, []byte("sources:\n- {name: presse, type: listing, url: https://a.fr/}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}
	err := run(context.Background(), e, []string{"crawl", "--sources", src, "--index", filepath.Join(dir, "i")})
	if err == nil || !strings.Contains(err.Error(), "fetch: contact: required") || !strings.Contains(err.Error(), "source presse: links: required") {
		t.Fatalf("err = %v, want both mistakes named", err)
	}
	err = run(context.Background(), e, []string{"crawl", "--sources", src, "--source", "absente"})
	if err == nil {
		t.Fatal("unknown source: no error")
	}
}
