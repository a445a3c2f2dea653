package fundings

import (
	"cmp"
	"slices"
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
	// TitleTokens is Title lexed, as Tokens is Text; nil, Find lexes Title itself.
	TitleTokens *text.Tokens
	Genre       string // the document's genre (corpus.Genre…)
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
	in          Input
	toks        []token
	lay         *layout
	ms          []mention
	amts        []*amt
	resets      []int  // tokens after which no funder is carried (a total of several funders)
	dotationDoc int8   // see isDotationDoc: 0 unknown, 1 yes, -1 no
	titleInstr  string // see titleInstrument, once titleDone
	titleDone   bool
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
	bufs        *buffers // the arrays lent for this call
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
	r := &reader{in: in, toks: bufs.toks, home: -1, bufs: bufs}
	if len(r.toks) == 0 {
		return nil
	}
	r.lay = newLayout(r.toks, bufs)
	// The per-mention slices are lent too: nothing of them is kept in the results.
	defer func() {
		bufs.ms, bufs.names, bufs.folded, bufs.foldDone = r.ms[:0], r.names[:0], r.folded[:0], r.foldDone[:0]
	}()
	r.ms = findMentions(in.Text, r.toks, bufs.ms[:0])
	r.nMain, r.firstElig = len(r.ms), -2
	r.addHome()
	r.names, r.folded = r.fullNames()
	r.indexCommunes()
	r.sentCue = slices.Grow(bufs.sentCue[:0], len(r.lay.sents))[:len(r.lay.sents)]
	clear(r.sentCue)
	bufs.sentCue = r.sentCue[:0]
	r.placeAmounts()
	for _, a := range r.amts {
		if r.sentHasCue(a.sent) {
			r.anyCue = true
			break
		}
	}
	r.markRanges()
	r.markMultiFunder()
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
	amts           []amt  // the amounts r.amts point into
	amtPtrs        []*amt // r.amts
	// The title's folded offsets, shared tokens and tokens (see tokenizeTitle).
	titleOff  []int32
	titleLex  []text.Token
	titleToks []token
	cspans    []cspan // reader.cspans
	// The reader's per-mention slices, and fullNames' tables.
	ms            []mention
	names, folded []string
	foldDone      []bool
	long, byKind  []pair
	lay           layout // the reader's layout (newLayout)
	sentCue       []int8
}

// tokenizeTitle is tokenize in b's arrays: the title's tokens are read during
// the call only.
func (b *buffers) tokenizeTitle(s string) []token {
	t := text.NewBuf(s, b.titleOff)
	x := text.LexBuf(t, b.titleLex)
	b.titleToks = tokensOf(&x, len(s), b.titleToks)
	b.titleOff, b.titleLex = t.Offsets()[:0], x.Toks[:0]
	return b.titleToks
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
	var out []corpus.Amount // nil until a repeat is found
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
			if out == nil {
				out = append([]corpus.Amount(nil), amounts...)
			}
			b := a
			b.Span = corpus.Span{Start: s, End: s + len(a.Text)}
			out = append(out, b)
		}
	}
	if out == nil && increasing(amounts) {
		return amounts // what sorting would give: read only
	}
	if out == nil {
		out = append([]corpus.Amount(nil), amounts...)
	}
	// slices.SortFunc is sort.Slice's algorithm, without its reflection's allocations.
	slices.SortFunc(out, func(a, b corpus.Amount) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// increasing reports whether the amounts' starts strictly increase: the one order
// sorting by start can give them.
func increasing(amounts []corpus.Amount) bool {
	for k := 1; k < len(amounts); k++ {
		if amounts[k].Start <= amounts[k-1].Start {
			return false
		}
	}
	return true
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
	// In the lent arrays, sized first so that the pointers stay valid.
	b := r.bufs
	if cap(b.amts) < len(r.in.Amounts) {
		b.amts, b.amtPtrs = make([]amt, 0, len(r.in.Amounts)), make([]*amt, 0, len(r.in.Amounts))
	}
	b.amts, r.amts = b.amts[:0], b.amtPtrs[:0]
	for _, a := range r.in.Amounts {
		i := tokenAt(r.toks, a.Start)
		j := tokenAt(r.toks, a.End-1) + 1
		if i >= len(r.toks) || j > len(r.toks) || i >= j {
			continue
		}
		b.amts = append(b.amts, amt{a: a, i: i, j: j, sent: r.lay.sentOf[i], high: -1, funder: -1,
			instrAt: -1, partOf: -1, k: len(r.amts)})
		r.amts = append(r.amts, &b.amts[len(b.amts)-1])
	}
	b.amtPtrs = r.amts
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

// isDotationDoc reports whether the text names a State allocation (DETR, DSIL,
// fonds friches…). Computed on first use: most documents never ask.
func (r *reader) isDotationDoc() bool {
	if r.dotationDoc == 0 {
		r.dotationDoc = -1
		for k := range r.toks {
			if !dotationM.admitsKey(r.toks[k].key) {
				continue // no dotation word starts here (the filter is derived from the table)
			}
			if idx, _ := instrumentM.at(r.toks, k); idx >= 0 && instrumentWords[idx].kind == corpus.InstrumentDotation {
				r.dotationDoc = 1
				break
			}
		}
	}
	return r.dotationDoc > 0
}

// titleInstrument returns the specific instrument the title or the first line
// names, or "". Computed on first use.
func (r *reader) titleInstrument() string {
	if !r.titleDone {
		r.titleDone = true
		r.titleInstr = r.findTitleInstr()
	}
	return r.titleInstr
}

func (r *reader) findTitleInstr() string {
	var title []token
	if x := r.in.TitleTokens; x != nil && x.T != nil && x.T.S == r.in.Title {
		r.bufs.titleToks = tokensOf(x, len(r.in.Title), r.bufs.titleToks)
		title = r.bufs.titleToks
	} else {
		title = r.bufs.tokenizeTitle(r.in.Title)
	}
	if kind := specificIn(title, 0, len(title)); kind != "" {
		return kind
	}
	// The first line, or the first sentence, when short enough to be a title.
	for _, span := range [][2]int{r.firstLine(), r.lay.sents[0]} {
		if span[1] > span[0] && r.toks[span[1]-1].end-r.toks[span[0]].start <= 200 {
			if kind := specificIn(r.toks, span[0], span[1]); kind != "" {
				return kind
			}
		}
	}
	return ""
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
		if !instrumentM.admitsKey(toks[k].key) {
			continue // at would say no: skipped without the call
		}
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
