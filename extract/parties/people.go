package parties

import (
	"slices"
	"sort"
	"strings"
	"terril/extract/text"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"terril/corpus"
	"terril/extract/lex"
	"terril/extract/names"
)

// People finds the persons named in t, once each, in order of first mention, as the
// guidelines define them: Name is "Given Surname" in normal case with its hyphens
// (also for "SURNAME Given" and for capitals), particles in lower case, a surname
// alone or with an initial kept as written; Role is the function the text attaches
// to the person (by apposition, by a preceding title, or in a signature block), the
// fullest one found; Key is a folded key for faceting (see PersonKey).
//
// A person is recognised from a civility ("M.", "Mme", "Monsieur"…), a preceding
// title ("le Premier ministre"), an apposed role ("X Y, directeur de…"), or a known
// given name (see package names) followed by a surname; the name lexicons are
// evidence, not a gate. Names of streets, schools and other facilities ("rue Gustave
// Delory", "collège Jean Jaurès", the items of "Collèges La Garenne à Blois et
// Jean Moulin à Vendôme"), and words inside longer proper nouns
// ("Artois Lys Romane") are not persons, nor businesses built on a surname
// ("Atelier Vasseur Paysage", "Cabinet Leroy Conseil", "Boulangerie Dupont", "Dupont
// SARL"). A given name alone is a person only where the text presents someone by it,
// as articles do with private persons: with an age ("Kévin, 23 ans") or a relative
// clause ("Aurélie, qui a repris la boulangerie"); lists of first names in minutes
// and given names cut from their surname by a line break are not ("M. Thibaut⏎DARGON"
// is "Thibaut Dargon"). Attendance lists of minutes give their names in the
// list's shape: after a name of the list, "Given SURNAME" or "SURNAME Given" with
// an unknown given name ("Yvonnick KERBORIOU", "AVRIL Florence"); surnames in
// capitals after a plural civility ("Messieurs PINTA et LESAULNIER"); initials
// without dots next to others ("JL Bouchard, S Boissard"); a capitals word before
// ":" after a name is the list's heading, not the surname's end. In an
// enumeration "A, role, B, role", a role between two names is the first one's.
// Mentions of one person are merged within the
// document: "PierreRené Lemas" and "Pierre-René Lemas", "Alain Neveu" and "Alain
// Neveü", "M. Lemas" after "Pierre-René Lemas".
func People(t *text.Text) []corpus.Person {
	ps := newPeopleScanner(t)
	ps.scan()
	return ps.merge()
}

// PersonKey returns the faceting key of a person's name: folded (lower case, no
// diacritics), hyphens and apostrophes as spaces, one space between words:
// "Pierre-René Lemas" → "pierre rene lemas".
func PersonKey(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	space := false
	add := func(r rune) {
		if r == '-' || r == '\'' || r == ' ' || r == '.' {
			space = b.Len() > 0
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	// The runes of text.Fold(name), without building it.
	for _, r := range name {
		if r < utf8.RuneSelf {
			add(rune(text.ASCIILower[r]))
			continue
		}
		for _, x := range text.FoldRune(r) {
			add(x)
		}
	}
	return b.String()
}

// compactKey is the merging key: the letters of the folded name only, so that
// "PierreRené Lemas", "Pierre-René Lemas" and "Pierre René LEMAS" are one.
func compactKey(name string) string { return string(appendCompactKey(nil, name)) }

// appendCompactKey appends compactKey(name) to b. Only letters are kept, so the key
// of "Given Surname" is the key of Given then the key of Surname.
func appendCompactKey(b []byte, name string) []byte {
	// The runes of text.Fold(name), without building it.
	for _, r := range name {
		if r < utf8.RuneSelf {
			if c := text.ASCIILower[r]; 'a' <= c && c <= 'z' {
				b = append(b, c)
			}
			continue
		}
		for _, x := range text.FoldRune(r) {
			if pIsLetter(x) {
				b = utf8.AppendRune(b, x)
			}
		}
	}
	return b
}

// A mention is one occurrence of a person's name.
type mention struct {
	ti, tj      int // tokens of the name [ti, tj), civility excluded
	sk, gk      int // tokens of the (last) surname and of the first given name (-1: none)
	given       string
	surname     string // with its particles
	initial     bool   // "B. Troni"
	surnameOnly bool   // "M. LETOURNEUR"
	role        string
}

func (m *mention) name() string {
	if m.given == "" {
		return m.surname
	}
	return m.given + " " + m.surname
}

type peopleScanner struct {
	t        *text.Text
	toks     []ptok
	mentions []mention
	// given memoises the kind of given name of each name token (see givenAt):
	// parseName reads a token again from each start before it.
	given []uint8
	// pluralCiv is the last plural civility scan passed ("Messieurs").
	pluralCiv int
}

// newPeopleScanner returns a scanner of t, lexing it.
func newPeopleScanner(t *text.Text) *peopleScanner {
	x := lexed(t)
	return newPeopleScannerBuf(&x, nil)
}

// lexed lexes t, folding it again when it was made otherwise than by text.New (no
// offset table).
func lexed(t *text.Text) text.Tokens {
	if len(t.Offsets()) != len(t.Folded)+1 {
		t = text.New(t.S)
	}
	return text.Lex(t)
}

// Buf lends a peopleScanner its token and memo slices, to reuse across
// documents: nothing of them is kept in the results.
type Buf struct {
	toks  []ptok
	given []uint8
}

// newPeopleScannerBuf returns a scanner of the lexed text x, its tokens derived
// from x's (see tokensView) in buf's slices when buf is not nil.
func newPeopleScannerBuf(x *text.Tokens, buf *Buf) *peopleScanner {
	var toks []ptok
	ps := &peopleScanner{t: x.T}
	if buf != nil {
		toks, ps.given = buf.toks[:0], buf.given[:0]
	}
	ps.toks = tokensView(x, toks)
	return ps
}

func (ps *peopleScanner) word(i int) string {
	if i < 0 || i >= len(ps.toks) {
		return ""
	}
	return ps.t.S[ps.toks[i].s:ps.toks[i].e]
}

// folded returns the folded form of token i ("" when out of range or not a word,
// whose span is empty).
func (ps *peopleScanner) folded(i int) string {
	if i < 0 || i >= len(ps.toks) {
		return ""
	}
	return ps.t.Folded[ps.toks[i].fs:ps.toks[i].fe]
}

func (ps *peopleScanner) isWord(i int) bool {
	return i >= 0 && i < len(ps.toks) && ps.toks[i].kind == ptWord
}

func (ps *peopleScanner) isPunct(i int, p string) bool {
	return i >= 0 && i < len(ps.toks) && ps.toks[i].kind == ptPunct && ps.word(i) == p
}

// capital reports whether token i is a word that starts with a capital (a name
// token candidate): Title case, capitals, or an initial.
func (ps *peopleScanner) capital(i int) bool {
	return ps.isWord(i) && ps.toks[i].cas != pcLower
}

// nameToken reports whether token i can be part of a name: a capitalised word
// without lower-case parts ("Hauts-de-France" and "Porte-du-Hainaut" are places).
func (ps *peopleScanner) nameToken(i int) bool {
	if i < 0 || i >= len(ps.toks) {
		return false
	}
	tk := &ps.toks[i]
	if tk.kind != ptWord || tk.cas != pcTitle && tk.cas != pcUpper || ps.t.S[tk.e-1] == '\'' {
		return false
	}
	switch tk.hyphen {
	case hyphenNone, hyphenName:
		return true
	case hyphenPlace:
		return false
	}
	// Memoised in the token: parseName asks again from each start before it.
	ok := ps.hyphenNameToken(i)
	tk.hyphen = hyphenPlace
	if ok {
		tk.hyphen = hyphenName
	}
	return ok
}

// hyphenNameToken is nameToken for a capitalised word with inner hyphens: each part
// starts with a capital and is no inner word of a place name.
func (ps *peopleScanner) hyphenNameToken(i int) bool {
	w := ps.word(i)
	// Folding keeps the hyphens: the parts of the folded word are the folded parts.
	f := ps.folded(i)
	for part := range strings.SplitSeq(w, "-") {
		fp := f
		if k := strings.IndexByte(f, '-'); k >= 0 {
			fp, f = f[:k], f[k+1:]
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !pIsUpper(r) || placeParts.has(fp) {
			return false
		}
	}
	return true
}

// placeParts are the inner words of compound place names ("PAS-DE-CALAIS",
// "Boulogne-sur-Mer").
var placeParts = tableOf("de", "du", "des", "la", "le", "les", "sur", "sous", "en", "lez", "les", "d'", "l'", "aux", "au")

// givenAt reports whether token i is a given name, returning its display form:
// a known given name ("Olivier"), a compound of known ones ("Marie-Sophie"), or one
// glued by text extraction ("PierreRené" → "Pierre-René").
func (ps *peopleScanner) givenAt(i int) (string, bool) {
	if !ps.nameToken(i) {
		return "", false
	}
	if len(ps.given) != len(ps.toks) {
		ps.given = slices.Grow(ps.given[:0], len(ps.toks))[:len(ps.toks)]
		clear(ps.given)
	}
	k := ps.given[i]
	if k == givenUnknown {
		k = ps.givenKind(i)
		ps.given[i] = k
	}
	switch k {
	case givenKnown:
		return normalCase(ps.word(i)), true
	case givenGlued:
		if !ps.toks[i].inner {
			g, ok := splitGiven(ps.word(i))
			return normalCase(g), ok
		}
		return gluedGiven(ps.word(i))
	}
	return "", false
}

// Kinds of given name of a word token, memoised in peopleScanner.given.
const (
	givenUnknown uint8 = iota // not yet looked at
	givenNone                 // no given name
	givenKnown                // a known given name or a compound of known ones
	givenGlued                // known given names glued by text extraction
)

// givenKind tells which kind of given name the name token i is.
func (ps *peopleScanner) givenKind(i int) uint8 {
	f := ps.folded(i)
	if names.IsGiven(f) {
		return givenKnown
	}
	if ps.toks[i].hyphen != hyphenNone {
		for part := range strings.SplitSeq(f, "-") {
			if !names.IsGiven(part) {
				return givenNone
			}
		}
		return givenKnown
	}
	if ps.toks[i].inner {
		if _, ok := gluedGiven(ps.word(i)); ok {
			return givenGlued
		}
	} else if len(f) >= 7 && compoundHeadStart(f) && gluedCompound(f) && !names.IsSurname(f) && !pFrench(f) {
		return givenGlued
	}
	return givenNone
}

// compoundHeads are the given names that open compound given names
// ("Marie-Françoise", "Jean-Claude"); splitGiven tries them alone.
var compoundHeads = tableOf("marie", "jean", "anne", "pierre", "paul", "louis", "jacques", "francois", "michel",
	"charles", "claude", "andre", "rose", "marc", "luc", "guy", "yves", "jose", "joseph", "henri", "philippe",
	"francoise", "sophie", "laure")

// compoundHeadPair holds the first two letters of each compound head (a-z), and
// compoundHeadLens (bit n) their lengths: most words are passed over without a
// lookup. Derived from the table, so that no head is left out.
var compoundHeadPair, compoundHeadLens = func() (t [26 * 26]bool, lens uint32) {
	for _, w := range compoundHeads.slots {
		if w != "" {
			t[int(w[0]-'a')*26+int(w[1]-'a')] = true
			lens |= 1 << len(w)
		}
	}
	return t, lens
}()

// compoundHeadStart reports whether folded word f starts like a compound head.
func compoundHeadStart(f string) bool {
	a, b := f[0]-'a', f[1]-'a' // wrap around for bytes below 'a'
	return a < 26 && b < 26 && compoundHeadPair[int(a)*26+int(b)]
}

// gluedCompound reports whether folded word f is a compound head glued to a known
// given name of three letters or more ("mariefrancoise"); see splitGiven.
func gluedCompound(f string) bool {
	for n := 3; n <= maxGivenPart && n+3 <= len(f); n++ {
		if compoundHeadLens&(1<<n) != 0 && compoundHeads.has(f[:n]) && names.IsGiven(f[n:]) {
			return true
		}
	}
	return false
}

// maxGivenPart is the longest first part, in folded bytes, splitGiven tries.
const maxGivenPart = 10

// splitGiven splits w, a word without a capital inside, into a compound head and
// a known given name of three letters or more whose hyphen text extraction lost
// ("MARIEFRANÇOISE" → "MARIE-FRANÇOISE", "Jeanclaude" → "Jean-Claude").
func splitGiven(w string) (string, bool) {
	var a [64]byte
	b := a[:0] // the folded prefix
	for j, r := range w {
		if len(b) > maxGivenPart {
			break
		}
		// The lookup keeps no reference to its key.
		if j > 0 && len(b) >= 3 && len(w)-j >= 3 && compoundHeads.has(unsafe.String(unsafe.SliceData(b), len(b))) && isGivenFold(w[j:]) {
			rest := w[j:]
			if c, n := utf8.DecodeRuneInString(rest); !pIsUpper(c) {
				rest = string(unicode.ToUpper(c)) + rest[n:]
			}
			return w[:j] + "-" + rest, true
		}
		if r < utf8.RuneSelf {
			b = append(b, text.ASCIILower[r])
		} else {
			b = append(b, text.FoldRune(r)...)
		}
	}
	return "", false
}

// gluedGiven splits w at each capital after a lower-case letter into known given
// names ("PierreRené" → "Pierre-René").
// (givenKind calls it only for words the tokenizer saw such a capital in.)
func gluedGiven(w string) (string, bool) {
	var parts []string
	start := 0
	prevLower := false
	for j, r := range w {
		up := pIsUpper(r)
		if up && prevLower {
			parts = append(parts, w[start:j])
			start = j
		}
		prevLower = !up
	}
	if len(parts) == 0 {
		return "", false
	}
	parts = append(parts, w[start:])
	for _, p := range parts {
		if len(p) < 2 || !isGivenFold(p) {
			return "", false
		}
	}
	return strings.Join(parts, "-"), true
}

// isGivenFold is names.IsGiven(text.Fold(s)), folding into a buffer on the stack.
func isGivenFold(s string) bool {
	var a [64]byte
	b := a[:0]
	for _, r := range s {
		if r < utf8.RuneSelf {
			b = append(b, text.ASCIILower[r])
		} else {
			b = append(b, text.FoldRune(r)...)
		}
	}
	// The lookup keeps no reference to its key.
	return names.IsGiven(unsafe.String(unsafe.SliceData(b), len(b)))
}

// normalCase writes a name token in normal case: "LECERF" → "Lecerf",
// "JEAN-RENÉ" → "Jean-René"; a token in Title case is kept as written.
func normalCase(w string) string {
	hasLower := false
	for _, r := range w {
		if unicode.IsLower(r) {
			hasLower = true
			break
		}
	}
	if hasLower {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	start := true
	for _, r := range w {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == '-' || r == '\'' || r == ' '
	}
	return b.String()
}

func (ps *peopleScanner) scan() {
	var m mention                    // filled by givenWithAge and at: a mention is too large to return
	lastInitials := -initialsGap - 1 // the end of the last initials and surname read
	ps.pluralCiv = -pluralCivReach - 1
	for i := 0; i < len(ps.toks); i++ {
		// Only capitalised words start names: the others are passed over here.
		tk := &ps.toks[i]
		if tk.kind != ptWord || tk.cas == pcLower {
			continue
		}
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
					i = e - 1
					continue
				}
			}
		}
		if ps.toks[i].cas == pcTitle && ps.givenWithAge(i, &m) {
			ps.mentions = append(ps.mentions, m)
			continue
		}
		if ps.at(i, &m) {
			ps.mentions = append(ps.mentions, m)
			i = m.tj - 1
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
	kind, ok := lex.Civilities.Lookup(ps.folded(i)) // its Guard passes over most words
	if !ok {
		return 0
	}
	switch kind {
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
	f := ps.folded(i) // "" for a token that is no word
	// The lengths of the particles, derived from their table: most words need no lookup.
	return len(f) < 32 && particleLens&(1<<len(f)) != 0 && particleTable.has(f)
}

// A wordTable is a read-only set of folded words for the many lookups of the
// scanner, most of them of words outside the set: open addressing in a table of at
// least twice as many slots as words, hashed from the length and three bytes of the
// word, so that a lookup costs a multiplication and a slot or two, less than a map's
// hash of the whole string.
type wordTable struct {
	slots []string
	shift uint32 // 32 less the bits of a slot index
}

func tableOf(ws ...string) wordTable {
	bits := uint32(3)
	for 1<<bits < 2*len(ws) {
		bits++
	}
	t := wordTable{slots: make([]string, 1<<bits), shift: 32 - bits}
	for _, w := range ws {
		if w == "" || t.has(w) {
			continue
		}
		h := t.slot(w)
		for t.slots[h] != "" {
			h = (h + 1) & uint32(len(t.slots)-1)
		}
		t.slots[h] = w
	}
	return t
}

// slot returns the first slot where w (not empty) may be.
func (t wordTable) slot(w string) uint32 {
	n := len(w)
	h := uint32(n) ^ uint32(w[0])<<8 ^ uint32(w[n/2])<<16 ^ uint32(w[n-1])<<24
	return h * 0x9E3779B1 >> t.shift
}

// has reports whether w is in the set.
func (t wordTable) has(w string) bool {
	if w == "" {
		return false
	}
	for h := t.slot(w); ; h = (h + 1) & uint32(len(t.slots)-1) {
		switch t.slots[h] {
		case w:
			return true
		case "":
			return false
		}
	}
}

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// at tries to read a person's name at token i into m.
func (ps *peopleScanner) at(i int, m *mention) bool {
	start := i
	civ := ps.civility(i)
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
	if ps.particle(p) && !(titled && ps.nameToken(p+1)) && !lowParticles &&
		!(ps.toks[p].cas == pcUpper && ps.nameToken(p+1) && ps.toks[p+1].cas == pcUpper) {
		return false, false
	}
	if !lowParticles {
		sp = p
	}
	// SURNAME Given: capitals followed by given names that end the name.
	elided := ps.elidedInitial(sp) && ps.toks[sp+1].cas == pcUpper // "N'GUESSAN Koffi"
	if elided || ps.nameToken(sp) && ps.toks[sp].cas == pcUpper {
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
	}
	if ps.particle(p) && !titled {
		return false, false // "DU GARD": a particle starts no name but "EL AMRANI Fatima"
	}
	var givens []string
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
	if len(givens) == 0 {
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
				return false, true
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
			return false, false
		}
	} else {
		m.given = strings.Join(givens, " ")
	}
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
	var b strings.Builder
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
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "'") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
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

// pFrench reports whether a folded word is in the embedded French word list.
func pFrench(f string) bool { return frenchWords().Has(f) }

// Word lists, folded.
var (
	// roleDeterminers may precede a title before a name.
	roleDeterminers = tableOf("le", "la", "l'", "les", "du", "au", "aux", "des", "de", "d'", "par",
		"a", "avec", "notre", "son", "sa", "leur", "ce", "cet", "cette", "et", "pour", "selon")
	// roleStop ends a role: verbs, relative pronouns, conjunctions.
	roleStop = tableOf("qui", "que", "qu'", "a", "ont", "est", "sont", "etait", "sera", "seront",
		"avait", "s'", "se", "lors", "afin", "mais", "ainsi", "et", "ou", "ni", "car", "donc",
		"signe", "signent", "annonce", "declare", "indique", "rappelle", "souligne", "explique",
		"precise", "affirme", "estime", "ajoute", "salue", "presente", "inaugure", "accueille",
		"sur", "dont", "il", "elle", "ils", "elles", "ce", "cette", "depuis", "pendant", "lorsque",
		"quand", "puis", "en", "y", "ne", "n'", "va", "vient", "etaient", "representait",
		// What a chair does in minutes ("Monsieur le Maire propose la candidature de…").
		"propose", "proposent", "demande", "demandent", "donne", "donnent", "expose", "exposent",
		"informe", "informent", "remercie", "remercient", "ouvre", "ouvrent", "prend", "prennent",
		"souhaite", "souhaitent", "invite", "invitent", "procede", "procedent", "soumet",
		"soumettent", "lit", "constate", "constatent", "rend", "rendent", "evoque", "evoquent")
	// roleTrailing are dropped from the end of a role.
	roleTrailing = tableOf("de", "du", "des", "d'", "la", "le", "l'", "les", "a", "au", "aux", "en",
		"et", "pour", "par", "sur", "avec")
	// attendanceWords mark attendance headings, which are not roles.
	attendanceWords = tableOf("presents", "presentes", "present", "presente", "absents", "absentes",
		"absent", "absente", "excuses", "excusees", "excuse", "excusee", "pouvoir", "pouvoirs",
		"procuration", "procurations", "etaient", "assistaient", "assistent", "votants", "quorum",
		// "Secrétaire de séance :" names who keeps the minutes, an attendance heading.
		"seance")
	// facilitySkip may stand between a facility word and the name: "collège public",
	// "rue du Général".
	facilitySkip = tableOf("public", "publique", "prive", "privee", "professionnel", "professionnelle",
		"polyvalent", "polyvalente", "general", "generale", "technique", "technologique",
		"municipal", "municipale", "intercommunal", "intercommunale", "departemental",
		"departementale", "regional", "regionale", "national", "nationale", "sportif", "sportive",
		"culturel", "culturelle", "socioculturel", "socioculturelle", "hospitalier",
		"universitaire", "agricole", "elementaire", "maternelle", "primaire", "du", "de", "des",
		"la", "le", "d'", "l'", "marechal", "president", "docteur", "colonel", "capitaine",
		"commandant", "lieutenant", "abbe", "professeur", "aquatique", "nautique", "multisports",
		"omnisports", "jardin", "dit", "nouveau", "nouvelle", "grand", "grande", "petit", "petite")
	// ambiguousGiven are given names that are also places or common words: they need
	// a known surname after them ("Florence Parly" needs a title, "France Travail" is
	// no person).
	ambiguousGiven = tableOf("france", "paris", "mars", "avril", "rose", "florence", "lorraine",
		"nancy", "valence", "lourdes", "marine", "olive", "prudence", "constance", "aurore",
		"claire", "blanche", "ange", "victoire", "esperance", "fleur", "violette", "marguerite",
		"capucine", "jade", "perle", "ambre", "grace", "reine", "celeste", "colombe", "lys",
		"romane", "juste", "loyal", "modeste", "fidele", "bastia", "albi", "orange", "sedan", "vienne", "lens", "douai", "arras", "calais")
)

const (
	ptWord    uint8 = iota // a run of letters, with inner hyphens; an elision keeps its apostrophe ("d'")
	ptPunct                // one character that is neither a letter nor a space
	ptNewline              // a line break
)

// Values of ptok.hyphen.
const (
	hyphenNone    uint8 = iota // no inner hyphen
	hyphenUnknown              // inner hyphens: nameToken has not looked at the word yet
	hyphenName                 // inner hyphens between parts of a name ("Jean-René")
	hyphenPlace                // inner hyphens, not a name ("Hauts-de-France")
)

// Case shapes of a word token (text.ShapeOf).
const (
	pcLower   = text.ShapeLower   // "directeur", "de"
	pcTitle   = text.ShapeTitle   // "Olivier", "PierreRené", "Hauts-de-France"
	pcUpper   = text.ShapeUpper   // "LECERF" (two letters or more, all upper case)
	pcInitial = text.ShapeInitial // "B" (one upper-case letter)
)

// A ptok is a word or a punctuation mark of the text, by byte offsets into Text.S;
// a word also has its span [fs, fe) of Text.Folded when the tokenizer was given the
// offset table (the span of other tokens is empty).
type ptok struct {
	s, e   int32
	fs, fe int32
	kind   uint8
	cas    uint8
	hyphen uint8 // a word with inner hyphens ("Jean-René"), and what nameToken found
	inner  bool  // a word with a capital after another rune than a capital ("PierreRené")
}

func pIsLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func pIsUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}
