package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExampleFileIsValid(t *testing.T) {
	const p = "../../sources.example.yaml"
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no example file: %v", err)
	}
	f, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]bool{}
	for _, s := range f.Sources {
		types[s.Type] = true
		if len(s.AllowedHosts) == 0 && s.Type != Folder {
			t.Errorf("%s: no allowed hosts", s.Name)
		}
	}
	for _, typ := range Types {
		if !types[typ] {
			t.Errorf("the example has no source of type %s", typ)
		}
	}
	if f.Fetch.Contact == "" || f.Fetch.Timeout.Seconds() != 30 || f.Fetch.MaxSizeMB != 64 {
		t.Errorf("fetch section: %+v", f.Fetch)
	}
	folder, _ := f.Select("archives-locales")
	if len(folder) != 1 || !filepath.IsAbs(folder[0].Path) && !strings.HasPrefix(folder[0].Path, "..") {
		t.Errorf("folder path not resolved against the file: %+v", folder)
	}
}

func TestValidationNamesSourceAndField(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"sources:\n- {name: a, type: feed, url: https://a.fr/rss}\n", "fetch: contact: required"},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: presse, type: listing, url: https://a.fr/}\n", "source presse: links: required"},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: presse, type: listing, url: https://a.fr/, links: 'a[', next: a}\n", "source presse: links: bad CSS selector"},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: raa, type: urls, urls: [https://a.fr/1.pdf, /2.pdf]}\n", "source raa: urls[1]: "},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: raa, type: rss, url: https://a.fr/}\n", `source raa: type: unknown type "rss"`},
		{"fetch: {contact: x@y.fr}\nsources:\n- {type: feed, url: https://a.fr/}\n", "source #1: name: required"},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: a, type: feed, url: https://a.fr/}\n- {name: a, type: feed, url: https://b.fr/}\n", "source a: name: used by another source"},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: a, type: sitemap, url: 'ftp://a.fr/'}\n", "source a: url: "},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: a, type: sitemap, url: 'https://a.fr/', include: '('}\n", "source a: include: "},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: a, type: folder}\n", "source a: path: required"},
		{"fetch: {contact: x@y.fr, timeout: vite}\nsources:\n- {name: a, type: folder, path: x}\n", "sources.yaml"},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: a, type: folder, path: x, lien: y}\n", "field lien not found"},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: raa, type: dsfr}\n", "source raa: url: required"},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: raa, type: dsfr, url: 'https://a.gouv.fr/', mode: annuaire}\n", `source raa: mode: unknown mode "annuaire"`},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: raa, type: dsfr, url: 'https://a.gouv.fr/', scope: Publications}\n", "source raa: scope: "},
		{"fetch: {contact: x@y.fr}\nsources:\n- {name: raa, type: dsfr, url: 'https://a.gouv.fr/', links: 'a['}\n", "source raa: links: bad CSS selector"},
	} {
		_, err := Parse("sources.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want an error containing %q", tc.yaml, err, tc.want)
		} else if !strings.HasPrefix(err.Error(), "sources.yaml") {
			t.Errorf("error %q does not name the file", err)
		}
	}
}

func TestSelect(t *testing.T) {
	f, err := Parse("s.yaml", []byte("fetch: {contact: x@y.fr}\nsources:\n- {name: a, type: feed, url: https://a.fr/rss}\n- {name: b, type: feed, url: https://b.fr/rss}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := f.Select("b"); len(got) != 1 || got[0].Name != "b" || got[0].AllowedHosts[0] != "b.fr" {
		t.Fatalf("Select(b) = %+v", got)
	}
	if _, err := f.Select("c"); err == nil || !strings.Contains(err.Error(), "a, b") {
		t.Fatalf("Select(c) = %v", err)
	}
}
