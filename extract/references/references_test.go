package references

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/dates"
	"terril/extract/text"
)

func TestReferences(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // kind:number:date, space-separated
	}{
		{"two coordinated", "défini par les délibérations n°20161396 du 13 octobre 2016 et n°20161857 du 13 et 14 décembre 2016.",
			"deliberation:20161396:2016-10-13 deliberation:20161857:2016-12"},
		{"arrêté préfectoral", "Vu l’arrêté préfectoral n° 2025/14/MCI du 2 juin 2025 portant délégation",
			"arrete:2025/14/MCI:2025-06-02"},
		{"arrêté with le", "l’arrêté préfectoral n°2013186-0006 le 05 juillet 2013 et prorogé",
			"arrete:2013186-0006:2013-07-05"},
		{"arrêté without n°", "ARRÊTÉ PRÉFECTORAL DDTM/SEBIO/2025-96 du 15 juillet 2025",
			"arrete:DDTM/SEBIO/2025-96:2025-07-15"},
		{"arrêté permanent no date", "conformément à l’arrêté préfectoral permanent n°2012244-0013.",
			"arrete:2012244-0013:"},
		{"capital N°", "ARRÊTÉ N° 30-2021-09-30-00002 portant", "arrete:30-2021-09-30-00002:"},
		{"date-like number", "ARRÊTÉ n°83-2025-07-07 du 7 juillet 2025", "arrete:83-2025-07-07:2025-07-07"},
		{"délibération du conseil", "Vu la délibération du conseil municipal n° 2024-37 en date du 12 mars 2024",
			"deliberation:2024-37:2024-03-12"},
		{"date before number", "la délibération du 12 mars 2019 n°2019-12 approuvant", "deliberation:2019-12:2019-03-12"},
		{"décision", "la décision n° D2021-05 du 3 février 2021", "decision:D2021-05:2021-02-03"},
		{"délib abbreviation", "cf. délib. n°2020/45", "deliberation:2020/45:"},
		{"numeric date", "l’arrêté n°2022/18/MCI du 10/06/2022", "arrete:2022/18/MCI:2022-06-10"},
		{"repeated number once", "l’arrêté n°2012244-0013 ; rappel de l’arrêté n°2012244-0013.", "arrete:2012244-0013:"},
		{"plural list", "les arrêtés n°12-345, n°12-346 et n°12-350", "arrete:12-345: arrete:12-346: arrete:12-350:"},
		{"spaced slashes", "Arrêté préfectoral n°2024/ 61 /SG du 4 mars 2024 ; vu l’arrêté n° 2024/61/ SG", "arrete:2024/61/SG:2024-03-04"},
		{"abbreviation after dash", "Décision du 3 mars 2011 relative aux horaires - N°DT 2B 2011-061-04...... 12", "decision:DT 2B 2011-061-04:2011-03-03"},
		{"en date without du", "ARRETE N° 2011-204-3 en date 23 juillet 2011 portant agrément", "arrete:2011-204-3:2011-07-23"},
		{"hyphenated qualifier", "Arrêté inter-départemental\nn°59-2023-11-02-00012 du 2 novembre 2023 portant", "arrete:59-2023-11-02-00012:2023-11-02"},
		{"elided qualifiers", "Vu la délibération du comité syndical de l'EPTB Seine-Grands-Lacs n° 2022/104 du 8 juin 2022 ;",
			"deliberation:2022/104:2022-06-08"},
		// Service codes before and after the number, kept as written.
		{"code after", "Arrêté n° 2014-322 SGAR du 3 juin 2014 portant", "arrete:2014-322 SGAR:2014-06-03"},
		{"code after a dash", "ARRETE N° 21-PRE-118– DDETS du 4 mars 2021", "arrete:21-PRE-118– DDETS:2021-03-04"},
		{"code with a slash", "Arrêté n 2012-440 DRCL/BCI du 9 avril 2012", "arrete:2012-440 DRCL/BCI:2012-04-09"},
		{"code before", "la décision DREAL 2020-57 du 2 juillet 2020", "decision:DREAL 2020-57:2020-07-02"},
		{"short code before", "la délibération CP 12-09 du 16 mars 2012 fixe", "deliberation:CP 12-09:2012-03-16"},
		{"title in capitals is no code", "ARRÊTÉ N° 2018-77 PORTANT NOMINATION DES MEMBRES", "arrete:2018-77:"},
		{"preposition is no code", "ARRÊTÉ N° 2018-78 DU 5 MAI 2018", "arrete:2018-78:2018-05-05"},
		// Numbers written before their act, as sommaires list them.
		{"prefecture identifiers", "Sommaire\n62-2022-06-01-00003 - Arrêté portant fermeture de la chasse (3 pages) Page 5\n" +
			"62-2022-06-02-00001 - Décision n° DDTM-2022-118 portant subdélégation (2 pages) Page 9",
			"arrete:62-2022-06-01-00003: decision:62-2022-06-02-00001: decision:DDTM-2022-118:"},
		{"identifier inline, act date", "(4 pages) Page 3 2B-2016-09-12-004 - Arrêté n°ARS/2016/88 du 12 septembre 2016 fixant",
			"arrete:2B-2016-09-12-004:2016-09-12 arrete:ARS/2016/88:2016-09-12"},
		{"regional identifier", "R84-2024-01-15-00007 - Arrêté portant composition du comité", "arrete:R84-2024-01-15-00007:"},
		{"identifier without département", "2023-10-05-00012 - Arrêté préfectoral portant agrément", "arrete:2023-10-05-00012:"},
		{"identifier without a separator", "69-2021-03-04-00002 Arrêté n°2021-PREF-44 portant", "arrete:69-2021-03-04-00002: arrete:2021-PREF-44:"},
		{"number first on a line", "Liste des actes\n2022/DDPP/031 – Arrêté portant fermeture administrative", "arrete:2022/DDPP/031:"},
		{"register abbreviation DE", "BUDGET\nDE N°3 Vote des taux d'imposition", "deliberation:3:"},
		{"register abbreviation DD and its date", "DD N° 31/19 : Le 4 avril 2019 : désignation du jury", "decision:31/19:2019-04-04"},
		{"D numbers", "Mme Roy (à partir de D45/21), M. Petit (sauf D50/21 à D52/21), M. Blanc (jusqu'à D 60/21)",
			"deliberation:D45/21: deliberation:D50/21: deliberation:D52/21: deliberation:D 60/21:"},
		{"rows of a register", "Séance du 9 mars 2020\nListe des délibérations\n2020-03-01 : VOTE DU BUDGET PRIMITIF\n2020-03-02 – Tarifs de la cantine",
			"deliberation:2020-03-01: deliberation:2020-03-02:"},
		{"numbered row with N°", "Ordre du jour : délibérations\nN° 2021-045 – Budget primitif", "deliberation:2021-045:"},
		// Not references.
		{"identifier of a récépissé", "62-2022-06-03-00002 - Récépissé de déclaration d'un organisme de services", ""},
		{"recueil number", "RECUEIL DES ACTES ADMINISTRATIFS\nN°62-2022-041\nPUBLIÉ LE 3 JUIN 2022", ""},
		{"recueil issue", "Recueil des délibérations\n\nN° 2022-06 – Juin 2022", ""},
		{"rows without délibérations", "Calendrier\n2020-03-01 : Ouverture des inscriptions", ""},
		{"row of a date", "Liste des délibérations\n12/03/2020 : Vote du budget", ""},
		{"agenda index", "Liste des délibérations\n3 - Vote du budget", ""},
		{"section number", "Délibérations\n2.1 : Finances", ""},
		{"de before n°", "la liste de n° 12-345 à n° 12-350", ""},
		{"road", "la route D 943 et la D87 vers Arras", ""},
		{"year range first", "Délibération cadre\n2021-2026 : Programme pluriannuel", ""},
		{"season first", "Délibérations\n2024/25 : Saison culturelle", ""},
		{"point of the agenda before an act word", "Ordre du jour\n2.3 – Arrêté des comptes de l'exercice\n4-1 - Délibération sur les tarifs", ""},
		{"ordinal after ARRÊTE", "sur proposition du directeur,\n\nARRÊTE\nArticle 1er : Objet", ""},
		{"ordinal without article", "ARRÊTE\n1er : le périmètre est fixé", ""},
		{"year glued to a word", "les dispositions de l’arrêté du\n14 mai 2019susvisé et de l’eau", ""},
		{"day glued to a month", "l’arrêté ministériel du\n12avril 2022, « le volume »", ""},
		{"decree", "Vu le décret n° 2004-374 du 29 avril 2004", ""},
		{"law", "la loi n° 2015-991 du 7 août 2015", ""},
		{"récépissé", "récépissé n° 2021-33 délivré le 3 mai 2021", ""},
		{"no number", "Vu l’arrêté préfectoral du 27 novembre 2024 portant", ""},
		{"no number délibération", "la délibération du conseil municipal approuvant le budget", ""},
		{"date only", "par arrêté du 07/07/2023", ""},
		{"verb arrêté", "Le projet a été arrêté en 2019 par le conseil", ""},
		{"deliberation placeholder", "Vu la délibération du XXXXXX autorisant", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			txt := newTestText(tc.in)
			var got []string
			for _, r := range find(txt) {
				got = append(got, fmt.Sprintf("%s:%s:%s", r.Kind, r.Number, r.Date))
				if r.Start < 0 || r.End > len(txt.S) || r.Start >= r.End {
					t.Errorf("bad span %+v", r)
				}
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("References(%q) = %q, want %q", tc.in, g, tc.want)
			}
		})
	}
}

// TestActWordMask checks that the fast-path filters of referencesOf admit every
// word of actWords: a word it leaves out would silently never be read.
func TestActWordMask(t *testing.T) {
	for w := range actWords {
		if !maybeActWord(w) {
			t.Errorf("actWordMask or actWordLast does not admit %q", w)
		}
		if actWords[w].kind == "" {
			t.Errorf("act word %q: no kind (lex/data/actwords.tsv: 1, 2, 3 or negated)", w)
		}
		if a := actWords[w]; len(w) == 2 && !a.abbrev {
			t.Errorf("two-letter act word %q must be an abbreviation (referencesOf reads them before n° only)", w)
		}
	}
}

// TestRefWordMask checks that the filters of referencesOf's loop admit every word
// that can start a reference: act words, "D" and "R", number marks.
func TestRefWordMask(t *testing.T) {
	words := append([]string{"d", "r"}, text.NumberMarkWords...)
	for w := range actWords {
		words = append(words, w)
	}
	for _, w := range words {
		if n := len(w); n > 15 || refWordMask[w[0]]>>n&1 == 0 || refWordLast[w[n-1]]>>n&1 == 0 {
			t.Errorf("refWordMask or refWordLast does not admit %q", w)
		}
		if toks := text.LexString(w); len(toks) != 1 || toks[0].Flags&text.FlagReference == 0 {
			t.Errorf("%q is not lexed as one token with text.FlagReference", w)
		}
	}
	// Each number mark, as written, starts with a word of text.NumberMarkWords.
	for _, in := range []string{"n° 12", "N° 12", "no 12", "nos 12", "nº 12", "num. 12", "numéro 12"} {
		x := refScanner{Scanner: dates.Scanner{Tokens: text.Lex(newTestText(in))}}
		if _, ok := x.NumberMark(0); !ok || !slices.Contains(text.NumberMarkWords, x.Str(0)) {
			t.Errorf("number mark %q: numberMark %v, first word %q in text.NumberMarkWords: %v", in, ok, x.Str(0), slices.Contains(text.NumberMarkWords, x.Str(0)))
		}
	}
}

// FuzzReferences checks that references never panic and give spans inside the text,
// on the layouts numbers are read in.
func FuzzReferences(f *testing.F) {
	for _, s := range []string{"34-2023-11-07-00012 - Arrêté", "2B-2019-03-11-004 - Décision ARS 2019-214 du 11 mars 2019",
		"R84-2024-01-15-00007 -", "D41/18 à D 44/18", "DE N°1", "DD N° 31/21 : Le 8 mars 2021 :", "Arrêté n 2012-418 SIDPC du",
		"ARRETE N° 21-DIR-112– DDCSPP", "2019-12-01 : TITRE\ndélibération", "N° 2021-045 – Budget", "N°SIT 2A 2011-145-07",
		"RECUEIL n° 17 du 03 mai 2019", "N° 48 du 14/10/2020", "PROCES-VERBAL Le mardi 6 avril 2021", "réunis le 1novembre 2019",
		"(PS)", "Revenir à la rubrique REGION", "D", "R", "N°", "2A-", "n° SIT", "ARS"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		txt := newTestText(s)
		for _, r := range find(txt) {
			if r.Start < 0 || r.End > len(txt.S) || r.Start >= r.End || r.Number == "" {
				t.Fatalf("bad reference %+v in %q", r, txt.S)
			}
		}
	})
}

func newTestText(s string) *text.Text { return text.New(text.Normalize(s)) }

// find is Find on t lexed.
func find(t *text.Text) []corpus.Reference {
	tk := text.Lex(t)
	return Find(&tk)
}

// TestNumbersFlagged checks what Find's skip loop relies on: the lexer flags every
// number with text.FlagNum, glued to letters, hyphens or signs as acts number them.
func TestNumbersFlagged(t *testing.T) {
	for _, s := range []string{"n°2019-114", "2A-2021-06-07-003", "délibération 45bis du 3/4/2022",
		"l'arrêté DCL/BRE/7 ; 1er alinéa", "N° 12.05", "arrêté n°٣٤ et 78", "D.4211-3 et R 123-7"} {
		for _, tk := range text.LexString(text.Fold(s)) {
			if tk.Kind == text.Num && tk.Flags&text.FlagNum == 0 {
				t.Errorf("%q: number token %+v without FlagNum", s, tk)
			}
		}
	}
}
