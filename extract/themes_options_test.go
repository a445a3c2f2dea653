package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestOptionsThemes checks that New takes a user's theme lexicon from Options.
func TestOptionsThemes(t *testing.T) {
	x, err := New(Options{Themes: []byte("eau 3 assainissement\n")})
	if err != nil {
		t.Fatal(err)
	}
	if x.themes == DefaultThemes() || !slices.Equal(x.themes.IDs(), []string{"eau"}) {
		t.Error("New did not use Options.Themes")
	}
	if _, err := New(Options{Themes: []byte("eau trois assainissement\n")}); err == nil || !strings.Contains(err.Error(), "themes: line 1") {
		t.Errorf("New with a bad lexicon: %v", err)
	}
}
