package querylang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Node is one construct of a query. Pos is the byte offset in the query where
// the construct starts.
type Node interface {
	Pos() int
	node()
}

// Word is a bare word, searched in the title and the text.
type Word struct {
	At   int
	Text string
}

// Phrase is a quoted phrase ("cités minières" or « cités minières »).
type Phrase struct {
	At   int
	Text string
}

// Field is a field clause with ':' and one value: commune:Lens, theme:logement,
// montant:1M (an amount within 0.5 %), date:2019-03.
type Field struct {
	At          int
	Name, Value string // Name is canonical (see Fields)
}

// Compare is a comparison of amounts or dates: montant>1M, date>=2019-03.
type Compare struct {
	At              int
	Name, Op, Value string // Op is one of > >= < <=
}

// Range is an inclusive range of amounts, publication dates or mentioned years:
// montant:1M..5M, date:2018.., mention:2018..2020. One bound may be empty.
type Range struct {
	At             int
	Name, From, To string
}

// Not excludes what X matches (NOT x, -x).
type Not struct {
	At int
	X  Node
}

// And requires every one of Xs (words side by side, or AND). An empty And, from
// an empty query or "()", matches every document.
type And struct {
	At int
	Xs []Node
}

// Or requires one of Xs (at least two).
type Or struct {
	At int
	Xs []Node
}

func (n *Word) Pos() int    { return n.At }
func (n *Phrase) Pos() int  { return n.At }
func (n *Field) Pos() int   { return n.At }
func (n *Compare) Pos() int { return n.At }
func (n *Range) Pos() int   { return n.At }
func (n *Not) Pos() int     { return n.At }
func (n *And) Pos() int     { return n.At }
func (n *Or) Pos() int      { return n.At }

func (*Word) node()    {}
func (*Phrase) node()  {}
func (*Field) node()   {}
func (*Compare) node() {}
func (*Range) node()   {}
func (*Not) node()     {}
func (*And) node()     {}
func (*Or) node()      {}

func (n *Word) String() string    { return String(n) }
func (n *Phrase) String() string  { return String(n) }
func (n *Field) String() string   { return String(n) }
func (n *Compare) String() string { return String(n) }
func (n *Range) String() string   { return String(n) }
func (n *Not) String() string     { return String(n) }
func (n *And) String() string     { return String(n) }
func (n *Or) String() string      { return String(n) }

// String prints n as a query that Parse turns back into the same AST (positions
// aside), with the French prefix of each field.
func String(n Node) string {
	var b strings.Builder
	write(&b, n)
	return b.String()
}

func write(b *strings.Builder, n Node) {
	switch n := n.(type) {
	case *Word:
		b.WriteString(wordText(n.Text))
	case *Phrase:
		b.WriteString(quote(n.Text))
	case *Field:
		b.WriteString(Prefix(n.Name) + ":" + value(n.Value))
	case *Compare:
		b.WriteString(Prefix(n.Name) + n.Op + value(n.Value))
	case *Range:
		b.WriteString(Prefix(n.Name) + ":" + value(n.From+".."+n.To))
	case *Not:
		writeNot(b, n)
	case *And:
		if len(n.Xs) == 0 {
			b.WriteString("()")
		}
		for i, x := range n.Xs {
			if i > 0 {
				b.WriteByte(' ')
			}
			group(b, x, isAnd(x) || isOr(x))
		}
	case *Or:
		for i, x := range n.Xs {
			if i > 0 {
				b.WriteString(" OR ")
			}
			group(b, x, isOr(x))
		}
	}
}

// writeNot prints "-x" for a clause, "NOT x" where a '-' would not read as one
// (before a digit: "-5" is a word) and before groups.
func writeNot(b *strings.Builder, n *Not) {
	switch x := n.X.(type) {
	case *Word:
		if r, _ := utf8.DecodeRuneInString(x.Text); !unicode.IsDigit(r) && x.Text != "" {
			// After '-' the word is read as it is, operators and signs included.
			b.WriteString("-" + x.Text)
			return
		}
	case *Phrase, *Field, *Compare, *Range:
		b.WriteByte('-')
		write(b, x)
		return
	}
	b.WriteString("NOT ")
	group(b, n.X, isAnd(n.X) || isOr(n.X))
}

func group(b *strings.Builder, n Node, paren bool) {
	if paren {
		if a, ok := n.(*And); ok && len(a.Xs) == 0 {
			b.WriteString("()")
			return
		}
		b.WriteByte('(')
		write(b, n)
		b.WriteByte(')')
		return
	}
	write(b, n)
}

func isAnd(n Node) bool { _, ok := n.(*And); return ok }
func isOr(n Node) bool  { _, ok := n.(*Or); return ok }

// wordText escapes a word that would otherwise read as an operator or a sign: a
// leading '+' keeps it a word.
func wordText(w string) string {
	if isOperator(w) {
		return "+" + w
	}
	if len(w) > 1 && (w[0] == '-' || w[0] == '+') && signs(w[1:]) {
		return "+" + w
	}
	return w
}

// value prints a field's value, quoted when it would not read back as one word.
func value(v string) string {
	if v == "" || strings.IndexFunc(v, needsQuote) >= 0 || v[0] == '"' || strings.HasPrefix(v, "«") ||
		strings.HasSuffix(v, `"`) || strings.TrimSpace(v) != v {
		return quote(v)
	}
	return v
}

func needsQuote(r rune) bool { return unicode.IsSpace(r) || r == '(' || r == ')' }

// quote quotes s with '"', or with « » when s holds a '"'.
func quote(s string) string {
	if strings.Contains(s, `"`) {
		return "«" + s + "»"
	}
	return `"` + s + `"`
}
