package sample

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:generate go run ./internal/genpdf -src pdfsrc -out docs

// FS holds the sample documents under docs/.
//
//go:embed docs
var FS embed.FS

// Gold is the hand-annotated gold of the sample documents, one JSON object a line.
//
//go:embed gold.jsonl
var Gold []byte

// Paths returns the paths in FS of the sample documents ("docs/001_….html"), sorted.
func Paths() []string {
	var out []string
	// The embedded tree is fixed at build time: WalkDir cannot fail on it.
	_ = fs.WalkDir(FS, "docs", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// ID returns the document id of a path: the file name without its extension.
func ID(p string) string {
	base := path.Base(p)
	return strings.TrimSuffix(base, path.Ext(base))
}
