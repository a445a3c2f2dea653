package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"

	"terril/corpus/store"
	"terril/extract/geo"
	"terril/index"
	"terril/pipeline"
	"terril/pipeline/fetch"
	"terril/serve"
)

const serveUsage = `
usage: terril serve [--index DIR] [--addr HOST:PORT]
                    [--allow-ingest [--token TOKEN] [--ingest-root DIR] [--sources FILE] [--contact EMAIL]]

Serve answers searches over the index in a web browser and as a JSON API, until
interrupted (Ctrl-C or SIGTERM), then lets the requests in flight finish.

	/                      the search page (French), with facets, charts and map
	/doc/ID                a document's page, its facts highlighted in the text
	/api/search?q=…        hits, total and facets as JSON (the filters of terril search)
	/api/documents/ID      one document, with its text and the spans of its facts
	/api/facets, /api/sums counts and sums as terril facets gives them
	/api/export?q=…&format=csv|jsonl   every matching hit, streamed
	/api/ingest, /api/jobs/ID          add files or crawl sources (--allow-ingest)
	/api/openapi.json      the description of the API

It binds the loopback address by default: give --addr 0.0.0.0:8080 to open it to
the network, knowing that searching needs no authentication.

With --allow-ingest, serve owns the index as its writer (no terril ingest may run
beside it) and adds documents while it answers searches: POST /api/ingest with
{"paths": [...]} reads files and folders under --ingest-root (paths relative to it;
a path or a link leading out of it is refused) as terril ingest would; with
{"sources": [...]} it crawls sources of --sources (or of the catalogue, with
--contact) as terril crawl would. One job runs at a time; GET /api/jobs/ID gives
its state and counts (read, failed, skipped, indexed), each failure by file, its
start and end. Both need the token: Authorization: Bearer TOKEN, the one of
--token (or $TERRIL_SERVE_TOKEN), else one generated and printed at start.

	terril serve --index ~/corpus/index
	curl 'http://127.0.0.1:8080/api/search?q=renovation&commune=Lens&facets=theme'
	terril serve --allow-ingest --ingest-root ~/corpus/files
	curl -H "Authorization: Bearer $TOKEN" -d '{"paths": ["conseil"]}' http://127.0.0.1:8080/api/ingest
`

func serveCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", serveUsage)
	dir := indexFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	allow := fs.Bool("allow-ingest", false, "enable POST /api/ingest (serve then holds the index as its writer)")
	token := fs.String("token", os.Getenv("TERRIL_SERVE_TOKEN"), "`TOKEN` ingest requests must give (default: $TERRIL_SERVE_TOKEN, else generated)")
	root := fs.String("ingest-root", "", "`DIR`ectory the files to ingest are taken in")
	wait := waitFlag(fs)
	textCap := maxTextFlag(fs)
	var specs multiFlag
	fs.Var(&specs, "sources", "sources `FILE` or catalogue:GROUP the crawl jobs take their sources in (repeatable)")
	contact := fs.String("contact", "", "contact `EMAIL` or URL for the User-Agent of crawl jobs")
	storeFlagV := storeFlag(fs)
	workers := fs.Int("j", 0, "`N` documents read in parallel by ingest jobs (default: the number of CPUs)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("serve takes no arguments (got %q)", rest[0])}
	}
	if !*allow && (*root != "" || len(specs) > 0) {
		return usageError{"serve: --ingest-root and --sources need --allow-ingest"}
	}
	var ix *index.Index
	if *allow {
		ix, err = openIndex(ctx, e, *dir, *wait, false)
		if err == nil {
			if g, gerr := geo.Default(); gerr == nil {
				ix.Resolver = gazetteerResolver{g}
			}
		}
	} else {
		ix, err = openSearchIndex(*dir)
	}
	if err != nil {
		return err
	}
	defer ix.Close()
	opts := serve.Options{}
	if *allow {
		if *token == "" {
			*token = newToken()
			fmt.Fprintf(e.stderr, "terril: ingest token (Authorization: Bearer …): %s\n", *token)
		}
		limitMemory()
		proc, err := newProcessor("", 0)
		if err != nil {
			return err
		}
		proc.MaxText = int(*textCap)
		ingOpts := serve.IngestOptions{Token: *token, Root: *root, Processor: proc, Workers: *workers}
		if len(specs) > 0 || *contact != "" {
			ingOpts.Crawl = crawlJob(specs, *contact, storeDir(e.stderr, *storeFlagV, *dir))
		}
		ing, err := serve.NewIngester(ctx, ix, ingOpts)
		if err != nil {
			return err
		}
		defer ing.Wait() // before the index closes
		opts.Ingest = ing
	}
	h := serve.New(ix, opts)
	return serve.ListenAndServe(ctx, *addr, h, func(a net.Addr) {
		fmt.Fprintf(e.stderr, "terril: serving %s on http://%s/\n", *dir, a)
		if ta, ok := a.(*net.TCPAddr); ok && !ta.IP.IsLoopback() {
			fmt.Fprintln(e.stderr, "terril: warning: listening beyond this machine; searching needs no authentication")
		}
	})
}

// newToken returns 32 random bytes in hex.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// crawlJob prepares the crawl jobs of serve: the sources named, taken in specs
// (as terril crawl's --sources) and the catalogue, into the capture store sd.
func crawlJob(specs []string, contact, sd string) func(names []string) (*serve.Crawl, error) {
	return func(names []string) (*serve.Crawl, error) {
		sf, selected, file, err := crawlPlan(specs, names, contact)
		if err != nil {
			return nil, err
		}
		srcs, err := crawlSources(selected)
		if err != nil {
			return nil, err
		}
		client, err := fetch.New(fetchOptions(sf.Fetch))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		st, err := store.Open(sd)
		if err != nil {
			return nil, err
		}
		c := &pipeline.Crawler{Client: client, Store: st}
		return &serve.Crawl{Crawler: c, Produce: c.Produce(srcs), Close: st.Close}, nil
	}
}
