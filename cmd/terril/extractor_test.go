package main

import (
	"testing"

	"terril/corpus"
	"terril/extract"
	"terril/extract/geo"
)

// TestProcessorKeysSigningOrganisations checks that the extractor newProcessor builds
// resolves the organisations that sign through the gazetteer: a département's
// council to its code, an intercommunality to its SIREN, and leaves an organisation
// the gazetteer does not know keyed by its words.
func TestProcessorKeysSigningOrganisations(t *testing.T) {
	p, err := newProcessor("", 0)
	if err != nil {
		t.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	douaisis, ok := g.LookupEPCI("Communauté d'agglomération du Douaisis")
	if !ok {
		t.Fatal("the gazetteer does not know the Communauté d'agglomération du Douaisis")
	}
	doc := &corpus.Document{Text: extract.Normalize("Le Département du Nord, le Conseil départemental du Pas-de-Calais, la Communauté d'agglomération du Douaisis et l'Agence nationale de l'habitat (Anah) ont signé la convention le 3 mars 2024.")}
	if probs := p.Extractor.Extract(doc); len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := map[string]string{
		"Département du Nord":                    "dep:59",
		"Conseil départemental du Pas-de-Calais": "dep:62",
		"Communauté d'agglomération du Douaisis": "epci:" + douaisis.SIREN,
		"Agence nationale de l'habitat (Anah)":   "org:agence nationale habitat anah",
	}
	got := map[string]string{}
	for _, s := range doc.Signatories {
		if s.Kind == corpus.KindOrganization {
			got[s.Name] = s.Key
		}
	}
	for name, key := range want {
		if got[name] != key {
			t.Errorf("signatory %q: key %q, want %q (all: %v)", name, got[name], key, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("signatories %v, want %v", got, want)
	}
}
