package parties

import (
	"strings"
)

// roleStart returns the number of tokens of a role's head at k: a role noun
// ("directeur", "Président"), or an adjective and a role noun ("Premier ministre",
// "vice président"), or 0.
func (ps *peopleScanner) roleStart(k int, plural bool) int {
	f := ps.folded(k)
	nouns := roleNouns
	if plural {
		nouns = rolePlurals
	}
	if nouns.has(f) {
		return 1
	}
	if roleAdjectives.has(f) && (nouns.has(ps.folded(k+1)) || roleNouns.has(ps.folded(k+1))) {
		return 2
	}
	return 0
}

// roleEnd extends a role that starts at token k to the end of its phrase: up to a
// punctuation mark, a line break, a verb or a relative pronoun; it returns the
// token after the role.
func (ps *peopleScanner) roleEnd(k int) int {
	e := k
	for n := 0; e < len(ps.toks) && n < 16; e, n = e+1, n+1 {
		tk := &ps.toks[e]
		if tk.kind == ptNewline && e > k {
			// A role wrapped by a line break: "président de la⏎Communauté…" or
			// "chargé⏎de l'habitat".
			nx := e + 1
			for nx < len(ps.toks) && ps.toks[nx].kind == ptNewline && nx-e < 2 {
				nx++
			}
			if roleTrailing.has(ps.folded(e-1)) && ps.isWord(nx) || ps.isWord(nx) && ps.toks[nx].cas == pcLower && !ps.roleStopAt(nx) {
				e = nx - 1
				continue
			}
			break
		}
		if tk.kind != ptWord {
			if tk.kind == ptPunct && ps.word(e)[0] >= '0' && ps.word(e)[0] <= '9' {
				continue
			}
			// "maire (DVG) de Hem": a short parenthesis inside the role, which goes on.
			if c := ps.parenClose(e); c > 0 && e > k && ps.isWord(c+1) && ps.toks[c+1].cas == pcLower && !ps.roleStopAt(c+1) {
				e = c
				continue
			}
			break
		}
		f := ps.folded(e)
		if ps.roleStopAt(e) {
			if f == "et" && ps.roleGoesOn(e) {
				continue
			}
			break
		}
		if e > k && tk.cas != pcLower {
			// A name after the role ("le préfet Michel Lalande") ends it.
			if _, ok := ps.givenAt(e); ok && ps.nameToken(e+1) {
				break
			}
			if ps.civility(e) > 0 {
				break
			}
		}
	}
	// Drop trailing function words.
	for e > k && roleTrailing.has(ps.folded(e-1)) {
		e--
	}
	return e
}

// roleGoesOn reports whether "et" at token k coordinates within a role ("chargé de
// l'éducation et des collèges", "président de la Région et maire de Lille") rather
// than ending it ("le directeur de la CDC et Xavier Bertrand").
func (ps *peopleScanner) roleGoesOn(k int) bool {
	if ps.roleStart(k+1, false) > 0 {
		return true
	}
	// "directeur de Maisons et Cités", "Arts et Métiers": "et" between two capitalised
	// words of an organisation's name, not before a person ("de la CDC et Xavier
	// Bertrand", "et M. Dupont", "et Martine").
	if ps.capital(k-1) && ps.toks[k-1].cas == pcTitle && ps.isWord(k+1) && ps.toks[k+1].cas == pcTitle && ps.civility(k+1) == 0 {
		if _, ok := ps.givenAt(k + 1); !ok && (!ps.nameToken(k+2) || pFrench(ps.folded(k+1))) {
			return true
		}
	}
	switch ps.folded(k + 1) {
	case "de", "du", "des", "d'", "a", "au", "aux":
		return ps.isWord(k+2) && (ps.toks[k+2].cas == pcLower || ps.particle(k+2))
	}
	return false
}

// roleStopAt reports whether token k ends a role: a verb, a relative pronoun, a
// conjunction ("a" the verb, not "à" the preposition).
func (ps *peopleScanner) roleStopAt(k int) bool {
	f := ps.folded(k)
	if f == "a" && ps.word(k) != "a" || f == "en" && ps.folded(k+1) == "charge" {
		return false
	}
	return roleStop.has(f)
}

// parenClose returns the ")" closing the "(" at token k after at most four words,
// or 0.
func (ps *peopleScanner) parenClose(k int) int {
	if !ps.isPunct(k, "(") {
		return 0
	}
	for c := k + 1; c < len(ps.toks) && c <= k+5; c++ {
		if ps.isPunct(c, ")") {
			if c > k+1 {
				return c
			}
			return 0
		}
		if !ps.isWord(c) {
			return 0
		}
	}
	return 0
}

// parenOpen returns the "(" opening the ")" at token k before at most four words,
// or 0.
func (ps *peopleScanner) parenOpen(k int) int {
	for o := k - 1; o > 0 && o >= k-5; o-- {
		if ps.isPunct(o, "(") {
			if o < k-1 {
				return o
			}
			return 0
		}
		if !ps.isWord(o) {
			return 0
		}
	}
	return 0
}

func (ps *peopleScanner) text(i, j int) string {
	if i >= j {
		return ""
	}
	s := ps.t.S[ps.toks[i].s:ps.toks[j-1].e]
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.Join(strings.Fields(s), " ") // a role wrapped by a line break
	}
	return s
}

// apposition reports whether a role follows the separator at token k
// (", directeur de…").
func (ps *peopleScanner) apposition(k int) bool {
	_, _, ok := ps.appositionAt(k)
	return ok
}

// inCapacity returns the token after "en qualité de", "en sa qualité de" (or "d'")
// starting at token k, or 0.
func (ps *peopleScanner) inCapacity(k int) int {
	if ps.folded(k) != "en" {
		return 0
	}
	k++
	if f := ps.folded(k); f == "sa" || f == "leur" {
		k++
	}
	if ps.folded(k) != "qualite" {
		return 0
	}
	k++
	if f := ps.folded(k); f != "de" && f != "d'" && f != "d" {
		return 0
	}
	k++
	if ps.isPunct(k, "'") {
		k++
	}
	return k
}

func (ps *peopleScanner) appositionAt(k int) (int, int, bool) {
	if !(ps.isPunct(k, ",") || ps.isPunct(k, "–") || ps.isPunct(k, "—") || ps.isPunct(k, "-") || ps.isPunct(k, "(")) {
		return 0, 0, false
	}
	k++
	for n := 0; n < 2 && k < len(ps.toks) && ps.toks[k].kind == ptNewline; n++ {
		k++
	}
	switch ps.folded(k) {
	case "le", "la", "l'":
		k++
	}
	if ps.roleStart(k, false) == 0 {
		return 0, 0, false
	}
	e := ps.roleEnd(k)
	return k, e, e > k
}

// roleAfter reads a role apposed to the name: "Olivier Sichel, directeur de la Banque
// des Territoires", "Céline V. – Chargée de communication", or on the next line of a
// signature block when the name stands alone on its line.
func (ps *peopleScanner) roleAfter(m mention) string {
	if s, e, ok := ps.appositionAt(m.tj); ok {
		return ps.text(s, e)
	}
	at := m.tj
	if ps.isPunct(at, ",") {
		at++
	}
	if k := ps.inCapacity(at); k > 0 && ps.roleStart(k, false) > 0 {
		// "ROUVIER Philippe en qualité de secrétaire", "en sa qualité de maire".
		if e := ps.roleEnd(k); e > k {
			return ps.text(k, e)
		}
	}
	if m.tj < len(ps.toks) && ps.toks[m.tj].kind == ptNewline && ps.lineStart(m.ti) {
		k := m.tj + 1
		if ps.roleStart(k, false) > 0 {
			return ps.text(k, ps.roleEnd(k))
		}
	}
	return ""
}

// lineStart reports whether token i, or the civility before it, starts a line.
func (ps *peopleScanner) lineStart(i int) bool {
	k := i - 1
	if k >= 1 && ps.isPunct(k, ".") && ps.civility(k-1) == 2 {
		k -= 2
	} else if k >= 0 && ps.civility(k) == 1 {
		k--
	}
	return k < 0 || ps.toks[k].kind == ptNewline
}

// roleBefore reads a title before the name: "le Premier ministre Bernard Cazeneuve",
// "au délégué interministériel, Alain Neveü", or "Le Président,\nXavier BERTRAND" in
// a signature block. i is the first token of the mention (its civility included).
func (ps *peopleScanner) roleBefore(i int, m mention) string {
	if r := ps.columnRole(i); r != "" {
		return r
	}
	e := i // the window is [b, e)
	if ps.isPunct(e-1, ",") {
		e--
	}
	if e > 0 && ps.toks[e-1].kind == ptNewline && ps.lineStart(m.ti) {
		// A signature block: the title on the line before ("Le Président,⏎⏎Xavier
		// BERTRAND"), blank lines allowed.
		for e > 0 && ps.toks[e-1].kind == ptNewline {
			e--
		}
		if ps.isPunct(e-1, ",") {
			e--
		}
	}
	b := e
	for b > 0 && e-b < 16 {
		tk := &ps.toks[b-1]
		if ps.isPunct(b-1, ")") {
			// "le maire (DVG) de Hem, Jean Dupont": a short parenthesis inside the title.
			if o := ps.parenOpen(b - 1); o > 0 {
				b = o
				continue
			}
		}
		if tk.kind == ptNewline && ps.wrappedAt(b-1) {
			// A title wrapped by a line break: "représentée par son Directeur⏎général,
			// Monsieur Hugo GILARDI".
			b--
			continue
		}
		if tk.kind == ptNewline || tk.kind == ptPunct && !(tk.e-tk.s > 0 && ps.t.S[tk.s] >= '0' && ps.t.S[tk.s] <= '9') {
			break
		}
		if n := len(ps.mentions); n > 0 && ps.mentions[n-1].tj >= b {
			break
		}
		b--
	}
	if e < i && ps.isPunct(b-1, ",") && ps.folded(b) != "et" {
		// "Jean Martin, maire de Lens, Paul Durand": the title between two names is
		// apposed to the first one ("…, et le président de X, Paul Durand" titles
		// the second).
		if n := len(ps.mentions); n > 0 && ps.mentions[n-1].tj == b-1 {
			return ""
		}
	}
	// The first title that runs up to the name: "par le préfet et la présidente de
	// la Région, Anne Morel" gives "présidente de la Région".
titles:
	for k := b; k < e; k++ {
		if ps.roleStart(k, false) == 0 {
			continue
		}
		if k > b && !roleDeterminers.has(ps.folded(k-1)) {
			continue
		}
		for j := k; j < e; j++ {
			if ps.toks[j].kind == ptNewline {
				continue
			}
			if ps.isPunct(j, "(") {
				if c := ps.parenClose(j); c > 0 && c < e {
					j = c
					continue
				}
			}
			if ps.toks[j].kind != ptWord {
				return ""
			}
			if ps.roleStopAt(j) && !(ps.folded(j) == "et" && ps.roleGoesOn(j)) {
				k = j
				continue titles
			}
		}
		r := e
		for r > k && roleTrailing.has(ps.folded(r-1)) {
			r--
		}
		return ps.text(k, r)
	}
	return ""
}

// wrappedAt reports whether the newline token k wraps a phrase: a single line break
// between a word and a lower-case word ("son Directeur⏎général").
func (ps *peopleScanner) wrappedAt(k int) bool {
	return k > 0 && k+1 < len(ps.toks) && ps.toks[k-1].kind == ptWord && ps.toks[k+1].kind == ptWord &&
		ps.toks[k+1].cas == pcLower && !ps.particle(k+1)
}

// trailingLabel reads the label that closes a list of names: "DEBUCHY Martine,
// LEMAN Pierre-Yves, Adjoints ;" gives each name the role "Adjoints". k is the token
// after the name.
func (ps *peopleScanner) trailingLabel(k int) string {
	for n := 0; k < len(ps.toks) && n < 120; k, n = k+1, n+1 {
		tk := &ps.toks[k]
		if tk.kind == ptNewline {
			return ""
		}
		if !ps.isPunct(k, ",") {
			if tk.kind == ptWord && (tk.cas != pcLower || ps.particle(k)) || ps.isPunct(k, ".") && ps.civility(k-1) == 2 {
				continue
			}
			return ""
		}
		// A comma: a label follows when it is a plural function closing the list.
		if ps.roleStart(k+1, true) == 0 {
			continue
		}
		e := k + 1
		for e < len(ps.toks) && ps.toks[e].kind == ptWord && e-k < 5 {
			e++
		}
		if e < len(ps.toks) && !(ps.isPunct(e, ";") || ps.isPunct(e, ".") || ps.isPunct(e, ",") || ps.toks[e].kind == ptNewline) {
			return ""
		}
		return ps.text(k+1, e)
	}
	return ""
}

// columnRole reads the title of a name in a signature block of several columns:
// "Le Président, La Secrétaire de séance,⏎Jean-Claude ETIENNE Valérie MACHU" gives
// the second name the second title. i is the first token of the mention.
func (ps *peopleScanner) columnRole(i int) string {
	ls := i
	for ls > 0 && ps.toks[ls-1].kind != ptNewline {
		ls--
		if !ps.capital(ls) && !ps.isPunct(ls, ".") {
			return ""
		}
	}
	pe := ls
	for pe > 0 && ps.toks[pe-1].kind == ptNewline {
		pe--
	}
	if pe == ls || pe == 0 {
		return ""
	}
	pls := pe
	for pls > 0 && ps.toks[pls-1].kind != ptNewline {
		pls--
	}
	var roles [][2]int
	for k := pls; k < pe; {
		e := k
		for e < pe && !ps.isPunct(e, ",") {
			e++
		}
		h := k
		if roleDeterminers.has(ps.folded(h)) {
			h++
		}
		if ps.roleStart(h, false) == 0 {
			return ""
		}
		roles = append(roles, [2]int{h, e})
		k = e + 1
	}
	if len(roles) < 2 {
		return ""
	}
	idx := 0
	for _, m := range ps.mentions {
		if m.ti >= ls {
			idx++
		}
	}
	if idx >= len(roles) {
		return ""
	}
	return ps.text(roles[idx][0], roles[idx][1])
}

// listLabel returns the label of a list the name belongs to, "Délégués titulaires"
// in "Délégués titulaires : M. A, Mme B", when the label names a function
// (attendance headings such as "Etaient présents" are not roles).
func (ps *peopleScanner) listLabel(i int) string {
	colon := -1
	for k := i - 1; k >= 0 && i-k < 60; k-- {
		tk := &ps.toks[k]
		if tk.kind == ptNewline {
			break
		}
		if ps.isPunct(k, ":") {
			colon = k
			break
		}
		if tk.kind == ptWord && tk.cas == pcLower && !ps.particle(k) && ps.folded(k) != "et" {
			return ""
		}
	}
	if colon < 1 {
		return ""
	}
	b := colon
	for b > 0 && ps.toks[b-1].kind == ptWord {
		b--
	}
	if b > 1 && ps.isPunct(b-1, "/") && ps.isWord(b-2) && ps.roleStart(b, true) == 0 {
		// "Délégués titulaires / communes :": the function, then what the list
		// gives in parentheses.
		colon = b - 1
		for b = colon; b > 0 && ps.toks[b-1].kind == ptWord; b-- {
		}
	}
	if b == colon || colon-b > 6 || ps.roleStart(b, true) == 0 && ps.roleStart(b, false) == 0 {
		return ""
	}
	for k := b; k < colon; k++ {
		if attendanceWords.has(ps.folded(k)) {
			return ""
		}
	}
	return ps.text(b, colon)
}
