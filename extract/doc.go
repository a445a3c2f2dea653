// Package extract turns bytes into text and text into facts. Everything here is a pure
// function of its input: no network, no files, no mutable globals. Reference data
// (gazetteer, lexicons) is embedded with go:embed and loaded into immutable values.
//
// Reading: Read dispatches on the content type to the HTML reader (goquery: main
// text without navigation, title, charset from header or meta tag), the PDF reader
// and the plain-text reader. Every reader's output goes through Normalize, and every
// offset of every fact refers to that normalised text.
//
// Hostile input degrades instead of failing or hanging: text of no declared charset
// is UTF-8 when most of it is (a stray byte reads as Windows-1252), else
// Windows-1252; binary bytes under a text name fail by name; HTML nested deeper than
// the parser accepts is flattened; a PDF is read up to DefaultMaxPDFPages pages, a
// page tree's cycles skipped and its repeated pages read once. hostile_test.go
// generates a corpus of such files (go test -run Hostile -hostile DIR writes it).
//
// Matching: NewText pairs the normalised text with an accent-folded, lower-case form
// and maps spans of the folded form back to the original.
//
// Themes: package themes (see its doc).
//
// Extracting: an Extractor, built once with New and safe for concurrent use, fills a
// corpus.Document's facts from its text. Problems are collected, go/scanner-style, as
// a Problems list; none is fatal, and no panic escapes Extract or Read.
//
// DATES (Dates; dates.go). One lexer (words, digit runs, punctuation, with the
// whitespace before each) over the folded text serves dates, amounts, references,
// publication date and genre; Extract lexes once for all five. Values are ISO 8601 at
// the precision written. The rules decided beyond the guidelines' examples:
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
//
// AMOUNTS (Amounts; amounts.go). A number (thousands grouped by spaces — including
// non-breaking and narrow ones, normalised —, dots or apostrophes "1’697 €", and a
// group starting with 0 carried to the next line "30⏎000 euros"; decimal comma, or a
// point before other than three digits, or before one or two after space groups "480
// 813.60 €"), or a number in words (numberWords, wordScales in numwords.go: "quinze
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
//
// REFERENCES (References; references.go). An act word (délibération(s), délib.,
// arrêté(s), décision(s)), up to eight qualifying words ("préfectoral", "du conseil
// municipal"), then a number after "n°", "N°", "nº", "numéro", or an identifier-like
// token without it ("DDTM/SEBIO/2025-96"), then an optional date ("du …", "le …", "en
// date du …"; a session of several days gives its month). Numbers coordinated with the
// first ("et n°…", ", n°…") are acts of the same kind. Slashes spaced by a PDF's
// layout are joined ("n°2025/ 53 /MCI" → "2025/53/MCI"). Not numbers: an ordinal
// ("ARRÊTE" then "Article 1er"; "Article" ends the qualifiers), a number glued to a
// lower-case word by a lost space ("2008susvisé", "30juin" — which the dates read as
// 30 June). Decrees, laws, récépissés and acts cited without a number are left out; a
// number is listed once. A service's code written with the number is part of it, as
// written ("2009-651 SIDPC", "19-DIR-057– DDCSPP", "décision ARS 2017-131", "N°SIT 2B
// 2006-282-13"): words in capitals, not a preposition, a month or a longer French
// word. Registers' abbreviations count in capitals before "n°" ("DE N°1", "DD N°
// 22/18"). Numbers written before their act, as sommaires and lists give them: a
// prefecture's act identifier [département-]YYYY-MM-DD-NNN anywhere before its act
// word ("81-2025-04-24-00001 - Arrêté…", "2A-…", "R06-…"; before a récépissé, nothing),
// any act number starting a line before its act word, a délibération's number after
// a D ("D87/13"), and, in a text that speaks of délibérations, a register's number
// with its year starting a list's line before a separator and a title ("2019-12-01 :
// PLAN LOCAL…", "N° 2021-045 – Budget"; not a date with its year last, nor an issue
// "N° 2022-06 – Juin 2022").
//
// PUBLISHED and GENRE (Published, Genre; genre.go). Published takes, in order:
// "publié le"/"édité le"/"date de publication"; a metadata line "date …"; a
// recueil's or bulletin's issue ("RECUEIL DES ACTES ADMINISTRATIFS MAI 2009",
// "RECUEIL n° 24 du 01 septembre 2016", a line "N° 55 du 09/09/2015" whose number has
// at most three digits, an act's being longer); a dateline near the
// top ("Lille, le 12 mars 2019", "Le 16 mai 2025", a date alone on its line, or a
// place and date after a label on the same line: "Communiqué de presse – Douai, le 5
// octobre 2023"); the meeting a minute reports, from a heading line ("Séance du …",
// "Réunion du …", "Conseil municipal du …", not a "Vu …" line citing another meeting);
// a byline with a date ("Par A. Dervaux – 14 août 2023"); "Fait à …, le …" or, below
// the head, a line "<Place>, le <date>" signing an act; "mis à jour le …". A meeting
// heading may put the date right after its words ("CR du conseil municipal 28 octobre
// 2022") or further on a procès-verbal's heading line ("PROCÈS-VERBAL. CONSEIL
// COMMUNAUTAIRE DE … Le jeudi 15 mars 2018"); a minute may state it as the day the
// members "se sont réunis le …", or give that day before, without its year, in the
// sentence of a full date ("Le 11 juillet suivant la convocation adressée le 04
// juillet 2017, les conseillers … se sont réunis"); a convocation's date is not the
// meeting's. A date
// line followed by its author ("Samedi 12 avril 2025 – par X Y") is a dateline.
// "Mise à jour : …" takes a colon. "Publié le" counts only where it states the
// document's own publication: starting its line in capitals, written in capitals
// anywhere on its line ("CORSE DU SUD PUBLIÉ LE …"), after a byline's separator ("Par
// X | Publié le"), after an issue's number ("N° 11 Édité le"), or after a label of
// one or two words ("Article publié le"); never inside a sentence or a visa ("Vu
// l'avis … publié le 8 janvier 2024"). Acts: an act's own date is its
// séance (délibérations, minutes) or, without one, its signature ("Fait à …, le"); a
// "Publié le" written after it is the act's publication formality and loses to it,
// while a "Publié le" before it (a recueil's cover) is the document's date.
// Genre: acts and minutes by their vocabulary in the head (registre des
// délibérations, procès-verbal, "Vu …" lines, a line "ARRÊTE :", attendance:
// "conseillers en exercice", "nombre de votants", "sont réunis"…; a line starting
// "Recueil des actes", "Extrait du registre", "Commission permanente du …", "Séance
// du …" is enough alone, and the last two count only there), then press releases
// (communiqué, contact presse, a news site's rubric of an institution: "RETOUR
// Département de …", a dateline), then press articles (a newspaper's name, a byline,
// reported speech "», déclare X", "a-t-il indiqué" — not alone where the text has its
// "publié le" line, as an institution's news quotes its people too —, a party's
// abbreviation after a name "(LR)", a question in the title of a page without
// sections; a weekday right after a verb, "a confirmé mardi", is one of a
// newspaper's habits), then pages: two
// words of a programme or procedure page ("Bénéficiaires", "Dépenses éligibles",
// "Modalités"), one without any sign of news ("publié le", "Actualités", "vient
// de"), or three short section headings over paragraphs ("Notre offre", "Chiffres
// clés"); the rest is an institution's news: communiqué. A date alone on its line ("Vendredi 24
// mai 2024") heads articles as well as releases: it makes a release only when no
// newspaper's name or byline is found and fewer than two of a newspaper's habits are
// (reported speech; people given with their age, "Kévin, 23 ans,", up to two; the
// journalist's name alone on the last line, a given name first). A dateline with a
// place ("Lille, le …") stays a release's.
package extract
