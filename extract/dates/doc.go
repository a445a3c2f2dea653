// Package dates finds the calendar references of a text (Find): days, months and
// years, alone, in lists and in ranges, written with month names, in words or as
// numbers. It reads the one token stream of extract/text (Extract lexes a document
// once for every extractor), the lexicons of extract/lex (months, weekdays, number
// words) and gives corpus.Date facts. Values are ISO 8601 at the precision written.
// Its Scanner is also the date reader of extract/references and extract/genre, which
// read the date written at a token with it.
//
// The rules decided beyond the guidelines' examples:
//   - A range "du 13 au 15 mars 2019" gives its two ends, not the days between; a list
//     "13 et 14 décembre 2016", "les 3, 4 et 5 juin" gives every day; a month or year
//     written once applies to the whole list ("du 28 décembre au 3 janvier 2019" →
//     2018-12-28, 2019-01-03). A span "2017-2027", "2014–2020", "2017/2018" gives both
//     years, "2017-18" too.
//   - Quarters and semesters ("T1 2020", "premier trimestre 2020"), seasons ("printemps
//     2021"), "fin 2019", "début 2020", "mi-2020" give the year: ISO has no quarter at
//     the precisions allowed, and the year is what the text commits to. "fin mars
//     2019", "mi-juin" give the month.
//   - A bare year counts after any word ("en", "depuis", "d'ici", "pour", "l'année",
//     "budget 2021", "programmation 2023"), except a name: a capitalised word right
//     before it inside a sentence or a quotation ("France 2030", « Quartiers 2030 »,
//     "Somme 1916"), or a programme's name even at a sentence start ("France 2030
//     finance…"); an identifier ("n°", "délibération 2019-12", "Rev3", "L. 2121-29",
//     joined by / or -); a quantity (followed by %, €, a unit, or a plural noun: "2000
//     habitants"); a digit group or a decimal. A word in capitals before a year says
//     nothing of a name (a heading "– BUDGET PRIMITIF 2024", an acronym "DETR 2024"),
//     except a programme's name ("FRANCE 2030").
//   - A month alone is a date ("le conseil de juin"), except "mars" and abbreviations,
//     which need a day, a year or a time word ("en mars", "fin mars", "au mois de
//     mars", "cet avr."), a month after an article ("le Mai", a word cut short) and a
//     capitalised month before a capitalised word (a surname: "AVRIL Florence"). Two
//     months joined are a date ("de mars à mai"). Days written out in minutes ("le
//     seize mars", "le vingt-huit septembre", "le vingt sept mars") count, and so do
//     years in words after a month or "L'an" ("deux mille vingt-trois", "deux mil
//     trois"). Day ranges "13-15 juillet", "du 4 jusqu'au 19 octobre".
//   - Numeric dates are the forms of numericForms: "07/07/2023", "2023-07-07" (also
//     with its time, "2023-07-07T10:00"), "2017-04", "03/2019", "en 2015-3", "20/02/14"
//     (two-digit years, also after a month name "juillet 98,": 00–49 → 20xx, 50–99 → 19xx),
//     and a day and month without a year after a word that introduces a day ("le
//     17/02", "mardi 3/05", "les 04/03, 18/03 et 01/04") — not a fraction ("le 1/3 des
//     crédits"), a street number ("9/9 bis"), an act's number ("D 87/12") nor a
//     quantity ("10/12 ans"); alone, "12/04" may be a score or a reference.
//   - A day after its month (the English order some texts copy) counts only where
//     what follows settles it: a range ending its clause ("novembre 19-20", "oct. 2
//     au octobre 22", "juin entre 12 et 23") or a four-digit year that is no count
//     ("janvier 21 2018", "novembre 23 de 1987"); not "en mars 12 communes",
//     "novembre 19-20 ans". So do "décembre/2018", "mars. 2015" ending its clause,
//     "du 9 au 12 de juin", and "au dimanche suivant 20/05".
//   - A day or month without a year takes the nearest year written before it in the
//     same sentence; else the publication year; else the nearest year written before it
//     anywhere; else the year written after it in its sentence ("Le 11 juillet,
//     suivant la convocation du 4 juillet 2017"); else it is left out. (In news, a year
//     earlier in the paragraph is usually another event's: "fermée depuis 2021 …
//     démarrera le 17 avril".)
//   - Relative to the publication date: "janvier prochain" is the next January after
//     it (a release of October 2009 → 2010-01), "mars dernier", "le 12 mars dernier"
//     the last March before it. "L'an prochain", "l'année prochaine", "l'an
//     dernier", "l'année dernière", "l'an passé" give the year of the days and months
//     of their sentence ("l'an prochain, en avril" → the next year's April) but are
//     not dates themselves: with no calendar name they are relative expressions, like
//     "ce jeudi" (as the dev set's annotator also decided).
//   - Not dates: durations ("10 ans", "sur six mois"), times ("14h30", "9 h 15"),
//     telephone numbers, postal codes, "9/9 bis", dates naming a street ("rue du 8 Mai
//     1945"), invalid days (31 février).
//
// One entry per distinct text and value, with its span in Text.S.
package dates
