package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"terril/pipeline"
)

// collect runs produce and returns what it sent, failing when it takes longer than
// a few seconds (a blocked open).
func collect(t *testing.T, produce func(context.Context, chan<- pipeline.Input) error) []pipeline.Input {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out := make(chan pipeline.Input)
	done := make(chan error, 1)
	go func() { done <- produce(ctx, out); close(out) }()
	var got []pipeline.Input
	for {
		select {
		case in, ok := <-out:
			if !ok {
				if err := <-done; err != nil {
					t.Fatalf("producer: %v", err)
				}
				return got
			}
			got = append(got, in)
		case <-time.After(6 * time.Second):
			t.Fatalf("producer blocked after %d inputs", len(got))
		}
	}
}

func TestFilesIDsAreRelativePaths(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"lens/deliberation.txt", "arras/deliberation.txt", "x.txt", "x.html"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Délibération."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	for _, in := range collect(t, pipeline.Files([]string{root, filepath.Join(root, "x.txt")}, "local")) {
		got = append(got, in.ID)
	}
	slices.Sort(got)
	want := []string{"arras/deliberation.txt", "lens/deliberation.txt", "x.html", "x.txt", "x.txt"}
	if !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v", got, want)
	}
}

// A named pipe in a folder, or named alone, is skipped by name without being
// opened (opening it would block until a writer comes).
func TestFilesSkipsNonRegularFiles(t *testing.T) {
	root := t.TempDir()
	fifo := filepath.Join(root, "tube.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	if err := os.WriteFile(filepath.Join(root, "note.txt"), []byte("Note."), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, paths := range [][]string{{root}, {fifo}} {
		var skipped, read []string
		for _, in := range collect(t, pipeline.Files(paths, "local")) {
			switch {
			case in.Err != nil && pipeline.IsSkip(in.Err):
				skipped = append(skipped, in.Err.Error())
			case in.Err != nil:
				t.Errorf("%s: %v", in.URL, in.Err)
			default:
				read = append(read, in.ID)
			}
		}
		if len(skipped) != 1 || !strings.Contains(skipped[0], fifo) || !strings.Contains(skipped[0], "not a regular file") {
			t.Errorf("%v: skipped %q", paths, skipped)
		}
		if len(paths) == 1 && paths[0] == root && !slices.Equal(read, []string{"note.txt"}) {
			t.Errorf("read %v", read)
		}
	}
}
