package amounts

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/text"
)

type wantAmount struct {
	v         float64
	implicit  bool
	qualifier string
	approx    string
}

func TestAmounts(t *testing.T) {
	tests := []struct {
		name, in string
		want     []wantAmount
	}{
		// Multipliers and spellings.
		{"milliard decimal", "Elle a prêté 1,6 milliard d’euros permettant", []wantAmount{{v: 1.6e9}}},
		{"M€", "avec un prêt de 35 M€ et", []wantAmount{{v: 35e6}}},
		{"M€ glued", "un projet de 35M€.", []wantAmount{{v: 35e6}}},
		{"M €", "un projet de 35 M € en 2020", []wantAmount{{v: 35e6}}},
		{"space thousands", "un financement de 78 500 euros", []wantAmount{{v: 78500}}},
		{"nbsp thousands", "un financement de 78\u00a0500\u00a0€", []wantAmount{{v: 78500}}},
		{"narrow nbsp thousands", "un financement de 78\u202f500 €", []wantAmount{{v: 78500}}},
		{"dot thousands", "un financement de 78.500 €", []wantAmount{{v: 78500}}},
		{"big with decimals", "soit 1 234 567,89 € au total", []wantAmount{{v: 1234567.89}}},
		{"spaces with decimal point", "un excédent de 312 508.45€ reporté", []wantAmount{{v: 312508.45}}},
		{"dots with decimals", "soit 1.234.567,89 € au total", []wantAmount{{v: 1234567.89}}},
		{"k€", "une aide de 12 k€", []wantAmount{{v: 12000}}},
		{"K€ glued", "une aide de 12K€", []wantAmount{{v: 12000}}},
		{"Mds€", "un plan de 3 Mds€", []wantAmount{{v: 3e9}}},
		{"Md€", "un plan de 1,5 Md€", []wantAmount{{v: 1.5e9}}},
		{"Mrd€", "un plan de 2 Mrd€", []wantAmount{{v: 2e9}}},
		{"MEUR", "un budget de 2,5 MEUR", []wantAmount{{v: 2.5e6}}},
		{"EUR", "un montant de 500 000 EUR", []wantAmount{{v: 500000}}},
		{"mille", "une prime de 10 mille euros", []wantAmount{{v: 10000}}},
		{"millions d'euros", "a investi 800 millions d'euros depuis 5 ans", []wantAmount{{v: 800e6}}},
		{"millions euros", "a investi 800 millions euros", []wantAmount{{v: 800e6}}},
		{"millions de €", "la commune a reçu 4 millions de € du fonds", []wantAmount{{v: 4e6}}},
		{"written number", "un million d'euros et deux milliards d'euros", []wantAmount{{v: 1e6}, {v: 2e9}}},
		{"written mille", "une aide de quinze mille euros, puis mille euros", []wantAmount{{v: 15000}, {v: 1000}}},
		{"et demi", "un million et demi d'euros, puis 2 millions et demi d'euros", []wantAmount{{v: 1.5e6}, {v: 2.5e6}}},
		{"et demi implicit", "12 M€ dont 3 millions et demi pour la gare", []wantAmount{{v: 12e6}, {v: 3.5e6, implicit: true}}},
		{"written compound", "une enveloppe de trente-huit millions d'euros", []wantAmount{{v: 38e6}}},
		{"written et un", "soit vingt et un millions d'euros", []wantAmount{{v: 21e6}}},
		{"written cent", "un programme de trois cents millions d'euros", []wantAmount{{v: 300e6}}},
		{"written quatre-vingt", "quatre-vingt-douze millions d'euros", []wantAmount{{v: 92e6}}},
		{"written two scales", "un milliard deux cents millions d'euros", []wantAmount{{v: 1.2e9}}},
		{"written implicit", "un plan de 9 M€ dont deux millions pour la gare", []wantAmount{{v: 9e6}, {v: 2e6, implicit: true}}},
		{"written without scale", "un ticket à deux euros, un menu à quatre-vingt-quinze euros", []wantAmount{{v: 2}, {v: 95}}},
		{"written without currency", "les deux mille participants", nil},
		{"written euro compound", "un euro-député", nil},
		{"euro singular", "pour 1 euro symbolique", []wantAmount{{v: 1}}},
		{"decimal point", "un budget de 2.5 M€", []wantAmount{{v: 2.5e6}}},
		{"plain euros", "une subvention de 5000 €", []wantAmount{{v: 5000}}},
		{"euro sign before", "un budget de € 6 millions, puis €1500", []wantAmount{{v: 6e6}, {v: 1500}}},
		{"euro sign before a year", "Dépenses en € 2019 2020", nil},
		{"EUR before", "un prêt de EUR 25 000 sur 5 ans", []wantAmount{{v: 25000}}},
		{"euro sign before, of the amount before", "soit 1 000 € 2 000 visiteurs", []wantAmount{{v: 1000}}},
		{"cents in words", "la somme de trois cent vingt euros et quarante-cinq centimes", []wantAmount{{v: 320.45}}},
		{"cents in digits", "un ticket de 2 euros et 50 cents", []wantAmount{{v: 2.5}}},
		{"cents word last", "quinze euros et trente cents", []wantAmount{{v: 15.3}}},
		{"dollars near euros", "Un prêt de 5 M€, dont 3 millions de dollars", []wantAmount{{v: 5e6}}},
		{"dollar sign near euros", "Un prêt de 5 M€ et $ 3 millions, puis 2 millions $", []wantAmount{{v: 5e6}}},
		{"pounds near euros", "un apport de 5 M€ et 3 millions de livres sterling", []wantAmount{{v: 5e6}}},
		// Qualifiers and approximators.
		{"HT", "un marché de 500 000 € HT", []wantAmount{{v: 500000, qualifier: "HT"}}},
		{"TTC", "un coût de 1,2 M€ TTC", []wantAmount{{v: 1.2e6, qualifier: "TTC"}}},
		{"H.T.", "soit 12 000 euros H.T. pour", []wantAmount{{v: 12000, qualifier: "HT"}}},
		{"hors taxes", "12 000 euros hors taxes", []wantAmount{{v: 12000, qualifier: "HT"}}},
		{"près d'", "attribuer près d’1,78 million d’euros aux", []wantAmount{{v: 1.78e6, approx: "près d'"}}},
		{"plus de", "un financement de plus de 78 500 euros", []wantAmount{{v: 78500, approx: "plus de"}}},
		{"environ", "environ 3 millions d'euros", []wantAmount{{v: 3e6, approx: "environ"}}},
		{"jusqu'à", "jusqu’à 200 000 €", []wantAmount{{v: 200000, approx: "jusqu'à"}}},
		{"quelque", "quelque 50 millions d'euros", []wantAmount{{v: 50e6, approx: "quelque"}}},
		{"au moins", "au moins 20 000 €", []wantAmount{{v: 20000, approx: "au moins"}}},
		{"de l'ordre de", "de l’ordre de 4 M€", []wantAmount{{v: 4e6, approx: "de l'ordre de"}}},
		// Ranges.
		{"range à", "entre 7 à 8 millions d'euros", []wantAmount{{v: 7e6}, {v: 8e6}}},
		{"range entre et", "entre 2 et 3 M€", []wantAmount{{v: 2e6}, {v: 3e6}}},
		{"range grouped first", "entre 500 000 et 1 million d'euros", []wantAmount{{v: 500000}, {v: 1e6}}},
		{"range decimal", "de 1,5 à 2 milliards d'euros", []wantAmount{{v: 1.5e9}, {v: 2e9}}},
		{"range hyphen", "un coût de 2-3 M€", []wantAmount{{v: 2e6}, {v: 3e6}}},
		{"range both units", "de 500 000 € à 1 M€", []wantAmount{{v: 500000}, {v: 1e6}}},
		// Implicit currency by coordination.
		{"implicit dont", "1,4 milliard d'euros de prêts, dont 200 millions aux collectivités", []wantAmount{{v: 1.4e9}, {v: 200e6, implicit: true}}},
		{"implicit et", "29 M€ pour le pôle et 12 millions pour la gare", []wantAmount{{v: 29e6}, {v: 12e6, implicit: true}}},
		{"implicit plain dont", "un budget de 500 000 €, dont 200 000 pour l'investissement", []wantAmount{{v: 500000}, {v: 200000, implicit: true}}},
		{"implicit money noun", "10 millions d'euros, dont 4 millions de subventions", []wantAmount{{v: 10e6}, {v: 4e6, implicit: true}}},
		{"not implicit other sentence", "Un prêt de 35 M€. La ville compte 12 millions de visiteurs", []wantAmount{{v: 35e6}}},
		{"not implicit inhabitants", "800 millions d'euros pour 1,2 million d'habitants", []wantAmount{{v: 800e6}}},
		{"implicit before, coordinated", "12 millions pour la gare et 29 M€ pour le pôle", []wantAmount{{v: 12e6, implicit: true}, {v: 29e6}}},
		{"not implicit before, not coordinated", "Les 12 millions annoncés en juin correspondent à 29 M€ de travaux", []wantAmount{{v: 29e6}}},
		{"not implicit before, other sentence", "La métropole attend 12 millions. Le projet coûte 29 M€.", []wantAmount{{v: 29e6}}},
		{"implicit funder after de l'", "Le programme mobilise 6,3 millions d'euros, dont 3,1 millions de l'Ademe et 1,2 million de la Région.", []wantAmount{{v: 6.3e6}, {v: 3.1e6, implicit: true}, {v: 1.2e6, implicit: true}}},
		{"implicit funder after du", "Une enveloppe de 900 000 €, dont 2 millions du Département", []wantAmount{{v: 900000}, {v: 2e6, implicit: true}}},
		{"implicit funder lower case", "Coût total : 5 M€, dont 1,5 million de la communauté de communes.", []wantAmount{{v: 5e6}, {v: 1.5e6, implicit: true}}},
		{"funder list currency at the end", "Pour la salle de sports, l'État verse 1,3 million, la Région 700 000 et la commune 450 000 euros.", []wantAmount{{v: 1.3e6, implicit: true}, {v: 700000, implicit: true}, {v: 450000}}},
		{"not implicit count in a list", "Le plan de 12 M€ concerne 3 000 logements, 1 200 commerces et 400 000 €", []wantAmount{{v: 12e6}, {v: 400000}}},
		{"funder list after the cost sentence", "La rénovation de l'école coûte 3,8 millions d'euros. Le Département apporte 1,1 million, l'Europe 600 000 euros au titre du Feder.", []wantAmount{{v: 3.8e6}, {v: 1.1e6, implicit: true}, {v: 600000}}},
		{"funding verb in the next sentence", "Le chantier est estimé à 2,4 M€ HT. La Région finance 800 000 et l'État 1 million.", []wantAmount{{v: 2.4e6, qualifier: "HT"}, {v: 800000, implicit: true}, {v: 1e6, implicit: true}}},
		{"next sentence without funding verb", "Le chantier est estimé à 2,4 M€. La ville compte 1,1 million.", []wantAmount{{v: 2.4e6}}},
		{"implicit in a text counting in euros", "L'État a investi 100 milliards d'euros. Les élus ont salué ce soutien.\n\nAvec 150 millions pour la ville, le contrat est signé.", []wantAmount{{v: 100e9}, {v: 150e6, implicit: true}}},
		{"not implicit population in a text counting in euros", "L'État a investi 100 milliards d'euros. Les élus ont salué ce soutien.\n\nLa région a une population de 12 millions.", []wantAmount{{v: 100e9}}},
		{"not implicit count in a text counting in euros", "L'État a investi 100 milliards d'euros. Les élus ont salué ce soutien.\n\nLe réseau transporte 2 millions voyageurs.", []wantAmount{{v: 100e9}}},
		{"not implicit demonyms", "Un plan de 20 M€ pour 3 millions de Franciliens", []wantAmount{{v: 20e6}}},
		// Approximate numbers written as nouns.
		{"vingtaine d'euros", "l'abonnement, à partir d'une vingtaine d'euros par mois", []wantAmount{{v: 20, approx: "une vingtaine"}}},
		{"centaine de milliers d'euros", "un chantier d'une centaine de milliers d'euros", []wantAmount{{v: 100000, approx: "une centaine"}}},
		{"dizaine de millions d'euros", "Une dizaine de millions d'euros seront investis.", []wantAmount{{v: 10e6, approx: "Une dizaine"}}},
		{"millier d'euros", "une prime d'un millier d'euros", []wantAmount{{v: 1000, approx: "un millier"}}},
		{"not vingtaine of jobs", "Une vingtaine d'emplois sont attendus pour 2 M€.", []wantAmount{{v: 2e6}}},
		{"not plural approximations", "des centaines de milliers d'euros, quelques dizaines d'euros", nil},
		{"not implicit count", "un budget de 500 000 €, soit 2 000 logements", []wantAmount{{v: 500000}}},
		{"apostrophe thousands", "soit – 1’697€ et +20'000 € au compte", []wantAmount{{v: 1697}, {v: 20000}}},
		// Line breaks.
		{"thousands group on the next line", "à compter de 2022 : 30\n000 euros en zone rurale", []wantAmount{{v: 30000}}},
		{"group alone is not a number", "000 euros", nil},
		{"line break before multiplier", "une première tranche de 10\nmillions d'euros pour", []wantAmount{{v: 10e6}}},
		{"line break before currency", "une aide de 78 500\neuros", []wantAmount{{v: 78500}}},
		{"hyphenated line break", "un prêt de 1,6 mil-\nliard d'euros", []wantAmount{{v: 1.6e9}}},
		// Not amounts.
		{"inhabitants", "1,2 million d'habitants", nil},
		{"percent", "à hauteur de 34%", nil},
		{"percent spaced", "soit 20 % de la population", nil},
		{"dwellings", "réhabiliter 20 000 logements sur 10 ans", nil},
		{"surface m²", "un local de 150 m²", nil},
		{"hectares", "une friche de 12 ha", nil},
		{"meters", "un linéaire de 300 m de voirie", nil},
		{"km", "plus de 100 km d'Est en Ouest", nil},
		{"phone", "03 20 14 19 58", nil},
		{"year then amount", "en 2015 500 000 euros ont été investis", []wantAmount{{v: 500000}}},
		{"numero", "le marché n°2019 000 €", nil},
		{"million people", "des millions de personnes", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			txt := newTestText(tc.in)
			got := find(txt)
			var gs, ws []string
			for _, a := range got {
				gs = append(gs, fmt.Sprintf("%g/%v/%s/%s", a.Value, a.Implicit, a.Qualifier, a.Approx))
				if txt.S[a.Start:a.End] != a.Text || a.Currency != "EUR" {
					t.Errorf("bad amount %+v", a)
				}
			}
			for _, w := range tc.want {
				ws = append(ws, fmt.Sprintf("%g/%v/%s/%s", w.v, w.implicit, w.qualifier, w.approx))
			}
			if strings.Join(gs, " ") != strings.Join(ws, " ") {
				t.Errorf("Amounts(%q) = %q, want %q", tc.in, gs, ws)
			}
		})
	}
}

func TestAmountValuesExact(t *testing.T) {
	// Decimal multiplications must not drift: 1,78 million is 1 780 000, not 1 779 999.9999.
	for in, want := range map[string]float64{
		"1,78 million d'euros": 1780000, "0,3 M€": 300000, "1,1 milliard d'euros": 1100000000,
		"4,35 M€": 4350000, "2,7 k€": 2700,
	} {
		a := find(newTestText(in))
		if len(a) != 1 || a[0].Value != want || a[0].Value != math.Trunc(a[0].Value) {
			t.Errorf("Amounts(%q) = %+v, want %v", in, a, want)
		}
	}
}

func FuzzAmounts(f *testing.F) {
	for _, s := range []string{"1,6 milliard d'euros", "35 M€", "78 500 euros", "78.500 €", "1 234 567,89 €",
		"12 k€", "3 Mds€", "2,5 MEUR", "500 000 € HT", "près d'1,78 million d'euros", "entre 2 et 3 M€",
		"dont 200 millions aux collectivités", "10\nmillions d'euros", "1.234.567.890.123.456.789,123 €",
		"quinze mille euros", "vingt-cinq millions de €", "€ 6 millions", "EUR 1000", "treize euros et quarante-cinq cents",
		"480 813.60€", "$ 75 millions", "un milliard deux cents millions d'euros et"} {
		f.Add(s)
	}
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			for _, para := range strings.Split(string(b), "\n\n") {
				f.Add(para)
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		txt := newTestText(s)
		for _, a := range find(txt) {
			if a.Start < 0 || a.End > len(txt.S) || a.Start > a.End || txt.S[a.Start:a.End] != a.Text {
				t.Fatalf("bad span %+v in %q", a, txt.S)
			}
			if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) || a.Value < 0 {
				t.Fatalf("bad value %+v", a)
			}
		}
	})
}

// TestAmountFilters checks that the fast-path filters of the amount scanner, derived
// from its tables, admit every word of them.
func TestAmountFilters(t *testing.T) {
	for w := range multipliers {
		if !multiplierFirst[w[0]] {
			t.Errorf("multiplier %q: its first byte is not in multiplierFirst", w)
		}
	}
	for _, f := range currencyForms {
		if !slices.ContainsFunc(currencyFirst[f[0][0]], func(g []string) bool { return slices.Equal(f, g) }) {
			t.Errorf("currency form %q: its first byte is not in currencyFirst", f)
		}
	}
	for w := range approxNouns {
		if !approxFirst[w[0]] {
			t.Errorf("approximate noun %q: its first byte is not in approxFirst", w)
		}
	}
	for w := range currencyBefore {
		if !currencyBeforeFirst[w[0]] {
			t.Errorf("currency %q: its first byte is not in currencyBeforeFirst", w)
		}
	}
}

func newTestText(s string) *text.Text { return text.New(text.Normalize(s)) }

// find is Find on t lexed.
func find(t *text.Text) []corpus.Amount {
	tk := text.Lex(t)
	return Find(&tk)
}

// TestFindBuf checks that a Buf lent from one text to the next changes no result,
// from a long text to a short one and back.
func TestFindBuf(t *testing.T) {
	texts := []string{
		"Une aide de 12 500 € et environ 3 millions d'euros HT.\n" + strings.Repeat("Soit 40 € par foyer. ", 60),
		"Budget : 1,2 M€.",
		"",
		"Entre 200 et 300 euros, plus de 7 000 €.",
	}
	var buf Buf
	for pass := 0; pass < 2; pass++ {
		for _, s := range texts {
			tk := text.Lex(text.New(text.Normalize(s)))
			want := Find(&tk)
			if got := FindBuf(&tk, &buf); !slices.Equal(got, want) {
				t.Errorf("FindBuf(%q) = %v, want %v", s, got, want)
			}
		}
	}
}
