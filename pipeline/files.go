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

// Readable lists the file extensions Files picks up in folders; a file of another
// extension there is skipped as ErrUnsupported. A file named explicitly is always
// read, whatever its extension.
var Readable = map[string]bool{".txt": true, ".text": true, ".md": true, ".html": true, ".htm": true, ".xhtml": true, ".pdf": true,
	".docx": true, ".odt": true}

// DefaultMaxFile is the largest file read whole by default (a PDF, a DOCX: their
// structure is spread over the file, so it cannot be read in part); a larger one
// is skipped as ErrTooLarge rather than held in memory.
const DefaultMaxFile = 512 << 20

// FileOptions configures FilesWith.
type FileOptions struct {
	Source string // source name recorded on the inputs
	// TextCap is the MaxText of the Processor the inputs go to: of a text or HTML
	// file, only the beginning that can give that much text is read (Input.Size
	// keeps the whole size), so that a huge file is never all in memory.
	TextCap int
	// MaxFile caps the size of a file read whole; 0 means DefaultMaxFile, a
	// negative value no cap.
	MaxFile int64
	Filter  Filter // which files to read, by glob
}

// Files returns a producer that walks paths (files and folders, recursively, hidden
// entries skipped) and sends each readable file. A file that cannot be read is sent
// with its error, so that it is reported and the run goes on; a file skipped on
// purpose (see IsSkip) is sent with its skip error, so that it is reported too.
//
// The ID of each input is unique within what one root gives and stable across runs,
// so that ingesting again replaces: a file under a folder named in paths is its path
// relative to that folder, with '/' separators ("lens/deliberation.txt"); a file
// named in paths is its base name with its extension ("deliberation.txt").
func Files(paths []string, source string) func(ctx context.Context, out chan<- Input) error {
	return FilesWith(paths, FileOptions{Source: source})
}

// FilesMax is Files for a Processor whose MaxText is textCap (see FileOptions.TextCap).
func FilesMax(paths []string, source string, textCap int) func(ctx context.Context, out chan<- Input) error {
	return FilesWith(paths, FileOptions{Source: source, TextCap: textCap})
}

// FilesWith is Files with options: the text cap, the size cap and the filter.
func FilesWith(paths []string, o FileOptions) func(ctx context.Context, out chan<- Input) error {
	return func(ctx context.Context, out chan<- Input) error {
		for _, root := range paths {
			info, err := os.Stat(root)
			if err != nil {
				if err := Send(ctx, out, Input{URL: root, Source: o.Source, Err: err}); err != nil {
					return err
				}
				continue
			}
			if !info.IsDir() {
				id := filepath.Base(root)
				if err := o.send(ctx, out, root, id, false); err != nil {
					return err
				}
				continue
			}
			if err := o.walk(ctx, out, root); err != nil {
				return err
			}
		}
		return nil
	}
}

// walk sends the files under root.
func (o FileOptions) walk(ctx context.Context, out chan<- Input, root string) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return Send(ctx, out, Input{URL: path, Source: o.Source, Err: err})
		}
		name := d.Name()
		if path != root && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			rel = path
		}
		return o.send(ctx, out, path, filepath.ToSlash(rel), true)
	})
}

// send sends the file at path with the given id, or its skip error: excluded by
// the filter first (what the user asked), then of an unsupported type when it was
// found in a folder.
func (o FileOptions) send(ctx context.Context, out chan<- Input, path, id string, inFolder bool) error {
	in := Input{ID: id, URL: path, Source: o.Source}
	if why := o.Filter.Excludes(id); why != "" {
		in.Err = skipped(path, ErrExcluded, why)
		return Send(ctx, out, in)
	}
	if ext := strings.ToLower(filepath.Ext(path)); inFolder && !Readable[ext] {
		if ext == "" {
			ext = "no extension"
		}
		in.Err = skipped(path, ErrUnsupported, ext)
		return Send(ctx, out, in)
	}
	in.Data, in.Size, in.Err = readFile(path, o.TextCap, o.MaxFile)
	if in.Err != nil && !IsSkip(in.Err) {
		in.Err = fmt.Errorf("read %s: %w", path, in.Err)
	}
	return Send(ctx, out, in)
}

// ReadFile reads the regular file at path (symbolic links followed), or only its
// beginning when that is all a Processor of the given MaxText would use (see
// FilesMax); size is the whole file's. Anything but a regular file is a skip error
// (see IsSkip), found by stat, which opens nothing: opening a named pipe blocks
// until a writer comes, a device may never end. The open itself is non-blocking
// and checked again, for a file swapped in between.
func ReadFile(path string, textCap int) (data []byte, size int64, err error) {
	return readFile(path, textCap, 0)
}

// readFile is ReadFile with a cap on the size of a file read whole (see
// FileOptions.MaxFile).
func readFile(path string, textCap int, maxFile int64) (data []byte, size int64, err error) {
	data, size, err = readRegular(path, rawLimit(path, maxText(textCap)), maxFile)
	if int64(len(data)) < size {
		data = cutRaw(data)
	}
	return data, size, err
}

func readRegular(path string, limit, maxFile int64) ([]byte, int64, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, 0, err
	}
	if !fi.Mode().IsRegular() {
		return nil, 0, notRegular(path, fi.Mode())
	}
	if maxFile == 0 {
		maxFile = DefaultMaxFile
	}
	if limit < 0 && maxFile > 0 && fi.Size() > maxFile {
		return nil, 0, skipped(path, ErrTooLarge, fmt.Sprintf("%s, cap %s", mb(fi.Size()), mb(maxFile)))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, 0, err
	}
	if !fi.Mode().IsRegular() {
		return nil, 0, notRegular(path, fi.Mode())
	}
	size := fi.Size()
	n := size
	if limit >= 0 && n > limit {
		n = limit
	}
	data := make([]byte, n)
	m, err := io.ReadFull(f, data)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		// The file shrank since stat: what was read is all of it.
		return data[:m], int64(m), nil
	}
	if err != nil {
		return nil, 0, err
	}
	if n == size {
		// It may have grown: read the rest, within the limit.
		rest, err := io.ReadAll(io.LimitReader(f, limitLeft(limit, n)))
		if err != nil {
			return nil, 0, err
		}
		data = append(data, rest...)
		size = max(size, int64(len(data)))
	}
	return data, size, nil
}

// limitLeft is how much more may be read after n bytes under limit (-1: no limit).
func limitLeft(limit, n int64) int64 {
	if limit < 0 {
		return 1<<63 - 1
	}
	return limit - n
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
			if fi, err := fs.Stat(fsys, path); err == nil && !fi.Mode().IsRegular() {
				return Send(ctx, out, Input{URL: path, Source: source, Err: notRegular(path, fi.Mode())})
			}
			data, err := fs.ReadFile(fsys, path)
			if err != nil {
				err = fmt.Errorf("read %s: %w", path, err)
			}
			return Send(ctx, out, Input{ID: path, URL: path, Source: source, Data: data, Err: err})
		})
	}
}
