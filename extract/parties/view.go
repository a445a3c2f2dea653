package parties

import "terril/extract/text"

// tokensView derives the scanner's tokens from the shared ones of x (see ptok): a
// word with its inner hyphens ("Jean-René", "Hauts-de-France") is one token, and
// so is an elision with its apostrophe ("d'", "l'" before a letter); digit runs and
// punctuation marks are tokens as x has them; each line break is a token (the
// whitespace x records before a token holds them). The case shape of a word comes
// from its original span (text.ShapeOf). The tokens are appended to toks[:0].
func tokensView(x *text.Tokens, toks []ptok) []ptok {
	in := x.Toks
	if n := len(in) + len(in)/8 + 8; cap(toks) < n {
		toks = make([]ptok, 0, n)
	}
	toks = toks[:0]
	t := x.T
	s, off := t.S, t.Offsets()
	nf := int32(len(x.F))
	prevE := int32(0) // the folded end of the last token
	for i := 0; i < len(in); i++ {
		tk := &in[i]
		if tk.Gap >= text.GapLine {
			toks = appendNewlines(toks, x.F, off, prevE, tk.S)
		}
		end := tk.E
		if tk.Kind != text.Word {
			b := off[end]
			if end < nf && b == off[end-1] {
				b = origEnd(t, end)
			}
			toks = append(toks, ptok{s: off[tk.S], e: b, kind: ptPunct})
			prevE = end
			continue
		}
		// The glued parts: "-" then a word goes on, "'" then a word ends it.
		j, hyphen := i, hyphenNone
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
		a, b := off[tk.S], off[end]
		if end < nf && b == off[end-1] {
			b = origEnd(t, end)
		}
		sh := text.ShapeLower
		if c := s[a]; c < 'a' || c > 'z' { // most words: lower case, told by their first byte
			sh = text.ShapeOf(s[a:b])
		}
		toks = append(toks, ptok{s: a, e: b, fs: tk.S, fe: end, kind: ptWord,
			cas: sh & text.ShapeMask, hyphen: hyphen, inner: sh&text.ShapeInner != 0})
		i, prevE = j, end
	}
	return appendNewlines(toks, x.F, off, prevE, nf)
}

// origEnd is the end in t.S of a token that ends at folded offset e inside the
// folded form of one rune (as t.Orig gives it).
func origEnd(t *text.Text, e int32) int32 {
	_, b := t.Orig(int(e), int(e))
	return int32(b)
}

// appendNewlines appends a token for each line break in the whitespace f[from:to].
func appendNewlines(toks []ptok, f string, off []int32, from, to int32) []ptok {
	for k := from; k < to; k++ {
		if f[k] == '\n' {
			toks = append(toks, ptok{s: off[k], e: off[k] + 1, kind: ptNewline})
		}
	}
	return toks
}
