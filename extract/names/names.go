package names

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen -dic /usr/share/hunspell/fr.dic -npm internal/gen/npm -o .

//go:embed given.txt.gz
var givenGz []byte

//go:embed surnames.txt.gz
var surnamesGz []byte

// set is a read-only set of folded names, loaded once on first use.
type set map[string]struct{}

func load(gz []byte) set {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("names: embedded lexicon: " + err.Error())
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("names: embedded lexicon: " + err.Error())
	}
	lines := strings.Split(string(b), "\n")
	s := make(set, len(lines))
	for _, w := range lines {
		if w != "" {
			s[w] = struct{}{}
		}
	}
	return s
}

var (
	given    = sync.OnceValue(func() set { return load(givenGz) })
	surnames = sync.OnceValue(func() set { return load(surnamesGz) })
)

// IsGiven reports whether folded (lower case, without diacritics, as extract.Fold
// gives it) is a known given name: "jean", "celine", "jean-rene".
func IsGiven(folded string) bool {
	_, ok := given()[folded]
	return ok
}

// IsSurname reports whether folded is a known surname: "lecerf", "bertrand".
func IsSurname(folded string) bool {
	_, ok := surnames()[folded]
	return ok
}

// Counts returns the sizes of the two lexicons.
func Counts() (givenNames, surnameNames int) {
	return len(given()), len(surnames())
}
