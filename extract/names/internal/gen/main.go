// Command gen writes the name lexicons that package names embeds: given.txt.gz and
// surnames.txt.gz, each a list of names folded with extract.Fold (lower case, no
// diacritics), deduplicated, sorted bytewise, joined by '\n' and gzipped.
//
// Sources, merged:
//
//   - Debian's hunspell-fr-classical (/usr/share/hunspell/fr.dic, MPL-2.0): entries
//     tagged po:prn are given names, po:patr surnames;
//   - the npm package @zxcvbn-ts/language-fr (MIT), whose lastnames.json holds given
//     names and firstnames.json surnames (the file names are swapped);
//   - the fr locale of the npm package @faker-js/faker (MIT).
//
// The npm packages are pinned in npm/package.json and npm/package-lock.json; npm/dump.mjs
// prints their names as JSON. Usage, from package names (see its go:generate line):
//
//	apt-get install hunspell-fr-classical
//	(cd internal/gen/npm && npm ci)
//	go run ./internal/gen -dic /usr/share/hunspell/fr.dic -npm internal/gen/npm
//
// The licence notices are kept in NOTICE beside the generated files.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"

	"terril/extract"
)

func main() {
	dic := flag.String("dic", "/usr/share/hunspell/fr.dic", "hunspell `dictionary` of hunspell-fr-classical")
	npm := flag.String("npm", "internal/gen/npm", "`directory` holding dump.mjs and its node_modules")
	out := flag.String("o", ".", "output `directory`")
	flag.Parse()
	if err := run(*dic, *npm, *out); err != nil {
		fmt.Fprintln(os.Stderr, "names/gen:", err)
		os.Exit(1)
	}
}

func run(dic, npm, out string) error {
	given, surnames := map[string]bool{}, map[string]bool{}
	if err := readHunspell(dic, given, surnames); err != nil {
		return err
	}
	cmd := exec.Command("node", "dump.mjs")
	cmd.Dir = npm
	cmd.Stderr = os.Stderr
	js, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("node %s/dump.mjs (run npm ci there first): %w", npm, err)
	}
	var lists struct{ Given, Surnames []string }
	if err := json.Unmarshal(js, &lists); err != nil {
		return fmt.Errorf("%s/dump.mjs output: %w", npm, err)
	}
	for _, n := range lists.Given {
		add(given, n)
	}
	for _, n := range lists.Surnames {
		add(surnames, n)
	}
	if err := write(out+"/given.txt.gz", given); err != nil {
		return err
	}
	return write(out+"/surnames.txt.gz", surnames)
}

// readHunspell adds the entries of a hunspell .dic tagged po:prn (given names) and
// po:patr (surnames).
func readHunspell(path string, given, surnames map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w (apt-get install hunspell-fr-classical)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		var set map[string]bool
		switch {
		case strings.Contains(line, "po:prn"):
			set = given
		case strings.Contains(line, "po:patr"):
			set = surnames
		default:
			continue
		}
		w, _, _ := strings.Cut(line, "/")
		w, _, _ = strings.Cut(w, "\t")
		w, _, _ = strings.Cut(w, " ")
		add(set, w)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// add folds a name and adds it when it is one word of at least two letters (a
// hyphenated compound is one word).
func add(set map[string]bool, name string) {
	w := strings.TrimSpace(extract.Fold(extract.Normalize(name)))
	if len(w) < 2 || strings.ContainsAny(w, " \n.") {
		return
	}
	set[w] = true
}

func write(path string, set map[string]bool) error {
	words := make([]string, 0, len(set))
	for w := range set {
		words = append(words, w)
	}
	slices.Sort(words)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(strings.Join(words, "\n")))
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "names/gen: %d names, %d bytes gzipped -> %s\n", len(words), buf.Len(), path)
	return nil
}
