package parties

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"terril/extract/names"
	"terril/extract/text"
)

// givenAt reports whether token i is a given name, returning its display form:
// a known given name ("Olivier"), a compound of known ones ("Marie-Sophie"), or one
// glued by text extraction ("PierreRené" → "Pierre-René").
func (ps *peopleScanner) givenAt(i int) (string, bool) {
	if !ps.nameToken(i) {
		return "", false
	}
	switch ps.givenMemo(i) {
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

// isGiven reports whether givenAt(i) reads a given name, without writing it
// (normalCase builds a string for a word in capitals).
func (ps *peopleScanner) isGiven(i int) bool {
	if !ps.nameToken(i) {
		return false
	}
	switch ps.givenMemo(i) {
	case givenKnown:
		return true
	case givenGlued:
		_, ok := ps.givenAt(i)
		return ok
	}
	return false
}

// givenMemo returns givenKind(i), memoised: parseName reads a token again from
// each start before it.
func (ps *peopleScanner) givenMemo(i int) uint8 {
	if len(ps.given) != len(ps.toks) {
		ps.given = slices.Grow(ps.given[:0], len(ps.toks))[:len(ps.toks)]
		clear(ps.given)
	}
	k := ps.given[i]
	if k == givenUnknown {
		k = ps.givenKind(i)
		ps.given[i] = k
	}
	return k
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
		// Each part a given name (a loop rather than strings.SplitSeq's iterator).
		for {
			part, rest, more := strings.Cut(f, "-")
			if !names.IsGiven(part) {
				return givenNone
			}
			if !more {
				return givenKnown
			}
			f = rest
		}
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
	for i := 0; i < len(w); {
		// Most bytes are ASCII: told without decoding.
		if c := w[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return w
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if unicode.IsLower(r) {
			return w
		}
		i += n
	}
	var b strings.Builder
	b.Grow(len(w))
	start := true
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if !start {
				c = text.ASCIILower[c]
			}
			b.WriteByte(c)
			start = c == '-' || c == '\'' || c == ' '
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if !start {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
		start = false
		i += n
	}
	return b.String()
}
