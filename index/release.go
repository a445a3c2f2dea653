package index

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Releasing mapped pages.
//
// Bleve maps each segment file read-only. A merge reads its sources through those
// mappings, and every page read stays in the process's resident set until the
// segment is closed: at a million documents the final merges' sources make up most
// of the peak resident set, although the kernel may drop them at any time (they are
// clean pages of files). ReleaseMapped hands them back with MADV_DONTNEED, which for
// a read-only file mapping only unmaps the pages: they stay in the page cache, and
// the next read of one faults it back in without touching the disk.
//
// MADV_DONTNEED on an address range that has since been given to anonymous memory
// would zero it, so only the mappings of segments of a snapshot held for the whole
// call are advised: a held segment cannot be closed, so its range cannot be
// unmapped and reused meanwhile.

// fileMap is one line of /proc/self/maps: an address range and the file mapped.
type fileMap struct {
	start, end uintptr
	path       string
}

// ReleaseMapped drops the resident pages of the index's segment files from the
// process's resident set and returns how many bytes of mappings it advised. It
// does nothing (and returns 0) where /proc/self/maps cannot be read.
func (ix *Index) ReleaseMapped() int64 {
	adv, err := ix.b.Advanced()
	if err != nil {
		return 0
	}
	r, err := adv.Reader()
	if err != nil {
		return 0
	}
	defer r.Close() // after the advice: the snapshot keeps its segments mapped
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0
	}
	held := heldPaths(snap)
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0
	}
	var n int64
	for _, m := range parseMaps(maps) {
		if held[m.path] {
			n += int64(m.end - m.start)
			dontNeed(m)
		}
	}
	return n
}

// heldPaths returns the files of snap's persisted segments, as /proc/self/maps
// names them (absolute, links resolved); in-memory segments have none.
func heldPaths(snap *scorch.IndexSnapshot) map[string]bool {
	held := map[string]bool{}
	for _, s := range snap.Segments() {
		if p, ok := s.Segment().(interface{ Path() string }); ok && p.Path() != "" {
			if real, err := filepath.EvalSymlinks(p.Path()); err == nil {
				if abs, err := filepath.Abs(real); err == nil {
					held[abs] = true
				}
			}
		}
	}
	return held
}

// dontNeed advises the kernel that m's pages are not needed. Its error is
// ignored: the advice only lowers the resident set.
func dontNeed(m fileMap) {
	syscall.Syscall(syscall.SYS_MADVISE, m.start, m.end-m.start, syscall.MADV_DONTNEED)
}

// parseMaps reads the file-backed mappings of a /proc/PID/maps text; lines it
// cannot read are skipped.
func parseMaps(b []byte) []fileMap {
	var out []fileMap
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := bytes.Fields(sc.Bytes())
		if len(f) < 6 || f[5][0] != '/' {
			continue
		}
		lo, hi, ok := bytes.Cut(f[0], []byte("-"))
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(string(lo), 16, 64)
		end, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		path := string(bytes.Join(f[5:], []byte(" "))) // a path may hold spaces
		out = append(out, fileMap{start: uintptr(start), end: uintptr(end), path: path})
	}
	return out
}
