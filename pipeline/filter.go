package pipeline

import (
	"fmt"
	"path"
	"strings"
)

// Filter chooses files by glob patterns (path.Match syntax: '*' stops at '/').
// A pattern matches a file when it matches, case folded, its path relative to the
// folder named, its name, or the relative path or name of a folder it is in: so
// "*.pdf" takes every PDF, "brouillons" and "brouillons/*" everything in the
// folder brouillons, "2021/*.pdf" the PDFs of the folder 2021 at the top.
type Filter struct {
	Include []string // when any, only the files one of them matches are read
	Exclude []string // the files one of them matches are not read, even if included
}

// Check reports the first malformed pattern.
func (f Filter) Check() error {
	for _, p := range append(append([]string(nil), f.Include...), f.Exclude...) {
		if _, err := path.Match(strings.ToLower(p), ""); err != nil {
			return fmt.Errorf("bad pattern %q: %w", p, err)
		}
	}
	return nil
}

// Excludes says why the file of relative path rel ('/' separators) is left out,
// or "" when it is not.
func (f Filter) Excludes(rel string) string {
	if len(f.Include) == 0 && len(f.Exclude) == 0 {
		return ""
	}
	rel = strings.ToLower(rel)
	if p := firstMatch(f.Exclude, rel); p != "" {
		return "--exclude " + p
	}
	if len(f.Include) > 0 && firstMatch(f.Include, rel) == "" {
		return "no --include matches"
	}
	return ""
}

// firstMatch returns the first of patterns that matches rel, its name, or one
// of its folders' paths or names.
func firstMatch(patterns []string, rel string) string {
	for _, p := range patterns {
		lp := strings.ToLower(p)
		for s := rel; s != "" && s != "."; s = path.Dir(s) {
			if matches(lp, s) || matches(lp, path.Base(s)) {
				return p
			}
		}
	}
	return ""
}

func matches(pattern, name string) bool {
	ok, _ := path.Match(pattern, name)
	return ok
}
