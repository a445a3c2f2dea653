package extract

import (
	"terril/extract/lex"
	"terril/extract/text"
)

// The text model and its tokens (package text), under the names the extractors of
// this package were written with, until each moves to a package of its own.
type (
	Text     = text.Text
	Problem  = text.Problem
	Problems = text.Problems
	token    = text.Token
)

// tokens is a lexed text with the helpers of this package's scanners.
type tokens struct{ text.Tokens }

const (
	tokWord  = text.Word
	tokNum   = text.Num
	tokPunct = text.Punct

	gapNone  = text.GapNone
	gapSpace = text.GapSpace
	gapLine  = text.GapLine
	gapPara  = text.GapPara

	fNum       = text.FlagNum
	fDate      = text.FlagDate
	fBeforeNum = text.FlagBeforeNum
	fNumWord   = text.FlagNumWord
)

// NewText folds s, which should already be normalised (see text.New).
func NewText(s string) *Text { return text.New(s) }

// Normalize is text.Normalize.
func Normalize(s string) string { return text.Normalize(s) }

// Fold is text.Fold.
func Fold(s string) string { return text.Fold(s) }

// FoldRune is text.FoldRune.
func FoldRune(r rune) string { return text.FoldRune(r) }

func lexString(f string) []token { return text.LexString(f) }

func newTokens(t *Text) tokens { return tokens{text.Lex(t)} }

func newTokensBuf(t *Text, buf []token) tokens { return tokens{text.LexBuf(t, buf)} }

// IsFrenchWord is text.IsFrenchWord.
func IsFrenchWord(w string) bool { return text.IsFrenchWord(w) }

// WordStats is text.WordStats.
func WordStats(s string) (tokens, french int) { return text.WordStats(s) }

// NonWordShare is text.NonWordShare.
func NonWordShare(s string) (share float64, tokens int) { return text.NonWordShare(s) }

// frenchWords is the embedded French word list (lex.French).
func frenchWords() *lex.WordList { return lex.French() }
