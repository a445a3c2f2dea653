package index_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"terril/index"
)

// An index held by a writer: another open says so at once, naming the holder,
// waits at most Wait, and gives up at once when its context ends.
func TestOpenBusyIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	held, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, readOnly := range []bool{false, true} {
		var told []string
		start := time.Now()
		_, err := index.OpenContext(context.Background(), dir, index.Options{
			ReadOnly: readOnly, Wait: 300 * time.Millisecond,
			Busy: func(holder string) { told = append(told, holder) },
		})
		var busy *index.BusyError
		if !errors.As(err, &busy) || !strings.Contains(err.Error(), "busy") {
			t.Fatalf("read-only %v: err = %v, want a BusyError", readOnly, err)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("read-only %v: gave up after %s, want about 300ms", readOnly, d)
		}
		if len(told) != 1 || !strings.Contains(told[0], "pid") {
			t.Errorf("read-only %v: told %q, want the holder once", readOnly, told)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err = index.OpenContext(ctx, dir, index.Options{Wait: time.Minute})
	if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Errorf("cancelled wait: err = %v after %s", err, time.Since(start))
	}
	if err := held.Close(); err != nil {
		t.Fatal(err)
	}
	// Released: opens at once, readers side by side.
	r1, err := index.OpenContext(context.Background(), dir, index.Options{ReadOnly: true, Wait: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := index.OpenContext(context.Background(), dir, index.Options{ReadOnly: true, Wait: -1})
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	r2.Close()
}

// The holder file of a process that died without closing is ignored and removed.
func TestDeadHolderIgnored(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	dead := filepath.Join(dir, "terril-holder-2147483646-1.json")
	if err := os.WriteFile(dead, []byte(`{"pid": 2147483646, "command": "terril ingest"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err = index.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := os.Stat(dead); err == nil {
		t.Error("the dead holder's file is still there")
	}
	_, err = index.OpenContext(context.Background(), dir, index.Options{Wait: -1})
	if err == nil || strings.Contains(err.Error(), "2147483646") {
		t.Errorf("err = %v, want busy, held by this process only", err)
	}
}

// An index is created in a folder that holds only a capture store, never in a
// folder of other files.
func TestOpenCreatesOnlyInEmptyFolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "ix", "captures"), 0o755); err != nil {
		t.Fatal(err)
	}
	ix, err := index.Open(filepath.Join(dir, "ix"))
	if err != nil {
		t.Fatalf("folder with a capture store: %v", err)
	}
	ix.Close()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mes notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if ix, err := index.Open(dir); err == nil {
		ix.Close()
		t.Error("an index was created in a folder of other files")
	}
}
