package genre

import (
	"terril/extract/lex"
	"terril/extract/text"
)

// Datelines and the date written at a token.

// datelineOnLine reads a dateline at the start of the line at token i, or after a
// label and a separator on the same line ("Communiqué de presse – Douai, le 5 octobre
// 2023", "Service communication | Arras, le 2 juin 2022"). After a label, only a
// place with its date counts.
func (x *scanner) datelineOnLine(i int) string {
	if v := x.dateline(i); v != "" {
		return v
	}
	for k := i + 1; k < len(x.Toks) && k < i+12 && x.Toks[k].Gap < text.GapLine; k++ {
		if x.Kind(k) != text.Punct {
			continue
		}
		switch x.Str(k) {
		case "–", "—", "|", "•":
		case "-":
			if x.Glued(k) || x.Glued(k+1) {
				continue // a hyphen inside a word
			}
		default:
			continue
		}
		if p := k + 1; p < len(x.Toks) && x.Toks[p].Gap < text.GapLine && x.Kind(p) == text.Word && x.Upper(p) && !x.IsWord(p, "le") && !lex.Weekdays.Has(x.Str(p)) {
			if _, month := x.MonthAt(p); !month {
				return x.dateline(p)
			}
		}
		return ""
	}
	return ""
}

// dateValueAt parses a date with its year at token k: "12 mars 2019", "lundi 12 mars
// 2019", "07/07/2023", "2017-04", "mars 2019".
func (x *scanner) dateValueAt(k int) string {
	if k < 0 || k >= len(x.Toks) {
		return ""
	}
	if x.Kind(k) == text.Word && lex.Weekdays.Has(x.Str(k)) {
		k++
	}
	x.Out = x.Out[:0]
	switch x.Kind(k) {
	case text.Num:
		// A day glued to its month by a PDF's lost space is a day: "le 1décembre 2015".
		c := x.Compound(k)
		if c-k > 1 && !(c-k == 2 && (text.IsOrdinal(x.Str(k+1)) || lex.Months.Value(x.Str(k+1)) > 0)) {
			x.NumericDate(k, c)
		} else {
			x.DayList(k)
		}
	case text.Word:
		if _, ok := x.MonthAt(k); ok {
			x.MonthList(k)
		}
	}
	if len(x.Out) == 0 || x.Out[0].NoYear {
		return ""
	}
	return x.Out[0].V.ISO()
}

// dateline reads a line starting at token i of the form "<Place>, le <date>",
// "<Place>, <date>", "Le <date>" or "<date>", and nothing else.
func (x *scanner) dateline(i int) string {
	// Its date is a number or a month's word at most nine tokens after i (a place of
	// six tokens, its comma, "le", a weekday): without one, most lines are done with
	// on their flags.
	if !x.mayDateIn(i, i+10) {
		return ""
	}
	k := i
	place := false
	if x.IsWord(k, "le") {
		k++
	} else if x.Kind(k) == text.Word && !lex.Weekdays.Has(x.Str(k)) {
		// A word other than a weekday or a month starts a place ("Lille, le …") or
		// no dateline: a lower-case word, "Fait", a place without its comma.
		if _, ok := x.MonthAt(k); !ok {
			if x.IsWord(k, "fait") || !x.Upper(k) {
				return ""
			}
			if !x.commaSoon(k) {
				return x.datelineNoComma(k)
			}
			// A place of a few words, then a comma.
			for n := 0; n < 6; n++ {
				if k >= len(x.Toks) || (k > i && x.Toks[k].Gap > text.GapSpace) {
					return ""
				}
				if x.IsPunct(k, ",") {
					break
				}
				if x.Kind(k) == text.Word || x.IsPunct(k, "-") || x.IsPunct(k, "'") {
					k++
					continue
				}
				return ""
			}
			if !x.IsPunct(k, ",") {
				return ""
			}
			k++
			if x.IsWord(k, "le") {
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
	end := x.Out[len(x.Out)-1].J
	if end >= len(x.Toks) || x.Toks[end].Gap >= text.GapLine {
		return v
	}
	switch x.Str(end) {
	case ".":
		if place || end+1 >= len(x.Toks) || x.Toks[end+1].Gap >= text.GapLine {
			return v
		}
	case "–", "—", "-", "|", ":":
		// After a place; or a date, then its author: "Samedi 12 avril 2025 – par
		// Thomas Leclère".
		if place || x.bylineAt(end+1) {
			return v
		}
	}
	return ""
}

// mayDateIn reports whether one of the tokens [i, j) is a number or a word that may
// be a month's (text.FlagNum, text.FlagDate), as dateValueAt needs.
func (x *scanner) mayDateIn(i, j int) bool {
	for k := max(i, 0); k < j && k < len(x.Toks); k++ {
		if x.Toks[k].Flags&(text.FlagNum|text.FlagDate) != 0 {
			return true
		}
	}
	return false
}

// datelineNoComma returns the date of a dateline whose place has no comma after it,
// as scanned acts often write it ("Digne-les-Bains le 12/05/2025", "Saint-Omer le
// 3 mars 2024"): from token i, a place name — capitalised words, or words glued to
// them by hyphens and apostrophes, not a French word alone —, "le", a date, and the
// end of the line. Else "".
func (x *scanner) datelineNoComma(i int) string {
	k := i
	for n := 0; ; n++ {
		if n == 6 || k >= len(x.Toks) || k > i && x.Toks[k].Gap > text.GapSpace {
			return ""
		}
		if k > i && x.IsWord(k, "le") && x.Toks[k].Gap == text.GapSpace {
			break
		}
		switch {
		case x.Kind(k) == text.Word && (x.Upper(k) || x.Glued(k)):
		case (x.IsPunct(k, "-") || x.IsPunct(k, "'")) && x.Glued(k) && x.Glued(k+1):
		default:
			return ""
		}
		k++
	}
	// "Publié le 5 octobre 2023", "Modifié le…": a capitalised French word alone is
	// no place (at the cost of "Tours le…"); "Saint-Omer" is.
	if !x.Glued(i+1) && text.IsFrenchWord(x.Str(i)) {
		return ""
	}
	v := x.dateValueAt(k + 1)
	if v == "" {
		return ""
	}
	if end := x.Out[len(x.Out)-1].J; end < len(x.Toks) && x.Toks[end].Gap < text.GapLine {
		return ""
	}
	return v
}

// commaSoon reports whether one of the six tokens after token i is a comma, as
// after the place of a dateline.
func (x *scanner) commaSoon(i int) bool {
	for k := i + 1; k <= i+6 && k < len(x.Toks); k++ {
		if x.IsPunct(k, ",") {
			return true
		}
	}
	return false
}
