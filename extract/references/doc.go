// Package references finds the acts (délibérations, arrêtés, décisions) a text cites
// or contains with their number (Find), and their date when the text gives it right
// after the number. It reads the one token stream of extract/text and gives
// corpus.Reference facts. It imports extract/dates, a genuine need: an act's date
// ("n° 2019-12 du 12 mars 2019") is read by the date scanner at the token after
// "du", and a numeric date ("07/07/2023") is no act number — the date scanner tells.
//
// An act word (délibération(s), délib.,
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
package references
