package serve

import (
	"strings"
	"testing"

	"terril/index"
)

func TestWriteCSVAndJSONL(t *testing.T) {
	hits := []index.Hit{
		{ID: "a", Title: "Subvention, « vélo »", Published: "2024-05", Amounts: []float64{1500, 1500, 250.5},
			Communes: []string{"59350 Lille", "2A004 Ajaccio"}, Themes: []string{"mobilites"}},
		{ID: "b", Title: "@SUM(A1) -2"},
	}
	var b strings.Builder
	if err := WriteCSV(&b, hits); err != nil {
		t.Fatal(err)
	}
	want := "id,title,published,genre,source,url,communes_insee,communes,themes,amounts,amount_max,amount_sum," +
		"dates,epcis_siren,epcis,departements,people,signatories,references,fundings\n" +
		"a,\"Subvention, « vélo »\",2024-05,,,,59350 | 2A004,Lille | Ajaccio,mobilites,1500 | 1500 | 250.5,1500,1750.5,,,,,,,,\n" +
		"b,'@SUM(A1) -2,,,,,,,,,0,0,,,,,,,,\n"
	if b.String() != want {
		t.Errorf("csv:\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := WriteJSONL(&b, hits[1:]); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != `{"id":"b","title":"@SUM(A1) -2","communes":[],"themes":[],"amounts":[],"amount_max":0,"amount_sum":0,`+
		`"dates":[],"epcis":[],"departements":[],"people":[],"signatories":[],"references":[],"fundings":[]}`+"\n" {
		t.Errorf("jsonl: %s", got)
	}
}

func TestSafeSnippet(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"la <mark>rénovation</mark> &amp; l&#39;aide", "la <mark>rénovation</mark> &amp; l&#39;aide"},
		{"&lt;script&gt;x&lt;/script&gt; <mark>a</mark>", "&lt;script&gt;x&lt;/script&gt; <mark>a</mark>"},
		// Markup a highlighter let through is escaped, not trusted.
		{"<script>alert(1)</script><mark>a</mark>", "&lt;script&gt;alert(1)&lt;/script&gt;<mark>a</mark>"},
		{`"><img src=x onerror=alert(1)>`, "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"},
		{"&lt;mark&gt;texte&lt;/mark&gt;", "&lt;mark&gt;texte&lt;/mark&gt;"},
		{"<mark>ouvert", "<mark>ouvert</mark>"},
		{"</mark>a<mark>b<mark>c</mark>d</mark>", "a<mark>bc</mark>d"},
	} {
		if got := string(safeSnippet(tc.in)); got != tc.want {
			t.Errorf("safeSnippet(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShortEuros(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{{4710000, "4,7\u00a0M€"}, {850000, "850\u00a0k€"}, {2e9, "2\u00a0Md€"}, {120, "120\u00a0€"}, {1500, "1,5\u00a0k€"}} {
		if got := shortEuros(tc.v); got != tc.want {
			t.Errorf("shortEuros(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestEuros(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{{1780000, "1\u202f780\u202f000\u00a0€"}, {999, "999\u00a0€"}, {2.5, "2,5\u00a0€"}, {1234.567, "1\u202f234,56\u00a0€"}} {
		if got := euros(tc.v); got != tc.want {
			t.Errorf("euros(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// FuzzSafeSnippet checks that whatever a snippet holds, the HTML made of it has no
// tag but balanced <mark> pairs.
func FuzzSafeSnippet(f *testing.F) {
	for _, s := range []string{"<mark>a</mark> &lt;b&gt;", "<script>x</script>", "&lt;mark&gt;", "<mark><mark>a</mark>", "\x00<mark>\x01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(safeSnippet(s))
		rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out)
		if strings.ContainsAny(rest, "<>\"") {
			t.Errorf("safeSnippet(%q) = %q: markup left", s, out)
		}
		open := false
		for i := 0; i < len(out); i++ {
			switch {
			case strings.HasPrefix(out[i:], "<mark>"):
				if open {
					t.Fatalf("safeSnippet(%q) = %q: nested marks", s, out)
				}
				open = true
			case strings.HasPrefix(out[i:], "</mark>"):
				if !open {
					t.Fatalf("safeSnippet(%q) = %q: stray </mark>", s, out)
				}
				open = false
			}
		}
		if open {
			t.Errorf("safeSnippet(%q) = %q: unclosed mark", s, out)
		}
	})
}

func TestExportCarriesEveryFact(t *testing.T) {
	h := index.Hit{ID: "c", Title: "Conseil", Details: index.Details{
		Dates:        []index.DateFact{{Text: "3 mars 2023", Value: "2023-03-03"}},
		EPCIs:        []string{"200093201 Métropole Européenne de Lille"},
		Departements: []string{"59"},
		People:       []index.PersonFact{{Name: "Anne Morel", Role: "maire"}, {Name: "Paul Roux"}},
		Signatories:  []index.SignatoryFact{{Name: "Anne Morel", Kind: "person"}},
		References:   []index.ReferenceFact{{Kind: "deliberation", Number: "2023-12", Date: "2023-03-03"}},
	}, Fundings: []index.FundingRow{{Funder: "Région", Amount: 2e5, AmountMax: 3e5, Instrument: "subvention"}}}
	var b strings.Builder
	qw, err := NewQueryHitWriter(&b, "csv")
	if err != nil {
		t.Fatal(err)
	}
	qw.SetQuery("=logement")
	if err := qw.Write(h); err != nil || qw.Flush() != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if !strings.HasPrefix(lines[0], "query,id,") {
		t.Errorf("header %q: no query column first", lines[0])
	}
	want := "'=logement,c,Conseil,,,,,,,,,0,0,2023-03-03,200093201,Métropole Européenne de Lille,59," +
		"Anne Morel (maire) | Paul Roux,Anne Morel,deliberation 2023-12 2023-03-03,200000-300000 subvention Région"
	if lines[1] != want {
		t.Errorf("row\n%s\nwant\n%s", lines[1], want)
	}
	b.Reset()
	qw, _ = NewQueryHitWriter(&b, "jsonl")
	qw.SetQuery("logement")
	qw.Write(h)
	for _, part := range []string{`"query":"logement"`, `"epcis":[{"siren":"200093201","name":"Métropole Européenne de Lille"}]`,
		`"people":[{"name":"Anne Morel","role":"maire"},{"name":"Paul Roux"}]`, `"funder":"Région"`} {
		if !strings.Contains(b.String(), part) {
			t.Errorf("jsonl %s: no %s", b.String(), part)
		}
	}
}
