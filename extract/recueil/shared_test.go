package recueil

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"terril/extract"
	"terril/extract/pdfread"
	"terril/extract/read"
)

// sharedDir holds the real recueils and their acts gold (see its README.md).
const sharedDir = "../../../shared/pdfs"

type goldAct struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	FirstPage int    `json:"first_page"`
	Pages     int    `json:"pages"`
	Date      string `json:"date"`
	Signatory string `json:"signatory"`
}

type goldFile struct {
	File      string    `json:"file"`
	Published string    `json:"published"`
	Number    string    `json:"number"`
	Acts      []goldAct `json:"acts"`
}

func readGold(tb testing.TB) []goldFile {
	tb.Helper()
	f, err := os.Open(filepath.Join(sharedDir, "acts.gold.jsonl"))
	if err != nil {
		tb.Skipf("no acts gold (%v): ../shared/pdfs is absent", err)
	}
	defer f.Close()
	var out []goldFile
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g goldFile
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			tb.Fatalf("acts.gold.jsonl: %v", err)
		}
		out = append(out, g)
	}
	return out
}

var (
	pagesOnce  sync.Once
	pagesCache = map[string][]string{}
	rereads    = map[string]RereadFunc{}
	pagesErr   error
)

// realPages reads the recueils of the gold with extract/pdfread (fast reader, PDFium
// for what fails its gate, OCR of the scans unless -short or without tesseract),
// once per test binary. rereads holds each file's
// pdfread.BlockRereader.
func realPages(tb testing.TB, gold []goldFile) map[string][]string {
	tb.Helper()
	pagesOnce.Do(func() {
		ocr := -1
		if !testing.Short() {
			ocr = 0
		}
		r := pdfread.New(pdfread.Options{OCRPages: ocr, Log: nopWriter{}})
		for _, g := range gold {
			var data []byte
			data, pagesErr = os.ReadFile(filepath.Join(sharedDir, g.File))
			if pagesErr != nil {
				return
			}
			var res *read.Result
			res, pagesErr = r.ReadPDF(context.Background(), g.File, data)
			if pagesErr != nil {
				return
			}
			pagesCache[g.File], pagesErr = PageTexts(res.Text, res.Pages)
			if pagesErr != nil {
				return
			}
			rereads[g.File] = r.BlockRereader(context.Background(), data, res.Pages)
		}
	})
	if pagesErr != nil {
		tb.Fatal(pagesErr)
	}
	return pagesCache
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }

func sameID(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// score counts the acts found against the gold: boundaries (id and first page),
// and, on matched acts, dates, signatories, page counts and kinds.
type score struct {
	gold, found, matched             int
	dates, signatories, pages, kinds int
	signable                         int // matched acts with a text beyond their heading
	from                             map[string]int
}

// textWords is the fewest words of an act read beyond its heading: scanned acts
// not OCR'd have only their separator page's.
const textWords = 150

func (s *score) add(t *testing.T, file string, g []goldAct, r *Recueil, pages []string) {
	s.gold += len(g)
	if r == nil {
		t.Errorf("%s: not split", file)
		return
	}
	s.found += len(r.Acts)
	for _, ga := range g {
		var a *Act
		for i := range r.Acts {
			if sameID(r.Acts[i].ID, ga.ID) && r.Acts[i].FirstPage == ga.FirstPage {
				a = &r.Acts[i]
			}
		}
		if a == nil {
			t.Logf("%s: missed act %s p%d", file, ga.ID, ga.FirstPage)
			continue
		}
		s.matched++
		n := a.Pages
		if a.Separator {
			n--
		}
		s.count(&s.pages, n == ga.Pages)
		s.count(&s.kinds, a.Kind == ga.Kind)
		s.count(&s.dates, a.Date == ga.Date)
		if a.Date != ga.Date {
			t.Logf("%s %s: date %q (%s), gold %q", file, a.ID, a.Date, a.DateFrom, ga.Date)
		}
		ok := extract.PersonKey(a.Signatory) == extract.PersonKey(ga.Signatory)
		s.count(&s.signatories, ok)
		if len(strings.Fields(a.Text)) > textWords {
			s.signable++
		}
		s.from[a.DateFrom]++
		if !ok {
			t.Logf("%s %s: signatory %q, gold %q", file, a.ID, a.Signatory, ga.Signatory)
		}
	}
}

func (s *score) count(n *int, ok bool) {
	if ok {
		*n++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func TestRealRecueils(t *testing.T) {
	gold := readGold(t)
	all := realPages(t, gold)
	s := score{from: map[string]int{}}
	for _, g := range gold {
		pages := all[g.File]
		r, pages := Reread(pages, Split(pages), rereads[g.File])
		for _, p := range r.Problems {
			t.Logf("%s: %s", g.File, p)
		}
		if r != nil && (r.Number != g.Number || r.Published != g.Published) {
			t.Errorf("%s: number %q published %q, want %q %q", g.File, r.Number, r.Published, g.Number, g.Published)
		}
		s.add(t, g.File, g.Acts, r, pages)
	}
	p, rc := ratio(s.matched, s.found), ratio(s.matched, s.gold)
	f1 := 0.0
	if p+rc > 0 {
		f1 = 2 * p * rc / (p + rc)
	}
	t.Logf("acts: gold %d, found %d, matched %d: boundary P %.3f R %.3f F1 %.3f", s.gold, s.found, s.matched, p, rc, f1)
	t.Logf("on matched acts: dates %d/%d (%.3f), signatories %d/%d (%.3f; %d acts with a signature block in their text), pages %d/%d, kinds %d/%d",
		s.dates, s.matched, ratio(s.dates, s.matched), s.signatories, s.matched, ratio(s.signatories, s.matched), s.signable, s.pages, s.matched, s.kinds, s.matched)
	t.Logf("dates from: %v", s.from)
	// Floors at what is reached. With OCR (not -short), the four scanned acts of the
	// hybrid recueil are read, their signature pages again as blocks (Reread): two
	// of their names stay unread under the handwritten signatures ("Lauren
	// Éboyélanger"), so 22 of 24, the issue's 0.90. Without OCR only their
	// separator pages have text: 20 of 24.
	if f1 < 1 || ratio(s.dates, s.matched) < 1 || s.pages < s.matched || s.kinds < s.matched {
		t.Errorf("boundary F1 %.3f, dates %d, pages %d, kinds %d of %d matched: below the floors (1.0)", f1, s.dates, s.pages, s.kinds, s.matched)
	}
	floor := 0.90
	if testing.Short() {
		floor = 0.83
	}
	if ratio(s.signatories, s.matched) < floor {
		t.Errorf("signatories %d of %d matched: below the floor %.2f", s.signatories, s.matched, floor)
	}
}

// Without their sommaires, the acts are found by their headings: all of them in
// 242 and the hybrid recueil; in 240 the bundle of 31 arrêtés splits into its
// arrêtés (its first one stays with the bundle's separator and internal sommaire,
// which no signature closes), as acts.notes.md expects of a heading-level splitter.
func TestRealRecueilsWithoutSommaire(t *testing.T) {
	gold := readGold(t)
	all := realPages(t, gold)
	for _, g := range gold {
		s := score{from: map[string]int{}}
		r := split(all[g.File], false)
		s.add(t, g.File, g.Acts, r, all[g.File])
		t.Logf("%s without its sommaire: gold %d, found %d, matched %d; dates %d, signatories %d", g.File, s.gold, s.found, s.matched, s.dates, s.signatories)
		want := len(g.Acts)
		if g.File == "pref83_raa_2025-240.pdf" {
			want = 33 // 2 acts, the bundle with its first arrêté, 30 arrêtés
		}
		if s.found != want || s.matched != len(g.Acts) {
			t.Errorf("%s: found %d acts (want %d), matched %d of %d", g.File, s.found, want, s.matched, len(g.Acts))
		}
	}
}

// Of the nineteen real PDFs, the three recueils and only they read as recueils
// (pages read by the fast reader: covers and sommaires pass its gate).
func TestDetectShared(t *testing.T) {
	gold := readGold(t)
	isGold := map[string]bool{}
	for _, g := range gold {
		isGold[g.File] = true
	}
	files, _ := filepath.Glob(filepath.Join(sharedDir, "*.pdf"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, pp, _ := read.ReadPDF(data)
		pages, err := PageTexts(text, pp)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if got, want := IsRecueil(pages), isGold[filepath.Base(f)]; got != want {
			t.Errorf("%s: IsRecueil %v, want %v", filepath.Base(f), got, want)
		}
	}
}

// The bundle of 240 (one sommaire entry, 95 pages) holds 31 arrêtés starting on the
// pages acts.notes.md lists; no other act of the three recueils bundles acts.
func TestRealBundle(t *testing.T) {
	gold := readGold(t)
	all := realPages(t, gold)
	want := []int{21, 24, 27, 30, 33, 36, 39, 42, 44, 47, 50, 52, 54, 57, 60, 64, 67, 70, 73, 76, 79, 82, 85, 88, 90, 93, 97, 100, 103, 106, 109}
	signed := 0
	for _, g := range gold {
		for _, a := range Split(all[g.File]).Acts {
			if a.ID != "83-2025-07-04-00010" {
				if len(a.Parts) > 0 {
					t.Errorf("%s %s: %d parts", g.File, a.ID, len(a.Parts))
				}
				continue
			}
			var got []int
			for _, p := range a.Parts {
				got = append(got, p.FirstPage)
				if p.Signatory == "Vincent Barastier" && p.Date == "2025-07-04" {
					signed++
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("bundle parts start on %v, want %v", got, want)
			}
		}
	}
	// two of the 31 end on an undated, unsigned "Fait à TOULON, le"
	t.Logf("bundle parts dated and signed by their signature block: %d of 31", signed)
	if signed < 29 {
		t.Errorf("%d parts dated and signed, want 29", signed)
	}
}
