package querylang

import (
	"fmt"
	"strings"
)

// A Hint is a remark on a query that parses but may not say what its author meant.
type Hint struct {
	Pos int // byte offset in the query
	Msg string
}

// connectives are lower-case words that read as operators to people but are
// searched as words.
var connectives = map[string]string{
	"or": "OR", "ou": "OR", "and": "AND",
}

// Hints returns the hints about a parsed query: a lower-case "or", "ou" or "and"
// between two clauses.
func Hints(n Node) []Hint {
	var out []Hint
	walk(n, func(n Node) {
		and, ok := n.(*And)
		if !ok {
			return
		}
		for i := 1; i+1 < len(and.Xs); i++ {
			w, ok := and.Xs[i].(*Word)
			if !ok {
				continue
			}
			op, ok := connectives[strings.ToLower(w.Text)]
			if !ok || isOperator(w.Text) {
				continue
			}
			msg := fmt.Sprintf("%q is searched as a word; to find either side, write OR in capitals", w.Text)
			if op == "AND" {
				msg = fmt.Sprintf("%q is searched as a word; words side by side are all required already (AND in capitals is the operator)", w.Text)
			}
			out = append(out, Hint{Pos: w.At, Msg: msg})
		}
	})
	return out
}

// walk calls f on n and every node under it.
func walk(n Node, f func(Node)) {
	f(n)
	switch n := n.(type) {
	case *Not:
		walk(n.X, f)
	case *And:
		for _, x := range n.Xs {
			walk(x, f)
		}
	case *Or:
		for _, x := range n.Xs {
			walk(x, f)
		}
	}
}

// Walk calls f on n and every node under it, parents first.
func Walk(n Node, f func(Node)) { walk(n, f) }
