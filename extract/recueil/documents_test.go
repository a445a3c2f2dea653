package recueil

import (
	"strings"
	"testing"

	"terril/corpus"
	"terril/extract"
	"terril/extract/read"
)

func TestDocuments(t *testing.T) {
	pages := []string{lozereCover, lozereSommaire, chasse1, chasse2, delegation, recepisseOCR}
	r := Split(pages)
	parent := &corpus.Document{ID: "raa-48-2024-117", URL: "https://www.lozere.gouv.fr/raa-117.pdf", ContentType: "application/pdf"}
	for i := range pages {
		parent.Pages = append(parent.Pages, corpus.Page{Number: i + 1, Reader: read.ReaderFast})
	}
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := r.Documents(parent, x)
	if len(docs) != 3 {
		t.Fatalf("%d documents", len(docs))
	}
	d := docs[0]
	if d.ID != "raa-48-2024-117#48-2024-03-05-00002" || d.URL != parent.URL+"#page=3" || d.Recueil != parent.ID || d.ActKind != KindArrete {
		t.Errorf("first act: %s %s %s %s", d.ID, d.URL, d.Recueil, d.ActKind)
	}
	if d.FirstPage != 3 || d.PageCount != 2 || d.RecueilPublished != "2024-03-12" {
		t.Errorf("first act: page %d+%d, recueil published %q", d.FirstPage, d.PageCount, d.RecueilPublished)
	}
	if d.Published != "2024-03-05" || d.Genre != corpus.GenreDeliberation || len(d.Pages) != 2 || d.Pages[0].Number != 3 {
		t.Errorf("first act: published %q genre %q pages %+v", d.Published, d.Genre, d.Pages)
	}
	if !hasRef(d.References, "48-2024-03-05-00002") {
		t.Errorf("references %+v lack the act's identifier", d.References)
	}
	if strings.Contains(d.Text, "Délégation est donnée") {
		t.Error("the first act holds the second's text")
	}
	// A récépissé is not a reference.
	if hasRef(docs[2].References, "48-2024-03-08-00004") {
		t.Errorf("récépissé as a reference: %+v", docs[2].References)
	}
	if len(docs[2].Signatories) == 0 || docs[2].Signatories[0].Name != "Hélène Viguier" {
		t.Errorf("récépissé signatories %+v", docs[2].Signatories)
	}
}

// The act's signatory joins the document's when the extractor missed it, once.
func TestAddSignatory(t *testing.T) {
	d := &corpus.Document{Text: "Fait à Privas, le 2 juin 2025\nLa sous-préfète,\nAnne-Sophie LAGARDÈRE"}
	addSignatory(d, "Anne-Sophie Lagardère")
	addSignatory(d, "Anne-Sophie Lagardère")
	addSignatory(d, "")
	if len(d.Signatories) != 1 || d.Text[d.Signatories[0].Start:d.Signatories[0].End] != "LAGARDÈRE" {
		t.Errorf("signatories %+v", d.Signatories)
	}
	addSignatory(d, "Paul Mercadier") // not in the text: no span to give
	if len(d.Signatories) != 1 {
		t.Errorf("a name absent from the text added: %+v", d.Signatories)
	}
}
