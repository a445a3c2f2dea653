package gold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"terril/corpus"
)

// A Record is one document's JSON object, decoded generically (numbers as
// json.Number) so that any extractor's output is scored as score.py would.
type Record map[string]any

// ID returns the record's id, or "" when it has none.
func (r Record) ID() string {
	id, _ := r["id"].(string)
	return id
}

// A Set holds the records of a gold or prediction file by id, in the order the ids
// first appear. A later record with the same id replaces the earlier one, as in
// score.py.
type Set struct {
	IDs  []string
	Docs map[string]Record
}

// NewSet returns an empty Set.
func NewSet() *Set { return &Set{Docs: map[string]Record{}} }

// Add adds a record under its id.
func (s *Set) Add(r Record) {
	id := r.ID()
	if _, ok := s.Docs[id]; !ok {
		s.IDs = append(s.IDs, id)
	}
	s.Docs[id] = r
}

// Len returns the number of documents.
func (s *Set) Len() int { return len(s.IDs) }

// Load reads a JSON Lines file of records (gold or predictions).
func Load(path string) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// Read reads JSON Lines records from r; name prefixes error messages, which have
// the form "name:line: reason". Lines are split like Python's text files (\n, \r\n
// or \r) and blank lines are skipped. Every record must be an object with a string
// id whose fields score.py can read; a field of the wrong shape is an error here
// rather than a crash or a silent miscount there.
func Read(r io.Reader, name string) (*Set, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := NewSet()
	for n, line := range splitLines(data) {
		line = bytes.TrimFunc(line, isPySpace)
		if len(line) == 0 {
			continue
		}
		rec, err := decode(line)
		if err == nil {
			err = Check(rec)
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
		}
		s.Add(rec)
	}
	return s, nil
}

// splitLines splits data at \n, \r\n and \r, like Python's universal newlines.
func splitLines(data []byte) [][]byte {
	var lines [][]byte
	for len(data) > 0 {
		i := bytes.IndexAny(data, "\r\n")
		if i < 0 {
			lines = append(lines, data)
			break
		}
		lines = append(lines, data[:i])
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			i++
		}
		data = data[i+1:]
	}
	return lines
}

func decode(line []byte) (Record, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("extra data after the JSON object")
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s, not a JSON object", kindOf(v))
	}
	if _, ok := m["id"]; !ok {
		return nil, errors.New(`no "id"`)
	}
	if _, ok := m["id"].(string); !ok {
		return nil, fmt.Errorf(`"id" is %s, not a string`, kindOf(m["id"]))
	}
	return Record(m), nil
}

// Check reports the first field of r that cannot be scored: a list field holding
// something other than a list, an item that is not an object, a value of the wrong
// kind.
func Check(r Record) error {
	for _, f := range Fields {
		if _, err := keysOf(r, f); err != nil {
			return err
		}
	}
	if _, err := partiesOf(r, "signatories"); err != nil {
		return err
	}
	if _, err := fundingsOf(r); err != nil {
		return err
	}
	_, err := rolesOf(r)
	return err
}

// FromDocument turns an extracted document into the record it would be in
// `terril extract` output.
func FromDocument(d *corpus.Document) (Record, error) {
	data, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.ID, err)
	}
	rec, err := decode(data)
	if err == nil {
		err = Check(rec)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.ID, err)
	}
	return rec, nil
}
