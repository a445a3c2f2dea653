package extract

import "terril/extract/themes"

// The theme classifier lives in package themes; these names keep its API as this
// package has exported it.
type (
	// Themes is themes.Themes.
	Themes = themes.Themes
	// ThemeSyntaxError is themes.SyntaxError.
	ThemeSyntaxError = themes.SyntaxError
)

// DefaultThemes is themes.Default.
func DefaultThemes() *Themes { return themes.Default() }

// ParseThemes is themes.Parse.
func ParseThemes(data []byte) (*Themes, error) { return themes.Parse(data) }
