package index_test

import (
	"testing"

	"terril/index"
)

// TestTermsFieldsAsMapped checks that the sample corpus and the funding documents
// are given the fields Bleve's mapping would give them (see termsField).
func TestTermsFieldsAsMapped(t *testing.T) {
	docs, err := sampleDocs()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(docs, fundingDocs()...) {
		if err := index.SameBleveDocument(d); err != nil {
			t.Error(err)
		}
	}
}
