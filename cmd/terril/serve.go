package main

import (
	"context"
	"fmt"
	"net"

	"terril/serve"
)

const serveUsage = `
usage: terril serve [--index DIR] [--addr HOST:PORT]

Serve answers searches over the index in a web browser and as a JSON API, until
interrupted (Ctrl-C or SIGTERM), then lets the requests in flight finish.

	/                      the search page (French), with facets and paging
	/doc/ID                a document's page
	/api/search?q=…        hits, total and facets as JSON (the filters of terril search)
	/api/documents/ID      one document
	/api/facets, /api/sums counts and sums as terril facets gives them
	/api/export?q=…&format=csv|jsonl   every matching hit, streamed
	/api/openapi.json      the description of the API

It binds the loopback address by default: give --addr 0.0.0.0:8080 to open it to
the network, knowing that it has no authentication.

	terril serve --index ~/corpus/index
	curl 'http://127.0.0.1:8080/api/search?q=renovation&commune=Lens&facets=theme'
`

func serveCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", serveUsage)
	dir := indexFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments (got %q)", rest[0])}
	}
	ix, err := openSearchIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	h := serve.New(ix, serve.Options{})
	return serve.ListenAndServe(ctx, *addr, h, func(a net.Addr) {
		fmt.Fprintf(e.stderr, "terril: serving %s on http://%s/\n", *dir, a)
		if ta, ok := a.(*net.TCPAddr); ok && !ta.IP.IsLoopback() {
			fmt.Fprintln(e.stderr, "terril: warning: listening beyond this machine, with no authentication")
		}
	})
}
