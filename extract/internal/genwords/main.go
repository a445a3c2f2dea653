// Command genwords writes the French word set that package extract embeds
// (frwords.txt.gz): the words of a word list, one per line, folded with text.Fold
// (lower case, no diacritics), deduplicated, sorted bytewise, joined by '\n' and
// gzipped.
//
// Usage (from package extract, see its go:generate line):
//
//	go run ../internal/genwords -o data/frwords.txt.gz (from extract/lex) /usr/share/dict/french
//
// /usr/share/dict/french is Debian's wfrench package (apt-get install wfrench),
// GPL-2+; the notice is kept in frwords.LICENSE beside the generated file.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"terril/extract/text"
)

func main() {
	out := flag.String("o", "frwords.txt.gz", "output `file`")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: genwords -o OUT.txt.gz WORDLIST")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out); err != nil {
		fmt.Fprintln(os.Stderr, "genwords:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(text.Fold(text.Normalize(sc.Text())))
		if w == "" || strings.ContainsAny(w, " \n") {
			continue
		}
		seen[w] = true
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	slices.Sort(words)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(strings.Join(words, "\n")))
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "genwords: %d words, %d bytes gzipped -> %s\n", len(words), buf.Len(), out)
	return nil
}
