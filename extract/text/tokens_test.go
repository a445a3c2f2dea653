package text

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// refLex lexes f rune by rune as Token's documentation says: a word is a run of
// letters, a number a run of ASCII digits, any other rune a punctuation of its own;
// spaces, tabs and line breaks make the gap before the next Token.
func refLex(f string) []Token {
	var out []Token
	gap := GapNone
	for i := 0; i < len(f); {
		r, n := utf8.DecodeRuneInString(f[i:])
		switch {
		case r == ' ' || r == '\t' || r == '\r':
			gap = max(gap, GapSpace)
			i += n
			continue
		case r == '\n':
			gap = min(max(gap+1, GapLine), GapPara)
			i += n
			continue
		}
		start, kind := i, Punct
		switch {
		case isLetter(r):
			kind = Word
			for i < len(f) {
				r2, n2 := utf8.DecodeRuneInString(f[i:])
				if !isLetter(r2) {
					break
				}
				i += n2
			}
		case '0' <= r && r <= '9':
			kind = Num
			for i < len(f) && '0' <= f[i] && f[i] <= '9' {
				i++
			}
		default:
			i += n
		}
		flags := wordFlags[f[start]][min(i-start, 15)]
		switch kind {
		case Num:
			flags = FlagNum | flags&markFlags
			if k := len(out) - 1; gap == GapNone && k >= 0 && out[k].Kind == Word {
				out[k].Flags |= FlagBeforeNum
			}
		case Punct:
			flags &= markFlags
		}
		out = append(out, Token{S: int32(start), E: int32(i), Kind: kind, Gap: gap, Flags: flags})
		gap = GapNone
	}
	return out
}

func isLetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

// FuzzLex checks the lexer against refLex.
func FuzzLex(f *testing.F) {
	for _, s := range []string{"", "abc", "Arrêté n° 12 – « Œuvre » ", "l'été  2019\n\nT1 A330 x\n \n", "5 € • ▪ ➢ — …", "ªµº ½ ﬁn ß ⁱ ℓ ₐ",
		"« mot »,« deux »", "\xe2\x80", "\xc2", "a\xe2\x82\xacb", "αβγ 東京 ١٢٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := LexString(s), refLex(s)
		if len(got) != len(want) {
			t.Fatalf("LexString(%q): %d tokens, refLex %d:\n%v\n%v", s, len(got), len(want), got, want)
		}
		for k := range got {
			if got[k] != want[k] {
				t.Fatalf("LexString(%q): token %d is %+v, refLex %+v", s, k, got[k], want[k])
			}
		}
	})
}
