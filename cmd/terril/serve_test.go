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
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, &env{stdout: &syncBuffer{}, stderr: &stderr, stdin: strings.NewReader("")},
			[]string{"serve", "--index", dir, "--addr", "127.0.0.1:0"})
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
