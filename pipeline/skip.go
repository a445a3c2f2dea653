package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
)

// ErrNotRegular is the reason a producer skips a named pipe, a socket or a device:
// reading one would block or never end. Run reports such inputs in Stats.Skipped,
// not as failures.
var ErrNotRegular = errors.New("not a regular file")

// IsSkip reports whether err marks an input its producer skipped on purpose.
func IsSkip(err error) bool { return errors.Is(err, ErrNotRegular) }

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
