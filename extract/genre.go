package extract

import (
	"strings"

	"terril/corpus"
)

// headLen is how far into a document its heading, dateline and metadata are looked for.
const headLen = 1500

// Published returns the document's own date, ISO 8601 at the precision given, or ""
// when the text states none. In order of preference: "publié le …" (or "date de
// publication"); a metadata line "date …"; a dateline near the top ("Lille, le 12 mars
// 2019", "Le 16 mai 2025", "Communiqué de presse du …"); the meeting a minute reports
// ("Réunion du 25 mars 2019", "Séance du conseil municipal du …") near the top;
// "mis à jour le …" last. A date in a title about something else ("… pour 2018") does
// not count.
func Published(t *Text) string {
	f := t.Folded
	x := refScanner{dateScanner: dateScanner{tokens: newTokens(t)}}
	// "publié le", "date de publication".
	for _, key := range []string{"publie le", "publiee le", "publie en", "date de publication"} {
		if v := x.dateAtText(f, key, len(f)); v != "" {
			return v
		}
	}
	// Metadata line "date 2017-04" / "Date : 12/03/2019".
	for i := range x.toks {
		if !x.isWord(i, "date") || !(i == 0 || x.toks[i].gap >= gapLine) {
			continue
		}
		k := i + 1
		if x.isPunct(k, ":") {
			k++
		}
		if v := x.dateValueAt(k); v != "" {
			return v
		}
	}
	// Dateline near the top: a short line "<Place>, le <date>" or "Le <date>".
	head := min(len(f), headLen)
	for i := 0; i < len(x.toks) && int(x.toks[i].s) < head; i++ {
		if !(i == 0 || x.toks[i].gap >= gapLine) {
			continue
		}
		if v := x.dateline(i); v != "" {
			return v
		}
	}
	// The meeting a minute reports.
	for _, key := range []string{"reunion du", "seance du", "seance publique du", "conseil municipal du",
		"conseil communautaire du", "conseil regional du", "commission permanente du", "assemblee pleniere du",
		"bureau communautaire du", "conseil departemental du", "comite syndical du", "communique de presse du"} {
		if v := x.dateAtText(f, key, head); v != "" {
			return v
		}
	}
	if v := x.byline(head); v != "" {
		return v
	}
	if v := x.signedAt(); v != "" {
		return v
	}
	for _, key := range []string{"mis a jour le", "mise a jour le"} {
		if v := x.dateAtText(f, key, len(f)); v != "" {
			return v
		}
	}
	return ""
}

// dateAtText finds key in f before limit and returns the full date right after it.
func (x *refScanner) dateAtText(f, key string, limit int) string {
	for off := 0; off < limit; {
		p := strings.Index(f[off:], key)
		if p < 0 || off+p >= limit {
			return ""
		}
		at := off + p + len(key)
		off = at
		k := x.tokenAt(at)
		if k < 0 {
			continue
		}
		if x.isWord(k, "le") {
			k++
		}
		if v := x.dateValueAt(k); v != "" {
			return v
		}
	}
	return ""
}

// tokenAt returns the index of the first token starting at or after byte offset p.
func (x *refScanner) tokenAt(p int) int {
	lo, hi := 0, len(x.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(x.toks[m].s) < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= len(x.toks) {
		return -1
	}
	return lo
}

// dateValueAt parses a date with its year at token k: "12 mars 2019", "lundi 12 mars
// 2019", "07/07/2023", "2017-04", "mars 2019".
func (x *refScanner) dateValueAt(k int) string {
	if k < 0 || k >= len(x.toks) {
		return ""
	}
	if x.kind(k) == tokWord && weekdays[x.str(k)] {
		k++
	}
	x.out = x.out[:0]
	switch x.kind(k) {
	case tokNum:
		c := x.compound(k)
		if c-k > 1 && !(c-k == 2 && isOrdinal(x.str(k+1))) {
			x.numericDate(k, c)
		} else {
			x.dayList(k)
		}
	case tokWord:
		if _, ok := x.monthAt(k); ok {
			x.monthList(k)
		}
	}
	if len(x.out) == 0 || x.out[0].noYear {
		return ""
	}
	return x.out[0].v.iso()
}

// dateline reads a line starting at token i of the form "<Place>, le <date>",
// "<Place>, <date>", "Le <date>" or "<date>", and nothing else.
func (x *refScanner) dateline(i int) string {
	k := i
	place := false
	if x.isWord(k, "le") {
		k++
	} else if x.kind(k) == tokWord && x.upper(k) && !weekdays[x.str(k)] && !x.isWord(k, "fait") {
		if _, ok := x.monthAt(k); !ok {
			// A place of a few words, then a comma.
			for n := 0; n < 6; n++ {
				if k >= len(x.toks) || (k > i && x.toks[k].gap > gapSpace) {
					return ""
				}
				if x.isPunct(k, ",") {
					break
				}
				if x.kind(k) == tokWord || x.isPunct(k, "-") || x.isPunct(k, "'") {
					k++
					continue
				}
				return ""
			}
			if !x.isPunct(k, ",") {
				return ""
			}
			k++
			if x.isWord(k, "le") {
				k++
			}
			place = true
		}
	}
	v := x.dateValueAt(k)
	if v == "" {
		return ""
	}
	// Nothing else on the line but a full stop; after a place, a dash or a full stop
	// may lead into the text ("Lille, le 30 janvier 2023 – Le Département…").
	end := x.out[len(x.out)-1].j
	if end >= len(x.toks) || x.toks[end].gap >= gapLine {
		return v
	}
	switch x.str(end) {
	case ".":
		if place || end+1 >= len(x.toks) || x.toks[end+1].gap >= gapLine {
			return v
		}
	case "–", "—", "-", "|", ":":
		if place {
			return v
		}
	}
	return ""
}

// signedAt reads "Fait à <Place>, le <date>" (the date an act is signed) anywhere in
// the text.
func (x *refScanner) signedAt() string {
	for i := range x.toks {
		if !x.isWord(i, "fait") || !x.isWord(i+1, "a") {
			continue
		}
		k := i + 2
		for n := 0; n < 6 && k < len(x.toks) && (x.kind(k) == tokWord || x.isPunct(k, "-") || x.isPunct(k, "'")) && !x.isWord(k, "le"); n++ {
			k++
		}
		if x.isPunct(k, ",") {
			k++
		}
		if x.isWord(k, "le") {
			k++
		}
		if v := x.dateValueAt(k); v != "" {
			return v
		}
	}
	return ""
}

// byline reads a byline near the top that carries the date: "Par Antoine Dervaux – 14
// août 2023".
func (x *refScanner) byline(head int) string {
	for i := 0; i < len(x.toks) && int(x.toks[i].s) < head; i++ {
		if !x.isWord(i, "par") || !(i == 0 || x.toks[i].gap >= gapLine) {
			continue
		}
		for k := i + 1; k < len(x.toks) && k < i+12 && x.toks[k].gap < gapLine; k++ {
			if x.kind(k) == tokNum || x.kind(k) == tokWord && weekdays[x.str(k)] {
				if v := x.dateValueAt(k); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// Genre returns the document's genre (corpus.Genre*): "deliberation" for acts,
// recueils and minutes; "communique" for press releases and the news items an
// institution publishes on its own site; "article" for press articles; "page" for
// the rest (programme descriptions, institutional pages). title is the document's
// title and published its publication date (possibly empty).
func Genre(t *Text, title, published string) string {
	f := t.Folded
	head := f[:min(len(f), 3000)]
	ft := Fold(title)
	// Acts and minutes.
	act := 0
	for _, m := range []string{"extrait du registre", "registre des deliberations", "recueil des actes",
		"proces-verbal", "proces verbal", "apres en avoir delibere", "apres avoir delibere", "liste des deliberations",
		"compte rendu de la seance", "compte-rendu de la seance", "compte rendu du conseil", "compte-rendu du conseil",
		"le conseil municipal", "le conseil communautaire", "deliberation n", "arrete n", "l'assemblee delibere",
		"ordre du jour", "secretaire de seance", "quorum", "vote a l'unanimite", "adopte a l'unanimite"} {
		if strings.Contains(head, m) {
			act++
		}
	}
	x := tokens{t: t, f: f, toks: lex(head)}
	vu := 0
	for i := range x.toks {
		if !(i == 0 || x.toks[i].gap >= gapLine) || x.kind(i) != tokWord {
			continue
		}
		switch x.str(i) {
		case "vu", "considerant":
			vu++
		case "arrete", "arretent", "decide", "delibere", "deliberation", "arretons":
			if x.toks[min(i+1, len(x.toks)-1)].gap >= gapLine || x.isPunct(i+1, ":") || i+1 == len(x.toks) {
				act += 2
			}
		}
	}
	if vu >= 2 {
		act += 2
	}
	for _, m := range []string{"deliberation", "arrete", "proces-verbal", "proces verbal", "recueil des actes", "compte rendu du conseil", "compte-rendu du conseil", "conseil municipal du"} {
		if strings.Contains(ft, m) {
			act += 2
		}
	}
	if act >= 2 {
		return corpus.GenreDeliberation
	}
	// Press releases.
	for _, m := range []string{"communique de presse", "communique", "contact presse", "contacts presse",
		"relations presse", "service de presse", "service presse", "attachee de presse", "attache de presse",
		"dossier de presse", "information presse", "invitation presse"} {
		if strings.Contains(f, m) || strings.Contains(ft, m) {
			return corpus.GenreCommunique
		}
	}
	hasDateline := false
	rs := refScanner{dateScanner: dateScanner{tokens: x}}
	for i := 0; i < len(x.toks) && x.toks[i].s < headLen; i++ {
		if (i == 0 || x.toks[i].gap >= gapLine) && x.kind(i) == tokWord && x.upper(i) && !x.isWord(i, "le") {
			if rs.dateline(i) != "" {
				hasDateline = true
				break
			}
		}
	}
	if hasDateline {
		return corpus.GenreCommunique
	}
	// Press articles.
	if articleMarks(f) || x.byline() {
		return corpus.GenreArticle
	}
	// A news item on an institution's own site ("Article publié le", "Actualités", or a
	// first paragraph reporting an event) rather than a programme page.
	if published != "" && strings.Contains(head, "publie") && !pageMarks(f) && newsCue(head) {
		return corpus.GenreCommunique
	}
	return corpus.GenrePage
}

// articleMarks reports whether f reads like a press article: a newspaper's name, a
// byline, or reported speech ("», déclare X", "a-t-il indiqué").
func articleMarks(f string) bool {
	for _, m := range []string{"la voix du nord", "le monde", "ouest-france", "le figaro", "les echos",
		"le parisien", "la gazette des communes", "courrier picard", "nord eclair", "la tribune",
		"l'usine nouvelle", "(afp)", "agence france-presse", "journaliste", "midi libre", "le progres",
		"la depeche", "sud ouest", "le dauphine", "l'est republicain", "le telegramme", "20 minutes"} {
		if strings.Contains(f, m) {
			return true
		}
	}
	speech := 0
	for _, v := range []string{"declare", "indique", "explique", "souligne", "affirme", "precise",
		"assure", "ajoute", "confie", "estime", "rappelle", "poursuit", "insiste", "annonce", "lance", "resume", "temoigne",
		"sourit", "constate", "raconte", "note", "observe", "reconnait", "glisse", "commente", "detaille", "martele",
		"plaide", "regrette", "deplore", "salue", "conclut", "tempere", "previent", "se felicite", "se rejouit",
		"s'inquiete", "s'enthousiasme", "s'agace", "soupire", "s'amuse", "avoue", "admet", "lache"} {
		for _, p := range []string{"», " + v, "» " + v, "\", " + v, "», a " + v} {
			speech += strings.Count(f, p)
		}
		speech += strings.Count(f, v+"-t-il") + strings.Count(f, v+"-t-elle")
	}
	speech += strings.Count(f, "a-t-il ") + strings.Count(f, "a-t-elle ")
	return speech >= 1
}

// byline reports whether a line near the top credits an author: "Par Mathilde
// Lefort", "Publié le 18 mars 2024 par Karim Ouali", "… – Par Éric Dufresne".
func (x *tokens) byline() bool {
	for i := 0; i+2 < len(x.toks) && x.toks[i].s < headLen; i++ {
		if !x.isWord(i, "par") {
			continue
		}
		lineStart := i == 0 || x.toks[i].gap >= gapLine
		afterMark := x.kind(i-1) == tokNum || x.kind(i-1) == tokPunct && strings.Contains("|–—-", x.str(i-1))
		if !lineStart && !afterMark {
			continue
		}
		// Two capitalised words, then the end of the line or a separator.
		k := i + 1
		names := 0
		for k < len(x.toks) && x.toks[k].gap < gapLine && x.kind(k) == tokWord && x.upper(k) {
			names++
			k++
			for x.isPunct(k, "-") && x.glued(k) && x.kind(k+1) == tokWord {
				k += 2
			}
		}
		if names < 2 || names > 3 {
			continue
		}
		if k >= len(x.toks) || x.toks[k].gap >= gapLine || x.kind(k) == tokPunct && strings.Contains("|–—-,", x.str(k)) {
			return true
		}
	}
	return false
}

// newsCue reports whether the head of a text reports an event, as news does.
func newsCue(head string) bool {
	for _, m := range []string{"article publie", "actualite", "vient d'", "vient de ", "viennent de", "a inaugure",
		"ont inaugure", "a signe ", "ont signe ", "a lance ", "a attribue", "a annonce", "a vote", "a adopte",
		"a ete inaugure", "a ete signe", "ce lundi", "ce mardi", "ce mercredi", "ce jeudi", "ce vendredi",
		"ce samedi", "ce dimanche", " hier ", " hier,"} {
		if strings.Contains(head, m) {
			return true
		}
	}
	return false
}

// pageMarks reports whether f describes a programme or a procedure rather than news.
func pageMarks(f string) bool {
	n := 0
	for _, m := range []string{"beneficiaires", "pour qui", "qui peut", "eligib", "modalites", "depenses eligibles",
		"montant de l'aide", "comment candidater", "deposer", "dossier de candidature", "conditions d'",
		"pieces justificatives", "en savoir plus", "demarche", "criteres"} {
		if strings.Contains(f, m) {
			n++
		}
	}
	return n >= 3
}
