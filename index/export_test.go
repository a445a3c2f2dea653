package index

// FunderLabel is funderLabel, for the tests.
var FunderLabel = funderLabel

// SameBleveDocument is sameBleveDocument, for the tests of the sample corpus.
var SameBleveDocument = sameBleveDocument
