package geo

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"terril/extract/lex"
	"terril/extract/text"
)

// fGlued marks a key with a connector glued to the next word, as PDF extraction leaves
// them ("Hauts-deFrance", "duNord"): it counts only where a capital marks the glue.
const fGlued = fTypeMetro << 1

// gluePrefixes are the connectors insertGlued glues to the next word.
var gluePrefixes = [...]string{"des", "de", "du", "les", "la", "le", "et"}

// gluedOK reports whether one of tokens [a, b) is a connector glued to a capitalised
// word: "deFrance", "duNord" — not "légers", "lécher" or "Deslandes".
func (d *doc) gluedOK(a, b int) bool {
	for k := a; k < b; k++ {
		w := d.word(k)
		for _, p := range gluePrefixes {
			if len(w) <= len(p) || !strings.HasPrefix(w, p) {
				continue
			}
			// The folded prefix is ASCII and maps byte for byte to the text.
			s, _ := d.t.Orig(int(d.toks[k].s)+len(p), int(d.toks[k].e))
			r, _ := utf8.DecodeRuneInString(d.t.S[s:])
			if unicode.IsUpper(r) {
				r0, _ := utf8.DecodeRuneInString(d.orig(k))
				if unicode.IsLower(r0) {
					return true
				}
			}
		}
	}
	return false
}

// saintName reports whether tokens [a, b) start with "Saint"/"Sainte" (also "St").
func (d *doc) saintName(a int) bool {
	switch d.word(a) {
	case "saint", "sainte", "st", "ste", "saints", "saintes":
		return true
	}
	return false
}

// dedication reports whether the saint's name at token a is a building's dedication or
// a feast: after a dedication word ("église Saint-Martin", "collège Sainte-Marie",
// "fête de la Saint-Jean"), or after "la" before a male saint ("la Saint-Martin",
// the feast day).
func (d *doc) dedication(a int) bool {
	if a == 0 || !d.saintName(a) || d.toks[a].gap&(gapHard|gapPara) != 0 {
		return false
	}
	k := a - 1
	if w := d.word(k); w == "la" && (d.word(a) == "saint" || d.word(a) == "st") {
		return true // a feast: "la Saint-Martin"
	}
	for k >= 0 && d.connector(k) && blank(d.toks[k+1].gap) {
		k--
	}
	return k >= 0 && blank(d.toks[k+1].gap) && lex.GeoDedications.Has(d.word(k))
}

// overseasOK applies the stronger evidence an overseas collectivité named after a
// saint needs (Saint-Martin, Saint-Barthélemy are also churches, feasts, streets and
// communes): its code in parentheses, or "collectivité", "île", "territoire",
// "outre-mer"… just before.
func (d *doc) overseasOK(a, b int, code string) bool {
	if len(code) != 3 || code < "975" || !d.saintName(a) {
		return true
	}
	if d.codeAfter(b) == code {
		return true
	}
	for k := a - 1; k >= 0 && k >= a-4; k-- {
		if lex.GeoOverseas.Has(d.word(k)) {
			return true
		}
		if !blank(d.toks[k+1].gap) {
			break
		}
	}
	return false
}

// hyphenStart returns the first token of the hyphenated compound that ends with token
// a ("ROUSSEL-CALAIS" for "CALAIS"), and hyphenEnd the token after the compound that
// starts at token b-1.
func (d *doc) hyphenStart(a int) int {
	for a > 0 && d.toks[a].gap == gapJoined && d.t.Folded[d.toks[a].s-1] == '-' {
		a--
	}
	return a
}

func (d *doc) hyphenEnd(b int) int {
	for b < len(d.toks) && d.toks[b].gap == gapJoined && d.t.Folded[d.toks[b].s-1] == '-' {
		b++
	}
	return b
}

// personInCapitals reports whether the name over tokens [a, b), with the hyphenated
// compound around it, is a surname in capitals as minutes write them: followed by a
// given name ("ROUSSEL-CALAIS Maud", "SAINT-MAXENT Arnaud"), or after a civility
// ("Mme SAINT-MAXENT").
func (d *doc) personInCapitals(a, b int) bool {
	ca, cb := d.hyphenStart(a), d.hyphenEnd(b)
	if !d.upper(ca, cb) || cb-ca == 1 && len(d.word(ca)) < 3 {
		return false
	}
	if cb < len(d.toks) && d.toks[cb].gap&^gapSpace == 0 && d.toks[cb].gap&gapLine == 0 &&
		d.capital(cb) && d.given(cb) {
		return true
	}
	if ca > 0 && d.toks[ca].gap&(gapComma|gapHard|gapLine) == 0 && lex.GeoCivilities.Has(d.word(ca-1)) && d.capital(ca-1) {
		return true
	}
	return false
}

// coreWord returns the name's first word after its article, for tokens [a, b).
func (d *doc) coreWord(a, b int) string {
	for a < b-1 && d.article(a) {
		a++
	}
	return d.word(a)
}

// headNoun reports whether a common-noun name over [a, b) is followed by "de"/"du"/
// "des"/"d'" and a capitalised word: "la Ville de Bailleul", "le Port de Calais" — the
// noun heads a name, it is not one.
func (d *doc) headNoun(a, b int) bool {
	if b+1 >= len(d.toks) || !soft(d.toks[b].gap) || !soft(d.toks[b+1].gap) {
		return false
	}
	switch d.word(b) {
	case "de", "d", "du", "des":
	default:
		return false
	}
	return d.capital(b + 1)
}

// locativeDepuis reports whether "depuis" before the name at [a, b) is locative
// ("depuis Rue, …", "depuis Lens"), not temporal ("depuis Mars 2020").
func (d *doc) locativeDepuis(a, b int) bool {
	if isMonth(d.coreWord(a, b)) {
		return false
	}
	return b >= len(d.toks) || !isDigits(d.word(b)) || !soft(d.toks[b].gap)
}

// joinHyphenated joins a name cut by a PDF's line-break hyphenation that Normalize
// keeps ("Té-⏎teghem" → "Té-teghem", because the first part is capitalised): a
// capitalised word, a hyphen, a lower-case word, whose two parts glued are one word of
// the gazetteer ("teteghem"). Compounds whose second part is a word on its own
// ("Centres-villes") glue to nothing the gazetteer knows and stay apart.
func (d *doc) joinHyphenated() {
	toks := d.toks
	// Nothing moves before the first join, which follows a hyphen: the hyphens are
	// found in the text, the token after each by its offset.
	k := len(toks)
	for f, i := d.t.Folded, 0; len(toks) > 1 && i < len(f); i++ {
		h := strings.IndexByte(f[i:], '-')
		if h < 0 {
			break
		}
		i += h
		at := sort.Search(len(toks), func(k int) bool { return toks[k].s > int32(i) })
		if at > 0 && at < len(toks) && toks[at].s == int32(i+1) && toks[at].gap == gapJoined &&
			d.join(&toks[at-1], toks[at]) {
			k = at
			break
		}
	}
	if k >= len(toks) {
		return
	}
	out := k
	for k++; k < len(toks); k++ {
		tk := toks[k]
		if tk.gap == gapJoined && d.join(&toks[out-1], tk) {
			continue
		}
		toks[out] = tk
		out++
	}
	d.toks = toks[:out]
}

// join extends p over tk, the token after it across a hyphen, when the two make one
// word as joinHyphenated says, and reports whether it did.
func (d *doc) join(p *token, tk token) bool {
	// "Val-d'Oise": a one-letter second part is an elided article, no word's end.
	if d.t.Folded[tk.s-1] != '-' || p.e != tk.s-1 || tk.e-tk.s < 2 {
		return false
	}
	// The first runes of the two parts in the original text (Text.Orig's starts).
	off := d.t.Offsets()
	r, _ := utf8.DecodeRuneInString(d.t.S[off[tk.s]:])
	r0, _ := utf8.DecodeRuneInString(d.t.S[off[p.s]:])
	if !unicode.IsLower(r) || !unicode.IsUpper(r0) {
		return false
	}
	// The two parts glued in a buffer on the stack: the map lookup of string(b)
	// allocates nothing.
	var buf [64]byte
	b := append(append(buf[:0], d.t.Folded[p.s:p.e]...), d.t.Folded[tk.s:tk.e]...)
	id, ok := d.g.m.dict[string(b)]
	if !ok {
		return false
	}
	p.e, p.id = tk.e, id
	return true
}

// listDep returns the département of the nearest unambiguous commune in the same list
// as sel[x] ("FLAUX⏎FOISSAC⏎FONS": the Foissac of the Gard), or "".
func (d *doc) listDep(sel []interp, listed []bool, x int) string {
	// listed[k] tells whether sel[k] and sel[k+1] are communes in one list; the chain
	// from x goes on to each side until a link is missing.
	left, right := true, true
	for step := 1; step <= 5; step++ {
		if y := x - step; y >= 0 && left {
			left = listed[y]
			if left && len(sel[y].cands) == 1 {
				return d.g.communes[sel[y].cands[0]].Departement
			}
		}
		if y := x + step; y < len(sel) && right {
			right = listed[y-1]
			if right && len(sel[y].cands) == 1 {
				return d.g.communes[sel[y].cands[0]].Departement
			}
		}
	}
	return ""
}

// postalAfter returns a postal code written in parentheses right after token b-1:
// "SAINT-ANTONIN (83510)".
func (d *doc) postalAfter(b int) string {
	if b <= 0 || b >= len(d.toks) || d.toks[b].gap&gapParen == 0 {
		return ""
	}
	w := d.word(b)
	if len(w) != 5 || !isDigits(w) || b+1 < len(d.toks) && d.t.Folded[d.toks[b].e] != ')' {
		return ""
	}
	return w
}

// postalNamesake resolves a name followed by a postal code that none of its candidates
// has to the one commune with that code whose name starts with it ("SAINT-ANTONIN
// (83510)" is Saint-Antonin-du-Var).
func (d *doc) postalNamesake(in *interp) {
	// Only a code in parentheses after the name ("NOM (83510)"), which is rare: a
	// postal code before a name is an address, and the scan below is costly.
	if in.postal == "" || d.postalAfter(int(in.b)) != in.postal {
		return
	}
	for _, ci := range in.cands {
		if slices.Contains(d.g.communes[ci].PostalCodes, in.postal) {
			return
		}
	}
	written := nameKey(d.origSpan(int(in.a), int(in.b)))
	found := int32(-1)
	for i := range d.g.communes {
		c := &d.g.communes[i]
		if !slices.Contains(c.PostalCodes, in.postal) {
			continue
		}
		if strings.HasPrefix(d.g.nameKeys[i], written) {
			if found >= 0 {
				return
			}
			found = int32(i)
		}
	}
	if found >= 0 {
		in.cands = []int32{found}
	}
}

// nameKey returns a name folded, its words joined by single spaces, with a space at
// the end: the form depNamesake and postalNamesake compare prefixes of.
func nameKey(s string) string {
	return text.Fold(strings.Join(strings.FieldsFunc(s, notWord), " ")) + " "
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// origSpan returns the text of tokens [a, b).
func (d *doc) origSpan(a, b int) string {
	s, e := d.t.Orig(int(d.toks[a].s), int(d.toks[b-1].e))
	return d.t.S[s:e]
}

// vetoed applies the rules that reject a commune reading whatever the document names,
// once its commune c is chosen: a compound word, a longer proper noun, a common noun
// heading a name, a name written without its accents. starts marks the first tokens of
// commune readings.
func (d *doc) vetoed(in *interp, c *Commune, level int8, starts []bool) bool {
	toks := d.toks
	a, b := int(in.a), int(in.b)
	// "Centres-villes": a compound word. "Wallers-Arenberg": a place in the commune;
	// "Hem-Croix": two communes.
	if b < len(toks) && toks[b].gap&gapJoined != 0 && toks[b].gap&(gapSpace|gapHard) == 0 &&
		(!d.capital(b) || level > 0 && !starts[b]) {
		return true
	}
	// "la Salle Europe", "Marck Industries": a word-like name that opens a longer
	// proper noun.
	if level > 0 && b < len(toks) && toks[b].gap&^gapSpace == 0 && d.capital(b) &&
		!starts[b] && !d.connector(b) && !d.upper(b, b+1) {
		return true
	}
	// "la Ville de Bailleul", "le Port de Calais": a common noun heading a name.
	if level == 2 && d.headNoun(a, b) {
		return true
	}
	// "Maire" is not Mairé: a written name without an accent the commune has.
	if level > 0 && !d.upper(a, b) && d.accentsDiffer(a, b, c.Name) {
		return true
	}
	return !in.strong && d.river(in)
}

// river reports whether the commune name read by in names a river or the zone named
// after one: a name without an article of its own right after an article ("l'Argens",
// "bassin versant de la Saône", "la vallée du Doubs"; but "le bassin de Lens", "la
// vallée de Munster" name the town), right after "vallée(s)", "rivière", "fleuve"…
// ("vallées Doubs Ognon Loue"), before "amont" or "aval" ("Saône amont"), or a word
// the text also writes after "sur" in a commune's name ("Puget-sur-Argens" makes
// "Argens" the river, when no commune of the Var is named Argens).
func (d *doc) river(in *interp) bool {
	toks := d.toks
	a, b := int(in.a), int(in.b)
	if in.art {
		return false
	}
	// On the same line, and not the start of a name ("Amage⏎Amont-et-Effreney").
	if b < len(toks) && soft(toks[b].gap) && toks[b].gap&(gapJoined|gapLine) == 0 &&
		(b+1 >= len(toks) || toks[b+1].gap&gapJoined == 0) {
		if w := d.word(b); w == "amont" || w == "aval" {
			return true
		}
	}
	if b-a == 1 {
		for _, r := range d.rivers {
			if r.id == toks[a].id && !slices.ContainsFunc(in.cands, func(ci int32) bool { return d.g.communes[ci].Departement == r.dep }) {
				return true
			}
		}
	}
	// A lower-case word on the same line: not "RIVIERES⏎ROBIAC" in a column, nor an
	// OCR's stray "L".
	if a == 0 || !blank(toks[a].gap) || toks[a].gap&gapLine != 0 || d.capital(a-1) && !lex.GeoRiverHeads.Has(d.word(a-1)) {
		return false
	}
	switch w := d.word(a - 1); w {
	case "la", "l", "le", "les", "du", "des":
		return true // "l'Argens", "bassin versant de la Saône", "la vallée du Doubs"
	default:
		return lex.GeoRiverHeads.Has(w) // "vallées Doubs Ognon Loue"
	}
}

// A riverWord is a word written after "sur" in the name of a commune of département
// dep: a river there, unless a commune of dep has that name ("Fons-sur-Lussan" and
// Lussan, both in the Gard).
type riverWord struct {
	id  int32
	dep string
}

// riversOf collects in d.rivers the words after "sur" (and its article) in the names
// of the communes sel reads: "Montfort-sur-Argens", "L'Isle-sur-le-Doubs".
func (d *doc) riversOf(sel []interp) {
	d.rivers = d.rivers[:0]
	for x := range sel {
		in := &sel[x] // in place: a reading is too large to copy at each step
		if in.kind != kCommune || in.b-in.a < 3 {
			continue
		}
		for k := int(in.a) + 1; k+1 < int(in.b); k++ {
			if d.word(k) != "sur" {
				continue
			}
			r := k + 1
			if d.article(r) && r+1 < int(in.b) {
				r++
			}
			if r+1 == int(in.b) {
				d.rivers = append(d.rivers, riverWord{d.toks[r].id, d.g.communes[in.cands[0]].Departement})
			}
		}
	}
}

// mixedCase reports whether a word has a capital after its first letter and a
// lower-case letter: "RIs", "ZACs", "BIx" — codes and acronyms' plurals.
func mixedCase(w string) bool {
	upper, lower := false, false
	for i, r := range w {
		if r < utf8.RuneSelf {
			upper = upper || i > 0 && 'A' <= r && r <= 'Z'
			lower = lower || 'a' <= r && r <= 'z'
		} else {
			upper = upper || i > 0 && unicode.IsUpper(r)
			lower = lower || unicode.IsLower(r)
		}
	}
	return upper && lower
}

// depNamesake returns the one commune of département dep whose name starts with the
// words in read ("PIERREFEU" in a list of the Var's communes is Pierrefeu-du-Var,
// "MONTFORT /ARGENS" Montfort-sur-Argens), when none of in's candidates is in dep; -1
// when there is none or more than one.
func (d *doc) depNamesake(in *interp, dep string) int32 {
	g := d.g
	for _, ci := range in.cands {
		if g.communes[ci].Departement == dep {
			return -1
		}
	}
	// The folded words of the name, as nameKey writes them: "la seyne " for "La
	// Seyne" and for "SEYNE (LA)".
	a, b := int(in.a), int(in.b)
	var art string
	if in.pre {
		a--
	} else if in.foreign {
		art = d.word(b) + " "
	}
	var sb strings.Builder
	sb.WriteString(art)
	for k := a; k < b; k++ {
		sb.WriteString(d.word(k))
		sb.WriteByte(' ')
	}
	written := sb.String()
	// The département's names in order: the ones that start with written follow one
	// another.
	idx := g.byDepName[dep]
	k := sort.Search(len(idx), func(j int) bool { return g.nameKeys[idx[j]] >= written })
	if k == len(idx) || !strings.HasPrefix(g.nameKeys[idx[k]], written) ||
		k+1 < len(idx) && strings.HasPrefix(g.nameKeys[idx[k+1]], written) {
		return -1
	}
	return idx[k]
}

// closedArticle returns the offset in the folded text after the closing parenthesis
// when token k is an article alone in parentheses right after the word before it, on
// the same line — "SEYNE-SUR-MER (LA)", "ISLE-D'ABEAU (L')", as lists of communes
// write them — and 0 otherwise.
func (d *doc) closedArticle(k int) int {
	toks := d.toks
	if k == 0 || k >= len(toks) || toks[k].gap&gapParen == 0 || toks[k].gap&^(gapSpace|gapHard|gapParen) != 0 {
		return 0
	}
	if !d.article(k) {
		return 0
	}
	w := d.word(k)
	f := d.t.Folded
	// Before: only spaces around the opening parenthesis.
	i, prev := int(toks[k].s)-1, int(toks[k-1].e)
	for i > prev && f[i] == ' ' {
		i--
	}
	if i < prev || f[i] != '(' {
		return 0
	}
	for i--; i >= prev && f[i] == ' '; i-- {
	}
	if i >= prev {
		return 0
	}
	// After: the apostrophe of "l'", then the closing parenthesis.
	j := int(toks[k].e)
	if w == "l" {
		if j >= len(f) || f[j] != '\'' {
			return 0
		}
		j++
	}
	for j < len(f) && f[j] == ' ' {
		j++
	}
	if j >= len(f) || f[j] != ')' {
		return 0
	}
	return j + 1
}

// gapAt returns the gap before token k, without the closing parenthesis of an article
// in parentheses that ends the name before it ("CRAU (LA)⏎CUERS": one line break),
// when only spaces, line breaks and a comma follow it.
func (d *doc) gapAt(k int) uint16 {
	g := d.toks[k].gap
	if k == 0 || g&gapHard == 0 || d.toks[k-1].gap&gapParen == 0 {
		return g
	}
	end := d.closedArticle(k - 1)
	if end == 0 {
		return g
	}
	commas := 0
	for _, c := range []byte(d.t.Folded[end:d.toks[k].s]) {
		switch c {
		case ' ', '\t', '\n':
		case ',':
			commas++
		default:
			return g
		}
	}
	if commas > 1 {
		return g
	}
	return g &^ gapHard
}

// codeLists calls add with the codes of each parenthesis that holds only two or more
// département codes of one région, separated by commas and "et": "les territoires
// ruraux de Grande Couronne (77, 78, 91 et 95)". Numbers of one région in a row are
// rarely anything else; "(12, 15 et 18)" spans three régions.
func (d *doc) codeLists(add func(string)) {
	f := d.t.Folded
	for i := strings.IndexByte(f, '('); i >= 0; {
		if i+1 < len(f) && (f[i+1] >= '0' && f[i+1] <= '9' || f[i+1] == ' ') {
			if j := strings.IndexByte(f[i+1:min(len(f), i+50)], ')'); j > 0 {
				d.codeList(f[i+1:i+1+j], add)
			}
		}
		k := strings.IndexByte(f[i+1:], '(')
		if k < 0 {
			return
		}
		i += 1 + k
	}
}

// codeList reads one parenthesis's content for codeLists.
func (d *doc) codeList(s string, add func(string)) {
	var codes [8]string
	n := 0
	region := ""
	for s != "" {
		part := s
		if i := strings.IndexByte(s, ','); i >= 0 {
			part, s = s[:i], s[i+1:]
		} else if i := strings.Index(s, " et "); i >= 0 {
			part, s = s[:i], s[i+4:]
		} else {
			s = ""
		}
		part = strings.TrimSpace(part)
		if i := strings.Index(part, " et "); i >= 0 { // "78 et 91" before a comma
			s = part[i+4:] + "," + s
			part = part[:i]
		}
		if len(part) < 2 || len(part) > 3 {
			return // "(2019)", "(1)": no code
		}
		dep, ok := d.g.byDep[strings.ToUpper(part)]
		if !ok || n == len(codes) || region != "" && d.g.deps[dep].Region != region {
			return
		}
		region = d.g.deps[dep].Region
		codes[n] = d.g.deps[dep].Code
		n++
	}
	if n < 2 {
		return
	}
	for _, c := range codes[:n] {
		add(c)
	}
}

// cutAtEnd drops the name that ends a text cut off mid-phrase, as excerpts are, in
// its next word, when a longer name of its kind goes on with a word ("(CC FERCHER
// PA"). A text that ends in punctuation is not cut (Normalize drops the spaces and
// line breaks at the end).
func (d *doc) cutAtEnd(sel []interp) {
	toks := d.toks
	n := len(toks)
	if !d.endsCut() || len(sel) == 0 {
		return
	}
	in := &sel[len(sel)-1]
	if int(in.b) != n-1 || toks[n-1].gap != gapSpace {
		return
	}
	node, kinds := in.node, uint16(1<<kCommune)
	if in.kind != kCommune {
		ids := make([]int32, 0, in.b-in.a)
		for _, tk := range toks[in.a:in.b] {
			ids = append(ids, tk.id)
		}
		node, kinds = d.g.m.walk(ids), 1<<kEPCI|1<<kEPCICore
		if in.kind == kDep || in.kind == kRegion {
			kinds = 1 << in.kind
		}
	}
	// A longer name of the same kind: "Luc-sur-Aude" after Luc, not "Lille Métropole"
	// after Lille.
	if node > 0 && d.g.m.longer[node]&kinds != 0 {
		in.kind = kBlock
	}
}

// endsCut reports whether the text ends without punctuation, as an excerpt cut off.
func (d *doc) endsCut() bool {
	n := len(d.toks)
	return n > 0 && strings.TrimSpace(d.t.Folded[d.toks[n-1].e:]) == ""
}

// cutCommuneAtEnd drops the commune name that ends a cut text within its line when a
// longer commune of a département in the context starts with it: "la commune de Luc"
// in a text about the Aude may be Luc-sur-Aude or Luc-sur-Orbieu; "à Niort" with no
// such context is Niort. A line of its own is a list's last row and is left alone.
func (d *doc) cutCommuneAtEnd(sel []interp, ctx *matchContext) {
	toks := d.toks
	n := len(toks)
	if !d.endsCut() || len(sel) == 0 {
		return
	}
	in := &sel[len(sel)-1]
	if in.kind != kCommune || int(in.b) != n || in.a == 0 || toks[in.a].gap&(gapLine|gapPara) != 0 ||
		d.g.m.longer[in.node]&(1<<kCommune) == 0 {
		return
	}
	var sb strings.Builder
	for k := in.a; k < in.b; k++ {
		sb.WriteString(d.word(int(k)))
		sb.WriteByte(' ')
	}
	written := sb.String()
	g := d.g
	for i, dep := range g.deps {
		if !ctx.dep[g.depCodes[i].dep] {
			continue
		}
		idx := g.byDepName[dep.Code]
		k := sort.Search(len(idx), func(j int) bool { return g.nameKeys[idx[j]] >= written })
		for ; k < len(idx) && strings.HasPrefix(g.nameKeys[idx[k]], written); k++ {
			if len(g.nameKeys[idx[k]]) > len(written) {
				in.kind = kBlock
				return
			}
		}
	}
}
