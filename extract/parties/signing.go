package parties

import (
	"strings"
)

// signing reports whether tokens [i, j) report a signature.
func (ps *peopleScanner) signing(i, j int) bool {
	for k := i; k < j; k++ {
		if !ps.isWord(k) {
			continue
		}
		f := ps.folded(k)
		switch {
		case signWords.has(f):
			if (f == "signe" || f == "signes") && nounBefore.has(ps.folded(k-1)) {
				continue // "un signe fort"
			}
			if futureSign.has(f) || f == "signer" && !ps.signedInfinitive(i, k) {
				continue // "signera", "autorise le maire à signer": not (yet) signed
			}
			if ps.authorship(k) {
				continue // "une tribune signée Jean Dupont": its author
			}
			if (f == "signature" || f == "signatures") && ps.folded(ps.wordBefore(k, 1)) == "de" &&
				signatureNotAct.has(ps.folded(ps.wordBefore(k, 2))) ||
				f == "signature" && ps.folded(k-1) == "la" && ps.folded(k-2) == "a" {
				continue // "délégation de signature", "50 % à la signature"
			}
			if futureAux.has(ps.folded(k-1)) || ps.folded(k-1) == "etre" && futureModals.has(ps.folded(k-2)) {
				continue // "une charte sera signée": not yet signed
			}
			if (f == "signature" || f == "signatures") && ps.signatureToCome(k) {
				continue // "dont la signature est prévue en juin"
			}
			if ps.unilateralSigned(k) {
				continue // "le préfet avait signé l'arrêté", "a signé la pétition"
			}
			return true
		case strings.HasPrefix(f, "officialis") || strings.HasPrefix(f, "cosign") ||
			strings.HasPrefix(f, "co-sign") || strings.HasPrefix(f, "contresign") ||
			strings.HasPrefix(f, "paraph") || strings.HasPrefix(f, "ratifi"):
			return true
		}
	}
	return false
}

// signatureToCome reports whether the noun "signature" at token k is said to be
// still to come: "la signature est prévue", "signature programmée", "la signature
// interviendra", "signature à venir".
func (ps *peopleScanner) signatureToCome(k int) bool {
	for n := k + 1; n <= k+3 && ps.isWord(n); n++ {
		f := ps.folded(n)
		if signatureFuture.has(f) || f == "venir" && ps.folded(n-1) == "a" ||
			len(f) >= 5 && (strings.HasSuffix(f, "ra") || strings.HasSuffix(f, "ront")) {
			return true
		}
		if f != "est" && f != "sont" && f != "etait" && f != "a" && f != "doit" && f != "devrait" {
			return false
		}
	}
	return false
}

var signatureFuture = tableOf("prevue", "prevues", "programmee", "programmees", "envisagee", "envisagees",
	"attendue", "attendues", "planifiee", "planifiees", "annoncee", "annoncees", "imminente", "prochaine",
	"interviendra", "aura", "doit", "devrait", "devra")

// wordBefore returns the token of the n-th word before token k, line breaks
// skipped ("délégation⏎de signature"), or -1.
func (ps *peopleScanner) wordBefore(k, n int) int {
	for k--; k >= 0; k-- {
		switch ps.toks[k].kind {
		case ptNewline:
			continue
		case ptWord:
			if n--; n == 0 {
				return k
			}
			continue
		}
		return -1
	}
	return -1
}

// signedInfinitive reports whether "signer" at token k, in the sentence starting at
// token i, reports a signature done: after "pour" or "venu" ("s'est rendu à la
// mairie pour signer avec le maire", "est venue signer") or a noun or adjective of the moment ("au moment de
// signer", "heureux de signer"), in a sentence with no verb in the future ("se
// rendra à Lille pour signer"). "autorise le maire à signer", "doit signer",
// "propose de signer" sign nothing yet.
func (ps *peopleScanner) signedInfinitive(i, k int) bool {
	p := ps.wordBefore(k, 1)
	switch ps.folded(p) {
	case "pour", "venu", "venue", "venus", "venues", "vient", "viennent", "venait", "venaient":
		// "pour signer", "est venu signer", "vient signer"
	case "de", "d'":
		if !signingMoment.has(ps.folded(ps.wordBefore(p, 1))) {
			return false
		}
	default:
		return false
	}
	for n := i; n < k; n++ {
		if !ps.isWord(n) {
			continue
		}
		f := ps.folded(n)
		if authorising(f) {
			return false // "donne tous pouvoirs au Maire pour signer", "mandate X pour signer"
		}
		if ps.toks[n].cas != pcLower {
			continue
		}
		if futureAux.has(f) || futureModals.has(f) || len(f) >= 5 && (strings.HasSuffix(f, "ra") || strings.HasSuffix(f, "ront")) {
			return false
		}
	}
	return true
}

// authorising reports whether folded word f gives a power to sign rather than
// reports a signature: "pouvoirs", "autorise", "habilite", "mandate", "délègue",
// "désigné", "chargé", "décide", "approuve", "compétent".
func authorising(f string) bool {
	for _, st := range authorisingStems {
		if strings.HasPrefix(f, st) {
			return true
		}
	}
	return false
}

var authorisingStems = []string{"pouvoir", "autoris", "habilit", "mandat", "delegu", "delegation", "design",
	"charg", "donne", "decid", "decide", "approuv", "propos", "sollicit", "competen", "qualite", "invit", "accept"}

// signingMoment before "de signer" report the signature as it happens.
var signingMoment = tableOf("moment", "occasion", "heureux", "heureuse", "heureuses", "fier", "fiere", "fiers",
	"fieres", "ravi", "ravie", "ravis", "ravies", "honneur", "plaisir", "fierte", "joie", "afin",
	"vient", "viennent", "venait", "venaient") // "vient de signer": just signed

// authorship reports whether the participle at token k names the author of a text
// or a phrase, not a party to an agreement: "signé(e)" in lower case after a noun,
// right before a person's name ("une métaphore signée Jean Dupont", "un éditorial
// signé Marie Durand"); "Signé Jean DUPONT" closing an act is a signature.
func (ps *peopleScanner) authorship(k int) bool {
	switch ps.folded(k) {
	case "signe", "signee", "signes", "signees":
	default:
		return false
	}
	p := k - 1
	if ps.toks[k].cas != pcLower || !ps.isWord(p) || ps.toks[p].cas != pcLower || participleAux.has(ps.folded(p)) {
		return false
	}
	n := k + 1
	if _, ok := ps.givenAt(n); ok {
		return ps.nameToken(n + 1)
	}
	return ps.civility(n) > 0
}

// participleAux before "signé" make it a verb ("a été signé", "ont signé").
var participleAux = tableOf("a", "ont", "ete", "est", "sont", "etait", "etaient", "avait", "avaient", "fut",
	"furent", "ai", "as", "avons", "avez", "sera", "seront", "aurait", "auraient", "deja", "bien", "officiellement")

// unilateralSigned reports whether the signing word at token k signs a unilateral
// act or a text that is no agreement between parties: its object ("a signé
// l'arrêté", "signature du décret", "a signé la pétition") or the noun it follows
// ("l'arrêté signé par le préfet").
func (ps *peopleScanner) unilateralSigned(k int) bool {
	if unilateralActs.has(ps.folded(k - 1)) {
		return true
	}
	n := k + 1
	for n < len(ps.toks) && n-k <= 3 && ps.isWord(n) && objectDeterminers.has(ps.folded(n)) {
		n++
	}
	return n > k+1 && unilateralActs.has(ps.folded(n))
}

// signatureNotAct name a power to sign, not a signature: "délégation de signature".
var signatureNotAct = tableOf("delegation", "delegations", "subdelegation", "sous-delegation", "pouvoir",
	"pouvoirs", "habilitation", "droit", "autorisation", "circuit", "parapheur", "registre")

// futureAux before a participle report a signature still to come.
// ("doit être signée"; "vient d'être signée" is done).
var (
	futureAux    = tableOf("sera", "seront", "serait", "seraient")
	futureModals = tableOf("doit", "doivent", "devra", "devront", "devrait", "devraient", "va", "vont",
		"pourra", "pourront", "pourrait", "pourraient")
)

var (
	unilateralActs = tableOf("arrete", "arretes", "decret", "decrets", "ordonnance", "circulaire",
		"permis", "petition", "petitions", "tribune", "lettre", "courrier", "livre", "registre",
		"motion", "motions", "voeu", "voeux", "manifeste", "appel", "tribunes", "lettres", "cheque")
	objectDeterminers = tableOf("l'", "le", "la", "les", "un", "une", "des", "du", "de", "d'", "cet", "ce",
		"cette", "ces", "son", "sa", "ses", "leur", "leurs", "nouvel", "nouveau", "nouvelle")
)

// citation marks the visas of an act ("Vu le contrat de prêt signé…"), which cite
// earlier acts rather than report a signature.
var citation = tableOf("vu", "considerant", "attendu")

var (
	signWords = tableOf("signe", "signent", "signee", "signees", "signes", "signera",
		"signeront", "signait", "signaient", "signant", "signataire", "signataires", "signature",
		"signatures", "signons", "signez", "signerons", "signeraient", "signer")
	// futureSign report a signature still to come.
	futureSign = tableOf("signera", "signeront", "signerons", "signeraient", "signerait")
	nounBefore = tableOf("un", "le", "ce", "des", "les", "du", "de", "fort", "bon", "mauvais", "aucun")
)

// partyEnd returns where the parties of a signing sentence [i, j) end: before "en
// présence de", "à l'invitation de", "sous l'égide de"…
func (ps *peopleScanner) partyEnd(i, j int) int {
	for k := i; k+1 < j; k++ {
		f, g := ps.folded(k), ps.folded(k+1)
		if f == "en" && g == "presence" || f == "sous" && strings.HasPrefix(g, "l'") ||
			f == "a" && g == "l'" && ps.folded(k+2) == "invitation" ||
			f == "avec" && (g == "le" || g == "l'") && ps.folded(k+2) == "soutien" ||
			f == "avec" && g == "l'" && ps.folded(k+2) == "appui" {
			if k > i {
				return k
			}
		}
	}
	return j
}

// dropBetween drops from orgs, found in tokens [i, j) with n signing persons, the
// parties named after "entre" ("le contrat entre l'État et la Métropole") when
// they are no more than the persons and at least two persons sign: the persons
// sign for them.
func (ps *peopleScanner) dropBetween(orgs []orgMention, n, i, j int) []orgMention {
	if n < 2 {
		return orgs
	}
	from, to := -1, -1 // the byte range of the phrase after "entre"
	for k := i; k < j; k++ {
		if ps.folded(k) == "entre" {
			e := k + 1
			for e < j && !ps.isPunct(e, ",") && !ps.isPunct(e, ";") && !ps.isPunct(e, ".") {
				e++
			}
			from, to = int(ps.toks[k].s), int(ps.toks[e-1].e)
			break
		}
	}
	if from < 0 {
		return orgs
	}
	var kept []orgMention
	for _, o := range orgs {
		if o.start < from || o.start >= to {
			kept = append(kept, o)
		}
	}
	if len(orgs)-len(kept) > n {
		return orgs
	}
	return kept
}

// otherAgents returns the byte ranges of tokens [i, j) that name the agents of
// another act than the signature, up to the next comma or semicolon: after a
// participle other than a signing one and "par" ("l'engagement pris par X",
// "accompagné à Matignon par X et Y", "le projet porté par X") or after
// "accompagné(e)(s) de", "entouré(e)(s) de". The persons named there do not sign.
func (ps *peopleScanner) otherAgents(i, j int) [][2]int {
	var out [][2]int
	for k := i; k < j; k++ {
		if !ps.isWord(k) {
			continue
		}
		f := ps.folded(k)
		other := false
		switch f {
		case "par":
			for n, p := 0, k-1; n < 3 && p >= i && ps.isWord(p); n, p = n+1, p-1 {
				if ps.toks[p].cas == pcLower && participle(ps.word(p), ps.folded(p)) {
					other = !signingParticiple(ps.folded(p))
					break
				}
			}
		case "de", "d'", "des", "du":
			g := ps.folded(k - 1)
			other = strings.HasPrefix(g, "accompagne") || strings.HasPrefix(g, "entoure") ||
				// "sous le regard de", "aux côtés de", "à côté de": onlookers.
				(g == "regard" || g == "yeux") && ps.folded(k-3) == "sous" || g == "cotes" || g == "cote"
		case "selon":
			other = true // "selon Hélène Marchand, directrice de l'EPF, …"
		case "que", "qu'":
			// "La présidente X a rappelé que la Région avait signé": the speaker
			// reports a signature; she is not said to sign.
			if reportingVerbs.has(ps.folded(k-1)) || ps.folded(k-1) == "," && reportingVerbs.has(ps.folded(k-2)) {
				out = append(out, [2]int{int(ps.toks[i].s), int(ps.toks[k].s)})
			}
			continue
		}
		if reportingVerbs.has(f) && (ps.isPunct(k-1, ",") || ps.isPunct(k-1, "»") ||
			f != "a" && ps.folded(k-1) == "a" && (ps.isPunct(k-2, ",") || ps.isPunct(k-2, "»"))) {
			// "…, explique son maire, Anne Petit.", "», a souligné Jean Roux": the
			// speaker, after what he says.
			out = append(out, [2]int{int(ps.toks[k].s), int(ps.toks[j-1].e)})
			break
		}
		if !other {
			continue
		}
		e := k + 1
		for e < j && !ps.isPunct(e, ",") && !ps.isPunct(e, ";") {
			e++
		}
		out = append(out, [2]int{int(ps.toks[k].s), int(ps.toks[e-1].e)})
		k = e
	}
	return out
}

// reportingVerbs introduce reported speech before "que", or name its speaker
// after it ("…, explique son maire, Anne Petit").
var reportingVerbs = tableOf("rappele", "rappelle", "rappelait", "indique", "indiquait", "explique", "expliquait",
	"souligne", "soulignait", "precise", "precisait", "annonce", "annoncait", "declare", "declarait", "estime",
	"affirme", "ajoute", "note", "observe", "releve", "assure", "confirme", "constate", "dit", "raconte",
	"souhaite", "espere", "regrette", "felicite", "rejouit", "insiste", "commente", "confie", "poursuit",
	"conclut", "detaille", "resume", "temoigne", "reconnait", "lance", "martele", "glisse", "salue")

// participle reports whether a word in lower case (w, folded f) is a past
// participle: "-é(e)(s)" or an irregular one ("pris", "conduit", "suivi").
func participle(w, f string) bool {
	return strings.HasSuffix(w, "é") || strings.HasSuffix(w, "ée") || strings.HasSuffix(w, "és") ||
		strings.HasSuffix(w, "ées") || irregularParticiples.has(f)
}

// signingParticiple reports whether a participle reports the signature or the
// party's representative ("signée par", "représentée par", "ratifié par").
func signingParticiple(f string) bool {
	for _, st := range signingStems {
		if strings.HasPrefix(f, st) {
			return true
		}
	}
	return false
}

var (
	signingStems = []string{"sign", "cosign", "co-sign", "contresign", "paraph", "ratifi", "officialis",
		"represente", "conclu", "scelle"}
	irregularParticiples = tableOf("pris", "prise", "prises", "mis", "mise", "mises", "conduit", "conduite",
		"conduits", "suivi", "suivie", "suivis", "suivies", "soutenu", "soutenue", "soutenus", "voulu", "voulue",
		"promu", "promue", "recu", "recue", "recus", "rejoint", "rejointe", "rejoints", "introduit", "introduite",
		"construit", "construite", "produit", "produite", "decrit", "ecrit", "ecrite", "dit", "dite")
)

// inRanges reports whether byte offset off is in one of the ranges.
func inRanges(rs [][2]int, off int) bool {
	for _, r := range rs {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}

// quoted reports whether byte offset off is inside « » quotes on its line.
func (ps *peopleScanner) quoted(off int) bool {
	s := ps.t.S
	ls := strings.LastIndexByte(s[:off], '\n') + 1
	open := strings.Count(s[ls:off], "«") - strings.Count(s[ls:off], "»")
	return open > 0
}
