package parties

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"terril/extract/text"
)

// Plain forms of functions the package writes for speed, kept as the references
// they must agree with.

// refPersonKey is PersonKey written with a strings.Builder, rune by rune.
func refPersonKey(name string) string {
	var b strings.Builder
	space := false
	add := func(r rune) {
		if r == '-' || r == '\'' || r == ' ' || r == '.' {
			space = b.Len() > 0
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	for _, r := range name {
		if r < utf8.RuneSelf {
			add(rune(text.ASCIILower[r]))
			continue
		}
		for _, x := range text.FoldRune(r) {
			add(x)
		}
	}
	return b.String()
}

// refNormalCase is normalCase rune by rune.
func refNormalCase(w string) string {
	for _, r := range w {
		if unicode.IsLower(r) {
			return w
		}
	}
	var b strings.Builder
	start := true
	for _, r := range w {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == '-' || r == '\'' || r == ' '
	}
	return b.String()
}

// refIsTitle is isTitle with the words of the line split out by strings.Fields.
func refIsTitle(line string) bool {
	if len(line) > 120 {
		return false
	}
	f := strings.Fields(PersonKey(punctSpaces.Replace(line)))
	for len(f) > 0 && (roleDeterminers.has(f[0]) || f[0] == "l") {
		f = f[1:]
	}
	return len(f) > 0 && (roleNouns.has(f[0]) || len(f) > 1 && roleAdjectives.has(f[0]) && roleNouns.has(f[1]))
}

var referenceSeeds = []string{"", "Pierre-René Lemas", "JEAN-RENÉ D'HALLUIN", "  .Œuvre--l'Île. ", "ÆSOP ǅEMAL ß",
	"N'DIAYE", "Dr. J.-P. MÜLLER", "a\xffB\xc3", "İSTANBUL Ⱥ", "M. DE LA PERRAUDIÈRE",
	"Le Président,", "Pour le Maire et par délégation,", "L'Adjoint au maire (délégué) :", "le vice\u00a0président",
	"Premier ministre", "La Directrice générale,", "l' l' le la Préfète"}

func FuzzPersonKey(f *testing.F) {
	for _, c := range referenceSeeds {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkReferences(t, s)
	})
}

func TestReferences(t *testing.T) {
	for _, c := range append(referenceSeeds, keyCases...) {
		checkReferences(t, c)
	}
}

// checkReferences compares the fast key and case functions with their references on s.
func checkReferences(t *testing.T, s string) {
	t.Helper()
	if got, want := PersonKey(s), refPersonKey(s); got != want {
		t.Errorf("PersonKey(%q) = %q, want %q", s, got, want)
	}
	if got, want := normalCase(s), refNormalCase(s); got != want {
		t.Errorf("normalCase(%q) = %q, want %q", s, got, want)
	}
	if got, want := isTitle(s), refIsTitle(s); got != want {
		t.Errorf("isTitle(%q) = %v, want %v", s, got, want)
	}
}
