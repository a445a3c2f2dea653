// Package themes assigns the themes of the annotation guidelines to a text. A Themes
// lexicon (themes.tsv, embedded and parsed once by Default, or a user's file through
// Parse) scores stemmed terms by their context — title, headings, list items and axes,
// funded projects, examples and boilerplate — and reports, for each theme kept, the
// terms and spans that made it.
//
// The classifier reads the shared token stream of package text; it keeps reading the
// text's lines for what a line is (a heading, a list item, an act's object). The
// phases, one file each: parse.go (the lexicon), stem.go (stems and their memo),
// scan.go (the tokens' context, line by line), context.go (the words and punctuation
// that change it), lines.go (the line classes), match.go (terms found), enum.go
// (enumerations in running text) and classify.go (scores and evidence).
package themes
