package index

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// The query language, parsed by ParseQuery:
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

// fieldAliases maps the prefixes of the query language to canonical names.
var fieldAliases = map[string]string{
	"commune": "commune", "ville": "commune",
	"dept": "dept", "departement": "dept", "département": "dept",
	"epci": "epci", "interco": "epci",
	"theme": "theme", "thème": "theme",
	"genre":  "genre",
	"person": "person", "personne": "person", "people": "person",
	"signataire": "signatory", "signatory": "signatory",
	"source":  "source",
	"montant": "amount", "amount": "amount",
	"date": "date", "publie": "date", "publié": "date", "annee": "date", "année": "date", "year": "date",
	"titre": "title", "title": "title", "texte": "text", "text": "text",
	"mentionne": "mention", "mention": "mention",
	"id":        "id",
	"financeur": "funder", "funder": "funder", "instrument": "instrument",
	"fcommune": "fcommune", "beneficiaire": "fcommune", "bénéficiaire": "fcommune", "fdept": "fdept",
}

type tokKind int

const (
	tWord tokKind = iota
	tPhrase
	tLParen
	tRParen
	tAnd
	tOr
	tNot
)

type qtoken struct {
	kind  tokKind
	text  string // word or phrase
	field string // canonical field for field:value, "" otherwise
	op    string // ":", ">", ">=", "<", "<="
	neg   bool   // prefixed with '-'
}

var fieldRE = regexp.MustCompile(`^([\p{L}]+)(:|>=|<=|>|<)(.*)$`)

// lexQuery splits a query into tokens.
func lexQuery(s string) ([]qtoken, error) {
	var toks []qtoken
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
			continue
		case r == '(':
			toks = append(toks, qtoken{kind: tLParen})
			i++
			continue
		case r == ')':
			toks = append(toks, qtoken{kind: tRParen})
			i++
			continue
		}
		neg := false
		if (r == '-' || r == '+') && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) && !unicode.IsDigit(rs[i+1]) {
			neg = r == '-'
			i++
		}
		if i < len(rs) && (rs[i] == '"' || rs[i] == '«') {
			close := '"'
			if rs[i] == '«' {
				close = '»'
			}
			j := i + 1
			for j < len(rs) && rs[j] != close {
				j++
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("query: unclosed quote")
			}
			toks = append(toks, qtoken{kind: tPhrase, text: strings.TrimSpace(string(rs[i+1 : j])), neg: neg})
			i = j + 1
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '(' && rs[j] != ')' {
			if rs[j] == '"' && j > i && (rs[j-1] == ':') {
				// field:"a phrase"
				k := j + 1
				for k < len(rs) && rs[k] != '"' {
					k++
				}
				if k >= len(rs) {
					return nil, fmt.Errorf("query: unclosed quote")
				}
				j = k + 1
				break
			}
			j++
		}
		word := string(rs[i:j])
		i = j
		if !neg {
			switch word {
			case "AND", "ET", "&&":
				toks = append(toks, qtoken{kind: tAnd})
				continue
			case "OR", "OU", "||":
				toks = append(toks, qtoken{kind: tOr})
				continue
			case "NOT", "SAUF":
				toks = append(toks, qtoken{kind: tNot})
				continue
			}
		}
		t := qtoken{kind: tWord, text: word, neg: neg}
		if m := fieldRE.FindStringSubmatch(word); m != nil {
			if f, ok := fieldAliases[strings.ToLower(m[1])]; ok {
				t.field, t.op, t.text = f, m[2], strings.Trim(m[3], `"`)
				if t.text == "" {
					return nil, fmt.Errorf("query: %s needs a value", word)
				}
			}
		}
		toks = append(toks, t)
	}
	return toks, nil
}

// node is a parsed query: a Bleve query, possibly negated; nil q means "no constraint".
type node struct {
	q   query.Query
	neg bool
}

type parser struct {
	toks []qtoken
	pos  int
	ix   *Index
}

// ParseQuery parses the query language into a Bleve query. It is exported for
// tests and for the HTTP server's validation; Search calls it.
func (ix *Index) parseQuery(s string) (query.Query, error) {
	toks, err := lexQuery(s)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, ix: ix}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, fmt.Errorf("query: unexpected %s", p.describe(p.toks[p.pos]))
	}
	return finish(n), nil
}

func (p *parser) describe(t qtoken) string {
	switch t.kind {
	case tRParen:
		return "')'"
	case tLParen:
		return "'('"
	case tAnd:
		return "AND"
	case tOr:
		return "OR"
	case tNot:
		return "NOT"
	}
	return strconv.Quote(t.text)
}

// finish turns a node into a query that can stand alone.
func finish(n node) query.Query {
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

func (p *parser) or() (node, error) {
	left, err := p.and()
	if err != nil {
		return node{}, err
	}
	for p.pos < len(p.toks) && p.toks[p.pos].kind == tOr {
		p.pos++
		right, err := p.and()
		if err != nil {
			return node{}, err
		}
		if left.q == nil || right.q == nil {
			left = node{} // one side matches everything
			continue
		}
		left = node{q: bleve.NewDisjunctionQuery(finish(left), finish(right))}
	}
	return left, nil
}

func (p *parser) and() (node, error) {
	var pos, neg []query.Query
	for p.pos < len(p.toks) {
		t := p.toks[p.pos]
		if t.kind == tOr || t.kind == tRParen {
			break
		}
		if t.kind == tAnd {
			p.pos++
			continue
		}
		n, err := p.unary()
		if err != nil {
			return node{}, err
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
		return node{}, nil
	case len(neg) == 0 && len(pos) == 1:
		return node{q: pos[0]}, nil
	case len(neg) == 0:
		return node{q: bleve.NewConjunctionQuery(pos...)}, nil
	case len(pos) == 0:
		if len(neg) == 1 {
			return node{q: neg[0], neg: true}, nil
		}
		return node{q: bleve.NewDisjunctionQuery(neg...), neg: true}, nil
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(pos...)
	b.AddMustNot(neg...)
	return node{q: b}, nil
}

func (p *parser) unary() (node, error) {
	if p.toks[p.pos].kind == tNot {
		p.pos++
		if p.pos >= len(p.toks) {
			return node{}, fmt.Errorf("query: NOT at the end")
		}
		n, err := p.unary()
		n.neg = !n.neg
		return n, err
	}
	return p.primary()
}

func (p *parser) primary() (node, error) {
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case tLParen:
		n, err := p.or()
		if err != nil {
			return node{}, err
		}
		if p.pos >= len(p.toks) || p.toks[p.pos].kind != tRParen {
			return node{}, fmt.Errorf("query: missing ')'")
		}
		p.pos++
		return n, nil
	case tRParen:
		return node{}, fmt.Errorf("query: unexpected ')'")
	case tPhrase:
		return node{q: p.ix.phraseQuery(t.text, fTitle, fText), neg: t.neg}, nil
	case tWord:
		var q query.Query
		var err error
		if t.field != "" {
			q, err = p.ix.fieldQuery(t.field, t.op, t.text)
		} else {
			q = p.ix.wordsQuery(t.text, fTitle, fText)
		}
		if err != nil {
			return node{}, err
		}
		return node{q: q, neg: t.neg}, nil
	}
	return node{}, fmt.Errorf("query: unexpected %s", p.describe(t))
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
			return termQ(fCommune, value), nil
		}
		byName := termQ(fCommuneName, foldKey(value))
		if ix.Resolver == nil {
			return byName, nil
		}
		// The codes the name designates today (merged and renamed communes included),
		// or the name as indexed.
		disj := []query.Query{byName}
		for _, code := range ix.Resolver.CommuneCodes(value) {
			disj = append(disj, termQ(fCommune, code))
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
			return termQ(fEPCI, value), nil
		}
		if ix.Resolver != nil {
			if siren, ok := ix.Resolver.EPCISiren(value); ok {
				return termQ(fEPCI, siren), nil
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
	return termQ(field, personKey(value))
}

// ParseAmount reads an amount in euros as a user writes it: 1000000, 1e6,
// 1 000 000, 1,5M, 200k, 2Md.
func ParseAmount(s string) (float64, error) {
	t := strings.ToLower(strings.NewReplacer(" ", "", "\u00a0", "", "€", "", "eur", "").Replace(s))
	mult := 1.0
	for _, suf := range []struct {
		s string
		m float64
	}{{"mds", 1e9}, {"md", 1e9}, {"g", 1e9}, {"m", 1e6}, {"k", 1e3}} {
		if strings.HasSuffix(t, suf.s) {
			mult = suf.m
			t = strings.TrimSuffix(t, suf.s)
			break
		}
	}
	t = strings.ReplaceAll(t, ",", ".")
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("query: bad amount %q", s)
	}
	return v * mult, nil
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
			q := bleve.NewNumericRangeInclusiveQuery(&l, &h, &incl, &incl)
			q.SetField(fAmount)
			return q, nil
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
	q := bleve.NewNumericRangeInclusiveQuery(lo, hi, &incl, &incl)
	q.SetField(fAmount)
	return q, nil
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
	var must []query.Query
	if strings.TrimSpace(q.Text) != "" {
		tq, err := ix.parseQuery(q.Text)
		if err != nil {
			return nil, err
		}
		must = append(must, tq)
	}
	anyOf := func(field string, values []string) error {
		if len(values) == 0 {
			return nil
		}
		var disj []query.Query
		for _, v := range values {
			fq, err := ix.fieldQuery(field, ":", v)
			if err != nil {
				return err
			}
			disj = append(disj, fq)
		}
		if len(disj) == 1 {
			must = append(must, disj[0])
		} else {
			must = append(must, bleve.NewDisjunctionQuery(disj...))
		}
		return nil
	}
	for _, f := range []struct {
		field  string
		values []string
	}{
		{"commune", q.Communes}, {"dept", q.Depts}, {"epci", q.EPCIs}, {"theme", q.Themes},
		{"genre", q.Genres}, {"person", q.People}, {"signatory", q.Signatories}, {"source", q.Sources},
		{"funder", q.Funders}, {"instrument", q.Instruments}, {"fcommune", q.FundCommunes}, {"fdept", q.FundDepts},
	} {
		if err := anyOf(f.field, f.values); err != nil {
			return nil, err
		}
	}
	if q.MinAmount != nil || q.MaxAmount != nil {
		incl := true
		nq := bleve.NewNumericRangeInclusiveQuery(q.MinAmount, q.MaxAmount, &incl, &incl)
		nq.SetField(fAmount)
		must = append(must, nq)
	}
	if q.From != "" || q.To != "" {
		dq, err := publishedRange(q.From, q.To)
		if err != nil {
			return nil, err
		}
		must = append(must, dq)
	}
	switch len(must) {
	case 0:
		return bleve.NewMatchAllQuery(), nil
	case 1:
		return must[0], nil
	}
	return bleve.NewConjunctionQuery(must...), nil
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
