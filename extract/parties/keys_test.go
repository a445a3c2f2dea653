package parties

import (
	"slices"
	"strings"
	"testing"

	"terril/extract/names"
)

// The one-pass keys give what their definitions by Fold, PersonKey and
// strings.Fields give.
var keyCases = []string{
	"Communauté d'agglomération du Douaisis (CAD)", "Pierre-René  LEMAS", "Œuvre d’Orient ; Île-de-France",
	"\nab\n-cd\t", "Alain Neveü, président: M. X", "ÉTAT – Préfecture du Nord", "a\u2000b\u00a0c", "x\u037ey",
	"", " ", "J.-P. Dupont", "l'Établissement public foncier (EPF)", "\xff\xfeabc", "Straße Æsop", "JEAN-RENÉ", "PierreRené", "Céline",
}

func TestKeysOnePass(t *testing.T) {
	for _, c := range keyCases {
		checkKeys(t, c)
	}
}

func FuzzKeysOnePass(f *testing.F) {
	for _, c := range keyCases {
		f.Add(c)
	}
	f.Fuzz(checkKeys)
}

func checkKeys(t *testing.T, s string) {
	if got, want := orgWordsKey(s), strings.Join(strings.Fields(PersonKey(punctSpaces.Replace(s))), " "); got != want {
		t.Errorf("orgWordsKey(%q) = %q, want %q", s, got, want)
	}
	f := Fold(s)
	var b strings.Builder
	for _, r := range f {
		if pIsLetter(r) {
			b.WriteRune(r)
		}
	}
	if got := compactKey(s); got != b.String() {
		t.Errorf("compactKey(%q) = %q, want %q", s, got, b.String())
	}
	if got := isGivenFold(s); got != names.IsGiven(f) {
		t.Errorf("isGivenFold(%q) = %v", s, got)
	}
	// PersonKey by its definition: the folded name, separators as one space.
	var k strings.Builder
	space := false
	for _, r := range f {
		if r == '-' || r == '\'' || r == ' ' || r == '.' {
			space = k.Len() > 0
			continue
		}
		if space {
			k.WriteByte(' ')
			space = false
		}
		k.WriteRune(r)
	}
	if got := PersonKey(s); got != k.String() {
		t.Errorf("PersonKey(%q) = %q, want %q", s, got, k.String())
	}
}

// The quick filters before the lookups in particle, orgs and headAt let every
// word of the sets through.
func TestLookupFilters(t *testing.T) {
	for w := range nameParticles {
		if len(w) < 2 || len(w) > 5 {
			t.Errorf("particle %q is outside the lengths particle lets through", w)
		}
	}
	for w := range genericEPCI {
		if len(w) < 4 || w[0] != 'e' && w[0] != 'i' {
			t.Errorf("generic EPCI word %q is not let through by orgs", w)
		}
	}
	for w := range orgHeadFirst {
		if !orgHeadByte[w[0]] {
			t.Errorf("head %q is not let through by headAt", w)
		}
	}
}

// indexAll and containsAnchored find what strings.Index and strings.Contains find.
func FuzzAnchoredSearch(f *testing.F) {
	for _, c := range []string{"signé et paraphé", "signsign ratifié", "officialisé d'une part, ci-apres denomme",
		"paraparaph gn sig", "hhh ph aph", "d'une parte ci-apres denommee", ""} {
		f.Add(Fold(c))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range signStems {
			var want []int
			for off := 0; ; {
				i := strings.Index(s[off:], st.stem)
				if i < 0 {
					break
				}
				want = append(want, off+i)
				off += i + len(st.stem)
			}
			if got := indexAll(s, st.stem, st.anchor); !slices.Equal(got, want) {
				t.Errorf("indexAll(%q, %q) = %v, want %v", s, st.stem, got, want)
			}
		}
		for _, c := range []struct {
			sub    string
			anchor int
		}{{"d'une part", 1}, {"ci-apres denomme", 2}} {
			if got := containsAnchored(s, c.sub, c.anchor); got != strings.Contains(s, c.sub) {
				t.Errorf("containsAnchored(%q, %q) = %v", s, c.sub, got)
			}
		}
	})
}

// foldedSpans gives each word the span of Folded that a plain walk of the offset
// table gives, and that span holds the word folded.
func FuzzFoldedSpans(f *testing.F) {
	for _, c := range keyCases {
		f.Add(c)
	}
	f.Add("Le Président, Pierre-René LEMAS ; Œuvre d’Orient — Île-de-France\n  ÉTAT")
	f.Fuzz(func(t *testing.T, s string) {
		tx := NewText(Normalize(s))
		toks := ptokenize(tx.S)
		spans := foldedSpans(tx, toks, nil)
		k := 0
		for i, tk := range toks {
			if tk.kind != ptWord {
				continue
			}
			for tx.Offsets()[k] < tk.s {
				k++
			}
			a := k
			for tx.Offsets()[k] < tk.e {
				k++
			}
			if int(spans[2*i]) != a || int(spans[2*i+1]) != k {
				t.Fatalf("%q: token %d spans [%d, %d), want [%d, %d)", tx.S, i, spans[2*i], spans[2*i+1], a, k)
			}
			if w, fw := tx.S[tk.s:tk.e], tx.Folded[a:k]; Fold(w) != fw {
				t.Fatalf("%q: token %q folds to %q, span holds %q", tx.S, w, Fold(w), fw)
			}
		}
	})
}
