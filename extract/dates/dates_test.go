package dates

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"terril/corpus"
	"terril/extract/lex"
	"terril/extract/text"
)

func newTestText(s string) *text.Text { return text.New(text.Normalize(s)) }

// find is Find on t lexed.
func find(t *text.Text, published string) []corpus.Date {
	tk := text.Lex(t)
	return Find(&tk, published)
}

// dateValues returns the distinct values of Dates, sorted.
func dateValues(t *text.Text, published string) []string {
	var vs []string
	for _, d := range find(t, published) {
		if !slices.Contains(vs, d.Value) {
			vs = append(vs, d.Value)
		}
	}
	slices.Sort(vs)
	return vs
}

func TestDates(t *testing.T) {
	tests := []struct {
		name, in, published string
		want                []string
	}{
		// Full dates.
		{"day month year", "Lille, le 5 février 2018", "", []string{"2018-02-05"}},
		{"1er", "au 1er janvier 2018, le dispositif", "", []string{"2018-01-01"}},
		{"1er superscript", "à compter du 1ᵉʳ juillet 2021.", "", []string{"2021-07-01"}},
		{"capitals", "LE 16 MAI 2025", "", []string{"2025-05-16"}},
		{"leading zero", "séance du 04 avril 2025", "", []string{"2025-04-04"}},
		{"abbreviated month", "le 12 sept. 2019 et le 3 janv. 2020", "", []string{"2019-09-12", "2020-01-03"}},
		{"numeric slash", "Article publié le 07/07/2023", "", []string{"2023-07-07"}},
		{"numeric month first when day first is impossible", "export du 05/27/2021 ; fichier du 12/31/2019", "", []string{"2019-12-31", "2021-05-27"}},
		{"numeric day first when both readings are possible", "séance du 04/06/2020", "", []string{"2020-06-04"}},
		{"numeric neither reading", "code 13/13/2020 et 02/30/2020", "", nil},
		{"year before 1800 after a month", "la nuit du 4 août 1789 et le 14 juillet 1790 ; en mars 1562", "", []string{"1562-03", "1789-08-04", "1790-07-14"}},
		{"number before 1800 after a month is a count", "en mars 1500 personnes, le 3 juin 1250 € et le 9 mai 1200 000 visites", "2021", []string{"2021-03", "2021-05-09", "2021-06-03"}},
		{"month slash year spaced", "bilan au 11 / 2016, relevé de 03/ 2019 et de 6 /2022", "", []string{"2016-11", "2019-03", "2022-06"}},
		{"month slash year spaced not a date", "arrêté n° 11 / 2016 ; 3 / 2016 habitants ; 4/11 / 2016", "", []string{"2016"}},
		{"day month range hyphen", "fermeture du 28/12-03/01/2017 ; semaine du 12/06-18/06, 2018", "", []string{"2016-12-28", "2017-01-03", "2018-06-12", "2018-06-18"}},
		{"day month range hyphen without year", "permanence du 02/05-06/05", "2024-01-05", []string{"2024-05-02", "2024-05-06"}},
		{"day month range hyphen not a date", "scores 12/20-15/20 et 1/3-2/3", "2024", nil},
		{"month of the year after", "Les travaux reprendront en juin de l'année prochaine.", "2016-11-07", []string{"2017-06"}},
		{"day of the year before", "Le marché a été signé le 3 mars de l'an dernier, puis en mai.", "2016-11-07", []string{"2015-03-03", "2015-05"}},
		{"relative year not after de", "En juin, l'année prochaine sera préparée.", "2016-11-07", []string{"2016-06"}},
		{"day month hyphen", "Rendez-vous le 09-03, puis mardi 14-05.", "2024-01-05", []string{"2024-03-09", "2024-05-14"}},
		{"day month hyphen not a date", "les 10-12 ans, le 3-5 et du 14-18", "2024", nil},
		{"numbers apart with a leading zero", "né le 07 11 1984 à Douai ; échéance 25 09 2023.", "", []string{"1984-11-07", "2023-09-25"}},
		{"numbers apart without a leading zero", "en 2023 : 12 14 2019 dossiers", "", []string{"2023"}},
		{"numbers apart in a row", "totaux 3 05 06 2019 et 12 05 2019 48", "", nil},
		{"numbers apart as a count", "soit 05 06 2019 habitants", "", nil},
		{"telephone", "Tél. : 03 20 05 06 19", "", nil},
		{"abbreviated juill.", "arrêté du 3 juill. 2018, modifié le 9 juill. 2019", "", []string{"2018-07-03", "2019-07-09"}},
		{"numeric dot", "signé le 7.3.2017 à Paris", "", []string{"2017-03-07"}},
		{"iso day", "modifié 2023-07-07", "", []string{"2023-07-07"}},
		{"iso datetime", "Publié le 2021-03-26T10:00:00+01:00", "", []string{"2021-03-26"}},
		{"iso month metadata", "date 2017-04 Le texte", "", []string{"2017-04"}},
		{"month slash year", "au titre de 03/2019", "", []string{"2019-03"}},
		{"day month numeric", "La réunion du 23/09 se tiendra en mairie.", "2021-06-14", []string{"2021-09-23"}},
		{"day month numeric list", "Permanences les 04/03, 18/03 et 01/04.", "2024-01-05", []string{"2024-03-04", "2024-03-18", "2024-04-01"}},
		{"day month numeric weekday parenthesis", "Rendez-vous ce vendredi (15/06) puis entre 01/10 et 07/11", "2024-01-05", []string{"2024-06-15", "2024-10-01", "2024-11-07"}},
		{"day month numeric de à", "fermé de 25/10 à 05/11", "2024-01-05", []string{"2024-10-25", "2024-11-05"}},
		{"day month numeric de score", "passer de 12/20 à 15/20", "2024-01-05", nil},
		{"day month numeric score", "Note obtenue : 15/20, puis 10/10.", "2024-01-05", nil},
		{"day month numeric reference", "Réf. 12/04 du dossier", "2024-01-05", nil},
		{"day month numeric act number", "sauf D 10/12 à D 14/12", "2024", nil},
		{"day month numeric range", "ouvert du 10/12 à 14/12", "2024-01-05", []string{"2024-12-10", "2024-12-14"}},
		{"day month numeric ages", "un accueil pour les 10/12 ans", "2024", nil},
		{"day month numeric fraction", "le 1/3 des crédits", "2021", nil},
		{"day month numeric street", "au 3/12 bis rue Pasteur", "2021", nil},
		{"two-digit year", "délibération adoptée le 18/03/15 à l'unanimité", "", []string{"2015-03-18"}},
		{"two-digit year dots", "reçu en préfecture le 04.11.98", "", []string{"1998-11-04"}},
		{"month slash year one digit", "au titre de 6/2022", "", []string{"2022-06"}},
		{"day range hyphen", "le festival a lieu les 21-23 août 2020", "", []string{"2020-08-21", "2020-08-23"}},
		{"day range jusqu'au", "exposition du 4 jusqu'au 19 octobre 2019", "", []string{"2019-10-04", "2019-10-19"}},
		{"day range 1er au", "du 1er au 12 avril 2019", "", []string{"2019-04-01", "2019-04-12"}},
		{"1 er spaced", "le procès-verbal du 1 er mars 2017", "", []string{"2017-03-01"}},
		{"month range no year", "les travaux dureront de juin à août.", "2022-01-10", []string{"2022-06", "2022-08"}},
		{"month range mars", "de mars à mai, la piscine ferme", "2022-01-10", []string{"2022-03", "2022-05"}},
		{"month after article", "s'ajoute le Juin", "2022", nil},
		{"month as a surname", "Présents : MARTIN Paul, JUILLET Anne, DURAND Eva", "2022", nil},
		{"written day spaced unit", "le vingt huit février à 18 heures", "2019-03-01", []string{"2019-02-28"}},
		{"written day sept month", "le vingt sept. 2019", "", []string{"2019-09-20"}},
		{"year after the day", "Le 3 avril, la commune a voté le budget 2023-2025.", "", []string{"2023", "2023-04-03", "2025"}},
		{"year after, other sentence", "Le 3 avril, la commune a voté. Le budget 2023 est en hausse.", "", []string{"2023"}},
		{"glued day month", "réunion le 14-mars puis le 02/oct.", "2023-01-04", []string{"2023-03-14", "2023-10-02"}},
		{"glued day month year", "version du 23/sep/2020", "", []string{"2020-09-23"}},
		{"month de year", "au cours du mois de juin de 1998, puis le 4 juillet de 1999", "", []string{"1998-06", "1999-07-04"}},
		{"month de range", "du 1er au 30 juin de 2000 à 2500 visiteurs", "2021", []string{"2021-06-01", "2021-06-30"}},
		{"year-like range of euros", "un loyer entre 1800 et 2000 euros", "2021", nil},
		{"written year", "le seize mars deux mille vingt-trois, à 18 h", "", []string{"2023-03-16"}},
		{"written year mil", "Le vingt-deux mai deux mil quatre", "", []string{"2004-05-22"}},
		{"written count", "le 3 juin deux mille visiteurs", "2021", []string{"2021-06-03"}},
		{"l'an written", "L'an deux mil trois, le neuf avril, le conseil", "", []string{"2003-04-09"}},
		{"demonstrative bare abbreviation", "cette Oct, rien", "2016-11-07", []string{"2016-10"}},
		{"bare abbreviation", "le dec n'est pas un mois", "2016-11-07", nil},
		{"demonstrative month", "cet avr. et ce nov., la salle ferme", "2016-11-07", []string{"2016-04", "2016-11"}},
		{"year month after a trigger", "ouvert depuis 2018-3, puis en 11-2019", "", []string{"2018-03", "2019-11"}},
		{"year month untriggered", "délibération 2018-3 du conseil", "", nil},
		{"year first slash", "export du 2021/06/30", "", []string{"2021-06-30"}},
		{"comma before the year", "Paris, le 14 mars, 2019.", "", []string{"2019-03-14"}},
		{"comma before a count", "Au 31 décembre, 2019 logements", "2020", []string{"2020-12-31"}},
		{"numeric range, year at its end", "la période du 01/10 au 02/11/2017", "2016-05-02", []string{"2017-10-01", "2017-11-02"}},
		{"numeric range across the year", "ouvert du 15/12 au 10/01/2020", "2016-05-02", []string{"2019-12-15", "2020-01-10"}},
		{"numeric day month, comma year", "du 01/05 au 07/05, 2020.", "2016-05-02", []string{"2020-05-01", "2020-05-07"}},
		{"du mois de", "les 19 et 20 du mois de novembre, puis le 6 du mois d'avril 2021", "2020-01-01", []string{"2020-11-19", "2020-11-20", "2021-04-06"}},
		{"de l'année", "en novembre de l'année 2016", "2020", []string{"2016-11"}},
		{"two-digit year after a month", "En juillet 98, puis le 1er avril 05.", "2021", []string{"1998-07", "2005-04-01"}},
		{"two-digit number after a month", "le 5 mai 20 personnes, le 6 mai 12h30", "2021", []string{"2021-05-05", "2021-05-06"}},
		{"invalid day", "le 31 février 2018", "", nil},
		{"invalid numeric", "le 31/02/2018", "", nil},
		// Lists and ranges.
		{"two days", "les 13 et 14 décembre 2016", "", []string{"2016-12-13", "2016-12-14"}},
		{"three days", "les 3, 4 et 5 juin 2020", "", []string{"2020-06-03", "2020-06-04", "2020-06-05"}},
		{"range endpoints", "du 13 au 15 mars 2019", "", []string{"2019-03-13", "2019-03-15"}},
		{"range across months", "du 28 février au 3 mars 2019", "", []string{"2019-02-28", "2019-03-03"}},
		{"range across years", "du 28 décembre au 3 janvier 2019", "", []string{"2018-12-28", "2019-01-03"}},
		{"range full both", "du 30 décembre 2018 au 2 janvier 2019", "", []string{"2018-12-30", "2019-01-02"}},
		{"days with weekdays", "le lundi 4 et le mardi 5 mars 2019", "", []string{"2019-03-04", "2019-03-05"}},
		{"months list", "en janvier et février 2018", "", []string{"2018-01", "2018-02"}},
		{"months range", "de novembre à janvier 2020", "", []string{"2019-11", "2020-01"}},
		{"month hyphen month", "mars-avril 2019", "", []string{"2019-03", "2019-04"}},
		{"year span", "le programme 2017-2027 de rénovation", "", []string{"2017", "2027"}},
		{"year span en dash", "la période 2014–2020", "", []string{"2014", "2020"}},
		{"year span spaced", "sur la période 2021 - 2027", "", []string{"2021", "2027"}},
		{"school year", "l'année scolaire 2017-18", "", []string{"2017", "2018"}},
		{"year slash year", "la saison 2019/2020", "", []string{"2019", "2020"}},
		{"years de a", "de 2015 à 2020", "", []string{"2015", "2020"}},
		{"CPER span", "le CPER 2015-2020", "", []string{"2015", "2020"}},
		// Years with their words.
		{"en", "Créée en 2018, la Banque", "", []string{"2018"}},
		{"depuis", "Depuis 2018, une équipe", "", []string{"2018"}},
		{"d'ici", "la neutralité carbone d'ici 2030", "", []string{"2030"}},
		{"pour", "la politique de la ville pour 2018", "", []string{"2018"}},
		{"l'année", "au titre de l'année 2023.", "", []string{"2023"}},
		{"fin", "votée fin 2022.", "", []string{"2022"}},
		{"debut", "début 2021, les travaux", "", []string{"2021"}},
		{"mi", "à la mi-2020", "", []string{"2020"}},
		{"fin month", "fin mars 2019", "", []string{"2019-03"}},
		{"quarter T1", "livraison au T1 2020", "", []string{"2020"}},
		{"quarter words", "au premier trimestre 2020", "", []string{"2020"}},
		{"semester", "au second semestre 2022", "", []string{"2022"}},
		{"season", "au printemps 2021", "", []string{"2021"}},
		{"season capital", "Été 2024 : les chantiers", "", []string{"2024"}},
		{"parenthesis", "la loi NOTRe (2015) a", "", []string{"2015"}},
		{"budget capital", "Budget 2021 : les priorités", "", []string{"2021"}},
		{"sentence start", "2019 a été une année record.", "", []string{"2019"}},
		// Years resolved from context.
		{"weekday no year", "Lundi 5 février à Oignies", "2018-02-05", []string{"2018-02-05"}},
		{"no year published", "Le 13 mars, la Région", "2017-04", []string{"2017-03-13"}},
		{"no year same sentence", "En 2016, après la signature du 12 mars, la CDC a développé une offre.", "2018-01-10", []string{"2016", "2016-03-12"}},
		{"no year other sentence", "En 2016, la CDC a développé une offre. Le 12 mars, elle l'a présentée.", "2018-01-10", []string{"2016", "2018-03-12"}},
		{"no year other paragraph", "En 2016, la CDC a développé une offre.\n\nLe 12 mars, elle l'a présentée.", "2018-01-10", []string{"2016", "2018-03-12"}},
		{"no year list under a year", "Calendrier 2019 : réunions les 4 et 18 mars", "2018-12-01", []string{"2019", "2019-03-04", "2019-03-18"}},
		{"no year nothing", "Le 12 mars, elle l'a présentée.", "", nil},
		{"no year text before", "En 2016, la CDC.\n\nLe 12 mars, elle l'a présentée.", "", []string{"2016", "2016-03-12"}},
		{"month no year triggered", "Les travaux débuteront en septembre.", "2021-05-03", []string{"2021-09"}},
		{"month no year untriggered", "Le mois de mars est pluvieux", "2021", []string{"2021-03"}},
		{"mars without trigger", "la planète Mars et ses lunes", "2021", nil},
		{"mi-month", "jusqu'à mi-juin", "2022-01-01", []string{"2022-06"}},
		{"bare month", "présentées au conseil communautaire de juin.", "2024-03-04", []string{"2024-06"}},
		{"bare abbreviation", "le nov est un mot", "2024", nil},
		{"written day", "L'an deux mille vingt-trois, le seize mars à dix-huit heures", "2023-03-16", []string{"2023-03-16"}},
		{"written compound day", "le vingt-huit septembre, le conseil", "2023", []string{"2023-09-28"}},
		{"written et un", "le trente et un mai 2021", "", []string{"2021-05-31"}},
		{"written premier", "le premier juin 2021", "", []string{"2021-06-01"}},
		{"written sept", "le sept mars 2021", "", []string{"2021-03-07"}},
		{"written needs le", "deux mars", "2021", nil},
		{"street date", "rue du 8 Mai 1945 à Lens", "", nil},
		{"place date", "place du 11 Novembre", "2020", nil},
		{"year at line end", "programmation culturelle 2024\nM. Dupont présente", "", []string{"2024"}},
		{"quoted name", "le contrat « Quartiers 2030 »", "", nil},
		{"year in a heading in capitals", "DÉLIBÉRATION N°2023-11-004 – COMPTE ADMINISTRATIF 2022\nLe conseil", "", []string{"2022"}},
		{"year after an acronym", "Le dossier est déposé au titre de la DSIL 2025.", "", []string{"2025"}},
		{"programme in capitals", "LE PLAN FRANCE 2030 EN RÉGION", "", nil},
		{"day glued to its month", "l’arrêté ministériel du\n30juin 2023, « le volume »", "", []string{"2023-06-30"}},
		{"number glued to a word", "les 12avrils en 2020", "", []string{"2020"}},
		// Months and years relative to the publication date.
		{"next month of the next year", "Les travaux débuteront en février prochain.", "2019-11-20", []string{"2020-02"}},
		{"next month of the same year", "La piscine rouvrira en décembre prochain.", "2019-11-20", []string{"2019-12"}},
		{"past month of the same year", "Le chantier a été lancé en mars dernier.", "2021-06-02", []string{"2021-03"}},
		{"past month of the year before", "La convention, signée en septembre dernier, prévoit", "2021-06-02", []string{"2020-09"}},
		{"past day", "Le conseil a voté le 14 octobre dernier.", "2022-02-11", []string{"2021-10-14"}},
		{"mars dernier untriggered", "Le bilan présenté mars dernier", "2022-05-11", []string{"2022-03"}},
		{"next without publication date", "à l'automne 2012, puis en avril prochain", "", []string{"2012", "2012-04"}},
		{"l'an prochain sets the year", "Les fouilles reprendront l'an prochain, en avril et en mai.", "2016-09-01", []string{"2017-04", "2017-05"}},
		{"l'année dernière sets the year", "L'année dernière, le 3 juin, la commune a inauguré sa halle.", "2016-09-01", []string{"2015-06-03"}},
		{"relative year ends with its sentence", "La salle a ouvert l'an passé. Le 3 juin, elle accueillera un salon.", "2016-09-01", []string{"2016-06-03"}},
		{"relative year alone is not a date", "Le chiffre d'affaires a doublé l'an dernier.", "2024-05-24", nil},
		// Not dates.
		{"duration ans", "pour une durée de 10 ans", "", nil},
		{"duration mois", "tester son concept, sur six mois, dans", "", nil},
		{"depuis duration", "investi depuis 5 ans", "", nil},
		{"identifier deliberation", "délibération n°20161396", "", nil},
		{"identifier year-like", "arrêté n°83-2025-07-07 portant", "", nil},
		{"identifier numero 2030", "dossier n° 2030", "", nil},
		{"France 2030", "le plan France 2030 finance", "", nil},
		{"Horizon Europe", "le programme Horizon 2020 de l'Union", "", nil},
		{"France 2030 sentence start", "France 2030 finance le projet.", "", nil},
		{"heading capital", "Calendrier 2019 :", "", []string{"2019"}},
		{"Rev3", "la transition énergétique (Rev3)", "", nil},
		{"PIA 3", "le PIA 3 et le PIA 4", "", nil},
		{"9/9 bis", "sur le site du 9/9 bis à Oignies", "", nil},
		{"time", "à 14h30 et à 9 h 15", "", nil},
		{"phone", "Contact : 03 20 14 19 58", "", nil},
		{"phone dots", "Tél. 03.20.14.19.58", "", nil},
		{"postal code", "59000 Lille", "", nil},
		{"count", "2000 habitants et 1999 logements", "", nil},
		{"amount", "2019 € de subvention", "", nil},
		{"percent", "un taux de 2015 %", "", nil},
		{"decimal", "2018,5 tonnes", "", nil},
		{"digit groups", "1 2018 habitants, 2015 000", "", nil},
		{"article code", "l'article 2019 du code", "", nil},
		{"road", "la RD 2016 et la route 1987", "", nil},
		{"day without month", "le 5 et le 12 à 18 heures", "2020", nil},
		{"9/9 with year", "le 9/9 bis en 2019", "", []string{"2019"}},
		{"iso-like identifier", "la délibération 2019-12 du conseil", "", nil},
		{"small numbers", "les 8 intercommunalités et 12 partenaires", "", nil},
		{"out of range", "en 1700 et en 2150", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := dateValues(newTestText(tc.in), tc.published)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Dates(%q, %q) = %q, want %q", tc.in, tc.published, got, tc.want)
			}
		})
	}
}

// TestDateSpans checks that every date's text is the text at its span and that the
// expression is kept whole.
func TestDateSpans(t *testing.T) {
	tests := []struct{ in, text string }{
		{"Réunion du 13 et 14 décembre 2016 à Lille", "13 et 14 décembre 2016"},
		{"Lundi 5 février à Oignies", "Lundi 5 février"},
		{"Cette stratégie, votée fin 2022.", "fin 2022"},
		{"« Depuis juin 2018 », dit-il", "Depuis juin 2018"},
		{"L’œuvre, créée en 2015 à Lens", "en 2015"},
		{"la neutralité d’ici 2050", "d'ici 2050"},
		{"au titre de l’année 2023", "l'année 2023"},
	}
	for _, tc := range tests {
		txt := newTestText(tc.in)
		ds := find(txt, "2018")
		if len(ds) == 0 {
			t.Errorf("Dates(%q): none", tc.in)
			continue
		}
		for _, d := range ds {
			if txt.S[d.Start:d.End] != d.Text {
				t.Errorf("Dates(%q): span %d:%d is %q, text %q", tc.in, d.Start, d.End, txt.S[d.Start:d.End], d.Text)
			}
		}
		if ds[0].Text != tc.text {
			t.Errorf("Dates(%q)[0].Text = %q, want %q", tc.in, ds[0].Text, tc.text)
		}
	}
}

// TestTokenFlags checks that the lexer's flags are set on every word of the tables
// the date scanner may start with (the flags, derived from the tables, let it skip
// the other tokens), and that each derived guard admits its table's words.
func TestTokenFlags(t *testing.T) {
	dateWords := lex.YearWords.Words()
	dateWords = append(dateWords, lex.Months.Words()...)
	dateWords = append(dateWords, lex.DayWords.Words()...)
	for _, w := range dateWords {
		tk := text.LexString("l'" + w + " 7")[2]
		if tk.Flags&text.FlagDate == 0 {
			t.Errorf("%q: flags %b, no FlagDate", w, tk.Flags)
		}
		if m, ok := lex.Months.Lookup(w); ok && (monthOf(w) != m || !monthPrefix(w)) {
			t.Errorf("monthOf(%q) = %d, monthPrefix %v: the guards hide it", w, monthOf(w), monthPrefix(w))
		}
		if g := text.LexString(w + "7"); g[0].Flags&text.FlagBeforeNum == 0 {
			t.Errorf("%q glued to a number: flags %b, no FlagBeforeNum", w, g[0].Flags)
		}
	}
	for _, w := range lex.DayWords.Words() {
		if dayWordValue(w) == 0 || !dateGuard.May(w) {
			t.Errorf("dayWordValue(%q) = 0: the guard hides it", w)
		}
	}
	if toks := text.LexString("millions 7"); toks[1].Flags != text.FlagNum {
		t.Errorf("flags of 7: %b", toks[1].Flags)
	}
}

// TestFindBuf checks that a Buf lent from one text to the next changes no result,
// from a long text to a short one and back.
func TestFindBuf(t *testing.T) {
	texts := []string{
		"Réunion du 3 février 2024 ; visite le 12 mars, puis du 1er au 4 avril 2025.\n" + strings.Repeat("Le 5 mai 2021. ", 80),
		"Signé à Vierzon le 2 juin 2019.",
		"",
		"En octobre prochain, puis le 14/07/2022.",
	}
	var buf Buf
	for pass := 0; pass < 2; pass++ {
		for _, s := range texts {
			tk := text.Lex(text.New(text.Normalize(s)))
			want := Find(&tk, "2023-05-04")
			if got := FindBuf(&tk, "2023-05-04", &buf); !slices.Equal(got, want) {
				t.Errorf("FindBuf(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// TestISOYears checks ISO's years taken from yearDigits against their digits, at
// the table's ends and beyond them.
func TestISOYears(t *testing.T) {
	for _, y := range []int{1, 999, 1000, 1001, 1899, 1999, 2000, 2024, 2999, 3000, 9999} {
		if got, want := (Value{Y: y}).ISO(), fmt.Sprintf("%04d", y); got != want {
			t.Errorf("Value{Y: %d}.ISO() = %q, want %q", y, got, want)
		}
	}
	if got := (Value{Y: 2019, M: 3}).ISO(); got != "2019-03" {
		t.Errorf("Value{2019, 3, 0}.ISO() = %q", got)
	}
}
