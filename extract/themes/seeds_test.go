package themes_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"terril/corpus"
	"terril/extract/read"
	"terril/extract/text"
	"terril/extract/themes"
	"testing"
)

// goldThemes reads the themes of a gold JSON Lines file: id → theme ids.
func goldThemes(tb testing.TB, path string) map[string][]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("gold not available: %v", err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec struct {
			ID     string   `json:"id"`
			Themes []string `json:"themes"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out[rec.ID] = rec.Themes
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return out
}

// themeF1 classifies the text files of dir that have gold themes and returns the
// micro-averaged precision, recall and F1, logging each document's misses.
func themeF1(t *testing.T, dir string, gold map[string][]string) (p, r, f1 float64) {
	th := themes.Default()
	var tp, fp, fn int
	ids := make([]string, 0, len(gold))
	for id := range gold {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		matches, _ := filepath.Glob(filepath.Join(dir, id+".*"))
		if len(matches) != 1 {
			t.Errorf("%s: %d files in %s", id, len(matches), dir)
			continue
		}
		data, err := os.ReadFile(matches[0])
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		res, err := read.Read(matches[0], "", data)
		if err != nil {
			t.Errorf("%s: %v", id, err)
			continue
		}
		s := res.Text
		got, ev := th.Classify(text.New(s), res.Title)
		var missing, extra []string
		for _, g := range gold[id] {
			if slices.Contains(got, g) {
				tp++
			} else {
				fn++
				missing = append(missing, g)
			}
		}
		for k, g := range got {
			if !slices.Contains(gold[id], g) {
				fp++
				extra = append(extra, g+"("+evidenceString(s, ev[k])+")")
			}
		}
		if len(missing)+len(extra) > 0 {
			t.Logf("%s: missing %v; extra %v", id, missing, extra)
		}
	}
	p = float64(tp) / float64(max(tp+fp, 1))
	r = float64(tp) / float64(max(tp+fn, 1))
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// evidenceString formats a theme's evidence for a log line.
func evidenceString(s string, ev corpus.ThemeEvidence) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%.2f:", ev.Score)
	for _, tm := range ev.Terms {
		if tm.Start >= 0 {
			fmt.Fprintf(&b, " %q", s[tm.Start:tm.End])
		} else {
			fmt.Fprintf(&b, " title:%q", tm.Term)
		}
	}
	return b.String()
}

func TestThemesSeeds(t *testing.T) {
	gold := goldThemes(t, "../../../shared/gold/seeds.gold.jsonl")
	p, r, f1 := themeF1(t, "../../../shared/seeds", gold)
	t.Logf("seeds: themes P=%.3f R=%.3f F1=%.3f", p, r, f1)
	if f1 < 0.85 {
		t.Errorf("seeds: themes F1 = %.3f, want >= 0.85", f1)
	}
}

func TestThemesSample(t *testing.T) {
	gold := goldThemes(t, "../../corpus/sample/gold.jsonl")
	p, r, f1 := themeF1(t, "../../corpus/sample/docs", gold)
	t.Logf("sample corpus: themes P=%.3f R=%.3f F1=%.3f", p, r, f1)
	if f1 < 0.85 {
		t.Errorf("sample corpus: themes F1 = %.3f, want >= 0.85", f1)
	}
}

// BenchmarkClassifySample is ClassifyTokens over the sample corpus as the extract
// step sees it (normalised text, lexed beforehand, the title, a Scratch): the
// themes' share of BenchmarkExtractWithPlaces in extract/geo.
func BenchmarkClassifySample(b *testing.B) {
	files, _ := filepath.Glob("../../corpus/sample/docs/*")
	type doc struct {
		tk    text.Tokens
		title string
	}
	var docs []doc
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		res, err := read.Read(f, "", data)
		if err != nil {
			continue
		}
		docs = append(docs, doc{text.Lex(text.New(res.Text)), res.Title})
		size += int64(len(res.Text))
	}
	if len(docs) == 0 {
		b.Skip("../../corpus/sample/docs is absent")
	}
	th := themes.Default()
	var buf themes.Scratch
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			th.ClassifyTokens(&docs[i].tk, docs[i].title, &buf)
		}
	}
}
