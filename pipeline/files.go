package pipeline

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Readable lists the file extensions Files picks up in folders. A file named
// explicitly is always read, whatever its extension.
var Readable = map[string]bool{".txt": true, ".text": true, ".md": true, ".html": true, ".htm": true, ".xhtml": true, ".pdf": true}

// Files returns a producer that walks paths (files and folders, recursively, hidden
// entries skipped) and sends each readable file. A file that cannot be read is sent
// with its error, so that it is reported and the run goes on.
//
// The ID of each input is unique within what one root gives and stable across runs,
// so that ingesting again replaces: a file under a folder named in paths is its path
// relative to that folder, with '/' separators ("lens/deliberation.txt"); a file
// named in paths is its base name with its extension ("deliberation.txt").
func Files(paths []string, source string) func(ctx context.Context, out chan<- Input) error {
	return func(ctx context.Context, out chan<- Input) error {
		for _, root := range paths {
			info, err := os.Stat(root)
			if err != nil {
				if err := Send(ctx, out, Input{URL: root, Source: source, Err: err}); err != nil {
					return err
				}
				continue
			}
			if !info.IsDir() {
				if err := sendFile(ctx, out, root, filepath.Base(root), source); err != nil {
					return err
				}
				continue
			}
			err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return Send(ctx, out, Input{URL: path, Source: source, Err: err})
				}
				name := d.Name()
				if path != root && strings.HasPrefix(name, ".") {
					if d.IsDir() {
						return filepath.SkipDir
					}
					return nil
				}
				if d.IsDir() || !Readable[strings.ToLower(filepath.Ext(name))] {
					return nil
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				rel, err := filepath.Rel(root, path)
				if err != nil {
					rel = path
				}
				return sendFile(ctx, out, path, filepath.ToSlash(rel), source)
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
}

func sendFile(ctx context.Context, out chan<- Input, path, id, source string) error {
	data, err := readRegular(path)
	if err != nil && !IsSkip(err) {
		err = fmt.Errorf("read %s: %w", path, err)
	}
	return Send(ctx, out, Input{ID: id, URL: path, Source: source, Data: data, Err: err})
}

// readRegular reads the regular file at path (symbolic links followed). Anything
// else is a skip error, found by stat, which opens nothing: opening a named pipe
// blocks until a writer comes, a device may never end. The open itself is
// non-blocking and checked again, for a file swapped in between.
func readRegular(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	data := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// FSFiles returns a producer that sends every readable file of fsys (recursively;
// hidden entries skipped). The URL and the ID of each input are its path in fsys.
func FSFiles(fsys fs.FS, source string) func(ctx context.Context, out chan<- Input) error {
	return func(ctx context.Context, out chan<- Input) error {
		return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return Send(ctx, out, Input{URL: path, Source: source, Err: err})
			}
			if path != "." && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !Readable[strings.ToLower(filepath.Ext(path))] {
				return nil
			}
			data, err := fs.ReadFile(fsys, path)
			if err != nil {
				err = fmt.Errorf("read %s: %w", path, err)
			}
			return Send(ctx, out, Input{ID: path, URL: path, Source: source, Data: data, Err: err})
		})
	}
}
