package text

import (
	"testing"

	"terril/extract/lex"
)

// TestNumberWordFlags checks that the lexer flags every number word and scale word
// FlagNumWord and that NumGuard and IsNumberWord admit them: a word they leave out
// would silently never be read.
func TestNumberWordFlags(t *testing.T) {
	words := append(lex.Numbers.Words(), lex.Scales.Words()...)
	for _, w := range words {
		if tk := LexString("l'" + w + " 7")[2]; tk.Flags&FlagNumWord == 0 || !IsNumberWord(w) || !NumGuard.May(w) {
			t.Errorf("%q: flags %b, no FlagNumWord, or NumGuard hides it", w, tk.Flags)
		}
	}
}

func TestWordNumber(t *testing.T) {
	for in, want := range map[string]float64{
		"quinze mille": 15000, "vingt-cinq millions": 25e6, "quatre-vingt-quinze": 95, "trente et un": 31,
		"trois cent mille": 300000, "un milliard deux cents millions": 1.2e9, "deux millions et demi": 2.5e6,
		"mille": 1000, "deux mil trois": 2003,
	} {
		tk := Lex(New(in))
		if v, end, _ := tk.WordNumber(0); v != want || end != len(tk.Toks) {
			t.Errorf("WordNumber(%q) = %v, end %d of %d; want %v", in, v, end, len(tk.Toks), want)
		}
	}
}
