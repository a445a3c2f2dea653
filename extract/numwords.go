package extract

import (
	"terril/extract/lex"
	"terril/extract/text"
)

// French numbers written in words, shared by the amount scanner ("vingt-cinq millions
// d'euros") and the date scanner (a day written out: "le vingt-huit septembre"). The
// tables are lex.Numbers and lex.Scales (data/numbers.tsv, data/scales.tsv): the
// lexer's flag fNumWord and numGuard are derived from them.

// numberJoiners join two number words ("vingt-cinq", "vingt et un").
var numberJoiners = map[string]bool{"-": true, "et": true}

// numberEntry is a word of lex.Numbers or lex.Scales.
type numberEntry struct {
	value float64
	scale bool
}

// numGuard admits every word of lex.Numbers and lex.Scales (the lexer's fNumWord
// comes from its lengths).
var numGuard = &text.NumGuard

// lookupNumber returns the entry of a number word or a scale word.
func lookupNumber(w string) (numberEntry, bool) {
	if !numGuard.May(w) {
		return numberEntry{}, false
	}
	if v, ok := lex.Numbers.Lookup(w); ok {
		return numberEntry{v, false}, true
	}
	v, ok := lex.Scales.Lookup(w)
	return numberEntry{v, true}, ok
}

// wordNumber reads a number written in words at token i ("vingt-cinq millions",
// "trois cent mille", "un milliard deux cents millions") and returns its value, the
// index after it and whether it holds a scale word. It stops at the first token that
// is neither a number word, a scale word nor a joiner between two of them.
func (x *tokens) wordNumber(i int) (v float64, end int, scaled bool) {
	total, cur, last := 0.0, 0.0, -1.0
	j := i
	for j < len(x.Toks) && x.Toks[j].Kind == tokWord && (j == i || x.Toks[j].Gap <= gapSpace) {
		e, ok := lookupNumber(x.Str(j))
		if !ok {
			break
		}
		if n := e.value; !e.scale {
			switch {
			case n == 100:
				cur = max(cur, 1) * 100
			case n == 20 && last == 4:
				cur += 80 - 4 // "quatre-vingt"
			default:
				cur += n
			}
			last = n
		} else {
			total += max(cur, 1) * n
			cur, last, scaled = 0, -1, true
			if x.halfAfter(j + 1) {
				total += n / 2 // "un million et demi"
				end = j + 3
				break
			}
		}
		end = j + 1
		j = x.joined(end)
	}
	if end == 0 {
		return 0, i, false
	}
	return total + cur, end, scaled
}

// joined returns the token after a joiner at k ("-" glued on both sides, or "et")
// when a number word or a scale word follows it, else k.
func (x *tokens) joined(k int) int {
	if k >= len(x.Toks) || !numberJoiners[x.Str(k)] {
		return k
	}
	if x.Kind(k) == tokPunct && (!x.Glued(k) || !x.Glued(k+1)) {
		return k
	}
	if _, ok := lookupNumber(x.Str(k + 1)); ok {
		return k + 1
	}
	return k
}
