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

// A set is a read-only set of folded names, loaded once on first use: open
// addressing in at least four times as many slots as names, hashed eight bytes at a
// time. The people scanner asks it about most capitalised words of a text; a
// lookup costs a hash and a slot or two, less than a map's.
type set struct {
	slots []string
	mask  uint32
	n     int
}

func load(gz []byte) *set {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("names: embedded lexicon: " + err.Error())
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("names: embedded lexicon: " + err.Error())
	}
	return newSet(strings.Split(string(b), "\n"))
}

func newSet(ws []string) *set {
	n := uint32(8)
	for n < uint32(len(ws))*4 {
		n <<= 1
	}
	s := &set{slots: make([]string, n), mask: n - 1}
	for _, w := range ws {
		if w == "" || s.has(w) {
			continue
		}
		i := hash(w) & s.mask
		for s.slots[i] != "" {
			i = (i + 1) & s.mask
		}
		s.slots[i] = w
		s.n++
	}
	return s
}

// has reports whether w is in the set ("" never is: it marks an empty slot).
func (s *set) has(w string) bool {
	if w == "" {
		return false
	}
	for i := hash(w) & s.mask; ; i = (i + 1) & s.mask {
		switch s.slots[i] {
		case w:
			return true
		case "":
			return false
		}
	}
}

// hash hashes w eight bytes at a time, a multiplication each (the golden ratio's);
// the last zero to seven bytes are read as two overlapping halves, most names
// being shorter than eight bytes.
func hash(w string) uint32 {
	h := uint64(len(w))
	for len(w) >= 8 {
		h = (h ^ (uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56)) * 0x9e3779b97f4a7c15
		w = w[8:]
	}
	var c uint64
	switch n := len(w); {
	case n >= 4:
		c = uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			(uint64(w[n-4])|uint64(w[n-3])<<8|uint64(w[n-2])<<16|uint64(w[n-1])<<24)<<32
	case n > 0:
		c = uint64(w[0]) | uint64(w[n/2])<<8 | uint64(w[n-1])<<16
	}
	return uint32((h ^ c) * 0x9e3779b97f4a7c15 >> 32)
}

// The two lexicons, loaded on first use. (A sync.Once and a variable rather than
// sync.OnceValue: Do's check is inlined, where OnceValue's function is a call
// on every lookup.)
var (
	givenOnce, surnamesOnce sync.Once
	givenSet, surnameSet    *set
)

func given() *set {
	givenOnce.Do(loadGiven)
	return givenSet
}

func surnames() *set {
	surnamesOnce.Do(loadSurnames)
	return surnameSet
}

func loadGiven()    { givenSet = load(givenGz) }
func loadSurnames() { surnameSet = load(surnamesGz) }

// IsGiven reports whether folded (lower case, without diacritics, as extract.Fold
// gives it) is a known given name: "jean", "celine", "jean-rene".
func IsGiven(folded string) bool {
	return given().has(folded)
}

// IsSurname reports whether folded is a known surname: "lecerf", "bertrand".
func IsSurname(folded string) bool {
	return surnames().has(folded)
}

// Counts returns the sizes of the two lexicons.
func Counts() (givenNames, surnameNames int) {
	return given().n, surnames().n
}
