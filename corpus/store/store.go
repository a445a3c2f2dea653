package store

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// State is what the last run learned about a URL.
type State string

// States of a manifest entry.
const (
	New       State = "new"       // captured for the first time
	Unchanged State = "unchanged" // answered 304, or the same bytes as before
	Changed   State = "changed"   // captured with bytes different from the previous capture
	Failed    State = "failed"    // the last fetch failed; Reason says why
)

// Capture describes one response kept in the store.
type Capture struct {
	URL      string      `json:"url"`
	FinalURL string      `json:"final_url,omitempty"`
	Source   string      `json:"source,omitempty"`
	Time     time.Time   `json:"time"`
	Status   int         `json:"status"`
	Header   http.Header `json:"header,omitempty"`
	SHA256   string      `json:"sha256"`
	Size     int64       `json:"size"`
}

// Entry is the manifest's record of one URL.
type Entry struct {
	URL    string `json:"url"`
	Source string `json:"source,omitempty"`
	// Document is true for a candidate document, false for a page read only to find
	// documents (a feed, a sitemap, a listing page).
	Document bool   `json:"document,omitempty"`
	State    State  `json:"state"`
	Reason   string `json:"reason,omitempty"` // why the last fetch failed
	// The current capture: the last body fetched with success. A failed fetch keeps it.
	SHA256       string    `json:"sha256,omitempty"`
	ContentType  string    `json:"content_type,omitempty"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Fetched      time.Time `json:"fetched,omitzero"` // when the current capture was fetched
	Checked      time.Time `json:"checked,omitzero"` // when the URL was last asked for
	// IndexedSHA256 is the sha256 of the capture last committed to the index.
	IndexedSHA256 string    `json:"indexed_sha256,omitempty"`
	Indexed       time.Time `json:"indexed,omitzero"`
	// UnreadableSHA256 is the sha256 of a capture that could not be read or extracted
	// (Reason says why): it is not retried until the capture changes, or a reindex.
	UnreadableSHA256 string `json:"unreadable_sha256,omitempty"`
}

// NeedsIndexing reports whether the entry is a document whose current capture has not
// been committed to the index yet, nor found unreadable.
func (e Entry) NeedsIndexing() bool {
	return e.Document && e.SHA256 != "" && e.SHA256 != e.IndexedSHA256 && e.SHA256 != e.UnreadableSHA256
}

// Store is an open capture store and manifest. It is safe for concurrent use.
type Store struct {
	dir string

	mu       sync.Mutex
	captures *os.File
	manifest *os.File
	entries  map[string]*Entry
	lines    int // lines in manifest.jsonl, to decide on compaction
}

const (
	capturesFile = "captures.jsonl"
	manifestFile = "manifest.jsonl"
)

// Open opens the store in dir, creating it if needed. It cuts off a torn last line of
// either log and compacts the manifest when most of its lines are superseded.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "objects"), 0o755); err != nil {
		return nil, fmt.Errorf("store %s: %w", dir, err)
	}
	s := &Store{dir: dir, entries: make(map[string]*Entry)}
	for _, name := range []string{capturesFile, manifestFile} {
		if err := repairTail(filepath.Join(dir, name)); err != nil {
			return nil, err
		}
	}
	if err := s.load(); err != nil {
		return nil, err
	}
	if s.lines > 1000 && s.lines > 2*len(s.entries) {
		if err := s.compact(); err != nil {
			return nil, err
		}
	}
	var err error
	if s.captures, err = openAppend(filepath.Join(dir, capturesFile)); err != nil {
		return nil, err
	}
	if s.manifest, err = openAppend(filepath.Join(dir, manifestFile)); err != nil {
		s.captures.Close()
		return nil, err
	}
	return s, nil
}

// Dir returns the store's directory.
func (s *Store) Dir() string { return s.dir }

func openAppend(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return f, nil
}

// repairTail truncates path after its last newline: a line is complete or absent.
func repairTail(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	size := fi.Size()
	if size == 0 {
		return nil
	}
	// Scan back from the end for the last newline.
	const chunk = 4096
	end := size
	for end > 0 {
		start := max(end-chunk, 0)
		buf := make([]byte, end-start)
		if _, err := f.ReadAt(buf, start); err != nil {
			return fmt.Errorf("store: %s: %w", path, err)
		}
		if i := bytes.LastIndexByte(buf, '\n'); i >= 0 {
			if cut := start + int64(i) + 1; cut != size {
				if err := f.Truncate(cut); err != nil {
					return fmt.Errorf("store: %s: %w", path, err)
				}
			}
			return nil
		}
		end = start
	}
	return f.Truncate(0)
}

func (s *Store) load() error {
	f, err := os.Open(filepath.Join(s.dir, manifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		var e Entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return fmt.Errorf("store: %s line %d: %w", f.Name(), n, err)
		}
		s.entries[e.URL] = &e
	}
	s.lines = n
	if err := sc.Err(); err != nil {
		return fmt.Errorf("store: %s: %w", f.Name(), err)
	}
	return nil
}

// compact rewrites the manifest with one line per URL: temporary file, sync, rename.
func (s *Store) compact() error {
	var buf bytes.Buffer
	for _, e := range s.sortedEntries() {
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	if err := writeFileAtomic(filepath.Join(s.dir, manifestFile), buf.Bytes()); err != nil {
		return err
	}
	s.lines = len(s.entries)
	return nil
}

func (s *Store) sortedEntries() []Entry {
	out := make([]Entry, 0, len(s.entries))
	for _, e := range s.entries {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].URL < out[j].URL })
	return out
}

// writeFileAtomic writes data to a temporary file next to path, syncs it and renames
// it to path.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("store: write %s: %w", path, err)
	}
	return nil
}

// Close syncs and closes the logs.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.manifest == nil {
		return nil
	}
	err := errors.Join(s.captures.Sync(), s.manifest.Sync(), s.captures.Close(), s.manifest.Close())
	s.captures, s.manifest = nil, nil
	if err != nil {
		return fmt.Errorf("store %s: close: %w", s.dir, err)
	}
	return nil
}

// Sync makes every line appended so far durable.
func (s *Store) Sync() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.manifest == nil {
		return errClosed
	}
	return errors.Join(s.captures.Sync(), s.manifest.Sync())
}

var errClosed = errors.New("store: closed")

// Sum returns the hex sha256 of data, the key of a body in the store.
func Sum(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func (s *Store) objectPath(sha string) string {
	return filepath.Join(s.dir, "objects", sha[:2], sha)
}

// Put stores a body and returns its sha256. Storing the same bytes twice is a no-op.
// When Put returns, the body is durable.
func (s *Store) Put(data []byte) (string, error) {
	sha := Sum(data)
	p := s.objectPath(sha)
	if _, err := os.Stat(p); err == nil {
		return sha, nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", fmt.Errorf("store: %w", err)
	}
	if err := writeFileAtomic(p, data); err != nil {
		return "", err
	}
	return sha, nil
}

// Get returns the body with the given sha256, checking that its bytes match.
func (s *Store) Get(sha string) ([]byte, error) {
	if len(sha) != 64 {
		return nil, fmt.Errorf("store: bad sha256 %q", sha)
	}
	data, err := os.ReadFile(s.objectPath(sha))
	if err != nil {
		return nil, fmt.Errorf("store: body %s: %w", sha, err)
	}
	if Sum(data) != sha {
		return nil, fmt.Errorf("store: body %s is corrupt", sha)
	}
	return data, nil
}

// Has reports whether the body with the given sha256 is in the store.
func (s *Store) Has(sha string) bool {
	if len(sha) != 64 {
		return false
	}
	_, err := os.Stat(s.objectPath(sha))
	return err == nil
}

// appendLine writes v as one JSON line to f with a single write. Callers hold s.mu.
func appendLine(f *os.File, v any) error {
	if f == nil {
		return errClosed
	}
	line, err := json.Marshal(v)
	if err != nil {
		return err
	}
	line = append(line, '\n')
	if _, err := f.Write(line); err != nil {
		return fmt.Errorf("store: append %s: %w", f.Name(), err)
	}
	return nil
}

// AddCapture appends a capture record. Its body must have been Put first.
func (s *Store) AddCapture(c Capture) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return appendLine(s.captures, c)
}

// Captures calls fn for every capture record, oldest first.
func (s *Store) Captures(fn func(Capture) error) error {
	s.mu.Lock()
	data, err := os.ReadFile(filepath.Join(s.dir, capturesFile))
	s.mu.Unlock()
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	for n, line := range bytes.Split(data, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var c Capture
		if err := json.Unmarshal(line, &c); err != nil {
			return fmt.Errorf("store: %s line %d: %w", capturesFile, n+1, err)
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return nil
}

// Entry returns the manifest entry of url.
func (s *Store) Entry(url string) (Entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.entries[url]
	if !ok {
		return Entry{URL: url}, false
	}
	return *e, true
}

// Entries returns every manifest entry, sorted by URL.
func (s *Store) Entries() []Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sortedEntries()
}

// Update applies fn to the entry of url (a zero Entry with URL set if there is none)
// and appends the result to the manifest, atomically with respect to other updates.
// It returns the new entry. fn must not change the URL.
func (s *Store) Update(url string, fn func(e *Entry)) (Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := Entry{URL: url}
	if old, ok := s.entries[url]; ok {
		e = *old
	}
	fn(&e)
	e.URL = url
	if err := appendLine(s.manifest, e); err != nil {
		return Entry{}, err
	}
	s.entries[url] = &e
	s.lines++
	return e, nil
}

// MarkIndexed records that the capture sha of url was committed to the index. It does
// nothing if the entry's current capture has changed since (a newer capture still
// needs indexing).
func (s *Store) MarkIndexed(url, sha string, at time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.entries[url]
	if !ok || old.SHA256 != sha || (old.IndexedSHA256 == sha && old.UnreadableSHA256 != sha) {
		return nil
	}
	e := *old
	e.IndexedSHA256, e.Indexed = sha, at
	if e.UnreadableSHA256 == sha {
		e.UnreadableSHA256, e.Reason = "", ""
	}
	if err := appendLine(s.manifest, e); err != nil {
		return err
	}
	s.entries[url] = &e
	s.lines++
	return nil
}
