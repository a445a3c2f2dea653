package genre

import (
	"strings"

	"terril/extract/names"
	"terril/extract/text"
)

// The words the genre counts over the whole text: reported speech, ages, visas,
// act lines, bylines, press furniture.

// genreTally is what genreToken counts over the text for Genre.
type genreTally struct {
	act    int  // act lines: "ARRÊTE :", "DÉCIDE" alone on their line (2 each)
	vu     int  // lines starting with "Vu" or "Considérant"
	speech int  // reported speech
	ages   int  // people given with their age
	press  int  // press-release furniture after the head
	publie bool // "publié" in the head
	byline bool // a byline near the top
	// A party's abbreviation in parentheses after a name ("Jean Martin (PS)"), as
	// newspapers label elected people.
	party int
	// A weekday right after a verb ("a confirmé mardi"), as newspapers date events.
	weekday int
}

// What a token says of the genre, for genreToken.
const (
	gwNone    = iota
	gwQuote   // a closing quotation mark: reported speech may follow
	gwT       // "t" of "a-t-il"
	gwPublie  // "publié" in the head
	gwPar     // "par" of a byline
	gwVisa    // "Vu", "Considérant" starting a line
	gwActLine // "ARRÊTE", "DÉCIDE" alone on its line
	gwPress   // "communiqué", "presse" after the head
	gwParen   // "(" of a party's abbreviation: "Jean Martin (PS)"
	gwWeekday // a weekday: "a confirmé mardi"
)

// genreWords are the tokens genreToken reads, folded (numbers of two or three
// digits, ages, aside).
var genreWords = map[string]uint8{
	"»": gwQuote, "\"": gwQuote, "t": gwT, "publie": gwPublie, "publiee": gwPublie, "par": gwPar,
	"vu": gwVisa, "considerant": gwVisa, "arrete": gwActLine, "arretent": gwActLine, "decide": gwActLine,
	"delibere": gwActLine, "deliberation": gwActLine, "arretons": gwActLine, "communique": gwPress,
	"presse": gwPress, "(": gwParen, "lundi": gwWeekday, "mardi": gwWeekday, "mercredi": gwWeekday,
	"jeudi": gwWeekday, "vendredi": gwWeekday, "samedi": gwWeekday, "dimanche": gwWeekday,
}

// notBareWeekday are the words before a weekday that make it a date or a habit ("ce
// lundi", "chaque mardi", "le jeudi 5 mai"), not a newspaper's bare day of the event.
var notBareWeekday = map[string]bool{
	"ce": true, "le": true, "du": true, "au": true, "chaque": true, "les": true, "tous": true, "un": true,
	"et": true, "ou": true, "de": true, "a": true, "des": true, "depuis": true,
	"jusqu": true, "partir": true, "par": true, "entre": true, "prochain": true, "dernier": true,
}

// partyAbbrevs are the abbreviations of political parties and labels newspapers
// put after an elected person's name, folded.
var partyAbbrevs = map[string]bool{
	"ps": true, "lr": true, "rn": true, "udi": true, "modem": true, "eelv": true, "pcf": true, "lfi": true,
	"dvd": true, "dvg": true, "ump": true, "lrem": true, "prg": true, "npa": true, "fn": true, "dlf": true,
	"ps-npes": true, "ecolo": true,
}

// genreWordMask has bit n of [c] set when a token genreToken looks at can start with
// byte c and have n bytes (n <= 15, the masks' width), genreWordLast when it can end with byte c: the
// words of genreWords, and numbers of two or three digits (ages).
var genreWordMask, genreWordLast = func() (m, l [256]uint16) {
	for w := range genreWords {
		m[w[0]] |= 1 << len(w)
		l[w[len(w)-1]] |= 1 << len(w)
	}
	for c := '0'; c <= '9'; c++ {
		m[c] |= 1<<2 | 1<<3
		l[c] |= 1<<2 | 1<<3
	}
	return m, l
}()

// maybeGenreWord reports whether token tk passes genreWordMask and genreWordLast.
func (x *scanner) maybeGenreWord(tk *text.Token) bool {
	n := uint32(tk.E - tk.S)
	return n <= 15 && genreWordMask[x.F[tk.S]]>>n&1 != 0 && genreWordLast[x.F[tk.E-1]]>>n&1 != 0
}

// genreHeadMask and genreHeadLast are genreWordMask and genreCues.mask together,
// genreWordLast and genreCues.last together: the head's filter by first byte and
// length, and by last byte and length.
var genreHeadMask, genreHeadLast = func() (m, l [256]uint64) {
	for c := range m {
		m[c] = genreCues.mask[c] | uint64(genreWordMask[c])
		l[c] = genreCues.last[c] | uint64(genreWordLast[c])
	}
	return m, l
}()

// markMask sets flag on the Tokens of the first bytes and lengths of mask, for the
// scans to skip the others on their flags alone.
func markMask[M uint16 | uint64](flag uint8, mask *[256]M) {
	for c, m := range mask {
		for n := 1; n < 64; n++ {
			if uint64(m)>>n&1 != 0 {
				text.Mark(flag, byte(c), n)
			}
		}
	}
}

func init() {
	markMask(text.FlagGenre, &genreHeadMask)
	markMask(text.FlagPublished, &publishedCueMask)
}

// genreToken counts in g what token i adds to the genre's evidence; headEnd ends
// the head.
func (x *scanner) genreToken(i, headEnd int, g *genreTally) {
	tk := x.Toks[i]
	if tk.Kind == text.Num {
		if x.ageAt(i) {
			g.ages++
		}
		return
	}
	w := x.Str(i)
	kind := genreWordTable.Value(w)
	switch kind {
	case gwNone:
		return
	case gwQuote:
		g.speech += x.speechAfter(i + 1)
		return
	case gwT:
		if x.IsPunct(i-1, "-") && x.IsPunct(i+1, "-") && (x.IsWord(i+2, "il") || x.IsWord(i+2, "elle")) {
			g.speech++ // "a-t-il indiqué", "explique-t-elle"
		}
		return
	case gwWeekday:
		// "a confirmé mardi son implantation", "signés lundi.": the day of the event
		// right after the verb, as newspapers write it.
		if p := i - 1; x.Kind(p) == text.Word && !x.Upper(p) && !notBareWeekday[x.Str(p)] && x.Kind(i+1) != text.Num &&
			len(x.Str(p)) >= 4 && !x.Upper(i) {
			g.weekday++
		}
		return
	case gwParen:
		if x.Kind(i+1) == text.Word && x.IsPunct(i+2, ")") && partyAbbrevs[x.Str(i+1)] && x.AllCaps(i+1) &&
			x.Kind(i-1) == text.Word && x.Upper(i-1) {
			g.party++
		}
		return
	}
	if i >= headEnd {
		// Press-release furniture also sits at the end ("Contact presse").
		if kind == gwPress {
			x.pressCue(i, &g.press)
		}
		return
	}
	switch kind {
	case gwPublie:
		g.publie = true
	case gwPar:
		if !g.byline && tk.S < headLen && x.bylineAt(i) {
			g.byline = true
		}
	}
	if !(i == 0 || tk.Gap >= text.GapLine) {
		return
	}
	switch kind {
	case gwVisa:
		g.vu++
	case gwActLine:
		if i+1 == len(x.Toks) || x.Toks[i+1].Gap >= text.GapLine || x.IsPunct(i+1, ":") {
			g.act += 2
		}
	}
}

// ageAt reports whether number i gives a person's age between commas or in
// parentheses, as newspapers write them: "Kévin, 23 ans, a fait la route", "le
// directeur, 52 ans," "Marie Dupont (41 ans)".
func (x *scanner) ageAt(i int) bool {
	if i < 1 || i+2 >= len(x.Toks) || x.Toks[i].Kind != text.Num || !x.IsWord(i+1, "ans") {
		return false
	}
	if a := x.Num(i); a < 12 || a > 110 || len(x.Str(i)) > 3 {
		return false
	}
	switch {
	case x.IsPunct(i-1, ",") && (x.IsPunct(i+2, ",") || x.IsPunct(i+2, ".") || x.IsPunct(i+2, ")")):
		return true
	case x.IsPunct(i-1, "(") && x.IsPunct(i+2, ")"):
		return true
	}
	return false
}

// closingName reports whether the last line of the text is a person's name alone,
// as a journalist signs an article: two or three capitalised words, the first a
// given name ("Thomas Grenier", "Anne-Sophie Leroy").
func (x *scanner) closingName() bool {
	end := len(x.Toks)
	start := end - 1
	for start > 0 && x.Toks[start].Gap < text.GapLine {
		start--
	}
	if start < 0 || end-start > 7 || start == 0 {
		return false
	}
	words := 0
	for k := start; k < end; k++ {
		switch {
		case x.Kind(k) == text.Word && x.Upper(k):
			words++
		case x.IsPunct(k, "-") && x.Glued(k) && x.Glued(k+1):
		default:
			return false
		}
	}
	if words < 2 || words > 4 {
		return false
	}
	return names.IsGiven(x.Str(start))
}

// pressCue counts "communiqué" and "contact(s) presse", "service de presse"… at
// token i.
func (x *scanner) pressCue(i int, n *int) {
	switch x.Str(i) {
	case "communique":
		*n++
	case "presse":
		p := x.PrevWord(i)
		if x.IsWord(p, "de") {
			p = x.PrevWord(p)
		}
		switch x.Str(p) {
		case "contact", "contacts", "relations", "service", "attache", "attachee", "dossier", "information", "invitation":
			*n++
		}
	}
}

// speechAfter reports (1 or 0) whether the tokens from i, right after a closing
// quotation mark, introduce reported speech: "», déclare", "» a indiqué", "», se
// félicite", "», s'inquiète".
func (x *scanner) speechAfter(i int) int {
	if x.IsPunct(i, ",") {
		i++
	}
	switch x.Str(i) {
	case "a", "ont", "se", "s":
		i++
		if x.IsPunct(i, "'") {
			i++
		}
	}
	if x.Kind(i) == text.Word && speechVerbTable.Value(x.Str(i)) {
		return 1
	}
	return 0
}

// bylineAt reports whether the "par" at token i, near the top, credits an author:
// "Par Mathilde Lefort", "Publié le 18 mars 2024 par Karim Ouali", "… – Par Éric
// Dufresne".
func (x *scanner) bylineAt(i int) bool {
	if i+2 >= len(x.Toks) || !x.IsWord(i, "par") {
		return false
	}
	lineStart := i == 0 || x.Toks[i].Gap >= text.GapLine
	afterMark := x.Kind(i-1) == text.Num || x.Kind(i-1) == text.Punct && strings.Contains("|–—-", x.Str(i-1))
	if !lineStart && !afterMark {
		return false
	}
	// Two or three capitalised words, then the end of the line or a separator.
	k := i + 1
	names := 0
	for k < len(x.Toks) && x.Toks[k].Gap < text.GapLine && x.Kind(k) == text.Word && x.Upper(k) {
		names++
		k++
		for x.IsPunct(k, "-") && x.Glued(k) && x.Kind(k+1) == text.Word {
			k += 2
		}
	}
	if names < 2 || names > 3 {
		return false
	}
	return k >= len(x.Toks) || x.Toks[k].Gap >= text.GapLine || x.Kind(k) == text.Punct && strings.Contains("|–—-,", x.Str(k))
}

// genreWordTable is genreWords for genreToken's lookups.
var genreWordTable = text.NewWordTable(genreWords)

// speechVerbTable is speechVerbs for speechAfter's lookups.
var speechVerbTable = text.NewWordTable(speechVerbs)
