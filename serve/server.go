package serve

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net"
	"net/http"
	"time"

	"terril/index"
)

//go:embed assets templates
var files embed.FS

// Options tunes a server; the zero value is usable.
type Options struct {
	// MaxPage is the largest n a search page may ask for (default 100).
	MaxPage int
	// MaxOffset is the deepest offset a search page may ask for (default 10 000):
	// deep pages cost the index as much as all the pages before them; exports have no
	// such limit.
	MaxOffset int
	// ExportBatch is how many hits an export reads from the index at a time
	// (default 500).
	ExportBatch int
	// SearchTimeout bounds one search, facets or sums request (default 30 s).
	SearchTimeout time.Duration
	// Ingest, when set, enables POST /api/ingest and GET /api/jobs: without it
	// they answer 403 and say how to enable them.
	Ingest *Ingester
	// Logger receives the errors the index answers with (default: log.Default()).
	Logger *log.Logger
}

func (o *Options) defaults() {
	if o.MaxPage <= 0 {
		o.MaxPage = 100
	}
	if o.MaxOffset <= 0 {
		o.MaxOffset = 10000
	}
	if o.ExportBatch <= 0 {
		o.ExportBatch = 500
	}
	if o.SearchTimeout <= 0 {
		o.SearchTimeout = 30 * time.Second
	}
	if o.Logger == nil {
		o.Logger = log.Default()
	}
}

// server holds what the handlers share.
type server struct {
	ix   *index.Index
	opts Options
	tmpl *template.Template
}

// maxBody bounds request bodies: only POST /api/ingest has one, a short JSON.
const maxBody = 64 << 10

// New returns the handler of the API and the UI over ix. The caller keeps ownership
// of ix and closes it after the server has stopped.
func New(ix *index.Index, opts Options) http.Handler {
	opts.defaults()
	s := &server{ix: ix, opts: opts, tmpl: parseTemplates()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", s.apiSearch)
	mux.HandleFunc("GET /api/facets", s.apiFacets)
	mux.HandleFunc("GET /api/sums", s.apiSums)
	mux.HandleFunc("GET /api/documents/{id...}", s.apiDocument)
	mux.HandleFunc("GET /api/export", s.apiExport)
	mux.HandleFunc("POST /api/ingest", s.apiIngest)
	mux.HandleFunc("GET /api/jobs", s.apiJobs)
	mux.HandleFunc("GET /api/jobs/{id}", s.apiJob)
	mux.HandleFunc("GET /api/openapi.json", s.static("assets/openapi.json", "application/json"))
	mux.HandleFunc("GET /static/style.css", s.static("assets/style.css", "text/css; charset=utf-8"))
	mux.HandleFunc("GET /{$}", s.uiSearch)
	mux.HandleFunc("GET /doc/{id...}", s.uiDocument)
	return secure(mux)
}

// csp allows this origin's stylesheet and images only: no script at all, no inline
// style, no frame, no form posting elsewhere.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// secure sets the security headers of every response and bounds request bodies.
func secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		h.ServeHTTP(w, r)
	})
}

func (s *server) static(name, ctype string) http.HandlerFunc {
	data, err := files.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("serve: embedded %s: %v", name, err)) // a build mistake
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("Cache-Control", "public, max-age=3600")
		w.Write(data)
	}
}

// apiError is the JSON body of every error answer.
type apiError struct {
	Error string `json:"error"`
}

// badRequest is a mistake of the client: a query the parser rejects, a bad
// parameter. Its message is shown as is.
type badRequest struct{ msg string }

func (b badRequest) Error() string { return b.msg }

// status maps an error to the HTTP status and the message the client may see.
func (s *server) status(err error) (int, string) {
	var qe *index.QueryError
	var br badRequest
	switch {
	case errors.As(err, &qe):
		return http.StatusBadRequest, qe.Error()
	case errors.As(err, &br):
		return http.StatusBadRequest, br.msg
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "la recherche a pris trop de temps"
	case errors.Is(err, context.Canceled):
		return 499, "requête annulée"
	}
	s.opts.Logger.Printf("serve: %v", err)
	return http.StatusInternalServerError, "erreur interne de l'index"
}

func (s *server) jsonError(w http.ResponseWriter, err error) {
	code, msg := s.status(err)
	writeJSON(w, code, apiError{Error: msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // a browser opening the JSON directly sees no markup
	enc.Encode(v)
}

// Timeouts of the HTTP server. Exports stream for longer: their handler pushes the
// write deadline forward at every batch.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 10 * time.Second
)

// ListenAndServe serves h on addr until ctx is done, then shuts down gracefully,
// letting requests in flight finish for a few seconds. ready, when not nil, is called
// with the address actually bound (useful with port 0).
func ListenAndServe(ctx context.Context, addr string, h http.Handler, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve: listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    32 << 10,
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}
