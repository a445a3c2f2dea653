package gold

import (
	"bytes"
	"testing"
)

// FuzzRead checks that Read never panics, and that whatever it accepts scores
// perfectly against itself (amounts aside: an infinite value never matches, in
// score.py too) without error.
//
// Its seeds are one short record per kind of field, not testdata's files (kilobytes):
// the fuzzer minimises every new input it finds, which for large seeds took most of
// a run.
func FuzzRead(f *testing.F) {
	for _, seed := range []string{
		`{"id": "a", "genre": "communique", "published": "2019-03-12", "dates": [{"text": "12 mars 2019", "value": "2019-03-12"}, {"text": "x", "value": null}]}`,
		`{"id": "b", "amounts": [{"text": "1 M€", "value": 1000000}], "communes": [{"name": "Lens", "insee": "62498"}], "departements": ["59"]}`,
		`{"id": "c", "epcis": [{"name": "CA de Lens - Liévin", "siren": "246200364"}], "themes": ["logement"]}`,
		`{"id": "d", "people": [{"name": "Jean-René Lecerf", "role": "Président"}], "signatories": [{"name": "Région Hauts-de-France", "kind": "organization"}]}` + "\n" +
			`{"id": "e", "published": null, "references": [{"kind": "deliberation", "number": "20161396", "date": "2016-10-13"}]}`,
	} {
		f.Add([]byte(seed))
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
