package amounts

import (
	"terril/extract/lex"
	"terril/extract/text"
)

// Amounts whose currency is implicit: the candidates kept by coordination with a
// euro amount.

// implicits keeps the candidates whose currency is implicit by coordination with a
// euro amount, and drops the others. The euro amount is earlier in the same sentence
// ("10 M€, dont 4 millions …"); or later in the same sentence, coordinated with it by
// a comma or "et" (a list of funders whose last item carries the currency: "l'État
// apporte 2,1 millions, la Région 1,6 million et le Département 850 000 €"); or in the
// sentence before, in the same paragraph, when the candidate's own sentence says who
// pays ("Le coût est de 4,2 M€. La Région apporte 1,5 million."). Candidates written
// with a multiplier ("4 millions"), or grouped and followed by a comma or "et" (an item
// of a list), may take a later or earlier-sentence euro amount; a grouped number after
// "dont"/"soit"/"contre" only an earlier one in its sentence.
func (x *amountScanner) implicits() {
	kept := x.out[:0]
	lastExplicit := -1 // token index of the end of the last explicit amount
	for n, a := range x.out {
		if !a.implicit {
			lastExplicit = a.j
			kept = append(kept, a)
			continue
		}
		if x.quantityAfter(a.j) || a.i > 0 && foreignCurrencies[x.Str(a.i-1)] {
			continue // a count, a quantity, or another currency ("$ 75 millions")
		}
		switch {
		case lastExplicit >= 0 && x.sameSentence(lastExplicit, a.i):
		case a.coord && x.nextExplicitCoordinated(n):
		case a.coord && lastExplicit >= 0 && x.previousSentence(lastExplicit, a.i) && x.fundingVerb(a.i):
		case a.coord && lastExplicit >= 0 && a.value >= 1e6 && moneyBefore[x.Str(x.PrevWord(a.i))] && x.moneyAfter(a.j):
			// "Avec 200 millions dans la corbeille", "un contrat à 2,5 milliards",
			// after "100 milliards d'euros" anywhere before: a text that counts in
			// euros. Not after a verb ("la ville compte 1,1 million").
		default:
			continue
		}
		kept = append(kept, a)
	}
	x.out = kept
}

// moneyAfter reports whether token k, after a number with a multiplier, leaves it
// money in a text that counts in euros: a preposition, a verb, a punctuation mark,
// a money noun — not a noun ("12 millions de visiteurs" is caught before as a
// quantity; "12 millions visiteurs" here).
func (x *amountScanner) moneyAfter(k int) bool {
	if k >= len(x.Toks) || x.Kind(k) != text.Word {
		return true
	}
	w := x.Str(k)
	if countNouns[w] || foreignCurrencies[w] {
		return false
	}
	return !(len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x') && !lex.FunctionWords.Has(w) && !moneyNouns[w])
}

// nextExplicitCoordinated reports whether the next explicit amount after candidate n
// is in the same sentence and joined to it by a comma or "et".
func (x *amountScanner) nextExplicitCoordinated(n int) bool {
	a := x.out[n]
	for _, b := range x.out[n+1:] {
		if b.implicit {
			continue
		}
		if !x.sameSentence(a.j, b.i) {
			return false
		}
		for k := a.j; k < b.i; k++ {
			if x.IsPunct(k, ",") || x.IsWord(k, "et") {
				return true
			}
		}
		return false
	}
	return false
}

// previousSentence reports whether token to is in the sentence right after the one
// that holds token from, in the same paragraph, within 80 tokens.
func (x *amountScanner) previousSentence(from, to int) bool {
	if to-from > 80 || to >= len(x.Toks) {
		return false
	}
	ends := 0
	for k := from; k < to; k++ {
		if k > from && x.Toks[k].Gap == text.GapPara {
			return false
		}
		if x.Kind(k) == text.Punct {
			switch x.Str(k) {
			case ".", "!", "?", ";":
				if !(x.Glued(k+1) && x.Kind(k+1) == text.Num) {
					ends++
				}
			}
		}
	}
	return ends == 1 && x.Toks[to].Gap != text.GapPara
}

// fundingVerb reports whether the sentence holding token i says, before it, that
// someone pays: "apporte", "finance", "verse", "contribue", "alloue"…
func (x *amountScanner) fundingVerb(i int) bool {
	for k := i - 1; k >= 0 && k >= i-20; k-- {
		if x.Kind(k) == text.Punct {
			switch x.Str(k) {
			case ".", "!", "?", ";":
				return false
			}
			continue
		}
		if len(x.Str(k)) < 5 {
			continue
		}
		switch x.Str(k) {
		case "apporte", "apportent", "finance", "financent", "verse", "versent", "contribue", "contribuent",
			"participe", "participent", "alloue", "allouent", "accorde", "accordent", "investit", "investissent",
			"mobilise", "mobilisent", "consacre", "consacrent", "subventionne", "octroie", "attribue",
			"attribuent", "engage", "engagent", "prend", "complete", "completent":
			return true
		}
	}
	return false
}

// sameSentence reports whether tokens [from, to) hold no sentence end or paragraph
// break and span at most 60 tokens.
func (x *amountScanner) sameSentence(from, to int) bool {
	if to-from > 60 {
		return false
	}
	for k := from; k < to && k < len(x.Toks); k++ {
		if k > from && x.Toks[k].Gap == text.GapPara {
			return false
		}
		if x.Kind(k) == text.Punct {
			switch x.Str(k) {
			case ".", "!", "?", ";":
				if !(x.Glued(k+1) && x.Kind(k+1) == text.Num) {
					return false
				}
			}
		}
	}
	return to < len(x.Toks) && x.Toks[to].Gap != text.GapPara
}

// quantityAfter reports whether token k makes the number before it a quantity of
// something other than money ("d'habitants", "de tonnes", "logements", "%").
func (x *amountScanner) quantityAfter(k int) bool {
	if k >= len(x.Toks) {
		return false
	}
	w := x.Str(k)
	switch {
	case foreignCurrencies[w]:
		return true
	case x.Kind(k) == text.Punct:
		return w == "%" || w == "²" || w == "°"
	case w == "de" || w == "des":
		return foreignCurrencies[x.Str(k+1)] || !moneyNouns[x.Str(k+1)] && !x.funder(k+1)
	case w == "d" && x.IsPunct(k+1, "'"):
		return !moneyNouns[x.Str(k+2)] && !x.funder(k+2)
	case w == "du":
		return false
	case w == "pour" && x.IsWord(k+1, "cent"):
		return true
	}
	return countNouns[w]
}

// funder reports whether the words at token k, after "de", name who pays: an
// article and an institution ("l'Anah", "la Région", "l'agglomération"), or a
// capitalised name that is not a plural demonym ("Douaisis Agglo", not "Lillois").
func (x *amountScanner) funder(k int) bool {
	switch x.Str(k) {
	case "la", "le", "les":
		k++
	case "l":
		if !x.IsPunct(k+1, "'") {
			return false
		}
		k += 2
	default:
		w := x.Str(k)
		return funderNouns[w] || x.Upper(k) && w != "" && w[len(w)-1] != 's' && w[len(w)-1] != 'x'
	}
	return x.Kind(k) == text.Word && (funderNouns[x.Str(k)] || x.Upper(k))
}
