package parties

import (
	"strings"

	"terril/extract/lex"
)

// listParties finds the parties of a list of co-signers that orgs does not know
// by their heads: businesses, social landlords, acronyms and institutions named
// by their head alone ("signée par la Ville, Clésence, Oise Habitat et la SNCF",
// "la convention signée entre le Département et la CAF", "Picardie Habitat et
// Enedis ont signé"). A list opens after "par", "entre" or "sont", or at the start
// of the sentence when it ends at the verb ("ont signé"); its items are separated
// by commas and "et", and each is a capitalised name, with its article, that is no
// person, title or date. known are the organisations already found in [i, j).
func (sg *signer) listParties(i, j int, known []orgMention) []orgMention {
	ps := sg.ps
	var out []orgMention
	for k := i; k < j; k++ {
		subject := k == i
		if !subject && !(ps.isWord(k) && listOpeners.has(ps.folded(k)) && ps.signWordBefore(k, i)) {
			continue
		}
		c := k
		if !subject {
			c++
		}
		for subject && c < j && ps.isWord(c) && leadAdverbs.has(ps.folded(c)) {
			c++ // "Puis Amiens Métropole et Enedis ont signé"
			if ps.isPunct(c, ",") {
				c++
			}
		}
		var items []orgMention
		ended := false // the list ended after an item, not in the middle of one
		for c < j {
			a := c
			if ps.folded(a) == "par" {
				a++ // "signé par X et par Y"
			}
			for a < j && ps.isWord(a) && listArticles.has(ps.folded(a)) {
				a++
			}
			// "le bailleur social Clésence", "l'entreprise Enedis": a common noun
			// describing the party before its name.
			if d := a; d < j && partyDescriptors.has(ps.folded(d)) && ps.toks[d].cas == pcLower {
				for d < j && d-a < 3 && ps.isWord(d) && ps.toks[d].cas == pcLower && (partyDescriptors.has(ps.folded(d)) || d > a) {
					d++
					if ps.capital(d) {
						a = d
						break
					}
				}
			}
			o, e, ok := sg.listItem(a, j, known)
			if !ok {
				// Something else (a person, a title, a party in common words): skip
				// to the next separator.
				e = a
				for e < j && e-a < 10 && !ps.isPunct(e, ",") && ps.folded(e) != "et" && !ps.isPunct(e, ".") {
					e++
				}
			} else if o.name != "" {
				items = append(items, o)
			}
			c = e
			if ps.isPunct(c, ",") {
				c++
				if ps.folded(c) == "et" {
					c++
				}
				continue
			}
			if ps.folded(c) == "et" {
				c++
				continue
			}
			ended = ok
			break
		}
		if subject {
			// A subject list holds only when the verb follows it.
			if !ended || c >= j || !subjectVerbs.has(ps.folded(c)) && !ps.signsNext(c, j) {
				continue
			}
		}
		out = append(out, items...)
		k = c - 1
	}
	return out
}

// digits reports whether token n is a number.
func (ps *peopleScanner) digits(n int) bool {
	return ps.isPunctTok(n) && ps.t.S[ps.toks[n].s] >= '0' && ps.t.S[ps.toks[n].s] <= '9'
}

// isPunctTok reports whether token n is a punctuation token (numbers included).
func (ps *peopleScanner) isPunctTok(n int) bool {
	return n >= 0 && n < len(ps.toks) && ps.toks[n].kind == ptPunct
}

// signsNext reports whether token c is a verb in the singular that a signing
// word follows closely: "Valenciennes Métropole a en effet signé", "vient de
// signer", "avait signé".
func (ps *peopleScanner) signsNext(c, j int) bool {
	if !singularVerbs.has(ps.folded(c)) {
		return false
	}
	for n := c + 1; n < j && n-c <= 4 && ps.isWord(n); n++ {
		f := ps.folded(n)
		if signWords.has(f) && !futureSign.has(f) || strings.HasPrefix(f, "cosign") || strings.HasPrefix(f, "paraph") {
			return true
		}
	}
	return false
}

var singularVerbs = tableOf("a", "avait", "vient", "signe", "cosigne", "paraphe")

// signWordBefore reports whether a word reporting a signature ("signée",
// "signataires") precedes token k closely, not before i: "signée mardi par",
// "a signé la convention avec", "Les signataires sont".
func (ps *peopleScanner) signWordBefore(k, i int) bool {
	for n := k - 1; n >= i && k-n <= 6; n-- {
		if !ps.isWord(n) {
			if ps.isPunct(n, ",") || ps.isPunct(n, "(") || ps.digits(n) {
				continue // "signée en 2021 entre"
			}
			return false
		}
		f := ps.folded(n)
		if signWords.has(f) || strings.HasPrefix(f, "cosign") || strings.HasPrefix(f, "co-sign") ||
			strings.HasPrefix(f, "paraph") || strings.HasPrefix(f, "officialis") {
			return true
		}
	}
	return false
}

// listItem reads one item of a list of co-signers at token a: it returns the
// organisation (empty name for one orgs already found), the token after it, and
// whether the item is a party named by capitalised words.
func (sg *signer) listItem(a, j int, known []orgMention) (orgMention, int, bool) {
	ps := sg.ps
	if a >= j || !ps.capital(a) || ps.civility(a) > 0 || ps.roleStart(a, false) > 0 || ps.roleStart(a, true) > 0 ||
		listNotParty.has(ps.folded(a)) {
		return orgMention{}, a, false
	}
	start := int(ps.toks[a].s)
	for _, o := range known {
		if start >= o.start && start < o.end {
			e := a
			for e < j && int(ps.toks[e].s) < o.end {
				e++
			}
			return orgMention{}, e, true
		}
	}
	for _, p := range sg.people {
		for _, sp := range p.Spans {
			if start >= sp.Start && start < sp.End {
				return orgMention{}, a, false
			}
		}
	}
	if h, n := ps.headAt(a, j); n > 0 {
		// A head alone ("le Département", "la Ville"): the institution the
		// document is about.
		if ps.orgRest(a+n, j) > a+n {
			return orgMention{}, a, false
		}
		return orgMention{name: h.display, start: start, end: int(ps.toks[a+n-1].e), epci: h.epci}, a + n, true
	}
	e := ps.orgRest(a, j)
	if e == a {
		return orgMention{}, a, false
	}
	return orgMention{name: ps.text(a, e), start: start, end: int(ps.toks[e-1].e)}, e, true
}

var (
	coordParticles = tableOf("de", "du", "des", "d'")
	// leadAdverbs may open a sentence before a list of parties, as the days of the
	// week may.
	leadAdverbs = tableOf(append(lex.Weekdays.Words(), "puis", "ensuite", "enfin", "hier", "aujourd'hui", "ainsi",
		"desormais", "deja", "demain", "alors", "aussi", "egalement")...)
	listOpeners = tableOf("par", "entre", "sont", "avec")
	// partyDescriptors describe a party before its name.
	partyDescriptors = tableOf("bailleur", "bailleurs", "entreprise", "societe", "groupe", "association",
		"operateur", "start-up", "startup", "fondation", "mutuelle", "banque", "cabinet", "promoteur",
		"constructeur", "office", "organisme", "syndicat", "cooperative", "enseigne", "industriel")
	listArticles = tableOf("le", "la", "l'", "les")
	subjectVerbs = tableOf("ont", "signent", "cosignent", "vont", "s'", "se", "viennent", "avaient", "paraphent")
	// listNotParty are capitalised words that are no party: days, months, titles.
	listNotParty = tableOf(append(append(lex.Weekdays.Words(), lex.MonthNames()...),
		"monsieur", "madame", "m.", "mme", "ce", "cette", "il", "elle",
		"ils", "elles", "on", "nous", "le", "la", "les", "l'", "en", "a", "au", "apres", "depuis", "lors",
		"puis", "ensuite", "enfin", "hier", "aujourd'hui", "ainsi", "desormais", "deja", "demain", "ici",
		"c'est", "ce", "mais", "or", "donc", "alors", "aussi", "egalement",
		// The agreement itself ("signer avec le maire, le Pacte de solidarité").
		"pacte", "contrat", "contrats", "convention", "conventions", "charte", "accord", "accords", "protocole",
		"avenant", "plan", "programme", "projet", "dispositif", "schema", "document", "engagement",
		"declaration", "traite", "partenariat", "cpom", "crte", "ctg")...)
)
