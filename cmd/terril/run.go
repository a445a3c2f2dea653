package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// A command is one subcommand of terril.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what every command gets: its output streams.
type env struct {
	stdout io.Writer
	stderr io.Writer
	stdin  io.Reader
}

// commands lists every subcommand. Keep it sorted by name.
var commands = []command{
	{"acts", "list the acts of a recueil des actes administratifs, with their pages", actsCommand},
	{"crawl", "fetch the sources of a sources file and index what is new or changed", crawlCommand},
	{"eval", "score extraction against gold annotations (precision, recall, F1)", evalCommand},
	{"extract", "extract facts from files and print them as JSON Lines", extractCommand},
	{"ingest", "read, extract and index files and folders", ingestCommand},
	{"loadtest", "measure terril serve under concurrent clients while it ingests", loadtestCommand},
	{"search", "search the index", searchCommand},
	{"facets", "count and sum the matching documents by commune, theme, year…", facetsCommand},
	{"fundings", "list, sum and export funding events: funder, beneficiary, commune, amount", fundingsCommand},
	{"bench", "measure ingest throughput, index size, memory and query latency", benchCommand},
	{"demo", "ingest the embedded sample corpus into a temporary index and search it", demoCommand},
	{"pdftext", "print the text read from a PDF, with the reader of each page", pdftextCommand},
	{"reindex", "re-extract and re-index every capture in the store, without the network", reindexCommand},
	{"serve", "serve the index to a web browser and as a JSON API", serveCommand},
	{"show", "print one document of the index: metadata, facts and text", showCommand},
	{"sources", "list the catalogue of sources that ships with terril: préfectures, Régions…", sourcesCommand},
}

// Run runs terril with the command-line arguments args (without the program name).
func Run(ctx context.Context, args []string) error {
	return run(ctx, &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin}, args)
}

func run(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			return run(ctx, e, []string{args[1], "--help"})
		}
		usage(e.stdout)
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			err := c.run(ctx, e, args[1:])
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	usage(e.stderr)
	msg := fmt.Sprintf("unknown command %q", args[0])
	if near := nearest(args[0], commandNames()); near != "" {
		msg += fmt.Sprintf("; did you mean %s?", near)
	}
	return usageError{msg}
}

func commandNames() []string {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return names
}

// nearest returns the one of names closest to s, within two edits (and fewer
// than half its letters), or "".
func nearest(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := editDistance(s, n); d < bestD && d*2 < len([]rune(n)) {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func usage(w io.Writer) {
	fmt.Fprint(w, `terril turns French public-policy documents (communiqués, délibérations,
procès-verbaux, news articles) into a searchable corpus with structured facts:
dates, euro amounts, communes, intercommunalities, départements, people,
signatories, references to acts and themes.

Usage:

	terril <command> [arguments]

Commands:

`)
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "\t%-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Every command that touches the index takes --index DIR (default: `+defaultIndexDir()+`).
Run "terril help <command>" for the flags and details of one command.
`)
}

// usageError is a mistake on the command line: exit status 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// newFlags returns a flag set for a command whose usage prints the given text
// followed by the flags: on stdout when asked for (-h, terril help CMD), on stderr
// when a command calls fs.Usage for a missing argument.
func newFlags(e *env, name, text string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprint(w, strings.TrimLeft(text, "\n"))
		fmt.Fprintln(w, "\nFlags:")
		fs.PrintDefaults()
	}
	helpOut.Store(fs, e.stdout)
	return fs
}

// helpOut holds each flag set's standard output, where parseFlags prints the help
// asked for.
var helpOut sync.Map // *flag.FlagSet → io.Writer

// parseFlags parses args with fs, allowing flags after positional arguments
// ("terril search rénovation --json"). "--" ends the flags. A mistake is one usage
// error naming the flag and pointing to the help, not the whole help text.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	out, usage := fs.Output(), fs.Usage
	defer func() { fs.SetOutput(out); fs.Usage = usage; helpOut.Delete(fs) }()
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				if w, ok := helpOut.Load(fs); ok {
					fs.SetOutput(w.(io.Writer))
				} else {
					fs.SetOutput(out)
				}
				usage()
				return nil, err
			}
			return nil, usageError{fmt.Sprintf("%s: %v\nRun \"terril help %s\" for its flags.", fs.Name(), err, fs.Name())}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			// fs.Parse consumed a "--" only if it came first; keep the rest verbatim.
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// indexFlag adds the --index flag shared by every command that uses the index.
func indexFlag(fs *flag.FlagSet) *string {
	return fs.String("index", defaultIndexDir(), "index `DIR`ectory")
}

// defaultIndexDir is $XDG_DATA_HOME/terril/index, or ~/.local/share/terril/index.
func defaultIndexDir() string {
	if d := os.Getenv("TERRIL_INDEX"); d != "" {
		return d
	}
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return filepath.Join(os.TempDir(), "terril", "index")
		}
		base = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(base, "terril", "index")
}
