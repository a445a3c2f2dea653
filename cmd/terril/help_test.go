package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runAll runs terril in-process and returns stdout, stderr and the exit code main
// would use.
func runAll(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	err := run(context.Background(), &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}, args)
	code := 0
	if err != nil {
		code = exitCode(err)
		errb.WriteString("terril: " + err.Error() + "\n")
	}
	return out.String(), errb.String(), code
}

func TestHelpOnStdout(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"help", "search"}, {"search", "-h"}, {"facets", "--help"}, {"help", "show"}} {
		out, errs, code := runAll(args...)
		if code != 0 || out == "" || errs != "" {
			t.Errorf("terril %v: exit %d, %d bytes on stdout, stderr %q", args, code, len(out), errs)
		}
	}
	out, _, _ := runAll("help", "search")
	for _, want := range []string{"-commune NAME|INSEE", "-min-amount AMOUNT", "-format FORMAT", "-queries FILE", "-dept CODE|NAME"} {
		if !strings.Contains(out, want) {
			t.Errorf("search help lacks %q", want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	dir := testIndex(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"search", "--bogus"}, "-bogus"},
		{[]string{"search", "-n", "x"}, "-n"},
		{[]string{"search", "--index", dir, "-n", "-3"}, "positive"},
		{[]string{"search", "--index", dir, "--offset", "-1"}, "--offset"},
		{[]string{"search", "--index", dir, "--format", "xml"}, "xml"},
		{[]string{"search", "--index", dir, "date:2019..zz"}, ""},
		{[]string{"facets", "--index", dir, "theme", "-n", "0"}, "positive"},
		{[]string{"show"}, "ID"},
		{[]string{"nosuch"}, "unknown command"},
	} {
		_, errs, code := runAll(tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("terril %v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	// A bad flag: its error once and a pointer to the help, not the help itself.
	_, errs, _ := runAll("search", "--bogus")
	if strings.Count(errs, "-bogus") != 1 || !strings.Contains(errs, `terril help search`) || strings.Contains(errs, "Flags:") {
		t.Errorf("bad flag: stderr %q", errs)
	}
}

func TestSearchExplains(t *testing.T) {
	dir := testIndex(t)
	out, _, code := runAll("search", "--index", dir, "--offset", "40")
	if code != 0 || !strings.Contains(out, "3 documents match; --offset 40 is past the last one") {
		t.Errorf("offset past the end: exit %d, %q", code, out)
	}
	out, _, _ = runAll("search", "--index", dir, "-n", "0")
	if !strings.Contains(out, "3 documents match (-n 0: none listed)") {
		t.Errorf("-n 0: %q", out)
	}
	_, errs, _ := runAll("search", "--index", dir, "logement", "or", "habitat")
	if !strings.Contains(errs, `"or" is searched as a word; did you mean OR?`) {
		t.Errorf("lower-case or: stderr %q", errs)
	}
	for _, q := range [][]string{{"logement", "OR", "habitat"}, {`"logement or habitat"`}, {"or", "logement"}} {
		if _, errs, _ := runAll(append([]string{"search", "--index", dir}, q...)...); strings.Contains(errs, "hint") {
			t.Errorf("%v: unwanted hint %q", q, errs)
		}
	}
}

func TestTerminalSnippetMarkers(t *testing.T) {
	in := "le maire parle de « <mark>rénovation</mark> » &amp; d&#39;<mark>habitat</mark>"
	if got, want := terminalSnippet(in, false), "le maire parle de « [[rénovation]] » & d'[[habitat]]"; got != want {
		t.Errorf("plain: %q, want %q", got, want)
	}
	if got := terminalSnippet(in, true); !strings.Contains(got, "\x1b[1;4mrénovation\x1b[0m") {
		t.Errorf("color: %q", got)
	}
	// A snippet's own escape sequences never reach the terminal.
	if got := terminalSnippet("a\x1b[31m<mark>b</mark>", true); strings.Count(got, "\x1b") != 2 {
		t.Errorf("escape let through: %q", got)
	}
	t.Setenv("NO_COLOR", "1")
	var b bytes.Buffer
	if useColor(&b) {
		t.Error("color on a buffer")
	}
}

func TestUnknownCommandSuggests(t *testing.T) {
	_, errs, code := runAll("serch", "logement")
	if code != 2 || !strings.Contains(errs, "did you mean search?") {
		t.Errorf("serch: exit %d, %q", code, errs)
	}
	if _, errs, _ := runAll("zzz"); strings.Contains(errs, "did you mean") {
		t.Errorf("zzz: %q", errs)
	}
}

func TestUnknownFilterValuesSuggest(t *testing.T) {
	dir := testIndex(t)
	_, errs, code := runAll("search", "--index", dir, "--commune", "Lense", "--theme", "logemnt", "--genre", "deliberations", "--epci", "Amiens Metropol", "-n", "0")
	for _, want := range []string{`--commune "Lense": no such commune; did you mean Lens (62498)`,
		`--theme "logemnt": no such theme; did you mean logement?`,
		`--genre "deliberations": no such genre; did you mean deliberation?`,
		`--epci "Amiens Metropol": no such intercommunality; did you mean CA Amiens Métropole (248000531)?`} {
		if code != 0 || !strings.Contains(errs, want) {
			t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, errs)
		}
	}
	// Known values, codes and acronyms say nothing.
	if _, errs, _ := runAll("facets", "--index", dir, "theme", "--commune", "62498", "--commune", "Liévin", "--epci", "MEL", "--theme", "logement", "--genre", "page"); errs != "" {
		t.Errorf("known values: %q", errs)
	}
}
