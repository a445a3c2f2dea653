package genre

import (
	"strings"

	"terril/corpus"
	"terril/extract/dates"
	"terril/extract/lex"
	"terril/extract/text"
)

// Find returns the genre (corpus.Genre*) of the text lexed as tk: "deliberation" for
// acts, recueils and minutes; "communique" for press releases and the news items an
// institution publishes on its own site; "article" for press articles; "page" for the
// rest (programme descriptions, institutional pages). title is the document's title
// and published its publication date (possibly empty).
func Find(tk *text.Tokens, title, published string) string {
	return find(tk, title, nil, published)
}

// FindTitled is Find with the title also given lexed, tt (text.Lex of
// text.New(title); nil or empty when not at hand), as extract.Extractor lexes it once
// for every extractor that reads it.
func FindTitled(tk *text.Tokens, title string, tt *text.Tokens, published string) string {
	if tt != nil && (tt.T == nil || tt.T.S != title) {
		tt = nil
	}
	return find(tk, title, tt, published)
}

// find is Find, with the title's tokens tt when the caller has them (nil: find lexes
// the title if it reads it).
func find(tk *text.Tokens, title string, tt *text.Tokens, published string) string {
	x := scanner{Scanner: dates.Scanner{Tokens: *tk}}
	var cues [nCues]int
	// The head is the tokens starting before byte 3000 (tokens are in text order).
	headEnd := x.firstAt(3000)
	// One pass over the tokens: the cue phrases in the head (a heading "RECUEIL DES
	// ACTES ADMINISTRATIFS", "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS" is enough on its
	// own: see phrase.heading), and the words genreToken counts. Most tokens matter to
	// neither: bit sets of first bytes and lengths skip them.
	var g genreTally
	toks, f := x.Toks, x.F
	head := toks[:headEnd]
	for i := range head {
		tk := &head[i] // head's, not toks': no bounds check
		if tk.Flags&text.FlagGenre == 0 {
			continue
		}
		n, c, l := uint32(tk.E-tk.S), f[tk.S], f[tk.E-1]
		if n >= 64 || genreHeadMask[c]&genreHeadLast[l]>>n&1 == 0 {
			continue
		}
		// The cue phrases starting at the token, and the words genreToken counts.
		if genreCues.mask[c]>>n&1 != 0 && genreCues.last[l]>>n&1 != 0 {
			genreCues.countAt(&x.Tokens, i, &cues)
		}
		if n <= 15 && genreWordMask[c]>>n&1 != 0 && genreWordLast[l]>>n&1 != 0 {
			x.genreToken(i, headEnd, &g)
		}
	}
	for i := headEnd; i < len(toks); i++ {
		if toks[i].Flags&text.FlagGenre == 0 {
			continue
		}
		if n := uint32(toks[i].E - toks[i].S); n <= 15 && genreWordMask[f[toks[i].S]]>>n&1 != 0 && genreWordLast[f[toks[i].E-1]]>>n&1 != 0 {
			x.genreToken(i, headEnd, &g)
		}
	}
	cues[cuePress] += g.press
	act := cues[cueAct] + g.act
	if g.vu >= 2 {
		act += 2
	}
	if act < 2 && title != "" {
		// The title only adds to the act and press cues: read once the text alone
		// does not make an act.
		var tc [nCues]int
		if tt == nil {
			// The phrase sets read only the folded title and its tokens: no Text with
			// its offsets is built.
			ft := text.Fold(title)
			tt = &text.Tokens{F: ft, Toks: text.LexString(ft)}
		}
		titleActCues.count(tt, 0, len(tt.Toks), &tc)
		act += 2 * tc[cueTitleAct]
		clear(tc[:])
		genreCues.count(tt, 0, len(tt.Toks), &tc)
		cues[cuePress] += tc[cuePress]
	}
	switch {
	case act >= 2:
		return corpus.GenreDeliberation
	case cues[cuePress] > 0:
		return corpus.GenreCommunique
	}
	// A newspaper's name or a byline make an article; without them, a newspaper's
	// habits add up: reported speech, people given with their age ("Kévin, 23 ans,";
	// two of them count twice), the journalist's name alone on the last line.
	paper := cues[cuePaper] > 0 || g.byline
	speech := g.speech
	habits := min(speech, 1) + min(g.ages, 2) + 2*min(g.party, 1) + min(g.weekday, 1)
	if x.closingName() {
		habits++
	}
	rs := &x
	for i, end := 0, x.firstAt(headLen); i < end; i++ {
		if (i == 0 || toks[i].Gap >= text.GapLine) && toks[i].Kind == text.Word && !x.IsWord(i, "le") && x.Upper(i) {
			if rs.dateline(i) != "" {
				// "Lille, le 12 mars 2019" is a release's; a date alone on its line
				// heads newspaper articles too.
				if _, month := rs.MonthAt(i); month || lex.Weekdays.Has(x.Str(i)) {
					if paper || habits >= 2 {
						return corpus.GenreArticle
					}
				}
				return corpus.GenreCommunique
			}
		}
	}
	// Press articles: a newspaper's name, a byline, reported speech; a title that
	// asks a question, but on a page cut into sections, which asks "Pour qui ?".
	// An institution's news, with its publication line, quotes its people too: there,
	// speech alone does not make an article.
	if paper || speech > 0 && !g.publie || habits >= 2 || cues[cuePage] < 2 && x.questionTitle(title) && x.sectionHeadings(headEnd) < 3 {
		return corpus.GenreArticle
	}
	// A programme or procedure page says who may apply, for what and how
	// ("Bénéficiaires", "Dépenses éligibles", "Modalités"); one such word is enough
	// where nothing tells news ("Actualités", "vient de", "Publié le").
	// So does one cut into sections under short headings ("Notre offre", "Chiffres
	// clés", "La couverture mobile").
	if cues[cuePage] >= 2 || cues[cuePage] == 1 && cues[cueNews] == 0 && !g.publie || x.sectionHeadings(headEnd) >= 3 {
		return corpus.GenrePage
	}
	// The rest is the news of an institution, on its own site or republished.
	return corpus.GenreCommunique
}

// Cue categories for Genre.
const (
	cueAct      = iota // in the head: the vocabulary of acts and minutes
	cuePress           // anywhere: press-release furniture
	cuePaper           // in the head: a newspaper's name
	cueNews            // in the head: news of an event
	cuePage            // anywhere: a programme or procedure page
	cueTitleAct        // in the title: an act
	nCues
)

// genreCues are the cue phrases of Genre, folded. A phrase marked "^" counts twice
// when it starts a line, an act's heading ("RECUEIL DES ACTES", "EXTRAIT DU
// REGISTRE"); one marked "@" counts only there, twice: a minute's heading
// ("COMMISSION PERMANENTE DU VENDREDI 6 AVRIL 2007"), which a release cites in a
// sentence ("lors de sa séance du 28 septembre").
var genreCues = newPhraseSet(map[int][]string{
	cueAct: {"^extrait du registre", "^registre des deliberations", "^recueil des actes", "proces verbal",
		"apres en avoir delibere", "apres avoir delibere", "liste des deliberations", "compte rendu de la seance",
		"compte rendu du conseil", "conseil municipal", "conseil communautaire", "deliberation n",
		"arrete n", "assemblee delibere", "ordre du jour", "secretaire de seance", "quorum",
		"vote a l unanimite", "adopte a l unanimite", "adoptee a l unanimite",
		// A dated meeting heading, and the attendance of a minute.
		"@commission permanente du", "@seance du", "@reunion du conseil", "conseillers en exercice",
		"membres en exercice", "delegues en exercice", "nombre de votants", "nombre de procurations",
		"delegues presents", "membres presents", "absents excuses", "donne pouvoir a", "ont donne procuration",
		"sont reunis en seance", "est reuni en seance", "est reunie en seance", "au nombre prescrit"},
	cuePress: {"communique de presse", "communique", "contact presse", "contacts presse", "relations presse",
		"service de presse", "service presse", "attachee de presse", "attache de presse", "dossier de presse",
		"information presse", "invitation presse",
		// A news site's rubric of an institution's releases, republished whole
		// ("<<< RETOUR Département de …", "Revenir à la rubrique DÉPARTEMENT DE …").
		"retour departement", "retour region", "retour prefecture", "retour ville", "retour mairie",
		"retour metropole", "retour ministere", "retour conseil departemental", "retour conseil regional",
		"rubrique departement", "rubrique region", "rubrique prefecture", "rubrique ville", "rubrique mairie",
		"rubrique metropole", "rubrique ministere", "rubrique conseil departemental", "rubrique conseil regional"},
	cuePaper: {"voix du nord", "ouest france", "figaro", "echos", "parisien", "gazette des communes",
		"courrier picard", "nord eclair", "usine nouvelle", "afp", "agence france presse", "journaliste",
		"midi libre", "depeche", "sud ouest", "dauphine libere", "est republicain", "telegramme", "20 minutes",
		"mediacites", "france bleu", "franceinfo", "localtis", "nice matin", "var matin", "corse matin",
		"corse net infos", "tahiti infos", "actu fr", "maire info", "acteurs publics",
		"republicain lorrain", "nouvelle republique", "berry republicain", "paris normandie", "centre presse",
		"reuters", "bfmtv", "mediapart", "rue89"},
	// Recency, not merely the past: an institution's pages also tell what was signed.
	cueNews: {"article publie", "actualite", "actualites", "vient d", "vient de", "viennent de",
		"ce lundi", "ce mardi", "ce mercredi", "ce jeudi", "ce vendredi", "ce samedi", "ce dimanche", "hier"},
	cuePage: {"beneficiaires", "pour qui", "qui peut", "eligible", "eligibles", "eligibilite", "modalites",
		"montant de l aide", "comment candidater", "deposer", "dossier de candidature", "conditions d",
		"pieces justificatives", "en savoir plus", "demarche", "demarches", "criteres",
		"depenses", "plafond", "plafonne", "plafonnee", "aide financiere", "preambule", "demandeurs",
		"ouvert aux candidatures", "taux d intervention", "taux de subvention"},
})

var titleActCues = newPhraseSet(map[int][]string{
	cueTitleAct: {"deliberation", "arrete", "proces verbal", "recueil des actes", "compte rendu du conseil",
		"conseil municipal du"},
})

// speechVerbs introduce reported speech after a quotation ("», déclare X").
var speechVerbs = map[string]bool{
	"declare": true, "indique": true, "explique": true, "souligne": true, "affirme": true, "precise": true,
	"assure": true, "ajoute": true, "confie": true, "estime": true, "rappelle": true, "poursuit": true,
	"insiste": true, "annonce": true, "lance": true, "resume": true, "temoigne": true, "sourit": true,
	"constate": true, "raconte": true, "note": true, "observe": true, "reconnait": true, "glisse": true,
	"commente": true, "detaille": true, "martele": true, "plaide": true, "regrette": true, "deplore": true,
	"salue": true, "conclut": true, "tempere": true, "previent": true, "felicite": true, "rejouit": true,
	"inquiete": true, "enthousiasme": true, "agace": true, "soupire": true, "amuse": true, "avoue": true,
	"admet": true, "lache": true, "declare-t-il": true,
}

// questionTitle reports whether the title, or the first line of the text, asks a
// question ("Projets Anru 2 : où en est-on ?", "Quelle commune touche le plus ?
// Pourquoi ?"), as newspapers' titles and leads do.
func (x *scanner) questionTitle(title string) bool {
	if t := strings.TrimSpace(title); strings.HasSuffix(t, "?") {
		return true
	}
	for i := 0; i < len(x.Toks) && (i == 0 || x.Toks[i].Gap < text.GapLine); i++ {
		if x.IsPunct(i, "?") && x.Toks[i].Gap != text.GapNone {
			return true
		}
	}
	return false
}

// sectionHeadings counts the lines before token end that head a section: one to
// seven words, the first capitalised, no punctuation at the end, and a paragraph
// of twelve words or more on the next line. The first line, the title, is not
// counted.
func (x *scanner) sectionHeadings(end int) int {
	end = min(end, len(x.Toks))
	n := 0
	prevStart := -1 // the line before, when it may head a section
	for s := 0; s < end; {
		e, words := s+1, 0
		if x.Toks[s].Kind == text.Word {
			words++
		}
		for ; e < end && x.Toks[e].Gap < text.GapLine; e++ {
			if x.Toks[e].Kind == text.Word {
				words++
			}
		}
		if prevStart > 0 && words >= 12 && x.headingWords(prevStart) {
			n++
		}
		prevStart = -1
		if words >= 1 && words <= 7 && x.Kind(e-1) != text.Punct {
			prevStart = s
		}
		s = e
	}
	return n
}

// headingWords reports whether the line starting at token s starts with a
// capitalised word.
func (x *scanner) headingWords(s int) bool {
	return x.Kind(s) == text.Word && x.Upper(s)
}

// firstAt returns the index of the first token starting at byte n of the folded text
// or after it, len(x.toks) if none does.
func (x *scanner) firstAt(n int32) int {
	lo, hi := 0, len(x.Toks)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.Toks[m].S < n {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// scanner reads the genre and the publication date; its date scanner reads the date
// written at a token (dateValueAt).
type scanner struct{ dates.Scanner }
