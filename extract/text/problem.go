package text

import (
	"fmt"
	"strings"
)

// A Problem is something an extractor or reader noticed and could not handle: not
// fatal, collected go/scanner-style.
type Problem struct {
	Pos int    // byte offset in the text, or -1 when the problem concerns the whole input
	Msg string // what went wrong
}

func (p Problem) Error() string {
	if p.Pos < 0 {
		return p.Msg
	}
	return fmt.Sprintf("offset %d: %s", p.Pos, p.Msg)
}

// Problems is a list of Problem. The zero value is ready to use.
type Problems []Problem

// Add appends a problem.
func (p *Problems) Add(pos int, format string, args ...any) {
	*p = append(*p, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Err returns nil when the list is empty, the list itself otherwise.
func (p Problems) Err() error {
	if len(p) == 0 {
		return nil
	}
	return p
}

func (p Problems) Error() string {
	switch len(p) {
	case 0:
		return "no problems"
	case 1:
		return p[0].Error()
	}
	var b strings.Builder
	b.WriteString(p[0].Error())
	fmt.Fprintf(&b, " (and %d more)", len(p)-1)
	return b.String()
}

// Strings returns each problem as a string, for corpus.Document.Problems.
func (p Problems) Strings() []string {
	out := make([]string, len(p))
	for i, q := range p {
		out[i] = q.Error()
	}
	return out
}
