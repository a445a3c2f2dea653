// Package extract composes the extractors: an Extractor, built once with New and safe
// for concurrent use, fills a corpus.Document's facts from its normalised text. It
// folds and lexes the text once (package text) and hands that one token stream to
// each extractor in dependency order:
//
//	genre.Published → dates → amounts → references → genre → themes → geo (Options.Places)
//	→ parties (people, signatories) → fundings (reads the others' facts)
//
// Each extractor is a package of pure functions over text.Tokens, with its rules
// declared as tables and its doc.go stating the decisions beyond the guidelines;
// shared French lexicons are data files in package lex. Problems are collected,
// go/scanner-style; a panic in one extractor is recovered as a problem naming it and
// the others still run.
//
// Reading is not here: the readers (HTML, PDF, DOCX/ODT, plain text) are package
// extract/read, PDFium and OCR package extract/pdfread, recueils split into acts
// package extract/recueil.
package extract
