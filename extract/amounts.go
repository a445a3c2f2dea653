package extract

import (
	"math"
	"slices"

	"terril/corpus"
	"terril/extract/lex"
	"terril/extract/text"
)

// multipliers written as words or abbreviations after a number. cur is true when
// the abbreviation carries the currency itself ("MEUR").
var multipliers = map[string]struct {
	mult   float64
	needs  bool // an abbreviation that is money only with a currency after it
	hasCur bool
}{
	"mille":     {1e3, false, false},
	"million":   {1e6, false, false},
	"millions":  {1e6, false, false},
	"milliard":  {1e9, false, false},
	"milliards": {1e9, false, false},
	"k":         {1e3, true, false},
	"m":         {1e6, true, false},
	"md":        {1e9, true, false},
	"mds":       {1e9, true, false},
	"mrd":       {1e9, true, false},
	"mrds":      {1e9, true, false},
	"keur":      {1e3, false, true},
	"meur":      {1e6, false, true},
	"mdeur":     {1e9, false, true},
	"mdseur":    {1e9, false, true},
	"mrdeur":    {1e9, false, true},
}

// multiplierFirst has the first bytes of the multipliers (derived): suffix looks the
// other words up in no map.
var multiplierFirst = func() (t [256]bool) {
	for w := range multipliers {
		t[w[0]] = true
	}
	return t
}()

// currencyForms are the ways the euro is written after a number, as folded tokens
// ("d ' euros" is "d'euros"). A form that ends with a word is not glued to a letter or
// a digit after it, nor hyphenated to a word ("euros2", "euro-compatible").
var currencyForms = [][]string{
	{"€"}, {"euros"}, {"euro"}, {"eur"},
	{"d", "'", "euros"}, {"d", "'", "euro"}, {"d", "'", "€"},
	{"de", "euros"},
	{"de", "€"},
}

// currencyBefore are the euro currencies written before their number ("€ 6
// millions", "EUR 1000", "€1000").
var currencyBefore = map[string]bool{"€": true, "eur": true}

// foreignCurrencies are other currencies, after or before a number: an amount in
// one is never reported as euros, even when a euro amount is near it.
var foreignCurrencies = map[string]bool{
	"$": true, "£": true, "¥": true, "dollar": true, "dollars": true, "usd": true, "livre": true,
	"livres": true, "sterling": true, "gbp": true, "yen": true, "yens": true, "yuan": true,
	"yuans": true, "franc": true, "francs": true, "chf": true, "cad": true, "aud": true,
	"roupie": true, "roupies": true, "pence": true, "mark": true, "marks": true,
}

// currencyFirst has currencyForms by the first byte of their first token (derived):
// currency tries only those.
var currencyFirst = func() (t [256][][]string) {
	for _, f := range currencyForms {
		t[f[0][0]] = append(t[f[0][0]], f)
	}
	return t
}()

// approxFirst and currencyBeforeFirst have the first bytes of approxNouns and
// currencyBefore (derived): most words need no map lookup.
var approxFirst, currencyBeforeFirst = func() (a, c [256]bool) {
	for w := range approxNouns {
		a[w[0]] = true
	}
	for w := range currencyBefore {
		c[w[0]] = true
	}
	return a, c
}()

// moneyNouns may follow an amount whose currency is implicit ("200 millions de
// prêts"); any other noun after "de" makes it a quantity ("1,2 million d'habitants").
var moneyNouns = map[string]bool{
	"prets": true, "pret": true, "subventions": true, "subvention": true, "credits": true,
	"credit": true, "investissements": true, "investissement": true, "financements": true,
	"financement": true, "dotations": true, "dotation": true, "aides": true, "aide": true,
	"depenses": true, "recettes": true, "fonds": true, "travaux": true, "budget": true,
	"euros": true, "avances": true, "participations": true, "participation": true,
	"engagements": true, "autorisations": true, "commandes": true,
	"chiffre": true, "capitaux": true, "economies": true, "reste": true,
}

// funderNouns after "de la", "de l'", "du", "des" name who pays ("9,2 millions de
// l'Anah", "2,8 millions de l'agglomération"): the amount is money, not a quantity.
var funderNouns = map[string]bool{
	"etat": true, "region": true, "departement": true, "commune": true, "communes": true,
	"ville": true, "villes": true, "agglomeration": true, "agglo": true, "communaute": true,
	"metropole": true, "intercommunalite": true, "europe": true, "union": true, "caisse": true,
	"banque": true, "agence": true, "syndicat": true, "collectivite": true, "collectivites": true,
	"partenaires": true, "ministere": true, "prefecture": true, "bailleur": true, "bailleurs": true,
	"operateur": true, "feder": true, "anru": true, "anah": true, "ademe": true, "cdc": true,
	"bpi": true, "bpifrance": true, "conseil": true, "fonds": true, "pays": true, "territoire": true,
}

// approxNouns are the approximate numbers written as nouns after "un"/"une" ("une
// vingtaine d'euros" = 20 €, "une centaine de milliers d'euros" = 100 000 €).
var approxNouns = map[string]float64{
	"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
	"quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}

// approxMultipliers follow "une centaine de", "une dizaine de".
var approxMultipliers = map[string]float64{"milliers": 1e3, "millions": 1e6, "milliards": 1e9}

// countNouns after a bare number make it a count, not an implicit amount.
var countNouns = map[string]bool{
	"habitants": true, "personnes": true, "logements": true, "emplois": true, "tonnes": true,
	"visiteurs": true, "voyageurs": true, "passagers": true, "metres": true, "km": true,
	"ha": true, "hectares": true, "entreprises": true, "jeunes": true, "eleves": true,
	"salaries": true, "agents": true, "communes": true, "places": true, "lits": true,
	"projets": true, "dossiers": true, "m": true, "kwh": true, "mwh": true, "gwh": true,
	"litres": true, "heures": true, "jours": true, "ans": true, "mois": true, "menages": true,
	"foyers": true, "prises": true, "locaux": true, "beneficiaires": true, "demandeurs": true,
	"postes": true, "arbres": true, "vehicules": true, "bus": true, "trains": true,
}

type amountScanner struct {
	tokens
	out []amt
}

type amt struct {
	i, j      int // tokens of the amount itself
	value     float64
	implicit  bool
	coord     bool // an implicit candidate that a later euro amount may coordinate
	qualifier string
	approx    string
}

// number is a parsed number: its tokens [i, j), value, and how it was written.
type number struct {
	i, j    int
	value   float64
	intLen  int  // digits before the decimal separator
	grouped bool // thousands groups
	decimal bool
	words   bool // written in words ("deux millions", "quinze euros")
}

// Amounts returns the sums of money of t (see the AMOUNTS section of the package
// documentation), one per distinct text and value, in text order.
func Amounts(t *Text) []corpus.Amount {
	return amountsOf(newTokens(t))
}

func amountsOf(tk tokens) []corpus.Amount {
	x := amountScanner{tokens: tk, out: make([]amt, 0, 8+len(tk.Toks)/400)}
	for i := x.skip(0); i < len(x.Toks); i = x.skip(i) {
		if tk := x.Toks[i]; tk.Kind == tokWord {
			if !text.NumGuard.May(x.F[tk.S:tk.E]) {
				i++ // fNumWord is of the first byte and length only
				continue
			}
			if n := x.approxNumber(i); n > 0 {
				i += n
				continue
			}
			if !x.numberMayGoOn(i) || !text.IsNumberWord(x.Str(i)) {
				i++
				continue
			}
		}
		n := x.at(i)
		if n <= 0 {
			n = 1
		}
		i += n
	}
	x.implicits()
	return x.result()
}

// skip returns the first token from i on that may start an amount: a number, or a
// word whose first byte and length may be a number word or a scale word (fNumWord:
// "une vingtaine", "deux millions").
func (x *amountScanner) skip(i int) int {
	toks := x.Toks
	for i < len(toks) && toks[i].Flags&(fNum|fNumWord) == 0 {
		i++
	}
	return i
}

// parseNumber reads a number at token i: digit groups separated by spaces or dots,
// a decimal comma (or point before other than three digits).
func (x *amountScanner) parseNumber(i int, second bool) (number, bool) {
	if x.Kind(i) != tokNum {
		if x.Kind(i) == tokWord {
			if v, end, _ := x.WordNumber(i); end > i {
				return number{i: i, j: end, value: v, intLen: 1, words: true}, true
			}
		}
		return number{}, false
	}
	if x.Glued(i) && (x.Alnum(i-1) || x.IsPunct(i-1, ",") || x.IsPunct(i-1, ".") || x.IsPunct(i-1, "/") || x.IsPunct(i-1, "-") && !second) {
		return number{}, false
	}
	if x.NumeroBefore(i) {
		return number{}, false
	}
	if x.Kind(i-1) == tokNum && x.Toks[i].Gap == gapSpace && len(x.Str(i)) == 3 && (len(x.Str(i-1)) <= 3 || x.NumeroBefore(i-1)) {
		return number{}, false // a digit group of a number not read as one ("n°2019 000")
	}
	n := number{i: i}
	first := x.Str(i)
	if len(first) == 3 && first[0] == '0' {
		return number{}, false // a thousands group cut from its number ("30\n000 euros")
	}
	digits := make([]byte, 0, 24)
	digits = append(digits, first...)
	j := i + 1
	spaced := false
	if len(first) <= 3 {
		// Thousands groups: "78 500", "1 234 567", "78.500".
		sep := ""
		for {
			switch {
			case (sep == "" || sep == " ") && j < len(x.Toks) && x.Toks[j].Gap == gapSpace && x.Kind(j) == tokNum && len(x.Str(j)) == 3 &&
				!(x.Glued(j+1) && x.IsPunct(j+1, ".") && x.Glued(j+2) && x.Kind(j+2) == tokNum && len(x.Str(j+2)) == 3):
				sep = " "
				digits = append(digits, x.Str(j)...)
				j++
				continue
			case (sep == "" || sep == ".") && x.Glued(j) && x.IsPunct(j, ".") && x.Glued(j+1) && x.Kind(j+1) == tokNum && len(x.Str(j+1)) == 3 &&
				!(x.Glued(j+2) && x.Kind(j+2) == tokNum):
				sep = "."
				digits = append(digits, x.Str(j+1)...)
				j += 2
				continue
			case (sep == "" || sep == "'") && x.Glued(j) && x.IsPunct(j, "'") && x.Glued(j+1) && x.Kind(j+1) == tokNum && len(x.Str(j+1)) == 3:
				// "1'697 €", "20’000 €".
				sep = "'"
				digits = append(digits, x.Str(j+1)...)
				j += 2
				continue
			case (sep == "" || sep == " ") && j < len(x.Toks) && x.Toks[j].Gap == gapLine && x.Kind(j) == tokNum && len(x.Str(j)) == 3 && x.Str(j)[0] == '0':
				// A group starting with 0 on the next line belongs to this number.
				sep = " "
				digits = append(digits, x.Str(j)...)
				j++
				continue
			}
			break
		}
		n.grouped, spaced = sep != "", sep == " "
	}
	n.intLen = len(digits)
	dec := 0
	// A point after space groups, before one or two digits, is a decimal point ("480
	// 813.60 €"): groups written with spaces are not also written with points.
	pointOK := !n.grouped || spaced && len(x.Str(j+1)) <= 2
	if x.Glued(j) && (x.IsPunct(j, ",") || x.IsPunct(j, ".") && pointOK) && x.Glued(j+1) && x.Kind(j+1) == tokNum &&
		(x.IsPunct(j, ",") || len(x.Str(j+1)) != 3) {
		d := x.Str(j + 1)
		digits = append(digits, d...)
		dec = len(d)
		n.decimal = true
		j += 2
	}
	if len(digits) > 18 {
		return number{}, false
	}
	var v int64
	for _, c := range digits {
		v = v*10 + int64(c-'0')
	}
	n.value = float64(v) / math.Pow10(dec)
	n.j = j
	return n, true
}

// numberMayGoOn reports whether the token after word i may continue a number in
// words into an amount: another number word, a joiner, a currency or a multiplier
// (by their flags and first bytes: most words after "un" or "des" are none).
func (x *amountScanner) numberMayGoOn(i int) bool {
	k := i + 1
	if k >= len(x.Toks) || x.Toks[k].Gap > gapLine {
		return false
	}
	tk := x.Toks[k]
	c := x.F[tk.S]
	return tk.Flags&fNumWord != 0 || c == '-' || currencyFirst[c] != nil || multiplierFirst[c] || x.IsWord(k, "et")
}

// suffix reads what follows a number: a multiplier and a currency, possibly across a
// line break ("10\nmillions d'euros"). It returns the multiplier (1 when none),
// whether a currency was found, and the index after the amount.
func (x *amountScanner) suffix(j int) (mult float64, cur bool, end int, multEnd int) {
	mult, end, multEnd = 1, j, j
	// Words whose first byte starts no multiplier need no map lookup.
	if j < len(x.Toks) && x.Toks[j].Gap <= gapLine && x.Kind(j) == tokWord && multiplierFirst[x.F[x.Toks[j].S]] {
		if m, ok := multipliers[x.Str(j)]; ok {
			if m.hasCur {
				return m.mult, true, j + 1, j + 1
			}
			if c, ok := x.currency(j + 1); ok {
				return m.mult, true, c, j + 1
			}
			if m.needs {
				return 1, false, j, j
			}
			return m.mult, false, j + 1, j + 1
		}
	}
	if c, ok := x.currency(j); ok {
		return 1, true, c, j
	}
	return 1, false, j, j
}

// currency reads a euro currency (currencyForms) at token k and returns the index
// after it.
func (x *amountScanner) currency(k int) (int, bool) {
	if k >= len(x.Toks) || x.Toks[k].Gap > gapLine {
		return k, false
	}
forms:
	for _, f := range currencyFirst[x.F[x.Toks[k].S]] {
		for n, w := range f {
			if x.Str(k+n) != w {
				continue forms
			}
		}
		end := k + len(f)
		if x.Kind(end-1) == tokWord && x.Glued(end) && (x.Alnum(end) || x.IsPunct(end, "-") && x.Glued(end+1) && x.Alnum(end+1)) {
			continue // "euros2", "euro-compatible"
		}
		return end, true
	}
	return k, false
}

// qualifier reads "HT", "TTC", "H.T.", "hors taxes", "toutes taxes comprises".
func (x *amountScanner) qualifier(k int) string {
	if k >= len(x.Toks) || x.Toks[k].Gap > gapLine {
		return ""
	}
	switch x.Str(k) {
	case "ht":
		return "HT"
	case "ttc":
		return "TTC"
	case "h":
		if x.IsPunct(k+1, ".") && x.IsWord(k+2, "t") {
			return "HT"
		}
	case "t":
		if x.IsPunct(k+1, ".") && x.IsWord(k+2, "t") && x.IsPunct(k+3, ".") && x.IsWord(k+4, "c") {
			return "TTC"
		}
	case "hors":
		if w := x.Str(k + 1); w == "taxes" || w == "taxe" {
			return "HT"
		}
	case "toutes":
		if x.IsWord(k+1, "taxes") && x.IsWord(k+2, "comprises") {
			return "TTC"
		}
	}
	return ""
}

// approx returns the approximator written before token i ("près de", "plus de",
// "environ", "jusqu'à"…) as written in Text.S, or "".
func (x *amountScanner) approx(i int) string {
	k := i - 1
	if k < 0 || x.Toks[i].Gap > gapLine {
		return ""
	}
	from := -1
	switch x.Str(k) {
	case "environ", "quelque", "presque", "quasiment", "approximativement", "pratiquement", "~", "≈":
		from = k
	case "de":
		from = x.approxHead(k - 1)
	case "'":
		if x.IsWord(k-1, "d") {
			from = x.approxHead(k - 2)
		}
	case "a":
		if x.IsPunct(k-1, "'") && x.IsWord(k-2, "jusqu") {
			from = k - 2
		}
	case "moins":
		if x.IsWord(k-1, "au") {
			from = k - 1
		}
	}
	if from < 0 {
		return ""
	}
	s, e := x.Span(from, i)
	return x.T.S[s:e]
}

func (x *amountScanner) approxHead(k int) int {
	switch x.Str(k) {
	case "pres", "plus", "moins", "autour", "dela", "maximum", "minimum":
		if x.Str(k) == "dela" && x.IsPunct(k-1, "-") && x.IsWord(k-2, "au") {
			return k - 2
		}
		if x.Str(k) == "plus" && x.IsWord(k-1, "peu") && x.IsWord(k-2, "un") {
			return k - 2
		}
		return k
	case "ordre":
		// "de l'ordre de"
		if x.IsPunct(k-1, "'") && x.IsWord(k-2, "l") && x.IsWord(k-3, "de") {
			return k - 3
		}
		return k
	}
	return -1
}

// approxNumber reads "une vingtaine d'euros", "un millier d'euros", "une dizaine de
// millions d'euros" at token i and returns the tokens consumed (0: none). The value is
// the noun's ("vingtaine" = 20), and the noun fills Approx. Without a currency, "une
// dizaine de millions" is a candidate for an implicit currency; "une vingtaine" alone
// is not an amount.
func (x *amountScanner) approxNumber(i int) int {
	if w := x.Str(i); w != "un" && w != "une" || i+1 >= len(x.Toks) || !approxFirst[x.F[x.Toks[i+1].S]] {
		return 0
	}
	v, ok := approxNouns[x.Str(i+1)]
	if !ok || x.Toks[i+1].Gap > gapLine {
		return 0
	}
	k, mult := i+2, 1.0
	if x.IsWord(k, "de") {
		if m, ok := approxMultipliers[x.Str(k+1)]; ok && x.Toks[k+1].Gap <= gapLine {
			k, mult = k+2, m
		}
	}
	s, e := x.Span(i, i+2)
	if end, ok := x.currency(k); ok {
		x.out = append(x.out, amt{i: i, j: end, value: v * mult, approx: x.T.S[s:e], qualifier: x.qualifier(end)})
		return end - i
	}
	if mult >= 1e6 {
		x.out = append(x.out, amt{i: i, j: k, value: v * mult, implicit: true, coord: true, approx: x.T.S[s:e]})
		return k - i
	}
	return 0
}

// at tries an amount (or a range of two) at token i and returns the tokens consumed.
func (x *amountScanner) at(i int) int {
	a, ok := x.parseNumber(i, false)
	if !ok {
		return 0
	}
	if n := x.halfAmount(i, a); n > 0 {
		return n
	}
	mult, cur, end, multEnd := x.suffix(a.j)
	if a.words && !cur && a.value < 1e6 {
		return a.j - i // without a currency, only millions and more are candidates
	}
	if cur {
		if c, e := x.centsAfter(end); e > end {
			a.value, a.decimal, mult, end = a.value*mult+c, true, 1, e
		}
		x.emit(a, mult, end, false)
		return end - i
	}
	if x.currencyBeforeAt(i) && (mult > 1 || !text.IsYear(int(a.value), a.intLen) || a.decimal || a.grouped) {
		// "€ 6 millions", "EUR 1000"; not a year after a column's unit ("en € 2019").
		a.i = i - 1
		x.emit(a, mult, multEnd, false)
		return multEnd - i
	}
	// A range whose currency is written once: "7 à 8 millions d'euros", "entre 2 et 3 M€".
	if k, ok := x.rangeSep(i, multEnd); ok {
		if b, ok := x.parseNumber(k, true); ok && x.Kind(k) == tokNum {
			bm, bcur, bend, _ := x.suffix(b.j)
			if bcur {
				am := mult
				if am == 1 && bm > 1 && a.value < 1000 && !a.grouped {
					am = bm
				}
				x.emit(a, am, multEnd, false)
				x.emit(b, bm, bend, false)
				return bend - i
			}
		}
	}
	if mult > 1 || a.words {
		// A candidate for an implicit currency; decided once every explicit amount is known.
		x.out = append(x.out, amt{i: i, j: multEnd, value: a.value * mult, implicit: true, coord: true, approx: x.approx(i)})
		return multEnd - i
	}
	if a.value >= 1000 && (a.grouped || a.intLen > 4) {
		switch x.Str(x.PrevWord(i)) {
		case "dont", "soit", "contre":
			if x.PrevWord(i) == i-1 {
				x.out = append(x.out, amt{i: i, j: a.j, value: a.value, implicit: true})
				return a.j - i
			}
		}
		if a.grouped && !a.decimal && (x.IsPunct(a.j, ",") || x.IsWord(a.j, "et")) {
			// An item of a list whose currency may come at its end ("la Région 700 000 et
			// la commune 450 000 euros").
			x.out = append(x.out, amt{i: i, j: a.j, value: a.value, implicit: true, coord: true})
		}
	}
	return a.j - i
}

// halfAmount reads "2 millions et demi d'euros" (the half of the multiplier adds up)
// for the number a at token i, explicit or as an implicit candidate, and returns the
// tokens consumed (0: none).
func (x *amountScanner) halfAmount(i int, a number) int {
	if a.words || x.Kind(a.j) != tokWord || !x.HalfAfter(a.j+1) {
		return 0
	}
	m, ok := multipliers[x.Str(a.j)]
	if !ok || m.needs || m.hasCur {
		return 0
	}
	a.value, a.decimal = a.value+0.5, true
	if c, ok := x.currency(a.j + 3); ok {
		x.emit(a, m.mult, c, false)
		return c - i
	}
	x.out = append(x.out, amt{i: i, j: a.j + 3, value: a.value * m.mult, implicit: true, coord: true, approx: x.approx(i)})
	return a.j + 3 - i
}

// currencyBeforeAt reports whether the number at token i follows a euro currency
// (currencyBefore) that is not the currency of a number before it ("1 000 € 2 000
// visiteurs").
func (x *amountScanner) currencyBeforeAt(i int) bool {
	k := i - 1
	return k >= 0 && x.Toks[i].Gap <= gapSpace && currencyBeforeFirst[x.F[x.Toks[k].S]] && currencyBefore[x.Str(k)] && x.Kind(k-1) != tokNum &&
		!(x.Kind(k) == tokWord && x.Glued(k) && x.Alnum(k-1))
}

// centsAfter reads the cents after a euro amount ending at token k ("et quarante-cinq
// centimes", "et 15 cents") and returns them in euros and the index after them.
func (x *amountScanner) centsAfter(k int) (float64, int) {
	if !x.IsWord(k, "et") || k+1 >= len(x.Toks) {
		return 0, k
	}
	var v float64
	j := k + 2
	switch x.Kind(k + 1) {
	case tokNum:
		if len(x.Str(k+1)) > 2 {
			return 0, k
		}
		v = float64(x.Num(k + 1))
	case tokWord:
		if v, j, _ = x.WordNumber(k + 1); j == k+1 {
			return 0, k
		}
		if w := x.Str(j - 1); (w == "cent" || w == "cents") && j-1 > k+1 {
			return v / 100 / 100, j // "quarante-cinq cents": the last word is the unit
		}
	default:
		return 0, k
	}
	switch x.Str(j) {
	case "centimes", "centime", "cents":
		if v < 100 {
			return v / 100, j + 1
		}
	}
	return 0, k
}

func (x *amountScanner) rangeSep(i, k int) (int, bool) {
	if k >= len(x.Toks) || x.Toks[k].Gap > gapLine {
		return k, false
	}
	switch x.Str(k) {
	case "a", "-", "–", "ou":
		return k + 1, true
	case "et":
		if x.IsWord(i-1, "entre") {
			return k + 1, true
		}
	}
	return k, false
}

func (x *amountScanner) emit(n number, mult float64, end int, implicit bool) {
	v := n.value * mult
	if n.decimal {
		v = math.Round(v*100) / 100
	}
	a := amt{i: n.i, j: end, value: v, implicit: implicit, approx: x.approx(n.i)}
	a.qualifier = x.qualifier(end)
	x.out = append(x.out, a)
}

// implicits keeps the candidates whose currency is implicit by coordination with a
// euro amount, and drops the others. The euro amount is earlier in the same sentence
// ("10 M€, dont 4 millions …"); or later in the same sentence, coordinated with it by
// a comma or "et" (a list of funders whose last item carries the currency: "l'État
// apporte 2,1 millions, la Région 1,6 million et le Département 850 000 €"); or in the
// sentence before, in the same paragraph, when the candidate's own sentence says who
// pays ("Le coût est de 4,2 M€. La Région apporte 1,5 million."). Candidates written
// with a multiplier ("4 millions"), or grouped and followed by a comma or "et" (an item
// of a list), may take a later or earlier-sentence euro amount; a grouped number after
// "dont"/"soit"/"contre" only an earlier one in its sentence.
func (x *amountScanner) implicits() {
	kept := x.out[:0]
	lastExplicit := -1 // token index of the end of the last explicit amount
	for n, a := range x.out {
		if !a.implicit {
			lastExplicit = a.j
			kept = append(kept, a)
			continue
		}
		if x.quantityAfter(a.j) || a.i > 0 && foreignCurrencies[x.Str(a.i-1)] {
			continue // a count, a quantity, or another currency ("$ 75 millions")
		}
		switch {
		case lastExplicit >= 0 && x.sameSentence(lastExplicit, a.i):
		case a.coord && x.nextExplicitCoordinated(n):
		case a.coord && lastExplicit >= 0 && x.previousSentence(lastExplicit, a.i) && x.fundingVerb(a.i):
		case a.coord && lastExplicit >= 0 && a.value >= 1e6 && moneyBefore[x.Str(x.PrevWord(a.i))] && x.moneyAfter(a.j):
			// "Avec 200 millions dans la corbeille", "un contrat à 2,5 milliards",
			// after "100 milliards d'euros" anywhere before: a text that counts in
			// euros. Not after a verb ("la ville compte 1,1 million").
		default:
			continue
		}
		kept = append(kept, a)
	}
	x.out = kept
}

// moneyBefore are the prepositions that introduce a sum in a text that counts in
// euros ("avec 200 millions", "un contrat à 2,5 milliards"). Not "de", "sur", "par":
// "une population de 12 millions", "sur 3 millions de foyers".
var moneyBefore = map[string]bool{"avec": true, "a": true, "pour": true, "contre": true, "environ": true}

// moneyAfter reports whether token k, after a number with a multiplier, leaves it
// money in a text that counts in euros: a preposition, a verb, a punctuation mark,
// a money noun — not a noun ("12 millions de visiteurs" is caught before as a
// quantity; "12 millions visiteurs" here).
func (x *amountScanner) moneyAfter(k int) bool {
	if k >= len(x.Toks) || x.Kind(k) != tokWord {
		return true
	}
	w := x.Str(k)
	if countNouns[w] || foreignCurrencies[w] {
		return false
	}
	return !(len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x') && !lex.FunctionWords.Has(w) && !moneyNouns[w])
}

// nextExplicitCoordinated reports whether the next explicit amount after candidate n
// is in the same sentence and joined to it by a comma or "et".
func (x *amountScanner) nextExplicitCoordinated(n int) bool {
	a := x.out[n]
	for _, b := range x.out[n+1:] {
		if b.implicit {
			continue
		}
		if !x.sameSentence(a.j, b.i) {
			return false
		}
		for k := a.j; k < b.i; k++ {
			if x.IsPunct(k, ",") || x.IsWord(k, "et") {
				return true
			}
		}
		return false
	}
	return false
}

// previousSentence reports whether token to is in the sentence right after the one
// that holds token from, in the same paragraph, within 80 tokens.
func (x *amountScanner) previousSentence(from, to int) bool {
	if to-from > 80 || to >= len(x.Toks) {
		return false
	}
	ends := 0
	for k := from; k < to; k++ {
		if k > from && x.Toks[k].Gap == gapPara {
			return false
		}
		if x.Kind(k) == tokPunct {
			switch x.Str(k) {
			case ".", "!", "?", ";":
				if !(x.Glued(k+1) && x.Kind(k+1) == tokNum) {
					ends++
				}
			}
		}
	}
	return ends == 1 && x.Toks[to].Gap != gapPara
}

// fundingVerb reports whether the sentence holding token i says, before it, that
// someone pays: "apporte", "finance", "verse", "contribue", "alloue"…
func (x *amountScanner) fundingVerb(i int) bool {
	for k := i - 1; k >= 0 && k >= i-20; k-- {
		if x.Kind(k) == tokPunct {
			switch x.Str(k) {
			case ".", "!", "?", ";":
				return false
			}
			continue
		}
		if len(x.Str(k)) < 5 {
			continue
		}
		switch x.Str(k) {
		case "apporte", "apportent", "finance", "financent", "verse", "versent", "contribue", "contribuent",
			"participe", "participent", "alloue", "allouent", "accorde", "accordent", "investit", "investissent",
			"mobilise", "mobilisent", "consacre", "consacrent", "subventionne", "octroie", "attribue",
			"attribuent", "engage", "engagent", "prend", "complete", "completent":
			return true
		}
	}
	return false
}

// sameSentence reports whether tokens [from, to) hold no sentence end or paragraph
// break and span at most 60 tokens.
func (x *amountScanner) sameSentence(from, to int) bool {
	if to-from > 60 {
		return false
	}
	for k := from; k < to && k < len(x.Toks); k++ {
		if k > from && x.Toks[k].Gap == gapPara {
			return false
		}
		if x.Kind(k) == tokPunct {
			switch x.Str(k) {
			case ".", "!", "?", ";":
				if !(x.Glued(k+1) && x.Kind(k+1) == tokNum) {
					return false
				}
			}
		}
	}
	return to < len(x.Toks) && x.Toks[to].Gap != gapPara
}

// quantityAfter reports whether token k makes the number before it a quantity of
// something other than money ("d'habitants", "de tonnes", "logements", "%").
func (x *amountScanner) quantityAfter(k int) bool {
	if k >= len(x.Toks) {
		return false
	}
	w := x.Str(k)
	switch {
	case foreignCurrencies[w]:
		return true
	case x.Kind(k) == tokPunct:
		return w == "%" || w == "²" || w == "°"
	case w == "de" || w == "des":
		return foreignCurrencies[x.Str(k+1)] || !moneyNouns[x.Str(k+1)] && !x.funder(k+1)
	case w == "d" && x.IsPunct(k+1, "'"):
		return !moneyNouns[x.Str(k+2)] && !x.funder(k+2)
	case w == "du":
		return false
	case w == "pour" && x.IsWord(k+1, "cent"):
		return true
	}
	return countNouns[w]
}

// funder reports whether the words at token k, after "de", name who pays: an
// article and an institution ("l'Anah", "la Région", "l'agglomération"), or a
// capitalised name that is not a plural demonym ("Douaisis Agglo", not "Lillois").
func (x *amountScanner) funder(k int) bool {
	switch x.Str(k) {
	case "la", "le", "les":
		k++
	case "l":
		if !x.IsPunct(k+1, "'") {
			return false
		}
		k += 2
	default:
		w := x.Str(k)
		return funderNouns[w] || x.Upper(k) && w != "" && w[len(w)-1] != 's' && w[len(w)-1] != 'x'
	}
	return x.Kind(k) == tokWord && (funderNouns[x.Str(k)] || x.Upper(k))
}

func (x *amountScanner) result() []corpus.Amount {
	if len(x.out) == 0 {
		return nil
	}
	res := make([]corpus.Amount, 0, len(x.out))
	type key struct {
		text string
		v    float64
	}
	var seen text.SeenSet[key]
	for _, a := range x.out {
		s, e := x.Span(a.i, a.j)
		text := x.T.S[s:e]
		if !seen.Add(key{text, a.value}) {
			continue
		}
		res = append(res, corpus.Amount{
			Text: text, Value: a.value, Currency: "EUR", Implicit: a.implicit,
			Qualifier: a.qualifier, Approx: a.approx, Span: corpus.Span{Start: s, End: e},
		})
	}
	slices.SortStableFunc(res, func(a, b corpus.Amount) int { return a.Start - b.Start })
	return res
}
