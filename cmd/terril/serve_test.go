package main

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the command writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServe(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	terril(t, true, "serve", "--index", dir, "--addr", "127.0.0.1:0") // no index yet
	terril(t, true, "serve", "--index", dir, "extra")
	terril(t, false, "ingest", "-q", "--index", dir, "testdata/corpus")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, _, done := startServe(ctx, t, "--index", dir)
	resp, err := http.Get(base + "api/search?n=1")
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Total int
		Hits  []struct{ ID string }
	}
	err = json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	if err != nil || r.Total == 0 || len(r.Hits) != 1 || r.Hits[0].ID == "" {
		t.Errorf("GET /api/search: %v %+v", err, r)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop after cancel")
	}
}

// startServe runs terril serve with args on a free loopback port until ctx is
// done; it returns the base URL, what serve wrote on stderr, and its end.
func startServe(ctx context.Context, t *testing.T, args ...string) (string, *syncBuffer, chan error) {
	t.Helper()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, &env{stdout: &syncBuffer{}, stderr: &stderr, stdin: strings.NewReader("")},
			append([]string{"serve", "--addr", "127.0.0.1:0"}, args...))
	}()
	addrRE := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		base = addrRE.FindString(stderr.String())
	}
	if base == "" {
		t.Fatalf("serve printed no address:\n%s", stderr.String())
	}
	return base, &stderr, done
}

func TestServeIngest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	terril(t, false, "ingest", "-q", "--index", dir, "testdata/corpus/page-culture.txt")
	terril(t, true, "serve", "--index", dir, "--ingest-root", "testdata") // without --allow-ingest
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, stderr, done := startServe(ctx, t, "--index", dir, "--allow-ingest", "--ingest-root", "testdata", "-j", "1")
	m := regexp.MustCompile(`ingest token \(Authorization: Bearer …\): ([0-9a-f]{64})`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no generated token printed:\n%s", stderr.String())
	}
	// The index is held: an ingest beside serve says so at once.
	terril(t, true, "ingest", "-q", "--wait", "0s", "--index", dir, "testdata/corpus")
	req, _ := http.NewRequest("POST", base+"api/ingest", strings.NewReader(`{"paths": ["corpus"]}`))
	req.Header.Set("Authorization", "Bearer "+m[1])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var job struct {
		ID, State             string
		Read, Failed, Indexed int
	}
	json.NewDecoder(resp.Body).Decode(&job)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted || job.ID == "" {
		t.Fatalf("POST /api/ingest: %d %+v", resp.StatusCode, job)
	}
	for deadline := time.Now().Add(60 * time.Second); job.State != "done" && time.Now().Before(deadline); {
		req, _ := http.NewRequest("GET", base+"api/jobs/"+job.ID, nil)
		req.Header.Set("Authorization", "Bearer "+m[1])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&job)
		resp.Body.Close()
		if job.State == "failed" || job.State == "cancelled" {
			t.Fatalf("job %+v", job)
		}
		// Searches answer meanwhile.
		if r, err := http.Get(base + "api/search?n=1"); err != nil || r.StatusCode != 200 {
			t.Fatalf("search during the ingest: %v %v", err, r)
		} else {
			r.Body.Close()
		}
		time.Sleep(50 * time.Millisecond)
	}
	if job.State != "done" || job.Read != 3 || job.Failed != 0 {
		t.Errorf("job at its end: %+v", job)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after cancel: %v", err)
	}
}

// TestServeLoadtest runs the load test in miniature: it must fill, serve, ingest and
// report every kind of request without errors (no figure is asserted).
func TestServeLoadtest(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	out, _ := terril(t, false, "loadtest", "--index", dir, "--docs", "40", "--clients", "2", "--duration", "300ms", "--ingest", "5")
	for _, want := range []string{"search (snippets, 10 hits)", "5 facets", "5 facets, match all", "ingest during the load", "load average"} {
		if !strings.Contains(out, want) {
			t.Errorf("loadtest output lacks %q:\n%s", want, out)
		}
	}
	if regexp.MustCompile(`\s[1-9]\d*\n`).MatchString(out[strings.Index(out, "request"):]) {
		t.Errorf("loadtest had errors:\n%s", out)
	}
	terril(t, true, "loadtest", "--docs", "10")
}
