package parties

// company reports whether the name at token i (mention m) is part of the name of a
// business built on a surname: after a head ("Atelier Vasseur", "Cabinet Leroy",
// "la boulangerie Dupont") or before a business word ("Leroy Conseil", "Dupont &
// Fils").
func (ps *peopleScanner) company(i int, m mention) bool {
	// A head in lower case after "de" is a function ("directeur de cabinet Jean
	// Dupont", "chef d'atelier").
	if k := i - 1; ps.isWord(k) && companyHeads.has(ps.folded(k)) &&
		(ps.toks[k].cas != pcLower || ps.folded(k-1) != "de" && ps.folded(k-1) != "d'") {
		return true
	}
	k := m.tj
	if ps.isPunct(k, "&") {
		k++
	}
	return ps.capital(k) && companyTails.has(ps.folded(k)) || ps.isWord(k) && companyForms.has(ps.folded(k))
}

// facilityBefore reports whether the name at token i follows the name of a street or
// facility ("rue", "collège public", "stade du Docteur").
func (ps *peopleScanner) facilityBefore(i int) bool {
	for k, n := i-1, 0; k >= 0 && n < 4; k, n = k-1, n+1 {
		if ps.toks[k].kind == ptNewline && n < 3 {
			n-- // "au lycée⏎Placide COURTOY", "avenue du⏎Commandant Charcot"
			continue
		}
		if !ps.isWord(k) {
			return false
		}
		f := ps.folded(k)
		if facilityWords.has(f) {
			return true
		}
		if !facilitySkip.has(f) {
			return false
		}
	}
	return false
}

// facilityList reports whether the name at token i is an item of a list of
// facilities named after persons: "Collèges La Grande Garenne à Angoulême et Jean
// Moulin à Barbezieux", "14 collèges concernés : Marguerite de Valois, Jules
// Michelet et Jules Verne à Angoulême". Going back from i over the list (names,
// "de", commas, "et", "à"), it reaches a facility word that opens the list: in
// the plural before a name, or before a colon ("les écoles, Jean Dupont a dit"
// opens none).
func (ps *peopleScanner) facilityList(i int) bool {
	colon := false
	lower := 0 // lower-case words passed between the colon and the facility word
	for k, n := i-1, 0; k >= 0 && n < facilityListReach; k, n = k-1, n+1 {
		tk := &ps.toks[k]
		switch {
		case tk.kind == ptNewline:
			return false
		case tk.kind == ptPunct:
			switch {
			case ps.isPunct(k, ":") && !colon:
				colon = true
			case ps.isPunct(k, ",") && !colon, ps.isPunct(k, "-") && !colon:
			case ps.t.S[tk.s] >= '0' && ps.t.S[tk.s] <= '9' && colon:
			default:
				return false
			}
		case ps.facilityWord(k):
			// The facility word opens the list: a colon or a name follows it.
			return colon || ps.capital(k+1) && facilityPlural(ps.folded(k))
		case tk.cas != pcLower || ps.particle(k):
			if colon {
				return false
			}
		default:
			f := ps.folded(k)
			if colon && lower < 3 {
				lower++
				continue
			}
			if f != "et" && f != "a" && f != "au" {
				return false
			}
		}
	}
	return false
}

// facilityListReach is how far back, in tokens, facilityList looks for the word
// that opens a list of facilities.
const facilityListReach = 80

// facilityWord reports whether token k is a facility word, in the singular or the
// plural ("collège", "Collèges").
func (ps *peopleScanner) facilityWord(k int) bool {
	f := ps.folded(k)
	if facilityWords.has(f) {
		return true
	}
	return len(f) > 3 && (f[len(f)-1] == 's' || f[len(f)-1] == 'x') && facilityWords.has(f[:len(f)-1])
}

// facilityPlural reports whether a folded facility word is in the plural.
func facilityPlural(f string) bool {
	n := len(f)
	return n > 3 && (f[n-1] == 's' || f[n-1] == 'x') && facilityWords.has(f[:n-1])
}

// insideProperNoun reports whether the name at token i continues a longer proper
// noun ("Artois Lys Romane", "Saint Jean").
func (ps *peopleScanner) insideProperNoun(i int) bool {
	k := i - 1
	if !ps.capital(k) {
		return false
	}
	f := ps.folded(k)
	switch {
	case f == "saint" || f == "sainte" || f == "st" || f == "ste":
		return true
	case ps.toks[k].cas == pcInitial || ps.particle(k):
		return false
	case roleNouns.has(f) || pFrench(f) || ps.civility(k) > 0:
		return false
	}
	if _, ok := ps.givenAt(k); ok {
		return false
	}
	// The end of a name just read ("DUPONT Jean MARTIN Anne").
	if n := len(ps.mentions); n > 0 && ps.mentions[n-1].tj == i {
		return false
	}
	// A place closing a title: "la maire de Saint-Louis Juliana M'Doihoma".
	return !ps.titlePlaceBefore(k)
}

// titlePlaceBefore reports whether the capitalised word at token k ends a title's
// place: a role noun, "de" or "du", and the place ("maire de Saint-Louis").
func (ps *peopleScanner) titlePlaceBefore(k int) bool {
	for n := k - 1; n >= 0 && k-n <= 3; n-- {
		if !ps.isWord(n) {
			return false
		}
		if ps.particle(n) {
			return roleNouns.has(ps.folded(n - 1))
		}
		if ps.toks[n].cas == pcLower {
			return false
		}
	}
	return false
}
