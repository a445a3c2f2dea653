package parties

import (
	"sort"
	"strings"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/text"
)

// merge groups the mentions into persons: full names by their compact key, then
// surnames alone and initials with the one full name that has that surname.
func (ps *peopleScanner) merge() []corpus.Person {
	type person struct {
		p       corpus.Person
		surname string // compact key of the surname
		first   int
	}
	var out []*person
	byKey := map[string]*person{}
	span := func(m mention) corpus.Span {
		return corpus.Span{Start: int(ps.toks[m.ti].s), End: int(ps.toks[m.tj-1].e)}
	}
	// key holds the compact key of a mention's name, compactKey(m.name()), built
	// without the name; looking a []byte up in a map copies nothing.
	var key []byte
	nameKey := func(m *mention) []byte {
		key = appendCompactKey(appendCompactKey(key[:0], m.given), m.surname)
		return key
	}
	better := func(p *person, m mention) {
		// accents and length of m.name(), which is built only when it is better
		an, n := accents(m.given)+accents(m.surname), len(m.surname)
		if m.given != "" {
			n += len(m.given) + 1
		}
		if a := accents(p.p.Name); an > a || an == a && n > len(p.p.Name) {
			p.p.Name = m.name()
		}
		if len(m.role) > len(p.p.Role) {
			p.p.Role = m.role
		}
		p.p.Spans = append(p.p.Spans, span(m))
	}
	var partial []mention
	for _, m := range ps.mentions {
		if m.surnameOnly || m.initial {
			partial = append(partial, m)
			continue
		}
		k := nameKey(&m)
		if p := byKey[string(k)]; p != nil {
			better(p, m)
			continue
		}
		p := &person{p: corpus.Person{Name: m.name(), Role: m.role, Spans: []corpus.Span{span(m)}},
			surname: compactKey(m.surname), first: int(ps.toks[m.ti].s)}
		byKey[string(k)] = p
		out = append(out, p)
	}
	for _, m := range partial {
		sk := compactKey(m.surname)
		var match *person
		n := 0
		for _, p := range out {
			if p.surname != sk || p.p.Name == "" {
				continue
			}
			if m.initial && !strings.HasPrefix(text.Fold(p.p.Name), text.Fold(strings.TrimSuffix(m.given, "."))) {
				continue
			}
			match = p
			n++
		}
		if n == 1 {
			if len(m.role) > len(match.p.Role) {
				match.p.Role = m.role
			}
			match.p.Spans = append(match.p.Spans, span(m))
			continue
		}
		k := nameKey(&m)
		if p := byKey[string(k)]; p != nil {
			better(p, m)
			continue
		}
		p := &person{p: corpus.Person{Name: m.name(), Role: m.role, Spans: []corpus.Span{span(m)}},
			surname: sk, first: int(ps.toks[m.ti].s)}
		byKey[string(k)] = p
		out = append(out, p)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].first < out[b].first })
	res := make([]corpus.Person, len(out))
	for i, p := range out {
		p.p.Key = PersonKey(p.p.Name)
		res[i] = p.p
	}
	return res
}

// accents counts the letters of s outside ASCII and the hyphens: the fuller form of
// a name has more of them ("Neveü", "Pierre-René").
func accents(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf || r == '-' {
			n++
		}
	}
	return n
}
