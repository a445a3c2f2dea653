package gold

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzRead checks that Read never panics, and that whatever it accepts scores
// perfectly against itself (amounts aside: an infinite value never matches, in
// score.py too) without error.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"tricky.gold.jsonl", "tricky.pred.jsonl"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id": "a", "published": 2019, "themes": [null, 1, true], "departements": [59, null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Read(bytes.NewReader(data), "fuzz")
		if err != nil || s.Len() == 0 {
			return
		}
		rep, err := Score(s, s, nil)
		if err != nil {
			t.Fatalf("Score(s, s): %v", err)
		}
		for _, fs := range rep.Fields {
			if fs.Field != "amounts" && (fs.F1 != 1 || fs.FP != 0 || fs.FN != 0) {
				t.Errorf("%s against itself: %+v", fs.Field, fs)
			}
		}
		if rep.Published.OK != s.Len() || rep.Genre.OK != s.Len() || rep.Role.OK != rep.Role.Total {
			t.Errorf("accuracies against itself: %+v %+v %+v", rep.Published, rep.Genre, rep.Role)
		}
	})
}
