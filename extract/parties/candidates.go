package parties

import (
	"terril/extract/lex"
	"terril/extract/names"
)

func (ps *peopleScanner) scan() {
	var m mention                    // filled by givenWithAge and at: a mention is too large to return
	lastInitials := -initialsGap - 1 // the end of the last initials and surname read
	ps.pluralCiv = -pluralCivReach - 1
	next := 0 // the first token not yet read
	// Only capitalised words start names: the others are never looked at here.
	for _, c := range ps.caps {
		i := int(c)
		if i < next {
			continue // inside the name just read
		}
		next = i + 1
		tk := &ps.toks[i]
		if tk.fe > tk.fs && pluralCivilityByte[ps.t.Folded[tk.fs]] && pluralCivilities.has(ps.folded(i)) {
			ps.pluralCiv = i
		}
		if tk.cas == pcInitial || tk.cas == pcUpper && tk.e-tk.s <= 2 {
			if e := ps.initialsAt(i); e > 0 {
				// Initials and a surname, in a list of them: another one just
				// before or just after.
				near := i-lastInitials <= initialsGap || ps.initialsWithin(e, e+initialsGap)
				lastInitials = e
				if near {
					ps.mentions = append(ps.mentions, mention{ti: i, tj: e, sk: e - 1, gk: i, given: ps.word(i),
						surname: ps.surnameText(i+1, e), initial: true})
					next = e
					continue
				}
			}
		}
		// (givenWithAge needs a mark after the word: most words are passed over here.)
		if ps.toks[i].cas == pcTitle && ps.isPunctTok(i+1) && ps.givenWithAge(i, &m) {
			ps.mentions = append(ps.mentions, m)
			continue
		}
		if ps.at(i, &m) {
			ps.mentions = append(ps.mentions, m)
			next = m.tj
		}
	}
}

// initialsWithin reports whether initials and a surname start in tokens [k, j).
// Names written as initials without dots and a surname ("JL Bouchard", "S
// Boissard", "N Ferreira de Souza") are read only in a list of such names, as
// minutes list those present: each needs another one next to it, since "A Paris"
// alone is no person.
func (ps *peopleScanner) initialsWithin(k, j int) bool {
	for ; k < j && k < len(ps.toks); k++ {
		if tk := &ps.toks[k]; (tk.cas == pcInitial || tk.cas == pcUpper && tk.e-tk.s <= 2) && ps.initialsAt(k) > 0 {
			return true
		}
	}
	return false
}

// initialsNot are two-letter abbreviations that open names of organisations and
// places, not initials: intercommunalities, zones, roads.
var initialsNot = tableOf("cc", "ca", "cu", "za", "zi", "pa", "rn", "rd", "cd", "st", "bd", "av", "sa")

// initialsGap is how many tokens may stand between two names of a list of
// initials and surnames: a comma, or "suppléé par", or "(à partir de D98/13)".
const initialsGap = 12

// initialsAt reads initials and a surname at token i ("JL Bouchard", "MA
// Chalumeaux", "N Ferreira de Souza", "T Gauthray-Guyenet") after a separator,
// and returns the token after the surname, or 0. Initials are one or two
// capitals: three are an acronym ("DDT Cher", "SCI Dubreuil"). The first word of the surname may
// be a common word ("C Petit"); the next ones may not ("R Curly Délégués").
func (ps *peopleScanner) initialsAt(i int) int {
	tk := &ps.toks[i]
	if tk.kind != ptWord || tk.cas != pcInitial && tk.cas != pcUpper || tk.e-tk.s > 2 || tk.hyphen != hyphenNone {
		return 0
	}
	if p := i - 1; p >= 0 && !(ps.toks[p].kind == ptNewline || ps.isPunct(p, ",") || ps.isPunct(p, ":") ||
		ps.isPunct(p, ")") || ps.isPunct(p, ";") || ps.folded(p) == "par" || ps.folded(p) == "et") ||
		nameStopWords.has(ps.folded(i)) || initialsNot.has(ps.folded(i)) || companyForms.has(ps.folded(i)) {
		return 0 // "l'EPF Bretagne", "CC Pays Fort, CA Bourges Plus", "SCI Martin"
	}
	s := i + 1
	if !ps.nameToken(s) || ps.toks[s].cas != pcTitle || nameStopWords.has(ps.folded(s)) {
		return 0
	}
	e := s + 1
	for e-s < 4 {
		if ps.nameToken(e) && ps.toks[e].cas == pcTitle {
			if f := ps.folded(e); pFrench(f) || names.IsGiven(f) || nameStopWords.has(f) {
				break
			}
			e++
			continue
		}
		if ps.particle(e) && ps.toks[e].cas == pcLower && ps.nameToken(e+1) && ps.toks[e+1].cas == pcTitle {
			e += 2
			continue
		}
		break
	}
	return e
}

// civility returns the number of tokens of a civility at i ("M" "." is two), or 0.
func (ps *peopleScanner) civility(i int) int {
	if !ps.isWord(i) {
		return 0
	}
	f := ps.folded(i)
	// Most words are passed over by their first byte, the others by the table.
	if f == "" || !civilityByte[f[0]] || !civilityTable.has(f) {
		return 0
	}
	switch lex.Civilities.Value(f) {
	case lex.CivDot:
		if ps.isPunct(i+1, ".") {
			return 2
		}
	case lex.CivAbbr:
		if ps.isPunct(i+1, ".") {
			return 2
		}
		return 1
	case lex.CivMrs:
		// "Mrs Didier ALLIBE, Maurice ANDRE-POYAUD": Messieurs, in minutes.
		if ps.toks[i].cas == pcTitle && ps.nameToken(i+1) {
			return 1
		}
	case lex.CivWord:
		if ps.toks[i].cas != pcLower {
			return 1
		}
	}
	return 0
}

// particle reports whether token i is a particle of a surname ("de", "du", "d'",
// "Le", "van"…).
func (ps *peopleScanner) particle(i int) bool {
	// ("" for a token that is no word; the table's lengths pass over most words.)
	return particleTable.has(ps.folded(i))
}

// at tries to read a person's name at token i into m.
func (ps *peopleScanner) at(i int, m *mention) bool {
	start := i
	civ := ps.civility(i)
	if civ == 0 && ps.cannotStart(i) {
		return false
	}
	if civ > 0 {
		start = i + civ
		if !ps.nameToken(start) && ps.toks[min(start, len(ps.toks)-1)].cas != pcInitial && !ps.particlesThenCaps(start) {
			return false
		}
	}
	titled := civ > 0 || roleNouns.has(ps.folded(i-1)) || i > 0 && ps.toks[i-1].kind == ptNewline && ps.underTitleLine(i)
	if !titled && ps.afterName(i) && ps.listShape(i) {
		// "Antoine HUBERT, Yvonnick KERBORIOU", "AUFFRET Yannick, AVRIL Florence": a
		// name in the shape of the list's names, after one of them.
		titled = true
	}
	pluralListed := !titled && ps.toks[i].cas == pcUpper && ps.pluralCivilityList(i)
	if pluralListed {
		titled = true // "Messieurs PINTA et LESAULNIER", "MM. CARIOU, LE BRAS"
	}
	if !titled && civ == 0 && !ps.untitledStart(i) {
		return false
	}
	unknownGiven, ok := ps.parseName(start, titled, m)
	if !ok || civ == 0 && !pluralListed && ps.particle(start) && m.gk < m.sk {
		// "PRÉFET DU GARD": a particle starts a name only after a civility
		// ("M. Le Drian") or in capitals before the given name ("EL AMRANI Fatima").
		return false
	}
	if ps.facilityBefore(i) || civ == 0 && ps.facilityList(i) || ps.insideProperNoun(i) || ps.company(i, *m) {
		return false
	}
	if unknownGiven && civ == 0 && pFrench(ps.folded(m.sk)) && !names.IsSurname(ps.folded(m.sk)) {
		// "Relations Publiques", "GIE Imagerie", "Vasseur Paysage": neither word is
		// known as a name and the last one is a common word.
		return false
	}
	m.role = ps.roleBefore(i, *m)
	if m.role == "" {
		m.role = ps.roleAfter(*m)
	}
	if m.role == "" {
		m.role = ps.listLabel(i)
	}
	if m.role == "" {
		m.role = ps.trailingLabel(m.tj)
	}
	// "BOISSEAUX Anne-Sophie": capitals then a known given name is a list of
	// persons, whatever the surname means.
	reversed := m.gk > m.sk && !ambiguousGiven.has(ps.folded(m.gk))
	strong := titled || m.role != "" || reversed || ps.listed(i, m)
	if !ps.plausible(*m, strong, unknownGiven) {
		return false
	}
	return true
}

// untitledStart reports whether parseName may read a name at token i without a
// title: from a known given name; in Title case, from an unknown given name
// before a name token and an apposition ("Aurélien Dupuis, directeur"); in
// capitals, from a surname before a given name in Title case, which surnameFirst
// looks for in the three tokens after i. Most capitalised words of a text, opening
// a sentence or naming a place or a body, end here, before the rest of parseName.
func (ps *peopleScanner) untitledStart(i int) bool {
	switch ps.toks[i].cas {
	case pcTitle:
		if ps.isGiven(i) {
			return true
		}
		return ps.nameToken(i+1) && ps.apposition(i+2) && !pFrench(ps.folded(i))
	case pcUpper:
		for k := i + 1; k <= i+3 && k < len(ps.toks); k++ {
			if ps.toks[k].cas == pcTitle {
				return true
			}
		}
		return ps.isGiven(i)
	}
	return true
}

// cannotStart reports whether no name read at token i, without a civility, can be
// plausible: parseName reads none from a capitalised word that is no name token
// (an elision, a place with hyphens) unless it is an initial, and a name read at i
// holds i, which plausible refuses when it is a word of organisations (unless a
// month, as a surname before the given name: "AVRIL Florence"). Most capitalised
// words of a text are passed over here, before the rules that read more.
func (ps *peopleScanner) cannotStart(i int) bool {
	if ps.toks[i].cas == pcInitial {
		return false
	}
	if !ps.nameToken(i) {
		return true
	}
	f := ps.folded(i)
	return nameStopWords.has(f) && !monthSurnames.has(f)
}

// listed reports whether the name m at token i goes on a list of persons: it
// follows the name just read after a comma or "et" ("Antoine HUBERT, Yvonnick
// KERBORIOU", "Jean-François Payet et Pascal Mangué"), with its surname in capitals
// or a known given name that is no common word.
func (ps *peopleScanner) listed(i int, m *mention) bool {
	if !ps.afterName(i) {
		return false
	}
	if m.initial || m.surnameOnly || m.gk < 0 {
		return false
	}
	if ps.toks[m.sk].cas == pcUpper && ps.toks[m.gk].cas == pcTitle {
		return true
	}
	g := ps.folded(m.gk)
	return names.IsGiven(g) && !ambiguousGiven.has(g)
}

// particlesThenCaps reports whether one or two particles in lower case and a word
// in capitals start at token k ("de la PERRAUDIERE").
func (ps *peopleScanner) particlesThenCaps(k int) bool {
	e := k
	for e < k+2 && ps.particle(e) && ps.toks[e].cas == pcLower {
		e++
	}
	return e > k && ps.nameToken(e) && ps.toks[e].cas == pcUpper
}

// civilityBefore reports whether a civility stands right before token k, or a
// plural one opens the list k is in.
func (ps *peopleScanner) civilityBefore(k int) bool {
	if ps.civility(k-1) == 1 || k >= 2 && ps.civility(k-2) == 2 {
		return true
	}
	return ps.pluralCivilityList(k)
}

// pluralCivilityList reports whether the word in capitals at token i goes on a
// list of surnames opened by a plural civility: "Messieurs DAGORT, DELAMONTAGNE et
// PINTA", "Mmes LEROY et VIDAL".
func (ps *peopleScanner) pluralCivilityList(i int) bool {
	if i-ps.pluralCiv > pluralCivReach {
		return false // no plural civility just before: most words
	}
	for k, n := i-1, 0; k >= 0 && n < pluralCivReach; k, n = k-1, n+1 {
		switch {
		case ps.isPunct(k, ",") || ps.folded(k) == "et":
		case ps.isPunct(k, "."):
			return k > 0 && pluralCivilities.has(ps.folded(k-1))
		case ps.isWord(k) && pluralCivilities.has(ps.folded(k)) && ps.toks[k].cas != pcLower:
			return true
		case ps.isWord(k) && (ps.toks[k].cas == pcUpper || ps.particle(k)):
		default:
			return false
		}
	}
	return false
}

// pluralCivReach is how far back, in tokens, a plural civility opens a list.
const pluralCivReach = 16

// pluralCivilityByte holds the first bytes of the plural civilities, derived from
// the table.
var (
	pluralCivilityByte = func() (t [256]bool) {
		for _, w := range pluralCivilities.slots {
			if w != "" {
				t[w[0]] = true
			}
		}
		return t
	}()
)

// underTitleLine reports whether token i opens a line under a title line of a
// signature block ("La Directrice générale,⏎Loranne BAILLY"): the name is
// expected there, even with an unknown given name.
func (ps *peopleScanner) underTitleLine(i int) bool {
	if i < 2 || ps.toks[i-1].kind != ptNewline || !ps.nameToken(i) {
		return false
	}
	e := i - 1 // the line break that ends the title line, blank lines skipped
	for e > 0 && ps.toks[e-1].kind == ptNewline {
		e--
	}
	if !ps.isPunct(e-1, ",") {
		return false
	}
	b := e - 1
	for b > 0 && ps.toks[b-1].kind != ptNewline && e-b < 12 {
		b--
	}
	if b > 0 && ps.toks[b-1].kind != ptNewline || !isTitle(ps.t.S[ps.toks[b].s:ps.toks[e-1].e]) {
		return false
	}
	f := ps.folded(i)
	return !pFrench(f) || names.IsGiven(f) // not "Signé Lucien GIUDICELLI"
}

// listShape reports whether a name of two words of different cases starts at
// token i, "Given SURNAME" or "SURNAME Given" ("N'GUESSAN Koffi" too).
func (ps *peopleScanner) listShape(i int) bool {
	if ps.elidedInitial(i) {
		i++
	}
	if !ps.nameToken(i) || !ps.nameToken(i+1) {
		return false
	}
	a, b := ps.toks[i].cas, ps.toks[i+1].cas
	return a != b && a != pcInitial && b != pcInitial
}

// afterName reports whether token i follows the name just read and a comma or
// "et".
func (ps *peopleScanner) afterName(i int) bool {
	n := len(ps.mentions)
	return n > 0 && ps.mentions[n-1].tj == i-1 && (ps.isPunct(i-1, ",") || ps.folded(i-1) == "et")
}
