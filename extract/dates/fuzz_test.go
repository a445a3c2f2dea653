package dates_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"terril/extract/dates"
	"terril/extract/genre"
	"terril/extract/references"
	"terril/extract/text"
)

func FuzzDates(f *testing.F) {
	for _, s := range []string{"Lundi 5 février", "du 13 au 15 mars 2019", "13 et 14 décembre 2016", "07/07/2023",
		"2017-2027", "1ᵉʳ janvier", "n°83-2025-07-07", "fin 2019", "T1 2020", "mi-juin", "du 28 décembre au 3 janvier 2019",
		"le 17/02", "du 01/10 au 02/11/2017", "13-15 juillet", "4 jusqu'au 9 mai", "le vingt sept mars deux mil trois",
		"23/sep/2020", "en 2015-3", "12 janvier, 2016", "de mars à mai", "L'an deux mille"} {
		f.Add(s, "2018-02-05")
	}
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			for _, para := range strings.Split(string(b), "\n\n") {
				f.Add(para, "2019")
			}
		}
	}
	f.Fuzz(func(t *testing.T, s, published string) {
		if !utf8.ValidString(s) {
			return
		}
		txt := newTestText(s)
		tk := text.Lex(txt)
		for _, d := range dates.Find(&tk, published) {
			if d.Start < 0 || d.End > len(txt.S) || d.Start > d.End || txt.S[d.Start:d.End] != d.Text {
				t.Fatalf("bad span %+v in %q", d, txt.S)
			}
			if len(d.Value) != 4 && len(d.Value) != 7 && len(d.Value) != 10 {
				t.Fatalf("bad value %q", d.Value)
			}
		}
		// The other extractors built on the same lexer: no panic, spans in range.
		for _, r := range references.Find(&tk) {
			if r.Start < 0 || r.End > len(txt.S) || r.Start >= r.End || r.Number == "" {
				t.Fatalf("bad reference %+v in %q", r, txt.S)
			}
		}
		p := genre.Published(&tk)
		if p != "" && len(p) != 4 && len(p) != 7 && len(p) != 10 {
			t.Fatalf("bad published %q", p)
		}
		genre.Find(&tk, s, p)
	})
}

func newTestText(s string) *text.Text { return text.New(text.Normalize(s)) }
