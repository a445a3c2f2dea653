// Command synthgen writes N generated documents (synth.Generator, seed 1) of about
// SIZE bytes into DIR, for scripts that compare extractions (scripts/same-output).
//
//	go run ./pipeline/synth/internal/synthgen N SIZE DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"terril/pipeline/synth"
)

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: synthgen N SIZE DIR")
		os.Exit(2)
	}
	n, err1 := strconv.Atoi(os.Args[1])
	size, err2 := strconv.Atoi(os.Args[2])
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "synthgen: N and SIZE must be numbers")
		os.Exit(2)
	}
	g, err := synth.New(1)
	if err != nil {
		fmt.Fprintln(os.Stderr, "synthgen:", err)
		os.Exit(1)
	}
	for i := range n {
		p := filepath.Join(os.Args[3], fmt.Sprintf("synth-%04d.txt", i))
		if err := os.WriteFile(p, []byte(g.Next(size)), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "synthgen:", err)
			os.Exit(1)
		}
	}
}
