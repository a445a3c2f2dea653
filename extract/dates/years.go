package dates

import (
	"terril/extract/lex"
	"terril/extract/text"
)

// Years alone and relative years.

// bareYear records the four-digit number at token i as a year unless its context
// makes it a name ("France 2030"), an identifier or a quantity ("2000 habitants").
func (x *Scanner) bareYear(i int) {
	start := i
	if w := x.PrevWord(i); w >= 0 {
		pw := x.Str(w)
		if notYearBefore[pw] && w == i-1 {
			return
		}
		if yearTriggers[pw] {
			if w >= i-2 {
				start = x.elided(w)
			}
		} else if w == i-1 && x.Upper(w) && (!x.SentenceStart(w) && !x.AllCaps(w) || programmeNames[pw]) {
			// A capitalised word right before, inside a sentence: a name ("France 2030",
			// "Horizon Europe 2027"). At the start of a sentence or heading the capital
			// says nothing ("Calendrier 2019 :"), nor does a word in capitals (a heading
			// "BUDGET PRIMITIF 2024", an acronym "DETR 2024"), except for programme names.
			return
		}
	}
	if k := i - 1; k >= 0 && x.Kind(k) == text.Num && x.Toks[i].Gap == text.GapSpace && len(x.Str(k)) <= 3 && !(x.Glued(k) && x.Alnum(k-1)) {
		return // a digit group ("1 2018" cannot be a year)
	}
	// What follows.
	j := i + 1
	if j < len(x.Toks) && x.Toks[j].Gap <= text.GapSpace {
		switch x.Kind(j) {
		case text.Punct:
			switch x.Str(j) {
			case "%", "€", "$", "°", "²":
				return
			case ",", ".":
				if x.Glued(j) && x.Glued(j+1) && x.Kind(j+1) == text.Num {
					return // a decimal number
				}
			}
		case text.Word:
			w := x.Str(j)
			if notYearAfterTable.Value(w) {
				return
			}
			if x.Toks[j].Gap == text.GapSpace && len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-1] == 'x') && !lex.FunctionWords.Has(w) && !x.Upper(j) {
				if _, ok := x.MonthAt(j); !ok {
					return // "2000 communes": a count
				}
			}
		case text.Num:
			if x.Toks[j].Gap == text.GapSpace && len(x.Str(j)) == 3 {
				return // "2015 000": a digit group
			}
		}
		switch x.Str(j) {
		case "a", "et", "-", "–":
			if x.Kind(j+1) == text.Num && x.countAfter(j+2) {
				return // "de 2000 à 2500 visiteurs", "entre 1800 et 2000 euros"
			}
		}
	}
	x.Out = append(x.Out, Entry{I: start, J: i + 1, V: Value{Y: x.Num(i)}})
}

// relativeYear records "l'an prochain", "l'année prochaine", "l'an dernier", "l'année
// dernière", "l'an passé", "l'année passée" at token i ("an" or "annee") as a year
// context for the days and months of its sentence.
func (x *Scanner) relativeYear(i int) {
	w := x.Str(i)
	if !lex.YearWords.Has(w) || !x.IsPunct(i-1, "'") || !x.IsWord(i-2, "l") {
		return
	}
	var rel int8
	switch x.Str(i + 1) {
	case "prochain", "prochaine":
		rel = 1
	case "dernier", "derniere", "passe", "passee":
		rel = -1
	default:
		// "L'an deux mille vingt-trois, le seize mars": the year of the sentence.
		if y, j, ok := x.year(i + 1); ok && x.Kind(i+1) == text.Word {
			x.Out = append(x.Out, Entry{I: i - 2, J: j, V: Value{Y: y}, ctx: true})
		}
		return
	}
	x.Out = append(x.Out, Entry{I: i - 2, J: i + 2, rel: rel, ctx: true})
}

// relativeAfter returns +1 when token j says "prochain", -1 when it says "dernier",
// else 0.
func (x *Scanner) relativeAfter(j int) int8 {
	if j >= len(x.Toks) || x.Toks[j].Gap > text.GapSpace {
		return 0
	}
	switch x.Str(j) {
	case "prochain":
		return 1
	case "dernier":
		return -1
	}
	return 0
}
