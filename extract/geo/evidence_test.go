package geo

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"terril/extract"
)

// Evidence cases: words that hide a name, dedications and feasts, overseas
// collectivités, surnames in attendance lists, generic former names, "depuis", names
// hyphenated across a PDF line.
var evidence = []matchCase{
	{"mot accentué contenant un département", "Des planeurs et des appareils légers décollent de la piste.", "", "", ""},
	{"verbe contenant un département", "Il ne faut pas lécher les plaques de givre.", "", "", ""},
	{"nom de famille collé", "Le rapport de Mme Deslandes est adopté.", "", "", ""},
	{"département collé par le PDF", "Les collèges du département duNord sont rénovés.", "", "", "59"},
	{"région collée par le PDF", "La Région Hauts-deFrance finance le projet.", "", "", ""},
	{"église dédiée à un saint", "Le concert aura lieu dans l'église Saint-Barthélemy du village.", "", "", ""},
	{"chapelle", "La toiture de la chapelle Saint-Martin sera refaite.", "", "", ""},
	{"fête de saint", "Le défilé de la Saint-Martin partira de la mairie.", "", "", ""},
	{"collectivité d'outre-mer", "La collectivité de Saint-Martin reçoit une aide après le cyclone.", "", "", "978"},
	{"collectivité avec son code", "Une école rouvre à Saint-Barthélemy (977).", "", "", "977"},
	{"île d'outre-mer", "Les habitants de l'île de Saint-Barthélemy votent.", "", "", "977"},
	{"liste d'émargement NOM Prénom", "Étaient présents : DEVRED Paul, LEFEBVRE-ARRAS Sophie, SAINT-OMER Lucie, BOULET Marc.", "", "", ""},
	{"civilité et nom en capitales", "Pouvoir de Mme SAINT-AMAND à M. DUBOIS.", "", "", ""},
	{"commune en capitales en tête de ligne", "Fait à BÉTHUNE, le 3 mai 2024.", "62119", "", ""},
	{"la Ville avec majuscule", "Monsieur le Maire de la Ville de Hazebrouck a signé l'arrêté.", "59295", "", ""},
	{"la Ville seule", "Les services de la Ville sont fermés le lundi, a dit le maire de la Ville.", "", "", ""},
	{"le Port de", "Le Port de Calais accueille un nouveau quai.", "62193", "", ""},
	{"depuis une commune-mot", "Les cyclistes sont partis depuis Croix, avant de rejoindre Roubaix.", "59163 59512", "", ""},
	{"depuis un mois", "Depuis Mars 2020, les séances se tiennent en visioconférence.", "", "", ""},
	{"nom coupé en fin de ligne", "Les travaux de la digue de Gra-\nvelines commencent.", "59273", "", ""},
	{"nom coupé après d'autres traits d'union", "Les demi-journées et les Centres-villes : la digue de Gra-\nvelines est finie.", "59273", "", ""},
	{"nom coupé après un tiret en tête", "- Travaux à Gra-\nvelines, au Port-\nEst.", "59273", "", ""},
	{"homonyme dans une colonne de communes", "Communes concernées :\nAIMARGUES\nFOISSAC\nUZÈS\n", "30006 30111 30334", "", ""},
	{"code postal entre parenthèses", "Le maire de la commune de SAINT-ANTONIN (83510) demande une autorisation.", "83154", "", ""},
	{"prénom en fin de ligne", "Écrire au 61 boulevard Vincent\nAuriol, à Lille.", "59350", "", ""},
	{"composé ordinaire", "Les Centres-villes et les Cœurs-de-bourg sont aidés.", "", "", ""},
}

func TestEvidence(t *testing.T) {
	runMatchCases(t, evidence)
}

// TestNoDepartementInsideWord glues every article and connector, in lower case, to
// every département and région name, inside a sentence: none may match ("légers" is
// not "le Gers").
func TestNoDepartementInsideWord(t *testing.T) {
	g := mustDefault(t)
	var names []string
	for _, d := range g.deps {
		names = append(names, d.Name)
	}
	for _, r := range g.regions {
		names = append(names, r.Name)
	}
	for _, n := range names {
		low := strings.ToLower(n)
		for _, p := range gluePrefixes {
			s := "Nous avons vu des " + p + low + "s hier et des " + p + low + " aussi."
			if c, e, d := match(g, s); len(d) > 0 || len(e) > 0 || len(c) > 0 {
				t.Errorf("%q: communes %v, epcis %v, départements %v", s, c, e, d)
			}
		}
	}
}

// FuzzWordBoundaries checks that no commune or EPCI span starts or ends inside a word
// of the text.
func FuzzWordBoundaries(f *testing.F) {
	for _, tc := range evidence {
		f.Add(tc.text)
	}
	for _, tc := range ambiguity {
		f.Add(tc.text)
	}
	f.Add("Des avions légers et Lensois à Lens-Liévin, Téteghem-\nCoudekerque.")
	g := mustDefault(f)
	f.Fuzz(func(t *testing.T, s string) {
		tx := extract.NewText(extract.Normalize(s))
		cs, es, _ := g.MatchText(tx)
		var spans []struct{ s, e int }
		for _, c := range cs {
			for _, sp := range c.Spans {
				spans = append(spans, struct{ s, e int }{sp.Start, sp.End})
			}
		}
		for _, e := range es {
			for _, sp := range e.Spans {
				spans = append(spans, struct{ s, e int }{sp.Start, sp.End})
			}
		}
		for _, sp := range spans {
			if sp.s < 0 || sp.e > len(tx.S) || sp.s >= sp.e {
				t.Fatalf("bad span %v in %q", sp, tx.S)
			}
			before, _ := utf8.DecodeLastRuneInString(tx.S[:sp.s])
			after, _ := utf8.DecodeRuneInString(tx.S[sp.e:])
			if sp.s > 0 && wordRune(before) || sp.e < len(tx.S) && wordRune(after) {
				t.Fatalf("span %q cuts a word in %q", tx.S[sp.s:sp.e], tx.S)
			}
		}
	})
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
