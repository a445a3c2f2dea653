package index_test

import (
	"slices"
	"strconv"
	"testing"

	"terril/corpus"
	"terril/index"
)

// TestQueryClauses covers clauses of the query language that the other tests do
// not: exact amounts, strict date comparisons, title words, ids, prefixes' aliases.
func TestQueryClauses(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	amount := 0.0
	for _, d := range docs {
		for _, a := range d.Amounts {
			if a.Value > amount && a.Value < 1e9 && (a.Currency == "" || a.Currency == "EUR") {
				amount = a.Value
			}
		}
	}
	near := func(v float64) bool { return v >= amount*0.995 && v <= amount*1.005 }
	check(t, "montant:<largest amount>", all(t, ix, index.Query{Text: "montant:" + ftoa(amount)}),
		where(docs, func(d *corpus.Document) bool {
			return slices.ContainsFunc(d.Amounts, func(a corpus.Amount) bool { return near(a.Value) })
		}))
	year := func(d *corpus.Document) string {
		if len(d.Published) < 4 {
			return ""
		}
		return d.Published[:4]
	}
	check(t, "date>2022", all(t, ix, index.Query{Text: "date>2022"}),
		where(docs, func(d *corpus.Document) bool { return year(d) > "2022" }))
	check(t, "date<2023", all(t, ix, index.Query{Text: "date<2023"}),
		where(docs, func(d *corpus.Document) bool { return year(d) != "" && year(d) < "2023" }))
	check(t, "année:2023 (alias)", all(t, ix, index.Query{Text: "année:2023"}),
		where(docs, func(d *corpus.Document) bool { return year(d) == "2023" }))
	check(t, "NOT date:2023 date:2022..2023", all(t, ix, index.Query{Text: "NOT date:2023 date:2022..2023"}),
		where(docs, func(d *corpus.Document) bool { return year(d) == "2022" }))
	id := docs[0].ID
	check(t, "id:", all(t, ix, index.Query{Text: `id:"` + id + `"`}), []string{id})
	check(t, "thème:logement OR genre:page", all(t, ix, index.Query{Text: "thème:logement OR genre:page"}),
		where(docs, func(d *corpus.Document) bool { return slices.Contains(d.Themes, "logement") || d.Genre == "page" }))
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
