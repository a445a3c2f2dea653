package parties

import (
	"slices"
	"strings"
	"terril/extract/lex"
	"terril/extract/text"
	"testing"

	"terril/corpus"
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
	for _, w := range lex.Particles.Words() {
		if !particleTable.has(w) {
			t.Errorf("particle %q is not let through by particle", w)
		}
	}
	for _, w := range genericEPCI.slots {
		if w != "" && !genericEPCIByte[w[0]] {
			t.Errorf("generic EPCI word %q is not let through by orgs", w)
		}
	}
	for w := range orgHeadFirst {
		if !orgHeadByte[w[0]] {
			t.Errorf("head %q is not let through by headAt", w)
		}
	}
	for _, w := range lex.Civilities.Words() {
		if !civilityByte[w[0]] || !civilityTable.has(w) {
			t.Errorf("civility %q is not let through by civility", w)
		}
	}
}

// The anchored words' parts from their anchors overlap no other occurrence of
// themselves (a part is no prefix of itself shifted), as containsAnchored needs.
func TestAnchorsOverlapFree(t *testing.T) {
	for _, w := range append([]anchoredWord{{"d'une part", 1}, {"ci-apres denomme", 2}}, pressContactWords...) {
		tail := w.sub[w.anchor:]
		for k := 1; k < len(tail); k++ {
			if tail[:k] == tail[len(tail)-k:] {
				t.Errorf("%q from %d overlaps itself", w.sub, w.anchor)
			}
		}
	}
}

// indexAll and containsAnchored find what strings.Index and strings.Contains find.
func FuzzAnchoredSearch(f *testing.F) {
	for _, c := range []string{"signé et paraphé", "signsign ratifié", "officialisé d'une part, ci-apres denomme",
		"paraparaph gn sig", "hhh ph aph", "d'une parte ci-apres denommee", "",
		" \t\u00a0\u2003 ", " \v\f\r\n x", "\u0085\xff",
		"relations publique relations publiques", "communicatio ommunication communication", "relations medias"} {
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
			if got := indexAll(nil, s, st.stem, st.anchor); !slices.Equal(got, want) {
				t.Errorf("indexAll(%q, %q) = %v, want %v", s, st.stem, got, want)
			}
		}
		if got := hasText(s); got != (strings.TrimSpace(s) != "") {
			t.Errorf("hasText(%q) = %v", s, got)
		}
		for _, c := range append([]anchoredWord{{"d'une part", 1}, {"ci-apres denomme", 2}}, pressContactWords...) {
			if got := containsAnchored(s, c.sub, c.anchor); got != strings.Contains(s, c.sub) {
				t.Errorf("containsAnchored(%q, %q) = %v", s, c.sub, got)
			}
		}
	})
}

// tokensView gives the tokens the scanner's own tokenizer gave (ptokenizeInto):
// the same spans of the text and of the folded text, kinds and case shapes.
func FuzzTokensView(f *testing.F) {
	for _, c := range keyCases {
		f.Add(c)
	}
	for _, c := range []string{"Le Président, Pierre-René LEMAS ; Œuvre d’Orient — Île-de-France\n  ÉTAT",
		"J.-P. Dupont, MarieFrançoise d'Halluin-LÉVÊQUE et N'DIAYE A330 l'A-1 -x x- a--b\n\n\nfin\n",
		"aujourd'hui c'est Jean- Claude, 3e, « M. X » e\u0301 ǅemal ß Æsop ŉ ª\n"} {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkView(t, NewText(Normalize(s))) // (the scanner reads normalised text)
	})
}

func TestTokensView(t *testing.T) {
	for _, c := range keyCases {
		checkView(t, NewText(Normalize(c)))
	}
}

func checkView(t *testing.T, tx *Text) {
	t.Helper()
	want := ptokenizeInto(tx.S, tx.Offsets(), nil)
	x := text.Lex(tx)
	var caps []int32
	got := tokensView(&x, nil, &caps)
	var wantCaps []int32
	for i, tk := range got {
		if tk.kind == ptWord && tk.cas != pcLower {
			wantCaps = append(wantCaps, int32(i))
		}
	}
	if !slices.Equal(caps, wantCaps) {
		t.Fatalf("%q: capitalised words %v, want %v", tx.S, caps, wantCaps)
	}
	for i := range max(len(got), len(want)) {
		if i >= len(got) || i >= len(want) {
			t.Fatalf("%q: %d tokens, want %d", tx.S, len(got), len(want))
		}
		g, w := got[i], want[i]
		if w.cas == pcLower {
			g.inner, w.inner = false, false // read only for capitalised words
		}
		if w.hyphen == hyphenUnknown && (w.cas == pcTitle || w.cas == pcUpper) {
			// The view tells the parts of a capitalised word with hyphens.
			w.hyphen = hyphenPlace
			if nameParts(tx.S[w.s:w.e], tx.Folded[w.fs:w.fe]) {
				w.hyphen = hyphenName
			}
		}
		if g != w {
			t.Fatalf("%q: token %d %q = %+v, want %+v %q", tx.S, i, tx.S[g.s:g.e], g, w, tx.S[w.s:w.e])
		}
	}
}

// The lexicons the scanner reads are folded as the text is, or no word would match.
func TestLexiconsFolded(t *testing.T) {
	for name, words := range map[string][]string{
		"civilities": lex.Civilities.Words(), "pluralcivilities": lex.PluralCivilities.Words(),
		"particles": lex.Particles.Words(), "rolenouns": lex.RoleNouns.Words(),
		"roleplurals": lex.RolePlurals.Words(), "roleadjectives": lex.RoleAdjectives.Words(),
		"facilities": lex.Facilities.Words(), "companyheads": lex.CompanyHeads.Words(),
		"companytails": lex.CompanyTails.Words(), "legalforms": lex.LegalForms.Words(),
		"orgwords": lex.OrgWords.Words(),
	} {
		if len(words) == 0 {
			t.Errorf("%s: empty", name)
		}
		for _, w := range words {
			if text.Fold(w) != w || strings.ContainsAny(w, " \t") {
				t.Errorf("%s: %q is not one folded word", name, w)
			}
		}
	}
}

// TestPersonsOf checks that the persons come out in the order of their first
// mention, each with its spans in the order they were collected.
func TestPersonsOf(t *testing.T) {
	people := []merged{
		{given: "Léa", last: "Marchal", first: 40, spans: 2},
		{given: "Paul", last: "Vigier", first: 10, spans: 1},
		{given: "Ana", last: "Ruiz", first: 25, spans: 2},
		{last: "DUPUIS", first: 70, spans: 1}, // a surname alone
	}
	sp := func(p int32, a int) personSpan { return personSpan{p: p, s: corpus.Span{Start: a, End: a + 5}} }
	spans := []personSpan{sp(0, 40), sp(1, 10), sp(2, 25), sp(0, 90), sp(2, 60), sp(3, 70)}
	got := personsOf(people, spans, []int32{0, 1, 2, 3})
	want := []struct {
		name   string
		starts []int
	}{{"Paul Vigier", []int{10}}, {"Ana Ruiz", []int{25, 60}}, {"Léa Marchal", []int{40, 90}}, {"DUPUIS", []int{70}}}
	if len(got) != len(want) {
		t.Fatalf("personsOf gives %d persons, want %d", len(got), len(want))
	}
	for i, w := range want {
		var starts []int
		for _, s := range got[i].Spans {
			starts = append(starts, s.Start)
		}
		if got[i].Name != w.name || !slices.Equal(starts, w.starts) || got[i].Key != PersonKey(w.name) {
			t.Errorf("person %d = %q %v (key %q), want %q %v", i, got[i].Name, starts, got[i].Key, w.name, w.starts)
		}
	}
}

// The length filter of a wordTable is derived from its words: has admits every
// word of every table, and of a table with words of 32 and 64 bytes (whose bit is
// that of the empty word).
func TestWordTableFilter(t *testing.T) {
	long := tableOf("de", strings.Repeat("a", 32), strings.Repeat("b", 64), strings.Repeat("c", 33))
	for _, w := range []string{"de", strings.Repeat("a", 32), strings.Repeat("b", 64), strings.Repeat("c", 33)} {
		if !long.has(w) {
			t.Errorf("has(%q) = false", w)
		}
	}
	for _, w := range []string{"", "du", strings.Repeat("a", 31), strings.Repeat("b", 32), "c"} {
		if long.has(w) {
			t.Errorf("has(%q) = true", w)
		}
	}
	for _, tb := range []*wordTable{&ambiguousGiven, &attendanceWords, &citation, &civilityTable, &companyForms,
		&companyHeads, &companyTails, &compoundHeads, &coordParticles, &facilitySkip, &facilityWords, &futureAux,
		&futureModals, &futureSign, &genericEPCI, &initialsNot, &irregularParticiples, &leadAdverbs, &listArticles,
		&listNotParty, &listOpeners, &monthSurnames, &nameStopWords, &nounBefore, &objectDeterminers,
		&orgFunctionWords, &participleAux, &particleTable, &partyDescriptors, &placeParts, &pluralCivilities,
		&reportingVerbs, &roleAdjectives, &roleDeterminers, &roleNouns, &rolePlurals, &roleStop, &roleTrailing,
		&sentenceOpeners, &signWords, &signatureFuture, &signatureNotAct, &signingMoment, &singularVerbs,
		&subjectVerbs, &unilateralActs} {
		for _, w := range tb.slots {
			if w != "" && !tb.has(w) {
				t.Errorf("has(%q) = false in its own table", w)
			}
		}
	}
}
