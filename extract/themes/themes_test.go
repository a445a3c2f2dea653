package themes

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"terril/extract/lex"
	"terril/extract/text"
	"testing"
	"unicode/utf8"
)

// guidelineThemes are the theme ids of ../shared/gold/GUIDELINES.md.
var guidelineThemes = []string{
	"developpement-economique", "emploi-formation", "centres-villes", "logement", "mobilites",
	"transition-ecologique", "numerique", "tourisme", "innovation", "ess", "amenagement-friches",
	"sante", "politique-de-la-ville", "ruralite", "fiscalite", "participation",
	"culture-patrimoine", "education-jeunesse",
}

func TestDefaultThemes(t *testing.T) {
	th, err := Parse(themesTSV)
	if err != nil {
		t.Fatalf("embedded themes.tsv: %v", err)
	}
	got := th.IDs()
	want := slices.Clone(guidelineThemes)
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("theme ids = %v\nwant the guidelines' %v", got, want)
	}
	if Default() != Default() {
		t.Error("Default parses the embedded file more than once")
	}
}

// classifyText normalises s and classifies it with the default lexicon.
func classifyText(s, title string) (*text.Text, []string, map[string]float64) {
	tx := text.New(text.Normalize(s))
	ids, ev := Default().Classify(tx, title)
	scores := map[string]float64{}
	for _, e := range ev {
		scores[e.Theme] = e.Score
	}
	return tx, ids, scores
}

// TestThemesPerTheme checks, for every theme, a text that deals with it and a near
// miss: a text where one of its words only passes by (in a name, an example, a
// homograph, after "notamment"…).
func TestThemesPerTheme(t *testing.T) {
	tests := []struct {
		theme    string
		positive string
		negative string
	}{
		{"developpement-economique",
			"La Région accompagne les entreprises du territoire : un fonds de 5 millions d'euros soutiendra la création d'entreprises et la croissance des PME industrielles.",
			"La maison des associations a ouvert ses portes samedi. Le maire a remercié les bénévoles et les entreprises partenaires de la fête."},
		{"emploi-formation",
			"Priorité 1 : favoriser l'accès à l'emploi des demandeurs d'emploi et développer l'apprentissage dans les métiers du bâtiment.",
			"Le dispositif « Soutien à l'emploi et à l'innovation » finance cette année la rénovation du parvis de la mairie."},
		{"centres-villes",
			"Redynamisation commerciale\n\nLa commune lance une opération de revitalisation de son centre-ville : aides aux commerces de proximité et lutte contre la vacance commerciale.",
			"La réunion s'est tenue à la salle des fêtes. Les habitants ont pu la rejoindre en navette depuis le centre-ville."},
		{"logement",
			"Le bailleur social engage la réhabilitation de 120 logements sociaux pour un montant de 4 millions d'euros.",
			"La commune vend l'ancien logement de fonction de l'instituteur pour financer la réfection du clocher."},
		{"mobilites",
			"Le syndicat mixte met en service une ligne de bus à haut niveau de service (BHNS) de 12 km, financée à hauteur de 35 M€.",
			"Priorité 2 : réduire la consommation d'énergie (isolation des bâtiments, mobilité durable, circuits courts…)."},
		{"transition-ecologique",
			"La communauté d'agglomération adopte son plan climat : développement des énergies renouvelables, rénovation énergétique des bâtiments publics et économie circulaire.",
			"Le climat de la réunion était serein. Le tri du courrier reste assuré par le secrétariat."},
		{"numerique",
			"Le déploiement de la fibre optique et du très haut débit (THD) dans les 48 communes sera achevé en 2022 pour un coût de 60 millions d'euros.",
			"Le formulaire numérique d'inscription est disponible sur le site de la mairie."},
		{"tourisme",
			"Axe 3 : développer le tourisme de mémoire et l'hébergement touristique autour des sites de la Grande Guerre.",
			"Sept axes :\n\n- Encourager le changement du regard porté sur le territoire par les habitants qui y vivent, ceux qui y travaillent ou encore les touristes qui le visitent."},
		{"innovation",
			"Le programme d'investissements d'avenir (PIA) soutient trois projets de recherche et d'innovation portés par l'université.",
			"L'innovation sociale est au cœur du projet de l'association, financé par le dispositif « Soutien régional à l'emploi et à l'innovation »."},
		{"ess",
			"La Région soutient l'économie sociale et solidaire (ESS) : vingt structures d'insertion et coopératives ont été accompagnées.",
			"Les élus se sont montrés solidaires des familles sinistrées et une collecte a été organisée."},
		{"amenagement-friches",
			"La reconversion de la friche industrielle de 12 hectares permettra la requalification des espaces publics du quartier.",
			"Le service aménagement de la mairie sera fermé pendant les vacances de printemps."},
		{"sante",
			"Un contrat local de santé a été signé pour améliorer l'accès aux soins : une maison de santé ouvrira en 2025.",
			"La crise sanitaire avait retardé la réunion du conseil, qui s'est finalement tenue dans la salle des fêtes."},
		{"politique-de-la-ville",
			"Le contrat de ville 2024-2030 fixe les priorités pour les quartiers prioritaires de la politique de la ville (QPV).",
			"Le conseil de quartier a choisi le thème de la fête des voisins de juin."},
		{"ruralite",
			"L'aménagement des territoires ruraux est une priorité : la Région lance un appel à projets pour les communes rurales de moins de 2 000 habitants.",
			"Le village de Noël s'installe sur la place du marché du 1er au 24 décembre."},
		{"fiscalite",
			"Le conseil vote les taux d'imposition : la taxe foncière reste stable et le budget primitif 2024 est adopté.",
			"Un taxi collectif desservira la salle polyvalente le samedi matin."},
		{"participation",
			"Une concertation publique est ouverte jusqu'au 30 juin : les conseils citoyens et les habitants sont invités aux réunions publiques.",
			"Le concert de l'harmonie municipale aura lieu dimanche à 16 heures. Participation libre."},
		{"culture-patrimoine",
			"La médiathèque et le musée municipal accueillent le festival des arts de la rue, avec une aide de 50 000 euros de l'État pour la culture.",
			"Les cultures de blé ont souffert de la sécheresse cet été."},
		{"education-jeunesse",
			"Le groupe scolaire Jules-Ferry sera agrandi : quatre nouvelles classes accueilleront les élèves de l'école maternelle à la rentrée.",
			"Un enjeu, sept axes :\n\n- Intensifier les efforts en direction des demandeurs d'emploi et notamment les jeunes"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.theme] = true
		t.Run(tt.theme, func(t *testing.T) {
			_, ids, scores := classifyText(tt.positive, "")
			if !slices.Contains(ids, tt.theme) {
				t.Errorf("positive: themes %v (scores %v), want %s", ids, scores, tt.theme)
			}
			_, ids, scores = classifyText(tt.negative, "")
			if slices.Contains(ids, tt.theme) {
				t.Errorf("near miss: themes %v (scores %v), do not want %s", ids, scores, tt.theme)
			}
		})
	}
	for _, id := range guidelineThemes {
		if !seen[id] {
			t.Errorf("no test for theme %s", id)
		}
	}
}

// TestThemesContext checks the context rules on one word: a word that does not make
// a theme in a plain sentence does in a title, a heading, a list of axes or a funded
// project, and loses weight in examples and boilerplate.
func TestThemesContext(t *testing.T) {
	const theme = "tourisme"
	tests := []struct {
		name, text, title string
		want              bool
	}{
		{"plain sentence", "Le maire a évoqué le tourisme lors de la cérémonie des vœux.", "", false},
		{"title", "Le tourisme\n\nLe maire a présenté les chiffres de la saison.", "Le tourisme", true},
		{"title not in text", "Le maire a présenté les chiffres de la saison.", "Le tourisme", true},
		{"heading", "Bilan\n\nLe tourisme\n\nLe maire a présenté les chiffres de la saison.", "", true},
		{"list item", "La convention porte sur :\n\n- le tourisme ;\n- la culture.", "", true},
		{"numbered priority", "Priorité 2 : le tourisme et les loisirs de pleine nature.", "", true},
		{"axes enumeration", "La convention s'articule autour de plusieurs axes : l'innovation, le tourisme, l'emploi.", "", true},
		{"funded", "La Région consacre 2 millions d'euros au tourisme cette année.", "", true},
		{"repeated", "Le tourisme progresse. Le tourisme attire de nouveaux visiteurs et le tourisme crée des emplois.", "", true},
		{"far in a list item", "Objectifs :\n\n- Encourager les habitants, les associations, les commerçants, les artisans, les agriculteurs, les écoles et enfin le tourisme.", "", false},
		{"example parenthesis", "Priorité 1 : soutenir les services de proximité (culture, tourisme, sport…).", "", false},
		{"after notamment", "- Soutenir les commerces de proximité, en faveur notamment du tourisme", "", false},
		{"tout comme joins, it gives no example", "La Région finance la formation, tout comme le tourisme, avec 40 000 euros.", "", true},
		{"comme gives an example", "La Région finance des filières comme le tourisme.", "", false},
		{"boilerplate", "La commune recrute.\n\nÀ propos de la Région\n\nLa Région agit pour le tourisme, la culture et le sport en Hauts-de-France.", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ids, scores := classifyText(tt.text, tt.title)
			if got := slices.Contains(ids, theme); got != tt.want {
				t.Errorf("%s in %v = %v (scores %v), want %v", theme, ids, got, scores, tt.want)
			}
		})
	}
}

func TestThemeEvidence(t *testing.T) {
	s := text.Normalize("Le programme « Action Cœur de Ville » et la réhabilitation de 120 LOGEMENTS sociaux par le bailleur social, pour 4 M€.\nLa Troisième Révolution Industrielle (TRI) – Rev3 avance.")
	tx := text.New(s)
	ids, ev := Default().Classify(tx, "")
	want := map[string][]string{
		"centres-villes":        {"Action Cœur de Ville"},
		"logement":              {"réhabilitation", "LOGEMENTS sociaux", "bailleur social"},
		"transition-ecologique": {"Troisième Révolution Industrielle", "TRI", "Rev3"},
	}
	if len(ids) != len(ev) {
		t.Fatalf("%d themes, %d evidence records", len(ids), len(ev))
	}
	for k, e := range ev {
		if e.Theme != ids[k] {
			t.Errorf("evidence %d is for %s, theme is %s", k, e.Theme, ids[k])
		}
		if k > 0 && e.Score > ev[k-1].Score {
			t.Errorf("themes not sorted by score: %v", ev)
		}
		var found []string
		for _, tm := range e.Terms {
			if tm.Start < 0 || tm.End > len(s) || tm.Start >= tm.End {
				t.Fatalf("%s: term %q has span [%d,%d) outside the text", e.Theme, tm.Term, tm.Start, tm.End)
			}
			found = append(found, s[tm.Start:tm.End])
		}
		if w, ok := want[e.Theme]; ok && !slices.Equal(found, w) {
			t.Errorf("%s: evidence spans %q, want %q", e.Theme, found, w)
		}
		delete(want, e.Theme)
	}
	for theme := range want {
		t.Errorf("theme %s not found in %v", theme, ids)
	}
}

func TestThemeEvidenceTitleOnly(t *testing.T) {
	_, ev := Default().Classify(text.New("Le maire a présenté les chiffres."), "Bilan du tourisme")
	if len(ev) != 1 || ev[0].Theme != "tourisme" || len(ev[0].Terms) != 1 {
		t.Fatalf("evidence = %+v, want tourisme from the title", ev)
	}
	if tm := ev[0].Terms[0]; tm.Start != -1 || tm.End != -1 || tm.Term != "tourisme" {
		t.Errorf("title term = %+v, want tourisme at -1", tm)
	}
}

func TestThemesCaseAndExact(t *testing.T) {
	tests := []struct {
		text  string
		theme string
		want  bool
	}{
		{"Priorité 2 : mettre en œuvre la TRI.", "transition-ecologique", true},
		{"Priorité 2 : organiser le tri du courrier.", "transition-ecologique", false},
		{"Priorité 2 : les ESS du territoire.", "ess", true},
		{"Priorité 2 : le concert de printemps.", "participation", false},
		{"Priorité 2 : la concertation des habitants.", "participation", true},
		{"Priorité 2 : les rénovations de logements.", "logement", true},
		{"Priorité 2 : rénover les logements.", "logement", true},
	}
	for _, tt := range tests {
		_, ids, scores := classifyText(tt.text, "")
		if got := slices.Contains(ids, tt.theme); got != tt.want {
			t.Errorf("%q: %s = %v (scores %v), want %v", tt.text, tt.theme, got, scores, tt.want)
		}
	}
}

func TestParseThemesErrors(t *testing.T) {
	tests := []struct {
		in   string
		want []string // substrings of the error
	}{
		{"logement 2\n", []string{"line 1", "THEME WEIGHT TERM"}},
		{"# c\n\nLogement 2 habitat\n", []string{"line 3", "bad theme id"}},
		{"logement deux habitat\n", []string{"line 1", "bad weight"}},
		{"logement -1 habitat\n", []string{"line 1", "bad weight"}},
		{"logement 2 de la\n", []string{"line 1", "no word"}},
		{"logement 2 habitat [bogus]\n", []string{"line 1", `unknown flag "bogus"`}},
		{"logement 2 ha[bit]at\n", []string{"line 1", "flags"}},
		{"@threshold abc\nlogement 2 habitat\n", []string{"line 1", "@threshold"}},
		{"logement 2 habitat\n@unknown 3\n", []string{"line 2", "unknown setting"}},
		{"@repeat 0.5\n@repeat 0.6\nlogement 2 habitat\n", []string{"line 2", "already given on line 1"}},
		{"logement 2 habitat\nlogement 2 \xff\n", []string{"line 2", "UTF-8"}},
		{"# only a comment\n", []string{"no theme term"}},
		{"logement 2\nsante x soins\n", []string{"line 1", "line 2"}},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.in))
		if err == nil {
			t.Errorf("Parse(%q): no error", tt.in)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Parse(%q) = %v, want it to mention %q", tt.in, err, w)
			}
		}
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%q) error %T is not a *SyntaxError", tt.in, err)
		}
	}
}

func TestParseThemesUserFile(t *testing.T) {
	th, err := Parse([]byte("# a researcher's own lexicon\r\n@threshold 2\r\neau\t2\tassainissement\r\neau 2 eau potable [exact]\r\neau 2 SDAGE [case]\r\n-  0 eau de vie\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := th.IDs(); !slices.Equal(got, []string{"eau"}) {
		t.Errorf("IDs = %v", got)
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Les travaux d'assainissement débutent.", true},
		{"Le réseau d'eau potable sera renouvelé.", true},
		{"La distillerie produit de l'eau de vie.", false},
		{"Le SDAGE est révisé.", true},
		{"Le sdage est révisé.", false},
	} {
		ids, _ := th.Classify(text.New(text.Normalize(tt.text)), "")
		if got := slices.Contains(ids, "eau"); got != tt.want {
			t.Errorf("%q: eau = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestThemesPrefixFilter checks the shortcut that skips stemming: every French word
// whose stem is in the lexicon must get through it.
func TestThemesPrefixFilter(t *testing.T) {
	th := Default()
	stems := map[string]bool{}
	for _, e := range th.entries {
		if e.mode == modeStem {
			for _, w := range e.words {
				stems[w] = true
			}
		}
	}
	ws := lex.French()
	n := 0
	for i := range ws.Len() {
		w := singular(ws.Word(i))
		if strings.ContainsAny(w, "-' ") {
			continue
		}
		if stems[stemWord(w)] {
			n++
			if !th.mayStemTo(w) {
				t.Errorf("%q stems to %q, in the lexicon, but the prefix filter drops it", w, stemWord(w))
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d words of the word list stem to lexicon stems", n)
	}
}

// TestOtherWordClass checks classOf's shortcut, which leaves unweighed the words
// it calls otherWord: no word of a lexicon term, cut as the scanner cuts it, may be
// one.
func TestOtherWordClass(t *testing.T) {
	th := Default()
	n := 0
	for _, e := range th.entries {
		forWords(text.Fold(e.term), func(i, j int) {
			w := text.Fold(e.term)[i:j]
			if isStopWord(w) {
				return
			}
			n++
			list, ok := th.wordIdx[w]
			if !ok {
				list = -1
			}
			if th.classOf(w, th.stemIDOf(singular(w)), list) == otherWord {
				t.Errorf("%q, a word of the term %q, is classed otherWord", w, e.term)
			}
		})
	}
	if n < 500 {
		t.Errorf("only %d words in the lexicon's terms", n)
	}
	for _, w := range []string{"bonjour", "hier", "lui"} {
		if c := th.classOf(w, th.stemIDOf(singular(w)), -1); c != otherWord {
			t.Errorf("classOf(%q) = %d, want otherWord", w, c)
		}
	}
}

// TestSingles checks the split of byStem's lists that match uses when the next
// token has no stem: entries of two words or more before singles, one-word ones
// from it.
func TestSingles(t *testing.T) {
	th := Default()
	n := 0
	for id, list := range th.byStem {
		for k, ei := range list {
			if one := len(th.entries[ei].words) == 1; one != (k >= int(th.singles[id])) {
				t.Errorf("stem %d: entry %q at %d, singles from %d", id, th.entries[ei].term, k, th.singles[id])
			}
			n++
		}
	}
	if n < 500 {
		t.Errorf("only %d entries in byStem", n)
	}
}

func TestThemesConcurrent(t *testing.T) {
	texts := []string{
		"Le contrat de ville fixe les priorités des quartiers prioritaires.",
		"La Région soutient l'économie sociale et solidaire et le tourisme : 3 M€.",
	}
	want := make([][]string, len(texts))
	for i, s := range texts {
		_, want[i], _ = classifyText(s, "")
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 50 {
				i := (g + k) % len(texts)
				if _, got, _ := classifyText(texts[i], ""); !slices.Equal(got, want[i]) {
					t.Errorf("concurrent Classify(%q) = %v, want %v", texts[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// FuzzParseThemes starts from a few lines in the syntax of themes.tsv, not the whole
// lexicon (28 KB): the fuzzer minimises every new input it finds, which for the
// whole lexicon took minutes.
func FuzzParseThemes(f *testing.F) {
	f.Add("# commentaire\n@threshold\t3\n@repeat\t0.5\n-\t0\tfeuille de route\n" +
		"logement\t3\trénovation des logements\nenvironnement\t2\tTRI [case]\neducation\t2\télèves [exact]\n")
	f.Add("logement 2 habitat [case, exact]\n@threshold 1\n- 0 feuille de route\n")
	f.Add("a 1 R&D\n")
	f.Fuzz(func(t *testing.T, data string) {
		th, err := Parse([]byte(data))
		if err != nil {
			return
		}
		tx := text.New(text.Normalize("Priorité 1 : le logement social (habitat, R&D…) « Action » pour 3 M€.\n\nÀ propos de nous"))
		ids, ev := th.Classify(tx, "Titre")
		if len(ids) != len(ev) {
			t.Fatalf("%d ids, %d evidence", len(ids), len(ev))
		}
	})
}

func FuzzClassify(f *testing.F) {
	f.Add("Priorité 1 : le logement social (habitat, R&D…) « Action Cœur de Ville » pour 3 M€.", "Titre")
	f.Add("- le tourisme ;\n\n**L'innovation sociale**\n\nÀ propos de\n\"Soutien\" (", "")
	f.Add("(((« « « \" \" … ... œ Œ ﬁ", "œ")
	f.Add("1>la santé, la formation et, ou encore ; le numérique : adjointe chargée de, de l'emploi, M. X (a, b) – et", "")
	f.Fuzz(func(t *testing.T, in, title string) {
		if !utf8.ValidString(in) || !utf8.ValidString(title) {
			return
		}
		s := text.Normalize(in)
		tx := text.New(s)
		ids, ev := Default().Classify(tx, title)
		if len(ids) != len(ev) {
			t.Fatalf("%d ids, %d evidence", len(ids), len(ev))
		}
		for _, e := range ev {
			if len(e.Terms) == 0 {
				t.Fatalf("theme %s without evidence", e.Theme)
			}
			for _, tm := range e.Terms {
				if tm.Start == -1 && tm.End == -1 {
					continue
				}
				if tm.Start < 0 || tm.End > len(s) || tm.Start >= tm.End {
					t.Fatalf("term %+v outside the text (%d bytes)", tm, len(s))
				}
			}
		}
	})
}

// benchText is the seeds, or a built text when ../shared is absent.
func benchText(b *testing.B) string {
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	var sb strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			sb.Write(data)
			sb.WriteString("\n\n")
		}
	}
	if sb.Len() == 0 {
		for i := range 50 {
			fmt.Fprintf(&sb, "Priorité %d : la rénovation des logements sociaux et le tourisme (culture, sport…) pour %d M€.\n\n", i, i)
		}
	}
	return text.Normalize(sb.String())
}

func BenchmarkClassify(b *testing.B) {
	s := benchText(b)
	th := Default()
	tx := text.New(s)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		th.Classify(tx, "")
	}
}

// BenchmarkClassifyTokens is BenchmarkClassify on tokens lexed beforehand, as
// Extract passes them, with a Scratch.
func BenchmarkClassifyTokens(b *testing.B) {
	s := benchText(b)
	th := Default()
	tk := text.Lex(text.New(s))
	var buf Scratch
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		th.ClassifyTokens(&tk, "", &buf)
	}
}

func BenchmarkClassifyLong(b *testing.B) {
	s := strings.Repeat(benchText(b), 20)
	th := Default()
	tx := text.New(s)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		th.Classify(tx, "")
	}
}

func ExampleThemes_Classify() {
	s := text.Normalize("Priorité 1 : la rénovation des logements sociaux (4 M€).\n\nLe maire a aussi évoqué le tourisme.")
	ids, ev := Default().Classify(text.New(s), "")
	fmt.Println(ids)
	for _, tm := range ev[0].Terms {
		fmt.Printf("%s: %q at %d\n", tm.Term, s[tm.Start:tm.End], tm.Start)
	}
	// Output:
	// [logement]
	// rénovation des logements: "rénovation des logements" at 17
}

func ExampleParse() {
	th, err := Parse([]byte(`# water policy
@threshold 2
eau  2  assainissement
eau  2  eau potable
eau  2  SDAGE  [case]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	ids, _ := th.Classify(text.New("Le SDAGE fixe les objectifs."), "")
	fmt.Println(ids)
	_, err = Parse([]byte("eau deux assainissement\n"))
	fmt.Println(err)
	// Output:
	// [eau]
	// line 1: bad weight "deux" (a number from 0 to 100)
}

// TestWordCutting checks the classifier's words, cut from the shared tokens, against
// the word cutting it had before (forEachWord), and the memo's key and the stop test
// of scanLine against the plain packing and isStopWord.
func TestWordCutting(t *testing.T) {
	words := []string{"le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "et", "a", "au", "aux", "en",
		"lez", "e", "ax", "logement", "logements", "developpement", "r&d", "anticonstitutionnellement",
		"x1", "2024", "cafe\u0301", "abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuvw", "abcdefgh",
		"covid19", "19e", "a\u0663b", "\u0663\u0664", "R&D", "r&&d", "r&", "&d", "αβγ", "l'été", "mi-mars",
		"1.2", "ex-\u00e9cole"}
	for _, w := range words {
		for _, after := range []string{" et la suite", ".", "\n", "", "-x", "& co", "–", "œ", "&x", "\u00a0y", "\ty"} {
			s := w + after
			var got, want [][2]int
			forWords(s, func(i, j int) { got = append(got, [2]int{i, j}) })
			forEachWord(s, func(i, j int) { want = append(want, [2]int{i, j}) })
			if !slices.Equal(got, want) {
				t.Errorf("%q: words %v, want %v", s, got, want)
			}
			for _, sp := range got {
				i, j := sp[0], sp[1]
				if j-i > memoKey {
					continue
				}
				var k [3]uint64
				for b := i; b < j; b++ {
					k[(b-i)>>3] |= uint64(s[b]) << (8 * ((b - i) & 7))
				}
				if k0, k1, k2 := wordKey(s, i, j); k != [3]uint64{k0, k1, k2} {
					t.Errorf("%q: key %x %x %x, want %x", s[i:j], k0, k1, k2, k)
				}
				if stop := stops.has(j-i, k[0], s[i:j]); stop != isStopWord(s[i:j]) {
					t.Errorf("%q: isStopKey %v", s[i:j], stop)
				}
			}
		}
	}
}

// FuzzWordCutting checks forWords against forEachWord on any text.
func FuzzWordCutting(f *testing.F) {
	f.Add("r&d & co – été 2024 … covid19, l'an 2e")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var got, want [][2]int
		forWords(s, func(i, j int) { got = append(got, [2]int{i, j}) })
		forEachWord(s, func(i, j int) { want = append(want, [2]int{i, j}) })
		if !slices.Equal(got, want) {
			t.Fatalf("%q: words %v, want %v", s, got, want)
		}
	})
}

// TestVocabFilters checks that the fast paths derived from the lex lists admit
// every word of their lists: the stop table, the context classes' guard and the
// first bytes of the line tests.
func TestVocabFilters(t *testing.T) {
	for _, w := range lex.StopWords.Words() {
		k0, _, _ := wordKey(w, 0, len(w))
		if !stops.has(len(w), k0, w) {
			t.Errorf("stop word %q not in the stop table", w)
		}
	}
	if tb := newStopTable([]string{"le", "la", "alongstopword", "x"}); !tb.has(13, 0, "alongstopword") || tb.has(2, 'l'|'u'<<8, "lu") {
		t.Error("newStopTable with a long word")
	}
	for _, l := range contextLists {
		for _, w := range l.set.Words() {
			if c := contextClass(w); c == plainWord {
				t.Errorf("%q has no context class", w)
			}
		}
	}
	for _, w := range actHeads {
		if !slices.Contains(actHeadBytes, w[0]) || !actHeads4.may(w) || !actHead("x "+w) {
			t.Errorf("act head %q not admitted", w)
		}
	}
	for _, w := range budgetNouns {
		if !budgetNouns4.may(w) || !hasCreditsOrDepense("les "+w) {
			t.Errorf("budget noun %q not admitted", w)
		}
	}
	if h := newHeads4([]string{"aide", "de"}); !h.may("dessin") || !h.may("xyz") {
		t.Error("heads4 with a word of two bytes")
	}
	if h := newHeads4([]string{"aide", "pret"}); h.may("aidx") || !h.may("preter") || !h.may("ai") {
		t.Error("heads4")
	}
	for _, w := range lex.OperativeWords.Words() {
		if !isOperativeLine(w) {
			t.Errorf("operative word %q not admitted", w)
		}
	}
	for _, w := range lex.BoilerplateHeads.Words() {
		if !isBoilerplateHeading(w) {
			t.Errorf("boilerplate head %q not admitted", w)
		}
	}
	if contextClass("ex") != exampleWord || contextClass("savoir") != savoirWord || contextClass("logement") != plainWord {
		t.Error("contextClass: ex, savoir, logement")
	}
}

// TestClassifyTitled checks that the title given lexed gives what the title alone
// gives: in the text, not in it, with spaces around it.
func TestClassifyTitled(t *testing.T) {
	body := "Aide à la rénovation énergétique\n\nLa commune finance l'isolation thermique des logements et la rénovation des écoles."
	for _, title := range []string{"", "Aide à la rénovation énergétique", "Le plan vélo de la métropole", " Piste cyclable et mobilité douce "} {
		tk := text.Lex(text.New(body))
		tt := text.Lex(text.New(title))
		ids, ev := Default().ClassifyTokens(&tk, title, nil)
		ids2, ev2 := Default().ClassifyTitled(&tk, title, &tt, nil)
		if !reflect.DeepEqual(ids, ids2) || !reflect.DeepEqual(ev, ev2) {
			t.Errorf("title %q: ClassifyTitled = %v %v, ClassifyTokens = %v %v", title, ids2, ev2, ids, ev)
		}
	}
}
