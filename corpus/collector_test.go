package corpus

import "testing"

func TestPageBase(t *testing.T) {
	for _, c := range []struct{ requested, final, href, want string }{
		{"https://www.nord.gouv.fr/raa", "", "", "https://www.nord.gouv.fr/raa"},
		{"https://www.nord.gouv.fr/raa", "https://www.nord.gouv.fr/Publications/RAA/", "", "https://www.nord.gouv.fr/Publications/RAA/"},
		{"https://www.nord.gouv.fr/raa", "https://www.nord.gouv.fr/Publications/RAA/", "../docs/", "https://www.nord.gouv.fr/Publications/docs/"},
		{"https://www.nord.gouv.fr/raa", "", "https://cdn.example.org/", "https://cdn.example.org/"},
		{"https://www.nord.gouv.fr/raa", "", "javascript:void(0)", "https://www.nord.gouv.fr/raa"}, // not a page URL: ignored
	} {
		if got := PageBase(c.requested, c.final, c.href); got != c.want {
			t.Errorf("PageBase(%q, %q, %q) = %q, want %q", c.requested, c.final, c.href, got, c.want)
		}
	}
}
