package parties

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/text"
)

// A merged person of merge, kept in the scanner's lent slices: its spans are
// collected in personSpans and copied into one array at the end.
type merged struct {
	p       corpus.Person // its spans excepted
	surname string        // compact key of the surname
	first   int
	spans   int // how many spans of personSpans are its
}

// A personSpan is a span of person p (an index of peopleScanner.merged).
type personSpan struct {
	p int32
	s corpus.Span
}

// merge groups the mentions into persons: full names by their compact key, then
// surnames alone and initials with the one full name that has that surname. The
// persons and their spans are collected in the scanner's slices (lent by Buf), and
// the spans of all the persons returned share one array: a document's persons cost
// no allocation each but their names and keys.
func (ps *peopleScanner) merge() []corpus.Person {
	people, spans := ps.merged[:0], ps.spans[:0]
	defer func() { ps.merged, ps.spans = people[:0], spans[:0] }()
	var out []int32 // indices of people, sorted at the end
	byKey := map[string]int32{}
	span := func(p int32, m mention) {
		spans = append(spans, personSpan{p: p, s: corpus.Span{Start: int(ps.toks[m.ti].s), End: int(ps.toks[m.tj-1].e)}})
		people[p].spans++
	}
	newPerson := func(m mention, surname string) int32 {
		people = append(people, merged{p: corpus.Person{Name: m.name(), Role: m.role},
			surname: surname, first: int(ps.toks[m.ti].s)})
		p := int32(len(people) - 1)
		span(p, m)
		out = append(out, p)
		return p
	}
	// key holds the compact key of a mention's name, compactKey(m.name()), built
	// without the name; looking a []byte up in a map copies nothing.
	var key []byte
	nameKey := func(m *mention) []byte {
		key = appendCompactKey(appendCompactKey(key[:0], m.given), m.surname)
		return key
	}
	better := func(i int32, m mention) {
		p := &people[i]
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
		span(i, m)
	}
	var partial []mention
	for _, m := range ps.mentions {
		if m.surnameOnly || m.initial {
			partial = append(partial, m)
			continue
		}
		k := nameKey(&m)
		if i, ok := byKey[string(k)]; ok {
			better(i, m)
			continue
		}
		byKey[string(k)] = newPerson(m, compactKey(m.surname))
	}
	for _, m := range partial {
		sk := compactKey(m.surname)
		match, n := int32(-1), 0
		for _, i := range out {
			p := &people[i]
			if p.surname != sk || p.p.Name == "" {
				continue
			}
			if m.initial && !strings.HasPrefix(text.Fold(p.p.Name), text.Fold(strings.TrimSuffix(m.given, "."))) {
				continue
			}
			match = i
			n++
		}
		if n == 1 {
			if len(m.role) > len(people[match].p.Role) {
				people[match].p.Role = m.role
			}
			span(match, m)
			continue
		}
		k := nameKey(&m)
		if i, ok := byKey[string(k)]; ok {
			better(i, m)
			continue
		}
		byKey[string(k)] = newPerson(m, sk)
	}
	return personsOf(people, spans, out)
}

// personsOf returns the persons of people in the order of their first mention,
// their spans (of spans, in order) in one array.
func personsOf(people []merged, spans []personSpan, out []int32) []corpus.Person {
	slices.SortStableFunc(out, func(a, b int32) int { return cmp.Compare(people[a].first, people[b].first) })
	all := make([]corpus.Span, len(spans))
	// Once out is sorted, a person's first holds where its next span goes in all.
	o := 0
	for _, i := range out {
		p := &people[i]
		p.first, o = o, o+p.spans
	}
	res := make([]corpus.Person, len(out))
	for _, sp := range spans {
		p := &people[sp.p]
		all[p.first] = sp.s
		p.first++
	}
	for i, j := range out {
		p := &people[j]
		p.p.Spans = all[p.first-p.spans : p.first : p.first]
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
