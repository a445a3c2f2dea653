package pipeline_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"terril/corpus"
	"terril/extract"
	"terril/index"
	"terril/internal/textpdf"
	"terril/pipeline"
)

// cantal is a recueil of our own: cover, sommaire (printed page 1 is PDF page 3),
// two arrêtés and a décision; acts[2] of a second reading drops the décision and
// renumbers the second arrêté.
func cantal(second bool) []string {
	id2, title2 := "15-2025-01-29-00007", "Arrêté portant autorisation d'une manifestation sportive à Murat"
	if second {
		id2 = "15-2025-01-29-00008"
	}
	som := []string{"Sommaire", "",
		"Direction départementale des territoires", "",
		"15-2025-01-27-00002 - Arrêté portant subvention au syndicat des eaux de", "Riom-ès-Montagnes (2 pages)", "Page 1", "",
		id2 + " - " + title2 + " (1 page)", "Page 3"}
	if !second {
		som = append(som, "", "Préfecture du Cantal", "",
			"15-2025-01-30-00011 - Décision portant délégation de signature à M. Armand", "TEYSSIER (1 page)", "Page 4")
	}
	pages := []string{
		strings.Join([]string{"PRÉFET", "DU CANTAL", "", "RECUEIL DES ACTES", "ADMINISTRATIFS", "N°15-2025-031", "PUBLIÉ LE 3 FÉVRIER 2025"}, "\n"),
		strings.Join(som, "\n"),
		strings.Join([]string{"Direction départementale des territoires",
			"ARRÊTÉ n° DDT-2025-014",
			"portant subvention au syndicat des eaux de Riom-ès-Montagnes",
			"Le préfet du Cantal,",
			"Vu le code général des collectivités territoriales ;",
			"ARRÊTE :",
			"Article 1er : Une subvention de 48 000 euros est accordée au syndicat des eaux.",
			"", "1"}, "\n"),
		strings.Join([]string{"Article 2 : Le directeur départemental des territoires est chargé de l'exécution du présent arrêté.",
			"", "Fait à Aurillac, le 27 janvier 2025", "", "Le préfet,", "", "Signé", "", "Gérard MOURIER", "", "2"}, "\n"),
		strings.Join([]string{"Direction départementale des territoires",
			"ARRÊTÉ n° DDT-2025-019",
			"portant autorisation d'une manifestation sportive à Murat",
			"Le préfet du Cantal,",
			"ARRÊTE :",
			"Article 1er : La course cycliste du 9 mars 2025 est autorisée, pour un budget de 6 200 euros.",
			"Fait à Aurillac, le 29 janvier 2025", "Pour le préfet et par délégation,", "Signé", "Lucie FABRE", "", "3"}, "\n"),
	}
	if !second {
		pages = append(pages, strings.Join([]string{"Préfecture du Cantal",
			"DÉCISION n° 2025-BCI-03",
			"portant délégation de signature à M. Armand TEYSSIER",
			"Le préfet du Cantal,",
			"DÉCIDE :",
			"Article 1er : Délégation est donnée à M. Armand TEYSSIER pour signer les bordereaux.",
			"Aurillac, le 30 janvier 2025", "Le préfet,", "Signé", "Gérard MOURIER", "", "4"}, "\n"))
	}
	return pages
}

func cantalPDF(t *testing.T, second bool) []byte {
	t.Helper()
	data, err := textpdf.Pages(cantal(second))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A recueil becomes its document and one document per act, each with its own
// facts; indexed again, its acts replace those of the first reading.
func TestRecueilActs(t *testing.T) {
	x, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := &pipeline.Processor{Extractor: x}
	read := func(second bool) *corpus.Document {
		doc, err := p.Process(context.Background(), pipeline.Input{ID: "raa-15-031", URL: "/raa/raa-15-031.pdf", Data: cantalPDF(t, second)})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	doc := read(false)
	var ids []string
	for _, a := range doc.Acts {
		ids = append(ids, a.ID)
	}
	want := []string{"raa-15-031#15-2025-01-27-00002", "raa-15-031#15-2025-01-29-00007", "raa-15-031#15-2025-01-30-00011"}
	if !slices.Equal(ids, want) {
		t.Fatalf("acts %q, want %q", ids, want)
	}
	a := doc.Acts[0]
	if a.Recueil != doc.ID || a.ActKind != "arrete" || a.FirstPage != 3 || a.PageCount != 2 || a.Published != "2025-01-27" || a.RecueilPublished != "2025-02-03" {
		t.Errorf("first act: recueil %q kind %q pages %d+%d published %q recueil published %q", a.Recueil, a.ActKind, a.FirstPage, a.PageCount, a.Published, a.RecueilPublished)
	}
	if amounts(a) != "48000" || amounts(doc.Acts[1]) != "6200" || amounts(doc.Acts[2]) != "" {
		t.Errorf("acts' amounts %q %q %q: each its own", amounts(a), amounts(doc.Acts[1]), amounts(doc.Acts[2]))
	}
	if strings.Contains(a.Text, "TEYSSIER") || !strings.Contains(doc.Text, "TEYSSIER") {
		t.Error("the first act holds another act's text, or the recueil lost it")
	}
	if len(doc.Amounts) != 2 || doc.Published != "2025-02-03" {
		t.Errorf("the recueil lost its facts (amounts %v) or its date %q", doc.Amounts, doc.Published)
	}

	ix, err := index.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Index([]*corpus.Document{doc}); err != nil {
		t.Fatal(err)
	}
	check := func(name string, q index.Query, want ...string) {
		t.Helper()
		q.Size = 50
		res, err := ix.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: hits %q, want %q", name, got, want)
		}
	}
	check("recueil", index.Query{Recueils: []string{doc.ID}}, want...)
	check("arrêtés", index.Query{ActKinds: []string{"Arrêté"}}, want[:2]...)
	check("amount counted once, on its act", index.Query{MinAmount: ptr(40000.0)}, want[0])
	check("recueil by its date", index.Query{From: "2025-02-03", To: "2025-02-03"}, doc.ID)
	check("parent", index.Query{Text: "TEYSSIER", ActKinds: nil}, append([]string{doc.ID}, want[2])...)
	res, err := ix.Search(context.Background(), index.Query{Recueils: []string{doc.ID}, Facets: []string{"act_kind"}, Size: 1, Sort: "date"})
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Facets[0]; len(f.Values) != 2 || f.Values[0] != (index.FacetValue{Value: "arrete", Count: 2}) {
		t.Errorf("act_kind facet %+v", f)
	}
	if h := res.Hits[0]; h.Act == nil || h.Act.Recueil != doc.ID || h.Act.FirstPage != 3 || h.Act.Pages != 2 || h.URL != "/raa/raa-15-031.pdf#page=3" {
		t.Errorf("first act's hit: %+v %+v", h, h.Act)
	}

	// Read again, the same: nothing added. Changed: its acts replace the old ones.
	if err := ix.Index([]*corpus.Document{read(false)}); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 4 {
		t.Errorf("%d documents after indexing the same recueil again, want 4", n)
	}
	if err := ix.Index([]*corpus.Document{read(true)}); err != nil {
		t.Fatal(err)
	}
	check("recueil read again", index.Query{Recueils: []string{doc.ID}}, want[0], "raa-15-031#15-2025-01-29-00008")
	if n, _ := ix.Count(); n != 3 {
		t.Errorf("%d documents after the changed recueil, want 3", n)
	}
	if err := ix.Delete(doc.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != 0 {
		t.Errorf("%d documents after deleting the recueil, want 0", n)
	}
}

func amounts(d *corpus.Document) string {
	var s []string
	for _, a := range d.Amounts {
		s = append(s, strconv.FormatFloat(a.Value, 'f', -1, 64))
	}
	return strings.Join(s, " ")
}

func ptr[T any](v T) *T { return &v }
