package gold

//go:generate python3 gen_fold.py

import (
	"sort"
	"strings"
)

type foldRange struct {
	lo, hi rune
	s      string
}

// foldRune returns what score.py's folding leaves of r, and whether r is a
// separator (a character kept by NFD that is not an ASCII letter or digit).
func foldRune(r rune) (s string, sep bool) {
	switch {
	case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
		return string(r), false
	case 'A' <= r && r <= 'Z':
		return string(r + 'a' - 'A'), false
	case r < 0x80:
		return "", true
	}
	i := sort.Search(len(foldTable), func(i int) bool { return foldTable[i].hi >= r })
	if i < len(foldTable) && foldTable[i].lo <= r {
		return foldTable[i].s, false
	}
	return "", true
}

// Fold is score.py's fold: œ/æ/ß spelt out, NFD, nonspacing marks dropped, lower
// case, and only [a-z0-9] kept ("Neveü" → "neveu", "n° 2016-13" → "n201613").
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		f, _ := foldRune(r)
		b.WriteString(f)
	}
	return b.String()
}

// NameKey is how people are compared: the sorted characters of Fold(s), so that
// case, accents, hyphens, spaces and word order do not matter.
func NameKey(s string) string {
	k := []byte(Fold(s))
	sort.Slice(k, func(i, j int) bool { return k[i] < k[j] })
	return string(k)
}

// stop and syn are score.py's STOP and SYN tables for organisation names.
var (
	stop = map[string]bool{"de": true, "du": true, "des": true, "la": true, "le": true,
		"les": true, "l": true, "d": true, "et": true, "en": true, "a": true, "au": true,
		"aux": true, "conseil": true, "communaute": true, "etablissement": true,
		"public": true, "communes": true, "agglomeration": true, "urbaine": true}
	syn = map[string]string{"departemental": "departement", "departementale": "departement",
		"dept": "departement", "regional": "region", "regionale": "region",
		"prefet": "prefecture", "ca": "agglomeration", "cc": "communes", "cu": "urbaine",
		"etat": "etat"}
)

// orgTokens is score.py's org_tokens: the significant words of an organisation's
// name, synonyms mapped ("CC" → "communes") and stop words dropped.
func orgTokens(name string) map[string]bool {
	toks := map[string]bool{}
	var w strings.Builder
	flush := func() {
		if w.Len() == 0 {
			return
		}
		t := w.String()
		w.Reset()
		if s, ok := syn[t]; ok {
			t = s
		}
		if !stop[t] {
			toks[t] = true
		}
	}
	for _, r := range name {
		f, sep := foldRune(r)
		if sep {
			flush()
		}
		w.WriteString(f)
	}
	flush()
	return toks
}

// subset reports whether every token of a is in b.
func subset(a, b map[string]bool) bool {
	for t := range a {
		if !b[t] {
			return false
		}
	}
	return true
}
