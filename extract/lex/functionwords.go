package lex

// FunctionWords are the function words ending in s or x (articles, prepositions,
// pronouns, adverbs, a few auxiliaries and numbers): after a number they do not make
// it a count as a plural noun does ("en 2018 les projets", not "2000 communes").
var FunctionWords = LoadSet("functionwords.txt")
