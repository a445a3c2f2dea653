package extract

import "terril/extract/text"

// Names of the text model (package text) that callers of package extract use.
type (
	Text     = text.Text
	Problem  = text.Problem
	Problems = text.Problems
)

// NewText folds s, which should already be normalised (see text.New).
func NewText(s string) *Text { return text.New(s) }

// Normalize is text.Normalize.
func Normalize(s string) string { return text.Normalize(s) }

// Fold is text.Fold.
func Fold(s string) string { return text.Fold(s) }

// FoldRune is text.FoldRune.
func FoldRune(r rune) string { return text.FoldRune(r) }

// IsFrenchWord is text.IsFrenchWord.
func IsFrenchWord(w string) bool { return text.IsFrenchWord(w) }
