package sources

import (
	"bufio"
	"compress/gzip"
	"net/url"
	"os"
	"strings"
	"testing"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"unicode"
)

func TestCatalogue(t *testing.T) {
	cat, err := Catalogue()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	names := map[string]bool{}
	for _, s := range cat {
		if names[s.Name] {
			t.Errorf("%s: name used twice", s.Name)
		}
		names[s.Name] = true
		count[s.Group]++
		u, err := url.Parse(s.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			t.Errorf("%s: URL %q is not an absolute https URL", s.Name, s.URL)
		}
		if s.Checked == "" || (s.Origin != "known" && s.Origin != "pattern") || s.Note == "" {
			t.Errorf("%s: checked %q, origin %q, note %q: each entry says when it was checked and where it comes from", s.Name, s.Checked, s.Origin, s.Note)
		}
		if len(s.AllowedHosts) != 1 || s.AllowedHosts[0] != u.Host {
			t.Errorf("%s: allowed hosts %v", s.Name, s.AllowedHosts)
		}
		if strings.HasPrefix(s.Name, "prefecture-") && (s.Type != DSFR || !strings.HasSuffix(u.Host, ".gouv.fr")) {
			t.Errorf("%s: type %s, host %s", s.Name, s.Type, u.Host)
		}
	}
	for g, want := range map[string]int{"prefectures-raa": 101, "prefectures-actualites": 101, "regions": 18, "banque-des-territoires": 1} {
		if count[g] != want {
			t.Errorf("group %s: %d entries, want %d", g, count[g], want)
		}
	}
	if s, ok := find(cat, "prefecture-59-raa"); !ok || s.URL != "https://www.nord.gouv.fr/Publications/Recueils-des-actes-administratifs/RAA-du-departement-du-Nord" || s.Origin != "known" {
		t.Errorf("prefecture-59-raa = %+v", s)
	}
	if s, ok := find(cat, "prefecture-2a-raa"); !ok || !strings.HasPrefix(s.URL, "https://www.corse-du-sud.gouv.fr/") {
		t.Errorf("prefecture-2a-raa = %+v", s)
	}
}

func find(list []Source, name string) (Source, bool) {
	for _, s := range list {
		if s.Name == name {
			return s, true
		}
	}
	return Source{}, false
}

// The préfectures' hosts follow the gazetteer's names of the départements
// (www.<name>.gouv.fr), except the rows marked as exceptions; every département of
// the gazetteer has its row.
func TestPrefectureHostsFollowTheGazetteer(t *testing.T) {
	const p = "../../extract/geo/data/departements.tsv.gz"
	fh, err := os.Open(p)
	if err != nil {
		t.Skipf("no gazetteer: %v", err)
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		t.Fatal(err)
	}
	gaz := map[string]string{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		// Collectivités d'outre-mer (975, 977…) have no préfecture de département.
		if f[0] != "code" && (len(f[0]) <= 2 || f[0] < "975" || f[0] == "976") {
			gaz[f[0]] = f[1]
		}
	}
	if len(gaz) != 101 {
		t.Fatalf("%d départements in the gazetteer, want 101", len(gaz))
	}
	data, err := catalogueFS.ReadFile("catalogue/prefectures.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != numCols || f[0] == "code" || strings.HasPrefix(line, "#") {
			continue
		}
		rows++
		name, ok := gaz[f[colCode]]
		if !ok || name != f[colDepartement] {
			t.Errorf("row %s %s: the gazetteer says %q", f[colCode], f[colDepartement], name)
		}
		want := "www." + slug(name) + ".gouv.fr"
		switch f[colHostOrigin] {
		case "pattern":
			if f[colHost] != want {
				t.Errorf("%s: host %s, the pattern gives %s (mark it an exception?)", f[colCode], f[colHost], want)
			}
		case "exception":
			if f[colHost] == want {
				t.Errorf("%s: host %s follows the pattern but is marked an exception", f[colCode], f[colHost])
			}
		default:
			t.Errorf("%s: host_origin %q", f[colCode], f[colHostOrigin])
		}
	}
	if rows != 101 {
		t.Errorf("%d rows, want 101", rows)
	}
}

// slug is a département's name as its préfecture's host spells it: Côte-d'Or →
// cote-dor, Territoire de Belfort → territoire-de-belfort.
func slug(name string) string {
	s, _, _ := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), name)
	return strings.NewReplacer("'", "", "’", "", " ", "-").Replace(strings.ToLower(s))
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Côte-d'Or": "cote-dor", "Territoire de Belfort": "territoire-de-belfort", "Hautes-Pyrénées": "hautes-pyrenees", "Val-d'Oise": "val-doise"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlan(t *testing.T) {
	user, err := Parse("mes-sources.yaml", []byte(`fetch: {contact: x@y.fr}
sources:
- {name: prefecture-59-raa, type: dsfr, url: "http://127.0.0.1:8080/raa"}
- {name: mairie, type: feed, url: "https://mairie.example.fr/rss"}
`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Plan(user, nil, []string{"prefecture-59-raa", "prefecture-62-raa"})
	if err != nil || len(got) != 2 || got[0].URL != "http://127.0.0.1:8080/raa" || got[0].AllowedHosts[0] != "127.0.0.1:8080" ||
		!strings.HasPrefix(got[1].URL, "https://www.pas-de-calais.gouv.fr/") {
		t.Fatalf("Plan by names = %+v, %v", got, err)
	}
	got, err = Plan(user, []string{"prefectures"}, nil)
	if err != nil || len(got) != 2+201 || got[0].Name != "prefecture-59-raa" || got[1].Name != "mairie" {
		t.Fatalf("Plan(prefectures): %d sources, %v", len(got), err)
	}
	got, err = Plan(nil, []string{"regions", "banque-des-territoires"}, nil)
	if err != nil || len(got) != 19 {
		t.Fatalf("Plan(regions, bdt): %d sources, %v", len(got), err)
	}
	if _, err := Plan(nil, []string{"mairies"}, nil); err == nil || !strings.Contains(err.Error(), "prefectures-raa") {
		t.Errorf("unknown group: %v", err)
	}
	if _, err := Plan(user, nil, []string{"prefecture-999-raa"}); err == nil || !strings.Contains(err.Error(), "sources list") {
		t.Errorf("unknown name: %v", err)
	}
}
