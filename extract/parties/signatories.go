package parties

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"terril/corpus"
	"terril/extract/text"
)

// An OrgResolver resolves an organisation named in the text ("Communauté
// d'agglomération du Douaisis", "Département du Nord") to a stable key for faceting
// ("epci:200044618", "dep:59"). The places extractor's gazetteer provides one;
// Signatories works without it (nil), keying organisations by their folded words.
type OrgResolver interface {
	ResolveOrg(name string) (key string, ok bool)
}

// Signatories finds the parties who sign the document, or the agreement,
// convention or engagement it reports as signed, as the guidelines define them:
//
//   - in a sentence that reports a signature ("signe un partenariat avec", "ont
//     signé", "ont officialisé une convention", "Les signataires de cet accord
//     sont…", "signature de l'engagement par…"), the persons named and the
//     organisations named ("les communautés d'agglomération du Douaisis et de
//     Lens-Liévin" gives two, "l'État, l'Agence nationale de l'habitat (Anah) et les
//     villes de Boulogne-sur-Mer et du Portel ont signé" four), except those "en présence de"; a title standing for a
//     person named elsewhere ("le directeur de la CDC") is that person; "des
//     intercommunalités" without names are the intercommunalities the document
//     names;
//
//   - the persons of the signature block of an act ("Fait à Lille, le…", "Le
//     Président, Xavier BERTRAND" closing the text), and the persons who represent a
//     party to a convention ("représentée par M. …").
//
//   - titles with no name sign for their institutions ("la préfète de l'Aisne" →
//     "Préfecture de l'Aisne", "les maires de Ham et de Nesle" → their communes),
//     and a list of co-signers after "signée par", "entre", "avec", "Les
//     signataires sont", or before "ont signé", gives businesses, landlords and
//     acronyms as well ("la Ville, Clésence, Oise Habitat et la SNCF");
//
//   - a signature still to come ("sera signée", "signera", "dont la signature est
//     prévue", "se rendra à Lille pour signer"), a power to sign ("autorise le
//     maire à signer", "donne pouvoir au maire pour signer"), the signature of a
//     unilateral act or text ("a signé l'arrêté", "la pétition", "une motion"), a
//     text's author ("une tribune signée Jean Dupont"), a "délégation de
//     signature" and a payment "à la signature" report no signature; "pour
//     signer", "au moment de signer" report one;
//
//   - persons named as the agents of another act ("l'engagement pris par X",
//     "accompagnés par X", "sous le regard de X") and the speaker who reports a
//     signature ("X a rappelé que la Région avait signé") do not sign; a press
//     contact closing a release is no signature block.
//
// An organisation represented by a signing person (named in the person's role, or
// signing "pour" or "au nom de" it, or "son président X") is not listed again, nor
// an organisations-only account of the same signature when the document also
// names the signing persons, nor the parties "entre" which two signing persons
// sign ("le contrat entre l'État et la Métropole"). Quoted names (« Petites Villes
// de Demain ») and the agreement itself ("le Pacte de …") are no parties. people is the result of People on t.
// Organisation names are kept as the text gives them (head in the singular:
// "Communauté d'agglomération du Douaisis"); orgs, when not nil, gives their Key.
func Signatories(t *text.Text, people []corpus.Person, orgs OrgResolver) []corpus.Signatory {
	ps := newPeopleScanner(t)
	ps.scan() // the mentions, where organisations' names end (see orgRest)
	sg := signer{ps: ps, people: people, resolver: orgs}
	return sg.run()
}

// Parties returns People(t) and Signatories(t, People(t), orgs), reading the text
// once.
func Parties(t *text.Text, orgs OrgResolver) ([]corpus.Person, []corpus.Signatory) {
	x := lexed(t)
	return Find(&x, orgs, nil)
}

// Find is Parties reading the tokens of a lexed text (text.Lex: the tokens the
// other extractors read), with buf, when not nil, lending the scanner its slices
// (and getting them back, to reuse).
func Find(tk *text.Tokens, orgs OrgResolver, buf *Buf) ([]corpus.Person, []corpus.Signatory) {
	ps := newPeopleScannerBuf(tk, buf)
	if buf != nil {
		defer func() { ps.t = nil }() // buf keeps the scanner's slices, not the text
	}
	ps.scan()
	people := ps.merge()
	sg := signer{ps: ps, people: people, resolver: orgs}
	return people, sg.run()
}

type signer struct {
	ps       *peopleScanner
	people   []corpus.Person
	resolver OrgResolver
	out      []corpus.Signatory
	seen     map[string]bool
	sigs     map[string][]string // significantWords, memoised
	// docEPCIs are the EPCIs named anywhere, for "des intercommunalités", once
	// docEPCIsDone.
	docEPCIs     []orgMention
	docEPCIsDone bool
}

func (sg *signer) sig(name string) []string {
	if ws, ok := sg.sigs[name]; ok {
		return ws
	}
	if sg.sigs == nil {
		sg.sigs = map[string][]string{}
	}
	ws := significantWords(name)
	sg.sigs[name] = ws
	return ws
}

// contains reports whether the significant words of name all occur in text, or the
// acronym the name gives in parentheses ("Établissement public foncier (EPF)" in
// "directeur général de l'EPF").
func (sg *signer) contains(text, name string) bool {
	ws := sg.sig(name)
	if len(ws) == 0 {
		return false
	}
	have := sg.sig(text)
	if o := strings.LastIndexByte(name, '('); o >= 0 && strings.HasSuffix(name, ")") {
		if acr := PersonKey(name[o+1 : len(name)-1]); acr != "" && !strings.Contains(acr, " ") && slices.Contains(have, acr) {
			return true
		}
	}
	for _, w := range ws {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// An orgMention is an organisation named in the text.
type orgMention struct {
	name      string
	start     int // byte offsets in the text
	end       int
	epci      bool
	generic   bool // "intercommunalités" without names
	sentence  int
	personRep bool
}

// run finds the signatories: the parties of each sentence that reports a
// signature (clauses), kept or dropped against the others (emit), then the
// persons of signature blocks.
func (sg *signer) run() []corpus.Signatory {
	sg.seen = nil // made by the first signatory (markSeen): most texts have none
	clauses, personRoles, unlinkedPersons := sg.clauses()
	sg.emit(clauses, strings.Join(personRoles, " "), unlinkedPersons)
	for _, p := range sg.blockPersons() {
		sg.add(p)
	}
	slices.SortStableFunc(sg.out, func(a, b corpus.Signatory) int { return cmp.Compare(a.Start, b.Start) })
	return sg.out
}

// A clause holds the parties of one sentence that reports a signature.
type clause struct {
	persons []corpus.Signatory
	orgs    []orgMention
}

// clauses reads the sentences that report a signature: their parties, the roles
// of the persons who sign and how many of those roles name no organisation.
func (sg *signer) clauses() (clauses []clause, personRoles []string, unlinkedPersons int) {
	ps := sg.ps
	// Only the sentences holding a trigger found by a fast scan of the folded text
	// are read word by word.
	for _, s := range ps.sentencesAt(ps.signTriggers()) {
		if !ps.signing(s[0], s[1]) || citation.has(ps.folded(s[0])) {
			continue
		}
		c, used := sg.clause(s[0], ps.partyEnd(s[0], s[1]))
		for pi := range used {
			r := sg.people[pi].Role
			personRoles = append(personRoles, r)
			if !roleNamesOrg(r) {
				unlinkedPersons++
			}
		}
		clauses = append(clauses, c)
	}
	return clauses, personRoles, unlinkedPersons
}

// clause reads the parties of the signing sentence [zs, ze): the persons named or
// titled in it, and the organisations that no signing person represents. used
// holds the persons who sign, by their index in sg.people.
func (sg *signer) clause(zs, ze int) (c clause, used map[int]bool) {
	ps := sg.ps
	start, end := int(ps.toks[zs].s), int(ps.toks[ze-1].e)
	used = map[int]bool{}
	others := ps.otherAgents(zs, ze)
	for pi, p := range sg.people {
		for _, sp := range p.Spans {
			if sp.Start >= start && sp.End <= end && !ps.quoted(sp.Start) && !inRanges(others, sp.Start) {
				c.persons = append(c.persons, corpus.Signatory{Name: p.Name, Kind: corpus.KindPerson, Span: sp})
				used[pi] = true
				break
			}
		}
	}
	var titleOrgs []orgMention
	for _, a := range ps.anaphoras(zs, ze) {
		if pi, ok := sg.personByRole(a.head, used); ok {
			used[pi] = true
			p := sg.people[pi]
			c.persons = append(c.persons, corpus.Signatory{Name: p.Name, Kind: corpus.KindPerson, Span: a.span})
		} else if o, ok := ps.titleOrg(a); ok {
			// "le préfet du Nord", "le président de la Métropole" with no name:
			// the institution signs.
			titleOrgs = append(titleOrgs, o)
		}
	}
	roles := ""
	for pi := range used {
		roles += " " + sg.people[pi].Role
	}
	generic := false
	hasEPCI := false
	for _, o := range ps.orgs(zs, ze) {
		if ps.quoted(o.start) {
			continue // « Petites Villes de Demain »: a programme's name
		}
		if o.generic {
			generic = true
			continue
		}
		if o.epci {
			hasEPCI = true
		}
		if sg.contains(roles, o.name) || sg.represented(o.end, ze) || len(used) > 0 && ps.onBehalf(o.start, zs) {
			continue // represented by a signing person
		}
		c.orgs = append(c.orgs, o)
	}
	for _, o := range sg.listParties(zs, ze, c.orgs) {
		if sg.contains(roles, o.name) || sg.represented(o.end, ze) || len(used) > 0 && ps.onBehalf(o.start, zs) {
			continue
		}
		c.orgs = append(c.orgs, o)
	}
	if generic && !hasEPCI {
		c.orgs = append(c.orgs, sg.documentEPCIs()...)
	}
	c.orgs = append(c.orgs, titleOrgs...)
	c.orgs = append(c.orgs, ps.mayorsCommunes(zs, ze)...)
	c.orgs = ps.dropBetween(c.orgs, len(c.persons), zs, ze)
	return c, used
}

// documentEPCIs returns the intercommunalities named anywhere in the document, for
// "des intercommunalités" without names (read once).
func (sg *signer) documentEPCIs() []orgMention {
	if !sg.docEPCIsDone {
		for _, o := range sg.ps.orgs(0, len(sg.ps.toks)) {
			if o.epci && !o.generic {
				sg.docEPCIs = append(sg.docEPCIs, o)
			}
		}
		sg.docEPCIsDone = true
	}
	return sg.docEPCIs
}

// emit adds the parties of the clauses, but an organisations-only account of a
// signature that the document also reports by the signing persons: the
// organisations are those persons' institutions. allRoles are the roles of the
// persons who sign, unlinkedPersons how many of them name no organisation.
func (sg *signer) emit(clauses []clause, allRoles string, unlinkedPersons int) {
	signers := 0 // the persons who sign, in all the clauses
	for _, c := range clauses {
		signers += len(c.persons)
	}
	for _, c := range clauses {
		for _, p := range c.persons {
			sg.add(p)
		}
		if len(c.persons) == 0 && signers >= 2 && len(c.orgs) <= signers {
			// "Signature du pacte entre le Département et la commune" in a title,
			// the text naming the two persons who sign it: they sign for them.
			continue
		}
		if len(c.persons) == 0 && unlinkedPersons > 0 {
			unlinked := 0
			linked := false
			for _, o := range c.orgs {
				if sg.contains(allRoles, o.name) {
					linked = true
				} else {
					unlinked++
				}
			}
			if linked && unlinked <= unlinkedPersons {
				continue
			}
		}
		for _, o := range c.orgs {
			if sg.contains(allRoles, o.name) {
				continue
			}
			sg.addOrg(o)
		}
	}
}

func (sg *signer) add(s corpus.Signatory) {
	if s.Key == "" {
		s.Key = PersonKey(s.Name)
	}
	if sg.seen[s.Key] {
		return
	}
	sg.markSeen(s.Key)
	sg.out = append(sg.out, s)
}

// markSeen records key among the signatories' keys.
func (sg *signer) markSeen(key string) {
	if sg.seen == nil {
		sg.seen = map[string]bool{}
	}
	sg.seen[key] = true
}

func (sg *signer) addOrg(o orgMention) {
	key := "org:" + strings.Join(sg.sig(o.name), " ")
	if sg.resolver != nil {
		if k, ok := sg.resolver.ResolveOrg(o.name); ok {
			key = k
		}
	}
	// An organisation whose words contain or are contained in one already listed is
	// the same party named twice.
	for i, s := range sg.out {
		if s.Kind != corpus.KindOrganization {
			continue
		}
		if s.Key == key || sg.contains(s.Name, o.name) {
			return
		}
		if sg.contains(o.name, s.Name) {
			sg.out[i].Name, sg.out[i].Key = o.name, key
			return
		}
	}
	sg.markSeen(key)
	sg.out = append(sg.out, corpus.Signatory{Name: o.name, Kind: corpus.KindOrganization, Key: key,
		Span: corpus.Span{Start: o.start, End: o.end}})
}

// personByRole returns the one person, not yet used, whose role starts with head.
func (sg *signer) personByRole(head string, used map[int]bool) (int, bool) {
	found, n := -1, 0
	for i, p := range sg.people {
		if p.Role == "" || used[i] {
			continue
		}
		f := strings.Fields(PersonKey(p.Role))
		if len(f) > 0 && (f[0] == head || len(f) > 1 && roleAdjectives.has(f[0]) && f[1] == head) {
			found, n = i, n+1
		}
	}
	return found, n == 1
}

// roleNamesOrg reports whether a role names an institution ("directeur de la
// Banque des Territoires") rather than a bare function ("Premier ministre").
func roleNamesOrg(role string) bool {
	fields := strings.Fields(role)
	for _, w := range fields {
		// (Fields gives no empty word.)
		if r, _ := utf8.DecodeRuneInString(w); pIsUpper(r) && w != fields[0] {
			return true
		}
	}
	return false
}

// significantWords returns the folded words of an organisation name that tell it
// from others: without articles, prepositions and the generic words of
// institutions, with synonyms unified ("départemental" → "departement", "CA" →
// "agglomeration"), as the reference scorer compares organisations.
func significantWords(name string) []string {
	key := orgWordsKey(name)
	if key == "" {
		return nil
	}
	out := make([]string, 0, strings.Count(key, " ")+1) // at most one a word
	for w := range strings.SplitSeq(key, " ") {
		if s, ok := orgSynonyms[w]; ok {
			w = s
		}
		if !orgFunctionWords.has(w) {
			out = append(out, w)
		}
	}
	return out
}

// orgWordsKey is strings.Join(strings.Fields(PersonKey(punctSpaces.Replace(name))), " ")
// in one pass: the words of the folded name, one space between them.
func orgWordsKey(name string) string {
	var a [128]byte
	return string(appendWordsKey(a[:0], name))
}

// appendWordsKey appends orgWordsKey(name) to b, byte by byte for ASCII.
func appendWordsKey(b []byte, name string) []byte {
	return appendKey(b, name, &wordsKeySep, true)
}

// wordsKeySep holds the ASCII bytes that separate the words of orgWordsKey: the
// marks punctSpaces replaces, PersonKey's separators and white space.
var wordsKeySep = func() (t [utf8.RuneSelf]bool) {
	for _, c := range ",();:" + "-'. " {
		t[c] = true
	}
	for c := range utf8.RuneSelf {
		t[c] = t[c] || unicode.IsSpace(rune(c))
	}
	return t
}()

// cutWord returns the first word of a key of appendWordsKey and the rest. The word
// shares k's bytes: it is for lookups that keep no reference to it.
func cutWord(k []byte) (string, []byte) {
	n := bytes.IndexByte(k, ' ')
	if n < 0 {
		n = len(k)
	}
	w := unsafe.String(unsafe.SliceData(k), n)
	if n < len(k) {
		n++
	}
	return w, k[n:]
}

var (
	punctSpaces      = strings.NewReplacer(",", " ", "(", " ", ")", " ", ";", " ", ":", " ")
	orgFunctionWords = tableOf("de", "du", "des", "d", "la", "le", "l", "les", "et", "a", "au", "aux", "en",
		"conseil", "communaute", "etablissement", "public", "communes", "agglomeration", "urbaine")
	orgSynonyms = map[string]string{"departemental": "departement", "departementale": "departement",
		"regional": "region", "regionale": "region", "prefet": "prefecture", "prefete": "prefecture",
		"ca": "agglomeration", "cc": "communes", "cu": "urbaine"}
)
