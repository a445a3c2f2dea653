package recueil

import (
	"strings"
	"testing"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/read"
	"terril/internal/textpdf"
)

// recueilPDF writes a PDF of the given pages, one line of text a line; a page ""
// is a scan: an image and no text layer.
func recueilPDF(tb testing.TB, pages []string) []byte {
	tb.Helper()
	data, err := textpdf.Pages(pages)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// A generated recueil goes through the PDF reader: the scanned act's page comes
// back without text and the act is still placed by the sommaire.
func TestSplitGeneratedPDF(t *testing.T) {
	data := recueilPDF(t, []string{lozereCover, lozereSommaire, chasse1, chasse2, delegation, ""})
	text, pp, problems := read.ReadPDF(data)
	if len(pp) != 6 {
		t.Fatalf("%d pages read (%v)", len(pp), problems)
	}
	pages, err := PageTexts(text, pp)
	if err != nil {
		t.Fatal(err)
	}
	if pages[5] != "" {
		t.Fatalf("the scanned page has text %q", pages[5])
	}
	r := Split(pages)
	if r == nil {
		t.Fatal("not read as a recueil")
	}
	if r.Offset != 2 || r.Number != "48-2024-117" {
		t.Errorf("offset %d, number %q", r.Offset, r.Number)
	}
	checkActs(t, r, []Act{
		{ID: "48-2024-03-05-00002", Kind: KindArrete, Date: "2024-03-05", Signatory: "Philippe Castanet", FirstPage: 3, Pages: 2},
		{ID: "48-2024-03-07-00011", Kind: KindDecision, Date: "2024-03-07", Signatory: "Martin Roussel", FirstPage: 5, Pages: 1},
		{ID: "48-2024-03-08-00004", Kind: KindRecepisse, Date: "2024-03-08", Signatory: "", FirstPage: 6, Pages: 1},
	})
}

func TestPageTexts(t *testing.T) {
	texts := []string{"première page", "", "troisième\n\npage é"}
	joined := read.JoinPages(texts)
	var pp []corpus.Page
	for i, s := range texts {
		pp = append(pp, corpus.Page{Number: i + 1, Chars: utf8.RuneCountInString(s)})
	}
	got, err := PageTexts(joined, pp)
	if err != nil || strings.Join(got, "|") != strings.Join(texts, "|") {
		t.Errorf("got %q, %v", got, err)
	}
	pp[0].Chars++
	if _, err := PageTexts(joined, pp); err == nil {
		t.Error("wrong lengths accepted")
	}
}
