package fundings

import (
	"math/bits"
	"strings"

	"terril/corpus"
)

// The rules are tables of folded French words (lower case, no accents). A word
// ending in "*" matches every word it begins ("financ*": finance, financé,
// financement…); phrases are words separated by spaces.

// cueWords say that money is given or received: a clause with one of them and an
// amount may be a funding.
var cueWords = []string{
	// funder verbs and their nouns
	"accord*", "attribu*", "verse*", "verser*", "versement*", "allou*", "alloc*",
	"financ*", "cofinanc*", "co-financ*", "apport*", "mobilis*", "invest*",
	"inject*", "octroi*", "octroy*", "debloqu*", "consacr*", "engag*", "dedie*",
	"dedi*", "subvention*", "prete", "preter*", "pretera*", "vote", "votes", "votee", "votees",
	"voter", "valide", "valider", "accompagn*", "soutien*", "souten*", "particip*",
	"contribu*", "aide", "aides", "aider*", "aidera*", "aident", "dote*", "dotation*",
	"individualis*", "abond*", "affect*", "enveloppe*", "credits", "concours",
	"prets", "pret", "avance", "avances", "garanti*", "fonds", "reserve*", "destine*",
	// beneficiary verbs
	"benefici*", "recoi*", "recu", "recus", "recue", "recues", "recev*", "touche*",
	"percoi*", "percu*", "percev*", "obtien*", "obtenu*", "dispose*", "disposer*",
	"alloue", "s'eleve", "s'elevent", "s'elevant", "montant", "flech*", "utilis*",
}

// funderVerbs, after a body's name, make it the subject that pays; before one,
// its object, a beneficiary ("subventionner le Département").
var funderVerbs = []string{
	"accord*", "attribu*", "verse", "versent", "versera*", "verser", "allou*",
	"financ*", "cofinanc*", "co-financ*", "apport*", "mobilis*", "investi*",
	"inject*", "octroi*", "octroy*", "debloqu*", "consacr*", "engag*", "dedie*",
	"subventionn*", "prete", "pretent", "pretera*", "preter", "vote", "votent",
	"accompagn*", "soutien", "soutient", "soutiennent", "soutiendra*", "souteni*",
	"particip*", "contribu*", "aide", "aident", "aidera*", "alloue", "abond*",
	"decide", "a", "ont", "va", "vont", "vient", "viennent", "confirme", "garanti*",
	"dote", "dotera", "renouvelle", "s'engage", "finance", "apporte", "valide",
}

// beneficiaryVerbs, after a name, make it the one that receives.
var beneficiaryVerbs = []string{
	"benefici*", "recoi*", "recevr*", "recu", "touche*", "percoi*", "percevr*",
	"obtien*", "obtenu", "dispose*", "disposer*", "se",
}

// costCues before an amount mark a cost, a price or an account, not a funding.
var costCues = []string{
	"cout*", "montant total de travaux", "montant total des travaux", "montant des travaux",
	"montant total d'investissement", "montant previsionnel*", "estime", "estimes", "estimee",
	"estimees", "chiffre d'affaires", "remuneration", "tarif", "tarifs", "prix", "loyer*",
	"depenses", "recettes", "excedent*", "deficit*", "resultat*", "solde", "budget total",
	"investissement total", "montant global des travaux", "facture*", "capital social",
	"projet de", "au budget", "inscrit au budget", "inscription au budget", "ht", "ttc",
	// a programme's endowment ("le plan, doté de 12 M€"; "la loi de finances a doté le fonds de")
	"dote de", "dotee de", "dotes de", "dotees de", "loi de finances",
	// a budget's balance or sections ("le budget primitif s'équilibre à 32 M€")
	"budget", "budgets", "s'equilibre", "equilibre", "compte administratif", "section de fonctionnement",
	"section d'investissement",
}

// volumeAfter, right after an amount, make it a volume of works or investment, not
// a sum given ("1 milliard d'euros d'investissements", "2.887 K€ d'investissement").
var volumeAfter = []string{"d'investissement", "d'investissements", "de travaux", "de chiffre d'affaires"}

// activityAfter, after an amount in its clause, make it an institution's activity
// total over a period ("a investi 800 millions d'euros depuis 5 ans").
var activityAfter = []string{"depuis", "au cours des dernieres annees", "ces dernieres annees", "en cumule"}

// activityStart opens a sentence of cumulative totals ("Depuis 2018, l'État a
// mobilisé…").
var activityStart = []string{"depuis"}

// recapStart opens a paragraph that recalls past totals ("Pour rappel, en 2015…").
var recapStart = []string{"pour rappel", "pour memoire", "rappelons que", "a titre de rappel"}

// ceilingCues around an amount mark a ceiling or a floor of a scheme's aid.
var ceilingCues = []string{
	"maximum", "max", "maximal", "maximale", "maximaux", "plafond*", "plafonne*",
	"dans la limite", "jusqu'à", "minimum", "minimal", "minimale", "forfait*", "au plus",
}

// notCeiling are phrases with a ceiling word that state the amount committed.
var notCeiling = []string{"à hauteur maximale", "à hauteur maximum"}

// perUnit after an amount makes it a rate, not a sum given.
var perUnit = []string{
	"par habitant", "par enfant", "par famille", "par eleve", "par commune", "par logement",
	"par mois", "par jour", "par heure", "par personne", "par beneficiaire", "par demande",
	"par dossier", "par projet", "par hectare", "par ha", "par poste", "par emploi",
	"par metre", "par m2", "par tonne", "par km", "par place", "par lit", "par classe",
	"par structure", "par an et par", "/", "le m2", "l'hectare", "de l'heure", "par etudiant",
	"la journee", "la demi-journee", "la nuit", "la nuitee", "la semaine", "piece", "l'unite",
	"chacun", "chacune", "à chaque", "par apprenti", "par salarie", "par vehicule",
}

// budgetAfter, after an amount, make it a budget line ("12 345 € … sont inscrits
// au budget annexe").
var budgetAfter = []string{"inscrits au budget", "inscrit au budget", "inscrite au budget",
	"inscrites au budget", "sont inscrits", "est inscrit", "impute sur", "imputes sur", "imputee sur",
	"imputees sur", "au chapitre"}

// rateCues anywhere before an amount in its sentence make it a price or a rate
// ("Le prix de journée … est fixé à 68,45 €").
var rateCues = []string{"prix de journee", "tarif", "tarifs", "redevance", "cotisation", "loyer", "loyers"}

// planCues in the sentence opening a list make its items a financing plan whose
// labels name who pays ("plan de financement … : - Région : 1 368 000 €").
var planCues = []string{"plan de financement", "financement*", "financeur*", "cofinanc*", "co-financ*",
	"se repartit", "repartition des financements", "recettes"}

// increments after an amount compare budgets ("6 M€ de plus en 2020").
var increments = []string{"de plus", "supplementaires", "supplementaire", "de moins", "en moins", "en plus"}

// sizeRange before the first amount of a range gives the sizes a scheme's aids
// take ("les aides vont de 50 000 € à 3 M€"), not a sum given.
var sizeRange = []string{"vont de", "va de", "allant de", "varient de", "varie de",
	"passe de", "passera de", "passant de", "passent de", "passeront de", "passer de",
	"comprise entre", "comprises entre", "compris entre", "oscillent entre", "oscille entre"}

// parentCues just before an amount name the envelope its clause draws on ("sur une
// enveloppe globale de").
var parentCues = []string{"sur une enveloppe", "sur un total", "sur un budget", "sur un montant",
	"sur une enveloppe globale", "sur cette enveloppe"}

// partCues between a total and later amounts make these its parts.
var partCues = []string{"dont", "soit", ":", "notamment", "en particulier", "parmi lesquels",
	"parmi lesquelles", "avec en particulier", "à savoir", "repartis", "reparties", "volet",
	"sur cette somme", "sur ce montant"}

// laterPartCues in a later sentence make its amounts parts of an earlier total
// ("Le volet social … s'élève à 936 000 €"; "Le Département va notamment investir").
var laterPartCues = []string{"dont", "notamment", "en particulier", "parmi lesquels", "parmi lesquelles",
	"volet", "sur cette somme", "sur ce montant", "sur cette enveloppe"}

// totalCues near an amount make it a total whose later, smaller amounts from the
// same funder are parts.
var totalCues = []string{"total", "global", "globale", "ensemble", "au total", "en tout", "globalement"}

// countedSet are the nouns of "N projets", "N opérations": a decision's set of
// operations, a beneficiary without a commune of its own.
var countedSet = []string{"projet*", "operation*", "dossier*", "structure*", "laureat*",
	"communes", "collectivites", "associations", "entreprises", "actions", "initiatives"}

// An instrumentWord maps a word to an instrument; kind "" is a generic word (aide,
// soutien, enveloppe…) that gives autre.
type instrumentWord struct {
	phrase string
	kind   string
}

// instrumentWords, longest phrases first where one contains another.
var instrumentWords = []instrumentWord{
	{"garantie d'emprunt", corpus.InstrumentGarantie}, {"garanties d'emprunt", corpus.InstrumentGarantie},
	{"garantie d'emprunts", corpus.InstrumentGarantie}, {"garantie de pret", corpus.InstrumentGarantie},
	{"garantie*", corpus.InstrumentGarantie}, {"garanti", corpus.InstrumentGarantie},
	{"avance remboursable", corpus.InstrumentAvance}, {"avances remboursables", corpus.InstrumentAvance},
	{"avance de tresorerie", corpus.InstrumentAvance}, {"avances de tresorerie", corpus.InstrumentAvance},
	{"une avance", corpus.InstrumentAvance},
	{"quasi-fonds propres", corpus.InstrumentFondsPropres}, {"fonds propres", corpus.InstrumentFondsPropres},
	{"prise de participation", corpus.InstrumentFondsPropres}, {"prises de participation", corpus.InstrumentFondsPropres},
	{"entree au capital", corpus.InstrumentFondsPropres}, {"participation au capital", corpus.InstrumentFondsPropres},
	{"augmentation de capital", corpus.InstrumentFondsPropres}, {"en capital", corpus.InstrumentFondsPropres},
	{"fonds de concours", ""},
	{"pret", corpus.InstrumentPret}, {"prets", corpus.InstrumentPret}, {"prete", corpus.InstrumentPret},
	{"pretera", corpus.InstrumentPret}, {"preter", corpus.InstrumentPret}, {"ptz", corpus.InstrumentPret},
	{"subvention*", corpus.InstrumentSubvention},
	{"dotation*", corpus.InstrumentDotation}, {"detr", corpus.InstrumentDotation},
	{"dsil", corpus.InstrumentDotation}, {"dsu", corpus.InstrumentDotation}, {"dsr", corpus.InstrumentDotation},
	{"dpv", corpus.InstrumentDotation}, {"dsid", corpus.InstrumentDotation}, {"fnadt", corpus.InstrumentDotation},
	{"fonds friche", corpus.InstrumentDotation}, {"fonds friches", corpus.InstrumentDotation},
	{"fonds vert", corpus.InstrumentDotation},
	{"aide", ""}, {"aides", ""}, {"soutien", ""}, {"enveloppe", ""}, {"enveloppes", ""},
	{"financement", ""}, {"financements", ""}, {"cofinancement", ""}, {"co-financement", ""},
	{"contribution", ""}, {"participation", ""}, {"concours", ""}, {"credits", ""}, {"abondement", ""},
}

// Kinds of funders.
const (
	kindState   = "etat"
	kindRegion  = "region"
	kindDept    = "departement"
	kindLocal   = "collectivite"
	kindEPCI    = "epci"
	kindCommune = "commune"
	kindAgency  = "agence"
)

// A funderHead starts the name of a body that pays.
type funderHead struct {
	phrase string
	kind   string
	// upper: the text must write the first word with a capital ("État", "Région"),
	// since the lower-case word is a common noun ("en état", "la région").
	upper bool
	// complement: the name may go on ("Région Occitanie", "Département du Nord").
	complement bool
	// state: the name stands for the State ("le préfet", "France Relance").
	state bool
	// direct: the complement may follow without "de" ("Région Occitanie").
	direct bool
	// canon, when set, is the name written for the body ("Conseil exécutif de
	// Corse" is the executive of the Collectivité de Corse, which pays).
	canon string
	// group joins an acronym and its long name ("Anru", "Agence nationale pour la
	// rénovation urbaine"): the long name is written where the text gives it.
	group string
}

var funderHeads = []funderHead{
	{phrase: "etat", kind: kindState, upper: true},
	{phrase: "gouvernement", kind: kindState},
	{phrase: "ministere", kind: kindState, complement: true},
	{phrase: "prefet de region", kind: kindState, state: true},
	{phrase: "prefet", kind: kindState, state: true}, {phrase: "prefete", kind: kindState, state: true},
	{phrase: "prefecture", kind: kindState, state: true, upper: true},
	{phrase: "sous-prefet", kind: kindState, state: true},
	{phrase: "france relance", kind: kindState, state: true}, {phrase: "plan de relance", kind: kindState, state: true},
	{phrase: "france 2030", kind: kindState, state: true}, {phrase: "fonds vert", kind: kindState, state: true},
	{phrase: "dsil", kind: kindState, state: true}, {phrase: "detr", kind: kindState, state: true},
	{phrase: "dsu", kind: kindState, state: true}, {phrase: "fnadt", kind: kindState, state: true},
	{phrase: "fonds friche", kind: kindState, state: true}, {phrase: "fonds friches", kind: kindState, state: true},
	{phrase: "dotation de soutien à l'investissement local", kind: kindState, state: true},
	{phrase: "dotation d'equipement des territoires ruraux", kind: kindState, state: true},
	{phrase: "conseil regional", kind: kindRegion, complement: true},
	{phrase: "region", kind: kindRegion, upper: true, complement: true, direct: true},
	{phrase: "conseil departemental", kind: kindDept, complement: true},
	{phrase: "conseil general", kind: kindDept, complement: true},
	{phrase: "departement", kind: kindDept, upper: true, complement: true},
	{phrase: "conseil executif de la collectivite de corse", kind: kindLocal},
	{phrase: "conseil executif de corse", kind: kindLocal, canon: "Collectivité de Corse"},
	{phrase: "collectivite de corse", kind: kindLocal},
	{phrase: "collectivite europeenne d'alsace", kind: kindLocal},
	{phrase: "collectivite territoriale", kind: kindLocal, complement: true},
	{phrase: "metropole", kind: kindEPCI, upper: true, complement: true, direct: true},
	{phrase: "communaute d'agglomeration", kind: kindEPCI, complement: true},
	{phrase: "communaute de communes", kind: kindEPCI, complement: true},
	{phrase: "communaute urbaine", kind: kindEPCI, complement: true},
	{phrase: "agglomeration", kind: kindEPCI, complement: true, direct: true},
	{phrase: "ville de", kind: kindCommune, complement: true},
	{phrase: "commune de", kind: kindCommune, complement: true},
	{phrase: "municipalite", kind: kindCommune},
	{phrase: "banque des territoires", kind: kindAgency},
	{phrase: "caisse des depots et consignations", kind: kindAgency, group: "cdc"},
	{phrase: "caisse des depots", kind: kindAgency, group: "cdc"}, {phrase: "cdc", kind: kindAgency, upper: true, group: "cdc"},
	{phrase: "bpifrance", kind: kindAgency}, {phrase: "bpi france", kind: kindAgency},
	{phrase: "ademe", kind: kindAgency, group: "ademe"}, {phrase: "anru", kind: kindAgency, group: "anru"},
	{phrase: "agence de l'environnement et de la maitrise de l'energie", kind: kindAgency, group: "ademe"},
	{phrase: "agence nationale pour la renovation urbaine", kind: kindAgency, group: "anru"},
	{phrase: "anah", kind: kindAgency, group: "anah"}, {phrase: "agence nationale de l'habitat", kind: kindAgency, group: "anah"},
	{phrase: "agence nationale de la cohesion des territoires", kind: kindAgency, group: "anct"},
	{phrase: "anct", kind: kindAgency, group: "anct"}, {phrase: "agence nationale du sport", kind: kindAgency},
	{phrase: "agence de l'eau", kind: kindAgency, complement: true, direct: true},
	{phrase: "agence regionale de sante", kind: kindAgency, complement: true},
	{phrase: "ars", kind: kindAgency, upper: true},
	{phrase: "union europeenne", kind: kindAgency}, {phrase: "feder", kind: kindAgency},
	{phrase: "fonds europeen de developpement regional", kind: kindAgency},
	{phrase: "action logement", kind: kindAgency, upper: true},
	{phrase: "caisse d'allocations familiales", kind: kindAgency, complement: true},
	{phrase: "caf", kind: kindAgency, upper: true},
	{phrase: "epf", kind: kindAgency, complement: true, direct: true},
	{phrase: "etablissement public foncier", kind: kindAgency, complement: true, direct: true},
	{phrase: "banque europeenne d'investissement", kind: kindAgency, group: "bei"},
	{phrase: "bei", kind: kindAgency, upper: true, group: "bei"},
	{phrase: "centre national du cinema", kind: kindAgency},
	{phrase: "fondation", kind: kindAgency, upper: true, complement: true, direct: true},
}

// funderAdjectives after an instrument word name its funder ("aide régionale",
// "subventions départementales").
var funderAdjectives = map[string]struct{ name, kind string }{
	"regional": {"Région", kindRegion}, "regionale": {"Région", kindRegion},
	"regionaux": {"Région", kindRegion}, "regionales": {"Région", kindRegion},
	"departemental": {"Département", kindDept}, "departementale": {"Département", kindDept},
	"departementaux": {"Département", kindDept}, "departementales": {"Département", kindDept},
	"europeen": {"Union européenne", kindAgency}, "europeenne": {"Union européenne", kindAgency},
	"europeens": {"Union européenne", kindAgency}, "europeennes": {"Union européenne", kindAgency},
	"communautaire": {"Communauté", kindEPCI}, "communautaires": {"Communauté", kindEPCI},
}

// beneficiaryIntro words before a name or a phrase make it who receives.
var beneficiaryIntro = []string{"à", "au", "aux", "en faveur de", "en faveur du", "en faveur des",
	"au profit de", "au profit du", "au profit des", "au benefice de", "au benefice du", "au benefice des",
	"avec", "pour",
	// the carrier of a project receives the money
	"porte par", "portes par", "portee par", "portees par", "mene par", "menee par", "menes par",
	"pilote par", "realise par", "realisee par", "realises par", "organise par", "organisee par"}

// agentIntro words before a name make it who pays ("financé par la Région", "le
// soutien de l'État").
var agentIntro = []string{"venant de", "venant du", "de la part de", "de la part du",
	// "un prêt souscrit auprès de la Caisse des dépôts", "sollicite une aide auprès de la Région"
	"aupres de", "aupres du", "aupres des",
	"grâce à", "grâce au", "avec le soutien de", "avec le soutien du", "avec l'appui de"}

// adverbs skipped between a participle and "par" ("financés également par").
var adverbs = map[string]bool{"egalement": true, "notamment": true, "aussi": true, "principalement": true,
	"entierement": true, "majoritairement": true, "conjointement": true, "directement": true, "deja": true,
	"ainsi": true, "largement": true, "essentiellement": true, "en": true, "partie": true}

// summaryStart opens a sentence that restates a sum of what came before.
var summaryStart = []string{"au total", "au global", "en tout", "au final", "globalement", "en somme"}

// filterWords is the size of a matcher's filter: a bit per filter key.
const filterWords = 32 * 32 * 16 / 64

// A matcher finds the phrases of a table at a token. Phrases are indexed by their
// first word, or, for a first word ending in "*", by its first two bytes.
type matcher struct {
	// cands gives, per filter key, the phrases whose first word may have it:
	// those of an exact first word, then those of a prefix, each in table order
	// (longest keeps the first of the longest matches, as the table orders them).
	// It holds the keys the filter admits, in key order: the key's slot is the
	// rank of its bit in the filter (see slot), no map lookup.
	cands  [][]phrase
	rank   [filterWords]uint16 // per filter word, the bits set in the words before it
	maxLen int                 // words of the longest phrase
	// filter has a bit per (class of the first byte, class of the second, length)
	// of every phrase's first word — every length from the stem's up for a prefix
	// — so that a token no phrase can start with costs one bit test, no map
	// lookup. Derived from the table.
	filter [filterWords]uint64
}

// byteBucket classes the bytes of a word for the filter: a letter, a digit, an
// apostrophe, other ASCII, the byte of a multi-byte rune; 31 past the end.
var byteBucket = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = uint8(c - 'a')
		case '0' <= c && c <= '9':
			t[c] = 26
		case c == '\'':
			t[c] = 27
		case c < 0x80:
			t[c] = 28
		default:
			t[c] = 29
		}
	}
	return t
}()

// filterKey returns a word's bit in the filter, for its first n bytes' length.
func filterKey(w string, n int) int {
	b0, b1 := 31, 31
	if len(w) > 0 {
		b0 = int(byteBucket[w[0]])
	}
	if len(w) > 1 {
		b1 = int(byteBucket[w[1]])
	}
	return (b0*32+b1)*16 + min(n, 15)
}

func (m *matcher) admits(w string) bool {
	return m.admitsKey(uint16(filterKey(w, len(w))))
}

// admitsKey is admits for a token's key.
func (m *matcher) admitsKey(k uint16) bool {
	return m.filter[k>>6]&(1<<(k&63)) != 0
}

func (m *matcher) admit(w string) {
	stem, prefix := strings.CutSuffix(w, "*")
	for n := len(stem); ; n++ {
		k := filterKey(stem, n)
		m.filter[k>>6] |= 1 << (k & 63)
		if !prefix || n >= 15 {
			return
		}
	}
}

// A phrase is one table entry: its words and its index in the table.
type phrase struct {
	words []string
	idx   int
	// same: in its candidate list, the phrase before it has the same first word
	// ("par habitant", "par enfant"…), which longest then compares once.
	same bool
}

func newMatcher(phrases []string) *matcher {
	m := &matcher{}
	cands := map[uint32][]phrase{}
	var prefixes []phrase
	for i, p := range phrases {
		w := phraseWords(p)
		ph := phrase{words: w, idx: i}
		m.maxLen = max(m.maxLen, len(w))
		m.admit(w[0])
		if strings.HasSuffix(w[0], "*") {
			prefixes = append(prefixes, ph)
			continue
		}
		k := uint32(filterKey(w[0], len(w[0])))
		cands[k] = append(cands[k], ph)
	}
	for _, ph := range prefixes {
		stem := strings.TrimSuffix(ph.words[0], "*")
		for n := len(stem); n == len(stem) || n <= 15; n++ { // as admit does
			k := uint32(filterKey(stem, n))
			cands[k] = append(cands[k], ph)
		}
	}
	m.index(cands)
	return m
}

// index lays out cands (keyed as the filter) in m.cands by slot.
func (m *matcher) index(cands map[uint32][]phrase) {
	n := 0
	for w, bits64 := range m.filter {
		m.rank[w] = uint16(n)
		n += bits.OnesCount64(bits64)
	}
	m.cands = make([][]phrase, n)
	for k, phs := range cands {
		for i := 1; i < len(phs); i++ {
			phs[i].same = phs[i].words[0] == phs[i-1].words[0]
		}
		m.cands[m.slot(uint16(k))] = phs
	}
}

// slot returns the index in m.cands of admitted key k.
func (m *matcher) slot(k uint16) int {
	w := k >> 6
	return int(m.rank[w]) + bits.OnesCount64(m.filter[w]&(1<<(k&63)-1))
}

// phraseWords splits a table phrase into the words tokenize gives the text, a
// final "*" kept on its last word. A prefix must have two bytes at least.
func phraseWords(p string) []string {
	star := strings.HasSuffix(p, "*")
	toks := tokenize(strings.TrimSuffix(p, "*"))
	w := make([]string, len(toks))
	for i, t := range toks {
		w[i] = t.w
	}
	if star {
		if len(w[len(w)-1]) < 2 {
			panic("fundings: prefix too short in table phrase " + p)
		}
		w[len(w)-1] += "*"
	}
	return w
}

// wordMatches reports whether the folded word w matches the table word p.
func wordMatches(p, w string) bool {
	if n := len(p) - 1; n >= 0 && p[n] == '*' {
		return len(w) >= n && w[:n] == p[:n]
	}
	return p == w
}

// at returns the index (in the source table) and length in tokens of the longest
// phrase starting at toks[i], or -1.
func (m *matcher) at(toks []token, i int) (idx, n int) {
	idx = -1
	if !m.admitsKey(toks[i].key) {
		return -1, 0
	}
	return longest(m.cands[m.slot(toks[i].key)], toks, i, idx, n)
}

func longest(phs []phrase, toks []token, i, idx, n int) (int, int) {
	first := false // the current first word matches toks[i]
next:
	for _, ph := range phs {
		if !ph.same {
			first = wordMatches(ph.words[0], toks[i].w)
		}
		if !first || len(ph.words) <= n || i+len(ph.words) > len(toks) {
			continue
		}
		for k := 1; k < len(ph.words); k++ {
			if !wordMatches(ph.words[k], toks[i+k].w) {
				continue next
			}
		}
		idx, n = ph.idx, len(ph.words)
	}
	return idx, n
}

// Compiled tables.
var (
	cueM           = newMatcher(cueWords)
	funderVerbM    = newMatcher(funderVerbs)
	benefVerbM     = newMatcher(beneficiaryVerbs)
	costM          = newMatcher(costCues)
	ceilingM       = newMatcher(ceilingCues)
	notCeilingM    = newMatcher(notCeiling)
	perUnitM       = newMatcher(perUnit)
	incrementM     = newMatcher(increments)
	sizeRangeM     = newMatcher(sizeRange)
	parentM        = newMatcher(parentCues)
	partM          = newMatcher(partCues)
	laterPartM     = newMatcher(laterPartCues)
	totalM         = newMatcher(totalCues)
	countedM       = newMatcher(countedSet)
	benefIntroM    = newMatcher(beneficiaryIntro)
	agentIntroM    = newMatcher(agentIntro)
	instrumentM    = newMatcher(phrasesOf(instrumentWords))
	dotationM      = newMatcher(dotationPhrases(instrumentWords)) // for its filter
	funderHeadM    = newMatcher(headPhrases(funderHeads))
	funderAdjM     = newMatcher(mapKeys(funderAdjectives)) // for its filter
	numberWordM    = newMatcher(mapKeys(numberWords))      // for its filter
	summaryM       = newMatcher(summaryStart)
	volumeM        = newMatcher(volumeAfter)
	activityM      = newMatcher(activityAfter)
	recapM         = newMatcher(recapStart)
	budgetAfterM   = newMatcher(budgetAfter)
	rateM          = newMatcher(rateCues)
	planM          = newMatcher(planCues)
	activityStartM = newMatcher(activityStart)
	purposeIntro   = newMatcher([]string{"pour", "au titre de", "au titre du", "afin de", "destine à",
		"destines à", "destinee à", "destinees à", "consacre à", "consacres à", "dedie à", "dedies à",
		"en matiere de", "en matiere d'"})
)

func phrasesOf(t []instrumentWord) []string {
	s := make([]string, len(t))
	for i, w := range t {
		s[i] = w.phrase
	}
	return s
}

func headPhrases(t []funderHead) []string {
	s := make([]string, len(t))
	for i, h := range t {
		s[i] = h.phrase
	}
	return s
}

// mapKeys returns the keys of a word set, for a matcher whose filter guards it.
func mapKeys[V any](m map[string]V) []string {
	s := make([]string, 0, len(m))
	for w := range m {
		s = append(s, w)
	}
	return s
}

// dotationPhrases are the instrument words of a State allocation.
func dotationPhrases(t []instrumentWord) []string {
	var s []string
	for _, w := range t {
		if w.kind == corpus.InstrumentDotation {
			s = append(s, w.phrase)
		}
	}
	return s
}
