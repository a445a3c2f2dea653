package fetch_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"terril/pipeline/fetch"
)

// Fetch a page from a local test server, then fetch it again with the validator of
// the capture already held: the server answers 304 and nothing is downloaded.
func ExampleClient_Get() {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /brouillons/\n")
	})
	mux.HandleFunc("/actualites/piscine.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<h1>La piscine de Lens rouvre</h1>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c, err := fetch.New(fetch.Options{Contact: "mailto:veille@example.fr", Rate: 50})
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	res, err := c.Get(ctx, fetch.Request{URL: srv.URL + "/actualites/piscine.html"})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Status, res.Header.Get("ETag"), string(res.Body))

	res, err = c.Get(ctx, fetch.Request{URL: srv.URL + "/actualites/piscine.html", ETag: res.Header.Get("ETag")})
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Status, "not modified:", res.NotModified, len(res.Body), "bytes")

	// robots.txt is honoured: the page is not asked for.
	_, err = c.Get(ctx, fetch.Request{URL: srv.URL + "/brouillons/projet.html"})
	fmt.Println("disallowed:", errors.Is(err, fetch.ErrDisallowed))
	// Output:
	// 200 "v1" <h1>La piscine de Lens rouvre</h1>
	// 304 not modified: true 0 bytes
	// disallowed: true
}
