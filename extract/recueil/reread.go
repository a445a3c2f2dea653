package recueil

import "strings"

// A RereadFunc reads page n (1-based) of the recueil again, another way (OCR of a
// scan read as one block of text); ok is false when the page cannot be read again
// (it was not a scan, or no OCR).
type RereadFunc func(n int) (text string, ok bool)

// Reread gives a second reading to the signature page of each act of r whose
// signatory was not found or is doubtful (a scan whose printed name a handwritten
// signature crosses: nothing, or a name followed by OCR noise), and splits the
// recueil again with those pages. An act with no signature page (scans left
// unread, past the reader's OCR page limit) has its last pages without text read,
// up to two: OCR beyond the limit goes to the pages that sign acts. At most
// 24 pages are read again (maxRereads). The new split is kept when it finds the same
// acts and more sure signatories; else r and pages come back.
func Reread(pages []string, r *Recueil, reread RereadFunc) (*Recueil, []string) {
	if r == nil || reread == nil {
		return r, pages
	}
	var again []string
	budget := maxRereads
	read := func(n int) bool {
		if budget <= 0 {
			return false
		}
		budget--
		text, ok := reread(n)
		if !ok || strings.TrimSpace(text) == "" {
			return false
		}
		if again == nil {
			again = append([]string(nil), pages...)
		}
		again[n-1] = text
		return true
	}
	for _, a := range r.Acts {
		if !doubtful(a) {
			continue
		}
		if n := signaturePage(pages, a); n > 0 {
			read(n)
			continue
		}
		tries := 0
		for n := min(a.FirstPage+a.Pages-1, len(pages)); n >= a.FirstPage && tries < 2; n-- {
			if strings.TrimSpace(pages[n-1]) != "" {
				continue
			}
			tries++
			if read(n) && hasSignature(again[n-1]) {
				break
			}
		}
	}
	if again == nil {
		return r, pages
	}
	r2 := Split(again)
	if r2 == nil || !sameActs(r, r2) || signed(r2) <= signed(r) {
		return r, pages
	}
	return r2, again
}

// maxRereads caps the pages Reread reads again in one recueil (OCR takes seconds a
// page); a variable for the tests.
var maxRereads = 24

// signaturePage is the last page of a with a signature line or a dateline, 0 when
// none has one.
func signaturePage(pages []string, a Act) int {
	for n := min(a.FirstPage+a.Pages-1, len(pages)); n >= a.FirstPage && n >= 1; n-- {
		if hasSignature(pages[n-1]) {
			return n
		}
	}
	return 0
}

func sameActs(a, b *Recueil) bool {
	if len(a.Acts) != len(b.Acts) {
		return false
	}
	for i := range a.Acts {
		if a.Acts[i].ID != b.Acts[i].ID || a.Acts[i].FirstPage != b.Acts[i].FirstPage || a.Acts[i].Pages != b.Acts[i].Pages {
			return false
		}
	}
	return true
}

func signed(r *Recueil) int {
	n := 0
	for _, a := range r.Acts {
		if !doubtful(a) {
			n++
		}
	}
	return n
}

// ocrNoise holds characters no line of a printed name carries, which OCR makes of
// the strokes of a handwritten signature.
const ocrNoise = `\{}|[]<>@©®~_`

// doubtful reports whether an act's signatory is missing, or read on a line that
// also carries OCR noise.
func doubtful(a Act) bool {
	if a.Signatory == "" {
		return true
	}
	f := strings.Fields(a.Signatory)
	last := strings.ToLower(f[len(f)-1])
	for l := range strings.SplitSeq(a.Text, "\n") {
		if strings.Contains(strings.ToLower(l), last) && strings.ContainsAny(l, ocrNoise) {
			return true
		}
	}
	return false
}
