package fundings

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"terril/corpus"
	"terril/extract/text"
)

// Input is what Find reads: the document's normalised text and title, its
// publication date, and the facts the other extractors found in the text.
type Input struct {
	Text, Title, Published string
	// Tokens is Text lexed (text.Lex), the document's one token stream, which Find
	// reads; nil, Find lexes Text itself.
	Tokens *text.Tokens
	Genre  string // the document's genre (corpus.Genre…)
	// ThemeEvidence gives each funding the themes whose terms its paragraph holds;
	// Themes are the document's.
	ThemeEvidence []corpus.ThemeEvidence
	Themes        []string
	Dates         []corpus.Date
	Amounts       []corpus.Amount
	Communes      []corpus.Commune
	EPCIs         []corpus.EPCI
}

// An amt is one amount of the text and what the rules found about it.
type amt struct {
	a    corpus.Amount
	i, j int // tokens [i, j)
	sent int
	seg  [2]int // the tokens that describe it: its clause or list item
	// prevEnd and nextStart bound it by its neighbours in its sentence.
	prevEnd, nextStart int
	ceiling            bool // excluded as a ceiling or a cost
	rate               bool // excluded as a rate ("800 000 € pièce")
	costPart           bool // excluded as a part of a cost listed after it
	paren              bool // written "(N €)" after what it pays for
	skip               bool // not a funding
	high               int  // index of the high end of its range, or -1
	multi              bool // a total of several funders ("680 M€ … dont 209 M€ par l'État")
	funder             int  // index of the funder's mention, or -1
	instr              string
	instrAt            int // token of the instrument word, or -1
	fund               corpus.Funding
	score              int
	partOf             int // index in amts of its total, or -1
	k                  int // its index in amts
}

// A reader holds one document's tokens, layout, mentions and amounts.
type reader struct {
	in     Input
	toks   []token
	lay    *layout
	ms     []mention
	amts   []*amt
	resets []int // tokens after which no funder is carried (a total of several funders)
	// dotationDoc: the text names a State allocation (DETR, DSIL, fonds friches…).
	dotationDoc bool
	titleInstr  string  // a specific instrument the title or first line names
	home        int     // index of the mention of a commune's own act (see addHome), or -1
	nMain       int     // mentions found in the text, in order; later ones are added by rules
	firstElig   int     // the first eligible mention, or -1; -2 until computed
	cspans      []cspan // the communes' mentions, in text order
	totals      map[*amt]bool
	names       []string // per mention, its full name (see fullName)
	folded      []string // per mention, its full name folded (see foldedName)
	foldDone    []bool   // per mention, folded is computed
	sentCue     []int8   // per sentence: 0 unknown, 1 a cue word, -1 none
	anyCue      bool     // some amount's sentence has a cue word
}

// Find returns the funding events of a document: each amount the text ties to a
// funder and to a beneficiary or an operation (see GUIDELINES.md, fundings). It
// never panics on any input.
func Find(in Input) (out []corpus.Funding) {
	if len(in.Amounts) == 0 {
		return nil
	}
	defer func() {
		if recover() != nil {
			out = nil
		}
	}()
	in.Amounts = withRepeats(in.Text, in.Amounts)
	bufs := bufPool.Get().(*buffers)
	defer bufPool.Put(bufs)
	x := in.Tokens
	if x == nil || x.T == nil || x.T.S != in.Text {
		lexed := text.Lex(text.New(in.Text))
		x = &lexed
	}
	bufs.toks = tokensOf(x, textEnd(in.Text, in.Amounts), bufs.toks)
	r := &reader{in: in, toks: bufs.toks, home: -1}
	if len(r.toks) == 0 {
		return nil
	}
	r.lay = newLayout(r.toks, bufs)
	r.ms = findMentions(in.Text, r.toks)
	r.nMain, r.firstElig = len(r.ms), -2
	r.addHome()
	r.names, r.folded = r.fullNames()
	r.indexCommunes()
	r.sentCue = make([]int8, len(r.lay.sents))
	r.placeAmounts()
	for _, a := range r.amts {
		if r.sentHasCue(a.sent) {
			r.anyCue = true
			break
		}
	}
	r.markRanges()
	r.markMultiFunder()
	r.docInstruments()
	for _, a := range r.amts {
		r.judge(a)
	}
	r.dedupe()
	r.parts()
	return r.output()
}

// buffers are the per-token arrays of a document, lent between calls of Find:
// nothing Find returns points into them.
type buffers struct {
	toks           []token
	sentOf, paraOf []int
	sents, paras   [][2]int
	bullet         []bool
}

var bufPool = sync.Pool{New: func() any { return new(buffers) }}

// textEnd is where reading can stop: a sentence or two after the last amount.
func textEnd(text string, amounts []corpus.Amount) int {
	end := 0
	for _, a := range amounts {
		end = max(end, a.End)
	}
	end = min(max(end, 0)+1500, len(text))
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return end
}

// sentHasCue reports whether sentence s has a word of giving or receiving.
func (r *reader) sentHasCue(s int) bool {
	if r.sentCue[s] == 0 {
		sp := r.lay.sents[s]
		r.sentCue[s] = -1
		if at, _ := findIn(r.toks, sp[0], sp[1], cueM); at >= 0 {
			r.sentCue[s] = 1
		}
	}
	return r.sentCue[s] > 0
}

// withRepeats adds the later mentions of each amount's text: the amounts
// extractor lists a value once, but "la médiathèque (250 000 €), la piscine
// (250 000 €)" are two fundings.
func withRepeats(text string, amounts []corpus.Amount) []corpus.Amount {
	out := append([]corpus.Amount(nil), amounts...)
	for _, a := range amounts {
		if a.Start < 0 || a.End > len(text) || a.Start > a.End || text[a.Start:a.End] != a.Text || !hasCurrency(a.Text) {
			continue
		}
		// Near the first mention only (a list, a paragraph): a long act's every
		// repeat would cost a scan of the text per amount.
		limit := min(len(text), a.End+repeatWindow)
		for from := a.End; from < limit; {
			k := strings.Index(text[from:limit], a.Text)
			if k < 0 {
				break
			}
			s := from + k
			from = s + len(a.Text)
			if s > 0 && (isDigitByte(text[s-1]) || s > 1 && text[s-1] == ' ' && isDigitByte(text[s-2]) ||
				text[s-1] == ',' || text[s-1] == '.') {
				continue
			}
			if e := s + len(a.Text); e < len(text) && (isDigitByte(text[e]) || isLetterByte(text[e])) || taken(amounts, s) {
				continue
			}
			b := a
			b.Span = corpus.Span{Start: s, End: s + len(a.Text)}
			out = append(out, b)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// repeatWindow is how far after an amount its repeats are looked for.
const repeatWindow = 4000

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 }

// hasCurrency: a whole amount ("250 000 €"), not the bare number of a range's low
// end ("2" of "entre 2 et 3 M€"), which would be found inside other numbers.
func hasCurrency(s string) bool {
	if strings.Contains(s, "€") {
		return true
	}
	// "eur" in any case ("euros", "EUR"), without lowering s: no other rune
	// lowers to e, u or r.
	for i := 0; i+3 <= len(s); i++ {
		if s[i]|0x20 == 'e' && s[i+1]|0x20 == 'u' && s[i+2]|0x20 == 'r' {
			return true
		}
	}
	return false
}

func taken(amounts []corpus.Amount, at int) bool {
	for _, a := range amounts {
		if a.Start <= at && at < a.End {
			return true
		}
	}
	return false
}

// placeAmounts maps the amounts onto tokens and finds each one's clause.
func (r *reader) placeAmounts() {
	for _, a := range r.in.Amounts {
		i := tokenAt(r.toks, a.Start)
		j := tokenAt(r.toks, a.End-1) + 1
		if i >= len(r.toks) || j > len(r.toks) || i >= j {
			continue
		}
		r.amts = append(r.amts, &amt{a: a, i: i, j: j, sent: r.lay.sentOf[i], high: -1, funder: -1,
			instrAt: -1, partOf: -1, k: len(r.amts)})
	}
	for k, a := range r.amts {
		s := r.lay.sents[a.sent]
		prevEnd, nextStart := s[0], s[1]
		if k > 0 && r.amts[k-1].sent == a.sent {
			prevEnd = r.amts[k-1].j
		}
		if k+1 < len(r.amts) && r.amts[k+1].sent == a.sent {
			nextStart = r.amts[k+1].i
		}
		a.prevEnd, a.nextStart = prevEnd, nextStart
		a.paren = a.i > 0 && (r.toks[a.i-1].w == "(" || r.toks[a.i-1].w == ":")
		p := r.lay.paraOf[a.i]
		switch {
		case r.lay.bullet[p] && r.amountsIn(r.lay.paras[p]) == 1:
			a.seg = r.lay.paras[p]
		case r.lay.bullet[p] && r.firstInPara(a, k):
			// "- commune de Hesdin : … : 612 000 € pour une dépense de 1 530 000 € HT"
			a.seg = [2]int{r.lay.paras[p][0], r.coordEnd(a.j, nextStart)}
		case a.paren:
			a.seg = [2]int{prevEnd, min(r.parenEnd(a.j), nextStart)}
		case prevEnd == s[0]:
			a.seg = [2]int{s[0], r.coordEnd(a.j, nextStart)}
		case k > 0 && r.isPart(a):
			a.seg = [2]int{r.amts[k-1].seg[0], r.coordEnd(a.j, nextStart)}
		default:
			a.seg = [2]int{a.i, r.coordEnd(a.j, nextStart)}
		}
	}
}

// parenEnd returns the end of the closing parenthesis after token j, and of a
// parenthesis that follows it ("3 122 594 € (financement … à Ghisonaccia)").
func (r *reader) parenEnd(j int) int {
	if j < len(r.toks) && r.toks[j].w == ")" {
		j++
	}
	if j < len(r.toks) && r.toks[j].w == "(" {
		for k := j; k < len(r.toks) && k < j+80; k++ {
			if r.toks[k].w == ")" {
				return k + 1
			}
		}
	}
	return j
}

// coordEnd ends a clause after an amount where "et" opens another item ("un prêt
// de 35 M€ et le pôle … à Wallers").
func (r *reader) coordEnd(j, end int) int {
	for k := j; k+1 < end; k++ {
		if r.toks[k].w == "et" && coordArticles[r.toks[k+1].w] {
			return k
		}
	}
	return end
}

var coordArticles = map[string]bool{"le": true, "la": true, "les": true, "un": true, "une": true}

// isPart: "dont" right before the amount ("projet de 29 M€ dont 1,4 M€ …").
func (r *reader) isPart(a *amt) bool {
	at, _ := findIn(r.toks, max(a.i-3, a.prevEnd), a.i, partM)
	return at >= 0 && r.toks[at].w == "dont"
}

// firstInPara reports whether a, the k-th amount, is the first of its paragraph.
func (r *reader) firstInPara(a *amt, k int) bool {
	return k == 0 || r.lay.paraOf[r.amts[k-1].i] != r.lay.paraOf[a.i]
}

func (r *reader) amountsIn(span [2]int) int {
	n := 0
	for _, a := range r.amts {
		if a.i >= span[0] && a.i < span[1] {
			n++
		}
	}
	return n
}

// markRanges pairs the two ends of a range ("entre 2 et 3 M€", "de 7 à 8 M€"):
// one funding, from the low end; a range of the sizes a scheme's aids take is none.
func (r *reader) markRanges() {
	for k := 0; k+1 < len(r.amts); k++ {
		a, b := r.amts[k], r.amts[k+1]
		if a.sent != b.sent || a.skip || b.skip {
			continue
		}
		overlap := b.i < a.j
		joined := b.i-a.j <= 20 && b.i > 0 && (r.toks[b.i-1].w == "à" || r.toks[b.i-1].w == "et")
		opened := a.i > 0 && (r.toks[a.i-1].w == "de" || r.toks[a.i-1].w == "entre")
		if joined && r.toks[b.i-1].w == "et" {
			opened = a.i > 0 && r.toks[a.i-1].w == "entre"
		}
		// "7 à 8 millions d'euros": the bare low end shares the high end's unit.
		bare := b.i-a.j == 1 && !hasCurrency(a.a.Text)
		if !overlap && !(joined && (opened || bare)) {
			continue
		}
		if _, ok := endsAt(r.toks, a.i, 0, sizeRangeM); ok || r.before(a, sizeRangeM, 4) {
			a.skip, b.skip = true, true
			continue
		}
		a.high, b.skip = k+1, true
		k++
	}
}

// markMultiFunder finds the totals of several funders: a total followed, in its
// sentence, by "dont N par X" names X's part, not who pays the rest.
func (r *reader) markMultiFunder() {
	for k, a := range r.amts {
		// The total is the amount right before "dont".
		if b := r.amts[min(k+1, len(r.amts)-1)]; k+1 < len(r.amts) && b.sent == a.sent {
			if at, _ := findIn(r.toks, max(b.i-4, a.j), b.i, partM); at < 0 || r.toks[at].w != "dont" {
				continue
			}
			for q := b.j; q < len(r.toks) && q < b.j+3; q++ {
				w := r.toks[q].w
				if w == "par" || w == "venant" || w == "apportes" || w == "verses" || w == "finances" || w == "charge" {
					a.multi = true
				}
			}
		}
		if a.multi {
			r.resets = append(r.resets, r.lay.sents[a.sent][1])
		}
	}
}

// docInstruments notes what the whole document says of instruments.
func (r *reader) docInstruments() {
	for k := range r.toks {
		if !dotationM.admitsKey(r.toks[k].key) {
			continue // no dotation word starts here (the filter is derived from the table)
		}
		if idx, _ := instrumentM.at(r.toks, k); idx >= 0 && instrumentWords[idx].kind == corpus.InstrumentDotation {
			r.dotationDoc = true
			break
		}
	}
	title := tokenize(r.in.Title)
	if kind := specificIn(title, 0, len(title)); kind != "" {
		r.titleInstr = kind
		return
	}
	// The first line, or the first sentence, when short enough to be a title.
	for _, span := range [][2]int{r.firstLine(), r.lay.sents[0]} {
		if span[1] > span[0] && r.toks[span[1]-1].end-r.toks[span[0]].start <= 200 {
			if kind := specificIn(r.toks, span[0], span[1]); kind != "" {
				r.titleInstr = kind
				return
			}
		}
	}
}

func (r *reader) firstLine() [2]int {
	for k := 1; k < len(r.toks); k++ {
		if r.toks[k].nl {
			return [2]int{0, k}
		}
	}
	return [2]int{0, len(r.toks)}
}

// specificIn returns the one specific instrument (not dotation, which needs the
// State) named in toks[i:j], or "" (none, or several: "subventions et prêts").
func specificIn(toks []token, i, j int) string {
	kind := ""
	for k := i; k < j; k++ {
		idx, n := instrumentM.at(toks, k)
		if idx < 0 {
			continue
		}
		w := instrumentWords[idx].kind
		if w != "" && w != corpus.InstrumentDotation {
			if kind != "" && kind != w {
				return ""
			}
			kind = w
		}
		k += n - 1
	}
	return kind
}

// before reports whether a phrase of m starts within n tokens before a, after
// the amount before it in its sentence.
func (r *reader) before(a *amt, m *matcher, n int) bool {
	at, _ := findIn(r.toks, max(a.i-n, a.prevEnd), a.i, m)
	return at >= 0
}

// after reports whether a phrase of m starts within n tokens after a, before the
// next amount of its sentence.
func (r *reader) after(a *amt, m *matcher, n int) bool {
	at, _ := findFrom(r.toks, a.j, min(a.j+n, a.nextStart), a.nextStart, m)
	return at >= 0
}

// judge decides whether a is a funding and fills it.
func (r *reader) judge(a *amt) {
	if a.skip {
		return
	}
	if r.excluded(a) || a.high >= 0 && r.excluded(r.amts[a.high]) {
		a.skip = true
		return
	}
	if !r.cued(a) && !r.weakCue(a) {
		a.skip = true
		return
	}
	a.funder = r.funderOf(a)
	if a.funder < 0 {
		a.skip = true
		return
	}
	r.fill(a)
}

// excluded: a cost, a ceiling, a rate, a budget increment, the envelope a clause
// draws on, a total of several funders whose own funder is not said.
func (r *reader) excluded(a *amt) bool {
	if a.a.Qualifier != "" { // HT, TTC: a cost or a price
		a.ceiling = true
		return true
	}
	if r.before(a, costM, 10) {
		a.ceiling = true
		return true
	}
	if r.before(a, ceilingM, 5) || r.after(a, ceilingM, 2) {
		if !r.before(a, notCeilingM, 5) {
			a.ceiling = true
			return true
		}
	}
	// "Jusqu'à 500 000 € pour les communes et 539 000 € pour les syndicats", "s'équilibre
	// à 32 M€ en fonctionnement et 9 M€ en investissement": the cue governs both.
	if p := r.prevInSentence(a); p != nil && p.ceiling && a.i > 0 && r.toks[a.i-1].w == "et" {
		a.ceiling = true
		return true
	}
	if s := r.lay.sents[a.sent]; r.before(a, rateM, a.i-s[0]) || r.after(a, budgetAfterM, 8) {
		return true
	}
	// The parts of a cost ("21,8 M€ HT : 9,6 M€ pour les véhicules, 10,4 M€ …").
	if p := r.prevReal(a); p != nil && p.ceiling && (p.costPart || r.cueBetween(p.j, a.i)) && r.agentAfter(a) < 0 {
		a.ceiling, a.costPart = true, true
		return true
	}
	if r.after(a, perUnitM, 5) {
		a.rate = true
		return true
	}
	if r.after(a, incrementM, 1) || r.before(a, parentM, 5) ||
		r.after(a, volumeM, 1) && r.agentAfter(a) < 0 || r.after(a, activityM, 6) {
		return true
	}
	if p := r.lay.paras[r.lay.paraOf[a.i]]; r.startsWith(p[0], recapM) {
		return true
	}
	// "Au total, plus de 250 000 € par an seront ainsi mobilisés": a restatement;
	// "Depuis 2018, l'État a mobilisé 158 M€": an activity total.
	if s := r.lay.sents[a.sent]; r.startsWith(s[0], summaryM) || r.startsWith(s[0], activityStartM) {
		return true
	}
	return a.multi && r.agentAfter(a) < 0
}

// prevReal is the amount before a in its sentence, past the rates between them
// ("21,8 M€ HT : 9,6 M€ pour les véhicules (800 000 € pièce), 10,4 M€ …").
func (r *reader) prevReal(a *amt) *amt {
	for p := r.prevInSentence(a); p != nil; p = r.prevInSentence(p) {
		if !p.rate {
			return p
		}
	}
	return nil
}

func (r *reader) prevInSentence(a *amt) *amt {
	if a.k > 0 && r.amts[a.k-1].sent == a.sent && r.amts[a.k-1].j <= a.i {
		return r.amts[a.k-1]
	}
	return nil
}

func (r *reader) startsWith(k int, m *matcher) bool {
	for k < len(r.toks) && !r.toks[k].word {
		k++
	}
	idx, _ := m.at(r.toks, k)
	return k < len(r.toks) && idx >= 0
}

// endsSentence: the amount closes its sentence ("4,6 M€. C'est le montant…").
func (r *reader) endsSentence(a *amt) bool {
	s := r.lay.sents[a.sent]
	return s[1]-a.j <= 1 && a.sent+1 < len(r.lay.sents)
}

// weakCue: in a document where some amount is plainly given, an amount followed
// by "pour", "au profit de"… ("Il y aura 300 000 € pour les missions locales").
func (r *reader) weakCue(a *amt) bool {
	if !r.anyCue || a.j >= len(r.toks) {
		return false
	}
	idx, _ := benefIntroM.at(r.toks, a.j)
	return idx >= 0 && r.toks[a.j].w != "avec"
}

// cued: the clause has a word of giving or receiving, or the amount is an item of
// a list whose sentence or heading has one.
func (r *reader) cued(a *amt) bool {
	s := r.lay.sents[a.sent]
	if r.sentHasCue(a.sent) {
		return true
	}
	// A sentence of the amount alone ("4,6 M€. C'est le montant…"): the next one.
	if (s[1]-s[0] <= a.j-a.i+4 || r.endsSentence(a)) && a.sent+1 < len(r.lay.sents) {
		if r.sentHasCue(a.sent + 1) {
			return true
		}
	}
	// A list item: the sentence that opens the list.
	p := r.lay.paraOf[a.i]
	if a.paren && a.sent > 0 && r.lay.paraOf[r.lay.sents[a.sent-1][0]] == p {
		if r.sentHasCue(a.sent - 1) {
			return true
		}
	}
	if a.paren || r.lay.bullet[p] {
		for q := p - 1; q >= 0 && q >= p-12; q-- {
			ps := r.lay.paras[q]
			if !r.lay.bullet[q] {
				at, _ := findIn(r.toks, ps[0], ps[1], cueM)
				return at >= 0 || r.cuedList(ps)
			}
		}
	}
	return false
}

// cuedList: a paragraph introducing a list with a colon.
func (r *reader) cuedList(ps [2]int) bool {
	return ps[1] > ps[0] && r.toks[ps[1]-1].w == ":"
}

// agentAfter returns the mention that pays, named right after a: "N € de la
// Région", "N versés par l'État", "N, que le Département consacre…", or -1.
func (r *reader) agentAfter(a *amt) int {
	end := min(a.j+8, a.seg[1], r.lay.sents[a.sent][1])
	if a.paren {
		end = min(a.j+6, r.lay.sents[a.sent][1])
	}
	x, y := r.within(a.j, end)
	for k := x; k < y; k++ {
		m := r.ms[k]
		if m.role == roleAgent && !r.crosses(a.j, m.i) {
			return k
		}
		if m.role == roleSubject && m.i >= 2 && (r.toks[m.i-1].w == "que" || r.toks[m.i-1].w == "qu'" ||
			r.toks[m.i-2].w == "que" || r.toks[m.i-2].w == "qu'") {
			return k
		}
	}
	return -1
}

// crosses reports whether tokens [i, j) leave the clause: a closing parenthesis,
// a semicolon or a coordination to another item.
func (r *reader) crosses(i, j int) bool {
	for k := i; k < j; k++ {
		switch r.toks[k].w {
		case ")", ";", "et", "ou":
			return true
		}
	}
	return false
}

// funderOf returns the index of the mention that pays a, or -1: the one the clause
// names, else the last one the text named before (unless a total of several
// funders came between), else the first one it names.
func (r *reader) funderOf(a *amt) int {
	s := r.lay.sents[a.sent]
	if k := r.planFunder(a); k >= 0 {
		return k
	}
	if a.paren && a.i > 0 && r.toks[a.i-1].w == "(" {
		x, y := r.within(a.i-12, a.i)
		for k := x; k < y; k++ {
			if m := r.ms[k]; m.j == a.i-1 && m.eligible() {
				return k
			}
		}
	}
	if k := r.agentAfter(a); k >= 0 {
		return k
	}
	x, y := r.within(s[0], a.i)
	for k := y - 1; k >= x; k-- {
		if m := r.ms[k]; m.j <= a.i && m.eligible() {
			return k
		}
	}
	x, y = r.within(a.j, s[1])
	for k := x; k < y; k++ {
		if m := r.ms[k]; m.j <= s[1] && m.eligible() {
			return k
		}
	}
	if k := r.homeFunder(a); k >= 0 {
		return k
	}
	if r.endsSentence(a) {
		n := r.lay.sents[a.sent+1]
		x, y := r.within(n[0], n[1])
		for k := x; k < y; k++ {
			if m := r.ms[k]; m.j <= n[1] && (m.role == roleAgent || m.role == roleSubject) && m.eligible() {
				return k
			}
		}
	}
	return r.carried(a)
}

func (r *reader) carried(a *amt) int {
	reset := -1
	for _, t := range r.resets {
		if t <= a.i {
			reset = t
		}
	}
	_, y := r.within(0, a.i)
	for k := y - 1; k >= 0 && r.ms[k].i >= reset; k-- {
		if m := r.ms[k]; m.j <= a.i && m.eligible() {
			return k
		}
	}
	if reset >= 0 {
		return -1
	}
	if r.firstElig == -2 {
		r.firstElig = -1
		for k, m := range r.ms[:r.nMain] {
			if m.eligible() {
				r.firstElig = k
				break
			}
		}
	}
	return r.firstElig
}

// within returns the range [x, y) of the mentions found in the text that start
// in tokens [lo, hi).
func (r *reader) within(lo, hi int) (int, int) {
	ms := r.ms[:r.nMain]
	x := sort.Search(len(ms), func(k int) bool { return ms[k].i >= lo })
	y := sort.Search(len(ms), func(k int) bool { return ms[k].i >= hi })
	return x, max(x, y)
}

// A cspan is one mention of a commune.
type cspan struct {
	corpus.Span
	c int // index in Input.Communes
}

// indexCommunes sorts the communes' mentions by position.
func (r *reader) indexCommunes() {
	for k, c := range r.in.Communes {
		for _, sp := range c.Spans {
			r.cspans = append(r.cspans, cspan{sp, k})
		}
	}
	sort.Slice(r.cspans, func(i, j int) bool { return r.cspans[i].Start < r.cspans[j].Start })
}

// fill writes the funding of a.
func (r *reader) fill(a *amt) {
	m := r.ms[a.funder]
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
	return corpus.Span{Start: r.toks[i].start, End: r.toks[j-1].end}
}

// fullNames gives each body its full name where the text gives one and only one
// ("la Région" → "Région Hauts-de-France"), an acronym its long name ("Anru" →
// "Agence nationale pour la rénovation urbaine"); and the names folded.
func (r *reader) fullNames() (names, folded []string) {
	long := map[string]string{}   // group → longest name
	byKind := map[string]string{} // kind → its one full name, "" when several
	for _, o := range r.ms {
		if o.group != "" && len(o.name) > len(long[o.group]) {
			long[o.group] = o.name
		}
		if o.full && !o.state {
			switch n, seen := byKind[o.kind]; {
			case !seen:
				byKind[o.kind] = o.name
			case n != "" && !strings.EqualFold(n, o.name):
				byKind[o.kind] = ""
			case n != "" && strings.ToUpper(n) == n:
				byKind[o.kind] = o.name // the name in normal case rather than in capitals
			}
		}
	}
	names, folded = make([]string, len(r.ms)), make([]string, len(r.ms))
	r.foldDone = make([]bool, len(r.ms))
	for k, m := range r.ms {
		switch {
		case m.group != "":
			names[k] = long[m.group]
		case m.full || m.state || byKind[m.kind] == "":
			names[k] = m.name
		default:
			names[k] = byKind[m.kind]
		}
	}
	return names, folded
}

// cofunders are the bodies coordinated with the funder: "par la Région et la
// Banque des Territoires".
func (r *reader) cofunders(k int) []string {
	var out []string
	for q := k; q+1 < len(r.ms); q++ {
		m, n := r.ms[q], r.ms[q+1]
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
		if k >= a.i && k < a.j {
			continue
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
	if m.kind == kindState && (r.dotationDoc || kind == corpus.InstrumentDotation) {
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
	return r.titleInstr
}

// beneficiaries: the communes of the clause, a body it gives to, a counted set of
// operations, else the one commune of the document.
func (r *reader) beneficiaries(a *amt, f *corpus.Funding) {
	lo, hi := a.seg[0], a.seg[1]
	seen := map[string]bool{}
	from, to := r.toks[lo].start, r.toks[hi-1].end
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
		if m := r.ms[k]; m.role == roleBenef && m.j <= hi {
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
		for _, sp := range c.Spans {
			if sp.Start >= 400 {
				break
			}
			k := tokenAt(r.toks, sp.Start)
			if k >= len(r.toks) || r.toks[k].start != sp.Start {
				continue
			}
			if _, ok := endsAt(r.toks, k, 0, homeIntro); ok {
				found = append(found, c)
				break
			}
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
		for _, sp := range c.Spans {
			if sp.Start >= 400 {
				break
			}
			k := tokenAt(r.toks, sp.Start)
			if k >= len(r.toks) || r.toks[k].start != sp.Start {
				continue
			}
			if st, ok := endsAt(r.toks, k, 0, homeIntro); ok {
				end := tokenAt(r.toks, sp.End-1) + 1
				r.ms = append(r.ms, mention{i: st, j: end, name: clean(textOf(r.in.Text, r.toks, st, end)),
					kind: kindCommune, full: true, role: roleSubject, home: true})
				r.home = len(r.ms) - 1
				return
			}
		}
	}
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
		if m := r.ms[k]; m.j <= p[1] && m.eligible() {
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

func (r *reader) themesIn(lo, hi int) []string {
	var out []string
	for _, e := range r.in.ThemeEvidence {
		for _, t := range e.Terms {
			if t.Start >= lo && t.End <= hi {
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
		if m := r.ms[k]; m.kind != kindCommune && r.toks[m.i].start <= sp.Start && sp.End <= r.toks[m.j-1].end {
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
	lo, hi := r.toks[s[0]].start, r.toks[s[1]-1].end
	for _, d := range r.in.Dates {
		if d.Start >= lo && d.End <= hi && len(d.Value) >= len(r.in.Published) {
			return d.Value
		}
	}
	return r.in.Published
}

// dedupe keeps one funding for an amount the text gives twice in different
// sentences ("4,66 M€" and later "4 660 794 €"): the one with the most evidence.
func (r *reader) dedupe() {
	for k, a := range r.amts {
		if a.skip {
			continue
		}
		for _, b := range r.amts[k+1:] {
			if b.skip || b.sent == a.sent || !close(a.a.Value, b.a.Value) || r.bothItems(a, b) {
				continue
			}
			if b.score > a.score {
				a.skip = true
				break
			}
			b.skip = true
		}
	}
}

// bothItems: two items of a list ("- Fonds vert : 2 736 000 €", "- Communauté
// d'agglomération : 2 736 000 €") are two fundings whatever their amounts.
func (r *reader) bothItems(a, b *amt) bool {
	return r.lay.bullet[r.lay.paraOf[a.i]] && r.lay.bullet[r.lay.paraOf[b.i]]
}

func close(x, y float64) bool {
	return math.Abs(x-y) <= 0.005*math.Max(math.Abs(x), 1)
}

// output returns the kept fundings, with their totals.
func (r *reader) output() []corpus.Funding {
	var out []corpus.Funding
	index := map[*amt]int{}
	for _, a := range r.amts {
		if a.skip {
			continue
		}
		index[a] = len(out)
		out = append(out, a.fund)
	}
	for _, a := range r.amts {
		if a.skip || a.partOf < 0 {
			continue
		}
		if t, ok := index[r.amts[a.partOf]]; ok {
			out[index[a]].PartOf = &t
		}
	}
	return out
}

// parts finds the amounts that are parts of a total also recorded: after "dont",
// "soit", a colon, "notamment" in the total's sentence; in a later sentence that
// opens with such a word ("Le volet social…", "Sur cette somme"); earmarked amounts
// that add up to it; and any later, smaller amount of the same funder after a
// total the text calls one ("un total de", "un montant global de", "322 dossiers").
// Each part points at the root total.
func (r *reader) parts() {
	kept := r.kept()
	r.totals = map[*amt]bool{}
	for _, t := range kept {
		r.totals[t] = r.totalish(t)
	}
	for x, b := range kept {
		// A total comes within a few hundred amounts before its parts.
		for y := x - 1; y >= 0 && y >= x-300 && b.partOf < 0; y-- {
			t := kept[y]
			if t.a.Value <= b.a.Value || !r.sameFunder(t, b) {
				continue
			}
			switch {
			case t.sent == b.sent && r.cueBetween(t.j, b.i):
				r.setPart(b, t)
			case t.sent != b.sent && r.laterCue(r.lay.sents[b.sent][0], b.i):
				r.setPart(b, t)
			case r.totals[t]:
				r.setPart(b, t)
			}
		}
	}
	for x, t := range kept {
		sum := 0.0
		for y := x + 1; y < len(kept); y++ {
			b := kept[y]
			if b.sent > t.sent+2 || b.a.Value >= t.a.Value {
				break
			}
			sum += b.a.Value
			if y > x+1 && close(sum, t.a.Value) {
				for _, p := range kept[x+1 : y+1] {
					if p.partOf < 0 {
						r.setPart(p, t)
					}
				}
				break
			}
		}
	}
}

func (r *reader) kept() []*amt {
	var out []*amt
	for _, a := range r.amts {
		if !a.skip {
			out = append(out, a)
		}
	}
	return out
}

// setPart makes b a part of t's root total.
func (r *reader) setPart(b, t *amt) {
	idx := t.k
	for idx >= 0 && r.amts[idx].partOf >= 0 {
		idx = r.amts[idx].partOf
	}
	b.partOf = idx
}

func (r *reader) laterCue(i, j int) bool {
	at, _ := findIn(r.toks, i, j, laterPartM)
	return at >= 0
}

func (r *reader) cueBetween(i, j int) bool {
	at, _ := findIn(r.toks, i, j, partM)
	return at >= 0
}

// totalish: the clause calls the amount a total, or gives it to a counted set.
func (r *reader) totalish(t *amt) bool {
	if at, _ := findIn(r.toks, max(t.seg[0], t.i-6), min(t.seg[1], t.j+3), totalM); at >= 0 {
		return true
	}
	_, _, ok := r.countedSet(t.seg[0], t.seg[1])
	return ok
}

func (r *reader) sameFunder(a, b *amt) bool {
	fa, fb := r.ms[a.funder], r.ms[b.funder]
	if fa.kind == kindState && fb.kind == kindState {
		return true
	}
	return fa.kind == fb.kind && r.foldedName(a.funder) == r.foldedName(b.funder)
}

// foldedName returns the folded full name of mention k, folded once, when first
// compared: most mentions never are.
func (r *reader) foldedName(k int) string {
	if !r.foldDone[k] {
		r.folded[k], r.foldDone[k] = text.Fold(r.names[k]), true
	}
	return r.folded[k]
}
