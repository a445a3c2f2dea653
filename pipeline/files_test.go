package pipeline_test

import (
	"context"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"terril/extract/read"
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

// A huge text file is read only as far as the text cap needs, and the document is
// indexed truncated with a problem saying so, on a character boundary.
func TestHugeTextIsCapped(t *testing.T) {
	root := t.TempDir()
	line := "La commune a voté une subvention pour la rénovation de l’école élémentaire.\n"
	big := strings.Repeat(line, 1<<20/len(line)+1) // over 1 MB
	p := filepath.Join(root, "recueil.txt")
	if err := os.WriteFile(p, []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	const maxText = 10_000
	ins := collect(t, pipeline.FilesMax([]string{root}, "local", maxText))
	if len(ins) != 1 || ins[0].Err != nil {
		t.Fatalf("inputs %+v", ins)
	}
	in := ins[0]
	if len(in.Data) > 2*maxText || in.Size != int64(len(big)) {
		t.Errorf("read %d bytes of %d (size %d), want at most %d", len(in.Data), len(big), in.Size, 2*maxText)
	}
	for _, data := range [][]byte{in.Data, []byte(big)} {
		proc := &pipeline.Processor{MaxText: maxText}
		doc, err := proc.Process(context.Background(), pipeline.Input{URL: p, Data: data, Size: in.Size})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Text) > maxText || len(doc.Text) < maxText/2 || !utf8.ValidString(doc.Text) {
			t.Errorf("text of %d bytes (valid UTF-8 %v), want at most %d", len(doc.Text), utf8.ValidString(doc.Text), maxText)
		}
		if doc.Size != int64(len(big)) {
			t.Errorf("size %d, want %d", doc.Size, len(big))
		}
		if !slices.ContainsFunc(doc.Problems, pipeline.IsTruncation) {
			t.Errorf("no truncation problem: %q", doc.Problems)
		}
	}
}

// A document whose reading or extraction takes long (a huge text without a cap)
// does not hold a cancelled run: Process returns at once with the context's error.
func TestProcessHonoursCancellation(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	proc := &pipeline.Processor{Read: func(context.Context, string, string, []byte) (*read.Result, error) {
		<-release // a reader that ignores its context
		return &read.Result{}, nil
	}}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := proc.Process(ctx, pipeline.Input{URL: "lent.txt", Data: []byte("x")})
	if !errors.Is(err, context.Canceled) || time.Since(start) > 3*time.Second {
		t.Errorf("Process = %v after %s, want context.Canceled at once", err, time.Since(start))
	}
}

// Every file of a folder is accounted for: read, or skipped with its reason.
func TestFilesWithSkipsByReason(t *testing.T) {
	root := t.TempDir()
	for name, size := range map[string]int{
		"délibération.txt": 10, "photo.jpg": 10, "Makefile": 10, "recueil.pdf": 4096,
		"brouillons/pv.txt": 10, ".cache/x.txt": 10,
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(strings.Repeat("é", size/2)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]string{}
	o := pipeline.FileOptions{MaxFile: 1024, Filter: pipeline.Filter{Exclude: []string{"brouillons"}}}
	for _, in := range collect(t, pipeline.FilesWith([]string{root}, o)) {
		reason := "read"
		if r := pipeline.SkipReason(in.Err); r != nil {
			reason = r.Error()
		} else if in.Err != nil {
			reason = in.Err.Error()
		}
		got[in.ID] = reason
	}
	want := map[string]string{
		"délibération.txt": "read", "photo.jpg": "unsupported type", "Makefile": "unsupported type",
		"recueil.pdf": "too large", "brouillons/pv.txt": "excluded",
	}
	if !maps.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}
