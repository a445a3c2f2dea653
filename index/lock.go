package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	bolterrors "go.etcd.io/bbolt/errors"
)

// DefaultWait is how long an open waits for an index another process holds.
const DefaultWait = 5 * time.Second

// Options configures OpenContext.
type Options struct {
	// ReadOnly opens for searching only: readers share the index, a writer holds it
	// alone (Bleve's lock on its root file).
	ReadOnly bool
	// Wait is how long to wait for an index another process holds: 0 means
	// DefaultWait, a negative value not at all.
	Wait time.Duration
	// Busy, when set, is called once, as soon as the index is found held, with who
	// holds it ("pid 4242: terril ingest seeds", or "another process").
	Busy func(holder string)
}

// A BusyError is an index another process held for longer than the wait.
type BusyError struct {
	Dir    string
	Holder string
	Waited time.Duration
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("index %s is busy: held by %s; gave up after %s", e.Dir, e.Holder, e.Waited.Round(time.Millisecond))
}

// lockPoll is how long one attempt waits for Bleve's lock before the context and
// the deadline are checked again (Bleve's own wait honours neither).
const lockPoll = 100 * time.Millisecond

// OpenContext opens the index in dir, creating it when absent unless ReadOnly. An
// index another process holds is waited for, up to o.Wait, and never after ctx is
// done: then the error is ctx's.
func OpenContext(ctx context.Context, dir string, o Options) (*Index, error) {
	wait := o.Wait
	if wait == 0 {
		wait = DefaultWait
	}
	start := time.Now()
	told := false
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		ix, err := openOnce(dir, o.ReadOnly)
		if !errors.Is(err, bolterrors.ErrTimeout) {
			if err == nil {
				ix.holder = writeHolder(dir)
			}
			return ix, err
		}
		holder := holders(dir)
		if !told && o.Busy != nil {
			o.Busy(holder)
		}
		told = true
		if time.Since(start) >= wait {
			return nil, &BusyError{Dir: dir, Holder: holder, Waited: time.Since(start)}
		}
	}
}

// openOnce opens (or creates) the index, waiting at most lockPoll for its lock.
func openOnce(dir string, readOnly bool) (*Index, error) {
	config := map[string]any{"bolt_timeout": lockPoll.String()}
	if readOnly {
		config["read_only"] = true
	}
	b, err := bleve.OpenUsing(dir, config)
	if !readOnly && (errors.Is(err, bleve.ErrorIndexPathDoesNotExist) || errors.Is(err, bleve.ErrorIndexMetaMissing) && onlyOurs(dir)) {
		if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		b, err = bleve.New(dir, newMapping())
		if err != nil {
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
		return &Index{b: b, path: dir}, nil
	}
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, err
		}
		if readOnly && errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
			return nil, fmt.Errorf("open index %s: no index there (run terril ingest first)", dir)
		}
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	upgradeMapping(b)
	return &Index{b: b, path: dir}, nil
}

// onlyOurs reports whether dir, which holds no index, holds nothing else than what
// terril puts beside an index (its capture store, created first by crawl with an
// old-layout check): an index may be created there. Any other folder is not taken
// over.
func onlyOurs(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.Name() != "captures" && !strings.HasPrefix(e.Name(), holderPrefix) {
			return false
		}
	}
	return true
}

// holderInfo is what each process holding an index writes in it, for the others to
// say who holds it. Bleve's lock is the lock; these files only name its holders.
type holderInfo struct {
	PID     int       `json:"pid"`
	Command string    `json:"command"`
	Since   time.Time `json:"since"`
}

const holderPrefix = "terril-holder-"

// writeHolder records this process as a holder of the index in dir and returns the
// file to remove on Close ("" when it could not be written: a read-only disk).
func writeHolder(dir string) string {
	removeDeadHolders(dir)
	cmd := strings.Join(os.Args, " ")
	if len(cmd) > 200 {
		cmd = cmd[:200] + "…"
	}
	data, _ := json.Marshal(holderInfo{PID: os.Getpid(), Command: cmd, Since: time.Now().UTC().Truncate(time.Second)})
	p := filepath.Join(dir, fmt.Sprintf("%s%d-%d.json", holderPrefix, os.Getpid(), opens.Add(1)))
	if os.WriteFile(p, data, 0o644) != nil {
		return ""
	}
	return p
}

// opens numbers the opens of this process, so that each has its own holder file.
var opens atomic.Int64

// holders names the live processes recorded as holding the index in dir, or says
// "another process".
func holders(dir string) string {
	files, _ := filepath.Glob(filepath.Join(dir, holderPrefix+"*.json"))
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		var h holderInfo
		if err != nil || json.Unmarshal(data, &h) != nil || !alive(h.PID) {
			continue
		}
		names = append(names, fmt.Sprintf("pid %d (%s, since %s)", h.PID, h.Command, h.Since.Format(time.RFC3339)))
	}
	if len(names) == 0 {
		return "another process"
	}
	return strings.Join(names, ", ")
}

// removeDeadHolders removes the holder files of processes that ended without
// closing (killed), so that they do not pile up.
func removeDeadHolders(dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, holderPrefix+"*.json"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		var h holderInfo
		if err == nil && json.Unmarshal(data, &h) == nil && !alive(h.PID) {
			os.Remove(f)
		}
	}
}

// alive reports whether a process pid exists (a holder killed with -9 leaves its file).
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}
