package themes

import ()

// A themeSegment is a run of a sentence's tokens between clause marks (a comma,
// a semicolon, a colon, a parenthesis, a dash), "et" and list fillers ("ou
// encore", "ainsi que"): an item when the sentence enumerates.
type themeSegment struct {
	first, n   int32 // first token, tokens
	sent       int32
	mark       uint8 // what opens it: segSoft, segColon or segHard
	aside      bool  // a token is in an aside that lists examples or in a formal line (boilerplate, "Vu …", contact)
	mFirst, mN int32 // its matches in the matches slice
}

// The marks that open a segment: a comma, a semicolon, "et" or a filler word
// separate the items of a list; a colon opens it; a parenthesis, a dash, a
// quote or a new sentence ends it.
const (
	segSoft uint8 = iota
	segColon
	segHard
)

// maxItemWords is the most content words of a segment that can be an item of an
// enumeration ("la transition écologique", "investissement dans les routes").
const maxItemWords = 4

// boostEnumerations gives the weight of list items (@enum) to the theme terms
// heading the items of an enumeration in running text: three short segments or
// more in a row in one sentence, separated by commas, semicolons, "et" or list
// fillers, two thirds of them (and two or more) headed by a theme term ("en
// matière de logement, de mobilité, de transition énergétique et de numérique";
// "des projets : investissement dans les routes départementales, construction
// et rénovation de collèges"). The segment just before the run counts as its
// first item when a term ends it ("… en matière de commerce"). When three items
// or more are a theme term and nothing else ("la santé, la formation, les
// mobilités, le numérique"), the sentence lists topics and its terms weigh
// @topics. Examples in parentheses and formal lines are not boosted; a
// parenthesis, a dash or a new sentence ends a run, so that a programme's name
// before its acronym is not a list.
func (sc *scanner) boostEnumerations(ms []themeMatch) {
	set := &sc.th.set
	if len(ms) < 2 || set.enum <= 1 && set.topics <= 1 {
		return
	}
	segs := sc.segments(ms)
	for a := 0; a < len(segs); {
		b := a
		for b < len(segs) && segs[b].n <= maxItemWords && !segs[b].aside && (b == a || segs[b].mark == segSoft) {
			b++
		}
		if b == a {
			a++
			continue
		}
		if b-a >= 3 {
			sc.boostRun(ms, segs, a, b)
		}
		a = b
	}
}

// segments returns the segments of the scanned tokens (built by word) with their
// matches.
func (sc *scanner) segments(ms []themeMatch) []themeSegment {
	segs := sc.segs
	p := 0 // matches and segments are in text order: one walk pairs them
	for i := range ms {
		first := ms[i].first
		for p < len(segs) && segs[p].first+segs[p].n <= first {
			p++
		}
		if p == len(segs) {
			break
		}
		if sg := &segs[p]; sg.first <= first {
			if sg.mFirst < 0 {
				sg.mFirst, sg.mN = int32(i), 1
			} else {
				sg.mN++
			}
		}
	}
	return segs
}

// boostRun boosts the items of the run of short segments [a, b) if it is an
// enumeration (see boostEnumerations).
func (sc *scanner) boostRun(ms []themeMatch, segs []themeSegment, a, b int) {
	set := &sc.th.set
	matched, bare, total := 0, 0, b-a
	head := func(sg *themeSegment, tail bool) (ok, isBare bool) {
		for i := sg.mFirst; sg.mFirst >= 0 && i < sg.mFirst+sg.mN; i++ {
			m := &ms[i]
			if sc.th.entries[m.entry].theme < 0 || m.contribution <= 0 {
				continue
			}
			end := m.last == sg.first+sg.n
			if tail && end || !tail && isItemHead(m, sg) {
				return true, m.first == sg.first && end
			}
		}
		return false, false
	}
	intro := a > 0 && segs[a].mark != segHard && !segs[a-1].aside
	if intro {
		if ok, _ := head(&segs[a-1], true); ok {
			matched++
			total++
		} else {
			intro = false
		}
	}
	for k := a; k < b; k++ {
		if ok, isBare := head(&segs[k], false); ok {
			matched++
			if isBare {
				bare++
			}
		}
	}
	if matched < 2 || 3*matched < 2*total {
		return
	}
	f := set.enum
	if bare >= 3 {
		f = max(f, set.topics)
	}
	boost := func(sg *themeSegment, tail bool) {
		for i := sg.mFirst; sg.mFirst >= 0 && i < sg.mFirst+sg.mN; i++ {
			m := &ms[i]
			end := m.last == sg.first+sg.n
			if sc.th.entries[m.entry].theme < 0 || m.emph || !(tail && end || !tail && isItemHead(m, sg)) {
				continue
			}
			m.contribution *= f
			m.emph = true
		}
	}
	if intro {
		boost(&segs[a-1], true)
	}
	for k := a; k < b; k++ {
		boost(&segs[k], false)
	}
}

// isItemHead reports whether match m heads segment sg as an item names its
// subject: it starts at one of its first three words and covers half its words or
// more ("la mobilité", "rénovation de collèges", not "incubateur consacré aux
// entreprises culturelles").
func isItemHead(m *themeMatch, sg *themeSegment) bool {
	return m.first <= sg.first+2 && 2*(m.last-m.first) >= sg.n
}
