package folder

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"terril/corpus"
	"terril/corpus/collectortest"
)

func TestCollector(t *testing.T) {
	collectortest.Run(t, func(s *collectortest.Site) corpus.Collector {
		return &Collector{Dir: s.Dir}
	})
}

func TestHiddenAndExtensions(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"délibération 2024-03.PDF", "notes.docx", ".brouillon.pdf", ".git/objet.txt", "sous/dossier/cp.html"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o644)
	}
	var got []string
	err := (&Collector{Dir: dir}).List(context.Background(), nil, func(it corpus.Item) error {
		if it.Err != nil {
			t.Errorf("unexpected error %v", it.Err)
		}
		got = append(got, strings.TrimPrefix(it.URL, fileURL(dir)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "/d%C3%A9lib%C3%A9ration%202024-03.PDF /sous/dossier/cp.html"
	if strings.Join(got, " ") != want {
		t.Fatalf("listed %v, want %s", got, want)
	}
}

func TestMissingFolder(t *testing.T) {
	err := (&Collector{Dir: filepath.Join(t.TempDir(), "absent")}).List(context.Background(), nil, func(corpus.Item) error { return nil })
	if err == nil {
		t.Fatal("no error for a missing folder")
	}
}
