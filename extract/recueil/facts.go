package recueil

import (
	"regexp"
	"slices"
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
	people, sigs := extract.Parties(t, nil)
	blocks := signatureOffsets(a.Text)
	if d := signatureDate(a.Text); d != "" {
		a.Date, a.DateFrom = d, DateSignature
	} else if m := deptID.FindStringSubmatch(a.ID); m != nil {
		a.Date, a.DateFrom = m[2]+"-"+m[3]+"-"+m[4], DateIdentifier
	} else if d := fullDate(extract.Dates(extract.NewText(a.Title), "")); d != "" {
		a.Date, a.DateFrom = d, DateTitle
	}
	a.Signatory = signer(people, sigs, blocks)
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
		if signatureLine(strings.TrimSpace(l)) || isDateLine(strings.TrimSpace(l)) {
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
		if !isDateLine(l) {
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

// A named is a person named at an offset of the act's text.
type named struct {
	name  string
	start int
}

// signer returns the act's signatory: among the persons extract.Parties finds
// signing, the one of the last signature block (see inBlock); else the person it
// finds named in that block (a block it does not read as signed: "Rodez, le 3
// février 2025 / La sous-préfète, / Anne-Claire MARTY").
func signer(people []corpus.Person, sigs []corpus.Signatory, blocks []int) string {
	var signing, inText []named
	for _, s := range sigs {
		if s.Kind == corpus.KindPerson {
			signing = append(signing, named{s.Name, s.Start})
		}
	}
	if n := inBlock(signing, blocks, true); n != "" {
		return n
	}
	for _, p := range people {
		for _, sp := range p.Spans {
			inText = append(inText, named{p.Name, sp.Start})
		}
	}
	slices.SortFunc(inText, func(a, b named) int { return a.start - b.start })
	return inBlock(inText, blocks, false)
}

// inBlock returns the last person named within the last signature block (a
// delegate signs after "Pour le préfet", which extract.Parties also resolves to
// the préfet named elsewhere); when anywhere, else the first one after it, else
// the last one before it.
func inBlock(ps []named, blocks []int, anywhere bool) string {
	if len(ps) == 0 || len(blocks) == 0 {
		if anywhere && len(ps) > 0 {
			return ps[len(ps)-1].name
		}
		return ""
	}
	last := blocks[len(blocks)-1]
	// the block may open several lines before the name: go back to its first line
	for k := len(blocks) - 2; k >= 0 && last-blocks[k] < 200; k-- {
		last = blocks[k]
	}
	in, after, before := "", "", ""
	for _, p := range ps {
		switch {
		case p.start >= last && p.start < last+blockSpan:
			in = p.name
		case p.start >= last && after == "":
			after = p.name
		case p.start < last:
			before = p.name
		}
	}
	if in != "" || !anywhere {
		return in
	}
	if after != "" {
		return after
	}
	return before
}
