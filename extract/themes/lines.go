package themes

import (
	"math/bits"
	"slices"
	"strings"
	"terril/extract/lex"
	"terril/extract/text"
	"unicode/utf8"
)

func lineAt(s string, i int) string {
	if i >= len(s) {
		return ""
	}
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return s[i : i+j]
	}
	return s[i:]
}

func aheadIsBreak(s string, i int) bool {
	return i >= len(s) || s[i] == ' ' || s[i] == '\n' || s[i] == '*' || s[i] == '"' || s[i] == ')' ||
		strings.HasPrefix(s[i:], "»") || strings.HasPrefix(s[i:], "”")
}

// listItem reports whether a trimmed, folded line is a list item ("- le tourisme ;",
// "1. …", "a) …", "2>…", "Priorité 2 : …", "Axe II – …") and where its content starts.
func listItem(line string) (bool, int) {
	if line == "" {
		return false, 0
	}
	// Every marker starts with '-', '*' or a multi-byte rune's first byte.
	if c := line[0]; c == '-' || c == '*' || c >= utf8.RuneSelf {
		for _, m := range []string{"- ", "– ", "— ", "• ", "* ", "· ", "▪ ", "► ", "➢ ", "✓ ", "-**", "•", "▪", "►", "➢", "\uf0b7"} {
			if strings.HasPrefix(line, m) {
				return true, len(m)
			}
		}
	}
	// "1. ", "2) ", "a) ".
	k := 0
	for k < len(line) && k < 3 && '0' <= line[k] && line[k] <= '9' {
		k++
	}
	if k == 0 && len(line) > 2 && 'a' <= line[0] && line[0] <= 'z' && line[1] == ')' {
		k = 1
	}
	if k > 0 && k+1 < len(line) && (line[k] == '.' || line[k] == ')') && line[k+1] == ' ' {
		return true, k + 2
	}
	if k > 0 && k+1 < len(line) && line[k] == '>' { // "1>un soutien…", as some pages render ordered lists
		return true, k + 1
	}
	// Keyword items.
	j := 0
	for j < len(line) && 'a' <= line[j] && line[j] <= 'z' {
		j++
	}
	if j == 0 || j == len(line) {
		return false, 0 // no keyword, or no number after it
	}
	rest := trimSpaces(line[j:])
	rest = strings.TrimPrefix(rest, "n°")
	rest = strings.TrimPrefix(rest, "no ")
	rest = trimSpaces(rest)
	d := 0
	for d < len(rest) && ('0' <= rest[d] && rest[d] <= '9' || rest[d] == 'i' || rest[d] == 'v' || rest[d] == 'x') && d < 6 {
		d++
	}
	if d == 0 {
		return false, 0
	}
	if d < len(rest) && ('a' <= rest[d] && rest[d] <= 'z') {
		return false, 0 // a word ("axe important"), not a number
	}
	// The keyword is looked up last: most lines fail the cheaper tests above.
	if w := line[:j]; !lex.ItemWords.Has(w) && !lex.ItemWords.Has(strings.TrimSuffix(w, "s")) {
		return false, 0
	}
	after := strings.TrimLeft(rest[d:], " ")
	for _, sep := range []string{":", "-", "–", "—", ".", ")"} {
		if strings.HasPrefix(after, sep) {
			return true, len(line) - len(after) + len(sep)
		}
	}
	return false, 0
}

// trimSpaces is strings.TrimLeft(s, " ") without the call, for listItem, which runs
// on every line.
func trimSpaces(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	return s
}

// isHeadingLine reports whether a trimmed, folded line standing alone may be a
// heading: short, and not ending like a sentence. A heading also has from 1 to
// maxHeadingWords words (see scanner.lineWords).
func isHeadingLine(line string) bool {
	if len(line) > 150 {
		return false
	}
	// The cheap tests first: most lines end like a sentence.
	n := len(line)
	for n > 0 && (line[n-1] == '*' || line[n-1] == '_' || line[n-1] == ' ') {
		n-- // strings.TrimRight(line, "*_ ")
	}
	if n == 0 {
		return false
	}
	last := line[:n]
	switch last[len(last)-1] {
	case '.', ',', ';', ':':
		if !strings.HasSuffix(last, "...") { // "Et après..." is still a heading
			return false
		}
	}
	i := len(line) - 1 // strings.LastIndexAny(line, " '")
	for i >= 0 && line[i] != ' ' && line[i] != '\'' {
		i--
	}
	return i < 0 || !isStopWord(line[i+1:]) // "… signée avec la" is a line cut inside a sentence
}

// maxHeadingWords is the most words of a heading.
const maxHeadingWords = 16

// isBoilerplateHeading reports whether a folded line opens the boilerplate of a
// press release: the "À propos de…" presentation of the issuer or the press contacts.
func isBoilerplateHeading(line string) bool {
	i := 0
	for i < len(line) && (line[i] == '*' || line[i] == '_' || line[i] == '#' || line[i] == '-' || line[i] == ' ') {
		i++ // strings.TrimLeft(line, "*_#- ")
	}
	line = line[i:]
	if line == "" {
		return false
	}
	if !boilerplateFirst[line[0]] {
		return false
	}
	for _, p := range boilerplateHeads {
		if len(line) >= len(p) && (len(p) < 2 || line[1] == p[1]) && line[:len(p)] == p {
			return true
		}
	}
	return false
}

// boilerplateHeads are lex.BoilerplateHeads; boilerplateFirst their first bytes.
var boilerplateHeads = sortedWords(lex.BoilerplateHeads)
var boilerplateFirst = byteSet(boilerplateHeads)

// asideParen reports whether the parenthesis opening at i lists examples (it holds
// a comma, a semicolon or an ellipsis before it closes), and where it closes.
func asideParen(s string, i int) (int, bool) {
	depth := 0
	limit := min(len(s), i+600)
	list := false
	for k := i; k < limit; k++ {
		switch s[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k, list
			}
		case ',', ';':
			list = true
		case '.':
			if k+2 < len(s) && s[k+1] == '.' && s[k+2] == '.' {
				list = true
			}
		case '\n':
			if k+1 < len(s) && s[k+1] == '\n' {
				return k, false
			}
		case 0xe2: // "…"
			if strings.HasPrefix(s[k:], "…") {
				list = true
			}
		}
	}
	return -1, false
}

// isActObjectLine reports whether a trimmed, folded line states what an act is
// about: "Objet : …", or the heading of an act ("Arrêté n° … portant …",
// "Délibération relative à …"), also as a line of a recueil's contents. Its words
// weigh like a heading's.
func isActObjectLine(line string) bool {
	if len(line) > 400 {
		return false
	}
	if strings.HasPrefix(line, "objet") {
		for _, p := range []string{"objet :", "objet:", "objet -", "objet –"} {
			if strings.HasPrefix(line, p) {
				return true
			}
		}
	}
	if strings.HasPrefix(line, "vu ") || strings.HasPrefix(line, "vu l'") {
		return false // a citation of another act
	}
	if !actHead(line[:min(len(line), 40)]) {
		return false
	}
	for _, p := range []string{" portant ", " relatif ", " relative ", " relatifs ", " relatives "} {
		if strings.Contains(line, p) {
			return true
		}
	}
	return false
}

// actHead reports whether the head of a line names an act: the first occurrence
// in head of "arrete", "deliberation" or "decision" starts it or follows a space.
// The places of their first bytes are found eight bytes at a time, in order, so
// that the first match of each keyword is the first occurrence strings.Index gives.
func actHead(head string) bool {
	var seen uint64 // keywords met (bit k for actHeads[k]): only their first occurrence counts
	for i := 0; i < len(head); i += 8 {
		var m uint64
		if len(actHeadBytes) == 2 { // the usual case, without a call more
			m = bytes2(head, i, actHeadBytes[0], actHeadBytes[1])
		} else {
			m = bytesInSlow(head, i, actHeadBytes)
		}
		for ; m != 0; m &= m - 1 {
			if p := i + bits.TrailingZeros64(m)>>3; actHeads4.may(head[p:]) && actKeyword(head, p, &seen) {
				return true
			}
		}
	}
	return false
}

// actHeads4 are the first four bytes of actHeads.
var actHeads4 = newHeads4(actHeads)

// actHeads are the words of lex.ActHeads, sorted; actHeadBytes their first bytes.
var actHeads, actHeadBytes = func() ([]string, []byte) {
	w := lex.ActHeads.Words()
	slices.Sort(w)
	if len(w) > 64 {
		panic("themes: more than 64 act heads") // actHead's bit mask; TestVocabFilters
	}
	return w, firstBytes(w)
}()

// actKeyword is actHead at p, a place of a first byte of actHeads (or, rarely, of
// another byte: see bytes2), seen the keywords met before.
func actKeyword(head string, p int, seen *uint64) bool {
	k := -1
	r := head[p:]
	for i, w := range actHeads {
		// The second byte first: most places of an 'a' or a 'd' start no keyword.
		if len(r) >= len(w) && (len(w) < 2 || r[1] == w[1]) && r[:len(w)] == w {
			k = i
			break
		}
	}
	if k < 0 || *seen&(1<<k) != 0 {
		return false
	}
	*seen |= 1 << k
	return p == 0 || head[p-1] == ' '
}

// isActBoilerplateLine reports whether a trimmed, folded line is a formality of an
// act: the budget imputation of its credits ("Les crédits sont inscrits au chapitre
// 65 du budget"), whose words say nothing of the act's subject.
func isActBoilerplateLine(line string) bool {
	if len(line) > 300 {
		return false
	}
	// "budget" or "chapitre" first: their 'b' and 'h' are rare, found by
	// IndexByte many bytes at a time, where the 'c' and 'd' of the nouns are not.
	if !containsAt(line, "budget", 0) && !containsAt(line, "chapitre", 1) || !hasCreditsOrDepense(line) {
		return false
	}
	verb := false
	for _, w := range []string{"impute", "imputee", "imputation", "inscrit", "prelev"} {
		if strings.Contains(line, w) {
			verb = true
			break
		}
	}
	return verb
}

// containsAt reports whether s contains w, looking for it at the places of its
// byte k, a rare one, which strings.IndexByte finds many bytes at a time.
func containsAt(s, w string, k int) bool {
	c := w[k]
	for i := k; i < len(s); {
		p := strings.IndexByte(s[i:], c)
		if p < 0 {
			return false
		}
		if i += p; strings.HasPrefix(s[i-k:], w) {
			return true
		}
		i++
	}
	return false
}

// isOperativeLine reports whether a trimmed, folded line opens the operative part
// of an act ("ARRÊTE", "DÉCIDE, à l'unanimité :", "DÉLIBÈRE"): one per act, so that
// a recueil of several acts is not judged by its whole length.
func isOperativeLine(line string) bool {
	if line == "" || !operativeFirst[line[0]] {
		return false // every form starts with one of these
	}
	n := len(line)
	for n > 0 && (line[n-1] == ' ' || line[n-1] == ':' || line[n-1] == '.' || line[n-1] == '*') {
		n-- // strings.TrimRight(line, " :.*")
	}
	line = line[:n]
	if lex.OperativeWords.Has(line) {
		return true
	}
	if len(line) > 40 {
		return false
	}
	for _, p := range operativePrefixes {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// operativePrefixes start an operative line that goes on ("DÉCIDE, à l'unanimité :").
var operativePrefixes = []string{"decide,", "arrete,", "delibere,", "decide a l'unanimite"}

// operativeFirst has the first bytes of lex.OperativeWords and operativePrefixes.
var operativeFirst = byteSet(append(lex.OperativeWords.Words(), operativePrefixes...))

// byteSet has the first bytes of words.
func byteSet(words []string) (t [256]bool) {
	for _, w := range words {
		if w != "" {
			t[w[0]] = true
		}
	}
	return t
}

// firstBytes returns the distinct first bytes of words.
func firstBytes(words []string) []byte {
	var out []byte
	for _, w := range words {
		if w != "" && !slices.Contains(out, w[0]) {
			out = append(out, w[0])
		}
	}
	return out
}

// isContactLine reports whether a trimmed, folded line gives a contact: an e-mail
// address or a telephone number ("Direction de l'aménagement – 03 22 97 37 37").
// The service it names is an address, not a subject. toks are the tokens of the
// folded text s (text.Lex) from the line's first; le is where the line ends.
func isContactLine(line, s string, toks []text.Token, le int) bool {
	if at := strings.IndexByte(line, '@'); at > 0 && strings.Contains(line[at:], ".") {
		return true
	}
	return hasPhone(s, toks, le)
}

// hasPhone reports whether the tokens toks of s before le hold five groups of two
// digits with only spaces and dots between them: a French telephone number. A
// number token is a whole run of digits, so that a group is a number token of two
// bytes, and the tokens tell the few places worth a look.
func hasPhone(s string, toks []text.Token, le int) bool {
	groups, end := 0, 0
	for k := 0; k < len(toks) && int(toks[k].S) < le; k++ {
		t := &toks[k]
		if t.Kind != text.Num {
			continue // what lies between two groups is checked below
		}
		if t.E-t.S != 2 {
			groups = 0
			continue
		}
		if groups > 0 && !spacesDots(s[end:t.S]) {
			groups = 0
		}
		if groups++; groups == 5 {
			return true
		}
		end = int(t.E)
	}
	return false
}

// spacesDots reports whether s is only spaces and dots.
func spacesDots(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '.' {
			return false
		}
	}
	return true
}

func themeDigit(c byte) bool { return '0' <= c && c <= '9' }

// load64 returns the 8 bytes of s from i, little-endian (one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// zeroByte8 has the high bit set of the first zero byte of y, and perhaps of some
// above it, where the borrow of the subtraction reaches; no bit when y has none.
func zeroByte8(y uint64) uint64 {
	const ones = 0x0101010101010101
	return (y - ones) &^ y & (0x80 * ones)
}

// bytes2 has the high bit set of the bytes a and b of s[i:i+8] (of s[i:] when
// shorter), and perhaps of a few others above them (see zeroByte8), which the
// caller checks.
func bytes2(s string, i int, a, b byte) uint64 {
	const ones = 0x0101010101010101
	if i+8 <= len(s) {
		x := load64(s, i)
		return zeroByte8(x^uint64(a)*ones) | zeroByte8(x^uint64(b)*ones)
	}
	var m uint64
	for k := i; k < len(s); k++ {
		if s[k] == a || s[k] == b {
			m |= 0x80 << (8 * (k - i))
		}
	}
	return m
}

// bytesInSlow is bytes2 for the bytes of set, any number of them.
func bytesInSlow(s string, i int, set []byte) uint64 {
	const ones = 0x0101010101010101
	var m uint64
	if i+8 <= len(s) {
		x := load64(s, i)
		for _, a := range set {
			m |= zeroByte8(x ^ uint64(a)*ones)
		}
		return m
	}
	for k := i; k < len(s); k++ {
		if slices.Contains(set, s[k]) {
			m |= 0x80 << (8 * (k - i))
		}
	}
	return m
}

// hasCreditsOrDepense reports whether s contains "credits" or "depense": it
// compares them only where a 'c' or a 'd' is, found eight bytes at a time. Short
// lines with a 'c' or a 'd' every few bytes cost strings.Contains more.
func hasCreditsOrDepense(s string) bool {
	for i := 0; i < len(s); i += 8 {
		for m := bytes2(s, i, 'c', 'd'); m != 0; m &= m - 1 {
			r := s[i+bits.TrailingZeros64(m)>>3:]
			if budgetNouns4.may(r) && (strings.HasPrefix(r, budgetNouns[0]) || strings.HasPrefix(r, budgetNouns[1])) {
				return true
			}
		}
	}
	return false
}

// budgetNouns are the words hasCreditsOrDepense looks for; budgetNouns4 their first
// four bytes.
var budgetNouns = [2]string{"credits", "depense"}
var budgetNouns4 = newHeads4(budgetNouns[:])

// heads4 holds the first four bytes of a few words, packed little-endian, to tell
// at once most places where none of them starts (a 'd' starts "de" far more often
// than "deliberation"). With a word of less than four bytes, it admits every place.
type heads4 struct {
	keys []uint32
	all  bool
}

func newHeads4(words []string) heads4 {
	var h heads4
	for _, w := range words {
		if len(w) < 4 {
			return heads4{all: true}
		}
		h.keys = append(h.keys, pack4(w))
	}
	return h
}

// may reports whether one of the words may start r: r has one of their first four
// bytes, or less than four bytes (then shorter than the words).
func (h *heads4) may(r string) bool {
	if h.all || len(r) < 4 {
		return true
	}
	x := pack4(r)
	for _, k := range h.keys {
		if x == k {
			return true
		}
	}
	return false
}

// pack4 packs the first four bytes of s, which has four or more, little-endian.
func pack4(s string) uint32 {
	s = s[:4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// sortedWords returns the words of s, sorted: a fixed order of trial.
func sortedWords(s *lex.Set) []string {
	w := s.Words()
	slices.Sort(w)
	return w
}
