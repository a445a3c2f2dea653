package index

import (
	"encoding/json"
	"testing"
)

// spansJSON writes what encoding/json writes of packSpans, whatever the values.
func TestSpansJSONIsMarshal(t *testing.T) {
	spans := []FactSpan{
		{0, 16, "date", "2024-03-12"}, {20, 31, "amount", "1200000 EUR"}, {40, 44, "commune", "62498 Lens"},
		{50, 54, "commune", "62498 Lens"}, {60, 70, "person", `Jean "Jo" <Dupont> & fils, maire`},
		{71, 75, "epci", "200033 CA\u2028Lens\u2029Liévin"}, {80, 90, "signatory", "bad \xff utf-8"},
		{1 << 20, 1<<20 + 3, "unknown", ""}, {100, 120, "reference", "arrêté n° 2024-12"},
	}
	for n := 1; n <= len(spans); n++ {
		want, err := json.Marshal(packSpans(spans[:n]))
		if err != nil {
			t.Fatal(err)
		}
		got, err := spansJSON(spans[:n])
		if err != nil || string(got) != string(want) {
			t.Errorf("%d spans: %s, want %s (%v)", n, got, want, err)
		}
		if back := unpackSpans(string(got)); len(back) != n {
			t.Errorf("%d spans read back as %d", n, len(back))
		}
	}
}
