package fundings

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"terril/corpus"
	"terril/extract/text"
)

// An amountIn is an amount of a test text: its text and value.
type amountIn struct {
	text     string
	value    float64
	implicit bool
}

// place is a commune of a test text: its name as written and its code.
type place struct{ name, insee string }

// input builds a Find input, locating every amount and commune in the text as
// the other extractors would (each value once, at its first mention).
func input(text string, amounts []amountIn, places []place) Input {
	in := Input{Text: text, Published: "2024-03-12"}
	from := 0
	for _, a := range amounts {
		k := strings.Index(text[from:], a.text)
		if k < 0 {
			panic("amount not in text: " + a.text)
		}
		s := from + k
		in.Amounts = append(in.Amounts, corpus.Amount{Text: a.text, Value: a.value, Currency: "EUR",
			Implicit: a.implicit, Span: corpus.Span{Start: s, End: s + len(a.text)}})
		from = s + len(a.text)
	}
	for _, p := range places {
		c := corpus.Commune{Name: p.name, INSEE: p.insee}
		for from := 0; ; {
			k := strings.Index(text[from:], p.name)
			if k < 0 {
				break
			}
			s := from + k
			c.Spans = append(c.Spans, corpus.Span{Start: s, End: s + len(p.name)})
			from = s + len(p.name)
		}
		in.Communes = append(in.Communes, c)
	}
	return in
}

// want is what a test expects of one funding; empty fields are not checked.
type want struct {
	amount     float64
	max        float64
	funder     string
	instrument string
	communes   []string
	partOf     int // 1-based index of the total, 0 for none
	purpose    string
}

func TestFind(t *testing.T) {
	for _, c := range []struct {
		name    string
		genre   string
		text    string
		amounts []amountIn
		places  []place
		want    []want
	}{
		{
			name:    "subvention to a commune",
			text:    "La Région Bretagne attribue une subvention de 250 000 € à la commune de Quimperlé pour la rénovation de sa médiathèque.",
			amounts: []amountIn{{"250 000 €", 250000, false}},
			places:  []place{{"Quimperlé", "29233"}},
			want: []want{{amount: 250000, funder: "Région Bretagne", instrument: "subvention",
				communes: []string{"29233"}, purpose: "la rénovation de sa médiathèque"}},
		},
		{
			name:    "cost is not a funding, the aid after it is, from the body named after it",
			text:    "Le chantier, dont le coût total est estimé à 3 M€, bénéficie d'une aide de 400 000 € du Département du Finistère.",
			amounts: []amountIn{{"3 M€", 3e6, false}, {"400 000 €", 400000, false}},
			want:    []want{{amount: 400000, funder: "Département du Finistère", instrument: "autre"}},
		},
		{
			name:    "ceiling",
			text:    "La Région Occitanie verse une aide aux artisans, plafonnée à 20 000 € par dossier.",
			amounts: []amountIn{{"20 000 €", 20000, false}},
		},
		{
			name:    "rate",
			text:    "Le Département a versé aux communes l'équivalent de 45 euros par habitant.",
			amounts: []amountIn{{"45 euros", 45, false}},
		},
		{
			name:    "a range is one funding from its low end",
			text:    "L'État versera entre 2 et 3 millions d'euros à la ville de Vannes pour son port.",
			amounts: []amountIn{{"2", 2e6, false}, {"3 millions d'euros", 3e6, false}},
			places:  []place{{"Vannes", "56260"}},
			want:    []want{{amount: 2e6, max: 3e6, funder: "État", instrument: "autre", communes: []string{"56260"}}},
		},
		{
			name:    "the sizes a scheme's aids take",
			text:    "Le Département de l'Orne soutient les communes : les aides vont de 5 000 euros pour les petits travaux à 80 000 euros pour les projets structurants.",
			amounts: []amountIn{{"5 000 euros", 5000, false}, {"80 000 euros", 80000, false}},
		},
		{
			name:    "a State allocation is a dotation, the préfet pays for the State",
			text:    "Le préfet du Morbihan a attribué 1,2 M€ au titre de la DETR à 14 communes rurales.",
			amounts: []amountIn{{"1,2 M€", 1.2e6, false}},
			want:    []want{{amount: 1.2e6, funder: "État", instrument: "dotation"}},
		},
		{
			name: "a total of several funders is not a funding, the State's part is",
			text: "Plus de 40 millions d'euros ont été engagés, dont 12 millions par l'Etat. Ces fonds iront aux ports (9 millions d'euros).",
			amounts: []amountIn{{"40 millions d'euros", 40e6, false}, {"12 millions", 12e6, true},
				{"9 millions d'euros", 9e6, false}},
			want: []want{{amount: 12e6, funder: "Etat"}},
		},
		{
			name:    "a total and its parts",
			text:    "La Métropole Rouen Normandie alloue 900 000 € à la commune d'Elbeuf, soit 600 000 € en investissement et 300 000 € en fonctionnement.",
			amounts: []amountIn{{"900 000 €", 900000, false}, {"600 000 €", 600000, false}, {"300 000 €", 300000, false}},
			places:  []place{{"Elbeuf", "76231"}},
			want: []want{{amount: 900000, funder: "Métropole Rouen Normandie"}, {amount: 600000, partOf: 1},
				{amount: 300000, partOf: 1}},
		},
		{
			name:    "a loan",
			text:    "La Banque des Territoires prête 5 M€ à l'office public de l'habitat pour la construction de 80 logements.",
			amounts: []amountIn{{"5 M€", 5e6, false}},
			want:    []want{{amount: 5e6, funder: "Banque des Territoires", instrument: "pret"}},
		},
		{
			name:    "an institution's activity total",
			text:    "La Banque des Territoires a investi 120 millions d'euros depuis trois ans dans les Pays de la Loire.",
			amounts: []amountIn{{"120 millions d'euros", 120e6, false}},
		},
		{
			name:    "the funder named before is carried",
			text:    "La Région Normandie soutient les communes rurales. Saint-Lô recevra 75 000 euros pour sa salle des fêtes.",
			amounts: []amountIn{{"75 000 euros", 75000, false}},
			places:  []place{{"Saint-Lô", "50502"}},
			want:    []want{{amount: 75000, funder: "Région Normandie", communes: []string{"50502"}}},
		},
		{
			name:    "works before tax",
			text:    "Le montant des travaux s'élève à 150 000 € HT, financés par la commune.",
			amounts: []amountIn{{"150 000 €", 150000, false}},
		},
		{
			name:    "items of a list its sentence opens, each with its commune",
			text:    "Le Département du Calvados a voté les aides suivantes :\n- Lisieux : 120 000 € pour le gymnase\n- Falaise : 35 000 € pour l'école",
			amounts: []amountIn{{"120 000 €", 120000, false}, {"35 000 €", 35000, false}},
			places:  []place{{"Lisieux", "14366"}, {"Falaise", "14258"}},
			want: []want{{amount: 120000, funder: "Département du Calvados", communes: []string{"14366"}},
				{amount: 35000, funder: "Département du Calvados", communes: []string{"14258"}}},
		},
		{
			name:    "earmarked parts in parentheses, the same value twice",
			text:    "La communauté de communes recevra une subvention de 500 000 euros de la Région Grand Est. Les projets retenus : la piscine de Sedan (200 000 €), la halle de Givet (200 000 €) et la crèche de Rocroi (100 000 €).",
			amounts: []amountIn{{"500 000 euros", 500000, false}, {"200 000 €", 200000, false}, {"100 000 €", 100000, false}},
			places:  []place{{"Sedan", "08409"}, {"Givet", "08190"}, {"Rocroi", "08367"}},
			want: []want{{amount: 500000, funder: "Région Grand Est", instrument: "subvention"},
				{amount: 200000, communes: []string{"08409"}, partOf: 1, instrument: "subvention"},
				{amount: 200000, communes: []string{"08190"}, partOf: 1},
				{amount: 100000, communes: []string{"08367"}, partOf: 1}},
		},
		{
			name:    "a restated amount is one funding",
			text:    "Lannion : 2,4 M€ pour le pôle d'échanges.\nL'État apporte 2,4 M€ à la commune de Lannion pour son pôle d'échanges.",
			amounts: []amountIn{{"2,4 M€", 2.4e6, false}},
			places:  []place{{"Lannion", "22113"}},
			want:    []want{{amount: 2.4e6, funder: "État"}},
		},
		{
			name:    "the carrier of a project is not its funder",
			text:    "Le Conseil régional d'Occitanie finance à hauteur de 1,1 M€ un centre aquatique porté par la communauté d'agglomération Hérault Méditerranée.",
			amounts: []amountIn{{"1,1 M€", 1.1e6, false}},
			want:    []want{{amount: 1.1e6, funder: "Conseil régional d'Occitanie"}},
		},
		{
			name:    "a commune's own minutes: what it votes without naming who pays is its own",
			genre:   corpus.GenreDeliberation,
			text:    "VILLE DE BÉTHUNE\nProcès-verbal du conseil municipal\n\nLe Département du Pas-de-Calais apporte 90 000 € pour la médiathèque.\n\nM. le Maire propose une subvention de 4 500 € à l'union musicale.",
			amounts: []amountIn{{"90 000 €", 90000, false}, {"4 500 €", 4500, false}},
			places:  []place{{"BÉTHUNE", "62119"}},
			want: []want{{amount: 90000, funder: "Département du Pas-de-Calais"},
				{amount: 4500, funder: "VILLE DE BÉTHUNE", instrument: "subvention", communes: []string{"62119"}}},
		},
		{
			name:    "list items take the instrument of the sentence opening the list",
			text:    "Article 1er : d'attribuer à chaque commune une subvention d'investissement, selon la répartition suivante :\n- Commune de Marquise : 48 000 € ;\n- Commune de Desvres : 52 000 €.\nLa Région Hauts-de-France signe les conventions.",
			amounts: []amountIn{{"48 000 €", 48000, false}, {"52 000 €", 52000, false}},
			places:  []place{{"Marquise", "62560"}, {"Desvres", "62268"}},
			want: []want{{amount: 48000, instrument: "subvention", communes: []string{"62560"}},
				{amount: 52000, instrument: "subvention", communes: []string{"62268"}}},
		},
		{
			name:    "a cumulative total since a year",
			text:    "Depuis 2019, la Région Bretagne a mobilisé 42 millions d'euros pour les ports de pêche.",
			amounts: []amountIn{{"42 millions d'euros", 42e6, false}},
		},
		{
			name:    "a range of works the landlord pays for",
			text:    "Le préfet salue le chantier : le bailleur engage 7 à 8 millions d'euros de travaux dans la cité.",
			amounts: []amountIn{{"7", 7e6, false}, {"8 millions d'euros", 8e6, false}},
		},
		{
			name:    "a budget's balance",
			genre:   corpus.GenreDeliberation,
			text:    "COMMUNE DE WASQUEHAL\nLe Conseil adopte le budget primitif, qui s'équilibre à 21 300 000 € en fonctionnement et 6 400 000 € en investissement.",
			amounts: []amountIn{{"21 300 000 €", 21.3e6, false}, {"6 400 000 €", 6.4e6, false}},
			places:  []place{{"WASQUEHAL", "59646"}},
		},
		{
			name:    "a programme's total and the share a party bears",
			text:    "La Métropole Européenne de Lille finance le contrat de ville : 21 actions pour un montant total de 480 000 €, dont 120 000 € à la charge de la commune.",
			amounts: []amountIn{{"480 000 €", 480000, false}, {"120 000 €", 120000, false}},
			want:    []want{{amount: 120000}},
		},
		{
			name:    "no funder said",
			text:    "Le coût de la voirie, 300 000 euros, sera étudié en commission.",
			amounts: []amountIn{{"300 000 euros", 300000, false}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := input(c.text, c.amounts, c.places)
			in.Genre = c.genre
			got := Find(in)
			if len(got) != len(c.want) {
				t.Fatalf("%d fundings, want %d: %+v", len(got), len(c.want), got)
			}
			for i, w := range c.want {
				check(t, i, got[i], w)
			}
		})
	}
}

func check(t *testing.T, i int, g corpus.Funding, w want) {
	t.Helper()
	if g.Amount != w.amount || g.AmountMax != w.max {
		t.Errorf("funding %d: amount %v..%v, want %v..%v", i, g.Amount, g.AmountMax, w.amount, w.max)
	}
	if w.funder != "" && g.Funder != w.funder {
		t.Errorf("funding %d: funder %q, want %q", i, g.Funder, w.funder)
	}
	if w.instrument != "" && g.Instrument != w.instrument {
		t.Errorf("funding %d: instrument %q, want %q", i, g.Instrument, w.instrument)
	}
	if w.communes != nil && !slices.Equal(g.Communes, w.communes) {
		t.Errorf("funding %d: communes %v, want %v", i, g.Communes, w.communes)
	}
	if w.purpose != "" && g.Purpose != w.purpose {
		t.Errorf("funding %d: purpose %q, want %q", i, g.Purpose, w.purpose)
	}
	part := 0
	if g.PartOf != nil {
		part = *g.PartOf + 1
	}
	if part != w.partOf {
		t.Errorf("funding %d: part of %d, want %d", i, part, w.partOf)
	}
	if g.Evidence.Funder == nil || g.Evidence.Amount.End <= g.Evidence.Amount.Start {
		t.Errorf("funding %d: evidence %+v", i, g.Evidence)
	}
}

// TestTables checks that every phrase of the rule tables reads as the tokens of a
// text would, so that none silently never matches.
func TestTables(t *testing.T) {
	tables := map[string][]string{"cue": cueWords, "funder verbs": funderVerbs, "beneficiary verbs": beneficiaryVerbs,
		"cost": costCues, "ceiling": ceilingCues, "per unit": perUnit, "increments": increments,
		"size range": sizeRange, "parent": parentCues, "parts": partCues, "totals": totalCues,
		"counted": countedSet, "beneficiary intro": beneficiaryIntro, "agent intro": agentIntro,
		"instruments": phrasesOf(instrumentWords), "heads": headPhrases(funderHeads),
		"volume": volumeAfter, "later parts": laterPartCues, "activity": activityAfter, "recap": recapStart, "summary": summaryStart,
		"funder adjectives": mapKeys(funderAdjectives), "number words": mapKeys(numberWords),
		"dotations": dotationPhrases(instrumentWords)}
	for name, tab := range tables {
		m := newMatcher(tab)
		for _, p := range tab {
			text := strings.TrimSuffix(p, "*")
			toks := tokenize(text)
			if len(toks) == 0 {
				t.Errorf("%s: %q has no words", name, p)
				continue
			}
			if !m.admits(toks[0].w) {
				t.Errorf("%s: the filter does not admit %q", name, p)
			}
			if idx, n := m.at(toks, 0); idx < 0 || n != len(toks) {
				t.Errorf("%s: %q does not match its own text (%d of %d tokens)", name, p, n, len(toks))
			}
		}
	}
}

// TestDotationFilter: isDotationDoc looks for dotation words only among the
// tokens dotationM's filter admits.
func TestDotationFilter(t *testing.T) {
	for _, w := range instrumentWords {
		if toks := tokenize(strings.TrimSuffix(w.phrase, "*")); w.kind == corpus.InstrumentDotation &&
			!dotationM.admitsKey(toks[0].key) {
			t.Errorf("the dotation filter does not admit %q", w.phrase)
		}
	}
}

// TestFindNoPanic feeds Find spans that do not fit the text.
func TestFindNoPanic(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	text := "La Région verse 10 000 € à la commune. (250 000 €) : - dont 5 € par l'État ;"
	for range 2000 {
		var in Input
		in.Text = text[:r.IntN(len(text)+1)]
		for range r.IntN(4) {
			s := r.IntN(len(text) + 3)
			in.Amounts = append(in.Amounts, corpus.Amount{Text: "x", Value: r.Float64() * 1e6,
				Span: corpus.Span{Start: s, End: s + r.IntN(8) - 2}})
		}
		in.Communes = []corpus.Commune{{INSEE: "1", Spans: []corpus.Span{{Start: r.IntN(90) - 5, End: r.IntN(90)}}}}
		Find(in)
	}
}

// The title names the instrument when the amount's sentence does not; Find reads
// the title lexed by its caller or lexes it itself, with the same result.
func TestTitleInstrument(t *testing.T) {
	cases := []struct{ title, text, want string }{
		{"Un prêt pour la médiathèque de Vernon", "La Banque des Territoires accorde 1,2 M€ à la commune de Vernon.", corpus.InstrumentPret},
		{"Subvention au club de Fécamp", "Le Département verse 45 000 € à l'association de Fécamp.", corpus.InstrumentSubvention},
		{"Conseil départemental : séance du 3 mai", "Le Département verse 45 000 € à l'association de Fécamp.", ""},
	}
	for _, c := range cases {
		amount := c.text[strings.Index(c.text, "accorde ")+len("accorde "):]
		if i := strings.Index(c.text, "verse "); i >= 0 {
			amount = c.text[i+len("verse "):]
		}
		amount = amount[:strings.Index(amount, " à ")]
		in := input(c.text, []amountIn{{text: amount, value: 1}}, nil)
		in.Title = c.title
		alone := Find(in)
		tt := text.Lex(text.New(c.title))
		in.TitleTokens = &tt
		lent := Find(in)
		if len(alone) != 1 || len(lent) != 1 {
			t.Fatalf("%q: %d and %d fundings, want 1", c.title, len(alone), len(lent))
		}
		got := alone[0].Instrument
		if c.want != "" && got != c.want {
			t.Errorf("%q: instrument %q, want %q", c.title, got, c.want)
		}
		if lent[0].Instrument != got {
			t.Errorf("%q: instrument %q with the title's tokens, %q without", c.title, lent[0].Instrument, got)
		}
	}
}
