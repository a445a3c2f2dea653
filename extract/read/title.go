package read

import (
	"path"
	"regexp"
	"strings"
	"terril/extract/text"
	"unicode"
	"unicode/utf8"
)

// LooksLikeTitle reports whether a title from a document's metadata (a PDF's
// Title, a DOCX's dc:title) reads as its title: words, not a file name ("Microsoft
// Word - pv_v4.docx"), a scanner's or an application's default ("KM_C250i…",
// "Document numérisé", "Sans titre") or a code.
func LooksLikeTitle(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 4 || defaultTitle.MatchString(s) || fileNameLike.MatchString(s) {
		return false
	}
	if strings.Count(s, "_") > strings.Count(s, " ") {
		return false // a file name's separators
	}
	return wordLike(s)
}

// defaultTitle matches what applications and scanners write as a title when the
// author wrote none.
var defaultTitle = regexp.MustCompile(`(?i)^(microsoft (office )?(word|excel|powerpoint|publisher)\b|word - |untitled|sans titre|titre$|title$|document ?\d*$|documents? numérisés?|numérisation|scann?(ed|é)?\b|scan[_ -]?\d|img[_ -]?\d|dsc[_ -]?\d|sc?km?_?c?\d|km_|skm_|bizhub|canon|xerox|ricoh|brother|epson|sharp|mx-\d|hp ?scan|pr[ée]sentation powerpoint|diapositive \d|page \d+$|pdf$|imprimer|print|copie de|nouveau document)`)

// fileNameLike matches a title that is a file name: it ends in an extension.
var fileNameLike = regexp.MustCompile(`(?i)\.(docx?|odt|rtf|pdf|xlsx?|ods|pptx?|odp|txt|html?|jpe?g|png|tiff?|msg|eml|indd|pub)\s*$`)

// wordLike reports whether s is made of words: at least two of three letters or
// more (OCR noise has fragments: "Frat té : L ."), and letters make at least half
// of what is not space.
func wordLike(s string) bool {
	words := 0
	for f := range strings.FieldsSeq(s) {
		n := 0
		for _, r := range f {
			if unicode.IsLetter(r) {
				n++
			}
		}
		if n >= 3 {
			words++
		}
	}
	letters, other := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case !unicode.IsSpace(r):
			other++
		}
	}
	return words >= 2 && letters >= other
}

// stampLine matches the lines of a transmission or display stamp and of the
// acknowledgement of receipt, printed over the top of an act: "Envoyé en
// préfecture le 07/06/2021", "Reçu en préfecture le …", "ID : 059-215900… -DE",
// "Affiché le", "Publié le".
var stampLine = regexp.MustCompile(`(?i)^(envoy[ée] en pr[ée]fecture|re[çc]u en pr[ée]fecture|affich[ée] le|publi[ée] le|id ?: ?\d{3}-|accus[ée] de r[ée]ception|date de (t[ée]l[ée]transmission|r[ée]ception|publication|affichage)|certifi[ée] ex[ée]cutoire|acte rendu ex[ée]cutoire|transmis (au|en) (contr[ôo]le|pr[ée]fecture)|s2low|berger-levrault|ar-?\d)`)

// stampOrNoise reports whether a line at the top of a document is a stamp, noise
// (an OCR'd logo: a few letters among symbols) or the continuation of a line
// (it starts in lower case: "des Territoires et de la Mer") or a list (of those
// present: "Anne DURAND - Paul LEROY - …") rather than a title.
func stampOrNoise(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r) || strings.Count(line, " - ") >= 3 || stampLine.MatchString(line) || !wordLike(line)
}

// trimBullet drops what opens a line before its first letter, digit or quote: a
// bullet, a dash, a glyph of a symbol font ("\uf0d7 Approbation …").
func trimBullet(line string) string {
	return strings.TrimLeftFunc(line, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("«\"'(", r)
	})
}

// FileTitle turns a file name into a title, the last resort when neither the
// metadata nor the text gives one: the extension, an application's prefix and a
// version suffix dropped, underscores and dashes between words made spaces.
// "Microsoft Word - 2021-06-04_conseil municipal v4.docx" gives "2021-06-04
// conseil municipal".
func FileTitle(name string) string {
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	s := path.Base(strings.ReplaceAll(name, "\\", "/"))
	if s == "." || s == "/" {
		return ""
	}
	for {
		t := strings.TrimSpace(fileNameLike.ReplaceAllString(s, ""))
		t = strings.TrimSpace(appPrefix.ReplaceAllString(t, ""))
		if t == s || t == "" {
			break
		}
		s = t
	}
	s = strings.ReplaceAll(s, "_", " ")
	if !strings.Contains(s, " ") {
		// A slug, "conseil-municipal-du-4-juin": its dashes are spaces, but those of
		// a date ("2021-06-04").
		s = slugDash.ReplaceAllString(s, "${1} ${2}")
	}
	for {
		t := strings.TrimSpace(versionSuffix.ReplaceAllString(s, ""))
		if t == s || t == "" {
			break
		}
		s = t
	}
	return strings.Join(strings.Fields(s), " ")
}

// appPrefix is what Office prints before the file name in a PDF's title.
var appPrefix = regexp.MustCompile(`(?i)^microsoft (office )?(word|excel|powerpoint|publisher) - `)

// slugDash is a dash of a slug not inside a number.
var slugDash = regexp.MustCompile(`(\p{L})-|-(\p{L})`)

// versionSuffix is a version or copy marker at the end of a file name: "v4",
// "V2.1", "version 3", "def", "final", "VF", "(1)", "- Copie", "bis".
var versionSuffix = regexp.MustCompile(`(?i)(\s|-)+(v\d+([.,]\d+)*|version ?\d+|d[ée]f(initi(f|ve))?|final(e)?|vf|vdef|copie|\(\d+\)|\d+ ?bis)$`)

// actHeads are the first words (folded, see Fold) of the heading of an act or a
// report: the line a PDF's title is, with the lines that continue it. Not the
// words of what an act cites ("Décret n° …", "Circulaire du …") nor of its
// sections ("Ordre du jour").
var actHeads = map[string]bool{
	"arrete": true, "deliberation": true, "deliberations": true, "proces-verbal": true, "compte": true,
	"compte-rendu": true, "contrat": true, "convention": true, "recueil": true, "decision": true,
	"avis": true, "reglement": true, "rapport": true, "avenant": true, "charte": true, "appel": true, "convocation": true, "budget": true,
	"programme": true, "plan": true, "schema": true, "bilan": true, "protocole": true, "projet": true,
}

// maxHeadingLines is how many lines at the top of a text actHeading looks at.
const maxHeadingLines = 40

// actHeading returns the heading of an act at the top of text ("Arrêté préfectoral
// n° 2020-0071 réglementant l'usage de certains matériels…"): the first line that
// starts with a capitalised word of actHeads, joined with the lines that continue
// it (in lower case, or in capitals after a line in capitals), or "". line is the
// first line of the heading as it is in s.
func actHeading(s string) (title, line string) {
	lines := make([]string, 0, maxHeadingLines)
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if lines = append(lines, trimBullet(line)); len(lines) == maxHeadingLines {
				break
			}
		}
	}
	for i, line := range lines {
		first, _, _ := strings.Cut(line, " ")
		r, _ := utf8.DecodeRuneInString(first)
		if !unicode.IsUpper(r) || !actHeads[text.Fold(first)] || stampLine.MatchString(line) || notTitle.MatchString(line) {
			continue
		}
		title := line
		for _, next := range lines[i+1:] {
			if len(title) > 200 || !continues(title, next) {
				break
			}
			title += " " + next
		}
		title = trimDangling(title)
		if wordLike(title) {
			return titleCut(title), line
		}
	}
	return "", ""
}

// textTitle returns the title of a text: the first of its act heading (see
// actHeading) and its first line that reads as a title (see titleLine), and
// whether there is one.
func textTitle(text string) (string, bool) {
	act, actLine := actHeading(text)
	t, ok := titleLine(text)
	switch {
	case act == "":
		return t, ok
	case ok && strings.Index(text, strings.TrimSuffix(t, "…")) < strings.Index(text, actLine):
		return t, true
	}
	return act, true
}

// continues reports whether next continues the heading so far: it starts in lower
// case, or both are in capitals ("RECUEIL DES ACTES" / "ADMINISTRATIFS SPÉCIAL").
func continues(title, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) {
		return true
	}
	return !stampLine.MatchString(next) && upper(next) && upper(title)
}

// upper reports whether s has letters and none in lower case.
func upper(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// danglingWords end a heading cut before its complement ("Contrat local de santé de").
var danglingWords = map[string]bool{"de": true, "du": true, "des": true, "d'": true, "et": true, "la": true,
	"le": true, "les": true, "l'": true, "à": true, "au": true, "aux": true, "pour": true, "en": true, "sur": true, "par": true, "entre": true}

// trimDangling drops the function words that end a heading.
func trimDangling(s string) string {
	for {
		i := strings.LastIndexByte(s, ' ')
		if i < 0 || !danglingWords[strings.ToLower(s[i+1:])] {
			return s
		}
		s = strings.TrimSpace(s[:i])
	}
}

// capsHeading returns the words in capitals that open a long line, when there
// are three or more and words in lower case follow: a heading run into its
// text ("PLAN DE PRÉVENTION DES RISQUES D'INONDATION Approuvé par arrêté…").
func capsHeading(line string) string {
	words, end := 0, 0
	for i := 0; i < len(line); {
		j := strings.IndexByte(line[i:], ' ')
		if j < 0 {
			j = len(line) - i
		}
		w := line[i : i+j]
		if strings.ToUpper(w) != w {
			if words >= 3 {
				return strings.TrimSpace(line[:end])
			}
			return ""
		}
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			words++
		}
		end = i + j
		i += j + 1
	}
	return ""
}
