package references

import (
	"strings"

	"terril/corpus"
	"terril/extract/dates"
	"terril/extract/lex"
	"terril/extract/text"
)

// Find returns the acts (délibérations, arrêtés, décisions) the text lexed as tk
// cites or contains with their number, and their date when the text gives it right
// after the number ("n°20161396 du 13 octobre 2016"): one per number, in text order.
// Laws, decrees, récépissés and acts cited without a number are left out. Numbers
// written before their act, as sommaires and lists give them, count too (see
// numberFirst).
func Find(tk *text.Tokens) []corpus.Reference {
	x := refScanner{Scanner: dates.Scanner{Tokens: *tk}}
	toks, f := tk.Toks, tk.F
	// Most tokens start nothing: the lexer's flag (from refWordMask), then bit sets of
	// first and last bytes and lengths skip them, in a loop without calls.
	for i := 0; i < len(toks); i++ {
		// A token with neither flag is a word no table starts with, or punctuation
		// (every number has FlagNum): skipped a few instructions each.
		for i < len(toks) && toks[i].Flags&(text.FlagReference|text.FlagNum) == 0 {
			i++
		}
		if i == len(toks) {
			break
		}
		tk := &toks[i]
		n := uint32(tk.E - tk.S)
		switch tk.Kind {
		case text.Word:
			if tk.Flags&text.FlagReference == 0 || n > 15 || refWordMask[f[tk.S]]>>n&1 == 0 || refWordLast[f[tk.E-1]]>>n&1 == 0 {
				continue
			}
			// "D", "R" before a number; "N" of "N°" starting a line; "DE" before
			// "N°" (see tokenAt), not "de".
			if n == 1 && (i+1 == len(toks) || toks[i+1].Kind != text.Num) && (f[tk.S] != 'n' || tk.Gap < text.GapLine && i > 0) ||
				n == 2 && f[tk.S] == 'd' && (i+1 == len(toks) || f[toks[i+1].S] != 'n') {
				continue
			}
		case text.Num:
			// Within a line, only a prefecture's identifier is read before its act:
			// its first part (département or year) has at most four digits, glued to
			// a hyphen or to the letter of "2A-".
			if tk.Gap < text.GapLine && i > 0 && (n > 4 || i+1 == len(toks) || toks[i+1].Gap != text.GapNone ||
				f[toks[i+1].S] != '-' && toks[i+1].Kind != text.Word) {
				continue
			}
		default:
			continue
		}
		if n := x.tokenAt(i); n > 0 {
			i += n - 1
		}
	}
	x.settleRows()
	return x.res
}

type refScanner struct {
	dates.Scanner
	res  []corpus.Reference
	seen map[string]int // lower-case number → index in res
	// rows are the indices in res of numbers heading the lines of a list without an
	// act word ("2019-12-01 : PLAN LOCAL D'URBANISME"), kept only in a text that
	// speaks of délibérations (settleRows).
	rows          []int
	deliberations bool
}

// The lexer flags the words of refWordMask's first bytes and lengths, for Find to
// skip the others on their flags alone.
func init() {
	for c, m := range refWordMask {
		for n := 1; n < 16; n++ {
			if m>>n&1 != 0 {
				text.Mark(text.FlagReference, byte(c), n)
			}
		}
	}
}

// refWordMask and refWordLast are actWordMask and actWordLast with the words
// numberFirst starts at: "D" and "R" before a number, a number mark starting a line.
var refWordMask, refWordLast = func() (m, l [256]uint16) {
	m, l = actWordMask, actWordLast
	for _, w := range append([]string{"d", "r"}, text.NumberMarkWords...) {
		m[w[0]] |= 1 << len(w)
		l[w[len(w)-1]] |= 1 << len(w)
	}
	return m, l
}()

// tokenAt reads the references starting at token i, a number or a word of
// refWordMask, and returns the tokens they take, 0 if none.
func (x *refScanner) tokenAt(i int) int {
	lineStart := i == 0 || x.Toks[i].Gap >= text.GapLine
	if x.Toks[i].Kind == text.Num {
		return x.numberFirst(i, lineStart)
	}
	n, c := x.Toks[i].E-x.Toks[i].S, x.F[x.Toks[i].S]
	if n == 1 && (c == 'd' || c == 'r') && x.Kind(i+1) == text.Num || lineStart && c == 'n' {
		// "D87/13", "R06-2025-04-07-00003"; "N° 2019-045 : Budget" starting a line
		// of a list.
		if k := x.numberFirst(i, lineStart); k > 0 {
			return k
		}
	}
	w := x.Str(i)
	if !maybeActWord(w) {
		return 0
	}
	// Two-letter act words are abbreviations, read before a number mark only
	// ("DE N°1"): a look at the next token spares every "de" the table.
	if n == 2 && (i+1 == len(x.Toks) || x.F[x.Toks[i+1].S] != 'n') {
		return 0
	}
	kind := x.actAt(i)
	if kind == "" {
		return 0
	}
	if kind == corpus.RefDeliberation {
		x.deliberations = true
	}
	return x.act(i, kind)
}

// actWord is what a folded word says of an act: its kind, and whether it is an
// abbreviation of a register's numbering, an act only in capitals before "n°" ("DE
// N°1", "DD N° 22/18"), where it is also a French word or a common acronym.
type actWord struct {
	kind   string
	abbrev bool
}

// actWords are the words that name acts (lex.ActWords), by their folded form.
var actWords = func() map[string]actWord {
	kinds := [...]string{1: corpus.RefDeliberation, 2: corpus.RefArrete, 3: corpus.RefDecision}
	m := map[string]actWord{}
	for _, w := range lex.ActWords.Words() {
		k := lex.ActWords.Value(w)
		m[w] = actWord{kind: kinds[max(k, -k)], abbrev: k < 0}
	}
	return m
}()

// actKind returns the kind of act a folded word names, or "" (abbreviations
// included, which only actAt reads in their context).
func actKind(w string) string {
	if !maybeActWord(w) {
		return ""
	}
	if a, ok := actWordTable.Get(w); ok && !a.abbrev {
		return a.kind
	}
	return ""
}

// actWordMask has bit n of [c] set when a word of actWords starts with byte c and
// has n bytes (n < 16), actWordLast when one ends with byte c and has n bytes: most
// tokens are skipped on them ("des" on the second).
var actWordMask, actWordLast = func() (m, l [256]uint16) {
	for w := range actWords {
		m[w[0]] |= 1 << len(w)
		l[w[len(w)-1]] |= 1 << len(w)
	}
	return m, l
}()

// maybeActWord reports whether the folded word w passes both masks.
func maybeActWord(w string) bool {
	n := len(w)
	return n > 0 && n < 16 && actWordMask[w[0]]>>n&1 != 0 && actWordLast[w[n-1]]>>n&1 != 0
}

// actAt returns the kind of act word i names in its context, or "": an
// abbreviation counts in capitals before a number mark.
func (x *refScanner) actAt(i int) string {
	a, ok := actWordTable.Get(x.Str(i))
	if !ok {
		return ""
	}
	if a.abbrev {
		if _, mark := x.NumberMark(i + 1); !mark || !x.AllCaps(i) {
			return ""
		}
	}
	return a.kind
}

// addRef records the reference numbered by tokens [k, c) once and returns its index
// in res, -1 if the number was listed already.
func (x *refScanner) addRef(k, c int, kind, date string) int {
	s, e := x.Span(k, c)
	number := x.T.S[s:e]
	key := strings.ToLower(number)
	if _, ok := x.seen[key]; ok {
		return -1
	}
	if x.seen == nil {
		x.seen = map[string]int{}
	}
	x.seen[key] = len(x.res)
	x.res = append(x.res, corpus.Reference{Kind: kind, Number: number, Date: date, Span: corpus.Span{Start: s, End: e}})
	return len(x.res) - 1
}

// settleRows drops the rows numberFirst took without an act word when the text
// never speaks of délibérations: a list of dated items is no register.
func (x *refScanner) settleRows() {
	if x.deliberations || len(x.rows) == 0 {
		return
	}
	res := x.res[:0]
	r := 0
	for k, ref := range x.res {
		if r < len(x.rows) && x.rows[r] == k {
			r++
			continue
		}
		res = append(res, ref)
	}
	x.res = res
}

// actWordTable is actWords for the scans' lookups.
var actWordTable = text.NewWordTable(actWords)
