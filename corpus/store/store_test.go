package store

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mustOpen(tb testing.TB, dir string) *Store {
	tb.Helper()
	s, err := Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestPutGet(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	body := []byte("Communiqué de presse — délibération n° 2024-12")
	sha, err := s.Put(body)
	if err != nil {
		t.Fatal(err)
	}
	if sha != Sum(body) || !s.Has(sha) {
		t.Fatalf("Put = %s, want %s stored", sha, Sum(body))
	}
	if again, err := s.Put(body); err != nil || again != sha {
		t.Fatalf("second Put = %s, %v", again, err)
	}
	got, err := s.Get(sha)
	if err != nil || string(got) != string(body) {
		t.Fatalf("Get = %q, %v", got, err)
	}
	// A corrupted body is detected.
	if err := os.WriteFile(s.objectPath(sha), []byte("abîmé"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(sha); err == nil || !strings.Contains(err.Error(), "corrupt") {
		t.Fatalf("Get of corrupted body: err = %v", err)
	}
	if _, err := s.Get("zz"); err == nil {
		t.Fatal("Get of bad sha: no error")
	}
}

func TestManifestPersistsAndLastLineWins(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	u := "https://www.example.fr/communiques/cp-1.html"
	if _, err := s.Update(u, func(e *Entry) {
		e.Source, e.Document, e.State, e.SHA256, e.ETag = "region", true, New, Sum([]byte("v1")), `"v1"`
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(u, func(e *Entry) { e.State, e.SHA256, e.ETag = Changed, Sum([]byte("v2")), `"v2"` }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(u, func(e *Entry) { e.State, e.Reason = Failed, "503 Service Unavailable" }); err != nil {
		t.Fatal(err)
	}
	if err := s.AddCapture(Capture{URL: u, Time: time.Unix(1, 0).UTC(), Status: 200, Header: http.Header{"Etag": {`"v2"`}}, SHA256: Sum([]byte("v2")), Size: 2}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = mustOpen(t, dir)
	e, ok := s.Entry(u)
	if !ok {
		t.Fatal("entry lost on reopen")
	}
	if e.State != Failed || e.Reason == "" || e.SHA256 != Sum([]byte("v2")) || e.ETag != `"v2"` || e.Source != "region" {
		t.Fatalf("entry after reopen = %+v", e)
	}
	if !e.NeedsIndexing() {
		t.Fatal("a captured, never indexed document should need indexing")
	}
	var caps []Capture
	if err := s.Captures(func(c Capture) error { caps = append(caps, c); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(caps) != 1 || caps[0].Header.Get("ETag") != `"v2"` || caps[0].Status != 200 {
		t.Fatalf("captures = %+v", caps)
	}
}

func TestMarkIndexed(t *testing.T) {
	s := mustOpen(t, t.TempDir())
	u := "https://www.example.fr/deliberations/2024-12.pdf"
	v1, v2 := Sum([]byte("v1")), Sum([]byte("v2"))
	s.Update(u, func(e *Entry) { e.Document, e.State, e.SHA256 = true, New, v1 })
	// The capture changed while v1 was being indexed: marking v1 must not hide v2.
	s.Update(u, func(e *Entry) { e.State, e.SHA256 = Changed, v2 })
	if err := s.MarkIndexed(u, v1, time.Now()); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Entry(u); !e.NeedsIndexing() {
		t.Fatalf("v2 hidden by marking v1: %+v", e)
	}
	if err := s.MarkIndexed(u, v2, time.Now()); err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Entry(u); e.NeedsIndexing() || e.IndexedSHA256 != v2 {
		t.Fatalf("after marking v2: %+v", e)
	}
	// Marking an unknown URL is a no-op.
	if err := s.MarkIndexed("https://ailleurs.fr/x", v1, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Entry("https://ailleurs.fr/x"); ok {
		t.Fatal("MarkIndexed created an entry")
	}
}

// A process killed mid-write leaves a torn last line: the next Open cuts it off and
// keeps every complete line, and later appends are not glued to the torn one.
func TestTornLineRepaired(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	s.Update("https://a.fr/1", func(e *Entry) { e.State = New })
	s.Update("https://a.fr/2", func(e *Entry) { e.State = New })
	s.Close()
	f, err := os.OpenFile(filepath.Join(dir, manifestFile), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"url":"https://a.fr/3","sta`)
	f.Close()

	s = mustOpen(t, dir)
	if got := len(s.Entries()); got != 2 {
		t.Fatalf("entries after torn line = %d, want 2", got)
	}
	s.Update("https://a.fr/4", func(e *Entry) { e.State = New })
	s.Close()
	s = mustOpen(t, dir)
	if _, ok := s.Entry("https://a.fr/4"); !ok || len(s.Entries()) != 3 {
		t.Fatalf("entries = %+v", s.Entries())
	}
}

func TestCompaction(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir)
	for i := range 1500 {
		s.Update(fmt.Sprintf("https://a.fr/%d", i%10), func(e *Entry) { e.State, e.Reason = Failed, fmt.Sprint(i) })
	}
	s.Close()
	s = mustOpen(t, dir)
	data, err := os.ReadFile(filepath.Join(dir, manifestFile))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n != 10 {
		t.Fatalf("manifest has %d lines after compaction, want 10", n)
	}
	if e, _ := s.Entry("https://a.fr/9"); e.Reason != "1499" {
		t.Fatalf("last line lost in compaction: %+v", e)
	}
}
