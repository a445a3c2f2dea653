package extract

// French numbers written in words, shared by the amount scanner ("vingt-cinq millions
// d'euros") and the date scanner (a day written out: "le vingt-huit septembre"). The
// tables are the only source: the lexer's flag fNumWord and numGuard are derived from
// them.

// numberWords are the French number words and their value. Units and tens add up,
// joined by a hyphen, a space or "et" ("vingt-deux", "trente et un", "dix sept");
// "cent" multiplies what comes before it ("deux cents"); "quatre-vingt(s)" is 80.
var numberWords = map[string]float64{
	"zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
	"sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
	"quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
	"quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
	"octante": 80, "nonante": 90, "cent": 100, "cents": 100,
}

// wordScales are the scale words that end a group of number words and multiply it
// ("deux millions", "trois cent mille").
var wordScales = map[string]float64{
	"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9,
	"mille": 1e3, "mil": 1e3,
}

// numberJoiners join two number words ("vingt-cinq", "vingt et un").
var numberJoiners = map[string]bool{"-": true, "et": true}

// numberEntry is a word of numberWords or wordScales.
type numberEntry struct {
	value float64
	scale bool
}

// numberLexicon merges numberWords and wordScales for one lookup (derived).
var numberLexicon = func() map[string]numberEntry {
	m := make(map[string]numberEntry, len(numberWords)+len(wordScales))
	for w, v := range numberWords {
		m[w] = numberEntry{v, false}
	}
	for w, v := range wordScales {
		m[w] = numberEntry{v, true}
	}
	return m
}()

// numGuard admits every word of numberLexicon (the lexer's fNumWord comes from its
// lengths).
var numGuard = func() (g wordGuard) {
	for w := range numberLexicon {
		g.add(w)
	}
	return g
}()

// lookupNumber returns the entry of a number word or a scale word.
func lookupNumber(w string) (numberEntry, bool) {
	if !numGuard.may(w) {
		return numberEntry{}, false
	}
	e, ok := numberLexicon[w]
	return e, ok
}

// wordGuard is a necessary condition for a word to be in a table, derived from the
// table: its length (15 for longer), its second byte and its third byte, each for its
// first byte. It spares the map lookup for most other words; a word added to the table is
// admitted by construction.
type wordGuard struct {
	lens   [256]uint16
	second [256]uint32 // by first byte: bit b-'a' for a second byte b in a-z, 30 for none, 31 another
	third  [256]uint32 // by first byte: the same for the third byte
}

// byteBit is the bit of w[k] in wordGuard's masks.
func byteBit(w string, k int) uint32 {
	switch {
	case len(w) <= k:
		return 1 << 30
	case w[k] >= 'a' && w[k] <= 'z':
		return 1 << (w[k] - 'a')
	}
	return 1 << 31
}

func secondBit(w string) uint32 { return byteBit(w, 1) }

func (g *wordGuard) add(w string) {
	g.lens[w[0]] |= 1 << min(len(w), 15)
	g.second[w[0]] |= byteBit(w, 1)
	g.third[w[0]] |= byteBit(w, 2)
}

// may reports whether w may be in the table.
func (g *wordGuard) may(w string) bool {
	return w != "" && g.lens[w[0]]&(1<<min(len(w), 15)) != 0 && g.second[w[0]]&byteBit(w, 1) != 0 &&
		g.third[w[0]]&byteBit(w, 2) != 0
}

// wordNumber reads a number written in words at token i ("vingt-cinq millions",
// "trois cent mille", "un milliard deux cents millions") and returns its value, the
// index after it and whether it holds a scale word. It stops at the first token that
// is neither a number word, a scale word nor a joiner between two of them.
func (x *tokens) wordNumber(i int) (v float64, end int, scaled bool) {
	total, cur, last := 0.0, 0.0, -1.0
	j := i
	for j < len(x.toks) && x.toks[j].kind == tokWord && (j == i || x.toks[j].gap <= gapSpace) {
		e, ok := lookupNumber(x.str(j))
		if !ok {
			break
		}
		if n := e.value; !e.scale {
			switch {
			case n == 100:
				cur = max(cur, 1) * 100
			case n == 20 && last == 4:
				cur += 80 - 4 // "quatre-vingt"
			default:
				cur += n
			}
			last = n
		} else {
			total += max(cur, 1) * n
			cur, last, scaled = 0, -1, true
			if x.halfAfter(j + 1) {
				total += n / 2 // "un million et demi"
				end = j + 3
				break
			}
		}
		end = j + 1
		j = x.joined(end)
	}
	if end == 0 {
		return 0, i, false
	}
	return total + cur, end, scaled
}

// joined returns the token after a joiner at k ("-" glued on both sides, or "et")
// when a number word or a scale word follows it, else k.
func (x *tokens) joined(k int) int {
	if k >= len(x.toks) || !numberJoiners[x.str(k)] {
		return k
	}
	if x.kind(k) == tokPunct && (!x.glued(k) || !x.glued(k+1)) {
		return k
	}
	if _, ok := lookupNumber(x.str(k + 1)); ok {
		return k + 1
	}
	return k
}
