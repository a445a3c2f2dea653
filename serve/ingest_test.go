package serve_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"terril/extract/read"
	"terril/index"
	"terril/pipeline"
	"terril/serve"
)

const testToken = "s3cret-jeton-de-test"

// ingestServer serves a test index with ingestion under root; proc reads the files.
func ingestServer(t *testing.T, root string, proc *pipeline.Processor) *httptest.Server {
	t.Helper()
	ix, err := index.Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Index(testDocs()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ing, err := serve.NewIngester(ctx, ix, serve.IngestOptions{Token: testToken, Root: root, Processor: proc, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(serve.New(ix, serve.Options{Ingest: ing}))
	t.Cleanup(func() { srv.Close(); cancel(); ing.Wait(); ix.Close() })
	return srv
}

func post(t *testing.T, srv *httptest.Server, token, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+"/api/ingest", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func jobOf(t *testing.T, srv *httptest.Server, id string) serve.Job {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.URL+"/api/jobs/"+id, nil)
	req.Header.Set("Authorization", "Bearer "+testToken)
	code, body := do(t, req)
	if code != 200 {
		t.Fatalf("job %s: %d %s", id, code, body)
	}
	var j serve.Job
	if err := json.Unmarshal([]byte(body), &j); err != nil {
		t.Fatal(err)
	}
	return j
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestIngestRunsWhileSearchesAnswer(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"conseil/arras-piscine.txt": "Piscine d'Arras\n\nLa ville d'Arras reconstruit sa piscine olympique.",
		"conseil/lens-stade.txt":    "Stade de Lens\n\nLe stade Bollaert-Delelis accueille une tribune nouvelle.",
		"conseil/image.png":         "\x89PNG",
	})
	// The reader waits for the test: the job is held running while searches go.
	release := make(chan struct{})
	proc := &pipeline.Processor{Read: func(ctx context.Context, name, ct string, data []byte) (*read.Result, error) {
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return read.Read(name, ct, data)
	}}
	srv := ingestServer(t, root, proc)
	code, body := post(t, srv, testToken, `{"paths": ["conseil"], "source": "mairie"}`)
	if code != http.StatusAccepted {
		t.Fatalf("POST /api/ingest: %d %s", code, body)
	}
	var j serve.Job
	if err := json.Unmarshal([]byte(body), &j); err != nil || j.ID == "" || j.State != "running" {
		t.Fatalf("job %+v (%v) from %s", j, err, body)
	}
	// A search answers while the job holds the index's writer.
	if r := search(t, srv, "q=rénovation"); r.Total == 0 {
		t.Errorf("search during the ingest found nothing")
	}
	if got := jobOf(t, srv, j.ID); got.State != "running" {
		t.Errorf("job during the search: %+v, want running", got)
	}
	if code, body := post(t, srv, testToken, `{"paths": ["conseil"]}`); code != http.StatusConflict {
		t.Errorf("second job while one runs: %d %s, want 409", code, body)
	}
	close(release)
	deadline := time.Now().Add(30 * time.Second)
	for j = jobOf(t, srv, j.ID); j.State == "running" && time.Now().Before(deadline); j = jobOf(t, srv, j.ID) {
		time.Sleep(20 * time.Millisecond)
	}
	if j.State != "done" || j.Read != 2 || j.Indexed != 2 || j.Skipped != 1 || j.Failed != 0 || j.Ended.IsZero() {
		t.Fatalf("job at its end: %+v", j)
	}
	r := search(t, srv, "q=piscine+olympique&source=mairie")
	if r.Total != 1 || r.Hits[0].ID != "arras-piscine.txt" {
		t.Errorf("the ingested file: %+v", r)
	}
}

func TestIngestFailuresByFile(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"a.txt": "Un texte lisible.", "b.pdf": "%PDF-1.4 tronqué"})
	srv := ingestServer(t, root, &pipeline.Processor{})
	code, body := post(t, srv, testToken, `{"paths": ["a.txt", "b.pdf"]}`)
	if code != http.StatusAccepted {
		t.Fatalf("%d %s", code, body)
	}
	var j serve.Job
	json.Unmarshal([]byte(body), &j)
	deadline := time.Now().Add(30 * time.Second)
	for j = jobOf(t, srv, j.ID); j.State == "running" && time.Now().Before(deadline); j = jobOf(t, srv, j.ID) {
		time.Sleep(20 * time.Millisecond)
	}
	if j.State != "done" || j.Read != 1 || j.Failed != 1 || len(j.Errors) != 1 || !strings.HasSuffix(j.Errors[0].URL, "b.pdf") {
		t.Errorf("job %+v: want b.pdf failed by name, a.txt read", j)
	}
}

func TestIngestRefusals(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	writeFiles(t, root, map[string]string{"ok.txt": "texte"})
	writeFiles(t, outside, map[string]string{"secret.txt": "hors du dossier"})
	if err := os.Symlink(outside, filepath.Join(root, "lien")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(root, "fuite.txt")); err != nil {
		t.Fatal(err)
	}
	srv := ingestServer(t, root, &pipeline.Processor{})
	for _, c := range []struct {
		name, token, body string
		code              int
		msg               string
	}{
		{"no token", "", `{"paths": ["ok.txt"]}`, 401, "jeton requis"},
		{"bad token", "s3cret-jeton-de-tesT", `{"paths": ["ok.txt"]}`, 403, "jeton refusé"},
		{"short token", "s3cret", `{"paths": ["ok.txt"]}`, 403, "jeton refusé"},
		{"parent", testToken, `{"paths": ["../x"]}`, 400, ""},
		{"absolute outside", testToken, `{"paths": ["` + filepath.Join(outside, "secret.txt") + `"]}`, 400, "hors du dossier"},
		{"dot-dot outside", testToken, `{"paths": ["ok.txt/../../` + filepath.Base(outside) + `"]}`, 400, ""},
		{"symlink outside", testToken, `{"paths": ["lien/secret.txt"]}`, 400, "hors du dossier"},
		{"nothing", testToken, `{}`, 400, "paths"},
		{"unknown field", testToken, `{"path": "ok.txt"}`, 400, "JSON"},
		{"crawl not set", testToken, `{"sources": ["prefecture-nord"]}`, 400, "moissonnage"},
	} {
		code, body := post(t, srv, c.token, c.body)
		if code != c.code || !strings.Contains(body, c.msg) {
			t.Errorf("%s: %d %s, want %d with %q", c.name, code, body, c.code, c.msg)
		}
	}
	// Progress needs the token too.
	if code, _ := do(t, mustReq(t, "GET", srv.URL+"/api/jobs/1")); code != 401 {
		t.Errorf("GET /api/jobs/1 without a token: %d, want 401", code)
	}
	// A folder holding a link out of the root: the link's file is not read.
	code, body := post(t, srv, testToken, `{"paths": ["."]}`)
	if code != http.StatusAccepted {
		t.Fatalf("%d %s", code, body)
	}
	var j serve.Job
	json.Unmarshal([]byte(body), &j)
	deadline := time.Now().Add(30 * time.Second)
	for j = jobOf(t, srv, j.ID); j.State == "running" && time.Now().Before(deadline); j = jobOf(t, srv, j.ID) {
		time.Sleep(20 * time.Millisecond)
	}
	if r := search(t, srv, "q=dossier"); r.Total != 0 {
		t.Errorf("a file outside the root was indexed: %+v", r.Hits)
	}
	if j.Failed != 1 || len(j.Errors) != 1 || !strings.Contains(j.Errors[0].Reason, "outside the ingest root") {
		t.Errorf("the link out of the root: %+v, want one failure saying so", j)
	}
}

func mustReq(t *testing.T, method, url string) *http.Request {
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

func TestIngestDisabled(t *testing.T) {
	srv := newServer(t, serve.Options{})
	req, _ := http.NewRequest("POST", srv.URL+"/api/ingest", strings.NewReader(`{"paths": ["x"]}`))
	req.Header.Set("Authorization", "Bearer x")
	code, body := do(t, req)
	if code != 403 || !strings.Contains(body, "--allow-ingest") {
		t.Errorf("ingest when disabled: %d %s, want 403 naming --allow-ingest", code, body)
	}
	if code, _ := do(t, mustReq(t, "GET", srv.URL+"/api/jobs/1")); code != 403 {
		t.Errorf("jobs when disabled: %d, want 403", code)
	}
}
