package read

import (
	"errors"
	"fmt"

	"github.com/ledongthuc/pdf"

	"terril/extract/text"
)

// Bounds of the page tree walk: a malformed tree (a Kids array pointing back to an
// ancestor, a node listed many times) would otherwise never end.
const (
	maxPageTreeDepth = 32
	maxPageTreeNodes = 200000
)

// pageList returns the first maxPages page objects in order, walking the page tree
// with bounds (ledongthuc/pdf's Reader.Page loops forever on a cyclic tree): a kid
// that is one of its ancestors, a subtree deeper than maxPageTreeDepth and the nodes
// after maxPageTreeNodes are skipped and named in the problems.
func pageList(r *pdf.Reader, maxPages int) (pages []pdf.Page, problems text.Problems, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("malformed PDF: page tree: %v", x)
		}
	}()
	w := pageWalk{max: maxPages, path: map[string]bool{}}
	w.walk(r.Trailer().Key("Root").Key("Pages"), 0)
	if w.over {
		w.problems.Add(-1, "pdf: more than %d pages: read the first %d", maxPages, maxPages)
	}
	if len(w.pages) == 0 {
		return nil, w.problems, errors.New("malformed PDF: no pages")
	}
	return w.pages, w.problems, nil
}

// pageWalk is the state of pageList's walk.
type pageWalk struct {
	max      int
	pages    []pdf.Page
	nodes    int
	path     map[string]bool // the Pages nodes from the root to the current one
	over     bool            // pages after max were found
	stopped  bool            // the node bound was reached
	problems text.Problems
}

// walk adds the pages under v and reports whether the walk goes on.
func (w *pageWalk) walk(v pdf.Value, depth int) bool {
	if w.nodes++; w.nodes > maxPageTreeNodes {
		if !w.stopped {
			w.stopped = true
			w.problems.Add(-1, "pdf: page tree of more than %d nodes: read the pages before", maxPageTreeNodes)
		}
		return false
	}
	kids := v.Key("Kids")
	switch v.Key("Type").Name() {
	case "Page":
		return w.add(v)
	case "Pages":
	default:
		if kids.IsNull() {
			// A leaf without /Type: a page for lenient readers.
			if !v.Key("Contents").IsNull() {
				return w.add(v)
			}
			return true
		}
	}
	if depth >= maxPageTreeDepth {
		w.problems.Add(-1, "pdf: page tree deeper than %d levels: a subtree not read", maxPageTreeDepth)
		return true
	}
	key := v.String()
	if w.path[key] {
		w.problems.Add(-1, "pdf: page tree cycle: a node lists one of its ancestors; skipped")
		return true
	}
	w.path[key] = true
	defer delete(w.path, key)
	for i := 0; i < kids.Len(); i++ {
		if !w.walk(kids.Index(i), depth+1) {
			return false
		}
	}
	return true
}

// add adds a page, or reports that the limit is reached.
func (w *pageWalk) add(v pdf.Value) bool {
	if len(w.pages) >= w.max {
		w.over = true
		return false
	}
	w.pages = append(w.pages, pdf.Page{V: v})
	return true
}
