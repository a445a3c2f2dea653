package parties

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/text"
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
	var a [64]byte
	return string(appendPersonKey(a[:0], name))
}

// appendPersonKey appends PersonKey(name) to b, byte by byte for ASCII (most
// names): the runes of text.Fold(name), without building it.
func appendPersonKey(b []byte, name string) []byte {
	return appendKey(b, name, &personKeySep, false)
}

// personKeySep holds the ASCII bytes that separate the words of PersonKey.
var personKeySep = func() (t [utf8.RuneSelf]bool) {
	for _, c := range "-'. " {
		t[c] = true
	}
	return t
}()

// appendKey appends the folded words of name to b, one space between them: sep
// tells the ASCII separators of name; a folded rune separates when it is one of
// PersonKey's separators, or white space when spaces is set.
func appendKey(b []byte, name string, sep *[utf8.RuneSelf]bool, spaces bool) []byte {
	space := false // a separator since the last letter
	for i := 0; i < len(name); {
		if c := name[i]; c < utf8.RuneSelf {
			i++
			if sep[c] {
				space = len(b) > 0
				continue
			}
			if space {
				b, space = append(b, ' '), false
			}
			b = append(b, text.ASCIILower[c])
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		i += n
		for _, x := range text.FoldRune(r) {
			if x == '-' || x == '\'' || x == ' ' || x == '.' || spaces && unicode.IsSpace(x) {
				space = len(b) > 0
				continue
			}
			if space {
				b, space = append(b, ' '), false
			}
			b = utf8.AppendRune(b, x)
		}
	}
	return b
}

// compactKey is the merging key: the letters of the folded name only, so that
// "PierreRené Lemas", "Pierre-René Lemas" and "Pierre René LEMAS" are one.
func compactKey(name string) string { return string(appendCompactKey(nil, name)) }

// appendCompactKey appends compactKey(name) to b. Only letters are kept, so the key
// of "Given Surname" is the key of Given then the key of Surname.
func appendCompactKey(b []byte, name string) []byte {
	// The runes of text.Fold(name), without building it; ASCII byte by byte.
	for i := 0; i < len(name); i++ {
		if c := name[i]; c < utf8.RuneSelf {
			if l := compactLetter[c]; l != 0 {
				b = append(b, l)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		i += n - 1
		for _, x := range text.FoldRune(r) {
			if pIsLetter(x) {
				b = utf8.AppendRune(b, x)
			}
		}
	}
	return b
}

// compactLetter is the folded letter of each ASCII byte that appendCompactKey
// keeps (text.ASCIILower's letters), 0 for the others.
var compactLetter = func() (t [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		if l := text.ASCIILower[c]; 'a' <= l && l <= 'z' {
			t[c] = l
		}
	}
	return t
}()

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
	caps     []int32 // the capitalised words of toks (see tokensView)
	triggers []int   // signTriggers' offsets, reused
	mentions []mention
	// given memoises the kind of given name of each name token (see givenAt):
	// parseName reads a token again from each start before it.
	given []uint8
	// pluralCiv is the last plural civility scan passed ("Messieurs").
	pluralCiv int
	// merged and spans are merge's persons and their spans (see merged).
	merged []merged
	spans  []personSpan
	keys   []byte           // the bytes of merge's keys
	byKey  map[string]int32 // merge's persons by key, cleared by each call
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
	ps peopleScanner // the scanner itself, its slices kept for the next document
}

// newPeopleScannerBuf returns a scanner of the lexed text x, its tokens derived
// from x's (see tokensView): buf's scanner with its slices when buf is not nil.
func newPeopleScannerBuf(x *text.Tokens, buf *Buf) *peopleScanner {
	var ps *peopleScanner
	if buf != nil {
		ps = &buf.ps
	} else {
		ps = new(peopleScanner)
	}
	*ps = peopleScanner{t: x.T, toks: ps.toks[:0], caps: ps.caps[:0], triggers: ps.triggers[:0],
		given: ps.given[:0], mentions: ps.mentions[:0], merged: ps.merged[:0], spans: ps.spans[:0],
		keys: ps.keys[:0], byKey: ps.byKey}
	ps.toks = tokensView(x, ps.toks, &ps.caps)
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
// without lower-case parts ("Hauts-de-France" and "Porte-du-Hainaut" are places;
// the view tells them, see nameParts). Small enough to be inlined: it is asked of
// most capitalised words, often again.
func (ps *peopleScanner) nameToken(i int) bool {
	if uint(i) >= uint(len(ps.toks)) {
		return false
	}
	tk := &ps.toks[i]
	if tk.kind != ptWord || tk.cas != pcTitle && tk.cas != pcUpper || ps.t.S[tk.e-1] == '\'' {
		return false
	}
	return tk.hyphen != hyphenPlace
}

// nameParts reports whether the capitalised word w with inner hyphens, folded f,
// is made of parts of a name: each part starts with a capital and is no inner word
// of a place name.
func nameParts(w, f string) bool {
	// Folding keeps the hyphens: the parts of the folded word are the folded parts.
	// (A loop of its own rather than strings.SplitSeq, whose iterator costs more
	// than the test of a part.)
	for {
		part, fp := w, f
		k := strings.IndexByte(w, '-')
		if k >= 0 {
			part, w = w[:k], w[k+1:]
		}
		if j := strings.IndexByte(f, '-'); j >= 0 {
			fp, f = f[:j], f[j+1:]
		}
		r, _ := utf8.DecodeRuneInString(part)
		if !pIsUpper(r) || placeParts.has(fp) {
			return false
		}
		if k < 0 {
			return true
		}
	}
}

// placeParts are the inner words of compound place names ("PAS-DE-CALAIS",
// "Boulogne-sur-Mer").
var placeParts = tableOf("de", "du", "des", "la", "le", "les", "sur", "sous", "en", "lez", "les", "d'", "l'", "aux", "au")

const (
	ptWord    uint8 = iota // a run of letters, with inner hyphens; an elision keeps its apostrophe ("d'")
	ptPunct                // one character that is neither a letter nor a space
	ptNewline              // a line break
)

// Values of ptok.hyphen.
const (
	hyphenNone    uint8 = iota // no inner hyphen
	hyphenUnknown              // inner hyphens, in a word neither in Title case nor in capitals
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
	hyphen uint8 // a word with inner hyphens ("Jean-René"), and, capitalised, whether a name's
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
