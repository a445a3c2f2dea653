package index

// FunderLabel is funderLabel, for the tests.
var FunderLabel = funderLabel
