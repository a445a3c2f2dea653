package serve

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"terril/extract/read"
	"terril/index"
	"terril/pipeline"
)

// IngestOptions enables POST /api/ingest: files under Root, or crawl sources by
// name, read and indexed in the background by the pipeline terril ingest and
// terril crawl run.
type IngestOptions struct {
	// Token is the secret a request must give (Authorization: Bearer TOKEN). It
	// must not be empty.
	Token string
	// Root is the folder the paths of a request are taken in and must stay in,
	// symbolic links resolved. Empty: no file ingest.
	Root string
	// Processor reads and extracts (the one terril ingest builds).
	Processor *pipeline.Processor
	// Workers is the number of documents read in parallel (0: the CPUs).
	Workers int
	// MaxFile caps the size of a file read whole (see pipeline.FileOptions).
	MaxFile int64
	// Crawl, when set, prepares the crawl of the named sources; without it, a
	// request naming sources is refused.
	Crawl func(names []string) (*Crawl, error)
}

// Crawl is a prepared crawl: the crawler, the producer of its sources and what to
// close when it is over (the capture store).
type Crawl struct {
	Crawler *pipeline.Crawler
	Produce func(context.Context, chan<- pipeline.Input) error
	Close   func() error
}

// Ingester runs ingest jobs into one index, one at a time, while the server
// keeps answering searches on it.
type Ingester struct {
	ctx  context.Context
	ix   *index.Index
	opts IngestOptions
	root string // Root, absolute, symbolic links resolved

	mu      sync.Mutex
	jobs    map[string]*job
	order   []string // job IDs, oldest first
	running *job
	next    int
	wg      sync.WaitGroup
}

// keptJobs is how many finished jobs /api/jobs remembers.
const keptJobs = 100

// NewIngester returns the ingester of ix; its jobs stop when ctx is done. Wait
// for them (Wait) before closing ix.
func NewIngester(ctx context.Context, ix *index.Index, o IngestOptions) (*Ingester, error) {
	if o.Token == "" {
		return nil, errors.New("serve: ingest needs a token")
	}
	ing := &Ingester{ctx: ctx, ix: ix, opts: o, jobs: map[string]*job{}}
	if o.Root != "" {
		abs, err := filepath.Abs(o.Root)
		if err == nil {
			abs, err = filepath.EvalSymlinks(abs)
		}
		if err != nil {
			return nil, fmt.Errorf("serve: ingest root %s: %w", o.Root, err)
		}
		ing.root = abs
	}
	return ing, nil
}

// Wait waits for the running job to end (they end when the context given to
// NewIngester is done).
func (ing *Ingester) Wait() { ing.wg.Wait() }

// Job is one ingest, as GET /api/jobs/{id} shows it.
type Job struct {
	ID      string    `json:"id"`
	State   string    `json:"state"` // running, done, failed (the run stopped), cancelled
	Paths   []string  `json:"paths,omitempty"`
	Sources []string  `json:"sources,omitempty"`
	Started time.Time `json:"started"`
	Ended   time.Time `json:"ended,omitzero"`
	// Counts: read and extracted, failed, skipped on purpose, committed to the index.
	Read    int `json:"read"`
	Failed  int `json:"failed"`
	Skipped int `json:"skipped"`
	Indexed int `json:"indexed"`
	// Errors are the files (or URLs) that failed, with the reason.
	Errors []pipeline.Failure `json:"errors"`
	// SkippedFiles are the first files skipped, with the reason.
	SkippedFiles []pipeline.Failure `json:"skipped_files,omitempty"`
	// Crawl holds the summary of each source of a crawl.
	Crawl []crawlSummary `json:"crawl,omitempty"`
	// Error is why the run stopped, when it did.
	Error string `json:"error,omitempty"`
}

// job is a Job as it runs: the view, under mu, and the live counts.
type job struct {
	mu                             sync.Mutex
	Job                            // under mu
	read, failed, skipped, indexed atomic.Int64
}

type crawlSummary struct {
	Name      string `json:"name"`
	Listed    int    `json:"listed"`
	New       int    `json:"new"`
	Changed   int    `json:"changed"`
	Unchanged int    `json:"unchanged"`
	Failed    int    `json:"failed"`
	Indexed   int    `json:"indexed"`
	Error     string `json:"error,omitempty"`
}

// Total and Done make a Job the pipeline's Progress: its counts move as the run goes.
func (j *job) Total(int) {}

func (j *job) Done(_ string, _ int64, err error) {
	switch {
	case err == nil:
		j.indexed.Add(1)
	case pipeline.IsSkip(err):
		j.skipped.Add(1)
	default:
		j.failed.Add(1)
	}
}

func (j *job) fail(f pipeline.Failure) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if len(j.Errors) < maxJobErrors {
		j.Errors = append(j.Errors, f)
	}
}

// counting returns a copy of p whose reader counts the documents it read, for
// the job's live count (the pipeline tells of a document once committed only).
func (j *job) counting(p *pipeline.Processor) *pipeline.Processor {
	c := pipeline.Processor{}
	if p != nil {
		c = *p
	}
	next := c.Read
	if next == nil {
		next = pipeline.DefaultRead
	}
	c.Read = func(ctx context.Context, name, ct string, data []byte) (*read.Result, error) {
		res, err := next(ctx, name, ct, data)
		if err == nil {
			j.read.Add(1)
		}
		return res, err
	}
	return &c
}

// maxJobErrors bounds the failures a job keeps (the counts go on).
const maxJobErrors = 1000

// snapshot is a copy of j for encoding, with the live counts.
func (j *job) snapshot() Job {
	j.mu.Lock()
	defer j.mu.Unlock()
	s := j.Job
	s.Errors = append([]pipeline.Failure{}, j.Errors...)
	if j.State == "running" {
		s.Read, s.Indexed = int(j.read.Load()), int(j.indexed.Load())
		s.Failed, s.Skipped = int(j.failed.Load()), int(j.skipped.Load())
	}
	return s
}

// ingestRequest is the body of POST /api/ingest.
type ingestRequest struct {
	Paths   []string `json:"paths"`   // files or folders, relative to the ingest root (or absolute inside it)
	Source  string   `json:"source"`  // source name recorded on the documents of paths (default "local")
	Sources []string `json:"sources"` // crawl sources, by name
}

// errConflict is a job asked for while another runs.
type errConflict struct{ running string }

func (e errConflict) Error() string {
	return "une ingestion est déjà en cours (" + e.running + ") : attendre sa fin"
}

func (s *server) apiIngest(w http.ResponseWriter, r *http.Request) {
	ing, ok := s.authorize(w, r)
	if !ok {
		return
	}
	var req ingestRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.jsonError(w, badRequest{"corps JSON invalide : " + err.Error()})
		return
	}
	job, err := ing.start(req)
	var conflict errConflict
	switch {
	case errors.As(err, &conflict):
		writeJSON(w, http.StatusConflict, apiError{Error: err.Error()})
		return
	case err != nil:
		s.jsonError(w, err)
		return
	}
	w.Header().Set("Location", "/api/jobs/"+job.ID)
	writeJSON(w, http.StatusAccepted, job.snapshot())
}

func (s *server) apiJob(w http.ResponseWriter, r *http.Request) {
	ing, ok := s.authorize(w, r)
	if !ok {
		return
	}
	ing.mu.Lock()
	j := ing.jobs[r.PathValue("id")]
	ing.mu.Unlock()
	if j == nil {
		writeJSON(w, http.StatusNotFound, apiError{Error: "tâche introuvable"})
		return
	}
	writeJSON(w, http.StatusOK, j.snapshot())
}

func (s *server) apiJobs(w http.ResponseWriter, r *http.Request) {
	ing, ok := s.authorize(w, r)
	if !ok {
		return
	}
	ing.mu.Lock()
	out := make([]Job, 0, len(ing.order))
	for i := len(ing.order) - 1; i >= 0; i-- {
		out = append(out, ing.jobs[ing.order[i]].snapshot())
	}
	ing.mu.Unlock()
	writeJSON(w, http.StatusOK, struct {
		Jobs []Job `json:"jobs"`
	}{out})
}

// authorize answers the request itself unless ingestion is enabled and the
// request gives the token.
func (s *server) authorize(w http.ResponseWriter, r *http.Request) (*Ingester, bool) {
	ing := s.opts.Ingest
	if ing == nil {
		writeJSON(w, http.StatusForbidden, apiError{Error: "ingestion désactivée : lancer terril serve avec --allow-ingest"})
		return nil, false
	}
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || tok == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="terril"`)
		writeJSON(w, http.StatusUnauthorized, apiError{Error: "jeton requis : en-tête Authorization: Bearer JETON"})
		return nil, false
	}
	if subtle.ConstantTimeCompare([]byte(tok), []byte(ing.opts.Token)) != 1 {
		writeJSON(w, http.StatusForbidden, apiError{Error: "jeton refusé"})
		return nil, false
	}
	return ing, true
}

// start checks a request and starts its job.
func (ing *Ingester) start(req ingestRequest) (*job, error) {
	if (len(req.Paths) == 0) == (len(req.Sources) == 0) {
		return nil, badRequest{"donner soit paths (fichiers ou dossiers), soit sources (sources à moissonner)"}
	}
	source := req.Source
	if source == "" {
		source = "local"
	}
	if len(source) > 100 || strings.ContainsAny(source, "\x00\r\n") {
		return nil, badRequest{"nom de source invalide"}
	}
	var paths []string
	for _, p := range req.Paths {
		abs, err := ing.resolve(p)
		if err != nil {
			return nil, err
		}
		paths = append(paths, abs)
	}
	if len(req.Sources) > 0 && ing.opts.Crawl == nil {
		return nil, badRequest{"moissonnage non configuré : lancer terril serve avec --sources FICHIER ou --contact"}
	}
	ing.mu.Lock()
	defer ing.mu.Unlock()
	if ing.running != nil {
		return nil, errConflict{ing.running.ID}
	}
	var crawl *Crawl
	if len(req.Sources) > 0 {
		var err error
		if crawl, err = ing.opts.Crawl(req.Sources); err != nil {
			return nil, badRequest{err.Error()}
		}
	}
	ing.next++
	j := &job{Job: Job{ID: strconv.Itoa(ing.next), State: "running", Paths: req.Paths, Sources: req.Sources,
		Started: time.Now().UTC(), Errors: []pipeline.Failure{}}}
	ing.jobs[j.ID] = j
	ing.order = append(ing.order, j.ID)
	if len(ing.order) > keptJobs {
		delete(ing.jobs, ing.order[0])
		ing.order = ing.order[1:]
	}
	ing.running = j
	ing.wg.Add(1)
	go ing.run(j, paths, source, crawl)
	return j, nil
}

// resolve returns the path a request names, refusing one outside the root.
func (ing *Ingester) resolve(p string) (string, error) {
	if ing.root == "" {
		return "", badRequest{"ingestion de fichiers non configurée : lancer terril serve avec --ingest-root DOSSIER"}
	}
	if p == "" || strings.ContainsRune(p, 0) {
		return "", badRequest{"chemin vide ou invalide"}
	}
	full := p
	if !filepath.IsAbs(p) {
		full = filepath.Join(ing.root, p)
	}
	full = filepath.Clean(full)
	real, err := filepath.EvalSymlinks(full)
	if errors.Is(err, os.ErrNotExist) {
		return "", badRequest{fmt.Sprintf("%s : introuvable dans le dossier d'ingestion", p)}
	}
	if err != nil || !ing.inside(real) {
		return "", badRequest{fmt.Sprintf("%s : hors du dossier d'ingestion (--ingest-root)", p)}
	}
	return full, nil
}

// inside reports whether the resolved path real is the root or under it.
func (ing *Ingester) inside(real string) bool {
	rel, err := filepath.Rel(ing.root, real)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// confined passes on what produce sends, turning a file whose resolved path
// leaves the root (a symbolic link inside a folder) into a failure: its bytes,
// read by the producer, are dropped before extraction.
func (ing *Ingester) confined(produce func(context.Context, chan<- pipeline.Input) error) func(context.Context, chan<- pipeline.Input) error {
	return func(ctx context.Context, out chan<- pipeline.Input) error {
		in := make(chan pipeline.Input)
		errc := make(chan error, 1)
		pctx, cancel := context.WithCancel(ctx)
		defer cancel()
		go func() {
			defer close(in)
			errc <- produce(pctx, in)
		}()
		for x := range in {
			if x.Err == nil {
				if real, err := filepath.EvalSymlinks(x.URL); err != nil || !ing.inside(real) {
					x.Data, x.Err = nil, fmt.Errorf("%s: outside the ingest root", x.URL)
				}
			}
			if err := pipeline.Send(ctx, out, x); err != nil {
				cancel()
				for range in {
				}
				return err
			}
		}
		return <-errc
	}
}

// run runs a job to its end.
func (ing *Ingester) run(j *job, paths []string, source string, crawl *Crawl) {
	defer ing.wg.Done()
	proc := j.counting(ing.opts.Processor)
	cfg := pipeline.Config{Processor: proc, Sink: ing.ix, Workers: ing.opts.Workers, Progress: j, Failed: j.fail}
	var produce func(context.Context, chan<- pipeline.Input) error
	if crawl != nil {
		produce = crawl.Produce
		cfg.Indexed, cfg.Failed = crawl.Crawler.Indexed, func(f pipeline.Failure) { crawl.Crawler.Failed(f); j.fail(f) }
	} else {
		textCap := 0
		if proc != nil {
			textCap = proc.MaxText
		}
		produce = ing.confined(pipeline.FilesWith(paths, pipeline.FileOptions{Source: source, TextCap: textCap, MaxFile: ing.opts.MaxFile}))
	}
	stats, err := pipeline.Run(ing.ctx, cfg, produce)
	if crawl != nil && crawl.Close != nil {
		crawl.Close()
	}
	j.mu.Lock()
	j.Ended = time.Now().UTC()
	j.Read, j.Failed, j.Skipped, j.Indexed = stats.Read, stats.Failed, len(stats.Skipped), stats.Indexed
	j.SkippedFiles = stats.Skipped[:min(len(stats.Skipped), maxJobErrors)]
	switch {
	case err == nil:
		j.State = "done"
	case errors.Is(err, context.Canceled):
		j.State, j.Error = "cancelled", "arrêt du serveur"
	default:
		j.State, j.Error = "failed", err.Error()
	}
	if crawl != nil {
		for _, st := range crawl.Crawler.Stats() {
			cs := crawlSummary{Name: st.Name, Listed: st.Listed, New: st.New, Changed: st.Changed,
				Unchanged: st.Unchanged, Failed: st.Failed, Indexed: st.Indexed}
			if st.Err != nil {
				cs.Error = st.Err.Error()
			}
			j.Crawl = append(j.Crawl, cs)
		}
	}
	j.mu.Unlock()
	ing.mu.Lock()
	ing.running = nil
	ing.mu.Unlock()
}
