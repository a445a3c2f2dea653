package parties

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/text"
)

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
		if k = lastNewline(ps.toks[:k], int32(tail-1)); k >= 0 {
			nl = int(ps.toks[k].s)
		} else {
			k = 0
		}
		if hasText(s[nl+1 : tail]) {
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

// hasText reports whether strings.TrimSpace(s) != "": s holds a rune that is no
// space. Its first ASCII bytes are told by a table, without TrimSpace's second
// walk from the end.
func hasText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.TrimSpace(s[i:]) != ""
		}
		if !asciiSpace[c] {
			return true
		}
	}
	return false
}

// asciiSpace holds the ASCII bytes unicode.IsSpace reports, as TrimSpace trims them.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = unicode.IsSpace(rune(c))
	}
	return t
}()

// lastNewline returns the index of the last line break of toks that starts before
// byte offset before, or -1: a loop of its own, the tokens of the last lines of a
// text being many.
func lastNewline(toks []ptok, before int32) int {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].kind == ptNewline && toks[k].s < before {
			return k
		}
	}
	return -1
}

// pressContact reports whether the closing lines of the text, from byte offset
// from on, are a press contact ("Contact presse :⏎Chargée de communication⏎Marie
// DURAND"), whose persons sign nothing.
func (ps *peopleScanner) pressContact(from int) bool {
	off := ps.t.Offsets() // folded offset → text offset, non-decreasing
	f := ps.t.Folded[sort.Search(len(ps.t.Folded), func(k int) bool { return int(off[k]) >= from }):]
	for _, w := range pressContactWords {
		if containsAnchored(f, w.sub, w.anchor) {
			return true
		}
	}
	return false
}

// pressContactReach is how far from the end of the text, in bytes, a press
// contact is looked for.
const pressContactReach = 400

// pressContactWords are looked for from their anchor (see containsAnchored), a
// rarer letter than the first one ("q" of "publiques" rather than "r").
var pressContactWords = []anchoredWord{{"contact", 0}, {"presse", 0}, {"communication", 2},
	{"relations publiques", 15}, {"relations medias", 10}}

// An anchoredWord is a word to look for from the byte at anchor, whose part from
// there overlaps no other occurrence of itself.
type anchoredWord struct {
	sub    string
	anchor int
}

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
	// The words of strings.Fields(PersonKey(punctSpaces.Replace(line))), built on
	// the stack.
	var a [160]byte
	w, k := cutWord(appendWordsKey(a[:0], line))
	for w != "" && (roleDeterminers.has(w) || w == "l") {
		w, k = cutWord(k)
	}
	if w == "" {
		return false
	}
	next, _ := cutWord(k)
	return roleNouns.has(w) || next != "" && roleAdjectives.has(w) && roleNouns.has(next)
}
