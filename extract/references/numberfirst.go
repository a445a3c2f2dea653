package references

import (
	"terril/corpus"
	"terril/extract/lex"
	"terril/extract/text"
)

// Act numbers written before their act, as sommaires and lists give them, and the
// layouts of such numbers.

// numberFirst reads an act number written before its act, or on its own, at token i
// (a number, a "D" or an "R" before one, or a number mark starting a line) and
// returns the tokens it takes, 0 if none:
//   - a prefecture's act identifier (shapeRAA) anywhere, followed by its act:
//     "81-2025-04-24-00001 - Arrêté abrogeant…"; the act's own number is read too
//     ("R06-2025-04-07-00003 - Arrêté n°2025-SG-ARS-0169");
//   - any act number starting a line and followed by its act, as sommaires list them
//     ("2024-12-19-00004 - Arrêté préfectoral portant…", "DDTM/2025-96 – Décision");
//   - a délibération's number after a D ("à partir de D98/13", "D 87/13");
//   - a register's number with its year starting a line of a list, a separator and
//     a capitalised title after it ("2019-12-01 : PLAN LOCAL D'URBANISME", "N°
//     2021-045 – Budget primitif"): a délibération, kept in a text that speaks of
//     délibérations.
func (x *refScanner) numberFirst(i int, lineStart bool) int {
	k, d := i, false
	if x.Kind(i) == text.Word {
		switch c := x.F[x.Toks[i].S]; {
		case x.Toks[i].E-x.Toks[i].S == 1 && (c == 'd' || c == 'r'):
			if x.Kind(i+1) != text.Num || x.Toks[i+1].Gap > text.GapSpace || !x.Upper(i) {
				return 0
			}
			if c == 'd' {
				k, d = i+1, true
			}
		case lineStart:
			m, ok := x.NumberMark(i)
			if !ok || x.Kind(m) != text.Num || x.Toks[m].Gap > text.GapSpace {
				return 0
			}
			k = m
		default:
			return 0
		}
	}
	// Inside a compound already read, or glued to a word: not a number's start.
	if x.Glued(i) && (x.Alnum(i-1) || x.Glued(i-1) && x.Alnum(i-2) && x.Kind(i-1) == text.Punct && x.Str(i-1) != "°") {
		return 0
	}
	c := x.Compound(k)
	if d {
		if !x.dNumber(k, c) {
			return 0
		}
		x.addRef(i, c, corpus.RefDeliberation, "")
		return c - i
	}
	shape := x.numberShape(k, c)
	if shape == shapeNone && !(lineStart && x.identifier(k, c) && !x.dateLike(k, c) && !x.pointIndex(k, c)) {
		return 0
	}
	// The act after the number: " - Arrêté …", " : Décision …", on the line or the next.
	j := c
	if x.spacedDash(j) || x.IsPunct(j, ":") || x.IsPunct(j, "|") {
		j++
	}
	if j < len(x.Toks) && x.Toks[j].Gap <= text.GapLine && x.Kind(j) == text.Word {
		if kind := actKind(x.Str(j)); kind != "" {
			at := x.addRef(i, c, kind, "")
			n := x.act(j, kind)
			if at >= 0 && at+1 < len(x.res) && x.res[at].Date == "" {
				x.res[at].Date = x.res[at+1].Date // the act's own date is the identifier's
			}
			return j + max(n, 1) - i
		}
	}
	if shape == shapeRAA {
		return c - i
	}
	// A title, not a date: "N° 2025-04 – Avril 2025" numbers a recueil's issue.
	if shape == shapeYear && lineStart && j > c && j < len(x.Toks) && x.Toks[j].Gap <= text.GapSpace && x.Upper(j) &&
		lex.Months.Value(x.Str(j)) <= 0 && !lex.Weekdays.Has(x.Str(j)) {
		if at := x.addRef(i, c, corpus.RefDeliberation, ""); at >= 0 {
			x.rows = append(x.rows, at)
		}
		return c - i
	}
	return 0
}

// numPart is one part of a compound number between its separators.
type numPart struct {
	digits bool // digits only
	digit  bool // some digit
	len    int  // bytes
	n      int  // value, when digits
}

// numParts splits the compound [i, c) at its separators into parts (at most len(parts);
// more give len(parts)+1) and the separators' first bytes.
func (x *refScanner) numParts(i, c int, parts *[6]numPart, seps *[6]byte) int {
	n := 0
	for q := i; q < c; {
		if n == len(parts) {
			return n + 1
		}
		p := numPart{digits: true}
		for ; q < c && x.Alnum(q); q++ {
			p.len += int(x.Toks[q].E - x.Toks[q].S)
			if x.Kind(q) == text.Num {
				p.digit = true
				p.n = x.Num(q)
			} else {
				p.digits = false
			}
		}
		parts[n] = p
		if q < c {
			seps[n] = x.F[x.Toks[q].S]
			q++
		}
		n++
	}
	return n
}

// Layouts of act numbers written without their act word before them.
const (
	shapeNone = iota
	// A prefecture's act identifier in its recueil: [département-]YYYY-MM-DD-NNN
	// ("81-2025-04-24-00001", "2A-2017-05-02-002", "R06-2025-04-07-00003",
	// "2024-12-19-00004").
	shapeRAA
	// A register's number with its year: "2019-045", "2019-12-01", "045/2019".
	shapeYear
)

func yearPart(p numPart) bool { return p.digits && p.len == 4 && p.n >= 1990 && p.n <= 2099 }

// numberShape returns the layout of the compound [i, c).
func (x *refScanner) numberShape(i, c int) int {
	var parts [6]numPart
	var seps [6]byte
	n := x.numParts(i, c, &parts, &seps)
	if off := n - 4; n <= len(parts) && (off == 0 || off == 1) {
		ok := off == 0 || parts[0].digit && parts[0].len >= 2 && parts[0].len <= 3
		for k := 0; k < n-1; k++ {
			ok = ok && seps[k] == '-'
		}
		y, m, d, s := parts[off], parts[off+1], parts[off+2], parts[off+3]
		if ok && yearPart(y) && m.digits && m.len == 2 && m.n >= 1 && m.n <= 12 && d.digits && d.len == 2 &&
			d.n >= 1 && d.n <= 31 && s.digits && s.len >= 3 && s.len <= 5 {
			return shapeRAA
		}
	}
	if n < 2 || n > 3 {
		return shapeNone
	}
	years := 0
	for k := 0; k < n; k++ {
		if !parts[k].digits || parts[k].len > 4 {
			return shapeNone
		}
		if yearPart(parts[k]) {
			years++
		}
	}
	for k := 0; k < n-1; k++ {
		switch seps[k] {
		case '-', '/', '.', '_':
		default:
			return shapeNone
		}
	}
	// Not a season either: "2024/25", "2024-2025" (two years).
	season := n == 2 && yearPart(parts[0]) && parts[1].len == 2 && parts[1].n == (parts[0].n+1)%100
	if years == 1 && !season && !dateParts(parts[:n]) {
		return shapeYear
	}
	return shapeNone
}

// dateParts reports whether parts are a date with its year last ("12/03/2020",
// "03/2020"). A date with its year first is also how registers number the acts of
// a year ("2019-12-01" for the first act of December 2019).
func dateParts(p []numPart) bool {
	n := len(p)
	if n < 2 || n > 3 || !yearPart(p[n-1]) {
		return false
	}
	m := p[n-2]
	if !m.digits || m.len > 2 || m.n < 1 || m.n > 12 {
		return false
	}
	return n == 2 || p[0].digits && p[0].len <= 2 && p[0].n >= 1 && p[0].n <= 31
}

// dateLike reports whether the compound [k, c) is a date with its year last.
func (x *refScanner) dateLike(k, c int) bool {
	var parts [6]numPart
	var seps [6]byte
	n := x.numParts(k, c, &parts, &seps)
	return n <= len(parts) && dateParts(parts[:n])
}

// pointIndex reports whether the compound [k, c) is the index of a point of an
// agenda or a section, numbers of one or two digits ("2.3", "4-1", "3.1.2"), not an
// act's number: "2.3 – Arrêté des comptes".
func (x *refScanner) pointIndex(k, c int) bool {
	var parts [6]numPart
	var seps [6]byte
	n := x.numParts(k, c, &parts, &seps)
	if n > len(parts) {
		return false
	}
	for _, p := range parts[:n] {
		if !p.digits || p.len > 2 {
			return false
		}
	}
	return true
}

// dNumber reports whether the compound [k, c) after a "D" is a délibération's
// number: a number and its year, of two digits after a slash or of four ("D87/13",
// "D2019-45", "D 45-2019").
func (x *refScanner) dNumber(k, c int) bool {
	var parts [6]numPart
	var seps [6]byte
	if x.numParts(k, c, &parts, &seps) != 2 || !parts[0].digits || !parts[1].digits || parts[0].len > 4 {
		return false
	}
	switch {
	case seps[0] == '/' && parts[1].len == 2:
		return true
	case seps[0] == '/' || seps[0] == '-':
		return yearPart(parts[0]) != yearPart(parts[1])
	}
	return false
}
