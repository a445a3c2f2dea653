package parties

import (
	"slices"
	"sort"
	"strings"
	"terril/extract/lex"
	"terril/extract/text"
	"unicode"
	"unicode/utf8"

	"terril/corpus"
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
		defer func() { buf.toks, buf.given = ps.toks[:0], ps.given[:0] }()
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

func (sg *signer) run() []corpus.Signatory {
	ps := sg.ps
	sg.seen = map[string]bool{}
	triggers := ps.signTriggers()
	// Only the sentences holding a trigger found by a fast scan of the folded text
	// are read word by word.
	sents := ps.sentencesAt(triggers)
	var docEPCIs []orgMention // EPCIs named anywhere, for "des intercommunalités"
	docEPCIsDone := false
	type clause struct {
		persons []corpus.Signatory
		orgs    []orgMention
	}
	var clauses []clause
	personRoles := []string{}
	unlinkedPersons := 0
	for _, s := range sents {
		if !ps.signing(s[0], s[1]) || citation.has(ps.folded(s[0])) {
			continue
		}
		zs, ze := s[0], ps.partyEnd(s[0], s[1])
		var c clause
		start, end := int(ps.toks[zs].s), int(ps.toks[ze-1].e)
		used := map[int]bool{}
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
			if !docEPCIsDone {
				for _, o := range ps.orgs(0, len(ps.toks)) {
					if o.epci && !o.generic {
						docEPCIs = append(docEPCIs, o)
					}
				}
				docEPCIsDone = true
			}
			c.orgs = append(c.orgs, docEPCIs...)
		}
		c.orgs = append(c.orgs, titleOrgs...)
		c.orgs = append(c.orgs, ps.mayorsCommunes(zs, ze)...)
		c.orgs = ps.dropBetween(c.orgs, len(c.persons), zs, ze)
		for pi := range used {
			r := sg.people[pi].Role
			personRoles = append(personRoles, r)
			if !roleNamesOrg(r) {
				unlinkedPersons++
			}
		}
		clauses = append(clauses, c)
	}
	allRoles := strings.Join(personRoles, " ")
	signers := 0 // the persons who sign, in all the clauses
	for _, c := range clauses {
		signers += len(c.persons)
	}
	// An organisations-only account of a signature that the document also reports
	// by the signing persons: the organisations are those persons' institutions.
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
	for _, p := range sg.blockPersons() {
		sg.add(p)
	}
	sort.SliceStable(sg.out, func(a, b int) bool { return sg.out[a].Start < sg.out[b].Start })
	return sg.out
}

func (sg *signer) add(s corpus.Signatory) {
	if s.Key == "" {
		s.Key = PersonKey(s.Name)
	}
	if sg.seen[s.Key] {
		return
	}
	sg.seen[s.Key] = true
	sg.out = append(sg.out, s)
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
	sg.seen[key] = true
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
	for _, w := range strings.Fields(role) {
		if r := []rune(w); len(r) > 0 && pIsUpper(r[0]) && w != strings.Fields(role)[0] {
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
	var out []string
	key := orgWordsKey(name)
	if key == "" {
		return nil
	}
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
	var b strings.Builder
	b.Grow(len(name))
	space := false
	add := func(r rune) {
		if r == '-' || r == '\'' || r == ' ' || r == '.' || unicode.IsSpace(r) {
			space = b.Len() > 0
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	for _, r := range name {
		switch {
		case r == ',' || r == '(' || r == ')' || r == ';' || r == ':':
			add(' ')
		case r < utf8.RuneSelf:
			add(rune(text.ASCIILower[r]))
		default:
			for _, x := range text.FoldRune(r) {
				add(x)
			}
		}
	}
	return b.String()
}

var (
	punctSpaces      = strings.NewReplacer(",", " ", "(", " ", ")", " ", ";", " ", ":", " ")
	orgFunctionWords = tableOf("de", "du", "des", "d", "la", "le", "l", "les", "et", "a", "au", "aux", "en",
		"conseil", "communaute", "etablissement", "public", "communes", "agglomeration", "urbaine")
	orgSynonyms = map[string]string{"departemental": "departement", "departementale": "departement",
		"regional": "region", "regionale": "region", "prefet": "prefecture", "prefete": "prefecture",
		"ca": "agglomeration", "cc": "communes", "cu": "urbaine"}
)

// sentencesAt returns, in order, the sentences that hold one of the byte offsets
// offs (sorted), as [start, end) token ranges. Sentences end at a full stop, a
// question or exclamation mark (not after a civility or an initial), at a blank
// line, at a line break after a colon or a semicolon, and before a bullet; the line
// breaks that open a sentence are not in it. Where a sentence ends depends only on
// the tokens next to its end, so only the tokens around each offset are read.
func (ps *peopleScanner) sentencesAt(offs []int) [][2]int {
	var out [][2]int
	n := len(ps.toks)
	for _, x := range offs {
		if m := len(out); m > 0 && x < int(ps.toks[out[m-1][1]-1].e) {
			continue // in the last sentence found
		}
		// The last token that starts at or before x, and the tokens from the end
		// of the sentence before it to the end of its own.
		t := sort.Search(n, func(k int) bool { return int(ps.toks[k].s) > x }) - 1
		if t < 0 {
			continue
		}
		a := t
		for a > 0 && !ps.endsSentence(a-1) {
			a--
		}
		e := t
		for e < n-1 && !ps.endsSentence(e) {
			e++
		}
		b := e + 1
		for a < b && ps.toks[a].kind == ptNewline {
			a++
		}
		if a < b && int(ps.toks[a].s) <= x && x < int(ps.toks[b-1].e) {
			out = append(out, [2]int{a, b})
		}
	}
	return out
}

// endsSentence reports whether token i ends a sentence (see sentencesAt).
func (ps *peopleScanner) endsSentence(i int) bool {
	switch ps.toks[i].kind {
	case ptNewline:
		prev := ""
		if i > 0 && ps.toks[i-1].kind == ptPunct {
			prev = ps.word(i - 1)
		}
		next := ""
		if i+1 < len(ps.toks) && ps.toks[i+1].kind != ptWord {
			next = ps.word(i + 1)
		}
		blank := next == "\n"
		if blank {
			// Text from PDFs doubles every line break: a blank line ends a sentence
			// only before a capital or after a final mark.
			nx := i + 1
			for nx < len(ps.toks) && ps.toks[nx].kind == ptNewline {
				nx++
			}
			blank = nx >= len(ps.toks) || ps.toks[nx].kind != ptWord || ps.toks[nx].cas != pcLower ||
				i > 0 && ps.toks[i-1].kind != ptWord
		}
		return blank || prev == "." || prev == ":" || prev == ";" || prev == "!" || prev == "?" ||
			next == "-" || next == "•" || next == "*" || next == "–" || next == "—" || ps.lineOpensSentence(i)
	case ptPunct:
		switch ps.word(i) {
		case ".":
			return !(i > 0 && ps.isWord(i-1) && (ps.toks[i-1].cas == pcInitial || ps.civility(i-1) == 2))
		case "!", "?", ";":
			return true
		}
	}
	return false
}

// lineOpensSentence reports whether the line break at token i, after a line that
// ends without a mark on a capitalised word or a number (a caption, a photo
// credit, a heading), opens a sentence: the next line starts with a capitalised
// determiner or pronoun ("CD92/JEAN DUPONT⏎Le 2 juin, …"), which a sentence wrapped
// across lines would not write with a capital.
func (ps *peopleScanner) lineOpensSentence(i int) bool {
	if i == 0 || i+1 >= len(ps.toks) || ps.toks[i+1].cas != pcTitle || !sentenceOpeners.has(ps.folded(i+1)) {
		return false
	}
	prev := &ps.toks[i-1]
	return prev.kind == ptWord && prev.cas != pcLower ||
		prev.kind == ptPunct && ps.t.S[prev.s] >= '0' && ps.t.S[prev.s] <= '9'
}

// sentenceOpeners start a sentence when written with a capital at the start of a
// line.
var sentenceOpeners = tableOf("le", "la", "les", "l'", "un", "une", "ce", "cet", "cette", "ces", "il", "elle",
	"ils", "elles", "nous", "on", "en", "au", "aux", "depuis", "apres", "lors", "pour", "c'est")

// signTriggers returns the sorted byte offsets in the text of the stems that may
// report a signature ("sign", "officialis", "paraph", "ratifi").
func (ps *peopleScanner) signTriggers() []int {
	f := ps.t.Folded
	var out []int
	for _, st := range signStems {
		for _, i := range indexAll(f, st.stem, st.anchor) {
			a, _ := ps.t.Orig(i, i)
			out = append(out, a)
		}
	}
	sort.Ints(out)
	return out
}

// signStems are the stems of signTriggers, each with the offset in it of a part
// whose first letter is rare in French, to look for first (see indexAll).
var signStems = []struct {
	stem   string
	anchor int
}{{"sign", 2}, {"officialis", 1}, {"paraph", 5}, {"ratifi", 4}}

// indexAll returns the offsets in f of the occurrences of stem, which overlaps no
// other occurrence of itself: it looks for stem[anchor:], which begins with a rarer
// letter than stem, and checks what comes before it. The result is the same as
// with strings.Index from each end of match onwards.
func indexAll(f, stem string, anchor int) []int {
	var out []int
	tail := stem[anchor:]
	for off := 0; ; {
		j := strings.Index(f[off:], tail)
		if j < 0 {
			return out
		}
		j += off
		off = j + len(tail)
		if i := j - anchor; i >= 0 && f[i:j] == stem[:anchor] {
			out = append(out, i)
		}
	}
}

// containsAnchored is strings.Contains(f, sub), looking for sub[anchor:] first
// (sub[anchor:] overlaps no other occurrence of itself).
func containsAnchored(f, sub string, anchor int) bool {
	tail := sub[anchor:]
	for off := 0; ; {
		j := strings.Index(f[off:], tail)
		if j < 0 {
			return false
		}
		j += off
		off = j + len(tail)
		if i := j - anchor; i >= 0 && f[i:j] == sub[:anchor] {
			return true
		}
	}
}

// signing reports whether tokens [i, j) report a signature.
func (ps *peopleScanner) signing(i, j int) bool {
	for k := i; k < j; k++ {
		if !ps.isWord(k) {
			continue
		}
		f := ps.folded(k)
		switch {
		case signWords.has(f):
			if (f == "signe" || f == "signes") && nounBefore.has(ps.folded(k-1)) {
				continue // "un signe fort"
			}
			if futureSign.has(f) || f == "signer" && !ps.signedInfinitive(i, k) {
				continue // "signera", "autorise le maire à signer": not (yet) signed
			}
			if ps.authorship(k) {
				continue // "une tribune signée Jean Dupont": its author
			}
			if (f == "signature" || f == "signatures") && ps.folded(ps.wordBefore(k, 1)) == "de" &&
				signatureNotAct.has(ps.folded(ps.wordBefore(k, 2))) ||
				f == "signature" && ps.folded(k-1) == "la" && ps.folded(k-2) == "a" {
				continue // "délégation de signature", "50 % à la signature"
			}
			if futureAux.has(ps.folded(k-1)) || ps.folded(k-1) == "etre" && futureModals.has(ps.folded(k-2)) {
				continue // "une charte sera signée": not yet signed
			}
			if (f == "signature" || f == "signatures") && ps.signatureToCome(k) {
				continue // "dont la signature est prévue en juin"
			}
			if ps.unilateralSigned(k) {
				continue // "le préfet avait signé l'arrêté", "a signé la pétition"
			}
			return true
		case strings.HasPrefix(f, "officialis") || strings.HasPrefix(f, "cosign") ||
			strings.HasPrefix(f, "co-sign") || strings.HasPrefix(f, "contresign") ||
			strings.HasPrefix(f, "paraph") || strings.HasPrefix(f, "ratifi"):
			return true
		}
	}
	return false
}

// signatureToCome reports whether the noun "signature" at token k is said to be
// still to come: "la signature est prévue", "signature programmée", "la signature
// interviendra", "signature à venir".
func (ps *peopleScanner) signatureToCome(k int) bool {
	for n := k + 1; n <= k+3 && ps.isWord(n); n++ {
		f := ps.folded(n)
		if signatureFuture.has(f) || f == "venir" && ps.folded(n-1) == "a" ||
			len(f) >= 5 && (strings.HasSuffix(f, "ra") || strings.HasSuffix(f, "ront")) {
			return true
		}
		if f != "est" && f != "sont" && f != "etait" && f != "a" && f != "doit" && f != "devrait" {
			return false
		}
	}
	return false
}

var signatureFuture = tableOf("prevue", "prevues", "programmee", "programmees", "envisagee", "envisagees",
	"attendue", "attendues", "planifiee", "planifiees", "annoncee", "annoncees", "imminente", "prochaine",
	"interviendra", "aura", "doit", "devrait", "devra")

// wordBefore returns the token of the n-th word before token k, line breaks
// skipped ("délégation⏎de signature"), or -1.
func (ps *peopleScanner) wordBefore(k, n int) int {
	for k--; k >= 0; k-- {
		switch ps.toks[k].kind {
		case ptNewline:
			continue
		case ptWord:
			if n--; n == 0 {
				return k
			}
			continue
		}
		return -1
	}
	return -1
}

// signedInfinitive reports whether "signer" at token k, in the sentence starting at
// token i, reports a signature done: after "pour" or "venu" ("s'est rendu à la
// mairie pour signer avec le maire", "est venue signer") or a noun or adjective of the moment ("au moment de
// signer", "heureux de signer"), in a sentence with no verb in the future ("se
// rendra à Lille pour signer"). "autorise le maire à signer", "doit signer",
// "propose de signer" sign nothing yet.
func (ps *peopleScanner) signedInfinitive(i, k int) bool {
	p := ps.wordBefore(k, 1)
	switch ps.folded(p) {
	case "pour", "venu", "venue", "venus", "venues", "vient", "viennent", "venait", "venaient":
		// "pour signer", "est venu signer", "vient signer"
	case "de", "d'":
		if !signingMoment.has(ps.folded(ps.wordBefore(p, 1))) {
			return false
		}
	default:
		return false
	}
	for n := i; n < k; n++ {
		if !ps.isWord(n) {
			continue
		}
		f := ps.folded(n)
		if authorising(f) {
			return false // "donne tous pouvoirs au Maire pour signer", "mandate X pour signer"
		}
		if ps.toks[n].cas != pcLower {
			continue
		}
		if futureAux.has(f) || futureModals.has(f) || len(f) >= 5 && (strings.HasSuffix(f, "ra") || strings.HasSuffix(f, "ront")) {
			return false
		}
	}
	return true
}

// authorising reports whether folded word f gives a power to sign rather than
// reports a signature: "pouvoirs", "autorise", "habilite", "mandate", "délègue",
// "désigné", "chargé", "décide", "approuve", "compétent".
func authorising(f string) bool {
	for _, st := range authorisingStems {
		if strings.HasPrefix(f, st) {
			return true
		}
	}
	return false
}

var authorisingStems = []string{"pouvoir", "autoris", "habilit", "mandat", "delegu", "delegation", "design",
	"charg", "donne", "decid", "decide", "approuv", "propos", "sollicit", "competen", "qualite", "invit", "accept"}

// signingMoment before "de signer" report the signature as it happens.
var signingMoment = tableOf("moment", "occasion", "heureux", "heureuse", "heureuses", "fier", "fiere", "fiers",
	"fieres", "ravi", "ravie", "ravis", "ravies", "honneur", "plaisir", "fierte", "joie", "afin",
	"vient", "viennent", "venait", "venaient") // "vient de signer": just signed

// authorship reports whether the participle at token k names the author of a text
// or a phrase, not a party to an agreement: "signé(e)" in lower case after a noun,
// right before a person's name ("une métaphore signée Jean Dupont", "un éditorial
// signé Marie Durand"); "Signé Jean DUPONT" closing an act is a signature.
func (ps *peopleScanner) authorship(k int) bool {
	switch ps.folded(k) {
	case "signe", "signee", "signes", "signees":
	default:
		return false
	}
	p := k - 1
	if ps.toks[k].cas != pcLower || !ps.isWord(p) || ps.toks[p].cas != pcLower || participleAux.has(ps.folded(p)) {
		return false
	}
	n := k + 1
	if _, ok := ps.givenAt(n); ok {
		return ps.nameToken(n + 1)
	}
	return ps.civility(n) > 0
}

// participleAux before "signé" make it a verb ("a été signé", "ont signé").
var participleAux = tableOf("a", "ont", "ete", "est", "sont", "etait", "etaient", "avait", "avaient", "fut",
	"furent", "ai", "as", "avons", "avez", "sera", "seront", "aurait", "auraient", "deja", "bien", "officiellement")

// unilateralSigned reports whether the signing word at token k signs a unilateral
// act or a text that is no agreement between parties: its object ("a signé
// l'arrêté", "signature du décret", "a signé la pétition") or the noun it follows
// ("l'arrêté signé par le préfet").
func (ps *peopleScanner) unilateralSigned(k int) bool {
	if unilateralActs.has(ps.folded(k - 1)) {
		return true
	}
	n := k + 1
	for n < len(ps.toks) && n-k <= 3 && ps.isWord(n) && objectDeterminers.has(ps.folded(n)) {
		n++
	}
	return n > k+1 && unilateralActs.has(ps.folded(n))
}

// signatureNotAct name a power to sign, not a signature: "délégation de signature".
var signatureNotAct = tableOf("delegation", "delegations", "subdelegation", "sous-delegation", "pouvoir",
	"pouvoirs", "habilitation", "droit", "autorisation", "circuit", "parapheur", "registre")

// futureAux before a participle report a signature still to come.
// ("doit être signée"; "vient d'être signée" is done).
var (
	futureAux    = tableOf("sera", "seront", "serait", "seraient")
	futureModals = tableOf("doit", "doivent", "devra", "devront", "devrait", "devraient", "va", "vont",
		"pourra", "pourront", "pourrait", "pourraient")
)

var (
	unilateralActs = tableOf("arrete", "arretes", "decret", "decrets", "ordonnance", "circulaire",
		"permis", "petition", "petitions", "tribune", "lettre", "courrier", "livre", "registre",
		"motion", "motions", "voeu", "voeux", "manifeste", "appel", "tribunes", "lettres", "cheque")
	objectDeterminers = tableOf("l'", "le", "la", "les", "un", "une", "des", "du", "de", "d'", "cet", "ce",
		"cette", "ces", "son", "sa", "ses", "leur", "leurs", "nouvel", "nouveau", "nouvelle")
)

// citation marks the visas of an act ("Vu le contrat de prêt signé…"), which cite
// earlier acts rather than report a signature.
var citation = tableOf("vu", "considerant", "attendu")

var (
	signWords = tableOf("signe", "signent", "signee", "signees", "signes", "signera",
		"signeront", "signait", "signaient", "signant", "signataire", "signataires", "signature",
		"signatures", "signons", "signez", "signerons", "signeraient", "signer")
	// futureSign report a signature still to come.
	futureSign = tableOf("signera", "signeront", "signerons", "signeraient", "signerait")
	nounBefore = tableOf("un", "le", "ce", "des", "les", "du", "de", "fort", "bon", "mauvais", "aucun")
)

// partyEnd returns where the parties of a signing sentence [i, j) end: before "en
// présence de", "à l'invitation de", "sous l'égide de"…
func (ps *peopleScanner) partyEnd(i, j int) int {
	for k := i; k+1 < j; k++ {
		f, g := ps.folded(k), ps.folded(k+1)
		if f == "en" && g == "presence" || f == "sous" && strings.HasPrefix(g, "l'") ||
			f == "a" && g == "l'" && ps.folded(k+2) == "invitation" ||
			f == "avec" && (g == "le" || g == "l'") && ps.folded(k+2) == "soutien" ||
			f == "avec" && g == "l'" && ps.folded(k+2) == "appui" {
			if k > i {
				return k
			}
		}
	}
	return j
}

// dropBetween drops from orgs, found in tokens [i, j) with n signing persons, the
// parties named after "entre" ("le contrat entre l'État et la Métropole") when
// they are no more than the persons and at least two persons sign: the persons
// sign for them.
func (ps *peopleScanner) dropBetween(orgs []orgMention, n, i, j int) []orgMention {
	if n < 2 {
		return orgs
	}
	from, to := -1, -1 // the byte range of the phrase after "entre"
	for k := i; k < j; k++ {
		if ps.folded(k) == "entre" {
			e := k + 1
			for e < j && !ps.isPunct(e, ",") && !ps.isPunct(e, ";") && !ps.isPunct(e, ".") {
				e++
			}
			from, to = int(ps.toks[k].s), int(ps.toks[e-1].e)
			break
		}
	}
	if from < 0 {
		return orgs
	}
	var kept []orgMention
	for _, o := range orgs {
		if o.start < from || o.start >= to {
			kept = append(kept, o)
		}
	}
	if len(orgs)-len(kept) > n {
		return orgs
	}
	return kept
}

// otherAgents returns the byte ranges of tokens [i, j) that name the agents of
// another act than the signature, up to the next comma or semicolon: after a
// participle other than a signing one and "par" ("l'engagement pris par X",
// "accompagné à Matignon par X et Y", "le projet porté par X") or after
// "accompagné(e)(s) de", "entouré(e)(s) de". The persons named there do not sign.
func (ps *peopleScanner) otherAgents(i, j int) [][2]int {
	var out [][2]int
	for k := i; k < j; k++ {
		if !ps.isWord(k) {
			continue
		}
		f := ps.folded(k)
		other := false
		switch f {
		case "par":
			for n, p := 0, k-1; n < 3 && p >= i && ps.isWord(p); n, p = n+1, p-1 {
				if ps.toks[p].cas == pcLower && participle(ps.word(p), ps.folded(p)) {
					other = !signingParticiple(ps.folded(p))
					break
				}
			}
		case "de", "d'", "des", "du":
			g := ps.folded(k - 1)
			other = strings.HasPrefix(g, "accompagne") || strings.HasPrefix(g, "entoure") ||
				// "sous le regard de", "aux côtés de", "à côté de": onlookers.
				(g == "regard" || g == "yeux") && ps.folded(k-3) == "sous" || g == "cotes" || g == "cote"
		case "selon":
			other = true // "selon Hélène Marchand, directrice de l'EPF, …"
		case "que", "qu'":
			// "La présidente X a rappelé que la Région avait signé": the speaker
			// reports a signature; she is not said to sign.
			if reportingVerbs.has(ps.folded(k-1)) || ps.folded(k-1) == "," && reportingVerbs.has(ps.folded(k-2)) {
				out = append(out, [2]int{int(ps.toks[i].s), int(ps.toks[k].s)})
			}
			continue
		}
		if reportingVerbs.has(f) && (ps.isPunct(k-1, ",") || ps.isPunct(k-1, "»") ||
			f != "a" && ps.folded(k-1) == "a" && (ps.isPunct(k-2, ",") || ps.isPunct(k-2, "»"))) {
			// "…, explique son maire, Anne Petit.", "», a souligné Jean Roux": the
			// speaker, after what he says.
			out = append(out, [2]int{int(ps.toks[k].s), int(ps.toks[j-1].e)})
			break
		}
		if !other {
			continue
		}
		e := k + 1
		for e < j && !ps.isPunct(e, ",") && !ps.isPunct(e, ";") {
			e++
		}
		out = append(out, [2]int{int(ps.toks[k].s), int(ps.toks[e-1].e)})
		k = e
	}
	return out
}

// reportingVerbs introduce reported speech before "que", or name its speaker
// after it ("…, explique son maire, Anne Petit").
var reportingVerbs = tableOf("rappele", "rappelle", "rappelait", "indique", "indiquait", "explique", "expliquait",
	"souligne", "soulignait", "precise", "precisait", "annonce", "annoncait", "declare", "declarait", "estime",
	"affirme", "ajoute", "note", "observe", "releve", "assure", "confirme", "constate", "dit", "raconte",
	"souhaite", "espere", "regrette", "felicite", "rejouit", "insiste", "commente", "confie", "poursuit",
	"conclut", "detaille", "resume", "temoigne", "reconnait", "lance", "martele", "glisse", "salue")

// participle reports whether a word in lower case (w, folded f) is a past
// participle: "-é(e)(s)" or an irregular one ("pris", "conduit", "suivi").
func participle(w, f string) bool {
	return strings.HasSuffix(w, "é") || strings.HasSuffix(w, "ée") || strings.HasSuffix(w, "és") ||
		strings.HasSuffix(w, "ées") || irregularParticiples.has(f)
}

// signingParticiple reports whether a participle reports the signature or the
// party's representative ("signée par", "représentée par", "ratifié par").
func signingParticiple(f string) bool {
	for _, st := range signingStems {
		if strings.HasPrefix(f, st) {
			return true
		}
	}
	return false
}

var (
	signingStems = []string{"sign", "cosign", "co-sign", "contresign", "paraph", "ratifi", "officialis",
		"represente", "conclu", "scelle"}
	irregularParticiples = tableOf("pris", "prise", "prises", "mis", "mise", "mises", "conduit", "conduite",
		"conduits", "suivi", "suivie", "suivis", "suivies", "soutenu", "soutenue", "soutenus", "voulu", "voulue",
		"promu", "promue", "recu", "recue", "recus", "rejoint", "rejointe", "rejoints", "introduit", "introduite",
		"construit", "construite", "produit", "produite", "decrit", "ecrit", "ecrite", "dit", "dite")
)

// inRanges reports whether byte offset off is in one of the ranges.
func inRanges(rs [][2]int, off int) bool {
	for _, r := range rs {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}

// quoted reports whether byte offset off is inside « » quotes on its line.
func (ps *peopleScanner) quoted(off int) bool {
	s := ps.t.S
	ls := strings.LastIndexByte(s[:off], '\n') + 1
	open := strings.Count(s[ls:off], "«") - strings.Count(s[ls:off], "»")
	return open > 0
}

// An anaphora is a title standing for a person: "le directeur de la CDC".
type anaphora struct {
	head string
	span corpus.Span
	k, e int // tokens: the article, the end of the title
}

// anaphoras finds singular titles after a definite article in [i, j) that are not
// followed by a name.
func (ps *peopleScanner) anaphoras(i, j int) []anaphora {
	var out []anaphora
	for k := i; k+1 < j; k++ {
		f := ps.folded(k)
		if f != "le" && f != "la" && f != "l'" {
			continue
		}
		n := ps.roleStart(k+1, false)
		if n == 0 {
			continue
		}
		e := ps.roleEnd(k + 1)
		if ps.capital(e) || ps.isPunct(e, ",") && ps.capital(e+1) && ps.nameToken(e+2) {
			continue // a title before a name: the name is the person
		}
		out = append(out, anaphora{head: ps.folded(k + n), span: corpus.Span{Start: int(ps.toks[k].s), End: int(ps.toks[e-1].e)}, k: k, e: e})
		k = e - 1
	}
	return out
}

// titleOrg returns the institution of a title that stands for no named person:
// "le président de la Métropole" → "Métropole", "le préfet du Nord" →
// "Préfecture du Nord"; a title orgs already reads ("le président du conseil
// régional") gives nothing more.
func (ps *peopleScanner) titleOrg(a anaphora) (orgMention, bool) {
	c := a.k + 1
	for c < a.e && !ps.particle(c) {
		c++
	}
	if c >= a.e {
		if a.e == a.k+2 && (ps.folded(a.k+1) == "prefet" || ps.folded(a.k+1) == "prefete") &&
			ps.isWord(a.e) && ps.folded(a.k-1) != "pour" {
			// "le préfet" alone: the State's representative in the département.
			return orgMention{name: "Préfecture", start: int(ps.toks[a.k].s), end: int(ps.toks[a.e-1].e)}, true
		}
		return orgMention{}, false
	}
	p := c
	for p < a.e && ps.particle(p) && p-c < 2 {
		p++
	}
	if h, n := ps.headAt(p, a.e); n > 0 {
		if len(ps.orgs(p, a.e)) > 0 {
			return orgMention{}, false
		}
		name := h.display
		if e := ps.orgRest(p+n, a.e); e > p+n {
			name += " " + ps.text(p+n, e)
		}
		return orgMention{name: name, start: int(ps.toks[p].s), end: int(ps.toks[a.e-1].e), epci: h.epci}, true
	}
	switch ps.folded(a.k + 1) {
	case "prefet", "prefete":
		e := ps.placeAfter(c, a.e)
		if e == c {
			return orgMention{}, false
		}
		return orgMention{name: "Préfecture " + ps.text(c, e), start: int(ps.toks[a.k].s), end: int(ps.toks[e-1].e)}, true
	case "sous-prefet", "sous-prefete":
		e := ps.placeAfter(c, a.e)
		if e == c {
			return orgMention{}, false
		}
		return orgMention{name: "Sous-préfecture " + ps.text(c, e), start: int(ps.toks[a.k].s), end: int(ps.toks[e-1].e)}, true
	case "maire":
		// "le maire de Chauny" with no name: the commune signs.
		e := ps.placeAfter(c, a.e)
		if e == c {
			return orgMention{}, false
		}
		return orgMention{name: "Commune " + ps.text(c, e), start: int(ps.toks[a.k].s), end: int(ps.toks[e-1].e)}, true
	}
	return orgMention{}, false
}

// placeAfter reads a place named after a title from its particle at token c ("de
// l'Aisne", "du Nord", "de Ham"): it returns the token after the name, or c when
// no capitalised name follows.
func (ps *peopleScanner) placeAfter(c, j int) int {
	p := c
	for p < j && p-c < 2 && (ps.particle(p) || ps.folded(p) == "l'") {
		p++
	}
	if p == c || p >= j || !ps.capital(p) {
		return c
	}
	e := ps.orgRest(p, j)
	if e == p {
		return c
	}
	return e
}

// mayorsCommunes finds unnamed mayors in plural in tokens [i, j): "les maires de
// Ham et de Nesle" gives the communes "Commune de Ham" and "Commune de Nesle".
func (ps *peopleScanner) mayorsCommunes(i, j int) []orgMention {
	var out []orgMention
	for k := i; k+2 < j; k++ {
		if ps.folded(k) != "les" || ps.folded(k+1) != "maires" {
			continue
		}
		c := k + 2
		for c < j {
			e := ps.placeAfter(c, j)
			if e == c {
				break
			}
			out = append(out, orgMention{name: "Commune " + ps.text(c, e), start: int(ps.toks[c].s), end: int(ps.toks[e-1].e)})
			c = e
			if ps.isPunct(c, ",") {
				c++
			}
			if ps.folded(c) == "et" {
				c++
			}
		}
		k = c - 1
	}
	return out
}

// represented reports whether the organisation ending at byte off is followed,
// before token j, by "représentée par" and a named person, or by "son président
// X": the person named signs for it. "représentée par son président" with no name
// leaves the organisation a party.
func (sg *signer) represented(off, j int) bool {
	ps := sg.ps
	k0 := sort.Search(len(ps.toks), func(k int) bool { return int(ps.toks[k].s) >= off })
	for k := k0; k < j && int(ps.toks[k].s) <= off+12; k++ {
		if !strings.HasPrefix(ps.folded(k), "represente") {
			continue
		}
		for n := k + 1; n < j && n-k <= 10; n++ {
			if ps.isPunct(n, ".") || ps.isPunct(n, ";") {
				break
			}
			for _, p := range sg.people {
				for _, sp := range p.Spans {
					if sp.Start == int(ps.toks[n].s) {
						return true
					}
				}
			}
		}
		return false
	}
	return ps.represented(off, j)
}

// onBehalf reports whether the organisation starting at byte off is introduced by
// "pour" or "au nom de" ("a signé pour la Communauté de communes…"): a signing
// person signs for it.
func (ps *peopleScanner) onBehalf(off, i int) bool {
	k := sort.Search(len(ps.toks), func(k int) bool { return int(ps.toks[k].s) >= off })
	for n := 0; n < 2 && k > i && listArticles.has(ps.folded(k-1)); n++ {
		k--
	}
	if k <= i {
		return false
	}
	f := ps.folded(k - 1)
	return f == "pour" || (f == "de" || f == "du" || f == "d'") && k-2 > i && ps.folded(k-2) == "nom" && ps.folded(k-3) == "au"
}

// represented is the part of signer.represented that needs no persons: "son
// président X" after the organisation.
func (ps *peopleScanner) represented(off, j int) bool {
	k0 := sort.Search(len(ps.toks), func(k int) bool { return int(ps.toks[k].s) >= off })
	for k := k0; k < j; k++ {
		if int(ps.toks[k].s) > off+30 {
			return false
		}
		// "la Communauté d'agglomération du Saint-Quentinois, c'est son président
		// Frédéric Alliot qui a signé": its head, named, signs for it.
		if f := ps.folded(k); (f == "son" || f == "sa") && int(ps.toks[k].s) <= off+30 {
			if n := ps.roleStart(k+1, false); n > 0 {
				e := ps.roleEnd(k + 1)
				if ps.isPunct(e, ",") {
					e++
				}
				if e < j && (ps.civility(e) > 0 || ps.nameToken(e)) {
					return true
				}
			}
		}
	}
	return false
}

// An orgHead starts the name of an organisation.
type orgHead struct {
	words    []string // folded
	display  string   // singular
	needName bool     // "Département" alone is no party
	capital  bool     // must be written with a capital ("la Région", not "la région")
	epci     bool
}

var orgHeads = []orgHead{
	{[]string{"communaute", "d'", "agglomeration"}, "Communauté d'agglomération", true, false, true},
	{[]string{"communautes", "d'", "agglomeration"}, "Communauté d'agglomération", true, false, true},
	{[]string{"communaute", "de", "communes"}, "Communauté de communes", true, false, true},
	{[]string{"communautes", "de", "communes"}, "Communauté de communes", true, false, true},
	{[]string{"communaute", "urbaine"}, "Communauté urbaine", true, false, true},
	{[]string{"communautes", "urbaines"}, "Communauté urbaine", true, false, true},
	{[]string{"metropole"}, "Métropole", true, true, true},
	{[]string{"cc"}, "CC", true, true, true},
	{[]string{"ca"}, "CA", true, true, true},
	{[]string{"cu"}, "CU", true, true, true},
	{[]string{"caisse", "d'", "allocations", "familiales"}, "Caisse d'allocations familiales", false, false, false},
	{[]string{"caf"}, "CAF", false, true, false},
	{[]string{"conseil", "departemental"}, "Conseil départemental", false, false, false},
	{[]string{"conseils", "departementaux"}, "Conseil départemental", false, false, false},
	{[]string{"conseil", "regional"}, "Conseil régional", false, false, false},
	{[]string{"conseils", "regionaux"}, "Conseil régional", false, false, false},
	{[]string{"departement"}, "Département", true, false, false},
	{[]string{"departements"}, "Département", true, false, false},
	{[]string{"region"}, "Région", false, true, false},
	{[]string{"prefecture"}, "Préfecture", false, true, false},
	{[]string{"etat"}, "État", false, true, false},
	{[]string{"ville"}, "Ville", true, false, false},
	{[]string{"villes"}, "Ville", true, false, false},
	{[]string{"commune"}, "Commune", true, false, false},
	{[]string{"caisse", "des", "depots"}, "Caisse des dépôts", false, true, false},
	{[]string{"banque", "des", "territoires"}, "Banque des Territoires", false, true, false},
	{[]string{"syndicat"}, "Syndicat", true, true, false},
	{[]string{"agence"}, "Agence", true, true, false},
	{[]string{"etablissement", "public"}, "Établissement public", true, true, false},
	{[]string{"office"}, "Office", true, true, false},
	{[]string{"chambre"}, "Chambre", true, true, false},
	{[]string{"association"}, "Association", true, true, false},
	{[]string{"federation"}, "Fédération", true, true, false},
	{[]string{"universite"}, "Université", true, true, false},
	{[]string{"pole", "metropolitain"}, "Pôle métropolitain", true, true, true},
}

// orgHeadByte holds the first byte of each head, to skip most words without a
// lookup in orgHeadFirst.
var orgHeadByte = func() (t [256]bool) {
	for _, h := range orgHeads {
		t[h.words[0][0]] = true
	}
	return t
}()

// orgHeadFirst holds the first word of each head.
var orgHeadFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, h := range orgHeads {
		m[h.words[0]] = true
	}
	return m
}()

// genericEPCI are words for intercommunalities without their names (its Guard
// passes over most words).
var genericEPCI = lex.NewSet("intercommunalites", "epci", "intercommunalite")

// orgs finds the organisations named in tokens [i, j), with coordinated names
// sharing one head: "les départements du Nord et du Pas-de-Calais" gives
// "Département du Nord" and "Département du Pas-de-Calais".
func (ps *peopleScanner) orgs(i, j int) []orgMention {
	var out []orgMention
	for k := i; k < j; k++ {
		if !ps.isWord(k) {
			continue
		}
		f := ps.folded(k)
		if genericEPCI.Has(f) {
			out = append(out, orgMention{generic: true, epci: true})
			continue
		}
		h, n := ps.headAt(k, j)
		if n == 0 {
			continue
		}
		e := ps.orgRest(k+n, j)
		described := false
		if e == k+n && h.capital && h.needName && ps.toks[k].cas != pcLower {
			// "l'Agence nationale de l'habitat (Anah)": a capitalised head described
			// in common words.
			e = ps.orgDescribed(k+n, j)
			described = e > k+n
		}
		if e == k+n && h.needName {
			k += n - 1
			continue
		}
		name := h.display
		if described {
			name = ps.text(k, e)
		} else if e > k+n {
			name += " " + ps.text(k+n, e)
		}
		if h.display == "État" {
			name = ps.text(k, e)
		}
		out = append(out, orgMention{name: name, start: int(ps.toks[k].s), end: int(ps.toks[e-1].e), epci: h.epci})
		// Coordinated names: ", du B", "et de C", "et d'D".
		for {
			c := e
			if ps.isPunct(c, ",") {
				c++
			}
			if ps.folded(c) == "et" {
				c++
			}
			if c == e || !ps.particle(c) || !coordParticles.has(ps.folded(c)) {
				break
			}
			if _, hn := ps.headAt(c+1, j); hn > 0 {
				break
			}
			if ps.folded(c) == "de" && (ps.folded(c+1) == "la" || ps.folded(c+1) == "l'") {
				if _, hn := ps.headAt(c+2, j); hn > 0 {
					break
				}
			}
			e2 := ps.orgRest(c, j)
			if e2 <= c+1 {
				break
			}
			out = append(out, orgMention{name: h.display + " " + ps.text(c, e2), start: int(ps.toks[c].s),
				end: int(ps.toks[e2-1].e), epci: h.epci})
			e = e2
		}
		k = e - 1
	}
	return out
}

// headAt matches an organisation head at token k.
func (ps *peopleScanner) headAt(k, j int) (orgHead, int) {
	f := ps.folded(k)
	if f == "" || !orgHeadByte[f[0]] || !orgHeadFirst[f] {
		return orgHead{}, 0
	}
	for _, h := range orgHeads {
		if h.words[0] != f || k+len(h.words) > j {
			continue
		}
		ok := true
		for x := 1; x < len(h.words); x++ {
			if ps.folded(k+x) != h.words[x] {
				ok = false
				break
			}
		}
		if !ok || h.capital && ps.toks[k].cas == pcLower || len(f) == 2 && ps.toks[k].cas != pcUpper {
			continue
		}
		return h, len(h.words)
	}
	return orgHead{}, 0
}

// orgDescribed reads the words that describe an organisation after its capitalised
// head, up to a conjunction, a verb or a punctuation mark, and an acronym in
// parentheses after them: "Agence nationale de l'habitat (Anah)", "Office national
// des forêts"; it returns the token after the name (k when there is none).
func (ps *peopleScanner) orgDescribed(k, j int) int {
	e := k
	for e < j && e-k < 8 && ps.isWord(e) {
		f := ps.folded(e)
		if roleStop.has(f) && !(f == "a" && ps.word(e) != "a") || signWords.has(f) || roleNouns.has(f) || ps.civility(e) > 0 {
			break
		}
		if _, n := ps.headAt(e, j); n > 0 {
			break
		}
		e++
	}
	for e > k && roleTrailing.has(ps.folded(e-1)) {
		e--
	}
	if e == k {
		return k
	}
	if ps.isPunct(e, "(") && e+2 < j && ps.isWord(e+1) && ps.toks[e+1].cas != pcLower && ps.isPunct(e+2, ")") {
		e += 3
	}
	return e
}

// orgRest reads the name after an organisation head: capitalised words and the
// particles between them ("de Béthune-Bruay Artois Lys Romane", "Cœur d'Ostrevent",
// "de La Porte du Hainaut"); it returns the token after the name.
func (ps *peopleScanner) orgRest(k, j int) int {
	e := k
	for e < j {
		if ps.mentionAt(e) || signWords.has(ps.folded(e)) {
			break // "le Président du Département Jean Dupont", a title "… Signature du Pacte"
		}
		if ps.capital(e) && !ps.isPunct(e, ".") {
			// A single-word head after a name belongs to it ("Valenciennes Métropole").
			if _, n := ps.headAt(e, j); n > 1 || n == 1 && e == k {
				break
			}
			e++
			continue
		}
		// Particles followed by a capitalised word.
		p := e
		for p < j && (ps.particle(p) || ps.folded(p) == "l'") && p-e < 2 {
			p++
		}
		if p > e && p < j && ps.capital(p) {
			// "Préfecture de Région Hauts-de-France": a head right after the first
			// particle names the organisation's level.
			if _, n := ps.headAt(p, j); n > 1 || n == 1 && e > k {
				break
			}
			e = p
			continue
		}
		break
	}
	return e
}

// mentionAt reports whether a person's name read by scan starts at token k.
func (ps *peopleScanner) mentionAt(k int) bool {
	n := sort.Search(len(ps.mentions), func(x int) bool { return ps.mentions[x].ti >= k })
	return n < len(ps.mentions) && ps.mentions[n].ti == k
}

// blockPersons returns the persons of signature blocks: after "Fait à …, le …", in
// a closing "Le Président, Xavier BERTRAND", and those representing a party to a
// convention ("représentée par M. …").
func (sg *signer) blockPersons() []corpus.Signatory {
	if len(sg.people) == 0 {
		return nil // every block below gives persons of sg.people
	}
	ps := sg.ps
	s := ps.t.S
	var out []corpus.Signatory
	inRange := func(a, b int) {
		for _, p := range sg.people {
			for _, sp := range p.Spans {
				if sp.Start >= a && sp.End <= b {
					out = append(out, corpus.Signatory{Name: p.Name, Kind: corpus.KindPerson, Span: sp})
					break
				}
			}
		}
	}
	f := ps.t.Folded
	// "Fait à Lille, le 3 mars 2020": the persons of the following lines.
	for off := 0; ; {
		i := strings.Index(f[off:], "fait a ")
		if i < 0 {
			break
		}
		i += off
		off = i + 7
		if i > 0 && f[i-1] != '\n' {
			continue
		}
		a, b := ps.t.Orig(i, i)
		_ = b
		end := a
		for n := 0; n < 10 && end < len(s); n++ {
			nl := strings.IndexByte(s[end:], '\n')
			if nl < 0 {
				end = len(s)
				break
			}
			end += nl + 1
		}
		inRange(a, end)
	}
	// A closing signature: among the last lines of the text, a person whose name
	// opens its line under a title line ("Le Président,⏎Xavier BERTRAND").
	// The line breaks are the newline tokens: the last one before tail-1 is found
	// walking back over the tokens, fewer than the bytes.
	tail := len(s)
	k := len(ps.toks)
	for n := 0; n < 8 && tail > 0; {
		nl := -1
		for k > 0 {
			k--
			if tk := &ps.toks[k]; tk.kind == ptNewline && int(tk.s) < tail-1 {
				nl = int(tk.s)
				break
			}
		}
		if strings.TrimSpace(s[nl+1:tail]) != "" {
			n++
		}
		tail = nl + 1
		if nl < 0 {
			break
		}
	}
	contact := -1 // pressContact(s[tail:]), once needed
	for _, p := range sg.people {
		for _, sp := range p.Spans {
			if sp.Start >= tail && titleLineBefore(s, sp.Start, sp.End) {
				if contact < 0 {
					contact = 0
					if ps.pressContact(max(tail, len(s)-pressContactReach)) {
						contact = 1
					}
				}
				if contact == 1 {
					break
				}
				out = append(out, corpus.Signatory{Name: p.Name, Kind: corpus.KindPerson, Span: sp})
				break
			}
		}
	}
	// "représentée par M. X" in a convention between parties.
	if containsAnchored(f, "d'une part", 1) || containsAnchored(f, "ci-apres denomme", 2) {
		for _, p := range sg.people {
			for _, sp := range p.Spans {
				if representedBy(s[max(sp.Start-representWindow, 0):sp.Start]) {
					out = append(out, corpus.Signatory{Name: p.Name, Kind: corpus.KindPerson, Span: sp})
					break
				}
			}
		}
	}
	return out
}

// pressContact reports whether the closing lines of the text, from byte offset
// from on, are a press contact ("Contact presse :⏎Chargée de communication⏎Marie
// DURAND"), whose persons sign nothing.
func (ps *peopleScanner) pressContact(from int) bool {
	off := ps.t.Offsets() // folded offset → text offset, non-decreasing
	f := ps.t.Folded[sort.Search(len(ps.t.Folded), func(k int) bool { return int(off[k]) >= from }):]
	for _, w := range pressContactWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// pressContactReach is how far from the end of the text, in bytes, a press
// contact is looked for.
const pressContactReach = 400

var pressContactWords = []string{"contact", "presse", "communication", "relations publiques", "relations medias"}

// representWindow is how far before a name, in bytes, "représentée par" is looked
// for: far enough for a title and a civility between them ("représentée par son
// Directeur général, Monsieur Hugo GILARDI").
const representWindow = 100

// representedBy reports whether before, the text just before a person's name, ends
// with "représenté(e)(s) par" and at most a title and a civility, in the same clause:
// no full stop, semicolon or "ci-après" in between.
func representedBy(before string) bool {
	f := text.Fold(before)
	i := strings.LastIndex(f, "represente")
	if i < 0 {
		return false
	}
	rest := f[i:]
	if !strings.Contains(rest, " par ") || strings.ContainsAny(rest, ";«»") || strings.Contains(rest, "ci-apres") {
		return false
	}
	// A full stop ends the clause, unless it ends an abbreviation ("M.", "Dr.").
	for k := strings.IndexByte(rest, '.'); k >= 0; k = strings.IndexByte(rest, '.') {
		w := rest[:k]
		w = w[strings.LastIndexAny(w, " \n'")+1:]
		if len(w) > 3 {
			return false
		}
		rest = rest[k+1:]
	}
	return true
}

// titleLineBefore reports whether the name at byte offset off is in a signature
// block: its line holds only names (and civilities) before it, and the previous
// non-empty line is a title ("Le Président,", "Pour le Maire et par délégation,").
func titleLineBefore(s string, off, end int) bool {
	le := strings.IndexByte(s[end:], '\n')
	if le < 0 {
		le = len(s) - end
	}
	for w := range strings.FieldsSeq(s[end : end+le]) {
		r, _ := utf8.DecodeRuneInString(w)
		if !pIsUpper(r) {
			return false // a sentence goes on after the name
		}
	}
	ls := strings.LastIndexByte(s[:off], '\n') + 1
	prefix := strings.TrimSpace(s[ls:off])
	if strings.HasSuffix(prefix, ",") && isTitle(prefix) {
		return true // "Le Président, Michel BARBIER"
	}
	for w := range strings.FieldsSeq(prefix) {
		r, _ := utf8.DecodeRuneInString(w)
		if !pIsUpper(r) {
			return false
		}
	}
	if ls == 0 {
		return false
	}
	prev := strings.TrimRight(s[:ls-1], "\n ")
	return isTitle(strings.TrimSpace(prev[strings.LastIndexByte(prev, '\n')+1:]))
}

// isTitle reports whether a short line starts with a title: "Le Président,",
// "Pour le Maire et par délégation,".
func isTitle(line string) bool {
	if len(line) > 120 {
		return false
	}
	f := strings.Fields(PersonKey(punctSpaces.Replace(line)))
	for len(f) > 0 && (roleDeterminers.has(f[0]) || f[0] == "l") {
		f = f[1:]
	}
	return len(f) > 0 && (roleNouns.has(f[0]) || len(f) > 1 && roleAdjectives.has(f[0]) && roleNouns.has(f[1]))
}

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
