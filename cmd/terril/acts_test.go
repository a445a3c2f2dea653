package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestActs(t *testing.T) {
	terril(t, true, "acts")
	plain := filepath.Join("..", "..", "extract", "testdata", "pdf", "plain.pdf")
	if _, err := os.Stat(plain); err == nil {
		terril(t, true, "acts", "--ocr-pages", "-1", plain)
	}
	f := filepath.Join("..", "..", "..", "shared", "pdfs", "pref83_raa_2025-242.pdf")
	if _, err := os.Stat(f); err != nil {
		t.Skipf("no real recueil (%v): ../shared/pdfs is absent", err)
	}
	out, _ := terril(t, false, "acts", "--ocr-pages", "-1", f)
	words := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"recueil 83-2025-242, published 2025-07-15: 17 acts", "83-2025-07-07-00016 arrete 2025-07-07 Lucien Giudicelli 73 3 arrêté composition"} {
		if !strings.Contains(words, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _ = terril(t, false, "acts", "--json", "--ocr-pages", "-1", f)
	var r struct {
		Acts []struct {
			ID        string `json:"id"`
			FirstPage int    `json:"first_page"`
		} `json:"acts"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Acts) != 17 || r.Acts[11].FirstPage != 31 {
		t.Errorf("JSON: %v, %+v", err, r.Acts)
	}
}
