package geo

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"terril/extract"
	"terril/extract/lex"
	"terril/extract/names"
	"terril/extract/text"
)

// tokenizeRef is the plain tokenizer, one rune at a time, of folded text f that the
// tokens derived from the shared stream must agree with. A carriage return is white
// space, as the shared lexer has it (Normalize leaves none).
func tokenizeRef(f string, lookup func(string) int32) []token {
	var toks []token
	var gap uint16
	newlines := 0
	for i := 0; i < len(f); {
		r, n := utf8.DecodeRuneInString(f[i:])
		if isWordRune(r) {
			j := i
			for j < len(f) {
				r, m := utf8.DecodeRuneInString(f[j:])
				if !isWordRune(r) {
					break
				}
				j += m
			}
			if newlines > 1 {
				gap |= gapPara | gapDot
			}
			toks = append(toks, token{s: int32(i), e: int32(j), id: lookup(f[i:j]), gap: gap})
			gap, newlines = 0, 0
			i = j
			continue
		}
		switch r {
		case ' ', '\t', '\r':
			gap |= gapSpace
		case '-', '\'', '\u2010', '\u2011':
			if gap&gapSpace == 0 {
				gap |= gapJoined
			} else if gap&gapLine != 0 && r == '-' {
				gap |= gapHard
			}
		case '\u2013', '\u2014':
			gap |= gapDash
		case '\n':
			newlines++
			gap |= gapLine | gapSpace
		case ',':
			if gap&gapComma != 0 {
				gap |= gapHard
			}
			gap |= gapComma
		case '.':
			gap |= gapDot
		case '(':
			gap |= gapHard | gapParen
		case '!', '?', ':', ';', '…':
			gap |= gapHard | gapDot
		case '*', '_', '"', '«', '»', '“', '”':
		default:
			gap |= gapHard
		}
		i += n
	}
	return toks
}

// checkTokens compares the matcher's tokens of s, derived from its shared tokens,
// with tokenizeRef's of its folded form, starting from a buffer of capacity c.
func checkTokens(t *testing.T, g *Gazetteer, s string, c int) {
	t.Helper()
	tx := text.New(s)
	x := text.Lex(tx)
	f := tx.Folded
	want := tokenizeRef(f, g.m.lookupID)
	got := g.m.tokens(&x, make([]token, 0, c))
	if !slices.Equal(got, want) {
		t.Fatalf("tokens of %q:\n got %v\nwant %v", f, got, want)
	}
	// The build path (no table) agrees too.
	if got := tokensOf(&x, nil, nil, g.m.lookupID); !slices.Equal(got, want) {
		t.Fatalf("tokens of %q without the table:\n got %v\nwant %v", f, got, want)
	}
}

func TestTokenize(t *testing.T) {
	g := mustDefault(t)
	for _, s := range []string{"", " ", "a", "lille", "saint-omer, le 3 mars", "héninbeaumont",
		"hénin-beaumont", "é", "aé", "éa", "a\u2010b", "a \u2013 b", "x…y", "«lens»", "\n\n- lens",
		"a\xffb", "a\xc3", "lens\u00a0lievin", "1er", "l'oise", "a.b", "(59)", "st. omer", "ωmega x"} {
		for _, c := range []int{0, 1, 2, 64} {
			checkTokens(t, g, s, c)
		}
	}
	for _, d := range sampleDocs(t) {
		checkTokens(t, g, d.Text, 0)
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("saint-omer, le 3 mars")
	f.Add("Hénin-Beaumont (62) «Lens» – Liévin…\n\n- Douai")
	g := mustDefault(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkTokens(t, g, s, 0)
		checkTokens(t, g, extract.Fold(s), 1)
	})
}

// TestWordSets checks the lexicons the rules read against their words, over their
// members, the gazetteer's words and a few edge cases: the guards derived from the
// lists admit every word of them and nothing else gets in.
func TestWordSets(t *testing.T) {
	g := mustDefault(t)
	for _, set := range []*lex.Set{lex.GeoStreets, lex.GeoCivilities, lex.GeoOrgs, lex.GeoRiverWords,
		lex.GeoRiverHeads, lex.GeoArticles, lex.GeoConnectors, lex.GeoCommuneNouns, lex.GeoDedications,
		lex.GeoOverseas, lex.GeoGenericNouns} {
		words := map[string]bool{}
		for _, w := range set.Words() {
			words[w] = true
		}
		check := func(w string) {
			if got, want := set.Has(w), words[w]; got != want {
				t.Fatalf("Has(%q) = %v, want %v", w, got, want)
			}
		}
		for w := range words {
			check(w)
			check(w + "s")
			check(w[1:])
		}
		for w := range g.m.dict {
			check(w)
		}
		for _, w := range []string{"", "a", "é", "0", "rueavenueboulevardplace", "\x00"} {
			check(w)
		}
	}
}

// accentsDifferRef is accentsDiffer on copies lowered and converted to runes.
func accentsDifferRef(ws, os string) bool {
	written := []rune(strings.ToLower(ws))
	official := []rune(strings.ToLower(os))
	i, j := 0, 0
	for i < len(written) && j < len(official) {
		w, o := written[i], official[j]
		if !unicode.IsLetter(w) {
			i++
			continue
		}
		if !unicode.IsLetter(o) {
			j++
			continue
		}
		if w != o {
			return extract.FoldRune(w) == extract.FoldRune(o)
		}
		i++
		j++
	}
	return false
}

func FuzzAccentsDiffer(f *testing.F) {
	for _, p := range [][2]string{{"Maire", "Mairé"}, {"MAIRE", "Mairé"}, {"Saint-Étienne", "Saint-Etienne"},
		{"Lomme", "Lille"}, {"l'Haÿ", "L'Haÿ-les-Roses"}, {"a\xffé", "a\xffe"}, {"İstanbul", "istanbul"}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, w, o string) {
		if got, want := accentsDiffer(w, o), accentsDifferRef(w, o); got != want {
			t.Fatalf("accentsDiffer(%q, %q) = %v, want %v", w, o, got, want)
		}
	})
}

// TestStrTable checks the frozen table against the dictionary it is built from, for
// every key, and for words one letter longer or shorter.
func TestStrTable(t *testing.T) {
	g := mustDefault(t)
	lookup := func(s string) int32 {
		if id, ok := g.m.dict[s]; ok {
			return id
		}
		return -1
	}
	for k, id := range g.m.dict {
		if got := g.m.table.lookup(k); got != id {
			t.Fatalf("lookup(%q) = %d, want %d", k, got, id)
		}
		for _, w := range []string{k + "s", k[:len(k)-1], "x" + k} {
			if got, want := g.m.table.lookup(w), lookup(w); got != want {
				t.Fatalf("lookup(%q) = %d, want %d", w, got, want)
			}
		}
	}
}

// TestWordClasses checks the classes the build keeps by token id against the word
// lists they come from, for every word of the dictionary.
func TestWordClasses(t *testing.T) {
	g := mustDefault(t)
	for w, id := range g.m.dict {
		c := g.m.class[id]
		if c&wKnown == 0 {
			continue
		}
		if c&wArticle != 0 != isArticle(w) || c&wConnector != 0 != isConnectorWord(w) || c&wGiven != 0 != names.IsGiven(w) {
			t.Fatalf("classes of %q: %b", w, c)
		}
	}
	for _, w := range []string{"st", "saint"} {
		if c := g.m.class[g.m.dict[w]]; c != 0 {
			t.Fatalf("%q, spelt two ways, has classes %b", w, c)
		}
	}
}

// TestIDIndex checks the index against a map, over resets of several sizes.
func TestIDIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var x idIndex
	for round := range 200 {
		n := r.IntN(300)
		x.reset(n)
		want := map[int32]int32{}
		for i := range n {
			k := int32(r.IntN(1 + round*50))
			sl := x.slot(k)
			if v, ok := want[k]; ok != (sl.key == k) || ok && v != sl.val {
				t.Fatalf("round %d: key %d: slot %+v, map %d %v", round, k, *sl, v, ok)
			}
			if sl.key != k {
				*sl = idSlot{key: k, val: int32(i)}
				want[k] = int32(i)
			}
		}
		for k := range int32(1 + round*50) {
			if _, ok := want[k]; x.has(k) != ok {
				t.Fatalf("round %d: has(%d) = %v", round, k, !ok)
			}
		}
		if x.has(-1) {
			t.Fatal("has(-1)")
		}
	}
}

// TestStartsWithAGrave checks startsWithAGrave against strings.ToLower for every
// rune, and for broken UTF-8.
func TestStartsWithAGrave(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		o := string(r) + "x"
		if got, want := startsWithAGrave(o), strings.HasPrefix(strings.ToLower(o), "à"); got != want {
			t.Fatalf("startsWithAGrave(%q) = %v", o, got)
		}
	}
	for _, o := range []string{"", "\xc3", "\xc3\xa0", "\xc3\x80", "\xe0", "a\u0300", "\xff\xc3\xa0"} {
		if got, want := startsWithAGrave(o), strings.HasPrefix(strings.ToLower(o), "à"); got != want {
			t.Fatalf("startsWithAGrave(%q) = %v", o, got)
		}
	}
}
