package themes

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"terril/extract/text"
)

// plainContactPhone is isContactLine's telephone test as a plain walk of the
// bytes, for FuzzContactLine.
func plainContactPhone(line string) bool {
	groups := 0
	for i := 0; i+1 < len(line); {
		if !themeDigit(line[i]) {
			groups = 0
			i++
			continue
		}
		if themeDigit(line[i+1]) && (i == 0 || !themeDigit(line[i-1])) && (i+2 == len(line) || !themeDigit(line[i+2])) {
			groups++
			if groups == 5 {
				return true
			}
			i += 2
			for i < len(line) && (line[i] == ' ' || line[i] == '.') {
				i++
			}
			continue
		}
		groups = 0
		i++
	}
	return false
}

// FuzzContactLine checks isContactLine, which reads the tokens, against the plain
// walk of the bytes.
func FuzzContactLine(f *testing.F) {
	for _, s := range []string{"direction de l'amenagement – 03 22 97 37 37", "tel. 01.23.45.67.89",
		"0123456789", "le 12 mars 2024, 45 12 34 56 78 9", "abcdefgh12 34 56 78 90", "", "1", "12 34 56 78 9x 10"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Contains(s, "@") {
			return
		}
		if got, want := isContactLine(s, s, text.LexString(s), len(s)), plainContactPhone(s); got != want {
			t.Fatalf("isContactLine(%q) = %v, want %v", s, got, want)
		}
	})
}

// The line tests as they were written before their fast paths, for FuzzLineTests.

func plainActObjectLine(line string) bool {
	if len(line) > 400 {
		return false
	}
	for _, p := range []string{"objet :", "objet:", "objet -", "objet –"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	if strings.HasPrefix(line, "vu ") || strings.HasPrefix(line, "vu l'") {
		return false
	}
	head := line[:min(len(line), 40)]
	act := false
	for _, k := range []string{"arrete", "deliberation", "decision"} {
		if i := strings.Index(head, k); i >= 0 && (i == 0 || head[i-1] == ' ') {
			act = true
			break
		}
	}
	if !act {
		return false
	}
	for _, p := range []string{" portant ", " relatif ", " relative ", " relatifs ", " relatives "} {
		if strings.Contains(line, p) {
			return true
		}
	}
	return false
}

func plainActBoilerplateLine(line string) bool {
	if len(line) > 300 {
		return false
	}
	if !strings.Contains(line, "credits") && !strings.Contains(line, "depense") {
		return false
	}
	verb := false
	for _, w := range []string{"impute", "imputee", "imputation", "inscrit", "prelev"} {
		if strings.Contains(line, w) {
			verb = true
			break
		}
	}
	return verb && (strings.Contains(line, "budget") || strings.Contains(line, "chapitre"))
}

func plainOperativeLine(line string) bool {
	line = strings.TrimRight(line, " :.*")
	switch line {
	case "arrete", "arretent", "arretons", "decide", "decident", "delibere", "deliberent":
		return true
	}
	return len(line) <= 40 && (strings.HasPrefix(line, "decide,") || strings.HasPrefix(line, "arrete,") ||
		strings.HasPrefix(line, "delibere,") || strings.HasPrefix(line, "decide a l'unanimite"))
}

func plainHeadingLine(line string) bool {
	if len(line) > 150 {
		return false
	}
	last := strings.TrimRight(line, "*_ ")
	if last == "" {
		return false
	}
	switch last[len(last)-1] {
	case '.', ',', ';', ':':
		if !strings.HasSuffix(last, "...") {
			return false
		}
	}
	if i := strings.LastIndexAny(line, " '"); i >= 0 && isStopWord(line[i+1:]) {
		return false
	}
	words := 0
	forEachWord(line, func(i, j int) { words++ })
	return words > 0 && words <= 16
}

// tokenHeadingLine is isHeadingLine with the word count of the scanner's
// headingWords.
func tokenHeadingLine(line string) bool {
	sc := &scanner{s: line, lx: text.LexString(line)}
	return isHeadingLine(line) && sc.headingWords(len(line))
}

func plainBoilerplateHeading(line string) bool {
	line = strings.TrimLeft(line, "*_#- ")
	for _, p := range []string{"a propos d", "contact presse", "contacts presse", "contact :", "contacts :",
		"service presse", "relations presse", "presse :", "contact medias", "contacts medias"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// FuzzLineTests checks the line tests against their plain versions.
func FuzzLineTests(f *testing.F) {
	for _, s := range []string{"objet : la voirie", "objet – x", "arrete n° 12 portant sur", "xarrete arrete relatif a",
		"la deliberation relative aux", "decision du maire relatifs", "vu l'arrete portant", "les credits sont imputes au budget",
		"depense inscrite au chapitre 65", "arrete :", "decide, a l'unanimite", "delibere.**", "a propos de nous",
		"**contact presse**", "- presse : 01", "titre de la section", "signee avec la", "r&d & co – été 2024 …",
		"un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept",
		"et apres...", "dd ad da aa ddd arrete", "creditsdepense"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) {
			return
		}
		for _, c := range []struct {
			name      string
			got, want func(string) bool
		}{
			{"isActObjectLine", isActObjectLine, plainActObjectLine},
			{"isActBoilerplateLine", isActBoilerplateLine, plainActBoilerplateLine},
			{"isOperativeLine", isOperativeLine, plainOperativeLine},
			{"isHeadingLine", tokenHeadingLine, plainHeadingLine},
			{"isBoilerplateHeading", isBoilerplateHeading, plainBoilerplateHeading},
		} {
			if got, want := c.got(line), c.want(line); got != want {
				t.Fatalf("%s(%q) = %v, want %v", c.name, line, got, want)
			}
		}
	})
}

// forEachWord is the classifier's word cutting as it was written before it read
// the shared tokens, for the tests of forWords and the line tests: it calls f with
// the span of each word of s, a run of letters and digits,
// with '&' kept inside a word ("R&D"). Apostrophes and hyphens separate words.
func forEachWord(s string, f func(i, j int)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		n := 1
		var word bool
		if c < utf8.RuneSelf {
			word = 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' ||
				c == '&' && start >= 0 && i+1 < len(s) && isASCIIAlnum(s[i+1])
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(start, i)
			start = -1
		}
		i += n
	}
	if start >= 0 {
		f(start, len(s))
	}
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z'
}

// TestContainsAt checks containsAt against strings.Contains.
func TestContainsAt(t *testing.T) {
	for _, s := range []string{"", "budget", "au budget 2024", "hbudget", "chapitre", "le chapitre 65", "hchapitre",
		"chhapitre", "chapitr", "xh", "h", "c"} {
		for _, w := range []struct {
			w string
			k int
		}{{"budget", 0}, {"chapitre", 1}} {
			if got, want := containsAt(s, w.w, w.k), strings.Contains(s, w.w); got != want {
				t.Errorf("containsAt(%q, %q, %d) = %v, want %v", s, w.w, w.k, got, want)
			}
		}
	}
}

// TestWordKey checks that wordKey gives a word the same key with the text after
// it (three loads) as alone (byte by byte).
func TestWordKey(t *testing.T) {
	const w = "abcdefghijklmnopqrstuvwx"
	for n := 1; n <= memoKey; n++ {
		a0, a1, a2 := wordKey(w[:n], 0, n)
		b0, b1, b2 := wordKey("  "+w+"yz yz yz yz yz yz yz yz", 2, 2+n)
		if a0 != b0 || a1 != b1 || a2 != b2 {
			t.Errorf("wordKey of %q: %x %x %x alone, %x %x %x in a text", w[:n], a0, a1, a2, b0, b1, b2)
		}
	}
}

// TestLowDigits checks digitPunct's table against unicode.IsDigit.
func TestLowDigits(t *testing.T) {
	for r := rune(0); r < lowDigitRunes; r++ {
		if got := lowDigits[r>>6]>>(r&63)&1 != 0; got != unicode.IsDigit(r) {
			t.Fatalf("lowDigits says %v for %U", got, r)
		}
	}
}
