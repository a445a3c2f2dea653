package parties

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"terril/corpus"
	"terril/extract/text"
)

// A merged person of merge, kept in the scanner's lent slices: its spans are
// collected in personSpans and copied into one array at the end.
type merged struct {
	p corpus.Person // its spans and name excepted
	// The parts of its name (a mention's given and surname): the names of a
	// document's persons are written into one string by personsOf.
	given, last string
	surname     string // compact key of the surname
	first       int
	spans       int // how many spans of personSpans are its
}

// nameLen is the length of the person's name (see mention.name).
func (p *merged) nameLen() int {
	if p.given == "" {
		return len(p.last)
	}
	return len(p.given) + 1 + len(p.last)
}

// appendName appends the person's name (see mention.name) to b.
func (p *merged) appendName(b []byte) []byte {
	if p.given != "" {
		b = append(append(b, p.given...), ' ')
	}
	return append(b, p.last...)
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
	people, spans, keys, byKey := ps.merged[:0], ps.spans[:0], ps.keys[:0], ps.byKey
	if byKey == nil {
		byKey = map[string]int32{}
	}
	clear(byKey)
	defer func() {
		if len(byKey) > 256 {
			byKey = nil // clearing a map costs its size: a large one is not kept
		}
		ps.merged, ps.spans, ps.keys, ps.byKey = people[:0], spans[:0], keys[:0], byKey
	}()
	// keyOf appends the compact key of a given name and a surname to keys, and returns
	// it as a view of keys' array: the bytes of a view are never written again during
	// the call, and the views (byKey's keys, the persons' surnames) are read during
	// the call only. The keys cost no allocation each.
	keyOf := func(given, surname string) string {
		n := len(keys)
		if keys = appendCompactKey(appendCompactKey(keys, given), surname); len(keys) == n {
			return ""
		}
		return unsafe.String(&keys[n], len(keys)-n)
	}
	var out []int32 // indices of people, sorted at the end
	span := func(p int32, m mention) {
		spans = append(spans, personSpan{p: p, s: corpus.Span{Start: int(ps.toks[m.ti].s), End: int(ps.toks[m.tj-1].e)}})
		people[p].spans++
	}
	newPerson := func(m mention, surname string) int32 {
		people = append(people, merged{p: corpus.Person{Role: m.role}, given: m.given, last: m.surname,
			surname: surname, first: int(ps.toks[m.ti].s)})
		p := int32(len(people) - 1)
		span(p, m)
		out = append(out, p)
		return p
	}
	better := func(i int32, m mention) {
		p := &people[i]
		// accents and length of m.name(), which is built only when it is better
		an, n := accents(m.given)+accents(m.surname), len(m.surname)
		if m.given != "" {
			n += len(m.given) + 1
		}
		if a := accents(p.given) + accents(p.last); an > a || an == a && n > p.nameLen() {
			p.given, p.last = m.given, m.surname
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
		n := len(keys)
		k := keyOf(m.given, m.surname) // compactKey(m.name())
		if i, ok := byKey[k]; ok {
			keys = keys[:n] // the view is not kept
			better(i, m)
			continue
		}
		byKey[k] = newPerson(m, keyOf("", m.surname))
	}
	for _, m := range partial {
		sk := keyOf("", m.surname)
		match, n := int32(-1), 0
		for _, i := range out {
			p := &people[i]
			if p.surname != sk || p.nameLen() == 0 {
				continue
			}
			if m.initial && !strings.HasPrefix(text.Fold(string(p.appendName(nil))), text.Fold(strings.TrimSuffix(m.given, "."))) {
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
		k := keyOf(m.given, m.surname)
		if i, ok := byKey[k]; ok {
			better(i, m)
			continue
		}
		byKey[k] = newPerson(m, sk)
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
	// The names, then the keys, are written one after the other (on the stack
	// while they fit) and cut from one string.
	var nbuf [512]byte
	nb := nbuf[:0]
	for _, j := range out {
		nb = people[j].appendName(nb)
	}
	names, o := string(nb), 0
	for _, j := range out {
		p := &people[j]
		n := p.nameLen()
		p.p.Name, o = names[o:o+n], o+n
	}
	var kbuf [512]byte
	kb := kbuf[:0]
	for _, j := range out {
		p := &people[j]
		p.p.Spans = all[p.first-p.spans : p.first : p.first]
		kb = appendPersonKey(kb, p.p.Name)
		p.first = len(kb) // now the end of its key
	}
	keys, k := string(kb), 0
	for i, j := range out {
		p := &people[j]
		p.p.Key, k = keys[k:p.first], p.first
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
