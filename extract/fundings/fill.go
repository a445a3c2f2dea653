package fundings

import (
	"slices"
	"sort"
	"strings"

	"terril/corpus"
)

// fill writes the funding of a.
func (r *reader) fill(a *amt) {
	m := r.mention(a.funder)
	f := corpus.Funding{
		Amount: a.a.Value, AmountText: a.a.Text, Implicit: a.a.Implicit,
		Funder:    r.names[a.funder],
		Cofunders: r.cofunders(a.funder),
	}
	f.Evidence.Amount = a.a.Span
	f.Evidence.Clause = r.span(a.seg[0], a.seg[1])
	fs := r.span(m.i, m.j)
	f.Evidence.Funder = &fs
	if a.high >= 0 {
		h := r.amts[a.high].a
		f.AmountMax = h.Value
		f.AmountText = r.in.Text[min(a.a.Start, h.Start):max(a.a.End, h.End)]
		f.Evidence.Amount = corpus.Span{Start: min(a.a.Start, h.Start), End: max(a.a.End, h.End)}
	}
	f.Instrument = r.instrument(a, m, &f)
	r.beneficiaries(a, &f)
	f.Purpose = r.purpose(a, &f)
	f.Date = r.date(a)
	f.Themes = r.themes(a)
	a.fund = f
	a.score = 0
	if a.funder >= 0 && r.ms[a.funder].i >= r.lay.sents[a.sent][0] && r.ms[a.funder].j <= r.lay.sents[a.sent][1] {
		a.score += 2
	}
	if len(f.Beneficiaries) > 0 {
		a.score++
	}
	if f.Instrument != corpus.InstrumentAutre {
		a.score++
	}
}

func (r *reader) span(i, j int) corpus.Span {
	if i >= j {
		return corpus.Span{}
	}
	return corpus.Span{Start: int(r.toks[i].start), End: int(r.toks[j-1].end)}
}

// fullNames gives each body its full name where the text gives one and only one
// ("la Région" → "Région Hauts-de-France"), an acronym its long name ("Anru" →
// "Agence nationale pour la rénovation urbaine"); and the names folded.
func (r *reader) fullNames() (names, folded []string) {
	// A document names a few groups and kinds: small tables (lent), not maps.
	long := r.bufs.long[:0]     // group → longest name
	byKind := r.bufs.byKind[:0] // kind → its one full name, "" when several
	defer func() { r.bufs.long, r.bufs.byKind = long[:0], byKind[:0] }()
	for _, o := range r.ms {
		if o.group != "" {
			i := index(&long, o.group)
			if len(o.name) > len(long[i].v) {
				long[i].v = o.name
			}
		}
		if o.full && !o.state {
			seen := lookup(byKind, o.kind) >= 0
			i := index(&byKind, o.kind)
			switch n := byKind[i].v; {
			case !seen:
				byKind[i].v = o.name
			case n != "" && !strings.EqualFold(n, o.name):
				byKind[i].v = ""
			case n != "" && strings.ToUpper(n) == n:
				byKind[i].v = o.name // the name in normal case rather than in capitals
			}
		}
	}
	n := len(r.ms)
	names, folded = slices.Grow(r.bufs.names[:0], n)[:n], slices.Grow(r.bufs.folded[:0], n)[:n]
	r.foldDone = slices.Grow(r.bufs.foldDone[:0], n)[:n]
	clear(folded)
	clear(r.foldDone)
	for k, m := range r.ms {
		kindName := ""
		if i := lookup(byKind, m.kind); i >= 0 {
			kindName = byKind[i].v
		}
		switch {
		case m.group != "":
			names[k] = long[lookup(long, m.group)].v
		case m.full || m.state || kindName == "":
			names[k] = m.name
		default:
			names[k] = kindName
		}
	}
	return names, folded
}

// A pair is an entry of a small table of strings.
type pair struct{ k, v string }

// lookup returns the index of key k in t, or -1.
func lookup(t []pair, k string) int {
	for i := range t {
		if t[i].k == k {
			return i
		}
	}
	return -1
}

// index returns the index of key k in *t, adding it (with value "") if absent.
func index(t *[]pair, k string) int {
	if i := lookup(*t, k); i >= 0 {
		return i
	}
	*t = append(*t, pair{k: k})
	return len(*t) - 1
}

// cofunders are the bodies coordinated with the funder: "par la Région et la
// Banque des Territoires".
func (r *reader) cofunders(k int) []string {
	var out []string
	for q := k; q+1 < len(r.ms); q++ {
		m, n := r.ms[q], r.mention(q+1)
		gap := n.i - m.j
		if gap < 1 || gap > 3 || r.toks[m.j].w != "et" && r.toks[m.j].w != "," {
			break
		}
		if n.role == roleBenef {
			break
		}
		out = append(out, r.names[q+1])
	}
	return out
}

// instrument: a State allocation in a text that names one is a dotation; else the
// word of the clause nearest the amount; else a specific word of the paragraph
// before it, of the heading above it, or of the title; else autre.
func (r *reader) instrument(a *amt, m mention, f *corpus.Funding) string {
	lo, hi := max(a.seg[0], a.i-8), min(a.seg[1], a.j+6)
	bestD, kind, at := 1<<30, "", -1
	for k := lo; k < hi; k++ {
		if k >= a.i && k < a.j || !instrumentM.admitsKey(r.toks[k].key) {
			continue // inside the amount, or no instrument word starts here
		}
		idx, n := instrumentM.at(r.toks, k)
		if idx < 0 {
			continue
		}
		d := a.i - k
		if k >= a.j {
			d = k - a.j + 1
		}
		if d < bestD {
			bestD, kind, at = d, instrumentWords[idx].kind, k
		}
		k += n - 1
	}
	if at >= 0 {
		s := r.span(at, at+1)
		f.Evidence.Instrument = &s
	}
	if m.kind == kindState && (kind == corpus.InstrumentDotation || r.isDotationDoc()) {
		return corpus.InstrumentDotation
	}
	if kind == corpus.InstrumentDotation {
		kind = ""
	}
	if at >= 0 {
		if kind == "" || specificIn(r.toks, lo, hi) == "" {
			return corpus.InstrumentAutre
		}
		return kind
	}
	if k := r.carriedInstrument(a); k != "" {
		return k
	}
	return corpus.InstrumentAutre
}

// carriedInstrument is the specific instrument of the paragraph before a, of the
// heading line above that paragraph, or of the title.
func (r *reader) carriedInstrument(a *amt) string {
	p := r.lay.paraOf[a.i]
	from := r.lay.paras[p][0]
	// Not the word of another amount of the sentence ("un prêt de 35 M€ et … 1,4 M€").
	for _, b := range r.amts {
		if b != a && b.sent == a.sent && b.j <= a.i {
			from = max(from, b.j)
		}
	}
	if k := specificIn(r.toks, from, a.i); k != "" {
		return k
	}
	if from > r.lay.paras[p][0] {
		if k := specificIn(r.toks, r.lay.paras[p][0], r.lay.sents[a.sent][0]); k != "" {
			return k
		}
	}
	if r.lay.bullet[p] {
		// An item of a list: the sentence that opens the list ("D'attribuer une
		// subvention … selon la répartition suivante :").
		for q := p - 1; q >= 0 && q >= p-12; q-- {
			if !r.lay.bullet[q] {
				if k := specificIn(r.toks, r.lay.paras[q][0], r.lay.paras[q][1]); k != "" {
					return k
				}
				break
			}
		}
	}
	if p > 0 {
		h := r.lay.paras[p-1]
		if h[1]-h[0] <= 20 && !isSentenceEnd(r.toks[h[1]-1].w) {
			if k := specificIn(r.toks, h[0], h[1]); k != "" {
				return k
			}
		}
	}
	return r.titleInstrument()
}

// beneficiaries: the communes of the clause, a body it gives to, a counted set of
// operations, else the one commune of the document.
func (r *reader) beneficiaries(a *amt, f *corpus.Funding) {
	lo, hi := a.seg[0], a.seg[1]
	seen := map[string]bool{}
	from, to := int(r.toks[lo].start), int(r.toks[hi-1].end)
	first := sort.Search(len(r.cspans), func(k int) bool { return r.cspans[k].Start >= from })
	for _, cs := range r.cspans[first:] {
		if cs.Start >= to {
			break
		}
		c, sp := r.in.Communes[cs.c], cs.Span
		if sp.End <= to && !r.inFunderName(sp) && !seen[c.INSEE] {
			seen[c.INSEE] = true
			f.Communes = append(f.Communes, c.INSEE)
			f.Beneficiaries = append(f.Beneficiaries, r.in.Text[sp.Start:sp.End])
			f.Evidence.Beneficiaries = append(f.Evidence.Beneficiaries, sp)
		}
	}
	x, y := r.within(lo, hi)
	for k := x; k < y; k++ {
		if m := r.mention(k); m.role == roleBenef && m.j <= hi {
			f.Beneficiaries = append(f.Beneficiaries, r.names[k])
			f.Evidence.Beneficiaries = append(f.Evidence.Beneficiaries, r.span(m.i, m.j))
		}
	}
	if set, sp, ok := r.countedSet(lo, hi); ok {
		f.Beneficiaries = append(f.Beneficiaries, set)
		f.Evidence.Beneficiaries = append(f.Evidence.Beneficiaries, sp)
		return
	}
	if len(f.Communes) > 0 || len(f.Beneficiaries) > 0 {
		return
	}
	// A document about one commune: the only one it names, or the one whose minutes
	// or whose partnership it is ("Conseil municipal de X", "avec la commune de X").
	if len(r.in.Communes) == 1 {
		c := r.in.Communes[0]
		f.Communes, f.Beneficiaries = []string{c.INSEE}, []string{c.Name}
	} else if c, ok := r.homeCommune(); ok {
		f.Communes, f.Beneficiaries = []string{c.INSEE}, []string{c.Name}
	}
}

// homeIntro before a commune's name in a document's opening lines make it the
// commune the document is about.
var homeIntro = newMatcher([]string{"ville de", "ville d'", "commune de", "commune d'", "mairie de",
	"mairie d'", "conseil municipal de", "conseil municipal d'", "ville du", "commune du"})

// homeCommune returns the one commune the first 400 bytes introduce as a town
// ("COMMUNE D'AVION", "la ville de Saint-Omer"), if exactly one.
func (r *reader) homeCommune() (corpus.Commune, bool) {
	var found []corpus.Commune
	for _, c := range r.in.Communes {
		if _, _, ok := r.introducedHome(c); ok {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		return corpus.Commune{}, false
	}
	return found[0], true
}

// planFunder: an item of a financing plan ("plan de financement … : - Région
// Hauts-de-France : 1 368 000 €", "- France Active : prêt de 75 000 €") is paid by
// the body its label names, known or not; -1 otherwise.
func (r *reader) planFunder(a *amt) int {
	p := r.lay.paraOf[a.i]
	if !r.lay.bullet[p] || !a.paren && !r.colonBefore(a) {
		return -1
	}
	intro := -1
	for q := p - 1; q >= 0 && q >= p-12; q-- {
		if !r.lay.bullet[q] {
			intro = q
			break
		}
	}
	if intro < 0 {
		return -1
	}
	if at, _ := findIn(r.toks, r.lay.paras[intro][0], r.lay.paras[intro][1], planM); at < 0 {
		return -1
	}
	st := r.lay.paras[p][0] + 1 // after the bullet
	x, y := r.within(st, a.i)
	for k := x; k < y; k++ {
		if m := r.ms[k]; m.j <= a.i {
			r.ms[k].role = roleAgent
			return k
		}
	}
	// A label the lexicon does not know: its words up to a comma, a parenthesis or
	// the colon.
	end := st
	for end < a.i && r.toks[end].w != ":" && r.toks[end].w != "(" && r.toks[end].w != "," {
		end++
	}
	if end == st || end-st > 8 {
		return -1
	}
	r.ms = append(r.ms, mention{i: st, j: end, name: clean(textOf(r.in.Text, r.toks, st, end)),
		kind: kindAgency, full: true, role: roleAgent, home: true})
	r.names = append(r.names, r.ms[len(r.ms)-1].name)
	r.folded = append(r.folded, "")
	r.foldDone = append(r.foldDone, false)
	return len(r.ms) - 1
}

// colonBefore: a colon between the item's start and the amount ("- État : prêt de 75 000 €").
func (r *reader) colonBefore(a *amt) bool {
	for k := r.lay.paras[r.lay.paraOf[a.i]][0]; k < a.i; k++ {
		if r.toks[k].w == ":" {
			return true
		}
	}
	return false
}

// addHome adds, for a commune's own act or minutes, the commune as a mention that
// pays what the text votes without naming who pays ("propose une subvention de
// 18 000 € à l'harmonie municipale"). It is never carried.
func (r *reader) addHome() {
	if r.in.Genre != corpus.GenreDeliberation {
		return
	}
	for _, c := range r.in.Communes {
		if st, sp, ok := r.introducedHome(c); ok {
			end := tokenAt(r.toks, sp.End-1) + 1
			r.ms = append(r.ms, mention{i: st, j: end, name: clean(textOf(r.in.Text, r.toks, st, end)),
				kind: kindCommune, full: true, role: roleSubject, home: true})
			r.home = len(r.ms) - 1
			return
		}
	}
}

// introducedHome returns the first span of c in the first 400 bytes that homeIntro
// introduces ("la ville de Saint-Omer"), with the token its introduction starts at.
func (r *reader) introducedHome(c corpus.Commune) (start int, sp corpus.Span, ok bool) {
	for _, sp := range c.Spans {
		if sp.Start >= 400 {
			break
		}
		k := tokenAt(r.toks, sp.Start)
		if k >= len(r.toks) || int(r.toks[k].start) != sp.Start {
			continue
		}
		if st, ok := endsAt(r.toks, k, 0, homeIntro); ok {
			return st, sp, true
		}
	}
	return 0, corpus.Span{}, false
}

// homeFunder returns the commune of a commune's own act for an amount whose
// paragraph names no body that pays, or -1.
func (r *reader) homeFunder(a *amt) int {
	if r.home < 0 {
		return -1
	}
	p := r.lay.paras[r.lay.paraOf[a.i]]
	x, y := r.within(p[0], p[1])
	for k := x; k < y; k++ {
		if m := r.mention(k); m.j <= p[1] && m.eligible() {
			return -1
		}
	}
	return r.home
}

// themes returns the document's themes whose terms the amount's paragraph (and
// the sentence opening its list) holds, in the document's order.
func (r *reader) themes(a *amt) []string {
	p := r.lay.paraOf[a.i]
	out := r.themesIn(r.toks[r.lay.paras[p][0]].start, r.toks[r.lay.paras[p][1]-1].end)
	if r.lay.bullet[p] {
		for q := p - 1; q >= 0 && q >= p-12; q-- {
			if !r.lay.bullet[q] {
				for _, t := range r.themesIn(r.toks[r.lay.paras[q][0]].start, r.toks[r.lay.paras[q][1]-1].end) {
					if !slices.Contains(out, t) {
						out = append(out, t)
					}
				}
				break
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	// Minutes and acts treat several subjects: a funding there has the themes of
	// its own item, or of the document's opening lines, not all of the document's.
	if r.in.Genre == corpus.GenreDeliberation {
		return append([]string{}, r.themesIn(0, 400)...)
	}
	return r.in.Themes
}

func (r *reader) themesIn(lo, hi int32) []string {
	var out []string
	for _, e := range r.in.ThemeEvidence {
		for _, t := range e.Terms {
			if t.Start >= int(lo) && t.End <= int(hi) {
				out = append(out, e.Theme)
				break
			}
		}
	}
	return out
}

// inFunderName reports whether a commune's mention sits inside the funder-like
// name of a body ("Département de La Réunion").
func (r *reader) inFunderName(sp corpus.Span) bool {
	t := tokenAt(r.toks, sp.Start)
	x, y := r.within(t-12, t+1)
	for k := x; k < y; k++ {
		if m := r.ms[k]; m.kind != kindCommune && int(r.toks[m.i].start) <= sp.Start && sp.End <= int(r.toks[m.j-1].end) {
			return true
		}
	}
	return false
}

// countedSet finds "50 nouvelles opérations", "322 dossiers", "neuf projets".
func (r *reader) countedSet(lo, hi int) (string, corpus.Span, bool) {
	for k := lo; k < hi; k++ {
		// A count starts with a digit or is a number word (the filter of their table).
		if t := &r.toks[k]; t.w == "" || (t.w[0] < '0' || t.w[0] > '9') && !numberWordM.admitsKey(t.key) || !isCount(t.w) {
			continue
		}
		for q := k + 1; q < hi && q <= k+3; q++ {
			if idx, _ := countedM.at(r.toks, q); idx >= 0 {
				end := q + 1
				for end < hi && end < q+6 && r.toks[end].word && !isStop(r.toks[end].w) {
					end++
				}
				sp := r.span(k, end)
				return clean(r.in.Text[sp.Start:sp.End]), sp, true
			}
		}
	}
	return "", corpus.Span{}, false
}

var numberWords = map[string]bool{"deux": true, "trois": true, "quatre": true, "cinq": true, "six": true,
	"sept": true, "huit": true, "neuf": true, "dix": true, "onze": true, "douze": true, "quinze": true,
	"vingt": true, "trente": true, "cent": true, "centaine": true, "dizaine": true, "vingtaine": true}

func isCount(w string) bool {
	if w != "" && w[0] > '9' {
		return numberWordM.admits(w) && numberWords[w]
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w != ""
}

func isStop(w string) bool {
	switch w {
	case "pour", "afin", "qui", "dont", "soit", "et", "ont", "sont", "a", "à", "vont", "seront":
		return true
	}
	return false
}

// purpose: the phrase after "pour", "au titre de", "destiné à"… in the clause.
func (r *reader) purpose(a *amt, f *corpus.Funding) string {
	lo, hi := a.seg[0], a.seg[1]
	for k := lo; k < hi; k++ {
		if !purposeIntro.admitsKey(r.toks[k].key) {
			continue // at would say no: skipped without the call
		}
		_, n := purposeIntro.at(r.toks, k)
		if n == 0 {
			continue
		}
		st := k + n
		end := st
		for end < hi && end < st+12 {
			w := r.toks[end].w
			if w == "," || w == ";" || w == "." || w == "(" || w == ")" || w == ":" || w == "«" || w == "»" ||
				w == "soit" || w == "dont" || w == "afin" || end > st && w == "pour" {
				break
			}
			end++
		}
		if end > st {
			sp := r.span(st, end)
			f.Evidence.Purpose = &sp
			return clean(r.in.Text[sp.Start:sp.End])
		}
	}
	return ""
}

// date: a date of the amount's sentence, else the publication date.
func (r *reader) date(a *amt) string {
	s := r.lay.sents[a.sent]
	lo, hi := int(r.toks[s[0]].start), int(r.toks[s[1]-1].end)
	for _, d := range r.in.Dates {
		if d.Start >= lo && d.End <= hi && len(d.Value) >= len(r.in.Published) {
			return d.Value
		}
	}
	return r.in.Published
}
