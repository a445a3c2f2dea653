package folder

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"terril/corpus"
)

// DefaultExtensions are the file extensions listed when Extensions is empty.
var DefaultExtensions = []string{".pdf", ".html", ".htm", ".xhtml", ".txt"}

// Collector lists the files of a folder and its sub-folders.
type Collector struct {
	Dir string
	// Extensions lists the extensions to keep, lower case with the dot; empty means
	// DefaultExtensions.
	Extensions []string
}

var _ corpus.Collector = (*Collector)(nil)

// List walks Dir in lexical order, skipping hidden files and folders, and sends one
// file:// URL per regular file (symbolic links followed) with a kept extension, with
// its modification time as the Modified hint. A file it cannot stat or a folder it
// cannot read is a per-item error. It reads no file's content.
func (c *Collector) List(ctx context.Context, _ corpus.Fetcher, fn func(corpus.Item) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	root, err := filepath.Abs(c.Dir)
	if err != nil {
		return fmt.Errorf("folder %s: %w", c.Dir, err)
	}
	if fi, err := os.Stat(root); err != nil {
		return fmt.Errorf("folder: %w", err)
	} else if !fi.IsDir() {
		return fmt.Errorf("folder %s: not a directory", root)
	}
	exts := c.Extensions
	if len(exts) == 0 {
		exts = DefaultExtensions
	}
	em := corpus.NewEmitter(ctx, fn)
	errStop := errors.New("stop")
	var stop error
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			stop = cerr
			return errStop
		}
		if err != nil {
			if p == root {
				return err
			}
			if e := em.Fail(fileURL(p), fmt.Errorf("folder: %w", err)); e != nil {
				stop = e
				return errStop
			}
			return nil
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !keep(d.Name(), exts) {
			return nil
		}
		fi, err := os.Stat(p) // follows symbolic links
		var it corpus.Item
		switch {
		case err != nil:
			it = corpus.Item{URL: fileURL(p), Err: fmt.Errorf("folder: %w", err)}
		case !fi.Mode().IsRegular():
			return nil
		default:
			it = corpus.Item{URL: fileURL(p), Modified: fi.ModTime()}
		}
		if e := em.Emit(it); e != nil {
			stop = e
			return errStop
		}
		return nil
	})
	if stop != nil {
		return stop
	}
	if err != nil {
		return fmt.Errorf("folder %s: %w", root, err)
	}
	return nil
}

func keep(name string, exts []string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// fileURL returns the file:// URL of an absolute path.
func fileURL(p string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
}
