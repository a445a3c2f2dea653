package geo

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"terril/extract"
)

func TestLoad(t *testing.T) {
	g := mustDefault(t)
	if n := g.Communes(); n != 34969 {
		t.Errorf("%d communes, want 34969 (découpage administratif 6.0.0)", n)
	}
	for _, c := range []struct{ name, insee, dep string }{
		{"Lille", "59350", "59"}, {"Wallers", "59632", "59"}, {"Oignies", "62637", "62"},
		{"Baincthun", "62075", "62"}, {"Le Touquet-Paris-Plage", "62826", "62"},
	} {
		got := g.LookupCommune(c.name)
		if len(got) == 0 || got[0].INSEE != c.insee || got[0].Departement != c.dep {
			t.Errorf("LookupCommune(%q) = %+v, want %s in %s", c.name, got, c.insee, c.dep)
		}
		byCode, ok := g.Commune(c.insee)
		if !ok || byCode.Name != c.name {
			t.Errorf("Commune(%s) = %+v, want %s", c.insee, byCode, c.name)
		}
	}
	if c, _ := g.Commune("59350"); c.EPCI != "200093201" || c.Region != "32" {
		t.Errorf("Lille: EPCI %q région %q, want 200093201 and 32", c.EPCI, c.Region)
	}
}

func TestLookupCommune(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ name, want string }{
		{"lille", "59350"},
		{"LOMME", "59350"},
		{"St-Omer", "62765"},
		{"saint omer", "62765"},
		{"Le Touquet", "62826"},
		{"Saint-Pol-sur-Mer", "59183"},
		{"62637", "62637"},
		{"Villeneuve d'Ascq", "59009"},
		{"villeneuve-d’ascq", "59009"},
	} {
		got := g.LookupCommune(tc.name)
		if len(got) == 0 || got[0].INSEE != tc.want {
			t.Errorf("LookupCommune(%q) = %v, want %s first", tc.name, got, tc.want)
		}
	}
	// "Montreuil": today's communes of that name, and the one renamed Montreuil-sur-Mer.
	var codes []string
	for _, c := range g.LookupCommune("Montreuil") {
		codes = append(codes, c.INSEE)
	}
	if got := strings.Join(codes, " "); !strings.HasPrefix(got, "93048") || !strings.Contains(got, "62588") {
		t.Errorf("LookupCommune(Montreuil) = %s, want 93048 first and 62588 among them", got)
	}
	if got := g.LookupCommune("Nulle-Part-sur-Rien"); len(got) != 0 {
		t.Errorf("unknown name: %v", got)
	}
}

func TestLookupEPCI(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ name, want string }{
		{"CA de Lens - Liévin", "246200364"},
		{"Communauté d'agglomération de Lens-Liévin", "246200364"},
		{"MEL", "200093201"},
		{"Métropole Européenne de Lille", "200093201"},
		{"Communauté d'agglomération du Douaisis", "200044618"},
		{"Communauté de communes Cœur d'Ostrevent", "245901152"},
		{"245901160", "245901160"},
		{"CAPH", "200042190"},
	} {
		e, ok := g.LookupEPCI(tc.name)
		if !ok || e.SIREN != tc.want {
			t.Errorf("LookupEPCI(%q) = %v %v, want %s", tc.name, e.SIREN, ok, tc.want)
		}
	}
	if e, ok := g.LookupEPCI("Communauté de communes de Nulle Part"); ok {
		t.Errorf("unknown EPCI found: %+v", e)
	}
	e, _ := g.EPCI("245901160")
	if len(e.Members) < 30 || e.Members[0] > e.Members[len(e.Members)-1] {
		t.Errorf("CA Valenciennes Métropole: %d members", len(e.Members))
	}
	if d, ok := g.Departement("2A"); !ok || d.Name != "Corse-du-Sud" {
		t.Errorf("Departement(2A) = %+v", d)
	}
}

// TestLoadMemory reports the time and heap a fresh load takes; the budget is 100 MB.
func TestLoadMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("load: %v, live heap %.1f MB, %d trie nodes, %d words", took, mb, g.m.nodes, len(g.m.dict))
	if mb > 100 {
		t.Errorf("loaded gazetteer takes %.1f MB, budget 100 MB", mb)
	}
	runtime.KeepAlive(g)
}

func ExampleGazetteer_Match() {
	g, err := Default()
	if err != nil {
		panic(err)
	}
	communes, epcis, deps := g.MatchText(newText("Lille, le 12 mars 2019. Signature à Wallers (59) avec la CA de Lens - Liévin."))
	for _, c := range communes {
		fmt.Println(c.INSEE, c.Name, c.Departement, c.EPCI)
	}
	for _, e := range epcis {
		fmt.Println(e.SIREN, e.Name)
	}
	fmt.Println(deps)
	// Output:
	// 59350 Lille 59 200093201
	// 59632 Wallers 59 200042190
	// 246200364 CA de Lens - Liévin
	// [59]
}

func ExampleGazetteer_LookupCommune() {
	g, _ := Default()
	for _, c := range g.LookupCommune("St-Pol-sur-Mer") {
		fmt.Println(c.INSEE, c.Name)
	}
	// Output:
	// 59183 Dunkerque
}

func TestResolveOrg(t *testing.T) {
	g := mustDefault(t)
	for _, tc := range []struct{ name, want string }{
		{"Communauté d'agglomération du Douaisis", "epci:200044618"},
		{"la MEL", "epci:200093201"},
		{"CA de Lens - Liévin", "epci:246200364"},
		{"Communauté de communes Cœur d'Ostrevent", "epci:245901152"},
		{"Département du Nord", "dep:59"},
		{"Conseil départemental du Pas-de-Calais", "dep:62"},
		{"Région Hauts-de-France", "region:32"},
		{"Conseil régional des Hauts-de-France", "region:32"},
		{"Ville de Croix", "commune:59163"},
		{"Mairie de Lens", "commune:62498"},
		{"Préfecture de Région Hauts-de-France", ""},
		{"Banque des Territoires", ""},
	} {
		got, ok := g.ResolveOrg(tc.name)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("ResolveOrg(%q) = %q %v, want %q", tc.name, got, ok, tc.want)
		}
	}
}

// The gazetteer is what package extract asks for.
var (
	_ extract.Places      = (*Gazetteer)(nil)
	_ extract.OrgResolver = (*Gazetteer)(nil)
)
