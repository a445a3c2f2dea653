package pipeline_test

import (
	"testing"

	"terril/pipeline"
)

func TestFilterExcludes(t *testing.T) {
	for _, tt := range []struct {
		include, exclude []string
		rel              string
		out              bool
	}{
		{nil, nil, "brouillons/pv.pdf", false},
		{[]string{"*.pdf"}, nil, "conseil/2021/délibération.pdf", false},
		{[]string{"*.pdf"}, nil, "conseil/2021/délibération.docx", true},
		{[]string{"*.PDF"}, nil, "Recueil.pdf", false}, // case folded
		{[]string{"*.pdf"}, []string{"brouillons/*"}, "brouillons/pv-v2.pdf", true},
		{[]string{"*.pdf"}, []string{"brouillons/*"}, "brouillons/2021/pv.pdf", true}, // a folder matches
		{[]string{"*.pdf"}, []string{"brouillons/*"}, "arrêtés/brouillons.pdf", false},
		{nil, []string{"brouillons"}, "mairie/brouillons/œuvre.odt", true}, // a folder's name
		{nil, []string{"*_v[0-9].docx"}, "pv_v4.docx", true},
		{nil, []string{"*_v[0-9].docx"}, "pv_final.docx", false},
		{[]string{"2021"}, nil, "2021/budget €.pdf", false},
		{[]string{"2021"}, nil, "2020/budget.pdf", true},
	} {
		f := pipeline.Filter{Include: tt.include, Exclude: tt.exclude}
		if got := f.Excludes(tt.rel); (got != "") != tt.out {
			t.Errorf("include %q exclude %q: %s excluded %q, want excluded %v", tt.include, tt.exclude, tt.rel, got, tt.out)
		}
	}
}

func TestFilterCheck(t *testing.T) {
	if err := (pipeline.Filter{Include: []string{"*.pdf"}, Exclude: []string{"a/[b"}}).Check(); err == nil {
		t.Error("a malformed pattern passes")
	}
	if err := (pipeline.Filter{Include: []string{"*.pdf", "[a-z]*"}}).Check(); err != nil {
		t.Error(err)
	}
}
