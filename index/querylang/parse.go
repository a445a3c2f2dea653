package querylang

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// An Error is a mistake in a query: where it is, what is wrong and, when terril
// can tell, what the user may have meant.
type Error struct {
	Pos         int    // byte offset in the query; -1 when the mistake is not in its text (a filter)
	Col         int    // Pos as a 1-based character count, for people
	Msg         string // "unclosed quote"
	Suggestions []string
	Note        string // what to write, when there is no suggestion ("the fields are …")
}

func (e *Error) Error() string {
	s := "query: " + e.Msg
	if e.Pos >= 0 {
		s += " at character " + strconv.Itoa(e.Col)
	}
	if len(e.Suggestions) > 0 {
		s += "; did you mean " + orList(e.Suggestions) + "?"
	} else if e.Note != "" {
		s += "; " + e.Note
	}
	return s
}

// NewError returns an Error at byte offset pos of src (pos < 0: none).
func NewError(src string, pos int, msg string, suggestions ...string) *Error {
	e := &Error{Pos: pos, Msg: msg, Suggestions: suggestions}
	if pos >= 0 && pos <= len(src) {
		e.Col = utf8.RuneCountInString(src[:pos]) + 1
	}
	return e
}

// orList quotes each of s and joins them with commas and "or".
func orList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = strconv.Quote(v)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

type tokKind int

const (
	tWord tokKind = iota
	tPhrase
	tField
	tLParen
	tRParen
	tAnd
	tOr
	tNot
)

type token struct {
	kind  tokKind
	pos   int    // where the token starts, its sign included
	at    int    // where the clause starts, after its sign
	text  string // word, phrase or field value
	field string // canonical field
	op    string // ":", ">", ">=", "<", "<="
	neg   bool   // after '-'
	plus  bool   // after '+': a word, never an operator
}

// operators are the words read as operators when written as here.
var operators = map[string]tokKind{
	"AND": tAnd, "ET": tAnd, "&&": tAnd,
	"OR": tOr, "OU": tOr, "||": tOr,
	"NOT": tNot, "SAUF": tNot,
}

func isOperator(w string) bool { _, ok := operators[w]; return ok }

// signs is whether a '-' or '+' before s is a sign: s starts with something other
// than a space, a digit or ')' ("-5" is a word, "-friche" excludes friche).
func signs(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && !unicode.IsSpace(r) && !unicode.IsDigit(r) && r != ')'
}

type lexer struct {
	src  string
	i    int
	toks []token
}

func lex(src string) ([]token, error) {
	l := &lexer{src: src}
	for l.i < len(src) {
		if err := l.next(); err != nil {
			return nil, err
		}
	}
	return l.toks, nil
}

func (l *lexer) next() error {
	r, w := utf8.DecodeRuneInString(l.src[l.i:])
	start := l.i
	switch {
	case unicode.IsSpace(r):
		l.i += w
		return nil
	case r == '(':
		l.emit(token{kind: tLParen, pos: start})
		l.i++
		return nil
	case r == ')':
		l.emit(token{kind: tRParen, pos: start})
		l.i++
		return nil
	}
	var t token
	if (r == '-' || r == '+') && signs(l.src[l.i+1:]) {
		t.neg, t.plus = r == '-', r == '+'
		l.i++
		if l.src[l.i] == '(' {
			if t.neg {
				l.emit(token{kind: tNot, pos: start})
			}
			return nil
		}
	}
	t.pos, t.at = start, l.i
	if c := l.src[l.i:]; c[0] == '"' || strings.HasPrefix(c, "«") {
		text, err := l.quoted()
		if err != nil {
			return err
		}
		t.kind, t.text = tPhrase, text
		l.emit(t)
		return nil
	}
	return l.word(t)
}

func (l *lexer) emit(t token) { l.toks = append(l.toks, t) }

// quoted reads a quoted text at l.i ("…" or «…») and returns it without its
// quotes and outer spaces.
func (l *lexer) quoted() (string, error) {
	open, closing := `"`, `"`
	if strings.HasPrefix(l.src[l.i:], "«") {
		open, closing = "«", "»"
	}
	body := l.src[l.i+len(open):]
	end := strings.Index(body, closing)
	if end < 0 {
		return "", NewError(l.src, l.i, "unclosed quote")
	}
	l.i += len(open) + end + len(closing)
	return strings.TrimSpace(body[:end]), nil
}

// word reads a word or a field clause at l.i.
func (l *lexer) word(t token) error {
	start := l.i
	j := start
	for j < len(l.src) {
		r, w := utf8.DecodeRuneInString(l.src[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += w
	}
	if op := fieldOp(l.src[j:]); j > start && op != "" {
		return l.field(t, l.src[start:j], op, j+len(op))
	}
	l.i = l.plainEnd(start)
	t.kind, t.text = tWord, l.src[start:l.i]
	if k, ok := operators[t.text]; ok && !t.neg && !t.plus {
		t = token{kind: k, pos: t.pos, at: t.at}
	}
	l.emit(t)
	return nil
}

// plainEnd returns the end of the word starting at i: a space or a parenthesis.
func (l *lexer) plainEnd(i int) int {
	for i < len(l.src) {
		r, w := utf8.DecodeRuneInString(l.src[i:])
		if unicode.IsSpace(r) || r == '(' || r == ')' {
			break
		}
		i += w
	}
	return i
}

func fieldOp(s string) string {
	for _, op := range []string{">=", "<=", ":", ">", "<"} {
		if strings.HasPrefix(s, op) {
			return op
		}
	}
	return ""
}

// field reads the value of prefix+op starting at v: quoted, or up to the end of
// the word.
func (l *lexer) field(t token, prefix, op string, v int) error {
	start := l.i
	name, known := Canonical(prefix)
	var val string
	quoted := v < len(l.src) && (l.src[v] == '"' || strings.HasPrefix(l.src[v:], "«"))
	if quoted {
		l.i = v
		s, err := l.quoted()
		if err != nil {
			return err
		}
		val = s
	} else {
		l.i = l.plainEnd(v)
		raw := l.src[v:l.i]
		val = strings.Trim(raw, `"`)
		if !known && (raw == "" || strings.HasPrefix(raw, "//")) {
			// "Objet:" and "https://…" are words, not fields.
			t.kind, t.text = tWord, l.src[start:l.i]
			l.emit(t)
			return nil
		}
	}
	if !known {
		e := NewError(l.src, start, fmt.Sprintf("unknown field %q", prefix), SuggestField(prefix)...)
		e.Note = "the fields are " + fieldList()
		return e
	}
	if val == "" {
		return NewError(l.src, start, prefix+op+" needs a value")
	}
	t.kind, t.field, t.op, t.text = tField, name, op, val
	l.emit(t)
	return nil
}

// fieldList lists the printed prefixes of the fields.
func fieldList() string {
	var p []string
	for _, f := range Fields {
		p = append(p, f.Prefixes[0]+":")
	}
	return strings.Join(p, " ")
}

// SuggestField returns the known prefixes nearest to an unknown one.
func SuggestField(prefix string) []string {
	return Suggest(prefix, prefixes, 3)
}

type parser struct {
	src  string
	toks []token
	i    int
}

// Parse parses a query. A mistake is an *Error. The empty query is an empty And.
func Parse(src string) (Node, error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.i < len(p.toks) {
		return nil, p.errorf(p.toks[p.i].pos, "unexpected ')'")
	}
	return n, nil
}

func (p *parser) errorf(pos int, format string, args ...any) error {
	return NewError(p.src, pos, fmt.Sprintf(format, args...))
}

func (p *parser) at(k tokKind) bool { return p.i < len(p.toks) && p.toks[p.i].kind == k }

func (p *parser) pos() int {
	if p.i < len(p.toks) {
		return p.toks[p.i].pos
	}
	return len(p.src)
}

func (p *parser) or() (Node, error) {
	left, n, err := p.and()
	if err != nil || !p.at(tOr) {
		return left, err
	}
	if n == 0 {
		return nil, p.errorf(p.pos(), "nothing before OR")
	}
	or := &Or{At: left.Pos(), Xs: []Node{left}}
	for p.at(tOr) {
		at := p.pos()
		p.i++
		right, n, err := p.and()
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, p.errorf(at, "nothing after OR")
		}
		or.Xs = append(or.Xs, right)
	}
	return or, nil
}

// and parses clauses side by side up to OR or ')'; it returns how many.
func (p *parser) and() (Node, int, error) {
	and := &And{At: p.pos()}
	for p.i < len(p.toks) && !p.at(tOr) && !p.at(tRParen) {
		if p.at(tAnd) {
			p.i++
			continue
		}
		n, err := p.unary()
		if err != nil {
			return nil, 0, err
		}
		and.Xs = append(and.Xs, n)
	}
	if len(and.Xs) == 1 {
		return and.Xs[0], 1, nil
	}
	return and, len(and.Xs), nil
}

func (p *parser) unary() (Node, error) {
	if !p.at(tNot) {
		return p.primary()
	}
	at := p.pos()
	p.i++
	if p.i >= len(p.toks) {
		return nil, p.errorf(at, "NOT at the end")
	}
	if k := p.toks[p.i].kind; k == tOr || k == tAnd || k == tRParen {
		return nil, p.errorf(at, "nothing after NOT")
	}
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	return &Not{At: at, X: x}, nil
}

func (p *parser) primary() (Node, error) {
	t := p.toks[p.i]
	p.i++
	var n Node
	switch t.kind {
	case tLParen:
		inner, err := p.or()
		if err != nil {
			return nil, err
		}
		if !p.at(tRParen) {
			return nil, p.errorf(t.pos, "missing ')' for this '('")
		}
		p.i++
		return inner, nil
	case tPhrase:
		n = &Phrase{At: t.at, Text: t.text}
	case tWord:
		n = &Word{At: t.at, Text: t.text}
	case tField:
		f, err := p.field(t)
		if err != nil {
			return nil, err
		}
		n = f
	default:
		// Only ')' reaches here: and() stops before OR, unary() checks after NOT.
		return nil, p.errorf(t.pos, "unexpected ')'")
	}
	if t.neg {
		n = &Not{At: t.pos, X: n}
	}
	return n, nil
}

// field turns a field token into a Field, Compare or Range and checks its value.
func (p *parser) field(t token) (Node, error) {
	at := t.at
	var n Node
	ranged := t.field == "amount" || t.field == "date" || t.field == "mention"
	switch {
	case t.op != ":" && t.field != "amount" && t.field != "date":
		return nil, p.errorf(at, "%s%s%s: only montant and date take a comparison", Prefix(t.field), t.op, t.text)
	case t.op != ":":
		n = &Compare{At: at, Name: t.field, Op: t.op, Value: t.text}
	case ranged && strings.Contains(t.text, ".."):
		from, to, _ := strings.Cut(t.text, "..")
		n = &Range{At: at, Name: t.field, From: from, To: to}
	default:
		n = &Field{At: at, Name: t.field, Value: t.text}
	}
	if err := checkValue(n); err != nil {
		return nil, NewError(p.src, at, err.Error())
	}
	return n, nil
}
