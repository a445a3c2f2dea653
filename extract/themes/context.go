package themes

import (
	"strings"
	"terril/extract/lex"
	"unicode"
	"unicode/utf8"
)

// The words that change the context of the words after them, by contextClass.
const (
	plainWord   = iota
	axisWord    // announces the axes of a programme ("autour de trois axes :", "les priorités suivantes :")
	exampleWord // opens a clause of examples
	formerWord  // makes the next word the description of a site rather than a subject: "l'ancienne gare", "la friche hospitalière"
	savoirWord  // "à savoir", which lists the axes announced
	euroWord    // a euro amount's unit
	fillerWord  // joins the items of a list ("ou encore", "ainsi que"): not part of an item
	roleWord    // names an official's office, before a portfolio ("vice-président chargé de…")
	ownRoleWord // an office that names its portfolio after it ("adjointe à la culture")
	chargeWord  // "chargé(e)", "en charge", "délégué(e)": opens a portfolio after a role word ("conseiller délégué au tourisme")
	otherWord   // a plain word that no lexicon match holds (see Themes.classOf): its weight is never read
)

// punct handles the character c (first byte of r, n bytes long) at i, not part
// of a word: quotes, parentheses, clause and sentence ends, the euro sign.
func (sc *scanner) punct(i, n int, c byte, r rune) {
	s := sc.s
	st := &sc.st
	st.gap = st.gap || phraseGap(s, i)
	if c >= utf8.RuneSelf {
		switch {
		case r == '«' || r == '“':
			sc.endQuote()
			sc.quotes = append(sc.quotes, themeQuote{first: int32(len(sc.toks))})
			st.quoteOpen = len(sc.quotes) - 1
		case r == '»' || r == '”':
			st.closeQuote = true
		case r == '€':
			st.pendingAmount = true
		case r == '…':
			if aheadIsBreak(s, i+n) {
				sc.newSentence()
			}
		case r == '–' || r == '—':
			st.segMark, st.portfolio = segHard, 0
			sc.closeClause()
		}
	}
	switch c {
	case '"':
		if st.straightQuote {
			st.closeQuote = true
		} else {
			sc.endQuote()
			sc.quotes = append(sc.quotes, themeQuote{first: int32(len(sc.toks))})
			st.quoteOpen = len(sc.quotes) - 1
			st.straightQuote = true
		}
	case '(':
		st.segMark, st.portfolio = segHard, 0
		st.parenDepth++
		if st.asideDepth == 0 && st.parenDepth == 1 { // outermost only: the scans do not overlap
			if end, ok := asideParen(s, i); ok {
				st.asideDepth = st.parenDepth
				st.asideEnd = end
			}
		}
		sc.closeClause()
	case ')':
		st.segMark = segHard
		if st.parenDepth > 0 {
			if st.parenDepth == st.asideDepth {
				st.asideDepth, st.asideEnd = 0, -1
			}
			st.parenDepth--
		}
		sc.closeClause()
	case ',', ';':
		if st.portfolio > 0 && (c == ';' || !portfolioGoesOn(s, i+1)) {
			st.portfolio = 0
		}
		sc.closeClause()
	case ':':
		st.segMark, st.portfolio = max(st.segMark, segColon), 0
		sc.closeClause()
		if st.sentHasAxis {
			st.enum, st.itemPos = true, 0
		}
	case '.', '!', '?':
		// A sentence ends at a full stop followed by a space or a line end,
		// but not inside a number ("1.2") or after a one-letter abbreviation.
		if aheadIsBreak(s, i+1) && !(c == '.' && i-st.lastWordEnd == 0 && len(sc.toks) > 0 &&
			sc.toks[len(sc.toks)-1].end-sc.toks[len(sc.toks)-1].start == 1) {
			if c == '.' && i+3 <= len(s) && s[i:i+3] == "..." {
				break
			}
			sc.newSentence()
		}
	}
	if st.closeQuote {
		st.closeQuote = false
		sc.endQuote()
	}
	if st.pendingAmount {
		st.pendingAmount = false
		if sc.recentNumber(st.sentFirstTok) {
			sc.sents[st.sent].amount = true
		}
	}
	if st.asideEnd >= 0 && i >= st.asideEnd {
		st.asideDepth, st.asideEnd = 0, -1
	}
}

// word records the word [i, j) of sc.s, not a stop word, as a token with its
// context, its stem, list and class from wordInfoKey.
func (sc *scanner) word(i, j int, stem, list int32, class uint8) {
	st := &sc.st
	n := len(sc.toks)
	// The token is filled in place, field by field (the scratch array holds old
	// tokens): a struct literal would be built aside and copied. scan made room for
	// the words of the line (reserve).
	sc.toks = sc.toks[:n+1]
	tk := &sc.toks[n]
	tk.start, tk.end, tk.stem, tk.list = int32(i), int32(j), stem, list
	tk.sent, tk.quote, tk.gap, tk.speech = st.sent, int32(st.quoteOpen), st.gap, false
	st.gap = false
	// A word in an aside or a formal line weighs less and is no emphasis.
	formal := st.boilerplate || st.citation || st.actBP
	aside := st.asideDepth > 0
	if class == fillerWord {
		st.segBreak = true // a filler is in no segment
	} else {
		if st.segBreak {
			k := len(sc.segs) // room made by reserve, as for the tokens
			sc.segs = sc.segs[:k+1]
			sc.segs[k] = themeSegment{first: int32(n), sent: st.sent, mark: st.segMark, mFirst: -1}
			st.segBreak, st.segMark = false, segSoft
		}
		sg := &sc.segs[len(sc.segs)-1]
		sg.n++
		sg.aside = sg.aside || aside || formal
	}
	if class != otherWord {
		sc.weigh(tk, i, n, aside, formal)
	}
	if st.portfolio > 0 {
		if sc.startsUpper(i) {
			st.portfolio = 0 // a name: the portfolio has ended
		} else {
			st.portfolio--
		}
	}
	if n == st.sentFirstTok {
		sc.sents[st.sent].item = st.startItem
		sc.sents[st.sent].refers = lex.Anaphors.Has(sc.s[i:j]) // "Ces travaux…", "Il…"
		st.startItem = false
	}
	if st.itemMode || st.enum {
		if !st.itemMode || st.itemStartAfter < 0 || i >= st.itemStartAfter {
			st.itemPos++
		}
	}
	if class != plainWord && class != otherWord {
		sc.wordClass(i, j, class)
	}
}

// weigh sets the weight and the emphasis of token tk, the word at i, token n,
// before word counts the portfolio down. Only the words a match may hold are
// weighed: match reads no other's.
func (sc *scanner) weigh(tk *themeToken, i, n int, aside, formal bool) {
	st := &sc.st
	set := &sc.th.set
	m := 1.0
	emph := true
	switch {
	case i >= sc.titleStart && i < sc.titleEnd:
		m = set.title
	case st.heading:
		m = set.heading
	case (st.itemMode || st.enum) && st.itemPos < itemHead && !aside &&
		(!st.itemMode || st.itemStartAfter < 0 || i >= st.itemStartAfter):
		m = set.item
	default:
		emph = false
	}
	if aside {
		m *= set.aside
	}
	if st.example {
		m *= set.example
	}
	if st.boilerplate {
		m *= set.bp
	}
	if st.former == n {
		m *= set.former
	}
	if st.citation || st.actBP {
		m *= set.bp
	}
	if st.portfolio > 0 && !sc.startsUpper(i) {
		m *= set.portfolio
		emph = false
	}
	tk.mult = float32(m)
	tk.emph = emph && !aside && !st.example && !formal && st.former != n
}

// wordClass changes the context after the word [i, j), the last token, by its
// class (see contextClass).
func (sc *scanner) wordClass(i, j int, class uint8) {
	st := &sc.st
	switch class {
	case axisWord:
		st.sentHasAxis = true
	case exampleWord:
		// "tout comme" joins two subjects ("la formation, tout comme le
		// développement économique"): it opens no example.
		st.example = !(sc.s[i:j] == "comme" && len(sc.toks) >= 2 && sc.tokenIs(len(sc.toks)-2, "tout"))
	case formerWord:
		st.former = len(sc.toks)
	case savoirWord:
		if st.sentHasAxis {
			st.enum, st.itemPos = true, 0
		}
	case euroWord:
		if sc.recentNumber(st.sentFirstTok) {
			sc.sents[st.sent].amount = true
		}
	case roleWord:
		st.roleTok = len(sc.toks) - 1
	case ownRoleWord:
		st.roleTok = len(sc.toks) - 1
		st.portfolio = maxPortfolio
	case chargeWord:
		// Right after the role word, with no punctuation between: "président
		// chargé", "conseillère en charge", "maire délégué", not "budget
		// communautaire ; charges" nor "la compétence déléguée à la métropole".
		if st.roleTok == len(sc.toks)-2 && !sc.toks[len(sc.toks)-1].gap {
			st.portfolio = maxPortfolio
		}
	}
}

// maxPortfolio is the most content words of an official's portfolio.
const maxPortfolio = 12

// portfolioGoesOn reports whether the folded text after a comma at i goes on
// with an official's portfolio: its next word is "de", "du", "des", "d'", "à",
// "au" or "aux" ("chargée de l'emploi, de la formation et de l'apprentissage").
func portfolioGoesOn(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
		j++
	}
	switch s[i:j] {
	case "de", "du", "des", "d", "a", "au", "aux":
		return true
	}
	return false
}

// newSentence starts a new sentence, unless the current one has no token yet.
func (sc *scanner) newSentence() {
	st := &sc.st
	st.sentHasAxis, st.enum, st.example = false, false, false
	st.segBreak, st.segMark = true, segHard
	st.portfolio = 0
	if len(sc.toks) == st.sentFirstTok {
		return // empty sentence: reuse it
	}
	st.sent++
	sc.sents = append(sc.sents, sentenceInfo{para: st.para})
	st.sentFirstTok = len(sc.toks)
}

// closeClause ends a clause: a comma, a parenthesis, a dash.
func (sc *scanner) closeClause() {
	sc.st.example = false
	sc.st.segBreak = true
	if sc.st.enum {
		sc.st.itemPos = 0
	}
}

// endQuote closes the open quote, if any.
func (sc *scanner) endQuote() {
	st := &sc.st
	if st.quoteOpen >= 0 {
		q := &sc.quotes[st.quoteOpen]
		q.last = int32(len(sc.toks))
		if q.last-q.first > 12 {
			// A long quotation is speech, not a name: the name rule does not
			// apply, but what a speaker says weighs less than what the text
			// itself reports (see @speech).
			for k := q.first; k < q.last; k++ {
				sc.toks[k].quote = -1
				sc.toks[k].speech = true
			}
		}
	}
	st.quoteOpen = -1
	st.straightQuote = false
}

// softBreak reports whether the blank line [i, le) of sc.s sits inside a sentence:
// the text before it does not end a sentence or a heading (it ends with a letter, a
// digit, a comma or a small word) and the next line starts with a lower-case letter.
func (sc *scanner) softBreak(i, le int) bool {
	k := i - 1
	for k >= 0 && (sc.s[k] == '\n' || sc.s[k] == ' ') {
		k--
	}
	if k < 0 {
		return false
	}
	switch c := sc.s[k]; {
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == ',', c == '\'', c >= utf8.RuneSelf && !strings.HasSuffix(sc.s[:k+1], "»") && !strings.HasSuffix(sc.s[:k+1], "…"):
	default:
		return false
	}
	return le < len(sc.s) && sc.nextLineLower(le+1)
}

// nextLineLower reports whether the first non-blank line from i starts with a
// lower-case letter in the original text (a line of the same sentence).
func (sc *scanner) nextLineLower(i int) bool {
	for i < len(sc.s) && (sc.s[i] == '\n' || sc.s[i] == ' ') {
		i++
	}
	if i >= len(sc.s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sc.orig(i, i+1))
	return unicode.IsLower(r)
}

// startsUpper reports whether the line starting at i (after spaces) starts with an
// upper-case letter, a digit, a quote or markup in the original text, as headings do.
func (sc *scanner) startsUpper(i int) bool {
	for i < len(sc.s) && sc.s[i] == ' ' {
		i++
	}
	if i >= len(sc.s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(sc.orig(i, i+1))
	return !unicode.IsLower(r)
}

// recentNumber reports whether one of the last four words of the current sentence
// (starting at token first) is a number.
func (sc *scanner) recentNumber(first int) bool {
	for k := len(sc.toks) - 1; k >= first && k >= len(sc.toks)-4; k-- {
		if c := sc.s[sc.toks[k].start]; '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// tokenIs reports whether token k is the folded word w.
func (sc *scanner) tokenIs(k int, w string) bool {
	tk := &sc.toks[k]
	return sc.s[tk.start:tk.end] == w
}
