package dates

import (
	"slices"
	"testing"
)

func TestMonthFirst(t *testing.T) {
	tests := []struct {
		name, in, published string
		want                []string
	}{
		// Month first, settled by a range or a year.
		{"range hyphen", "Salon du livre : mars 14-16", "2023-01-10", []string{"2023-03-14", "2023-03-16"}},
		{"range au", "Fermeture exceptionnelle juillet 3 au 9.", "2023-01-10", []string{"2023-07-03", "2023-07-09"}},
		{"range au month again", "Exposition ouverte déc. 4 au décembre 27", "2023-01-10", []string{"2023-12-04", "2023-12-27"}},
		{"range to another month", "Inscriptions avril 25 jusqu'au mai 6", "2023-01-10", []string{"2023-04-25", "2023-05-06"}},
		{"range et abbreviations", "Travaux depuis févr. 6 et févr 17", "2023-01-10", []string{"2023-02-06", "2023-02-17"}},
		{"range entre", "Consultation juin entre 12 et 23", "2023-01-10", []string{"2023-06-12", "2023-06-23"}},
		{"weekday year", "Réunion le mardi mai 16 2017 à la mairie", "", []string{"2017-05-16"}},
		{"year", "Arrêté signé octobre 3 2011.", "", []string{"2011-10-03"}},
		{"de year", "Elle est née avril 30 de 1962", "", []string{"1962-04-30"}},
		// Not a day: a count, a two-digit year, a second day not after the first.
		{"count after the number", "en mars 12 communes ont voté", "2023-01-10", []string{"2023-03"}},
		{"count after a range", "Accueil novembre 8-12 ans", "2023-01-10", []string{"2023-11"}},
		{"count after a range au", "en juin 6 au 10 personnes", "2023-01-10", []string{"2023-06"}},
		{"two-digit year", "en juillet 98, la commune", "", []string{"1998-07"}},
		{"month year", "en mars 2019 puis novembre 2019", "", []string{"2019-03", "2019-11"}},
		{"count after the year", "en mai 12 2000 habitants", "2023-01-10", []string{"2023-05"}},
		{"second day before the first", "en août 20 au 4", "2023-01-10", []string{"2023-08"}},
		{"range then a month", "en septembre 2 au 5 octobre", "2023-01-10", []string{"2023-09", "2023-10-02", "2023-10-05"}},
		{"time after", "entre septembre 4 jusqu'à septembre 8h", "2023-01-10", []string{"2023-09"}},

		// A month and its year joined by a mark.
		{"slash", "Plan d'action janvier/2021-juin/2022", "", []string{"2021-01", "2022-06"}},
		{"stray full stop", "Il sera livré en avril. 2026", "", []string{"2026-04"}},
		{"full stop ending a sentence", "Ouvert en avril. 2026 sera l'année du bilan.", "2024", []string{"2024-04", "2026"}},
		{"slash then more", "référence juin/2021/12", "", nil},

		// A range of days with its month after "de"; a weekday said "suivant".
		{"range de month", "du 4 au 7 de mai : fête locale", "2023-01-10", []string{"2023-05-04", "2023-05-07"}},
		{"range jusqu'à de month", "ouvert 2 jusqu'à 9 de oct. ensuite fermé", "2023-01-10", []string{"2023-10-02", "2023-10-09"}},
		{"single day de", "le 12 de chaque mois, et en juin", "2023-01-10", []string{"2023-06"}},
		{"weekday suivant", "du jeudi 08/06 au mardi suivant 13/06", "2023-01-10", []string{"2023-06-08", "2023-06-13"}},
		{"suivant alone", "suivant 13/06 du registre", "2023-01-10", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dateValues(newTestText(tt.in), tt.published)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%q: got %v, want %v", tt.in, got, want)
			}
		})
	}
}

// TestMonthFirstNotDay checks that a number after a month in a row of numbers (a
// table: month, count, years) is not read as its day.
func TestMonthFirstNotDay(t *testing.T) {
	for _, tt := range []struct{ in, notWant string }{
		{"Janvier 21 2018 2019 2020", "2018-01-21"},
		{"Mai 7 2016 14 12", "2016-05-07"},
		{"juin 3 2019 m2 de voirie", "2019-06-03"},
	} {
		if got := dateValues(newTestText(tt.in), ""); slices.Contains(got, tt.notWant) {
			t.Errorf("%q: got %v, with %s", tt.in, got, tt.notWant)
		}
	}
}
