// Package gold scores extraction output against gold annotations, exactly as the
// reference scorer shared/gold/score.py does (see shared/gold/GUIDELINES.md,
// "Scoring").
//
// It owns: reading gold and prediction files (JSON Lines, one object per document,
// errors as "file:line: reason"); turning a corpus.Document into the same generic
// Record; and the scoring. Per field, precision, recall and F1 are micro-averaged
// over the gold documents after each field's normalisation:
//
//   - dates: the set of values; communes: of INSEE codes; epcis: of SIRENs;
//     departements: of codes; themes: of ids;
//   - amounts: distinct values in ascending order, each gold value matched greedily
//     with the first unused predicted value within 0.5 % of it;
//   - people: the set of NameKey (Fold, then the characters sorted: case, accents,
//     hyphens, spaces and word order do not matter);
//   - signatories: greedy matching in list order, by NameKey, or, when either is an
//     organisation, when the significant words of one name contain the other's;
//   - references: the set of folded numbers.
//
// published and genre are scored as accuracy (null and "" equal), and the macro-F1
// is the mean F1 over the fields. Beyond score.py, the Report gives the role
// accuracy of matched people (roles folded; null equals null) and every document's
// misses and extras.
//
// Fold needs Python's Unicode decompositions, which the standard library lacks:
// fold_table.go is generated from Python's unicodedata by gen_fold.py.
//
// Values are compared with Python's semantics (str(2019) is "2019", True == 1).
// Where score.py would crash or silently misread a record (a list field that is a
// string, an item that is not an object, an amount that is not a number), Read and
// Score return an error naming the file and line or the document.
package gold
