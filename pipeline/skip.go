package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
)

// The reasons a producer skips a file on purpose. Run reports such inputs in
// Stats.Skipped, not as failures, and does not count them as read.
var (
	// ErrNotRegular: a named pipe, a socket or a device; reading one would block or
	// never end.
	ErrNotRegular = errors.New("not a regular file")
	// ErrUnsupported: a file in a folder whose extension no reader takes.
	ErrUnsupported = errors.New("unsupported type")
	// ErrTooLarge: a file that would have to be read whole (a PDF, a DOCX) and is
	// larger than FileOptions.MaxFile.
	ErrTooLarge = errors.New("too large")
	// ErrExcluded: a file left out by FileOptions.Include or Exclude.
	ErrExcluded = errors.New("excluded")
)

// skipReasons are the skip errors, in the order summaries list them.
var skipReasons = []error{ErrUnsupported, ErrTooLarge, ErrNotRegular, ErrExcluded}

// IsSkip reports whether err marks an input its producer skipped on purpose.
func IsSkip(err error) bool { return SkipReason(err) != nil }

// SkipReason returns which of ErrNotRegular, ErrUnsupported, ErrTooLarge and
// ErrExcluded err wraps, or nil.
func SkipReason(err error) error {
	for _, r := range skipReasons {
		if errors.Is(err, r) {
			return r
		}
	}
	return nil
}

// SkipReasons lists the skip errors in the order a summary gives them.
func SkipReasons() []error { return append([]error(nil), skipReasons...) }

// notRegular is the skip error of path, naming its kind.
func notRegular(path string, mode fs.FileMode) error {
	kind := "special file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "socket"
	case mode&fs.ModeCharDevice != 0:
		kind = "character device"
	case mode&fs.ModeDevice != 0:
		kind = "device"
	case mode.IsDir():
		kind = "directory"
	}
	return fmt.Errorf("skip %s: %w (%s)", path, ErrNotRegular, kind)
}

// skipped is the skip error of path for reason, with a detail in parentheses
// when there is one.
func skipped(path string, reason error, detail string) error {
	if detail == "" {
		return fmt.Errorf("skip %s: %w", path, reason)
	}
	return fmt.Errorf("skip %s: %w (%s)", path, reason, detail)
}
