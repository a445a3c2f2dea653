// Package extract turns bytes into text and text into facts. Everything here is a pure
// function of its input: no network, no files, no mutable globals. Reference data
// (gazetteer, lexicons) is embedded with go:embed and loaded into immutable values.
//
// Reading: Read dispatches on the content type to the HTML reader (goquery: main
// text without navigation, title, charset from header or meta tag), the PDF reader
// and the plain-text reader. Every reader's output goes through Normalize, and every
// offset of every fact refers to that normalised text.
//
// Matching: NewText pairs the normalised text with an accent-folded, lower-case form
// and maps spans of the folded form back to the original.
//
// Themes: a Themes lexicon (themes.tsv, embedded and parsed once by DefaultThemes, or
// a user's file through ParseThemes) scores stemmed terms by their context — title,
// headings, list items and axes, funded projects, examples and boilerplate — and
// assigns the themes of the annotation guidelines with the terms and spans that made
// each one.
//
// Extracting: an Extractor, built once with New and safe for concurrent use, fills a
// corpus.Document's facts from its text. Problems are collected, go/scanner-style, as
// a Problems list; none is fatal, and no panic escapes Extract or Read.
package extract
