package index_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"terril/corpus"
	"terril/corpus/sample"
	"terril/extract/read"
	"terril/index"
)

// sampleDocs returns the sample corpus with the text its readers give and the facts
// of its gold annotations, so that the index is tested independently of the
// extractors' quality.
var sampleDocs = sync.OnceValues(func() ([]*corpus.Document, error) {
	gold := map[string]*corpus.Document{}
	sc := bufio.NewScanner(bytes.NewReader(sample.Gold))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d corpus.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, err
		}
		gold[d.ID] = &d
	}
	var docs []*corpus.Document
	for _, p := range sample.Paths() {
		data, err := fs.ReadFile(sample.FS, p)
		if err != nil {
			return nil, err
		}
		res, err := read.Read(p, "", data)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(path.Base(p), path.Ext(p))
		d, ok := gold[id]
		if !ok {
			continue
		}
		d.Title, d.Text, d.URL, d.Source = res.Title, res.Text, p, "sample"
		docs = append(docs, d)
	}
	return docs, nil
})

// mustOpenIndex returns an index in a temporary directory holding the sample corpus.
func mustOpenIndex(tb testing.TB) (*index.Index, []*corpus.Document) {
	tb.Helper()
	docs, err := sampleDocs()
	if err != nil {
		tb.Fatal(err)
	}
	if len(docs) < 30 {
		tb.Fatalf("only %d sample documents have gold annotations", len(docs))
	}
	ix, err := index.Open(tb.TempDir() + "/index")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	if err := ix.Index(docs); err != nil {
		tb.Fatal(err)
	}
	return ix, docs
}

// all returns the sorted IDs of every document matching q.
func all(t *testing.T, ix *index.Index, q index.Query) []string {
	t.Helper()
	q.Size = 1000
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("%+v: %v", q, err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	sort.Strings(ids)
	if int(res.Total) != len(ids) {
		t.Fatalf("total %d but %d hits", res.Total, len(ids))
	}
	return ids
}

// where returns the sorted IDs of the documents for which keep is true.
func where(docs []*corpus.Document, keep func(*corpus.Document) bool) []string {
	var ids []string
	for _, d := range docs {
		if keep(d) {
			ids = append(ids, d.ID)
		}
	}
	sort.Strings(ids)
	return ids
}

func check(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(want) == 0 {
		t.Errorf("%s: the sample corpus has no such document, the test proves nothing", what)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %v\n want %v", what, got, want)
	}
}

// mostCommon returns the most frequent value of a per-document list.
func mostCommon(docs []*corpus.Document, values func(*corpus.Document) []string) string {
	n := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, v := range values(d) {
			if !seen[v] {
				seen[v] = true
				n[v]++
			}
		}
	}
	best := ""
	for v, c := range n {
		if c > n[best] || c == n[best] && v < best {
			best = v
		}
	}
	return best
}

func TestFilters(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	communes := func(d *corpus.Document) []string {
		var s []string
		for _, c := range d.Communes {
			s = append(s, c.INSEE)
		}
		return s
	}
	insee := mostCommon(docs, communes)
	name := ""
	for _, d := range docs {
		for _, c := range d.Communes {
			if c.INSEE == insee {
				name = c.Name
			}
		}
	}
	withCommune := where(docs, func(d *corpus.Document) bool { return slices.Contains(communes(d), insee) })
	check(t, "--commune "+insee, all(t, ix, index.Query{Communes: []string{insee}}), withCommune)
	check(t, "--commune "+name, all(t, ix, index.Query{Communes: []string{name}}), withCommune)
	check(t, "commune:"+insee, all(t, ix, index.Query{Text: "commune:" + insee}), withCommune)
	check(t, "commune:"+strings.ToUpper(name), all(t, ix, index.Query{Text: `commune:"` + strings.ToUpper(name) + `"`}), withCommune)

	check(t, "--dept 62", all(t, ix, index.Query{Depts: []string{"62"}}),
		where(docs, func(d *corpus.Document) bool { return slices.Contains(d.Departements, "62") }))
	check(t, "dept:Somme", all(t, ix, index.Query{Text: "dept:Somme"}),
		where(docs, func(d *corpus.Document) bool { return slices.Contains(d.Departements, "80") }))

	siren := mostCommon(docs, func(d *corpus.Document) []string {
		var s []string
		for _, e := range d.EPCIs {
			s = append(s, e.SIREN)
		}
		return s
	})
	withEPCI := where(docs, func(d *corpus.Document) bool {
		return slices.ContainsFunc(d.EPCIs, func(e corpus.EPCI) bool { return e.SIREN == siren })
	})
	check(t, "--epci "+siren, all(t, ix, index.Query{EPCIs: []string{siren}}), withEPCI)
	check(t, "epci:"+siren, all(t, ix, index.Query{Text: "epci:" + siren}), withEPCI)

	for _, theme := range []string{"logement", "mobilites", "culture-patrimoine"} {
		want := where(docs, func(d *corpus.Document) bool { return slices.Contains(d.Themes, theme) })
		check(t, "--theme "+theme, all(t, ix, index.Query{Themes: []string{theme}}), want)
		check(t, "theme:"+theme, all(t, ix, index.Query{Text: "theme:" + theme}), want)
	}
	for _, genre := range []string{"communique", "deliberation", "article", "page"} {
		check(t, "genre:"+genre, all(t, ix, index.Query{Text: "genre:" + genre}),
			where(docs, func(d *corpus.Document) bool { return d.Genre == genre }))
	}
	person := mostCommon(docs, func(d *corpus.Document) []string {
		var s []string
		for _, p := range d.People {
			s = append(s, p.Name)
		}
		return s
	})
	withPerson := where(docs, func(d *corpus.Document) bool {
		return slices.ContainsFunc(d.People, func(p corpus.Person) bool { return p.Name == person })
	})
	check(t, "--person "+person, all(t, ix, index.Query{People: []string{person}}), withPerson)
	check(t, "person:"+person, all(t, ix, index.Query{Text: `person:"` + person + `"`}), withPerson)
	// Word order and case do not matter.
	if w := strings.Fields(person); len(w) == 2 {
		check(t, "person reversed", all(t, ix, index.Query{People: []string{strings.ToUpper(w[1]) + " " + w[0]}}), withPerson)
	}
}

func TestAmountAndDateFilters(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	some := func(d *corpus.Document, ok func(float64) bool) bool {
		return slices.ContainsFunc(d.Amounts, func(a corpus.Amount) bool { return ok(a.Value) })
	}
	min, max := 1e6, 5e6
	check(t, "--min-amount 1000000", all(t, ix, index.Query{MinAmount: &min}),
		where(docs, func(d *corpus.Document) bool { return some(d, func(v float64) bool { return v >= min }) }))
	check(t, "--max-amount 5000000", all(t, ix, index.Query{MaxAmount: &max}),
		where(docs, func(d *corpus.Document) bool { return some(d, func(v float64) bool { return v <= max }) }))
	check(t, "montant>1000000", all(t, ix, index.Query{Text: "montant>1000000"}),
		where(docs, func(d *corpus.Document) bool { return some(d, func(v float64) bool { return v > 1e6 }) }))
	check(t, "montant:1M..5M", all(t, ix, index.Query{Text: "montant:1M..5M"}),
		where(docs, func(d *corpus.Document) bool {
			return some(d, func(v float64) bool { return v >= 1e6 && v <= 5e6 })
		}))
	inYears := func(lo, hi string) []string {
		return where(docs, func(d *corpus.Document) bool {
			return len(d.Published) >= 4 && d.Published[:4] >= lo && d.Published[:4] <= hi
		})
	}
	check(t, "date:2022..2023", all(t, ix, index.Query{Text: "date:2022..2023"}), inYears("2022", "2023"))
	check(t, "--from 2022 --to 2023", all(t, ix, index.Query{From: "2022", To: "2023"}), inYears("2022", "2023"))
	check(t, "date:2023", all(t, ix, index.Query{Text: "date:2023"}), inYears("2023", "2023"))
	check(t, "date>=2023", all(t, ix, index.Query{Text: "date>=2023"}), inYears("2023", "9999"))
	// Day and month bounds: a document is inside when its date, at the precision it
	// has, lies wholly inside.
	within := func(from, to string) []string {
		return where(docs, func(d *corpus.Document) bool {
			p := d.Published
			if p == "" {
				return false
			}
			first, last := p, p
			switch len(p) {
			case 4:
				first, last = p+"-01-01", p+"-12-31"
			case 7:
				first, last = p+"-01", p+"-31"
			}
			return first >= from && last <= to
		})
	}
	check(t, "--from 2022-03-15 --to 2023-06", all(t, ix, index.Query{From: "2022-03-15", To: "2023-06"}), within("2022-03-15", "2023-06-31"))
	check(t, "date:2023-03..2023-11-21", all(t, ix, index.Query{Text: "date:2023-03..2023-11-21"}), within("2023-03-01", "2023-11-21"))
	mentions := func(prefixes ...string) []string {
		return where(docs, func(d *corpus.Document) bool {
			return slices.ContainsFunc(d.Dates, func(x corpus.Date) bool {
				return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(x.Value, p) })
			})
		})
	}
	check(t, "mention:2030", all(t, ix, index.Query{Text: "mention:2030"}), mentions("2030"))
	check(t, "mention:2023-03", all(t, ix, index.Query{Text: "mention:2023-03"}), mentions("2023-03"))
	check(t, "mention:2015..2017", all(t, ix, index.Query{Text: "mention:2015..2017"}), mentions("2015", "2016", "2017"))
}

func TestBooleanQueries(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	has := func(d *corpus.Document, w string) bool {
		return strings.Contains(strings.ToLower(d.Title+" "+d.Text), w)
	}
	check(t, "collège OR lycée", all(t, ix, index.Query{Text: "collège OR lycée"}),
		where(docs, func(d *corpus.Document) bool { return has(d, "collège") || has(d, "lycée") }))
	check(t, "collège NOT lycée", all(t, ix, index.Query{Text: "collège NOT lycée"}),
		where(docs, func(d *corpus.Document) bool { return has(d, "collège") && !has(d, "lycée") }))
	check(t, "collège -lycée", all(t, ix, index.Query{Text: "collège -lycée"}),
		where(docs, func(d *corpus.Document) bool { return has(d, "collège") && !has(d, "lycée") }))
	check(t, `"cités minières" genre:communique`, all(t, ix, index.Query{Text: `"cités minières" genre:communique`}),
		where(docs, func(d *corpus.Document) bool { return has(d, "cités minières") && d.Genre == "communique" }))
	check(t, `(collège OR lycée) theme:education-jeunesse`, all(t, ix, index.Query{Text: `(collège OR lycée) theme:education-jeunesse`}),
		where(docs, func(d *corpus.Document) bool {
			return (has(d, "collège") || has(d, "lycée")) && slices.Contains(d.Themes, "education-jeunesse")
		}))
	for _, bad := range []string{`"unclosed`, `montant>beaucoup`, `date:hier`, `(a OR b`, `dept:Atlantide`, `montant>`} {
		if _, err := ix.Search(context.Background(), index.Query{Text: bad}); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestFacetsAndSums(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	res, err := ix.Search(context.Background(), index.Query{Size: -1,
		Facets: []string{"theme", "genre", "dept", "year", "amount"}, Sums: []string{"doc-commune", "doc-theme", "doc-year"}})
	if err != nil {
		t.Fatal(err)
	}
	facet := func(name string) map[string]int {
		for _, f := range res.Facets {
			if f.Name == name {
				m := map[string]int{}
				for _, v := range f.Values {
					m[v.Value] = v.Count
				}
				return m
			}
		}
		t.Fatalf("no facet %s", name)
		return nil
	}
	count := func(values func(*corpus.Document) []string) map[string]int {
		m := map[string]int{}
		for _, d := range docs {
			for _, v := range values(d) {
				m[v]++
			}
		}
		return m
	}
	eq := func(name string, got, want map[string]int) {
		t.Helper()
		if len(want) == 0 {
			t.Errorf("facet %s: nothing to compare", name)
		}
		for k, w := range want {
			if got[k] != w {
				t.Errorf("facet %s[%s] = %d, want %d", name, k, got[k], w)
			}
		}
	}
	eq("theme", facet("theme"), count(func(d *corpus.Document) []string { return d.Themes }))
	eq("genre", facet("genre"), count(func(d *corpus.Document) []string { return []string{d.Genre} }))
	eq("dept", facet("dept"), count(func(d *corpus.Document) []string { return d.Departements }))
	eq("year", facet("year"), count(func(d *corpus.Document) []string {
		if len(d.Published) < 4 {
			return nil
		}
		return []string{d.Published[:4]}
	}))
	eq("amount", facet("amount"), count(func(d *corpus.Document) []string {
		seen := map[string]bool{}
		var out []string
		for _, a := range d.Amounts {
			b := bucket(a.Value)
			if !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
		return out
	}))

	// Sums: each distinct amount of a document counts once for each of its themes.
	want := map[string]float64{}
	wantCount := map[string]int{}
	wantYear := map[string]float64{}
	for _, d := range docs {
		seen := map[float64]bool{}
		for _, a := range d.Amounts {
			if seen[a.Value] {
				continue
			}
			seen[a.Value] = true
			for _, th := range d.Themes {
				want[th] += a.Value
				wantCount[th]++
			}
			if len(d.Published) >= 4 {
				wantYear[d.Published[:4]] += a.Value
			}
		}
	}
	for _, s := range res.Sums {
		if s.Dimension == "doc-year" {
			for _, v := range s.Values {
				if diff := v.Total - wantYear[v.Value]; diff > 0.5 || diff < -0.5 {
					t.Errorf("sum of %s = %.0f, want %.0f", v.Value, v.Total, wantYear[v.Value])
				}
			}
			if len(s.Values) != len(wantYear) {
				t.Errorf("%d years summed, want %d", len(s.Values), len(wantYear))
			}
		}
		if s.Dimension != "doc-theme" {
			continue
		}
		if len(s.Values) == 0 {
			t.Fatal("no sums by theme")
		}
		for _, v := range s.Values {
			if diff := v.Total - want[v.Value]; diff > 0.5 || diff < -0.5 {
				t.Errorf("sum of %s = %.0f, want %.0f", v.Value, v.Total, want[v.Value])
			}
			if v.Count != wantCount[v.Value] {
				t.Errorf("count of amounts of %s = %d, want %d", v.Value, v.Count, wantCount[v.Value])
			}
		}
		if len(s.Values) != len(want) {
			t.Errorf("%d themes summed, want %d", len(s.Values), len(want))
		}
	}
}

func bucket(v float64) string {
	switch {
	case v < 1e5:
		return "< 100 k€"
	case v < 1e6:
		return "100 k€ – 1 M€"
	case v < 1e7:
		return "1 – 10 M€"
	case v < 1e8:
		return "10 – 100 M€"
	}
	return "≥ 100 M€"
}

func TestSortAndPaging(t *testing.T) {
	ix, _ := mustOpenIndex(t)
	res, err := ix.Search(context.Background(), index.Query{Sort: "-date", Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, h := range res.Hits {
		if h.Published != "" {
			dates = append(dates, h.Published)
		}
	}
	if !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("-date order: %v", dates)
	}
	page2, err := ix.Search(context.Background(), index.Query{Sort: "-date", Size: 5, Offset: 5})
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range page2.Hits {
		if h.ID != res.Hits[5+i].ID {
			t.Errorf("page 2 hit %d = %s, want %s", i, h.ID, res.Hits[5+i].ID)
		}
	}
	byAmount, err := ix.Search(context.Background(), index.Query{Sort: "-amount", Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	var prev float64 = 1e300
	for _, h := range byAmount.Hits {
		if len(h.Amounts) == 0 {
			continue
		}
		m := slices.Max(h.Amounts)
		if m > prev {
			t.Errorf("-amount order broken at %s (%.0f after %.0f)", h.ID, m, prev)
		}
		prev = m
	}
}

func TestSnippetsAreEscaped(t *testing.T) {
	ix, err := index.Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	doc := &corpus.Document{ID: "x", Title: "Piège <b>", Text: `La subvention <script>alert("x")</script> & l'aide "<img src=x onerror=alert(1)>" pour la médiathèque.`}
	if err := ix.Index([]*corpus.Document{doc}); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), index.Query{Text: "subvention mediatheque", Snippets: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || len(res.Hits[0].Snippets) == 0 {
		t.Fatalf("no snippet: %+v", res)
	}
	s := res.Hits[0].Snippets[0]
	if strings.Contains(s, "<script") || strings.Contains(s, "<img") || !strings.Contains(s, "&lt;script&gt;") {
		t.Errorf("snippet not escaped: %s", s)
	}
	if !strings.Contains(s, "<mark>subvention</mark>") || !strings.Contains(s, "<mark>médiathèque</mark>") {
		t.Errorf("matches not marked: %s", s)
	}
}

func TestReindexReplaces(t *testing.T) {
	ix, docs := mustOpenIndex(t)
	if err := ix.Index(docs[:5]); err != nil {
		t.Fatal(err)
	}
	n, err := ix.Count()
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != len(docs) {
		t.Errorf("count after re-indexing 5 documents = %d, want %d", n, len(docs))
	}
}
