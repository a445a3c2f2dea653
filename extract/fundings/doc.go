// Package fundings finds funding events in a document: each amount the text ties to
// a funder and to a beneficiary or an operation, with its instrument, purpose, date
// and communes (shared/gold/GUIDELINES.md, "fundings").
//
// It reads the facts the other extractors found (amounts with their spans,
// communes, EPCIs, dates) and the clause around each amount, with rules kept as
// tables of folded French words (lexicon.go). Its words are derived from the
// document's one token stream (Input.Tokens, text.Tokens): glued words and numbers
// with their inner hyphens and final apostrophe (text.go). The rules:
//
//   - an amount is a candidate when its sentence has a word of giving or receiving
//     (accorde, attribue, verse, alloue, finance, bénéficie, subvention, aide,
//     enveloppe…), or it is an item of a list such a sentence opens, or, in a text
//     where some amount plainly is given, it is followed by "pour", "au profit de"…;
//   - it is not one when the clause makes it a cost ("coût", "montant des
//     travaux", HT), a ceiling ("jusqu'à", "maximum"), a rate ("par habitant"), a
//     budget increment ("de plus"), an envelope a clause draws on ("sur une
//     enveloppe de"), an activity total ("depuis 5 ans"), a recap ("Pour rappel"),
//     a summary ("Au total"), the sizes a scheme's aids take ("vont de … à"), or a
//     total of several funders ("680 M€ … dont 209 M€ par l'État") whose own
//     funder is not said;
//   - the funder is the body named as paying in the clause ("par la Région",
//     "la subvention de l'État", "(20,1 M€ de l'État)", the subject of a funder
//     verb), else the last body the text named that is not a beneficiary (a total
//     of several funders breaks that chain), else the first it names — the
//     issuer of a communiqué. Bodies come from a table of heads (État, Région,
//     Département, ministère, Banque des Territoires…) read with their
//     complement; the préfet and the State's programmes (France Relance, DSIL…)
//     stand for the État;
//   - the instrument: a State allocation in a text naming one (DETR, DSIL, fonds
//     friches, dotation) is a dotation; else the instrument word nearest the
//     amount in its clause (a generic word — aide, soutien, enveloppe — gives
//     autre); else a specific word of its paragraph before it, of the heading
//     above it, or of the title; else autre;
//   - a range gives one funding from its low end (AmountMax the high end); an
//     amount given twice in different sentences is one funding; a part of a total
//     also recorded ("dont", "soit", "notamment", parts that add up to it, the
//     later smaller amounts of a total the text calls one) points at the total
//     (PartOf), so that sums count it once.
package fundings
