package parties

import "terril/extract/text"

// Short names of package text for the tests.
type Text = text.Text

func NewText(s string) *Text    { return text.New(s) }
func Normalize(s string) string { return text.Normalize(s) }
func Fold(s string) string      { return text.Fold(s) }
