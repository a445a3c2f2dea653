package index

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"terril/index/querylang"
)

// The query language (package querylang parses it into an AST; this file builds
// the AST into Bleve queries):
//
//	rénovation cités minières        every word, in the title or the text (AND)
//	"cités minières"                 a phrase
//	logement OR habitat              either
//	NOT friche, -friche              without
//	(a OR b) c                       grouping
//	commune:Lens commune:62498       a commune, by name or INSEE code
//	dept:59 dept:Nord epci:MEL       a département, an EPCI (SIREN or name)
//	theme:logement genre:communique  a theme id, a genre
//	person:"Xavier Bertrand"         a person (also signataire: for signatories)
//	source:region                    a source name
//	montant>1000000 montant<=5e6     some amount of the document compared to a number
//	montant:1000000..5000000         some amount in a range
//	date:2018 date:2018..2019        publication date (YYYY, YYYY-MM or YYYY-MM-DD)
//	date:2019-03..                   open range
//	mention:2030 mention:2018..2020  a date mentioned in the text (YYYY, YYYY-MM, YYYY-MM-DD)
//	titre:bassin                     a word in the title only
//
// Words are analysed like the text (French elision, stop words, accent folding,
// stemming): "cites minieres" finds "cités minières", "rénovations" finds
// "rénovation". AND, OR and NOT are operators only in capitals.

// bnode is a built query: a Bleve query, possibly negated; nil q means "no
// constraint" (a word that is only stop words).
type bnode struct {
	q   query.Query
	neg bool
}

// builder builds the AST of one Query into a Bleve query and collects its hints.
type builder struct {
	ix    *Index
	src   string // the query's text, for the positions of errors
	hints []Hint
}

// errAt turns err into a *querylang.Error at byte offset pos of the query's text
// (pos < 0: a filter).
func (b *builder) errAt(pos int, err error, suggestions ...string) error {
	var qe *querylang.Error
	if errors.As(err, &qe) {
		return qe
	}
	msg := strings.TrimPrefix(err.Error(), "query: ")
	return querylang.NewError(b.src, pos, msg, suggestions...)
}

func (b *builder) node(n querylang.Node) (bnode, error) {
	switch n := n.(type) {
	case *querylang.Word:
		return bnode{q: b.ix.wordsQuery(n.Text, fTitle, fText)}, nil
	case *querylang.Phrase:
		return bnode{q: b.ix.phraseQuery(n.Text, fTitle, fText)}, nil
	case *querylang.Field:
		q, err := b.field(n.Name, ":", n.Value, n.At)
		return bnode{q: q}, err
	case *querylang.Compare:
		q, err := b.field(n.Name, n.Op, n.Value, n.At)
		return bnode{q: q}, err
	case *querylang.Range:
		q, err := b.field(n.Name, ":", n.From+".."+n.To, n.At)
		return bnode{q: q}, err
	case *querylang.Not:
		x, err := b.node(n.X)
		x.neg = !x.neg
		return x, err
	case *querylang.And:
		return b.and(n.Xs)
	case *querylang.Or:
		return b.or(n.Xs)
	}
	return bnode{}, fmt.Errorf("query: unknown node %T", n)
}

// finish turns a node into a query that can stand alone.
func finish(n bnode) query.Query {
	if n.q == nil {
		return bleve.NewMatchAllQuery()
	}
	if n.neg {
		b := bleve.NewBooleanQuery()
		b.AddMust(bleve.NewMatchAllQuery())
		b.AddMustNot(n.q)
		return b
	}
	return n.q
}

// or is a left-nested disjunction of xs; a side without constraint makes the whole
// match everything.
func (b *builder) or(xs []querylang.Node) (bnode, error) {
	left, err := b.node(xs[0])
	if err != nil {
		return bnode{}, err
	}
	for _, x := range xs[1:] {
		right, err := b.node(x)
		if err != nil {
			return bnode{}, err
		}
		if left.q == nil || right.q == nil {
			left = bnode{}
			continue
		}
		left = bnode{q: bleve.NewDisjunctionQuery(finish(left), finish(right))}
	}
	return left, nil
}

// and requires the positive clauses and excludes the negated ones; only negated
// clauses give a negated node (the caller adds what they are excluded from).
func (b *builder) and(xs []querylang.Node) (bnode, error) {
	var pos, neg []query.Query
	for _, x := range xs {
		n, err := b.node(x)
		if err != nil {
			return bnode{}, err
		}
		if n.q == nil {
			continue
		}
		if n.neg {
			neg = append(neg, n.q)
		} else {
			pos = append(pos, n.q)
		}
	}
	switch {
	case len(pos) == 0 && len(neg) == 0:
		return bnode{}, nil
	case len(neg) == 0 && len(pos) == 1:
		return bnode{q: pos[0]}, nil
	case len(neg) == 0:
		if m, ok := mergeTerms(pos); ok {
			return bnode{q: m}, nil
		}
		return bnode{q: bleve.NewConjunctionQuery(pos...)}, nil
	case len(pos) == 0:
		if len(neg) == 1 {
			return bnode{q: neg[0], neg: true}, nil
		}
		return bnode{q: bleve.NewDisjunctionQuery(neg...), neg: true}, nil
	}
	bq := bleve.NewBooleanQuery()
	bq.AddMust(pos...)
	bq.AddMustNot(neg...)
	return bnode{q: bq}, nil
}

// field builds one field clause at byte offset pos of the text (pos < 0: a
// filter), noting a hint when its value names nothing the index holds.
func (b *builder) field(field, op, value string, pos int) (query.Query, error) {
	q, err := b.ix.fieldQuery(field, op, value)
	if err != nil {
		var sugg []string
		if field == "dept" || field == "fdept" {
			sugg = querylang.Suggest(value, deptNames(), 3)
		}
		return nil, b.errAt(pos, err, sugg...)
	}
	if h, ok := b.ix.valueHint(field, value); ok {
		h.Col = querylang.NewError(b.src, pos, "").Col
		b.hints = append(b.hints, h)
	}
	return q, nil
}

// analyse returns the terms of s under the French analyser.
func (ix *Index) analyse(s string) []string {
	a := ix.b.Mapping().AnalyzerNamed(analyzerFrench)
	if a == nil {
		return strings.Fields(strings.ToLower(s))
	}
	var terms []string
	for _, tok := range a.Analyze([]byte(s)) {
		terms = append(terms, string(tok.Term))
	}
	return terms
}

// wordsQuery requires every analysed term of s in one of fields; nil when s is only
// stop words.
func (ix *Index) wordsQuery(s string, fields ...string) query.Query {
	if len(fields) > 1 {
		return ix.termsQuery(s, fields)
	}
	var conj []query.Query
	for _, term := range ix.analyse(s) {
		var disj []query.Query
		for _, f := range fields {
			tq := bleve.NewTermQuery(term)
			tq.SetField(f)
			if f == fTitle && len(fields) > 1 {
				tq.SetBoost(2)
			}
			disj = append(disj, tq)
		}
		if len(disj) == 1 {
			conj = append(conj, disj[0])
		} else {
			conj = append(conj, bleve.NewDisjunctionQuery(disj...))
		}
	}
	switch len(conj) {
	case 0:
		return nil
	case 1:
		return conj[0]
	}
	return bleve.NewConjunctionQuery(conj...)
}

// termsQuery is wordsQuery over several fields, as one query (see terms.go); nil
// when s is only stop words.
func (ix *Index) termsQuery(s string, fields []string) query.Query {
	boosts := make([]float64, len(fields))
	for i, f := range fields {
		boosts[i] = 1
		if f == fTitle {
			boosts[i] = 2
		}
	}
	q := &termsQuery{}
	for _, term := range ix.analyse(s) {
		q.groups = append(q.groups, termGroup{term: term, fields: fields, boosts: boosts})
	}
	if len(q.groups) == 0 {
		return nil
	}
	q.conj = len(q.groups) > 1
	return q
}

// mergeTerms returns the conjunction of qs as one termsQuery when each is a
// single group (a word of one term): the same tree as Bleve's conjunction of
// them.
func mergeTerms(qs []query.Query) (query.Query, bool) {
	m := &termsQuery{conj: true}
	for _, q := range qs {
		t, ok := q.(*termsQuery)
		if !ok || t.conj {
			return nil, false
		}
		m.groups = append(m.groups, t.groups[0])
	}
	return m, true
}

// phraseQuery matches the phrase s in one of fields.
func (ix *Index) phraseQuery(s string, fields ...string) query.Query {
	var disj []query.Query
	for _, f := range fields {
		pq := bleve.NewMatchPhraseQuery(s)
		pq.SetField(f)
		pq.Analyzer = analyzerFrench
		disj = append(disj, pq)
	}
	if len(disj) == 1 {
		return disj[0]
	}
	return bleve.NewDisjunctionQuery(disj...)
}

func termQ(field, value string) query.Query {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}

var inseeRE = regexp.MustCompile(`^(\d{5}|2[AB]\d{3})$`)
var sirenRE = regexp.MustCompile(`^\d{9}$`)

// fieldQuery builds the query of one field:value (or field>value…) clause.
func (ix *Index) fieldQuery(field, op, value string) (query.Query, error) {
	if op != ":" && field != "amount" && field != "date" {
		return nil, fmt.Errorf("query: %s%s%s: only montant and date take a comparison", field, op, value)
	}
	switch field {
	case "commune":
		if inseeRE.MatchString(value) {
			return codeQuery(fCommune, value), nil
		}
		byName := termQ(fCommuneName, foldKey(value))
		if ix.Resolver == nil {
			return byName, nil
		}
		// The codes the name designates today (merged and renamed communes included),
		// or the name as indexed.
		disj := []query.Query{byName}
		for _, code := range ix.Resolver.CommuneCodes(value) {
			disj = append(disj, codeQuery(fCommune, code))
		}
		if len(disj) == 1 {
			return byName, nil
		}
		return bleve.NewDisjunctionQuery(disj...), nil
	case "dept":
		code, ok := deptCode(value)
		if !ok {
			return nil, fmt.Errorf("query: unknown département %q", value)
		}
		return termQ(fDept, code), nil
	case "epci":
		if sirenRE.MatchString(value) {
			return codeQuery(fEPCI, value), nil
		}
		if ix.Resolver != nil {
			if siren, ok := ix.Resolver.EPCISiren(value); ok {
				return codeQuery(fEPCI, siren), nil
			}
		}
		key := foldKey(value)
		// A name matches when it is the EPCI's official name or contained in it.
		q := bleve.NewWildcardQuery("*" + key + "*")
		q.SetField(fEPCIName)
		return q, nil
	case "theme":
		return termQ(fTheme, strings.ToLower(foldTerm(value))), nil
	case "genre":
		return termQ(fGenre, strings.ToLower(foldTerm(value))), nil
	case "source":
		return termQ(fSource, value), nil
	case "id":
		return bleve.NewDocIDQuery([]string{value}), nil
	case "person":
		return personQuery(fPerson, value), nil
	case "signatory":
		return personQuery(fSignatory, value), nil
	case "title":
		if q := ix.wordsQuery(value, fTitle); q != nil {
			return q, nil
		}
		return bleve.NewMatchAllQuery(), nil
	case "text":
		if q := ix.wordsQuery(value, fText); q != nil {
			return q, nil
		}
		return bleve.NewMatchAllQuery(), nil
	case "mention":
		return mentionQuery(value)
	case "funder", "instrument", "fcommune", "fdept":
		return ix.fundingFieldQuery(field, value)
	case "amount":
		return amountQuery(op, value)
	case "date":
		return dateQuery(op, value)
	}
	return nil, fmt.Errorf("query: unknown field %q", field)
}

// personQuery matches a person by name, whatever the case, accents, hyphens and word
// order.
func personQuery(field, value string) query.Query {
	return codeQuery(field, personKey(value))
}

// ParseAmount reads an amount in euros as a user writes it: 1000000, 1e6,
// 1 000 000, 1,5M, 200k, 2Md.
func ParseAmount(s string) (float64, error) {
	v, err := querylang.ParseAmount(s)
	if err != nil {
		return 0, fmt.Errorf("query: %w", err)
	}
	return v, nil
}

func amountQuery(op, value string) (query.Query, error) {
	incl := true
	var lo, hi *float64
	switch op {
	case ":":
		a, b, isRange := strings.Cut(value, "..")
		if !isRange {
			v, err := ParseAmount(value)
			if err != nil {
				return nil, err
			}
			// Equal within 0.5 %, as the guidelines compare amounts.
			l, h := v*0.995, v*1.005
			return newAmountRange(&l, &h, true, true), nil
		}
		if a != "" {
			v, err := ParseAmount(a)
			if err != nil {
				return nil, err
			}
			lo = &v
		}
		if b != "" {
			v, err := ParseAmount(b)
			if err != nil {
				return nil, err
			}
			hi = &v
		}
	default:
		v, err := ParseAmount(value)
		if err != nil {
			return nil, err
		}
		switch op {
		case ">", ">=":
			lo = &v
		case "<", "<=":
			hi = &v
		}
		incl = op == ">=" || op == "<="
	}
	return newAmountRange(lo, hi, incl, incl), nil
}

// dateBounds returns the first instant of a YYYY, YYYY-MM or YYYY-MM-DD value and the
// first instant after it.
func dateBounds(s string) (time.Time, time.Time, error) {
	t, ok := parseISO(s)
	if !ok {
		return time.Time{}, time.Time{}, fmt.Errorf("query: bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
	}
	switch len(s) {
	case 4:
		return t, t.AddDate(1, 0, 0), nil
	case 7:
		return t, t.AddDate(0, 1, 0), nil
	}
	return t, t.AddDate(0, 0, 1), nil
}

// PublishedRange builds a query on the publication date between from and to
// (inclusive, each YYYY, YYYY-MM or YYYY-MM-DD, either may be empty).
func publishedRange(from, to string) (query.Query, error) {
	start := time.Date(minYear, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(maxYear+1, 1, 1, 0, 0, 0, 0, time.UTC)
	if from != "" {
		s, _, err := dateBounds(from)
		if err != nil {
			return nil, err
		}
		start = s
	}
	if to != "" {
		_, e, err := dateBounds(to)
		if err != nil {
			return nil, err
		}
		end = e
	}
	terms := coverDays(start, end)
	if len(terms) == 0 {
		return bleve.NewMatchNoneQuery(), nil
	}
	return bleve.NewDisjunctionQuery(terms...), nil
}

// The publication dates a range can reach.
const minYear, maxYear = 1800, 2200

// coverDays returns the fewest year, month and day terms whose union is the days of
// [start, end): publication dates are indexed as keywords at each precision
// (see toFields), so a range is a disjunction of whole years, then whole months at
// its edges, then days. A document dated to the year only is inside a range when its
// whole year is, as a datetime at 1 January would be compared.
func coverDays(start, end time.Time) []query.Query {
	if start.Year() < minYear {
		start = time.Date(minYear, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if end.Year() > maxYear {
		end = time.Date(maxYear+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	var out []query.Query
	for d := start; d.Before(end); {
		y := time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		m := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		switch {
		case d.Equal(y) && !y.AddDate(1, 0, 0).After(end):
			out = append(out, termQ(fYear, d.Format("2006")))
			d = y.AddDate(1, 0, 0)
		case d.Equal(m) && !m.AddDate(0, 1, 0).After(end):
			out = append(out, termQ(fMonth, d.Format("2006-01")))
			d = m.AddDate(0, 1, 0)
		default:
			out = append(out, termQ(fDay, d.Format("2006-01-02")))
			d = d.AddDate(0, 0, 1)
		}
	}
	return out
}

func dateQuery(op, value string) (query.Query, error) {
	switch op {
	case ":":
		a, b, isRange := strings.Cut(value, "..")
		if !isRange {
			return publishedRange(value, value)
		}
		return publishedRange(a, b)
	case ">=":
		return publishedRange(value, "")
	case "<=":
		return publishedRange("", value)
	case ">":
		_, e, err := dateBounds(value)
		if err != nil {
			return nil, err
		}
		return publishedRange(e.Format("2006-01-02"), "")
	case "<":
		s, _, err := dateBounds(value)
		if err != nil {
			return nil, err
		}
		return publishedRange("", s.AddDate(0, 0, -1).Format("2006-01-02"))
	}
	return nil, fmt.Errorf("query: bad date comparison %s", op)
}

// buildQuery combines the text and the filters of q.
func (ix *Index) buildQuery(q Query) (query.Query, error) {
	bq, _, err := ix.buildQueryHints(q)
	return bq, err
}

// buildQueryHints is buildQuery with the hints about q: lower-case connectives in
// its text, values that name nothing the index holds.
func (ix *Index) buildQueryHints(q Query) (query.Query, []Hint, error) {
	b := &builder{ix: ix, src: q.Text}
	var must []query.Query
	if strings.TrimSpace(q.Text) != "" {
		n, err := querylang.Parse(q.Text)
		if err != nil {
			return nil, nil, err
		}
		for _, h := range querylang.Hints(n) {
			b.hints = append(b.hints, Hint{Message: h.Msg, Col: querylang.NewError(q.Text, h.Pos, "").Col})
		}
		bn, err := b.node(n)
		if err != nil {
			return nil, nil, err
		}
		must = append(must, finish(bn))
	}
	filters, err := b.filters(q)
	if err != nil {
		return nil, nil, err
	}
	must = append(must, filters...)
	switch len(must) {
	case 0:
		return bleve.NewMatchAllQuery(), b.hints, nil
	case 1:
		return must[0], b.hints, nil
	}
	return bleve.NewConjunctionQuery(must...), b.hints, nil
}

// filters builds the filters of q, each a disjunction of its values.
func (b *builder) filters(q Query) ([]query.Query, error) {
	var must []query.Query
	for _, f := range []struct {
		field  string
		values []string
	}{
		{"commune", q.Communes}, {"dept", q.Depts}, {"epci", q.EPCIs}, {"theme", q.Themes},
		{"genre", q.Genres}, {"person", q.People}, {"signatory", q.Signatories}, {"source", q.Sources},
		{"funder", q.Funders}, {"instrument", q.Instruments}, {"fcommune", q.FundCommunes}, {"fdept", q.FundDepts},
	} {
		var disj []query.Query
		for _, v := range f.values {
			fq, err := b.field(f.field, ":", v, -1)
			if err != nil {
				return nil, err
			}
			disj = append(disj, fq)
		}
		switch len(disj) {
		case 0:
		case 1:
			must = append(must, disj[0])
		default:
			must = append(must, bleve.NewDisjunctionQuery(disj...))
		}
	}
	if q.MinAmount != nil || q.MaxAmount != nil {
		must = append(must, newAmountRange(q.MinAmount, q.MaxAmount, true, true))
	}
	if q.From != "" || q.To != "" {
		dq, err := publishedRange(q.From, q.To)
		if err != nil {
			return nil, b.errAt(-1, err)
		}
		must = append(must, dq)
	}
	return must, nil
}

// mentionQuery matches a date mentioned in the text: one value at any precision, or
// a range of years ("2018..2020").
func mentionQuery(value string) (query.Query, error) {
	a, b, isRange := strings.Cut(value, "..")
	if !isRange {
		if _, ok := parseISO(value); !ok {
			return nil, fmt.Errorf("query: bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", value)
		}
		return termQ(fDates, value), nil
	}
	from, err1 := strconv.Atoi(a)
	to, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || len(a) != 4 || len(b) != 4 || to < from || to-from > 200 {
		return nil, fmt.Errorf("query: bad range of years %q (want YYYY..YYYY)", value)
	}
	var years []query.Query
	for y := from; y <= to; y++ {
		years = append(years, termQ(fDates, strconv.Itoa(y)))
	}
	return bleve.NewDisjunctionQuery(years...), nil
}
