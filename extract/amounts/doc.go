// Package amounts finds the sums of money in euros a text states (Find), with their
// qualifier (HT, TTC) and approximator, and the amounts whose currency is implicit
// by coordination with a euro amount. It reads the one token stream of extract/text,
// the number words of extract/lex (through text.WordNumber) and gives corpus.Amount
// facts. Its tables (words.go: multipliers, currencyForms, foreignCurrencies, the
// nouns of money, funders, counts) are the rules' words; the first-byte filters over
// them are derived at init.
//
// A number (thousands grouped by spaces — including
// non-breaking and narrow ones, normalised —, dots or apostrophes "1’697 €", and a
// group starting with 0 carried to the next line "30⏎000 euros"; decimal comma, or a
// point before other than three digits, or before one or two after space groups "480
// 813.60 €"), or a number in words (lex.Numbers, lex.Scales, read by text.WordNumber: "quinze
// mille", "vingt-cinq millions", "quatre-vingt-quinze"), followed, across at most one
// line break, by a multiplier (mille, k, million(s), M, milliard(s), Md, Mds, Mrd,
// Mrds) and a currency (currencyForms: €, euros, d'euros, de €, EUR; MEUR, KEUR carry
// both), or after a currency ("€ 6 millions", "EUR 1000"); cents after it add up
// ("vingt euros et quarante centimes"). A number in words without a currency is an
// amount only from a million up, as an implicit candidate. Other currencies
// (foreignCurrencies: "$", "£", dollars, livres…) are never euros. "HT"/"TTC"/"hors taxes" after it fill
// Qualifier, an approximator before it ("près de", "plus de", "environ", "jusqu'à", "au
// moins", "de l'ordre de"…) fills Approx; neither changes the value. A range "7 à 8
// millions d'euros", "entre 2 et 3 M€", "2-3 M€" gives two amounts, the first taking
// the second's multiplier unless it is itself large ("entre 500 000 et 1 million").
// A number with a multiplier but no currency ("dont 200 millions aux collectivités"),
// or a grouped number after "dont"/"soit"/"contre", is an amount with Implicit set
// when a euro amount comes before it in the same sentence and no other unit follows it
// ("1,2 million d'habitants", "de visiteurs"; "de prêts", "de subventions" are money,
// and so is a funder after "de": "9,2 millions de l'Anah", "du Département", "de
// l'agglomération"). Coordination works both ways: in a list of funders whose last
// item carries the currency ("l'État apporte 2,1 millions, la Région 1,6 million et
// le Département 850 000 €"), an item written with a multiplier, or grouped and
// followed by a comma or "et", is implicit when the euro amount follows in the same
// sentence after a comma or "et"; and in the sentence after a euro amount, in the same
// paragraph, when that sentence says who pays ("La Région apporte 1,5 million"). In a
// text that has counted in euros before, millions after a preposition and not before
// a noun are implicit too ("Avec 200 millions dans la corbeille", "un contrat à 2,5
// milliards").
// Approximate numbers written as nouns after "un"/"une" count at their value, the noun
// filling Approx: dizaine 10, douzaine 12, quinzaine 15, vingtaine 20, … centaine
// 100, millier 1 000 ("une vingtaine d'euros" = 20 €, "une centaine de milliers
// d'euros" = 100 000 €); plurals ("des centaines de milliers d'euros") give no value.
// Everything else with a number stays out: percentages, counts, surfaces, lengths.
package amounts
