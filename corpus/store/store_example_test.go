package store_test

import (
	"fmt"
	"net/http"
	"os"
	"time"

	"terril/corpus/store"
)

// A fetched response is kept in two steps: its body is Put (content-addressed by its
// sha256), then a capture line refers to it; the URL's manifest entry records the
// current capture. A later run opens the same directory and reads everything back.
func Example() {
	dir, err := os.MkdirTemp("", "store-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)

	const url = "https://www.example.fr/actualites/conseil-communautaire.html"
	body := []byte("<h1>Conseil communautaire du 12 mars 2024</h1>")
	at := time.Date(2024, 3, 13, 9, 30, 0, 0, time.UTC)

	s, err := store.Open(dir)
	if err != nil {
		panic(err)
	}
	sha, err := s.Put(body)
	if err != nil {
		panic(err)
	}
	err = s.AddCapture(store.Capture{URL: url, Time: at, Status: http.StatusOK,
		Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}},
		SHA256: sha, Size: int64(len(body))})
	if err != nil {
		panic(err)
	}
	_, err = s.Update(url, func(e *store.Entry) {
		e.Document, e.State, e.SHA256, e.Fetched = true, store.New, sha, at
		e.ContentType = "text/html; charset=utf-8"
	})
	if err != nil {
		panic(err)
	}
	if err := s.Close(); err != nil {
		panic(err)
	}

	// The next run.
	s, err = store.Open(dir)
	if err != nil {
		panic(err)
	}
	defer s.Close()
	err = s.Captures(func(c store.Capture) error {
		fmt.Println("capture:", c.Status, c.URL, c.Size, "bytes")
		return nil
	})
	if err != nil {
		panic(err)
	}
	e, ok := s.Entry(url)
	fmt.Println("entry:", ok, e.State, e.ContentType, "needs indexing:", e.NeedsIndexing())
	b, err := s.Get(e.SHA256)
	if err != nil {
		panic(err)
	}
	fmt.Println("body:", string(b))
	// Output:
	// capture: 200 https://www.example.fr/actualites/conseil-communautaire.html 46 bytes
	// entry: true new text/html; charset=utf-8 needs indexing: true
	// body: <h1>Conseil communautaire du 12 mars 2024</h1>
}
