package serve

import (
	"strings"
	"testing"

	"terril/index"
)

func TestHighlight(t *testing.T) {
	at := func(text, s, kind, value string) index.FactSpan {
		i := strings.Index(text, s)
		return index.FactSpan{Start: i, End: i + len(s), Kind: kind, Value: value}
	}
	cases := []struct {
		name  string
		text  string
		spans func(string) []index.FactSpan
		want  []string
	}{{
		"one commune, one amount",
		"À Liévin, 250 000 euros.",
		func(t string) []index.FactSpan {
			return []index.FactSpan{at(t, "250 000 euros", "amount", "250000 EUR"), at(t, "Liévin", "commune", "62510 Liévin")}
		},
		[]string{`À <mark class="fact f-commune" title="Commune Liévin — code INSEE 62510">Liévin</mark>, ` +
			"<mark class=\"fact f-amount\" title=\"Montant : 250\u202f000\u00a0€\">250 000 euros</mark>."},
	}, {
		"a commune inside an EPCI's name: pieces, never nested",
		"la Communauté urbaine d'Arras vote",
		func(t string) []index.FactSpan {
			return []index.FactSpan{at(t, "Communauté urbaine d'Arras", "epci", "246200000 CU d'Arras"), at(t, "Arras", "commune", "62041 Arras")}
		},
		[]string{`la <mark class="fact f-epci" title="Intercommunalité CU d&#39;Arras — SIREN 246200000">Communauté urbaine d&#39;</mark>` +
			`<mark class="fact f-epci" title="Intercommunalité CU d&#39;Arras — SIREN 246200000 · Commune Arras — code INSEE 62041">Arras</mark> vote`},
	}, {
		"crossing spans and a span over a paragraph break",
		"ab cd\n\nef gh",
		func(t string) []index.FactSpan {
			return []index.FactSpan{{Start: 0, End: 4, Kind: "date", Value: "2024"}, {Start: 3, End: 10, Kind: "person", Value: "X"}}
		},
		[]string{`<mark class="fact f-date" title="Date : 2024">ab </mark><mark class="fact f-date" title="Date : 2024 · Personne : X">c</mark>` +
			`<mark class="fact f-person" title="Personne : X">d</mark>`,
			`<mark class="fact f-person" title="Personne : X">ef </mark>gh`},
	}, {
		"markup in the text and in a value is escaped; bad spans dropped",
		"<b>Roubaix</b> é",
		func(t string) []index.FactSpan {
			return []index.FactSpan{at(t, "Roubaix", "commune", `59512 <i>"R"</i>`), {Start: 15, End: 16, Kind: "date"},
				{Start: 3, End: 99, Kind: "date"}, {Start: 5, End: 2, Kind: "date"}}
		},
		[]string{`&lt;b&gt;<mark class="fact f-commune" title="Commune &lt;i&gt;&#34;R&#34;&lt;/i&gt; — code INSEE 59512">Roubaix</mark>&lt;/b&gt; é`},
	}}
	for _, c := range cases {
		got := highlight(c.text, c.spans(c.text))
		if len(got) != len(c.want) {
			t.Errorf("%s: %d paragraphs %q, want %d", c.name, len(got), got, len(c.want))
			continue
		}
		for i := range got {
			if string(got[i]) != c.want[i] {
				t.Errorf("%s: paragraph %d\n got %s\nwant %s", c.name, i, got[i], c.want[i])
			}
		}
	}
}

func TestFrenchDate(t *testing.T) {
	for in, want := range map[string]string{"2024-03-01": "1er mars 2024 (2024-03-01)", "2019-11": "novembre 2019 (2019-11)", "2030": "2030"} {
		if got := frenchDate(in); got != want {
			t.Errorf("frenchDate(%q) = %q, want %q", in, got, want)
		}
	}
}
