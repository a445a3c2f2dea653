package text

import "terril/extract/lex"

// French numbers written in words, shared by the amount scanner ("vingt-cinq millions
// d'euros") and the date scanner (a year written out: "deux mille vingt-trois"). The
// tables are lex.Numbers and lex.Scales (data/numbers.tsv, data/scales.tsv): the
// lexer's FlagNumWord and NumGuard are derived from them.

// LookupNumber returns the value of a number word ("vingt": 20) or the factor of a
// scale word ("millions": 1e6, scale set).
func LookupNumber(w string) (value float64, scale, ok bool) {
	if !NumGuard.May(w) {
		return 0, false, false
	}
	if v, ok := lex.Numbers.Lookup(w); ok {
		return v, false, true
	}
	v, ok := lex.Scales.Lookup(w)
	return v, true, ok
}

// IsNumberWord reports whether w is a number word or a scale word.
func IsNumberWord(w string) bool {
	_, _, ok := LookupNumber(w)
	return ok
}

// WordNumber reads a number written in words at Token i ("vingt-cinq millions",
// "trois cent mille", "un milliard deux cents millions") and returns its value, the
// index after it and whether it holds a scale word. It stops at the first Token that
// is neither a number word, a scale word nor a joiner between two of them.
func (x *Tokens) WordNumber(i int) (v float64, end int, scaled bool) {
	total, cur, last := 0.0, 0.0, -1.0
	j := i
	for j < len(x.Toks) && x.Toks[j].Kind == Word && (j == i || x.Toks[j].Gap <= GapSpace) {
		n, scale, ok := LookupNumber(x.Str(j))
		if !ok {
			break
		}
		if !scale {
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
			if x.HalfAfter(j + 1) {
				total += n / 2 // "un million et demi"
				end = j + 3
				break
			}
		}
		end = j + 1
		j = x.numberJoined(end)
	}
	if end == 0 {
		return 0, i, false
	}
	return total + cur, end, scaled
}

// numberJoined returns the Token after a joiner at k ("-" glued on both sides, or
// "et": "vingt-cinq", "vingt et un") when a number word or a scale word follows it,
// else k.
func (x *Tokens) numberJoined(k int) int {
	if k >= len(x.Toks) {
		return k
	}
	switch x.Str(k) {
	case "-":
		if x.Kind(k) == Punct && (!x.Glued(k) || !x.Glued(k+1)) {
			return k
		}
	case "et":
	default:
		return k
	}
	if IsNumberWord(x.Str(k + 1)) {
		return k + 1
	}
	return k
}
