package recueil

import (
	"strings"
	"testing"
)

// A scanned act whose printed name a signature crosses: OCR by layout reads noise
// in its place, or the name with stray strokes; read again as a block, the name.
func TestReread(t *testing.T) {
	scan := func(name string) string {
		return page("Récépissé de déclaration",
			"d'un organisme de services à la personne",
			"Le préfet de la Lozère constate qu'une déclaration a été déposée le 1er mars 2024",
			"par Mme BRUNEL Sylvie pour l'organisme BRUNEL AIDE DOMICILE, 4 rue du Pont 48000 MENDE.",
			"Fait à Mende, le 08/03/24",
			"Pour le Préfet et par délégation",
			"La directrice départementale de l'emploi, du travail et des solidarités",
			name, "4")
	}
	for _, tc := range []struct {
		name, first, again, want string
		rereads                  int
	}{
		{"noise", "\\\\ | ~~", "Hélène VIGUIER", "Hélène Viguier", 1},
		{"name with strokes", "Hélène VI \\} L", "Hélène VIGUIER", "Hélène Viguier", 1},
		{"read again no better", "", "~~ |", "", 1},
		{"sure name not read again", "Hélène VIGUIER", "Odile FERRAND", "Hélène Viguier", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pages := []string{lozereCover, lozereSommaire, chasse1, chasse2, delegation, scan(tc.first)}
			asked := 0
			r, got := Reread(pages, Split(pages), func(n int) (string, bool) {
				asked++
				if n != 6 {
					t.Errorf("reread page %d, want 6 (the scan's)", n)
					return "", false
				}
				return scan(tc.again), true
			})
			if asked != tc.rereads {
				t.Errorf("%d pages read again, want %d", asked, tc.rereads)
			}
			if s := r.Acts[2].Signatory; s != tc.want {
				t.Errorf("signatory %q, want %q", s, tc.want)
			}
			if kept := strings.Contains(got[5], "VIGUIER") || tc.first == ""; tc.want != "" && !kept {
				t.Errorf("pages not the ones read again: %q", got[5])
			}
			if r.Acts[0].Signatory != "Philippe Castanet" {
				t.Errorf("other acts changed: %q", r.Acts[0].Signatory)
			}
		})
	}
	if r, _ := Reread(nil, nil, nil); r != nil {
		t.Error("nil recueil")
	}
}

// A scan left unread (past the reader's OCR page limit) is read for its signature:
// the act gets its signatory and the date of its signature block.
func TestRereadUnread(t *testing.T) {
	pages := []string{lozereCover, lozereSommaire, chasse1, chasse2, delegation, ""}
	r := Split(pages)
	if r.Acts[2].Signatory != "" {
		t.Fatalf("unread scan signed %q", r.Acts[2].Signatory)
	}
	var asked []int
	r, got := Reread(pages, r, func(n int) (string, bool) {
		asked = append(asked, n)
		return recepisseOCR, true
	})
	if len(asked) != 1 || asked[0] != 6 || got[5] != recepisseOCR {
		t.Errorf("pages read again %v", asked)
	}
	if a := r.Acts[2]; a.Signatory != "Hélène Viguier" || a.Date != "2024-03-08" || a.DateFrom != DateSignature {
		t.Errorf("act read again: %q %q (%s)", a.Signatory, a.Date, a.DateFrom)
	}
}

// Reread reads maxRereads pages at most, however many acts lack a signatory.
func TestRereadBudget(t *testing.T) {
	pages := []string{lozereCover, lozereSommaire, "", "", "", ""}
	r := Split(pages)
	if r == nil {
		t.Skip("not split without its acts' text")
	}
	n := 0
	saved := maxRereads
	defer func() { maxRereads = saved }()
	maxRereads = 1
	Reread(pages, r, func(int) (string, bool) { n++; return "", false })
	if n != 1 {
		t.Errorf("%d pages read again, want 1", n)
	}
}
