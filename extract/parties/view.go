package parties

import (
	"strings"

	"terril/extract/text"
)

// tokensView derives the scanner's tokens from the shared ones of x (see ptok): a
// word with its inner hyphens ("Jean-René", "Hauts-de-France") is one token, and
// so is an elision with its apostrophe ("d'", "l'" before a letter); digit runs and
// punctuation marks are tokens as x has them; each line break is a token (the
// whitespace x records before a token holds them). The case shape of a word comes
// from its original span (text.ShapeOf). The tokens are written over toks, and
// the indices of the capitalised words (not in ShapeLower) over *caps (behind a
// pointer: one variable less to keep in registers in the loop).
func tokensView(x *text.Tokens, toks []ptok, caps *[]int32) []ptok {
	in := x.Toks
	// At most one token for each shared one and for each line break: the slice
	// is sized once and written by index, without append's checks. (The rare
	// paths read x again rather than keep more variables in the loop.)
	if n := len(in) + strings.Count(x.F, "\n"); cap(toks) < n {
		toks = make([]ptok, n)
	} else {
		toks = toks[:n]
	}
	s, off := x.T.S, x.T.Offsets()
	n := 0
	*caps = (*caps)[:0]
	for i := 0; i < len(in); i++ {
		tk := in[i]
		if tk.Gap >= text.GapLine {
			prevE := int32(0) // the folded end of the token before
			if i > 0 {
				prevE = in[i-1].E
			}
			n = putNewlines(toks, n, x.F, off, prevE, tk.S)
		}
		end := tk.E
		if tk.Kind != text.Word {
			b := off[end]
			if b == off[end-1] { // (never at the end of the text: off[len(x.F)] is len(S))
				b = origEnd(x.T, end)
			}
			toks[n] = ptok{s: off[tk.S], e: b, kind: ptPunct}
			n++
			continue
		}
		hyphen := hyphenNone
		if i+2 < len(in) && in[i+1].Gap == text.GapNone && in[i+1].Kind == text.Punct &&
			in[i+2].Gap == text.GapNone && in[i+2].Kind == text.Word {
			i, end, hyphen = glued(in, s, off, i)
		}
		a, b := off[tk.S], off[end]
		if b == off[end-1] {
			b = origEnd(x.T, end)
		}
		if c := s[a]; 'a' <= c && c <= 'z' { // most words: lower case, told by their first byte
			toks[n] = ptok{s: a, e: b, fs: tk.S, fe: end, kind: ptWord, cas: pcLower, hyphen: hyphen}
			n++
			continue
		}
		sh := text.ShapeOf(s[a:b])
		if sh&text.ShapeMask != text.ShapeLower {
			*caps = append(*caps, int32(n))
		}
		toks[n] = ptok{s: a, e: b, fs: tk.S, fe: end, kind: ptWord,
			cas: sh & text.ShapeMask, hyphen: hyphen, inner: sh&text.ShapeInner != 0}
		n++
	}
	prevE := int32(0)
	if len(in) > 0 {
		prevE = in[len(in)-1].E
	}
	n = putNewlines(toks, n, x.F, off, prevE, int32(len(x.F)))
	toks = toks[:n]
	// A capitalised word with hyphens is the name's ("Jean-René") or a place's
	// ("Hauts-de-France"): told once here, so that nameToken reads it.
	for _, c := range *caps {
		if tk := &toks[c]; tk.hyphen != hyphenNone && (tk.cas == pcTitle || tk.cas == pcUpper) {
			tk.hyphen = hyphenPlace
			if nameParts(s[tk.s:tk.e], x.F[tk.fs:tk.fe]) {
				tk.hyphen = hyphenName
			}
		}
	}
	return toks
}

// glued reads the parts glued to the word in[i] that make one token with it: "-"
// then a word goes on, "'" then a word ends it. It returns the index of the last
// shared token of the word, its folded end, and its hyphen value.
func glued(in []text.Token, s string, off []int32, i int) (int, int32, uint8) {
	j, end, hyphen := i, in[i].E, hyphenNone
	for j+2 < len(in) && in[j+1].Gap == text.GapNone && in[j+1].Kind == text.Punct &&
		in[j+2].Gap == text.GapNone && in[j+2].Kind == text.Word {
		c := s[off[in[j+1].S]]
		if c == '-' {
			j += 2
			end, hyphen = in[j].E, hyphenUnknown
			continue
		}
		if c == '\'' {
			j++
			end = in[j].E
		}
		break
	}
	return j, end, hyphen
}

// origEnd is the end in t.S of a token that ends at folded offset e inside the
// folded form of one rune (as t.Orig gives it).
func origEnd(t *text.Text, e int32) int32 {
	_, b := t.Orig(int(e), int(e))
	return int32(b)
}

// putNewlines writes a token at toks[n:] for each line break in the whitespace
// f[from:to], and returns the next n.
func putNewlines(toks []ptok, n int, f string, off []int32, from, to int32) int {
	for k := from; k < to; k++ {
		if f[k] == '\n' {
			toks[n] = ptok{s: off[k], e: off[k] + 1, kind: ptNewline}
			n++
		}
	}
	return n
}
