package recueil

import (
	"regexp"
	"strings"

	"terril/corpus"
	"terril/extract"
)

// Where an act's date comes from (Act.DateFrom).
const (
	DateSignature  = "signature"
	DateIdentifier = "identifier"
	DateTitle      = "title"
)

// facts fills an act's kind, date and signatory from its title, identifier and text.
func (a *Act) facts(pages []string) {
	a.Kind = kindOf(a.Title)
	if a.Kind == "" {
		a.Kind = kindOf(bodyHeading(pages, a))
	}
	if a.Kind == "" {
		a.Kind = KindOther
	}
	t := extract.NewText(a.Text)
	_, sigs := extract.Parties(t, nil)
	blocks := signatureOffsets(a.Text)
	if d := signatureDate(a.Text); d != "" {
		a.Date, a.DateFrom = d, DateSignature
	} else if m := deptID.FindStringSubmatch(a.ID); m != nil {
		a.Date, a.DateFrom = m[2]+"-"+m[3]+"-"+m[4], DateIdentifier
	} else if d := fullDate(extract.Dates(extract.NewText(a.Title), "")); d != "" {
		a.Date, a.DateFrom = d, DateTitle
	}
	a.Signatory = signatory(sigs, blocks)
}

// bodyHeading is the heading of the act's first page of text.
func bodyHeading(pages []string, a *Act) string {
	for i := a.FirstPage - 1; i < a.FirstPage-1+a.Pages && i < len(pages) && i < a.FirstPage+1; i++ {
		if h := pageHead(pages[i]); h.heading >= 0 {
			return h.ls[h.heading]
		}
	}
	return ""
}

// signatureOffsets returns the byte offsets of the lines of text opening a
// signature block.
func signatureOffsets(text string) []int {
	var offs []int
	off := 0
	for _, l := range strings.SplitAfter(text, "\n") {
		if signatureLine(strings.TrimSpace(l)) || dateLine.MatchString(strings.TrimSpace(l)) {
			offs = append(offs, off)
		}
		off += len(l)
	}
	return offs
}

// signatureDate is the full date of the last dateline of text that gives one
// ("Fait à Toulon, le 4 juillet 2025"), read on the dateline and the line after it
// (a long place wraps: "Fait à CS 31209 - 83070 TOULON\nCedex, le 04/07/25"); ""
// when none does.
func signatureDate(text string) string {
	ls := strings.Split(text, "\n")
	for k := len(ls) - 1; k >= 0; k-- {
		l := strings.TrimSpace(ls[k])
		if !dateLine.MatchString(l) {
			continue
		}
		if k+1 < len(ls) {
			l += " " + strings.TrimSpace(ls[k+1])
		}
		l = shortYear.ReplaceAllString(l, "${1}20$2")
		if d := fullDate(extract.Dates(extract.NewText(l), "")); d != "" {
			return d
		}
	}
	return ""
}

// shortYear is a numeric date with a two-digit year ("le 04/07/25"), which forms
// and signature stamps print and extract.Dates does not read; on a dateline the
// year is of this century.
var shortYear = regexp.MustCompile(`\b(\d{1,2}[/.]\d{1,2}[/.])(\d{2})\b`)

// fullDate is the first date given to the day.
func fullDate(ds []corpus.Date) string {
	for _, d := range ds {
		if len(d.Value) == len("2006-01-02") {
			return d.Value
		}
	}
	return ""
}

// blockSpan is how far after its first line a signature block may name its signer.
const blockSpan = 400

// signatory is the person signing in the last signature block: the last signing
// person named within it (a delegate signs after "Pour le préfet", which
// extract.Parties also resolves to the préfet named elsewhere), else the first
// after it, else the last one before it.
func signatory(sigs []corpus.Signatory, blocks []int) string {
	var persons []corpus.Signatory
	for _, s := range sigs {
		if s.Kind == corpus.KindPerson {
			persons = append(persons, s)
		}
	}
	if len(persons) == 0 {
		return ""
	}
	if len(blocks) == 0 {
		return persons[len(persons)-1].Name
	}
	last := blocks[len(blocks)-1]
	// the block may open several lines before the name: go back to its first line
	for k := len(blocks) - 2; k >= 0 && last-blocks[k] < 200; k-- {
		last = blocks[k]
	}
	in, after, before := "", "", ""
	for _, p := range persons {
		switch {
		case p.Start >= last && p.Start < last+blockSpan:
			in = p.Name
		case p.Start >= last && after == "":
			after = p.Name
		case p.Start < last:
			before = p.Name
		}
	}
	for _, n := range []string{in, after, before} {
		if n != "" {
			return n
		}
	}
	return ""
}
