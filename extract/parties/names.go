package parties

import (
	"strings"

	"terril/extract/names"
)

// parseName reads a name at token p: "Given [Given] [particles] Surname [Surname]",
// "SURNAME Given", "B. Surname", or, when titled (after a civility or a title), an
// unknown given name or a surname alone. It fills m, from scratch.
func (ps *peopleScanner) parseName(p int, titled bool, m *mention) (unknownGiven, ok bool) {
	*m = mention{ti: p}
	// "M. de la PERRAUDIERE Louis-René": particles in lower case before a surname
	// in capitals, after a civility.
	sp := p
	for titled && sp < p+2 && ps.particle(sp) && ps.toks[sp].cas == pcLower {
		sp++
	}
	lowParticles := sp > p && ps.nameToken(sp) && ps.toks[sp].cas == pcUpper
	particle := ps.particle(p)
	if particle && !(titled && ps.nameToken(p+1)) && !lowParticles &&
		!(ps.toks[p].cas == pcUpper && ps.nameToken(p+1) && ps.toks[p+1].cas == pcUpper) {
		return false, false
	}
	if !lowParticles {
		sp = p
	}
	// SURNAME Given: capitals followed by given names that end the name.
	if sp < len(ps.toks) && (ps.toks[sp].cas == pcUpper || ps.toks[sp].cas == pcInitial) {
		if unknownGiven, ok := ps.surnameFirst(p, sp, titled, m); ok {
			return unknownGiven, true
		}
	}
	if particle && !titled {
		return false, false // "DU GARD": a particle starts no name but "EL AMRANI Fatima"
	}
	var buf [3]string // givenNames reads at most three
	givens, q := ps.givenNames(p, buf[:0])
	if len(givens) == 0 {
		var done, ok bool
		if q, unknownGiven, done, ok = ps.withoutGiven(p, titled, m); done {
			return false, ok
		}
	} else {
		m.given = strings.Join(givens, " ")
	}
	return ps.surnameAfter(p, q, givens, titled, unknownGiven, m)
}

// surnameFirst reads a name in "SURNAME Given" order at token sp (p, before the
// particles in lower case that may open it): capitals followed by given names that
// end the name, or by an unknown given name where the name is expected ("M.
// DURAND Kévin"). It fills m and reports whether it read one.
func (ps *peopleScanner) surnameFirst(p, sp int, titled bool, m *mention) (unknownGiven, ok bool) {
	elided := ps.elidedInitial(sp) && ps.toks[sp+1].cas == pcUpper // "N'GUESSAN Koffi"
	if !elided && !(ps.nameToken(sp) && ps.toks[sp].cas == pcUpper) {
		return false, false
	}
	q := sp
	if elided {
		q += 2
	}
	for q < sp+3 && (ps.nameToken(q) || ps.particle(q)) && ps.toks[q].cas == pcUpper {
		q++
	}
	g := q
	if titled {
		for n := 0; n < 2 && g < len(ps.toks) && ps.toks[g].kind == ptNewline; n++ {
			g++
		}
	}
	var givens []string
	g0 := g
	for g < g0+2 && ps.toks[min(g, len(ps.toks)-1)].cas == pcTitle {
		gv, ok := ps.givenAt(g)
		if !ok {
			break
		}
		givens = append(givens, gv)
		g++
	}
	if len(givens) > 0 && ps.nameEnds(g) && ps.upperSurnameOK(p, q) {
		m.given = strings.Join(givens, " ")
		m.surname = ps.surnameText(p, q)
		m.tj, m.sk, m.gk = g, q-1, g-len(givens)
		return false, true
	}
	if len(givens) == 0 && titled && g == g0 && ps.nameToken(g) && ps.toks[g].cas == pcTitle &&
		!pFrench(ps.folded(g)) && ps.nameEnds(g+1) && ps.upperSurnameOK(p, q) {
		// "M. DURAND Kévin", "…, N'GUESSAN Koffi": an unknown given name after the
		// surname in capitals, where the name is expected.
		m.given = ps.word(g)
		m.surname = ps.surnameText(p, q)
		m.tj, m.sk, m.gk = g+1, q-1, g
		return true, true
	}
	return false, false
}

// givenNames reads up to three given names from token p, of p's case, a compound
// cut after its hyphen joined ("Jean- Claude"); it returns them, appended to
// givens, and the token after them.
func (ps *peopleScanner) givenNames(p int, givens []string) ([]string, int) {
	q := p
	for len(givens) < 3 {
		gv, ok := ps.givenAt(q)
		if !ok || (len(givens) > 0 && ps.toks[q].cas != ps.toks[p].cas) {
			break
		}
		givens = append(givens, gv)
		q++
		if ps.isPunct(q, "-") && ps.toks[q].s == ps.toks[q-1].e && ps.toks[min(q+1, len(ps.toks)-1)].cas == ps.toks[p].cas {
			// "Jean- Claude CRETINON": a compound given name cut after its hyphen.
			if g2, ok := ps.givenAt(q + 1); ok {
				givens[len(givens)-1] += "-" + g2
				q += 2
			}
		}
	}
	return givens, q
}

// withoutGiven reads the start of a name at token p with no known given name: an
// initial ("B. Troni"), or, where a name is expected, an unknown given name or a
// surname alone. It returns the token after what it read, whether that is an
// unknown given name, and, when done, whether it read the whole name into m.
func (ps *peopleScanner) withoutGiven(p int, titled bool, m *mention) (q int, unknownGiven, done, ok bool) {
	q = p
	switch {
	case ps.isWord(p) && ps.toks[p].cas == pcInitial && ps.isPunct(p+1, ".") && ps.nameToken(p+2) &&
		!(ps.isPunct(p-1, ".") && ps.isWord(p-2) && ps.toks[p-2].cas == pcInitial):
		// (not the last letter of "S.A.S. Vildor")
		// "B. Troni": kept as written.
		m.initial = true
		m.given = ps.word(p) + "."
		q = p + 2
	case titled && ps.toks[p].cas == pcUpper && ps.nameToken(p+1) && ps.toks[p+1].cas == pcUpper && !ps.nameToken(p+2) && ps.upperSurnameOK(p, p+1):
		// "Mme LEFEVRE AMANDINE": in capitals, an unknown word before a given name
		// is the surname.
		if g, ok := ps.givenAt(p + 1); ok {
			m.given, m.surname = g, normalCase(ps.word(p))
			m.tj, m.sk, m.gk = p+2, p, p+1
			return q, false, true, true
		}
		m.given = normalCase(ps.word(p))
		unknownGiven = true
		q = p + 1
	case titled && ps.nameToken(p) && (ps.nameToken(p+1) || ps.particle(p+1) && ps.nameToken(p+2)):
		m.given = normalCase(ps.word(p))
		unknownGiven = true
		q = p + 1
	case titled && ps.nameToken(p):
		m.surnameOnly = true
	case ps.nameToken(p) && ps.toks[p].cas == pcTitle && ps.nameToken(p+1) && ps.apposition(p+2) && !pFrench(ps.folded(p)):
		m.given = normalCase(ps.word(p))
		unknownGiven = true
		q = p + 1
	default:
		return q, false, true, false
	}
	return q, unknownGiven, false, false
}

// surnameAfter reads the surname of a name whose given names (givens, or what
// withoutGiven read) end before token q, its particles first, into m.
func (ps *peopleScanner) surnameAfter(p, q int, givens []string, titled, unknownGiven bool, m *mention) (bool, bool) {
	// A name cut by a line break after the given name, in a sentence that titles the
	// person ("à M. Thibaut⏎DARGON, directeur", "Mme Nobla⏎BEN GARA"), or with the
	// surname in capitals after an unambiguous given name ("Alessandra⏎STURANI" in a
	// list of those present).
	if len(givens) > 0 && q+1 < len(ps.toks) && ps.toks[q].kind == ptNewline &&
		(titled || ps.toks[p].cas == pcTitle && ps.toks[q+1].cas == pcUpper && !ambiguousGiven.has(ps.folded(p))) &&
		ps.surnameAfterBreak(q+1) {
		q++
	}
	// Particles, then the surname.
	s := q
	for ps.particle(s) && (ps.nameToken(s+1) || ps.particle(s+1)) && s < q+2 {
		s++
	}
	if ps.elidedInitial(s) && !m.surnameOnly {
		// "Juliana M'Doihoma", "Aminata N'DIAYE"
		m.surname = ps.surnameText(q, s+2)
		m.tj, m.sk, m.gk = s+2, s+1, p
		return unknownGiven, true
	}
	if !ps.nameToken(s) {
		switch {
		case len(givens) == 2 && ps.toks[p].cas == pcUpper && names.IsSurname(ps.folded(p)) && !names.IsSurname(ps.folded(p+1)):
			// "MICHEL LAETITIA": in capitals, a surname that is also a given name
			// before a given name only.
			m.given, m.surname = givens[1], givens[0]
			m.tj, m.sk, m.gk = q, p, p+1
			return false, true
		case len(givens) >= 2:
			// "Xavier Bertrand": the last "given name" is the surname.
			m.given = strings.Join(givens[:len(givens)-1], " ")
			m.surname = givens[len(givens)-1]
			m.tj, m.sk, m.gk = q, q-1, p
			return false, true
		case len(givens) == 1 && titled:
			m.given, m.surname, m.surnameOnly = "", givens[0], true
			m.tj, m.sk, m.gk = q, q-1, -1
			return false, true
		}
		return false, false
	}
	e := s + 1
	upper := ps.toks[s].cas == pcUpper
	for n := 0; n < 2; n++ {
		if e+1 < len(ps.toks) && ps.toks[e].kind == ptNewline && ps.particle(e-1) && ps.nameToken(e+1) {
			e++ // "Mme Sandrine DE⏎RIDDER": a particle ends no name
		}
		if !ps.nameToken(e) || ps.isPunct(e+1, ":") {
			break // "Mme Laurence GREGOIRE BONNIEUX : M. Pascal RAGOT": a list's heading
		}
		if nameStopWords.has(ps.folded(e)) {
			break // "Secrétaire : Jenny OLLIVIER ORDRE DU JOUR"
		}
		if upper {
			if ps.toks[e].cas != pcUpper {
				break
			}
		} else {
			f := ps.folded(e)
			if ps.toks[e].cas != pcTitle || names.IsGiven(f) || nameStopWords.has(f) || pFrench(f) {
				break
			}
		}
		e++
	}
	if m.surnameOnly {
		m.given = ""
	}
	m.surname = ps.surnameText(q, e)
	m.tj, m.sk, m.gk = e, e-1, p
	if m.surnameOnly {
		m.gk = -1
	}
	return unknownGiven, true
}

// elidedInitial reports whether token k is a capital and an apostrophe glued to a
// capitalised word that completes it ("M'Doihoma", "N'DIAYE").
func (ps *peopleScanner) elidedInitial(k int) bool {
	// Small enough to be inlined: most tokens are no initial.
	return k >= 0 && k < len(ps.toks) && ps.toks[k].cas == pcInitial && ps.toks[k].e-ps.toks[k].s == 2 && ps.elidedRest(k)
}

// elidedRest is the rest of elidedInitial, for an initial of two bytes at k.
func (ps *peopleScanner) elidedRest(k int) bool {
	return ps.t.S[ps.toks[k].e-1] == '\'' && ps.nameToken(k+1) && ps.toks[k+1].s == ps.toks[k].e && len(ps.folded(k+1)) >= 3
}

// surnameAfterBreak reports whether the line that starts at token k opens with a
// surname that completes a name cut at the line before: in capitals ("DARGON",
// "BEN GARA"), or a capitalised word that is neither a common word nor a given name
// and is followed by a comma or the end of the line ("Oddone, Directeur").
func (ps *peopleScanner) surnameAfterBreak(k int) bool {
	s := k
	if ps.particle(s) && ps.nameToken(s+1) {
		s++
	}
	if !ps.nameToken(s) || nameStopWords.has(ps.folded(s)) {
		return false
	}
	if ps.toks[s].cas == pcUpper {
		return len(ps.folded(s)) >= 2 && strings.ContainsAny(ps.folded(s), "aeiouy")
	}
	f := ps.folded(s)
	if pFrench(f) && !names.IsSurname(f) || names.IsGiven(f) {
		return false
	}
	return ps.isPunct(s+1, ",") || s+1 >= len(ps.toks) || ps.toks[s+1].kind == ptNewline
}

// nameEnds reports whether a name can end before token g: g is no name token, a
// heading ("ROUSSEAU Philippe Absents : …"), a function ("DUPONT Jean Maire"), or
// the next name in SURNAME Given order.
func (ps *peopleScanner) nameEnds(g int) bool {
	if !ps.nameToken(g) || nameStopWords.has(ps.folded(g)) || ps.isPunct(g+1, ":") || roleNouns.has(ps.folded(g)) {
		return true
	}
	// The next name of a table's row ("DUPONT Jean MARTIN Sophie"): a surname in
	// capitals and a known given name.
	if ps.toks[g].cas == pcUpper && ps.toks[min(g+1, len(ps.toks)-1)].cas == pcTitle && !ambiguousGiven.has(ps.folded(g+1)) {
		_, ok := ps.givenAt(g + 1)
		return ok
	}
	return false
}

// upperSurnameOK reports whether capitals [p, q) can be a surname written before the
// given name: not an acronym ("CDC"), not a word of an organisation. A month is a
// surname there ("AVRIL Florence") unless a number comes before it (a date).
func (ps *peopleScanner) upperSurnameOK(p, q int) bool {
	for i := p; i < q; i++ {
		f := ps.folded(i)
		if q-p == 1 && monthSurnames.has(f) && !ps.afterNumber(p) {
			continue
		}
		if ps.elidedInitial(i) {
			continue
		}
		if nameStopWords.has(f) || (!ps.particle(i) && (len(f) < 3 || !strings.ContainsAny(f, "aeiouy"))) {
			return false
		}
	}
	return true
}

// afterNumber reports whether token k follows a number ("15 AVRIL", "1er MAI").
func (ps *peopleScanner) afterNumber(k int) bool {
	p := k - 1
	if ps.folded(p) == "er" {
		p--
	}
	return p >= 0 && ps.toks[p].kind == ptPunct && ps.t.S[ps.toks[p].s] >= '0' && ps.t.S[ps.toks[p].s] <= '9'
}

// monthSurnames are months that are also surnames.
var monthSurnames = tableOf("avril", "mars", "janvier", "fevrier", "juillet", "aout", "mai", "juin")

// surnameText writes tokens [p, q) as a surname: particles in lower case ("de",
// "d'") except Le/La, capitals in normal case.
func (ps *peopleScanner) surnameText(p, q int) string {
	// Most surnames are one word: it is returned as it is, the builder (and its
	// allocation) kept for two words or more.
	var b strings.Builder
	one, n := "", 0
	for i := p; i < q; i++ {
		if ps.toks[i].kind == ptNewline {
			continue
		}
		w := ps.word(i)
		if ps.particle(i) && i+1 < q {
			f := ps.folded(i)
			if f == "le" || f == "la" {
				w = normalCase(w)
			} else {
				w = strings.ToLower(w)
			}
		} else {
			w = normalCase(w)
		}
		if n++; n == 1 {
			one = w
			continue
		} else if n == 2 {
			b.WriteString(one)
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "'") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	if n < 2 {
		return one
	}
	return b.String()
}

// plausible applies the evidence rules to a parsed name.
func (ps *peopleScanner) plausible(m mention, strong, unknownGiven bool) bool {
	if unknownGiven && !strong {
		return false
	}
	for i := m.ti; i < m.tj; i++ {
		f := ps.folded(i)
		if i == m.sk && m.gk > m.sk && monthSurnames.has(f) && !ps.afterNumber(i) {
			continue // "AVRIL Florence"
		}
		if nameStopWords.has(f) || ps.toks[i].cas == pcUpper && !strings.ContainsAny(f, "aeiouy") {
			return false // a word of an organisation, an acronym ("CLS")
		}
	}
	last := m.sk
	lf := ps.folded(last)
	if m.surnameOnly && !strong {
		return false
	}
	if m.surnameOnly && pFrench(lf) && !names.IsSurname(lf) && !(ps.toks[last].cas == pcUpper && ps.civilityBefore(m.ti)) {
		// ("Monsieur PINTA", in capitals after a civility, is a surname)
		return false
	}
	if strong {
		return true
	}
	gf := ps.folded(m.gk)
	// "Catherine VINAS", "Jean-Pierre PLUS": a known given name, then the surname in
	// capitals as administrative French writes it, is a person even when the surname
	// is also a word.
	capsSurname := m.gk >= 0 && m.gk < last && ps.toks[m.gk].cas == pcTitle && ps.toks[last].cas == pcUpper &&
		!ambiguousGiven.has(gf)
	if pFrench(lf) && !names.IsSurname(lf) && !capsSurname {
		return false
	}
	if ambiguousGiven.has(gf) && !names.IsSurname(lf) && ps.toks[last].cas != pcUpper {
		return false
	}
	if m.gk >= 0 && ps.toks[m.gk].cas == pcUpper && (ambiguousGiven.has(gf) || pFrench(lf)) {
		return false
	}
	if m.initial && pFrench(lf) {
		return false
	}
	return true
}

// givenWithAge reads a person the text names by a given name alone, as articles
// present private persons: with an age ("Kévin, 23 ans, a fait la route",
// "Mélissa (31 ans)") or a relative clause ("Aurélie, qui a repris la
// boulangerie"). A given name alone is otherwise no person: lists of first names in
// minutes, a name cut by a line break. It fills m when it finds one.
func (ps *peopleScanner) givenWithAge(i int, m *mention) bool {
	if ps.toks[i].cas != pcTitle || !(ps.isPunct(i+1, ",") || ps.isPunct(i+1, "(")) {
		return false
	}
	d := ps.word(i + 2)
	age := d != "" && d[0] >= '0' && d[0] <= '9' && len(d) <= 3 && ps.folded(i+3) == "ans"
	if !age && !(ps.isPunct(i+1, ",") && ps.folded(i+2) == "qui") {
		return false
	}
	g, ok := ps.givenAt(i)
	if !ok || ambiguousGiven.has(ps.folded(i)) || ps.capital(i-1) && ps.civility(i-1) == 0 {
		return false
	}
	*m = mention{ti: i, tj: i + 1, sk: i, gk: i, surname: g}
	return true
}
