package read

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

// titledPDF writes a one-page PDF with the given Title in its document
// information and the given lines of text.
func titledPDF(t *testing.T, title string, lines ...string) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	if title != "" {
		pdf.SetTitle(title, true)
	}
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	tr := pdf.UnicodeTranslatorFromDescriptor("cp1252")
	for _, l := range lines {
		pdf.MultiCell(0, 6, tr(l), "", "L", false)
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPDFTitleNamed(t *testing.T) {
	for _, tt := range []struct {
		name, info string
		lines      []string
		want       string
	}{
		{"a.pdf", "Délibération relative à la piscine intercommunale", []string{"Texte de la délibération du conseil."}, "Délibération relative à la piscine intercommunale"},
		{"2023-04-pv.pdf", "Microsoft Word - 2023-04-12_pv conseil v3.docx",
			[]string{"Envoyé en préfecture le 14/04/2023", "ID : 062-216204982-20230412-DEL12-DE", "Procès-verbal de la séance du conseil municipal du 12 avril 2023", "Présents : …"},
			"Procès-verbal de la séance du conseil municipal du 12 avril 2023"},
		{"KM_C250i_20230412.pdf", "KM_C250i_20230412093512", []string{"Arrêté du maire portant fermeture du cimetière communal"}, "Arrêté du maire portant fermeture du cimetière communal"},
		{"/srv/compte_rendu_commission_voirie_v2.pdf", "Document numérisé", []string{"| & 2", "1234"}, "compte rendu commission voirie"},
	} {
		data := titledPDF(t, tt.info, tt.lines...)
		res, err := Read(tt.name, "", data)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if res.Title != tt.want {
			t.Errorf("%s (Title %q): title %q, want %q", tt.name, tt.info, res.Title, tt.want)
		}
	}
}
