package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"terril/corpus/gold"
)

// evalRun runs terril in-process and returns its standard output and error.
func evalRun(args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	err := run(context.Background(), &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}, args)
	return out.String(), errb.String(), err
}

// sharedGold returns the paths of the seeds and their gold, skipping when absent.
func sharedGold(t *testing.T) (seeds, goldFile, scorer string) {
	t.Helper()
	shared := filepath.Join("..", "..", "..", "shared")
	seeds = filepath.Join(shared, "seeds")
	goldFile = filepath.Join(shared, "gold", "seeds.gold.jsonl")
	scorer = filepath.Join(shared, "gold", "score.py")
	for _, p := range []string{seeds, goldFile, scorer} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("shared seeds and gold not available: %v", err)
		}
	}
	return seeds, goldFile, scorer
}

// TestEvalAgreesWithScorePy scores the seeds with terril eval, and with score.py
// on terril extract's output of the same files: the tables must be the same,
// fundings row and its line on matched events included.
func TestEvalAgreesWithScorePy(t *testing.T) {
	seeds, goldFile, scorer := sharedGold(t)
	evalAgrees(t, seeds, goldFile, scorer)
}

// TestEvalAgreesWithScorePyRealdev does the same on the real documents, whose
// gold has 67 funding events.
func TestEvalAgreesWithScorePyRealdev(t *testing.T) {
	_, _, scorer := sharedGold(t)
	realdev := filepath.Join("..", "..", "..", "shared", "realdev")
	if _, err := os.Stat(filepath.Join(realdev, "gold.jsonl")); err != nil {
		t.Skipf("shared realdev not available: %v", err)
	}
	evalAgrees(t, filepath.Join(realdev, "docs"), filepath.Join(realdev, "gold.jsonl"), scorer)
}

func evalAgrees(t *testing.T, seeds, goldFile, scorer string) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: cannot run score.py")
	}
	files, err := filepath.Glob(filepath.Join(seeds, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed files in %s: %v", seeds, err)
	}
	pred, stderr, err := evalRun(append([]string{"extract"}, files...)...)
	if err != nil {
		t.Fatalf("terril extract: %v\n%s", err, stderr)
	}
	predFile := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(predFile, []byte(pred), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := exec.Command(py, scorer, goldFile, predFile).Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	wantLines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")

	for _, args := range [][]string{
		{"eval", goldFile, seeds},
		{"eval", goldFile, "--pred", predFile},
	} {
		out, stderr, err := evalRun(args...)
		if err != nil {
			t.Fatalf("terril %s: %v\n%s", strings.Join(args, " "), err, stderr)
		}
		if got := gold.CommonLines(out); strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
			t.Errorf("terril %s disagrees with score.py:\n--- score.py\n%s\n--- terril\n%s",
				strings.Join(args, " "), want, out)
		}
		if !strings.Contains(out, "\nfundings       ") || !strings.Contains(out, "\n  on matched fundings: funder ") {
			t.Errorf("terril %s: no fundings rows:\n%s", strings.Join(args, " "), out)
		}
		if !strings.Contains(out, "\nrole           accuracy ") {
			t.Errorf("terril %s: no role accuracy line:\n%s", strings.Join(args, " "), out)
		}
	}
}

func TestEvalJSONAndMissing(t *testing.T) {
	seeds, goldFile, _ := sharedGold(t)
	g, err := gold.Load(goldFile)
	if err != nil {
		t.Fatal(err)
	}
	// Only the first seed: every other gold document is missing.
	first := filepath.Join(seeds, g.IDs[0]+".txt")
	out, stderr, err := evalRun("eval", "--json", "-v", goldFile, first)
	if err != nil {
		t.Fatalf("terril eval: %v\n%s", err, stderr)
	}
	var rep gold.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, out)
	}
	if rep.Gold != g.Len() || len(rep.Missing) != g.Len()-1 || len(rep.Fields) != len(gold.Fields) {
		t.Errorf("eval --json: gold %d, missing %v, %d fields; want %d, %d, %d",
			rep.Gold, rep.Missing, len(rep.Fields), g.Len(), g.Len()-1, len(gold.Fields))
	}
	for _, d := range rep.Docs {
		if d.ID == g.IDs[0] && d.Missing {
			t.Errorf("%s reported missing though extracted", d.ID)
		}
	}
	text, _, err := evalRun("eval", "-v", goldFile, first)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(text, fmt.Sprintf("# %d gold documents have no prediction: ", g.Len()-1)) {
		t.Errorf("eval: no note on missing documents:\n%s", text)
	}
	if !strings.Contains(text, "\n  no prediction\n") {
		t.Errorf("eval -v: missing documents not shown:\n%s", text)
	}
}

func TestEvalBadInput(t *testing.T) {
	dir := t.TempDir()
	goldFile := filepath.Join(dir, "g.jsonl")
	os.WriteFile(goldFile, []byte(`{"id": "a", "genre": "page", "dates": [{"value": "2019"}]}`+"\n"), 0o644)
	badPred := filepath.Join(dir, "p.jsonl")
	os.WriteFile(badPred, []byte("{\"id\": \"a\"}\n{\"id\": \"b\", \"amounts\": [{\"value\": \"35 M€\"}]}\n"), 0o644)
	goodPred := filepath.Join(dir, "ok.jsonl")
	os.WriteFile(goodPred, []byte(`{"id": "a", "genre": "article"}`+"\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string // in the error; "" means success
	}{
		{[]string{"eval", filepath.Join(dir, "none.jsonl"), dir}, "none.jsonl"},
		{[]string{"eval", goldFile, "--pred", badPred}, "p.jsonl:2: amounts[0].value"},
		{[]string{"eval", goldFile}, "no FILE or DIR"},
		{[]string{"eval", goldFile, dir, "--pred", goodPred}, "--pred takes no FILE"},
		{[]string{"eval", goldFile, "--pred", goodPred}, ""}, // low scores: still exit 0
		{[]string{"eval", goldFile, filepath.Join(dir, "a.txt")}, "1 of 1 files failed"},
	} {
		out, _, err := evalRun(c.args...)
		if c.want == "" || strings.Contains(c.want, "failed") {
			if !strings.Contains(out, "\nmacro-F1 ") {
				t.Errorf("terril %s: no table:\n%s", strings.Join(c.args, " "), out)
			}
		}
		switch {
		case c.want == "" && err != nil:
			t.Errorf("terril %s: %v", strings.Join(c.args, " "), err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("terril %s: error %v, want one mentioning %q", strings.Join(c.args, " "), err, c.want)
		}
	}
}
