package lex

// ActWords gives the kind of act a word names (1 délibération, 2 arrêté, 3
// décision), negated for a register's abbreviation ("DE N°1"); see data/actwords.tsv.
var ActWords = LoadTable[int]("actwords.tsv")
