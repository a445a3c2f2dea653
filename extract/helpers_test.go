package extract

func newTestText(s string) *Text { return NewText(Normalize(s)) }
