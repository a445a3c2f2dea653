package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"terril/extract/geo"
	"terril/index"
	"terril/pipeline"
	"terril/pipeline/synth"
	"terril/serve"
)

// synthProducer sends the generated documents [from, to) of the bench's
// generator (seed 1, so that the same numbers give the same texts), with the IDs
// terril bench gives them.
func synthProducer(from, to, size int) func(context.Context, chan<- pipeline.Input) error {
	return func(ctx context.Context, out chan<- pipeline.Input) error {
		g, err := synth.New(1)
		if err != nil {
			return err
		}
		for i := range to {
			text := g.Next(size)
			if i < from {
				continue // the generator is sequential: skip what the index holds
			}
			in := pipeline.Input{URL: fmt.Sprintf("synth/%07d.txt", i), Data: []byte(text)}
			if err := pipeline.Send(ctx, out, in); err != nil {
				return err
			}
		}
		return nil
	}
}

// fillIndex generates documents into ix until it holds n.
func fillIndex(ctx context.Context, e *env, ix *index.Index, proc *pipeline.Processor, n, size int) error {
	have, err := ix.Count()
	if err != nil {
		return err
	}
	if int(have) >= n {
		return nil
	}
	fmt.Fprintf(e.stderr, "loadtest: generating documents %d to %d into %s\n", have, n, ix.Path())
	start := time.Now()
	stats, err := pipeline.Run(ctx, pipeline.Config{Processor: proc, Sink: ix}, synthProducer(int(have), n, size))
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "loadtest: indexed %d documents in %s\n", stats.Indexed, time.Since(start).Round(time.Second))
	return nil
}

const loadtestUsage = `
usage: terril loadtest --index DIR [--docs N] [--clients N] [--duration D] [--ingest N]

Loadtest measures terril serve under load, on loopback: it fills the index in DIR
with generated documents (those of terril bench) until it holds --docs, serves it
with ingestion allowed, starts an ingest of --ingest more generated documents
through POST /api/ingest, and runs --clients concurrent clients for --duration,
each sending in turn a search (with snippets) and a five-facet query. It prints
the p50 and p99 latencies of each kind, the requests answered, the errors, and
what the ingest did meanwhile.

Filling 100 000 documents takes minutes of CPU, once: the index is kept, and a
second run only measures.

	nice -n 10 terril loadtest --index /tmp/load --docs 100000
`

func loadtestCommand(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "loadtest", loadtestUsage)
	dir := fs.String("index", "", "index `DIR`ectory, filled and kept (required)")
	docs := fs.Int("docs", 100000, "`N` documents the index holds before the load")
	size := fs.Int("size", 3000, "approximate size of each generated document in `BYTES`")
	clients := fs.Int("clients", 32, "`N` concurrent clients")
	duration := fs.Duration("duration", 30*time.Second, "how long the clients run")
	more := fs.Int("ingest", 3000, "`N` generated documents ingested through POST /api/ingest during the load")
	workers := fs.Int("j", 1, "`N` documents read in parallel by the ingest")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the load phase to `FILE`")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		return usageError{"loadtest: --index DIR is required (it is filled and kept)"}
	}
	limitMemory()
	proc, err := newProcessor("", 0)
	if err != nil {
		return err
	}
	ix, err := index.Open(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	if g, err := geo.Default(); err == nil {
		ix.Resolver = gazetteerResolver{g}
	}
	if err := fillIndex(ctx, e, ix, proc, *docs, *size); err != nil {
		return err
	}
	if *duration <= 0 {
		return nil
	}
	root, err := os.MkdirTemp("", "terril-loadtest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(root)
	if err := writeSynth(root, *more, *size); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	return runLoad(ctx, e, ix, proc, root, loadPlan{clients: *clients, duration: *duration, workers: *workers})
}

type loadPlan struct {
	clients  int
	duration time.Duration
	workers  int
}

// writeSynth writes n generated documents into dir, other texts than those of
// the index (seed 2).
func writeSynth(dir string, n, size int) error {
	g, err := synth.New(2)
	if err != nil {
		return err
	}
	for i := range n {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("load-%05d.txt", i)), []byte(g.Next(size)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// loadQueries are the searches the clients send in turn: words, a phrase, filters.
var loadQueries = []string{"rénovation énergétique", "logement", "friche", "médiathèque", "commune:Lens",
	"\"cités minières\"", "collège dept:62", "tourisme OR culture", "montant>1000000", "date:2020", "beffroi", "santé"}

// runLoad serves ix on loopback with ingestion, starts the ingest of root, and
// runs the clients.
func runLoad(ctx context.Context, e *env, ix *index.Index, proc *pipeline.Processor, root string, plan loadPlan) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	token := newToken()
	ing, err := serve.NewIngester(ctx, ix, serve.IngestOptions{Token: token, Root: root, Processor: proc, Workers: plan.workers})
	if err != nil {
		return err
	}
	defer ing.Wait()
	addrc := make(chan string, 1)
	served := make(chan error, 1)
	go func() {
		served <- serve.ListenAndServe(ctx, "127.0.0.1:0", serve.New(ix, serve.Options{Ingest: ing}),
			func(a net.Addr) { addrc <- a.String() })
	}()
	var base string
	select {
	case a := <-addrc:
		base = "http://" + a
	case err := <-served:
		return err
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: plan.clients * 2}, Timeout: time.Minute}
	before, _ := ix.Count()
	loadBefore := loadavg()
	jobID, err := startIngest(client, base, token)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "loadtest: %d clients for %s on %s, ingest job %s running\n", plan.clients, plan.duration, base, jobID)
	lat := runClients(ctx, client, base, plan)
	job, err := getJob(client, base, token, jobID)
	if err != nil {
		return err
	}
	after, _ := ix.Count()
	w := e.stdout
	fmt.Fprintf(w, "machine: %s\nload average (1, 5, 15 min): before %s, after %s\n", machine(), loadBefore, loadavg())
	fmt.Fprintf(w, "index: %d documents at start; %d clients for %s on loopback\n", before, plan.clients, plan.duration)
	fmt.Fprintf(w, "ingest during the load (-j %d): job %s %s, %d read, %d indexed, %d failed; index holds %d documents\n\n",
		plan.workers, job.ID, job.State, job.Read, job.Indexed, job.Failed, after)
	fmt.Fprintf(w, "%-34s %9s %8s %8s %8s %7s\n", "request", "answered", "req/s", "p50 ms", "p99 ms", "errors")
	for _, k := range lat.kinds() {
		r := lat.report(k, plan.duration)
		fmt.Fprintf(w, "%-34s %9d %8.1f %8.1f %8.1f %7d\n", k, r.n, r.rate, r.p50, r.p99, r.errors)
	}
	cancel() // stops the ingest if it is still running
	return nil
}

func startIngest(client *http.Client, base, token string) (string, error) {
	req, _ := http.NewRequest("POST", base+"/api/ingest", strings.NewReader(`{"paths": ["."], "source": "loadtest"}`))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var j serve.Job
	if err := json.NewDecoder(resp.Body).Decode(&j); err != nil || resp.StatusCode != http.StatusAccepted {
		return "", fmt.Errorf("loadtest: POST /api/ingest: %s %v", resp.Status, err)
	}
	return j.ID, nil
}

func getJob(client *http.Client, base, token, id string) (serve.Job, error) {
	var j serve.Job
	req, _ := http.NewRequest("GET", base+"/api/jobs/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		return j, err
	}
	defer resp.Body.Close()
	return j, json.NewDecoder(resp.Body).Decode(&j)
}

// latencies collects the durations of the requests by kind.
type latencies struct {
	mu     sync.Mutex
	ms     map[string][]float64
	errors map[string]int
}

func (l *latencies) add(kind string, d time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !ok {
		l.errors[kind]++
		return
	}
	l.ms[kind] = append(l.ms[kind], float64(d.Microseconds())/1000)
}

func (l *latencies) kinds() []string {
	var out []string
	for k := range l.ms {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type latencyReport struct {
	n, errors      int
	rate, p50, p99 float64
}

func (l *latencies) report(kind string, d time.Duration) latencyReport {
	ms := l.ms[kind]
	sort.Float64s(ms)
	r := latencyReport{n: len(ms), errors: l.errors[kind], rate: float64(len(ms)) / d.Seconds()}
	if len(ms) > 0 {
		r.p50, r.p99 = ms[len(ms)/2], ms[min(len(ms)-1, len(ms)*99/100)]
	}
	return r
}

// runClients runs the clients until the plan's duration is over: each sends in
// turn a search (with snippets, 10 hits) and a five-facet query (/api/facets),
// over loadQueries and match-all.
func runClients(ctx context.Context, client *http.Client, base string, plan loadPlan) *latencies {
	lat := &latencies{ms: map[string][]float64{}, errors: map[string]int{}}
	deadline := time.Now().Add(plan.duration)
	var wg sync.WaitGroup
	for c := range plan.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; time.Now().Before(deadline) && ctx.Err() == nil; i++ {
				q := loadQueries[i%len(loadQueries)]
				kind, u := "search (snippets, 10 hits)", base+"/api/search?"+url.Values{"q": {q}}.Encode()
				switch i % 4 {
				case 1:
					kind, u = "5 facets", base+"/api/facets?"+url.Values{"q": {q}, "facets": {strings.Join(fiveFacets, ",")}}.Encode()
				case 3:
					kind, u = "5 facets, match all", base+"/api/facets?facets="+strings.Join(fiveFacets, ",")
				}
				start := time.Now()
				resp, err := client.Get(u)
				ok := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				lat.add(kind, time.Since(start), ok)
			}
		}()
	}
	wg.Wait()
	return lat
}

// loadavg is the first three fields of /proc/loadavg ("" elsewhere).
func loadavg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}
