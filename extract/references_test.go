package extract

import (
	"fmt"
	"strings"
	"testing"
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
		// Not references.
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
			for _, r := range References(txt) {
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
