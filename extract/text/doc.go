// Package text is the text model every extractor reads. A document's normalised text
// (Normalize) is folded once into a Text — lower case, no diacritics, with a map from
// each folded byte back to the original — and lexed once into Tokens: words, digit
// runs and punctuation runes, each with its folded span (Orig gives the original one),
// the whitespace before it (none, space, line break, blank line) and flags derived from
// the shared lexicons (package lex) that let a scanner skip the tokens no rule of its
// table can start with. Helpers read case shape (Upper, AllCaps), sentence starts and
// neighbouring words. Problems collects what went wrong, go/scanner-style.
package text
