package serve_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"terril/index"
	"terril/serve"
)

func TestHints(t *testing.T) {
	srv := newServer(t, serve.Options{})
	resp, body := get(t, srv, "/api/search?q="+url.QueryEscape("theme:logemnt"))
	var r struct {
		Total int          `json:"total"`
		Hints []index.Hint `json:"hints"`
	}
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &r) != nil || r.Total != 0 || len(r.Hints) != 1 ||
		len(r.Hints[0].Suggestions) == 0 || r.Hints[0].Suggestions[0] != "logement" {
		t.Errorf("theme:logemnt: status %d, %s", resp.StatusCode, body)
	}
	resp, body = get(t, srv, "/?q="+url.QueryEscape("renovation ou tramway"))
	if resp.StatusCode != 200 || !strings.Contains(body, `class="hint"`) || !strings.Contains(body, "OR in capitals") {
		t.Errorf("search page without the hint on a lower-case ou: status %d", resp.StatusCode)
	}
	if _, body = get(t, srv, "/?q=renovation"); strings.Contains(body, `class="hint"`) {
		t.Errorf("a hint on a plain query")
	}
}
