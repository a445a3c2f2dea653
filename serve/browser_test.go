package serve_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"terril/serve"
)

var screenshots = flag.String("screenshots", "", "write the browser test's screenshots as PNGs into `DIR`")

// chromium is where Debian's chromium package puts the browser (.ci/setup installs it).
const chromium = "/usr/bin/chromium"

// newBrowser returns a headless Chromium context of the given window size, or skips.
func newBrowser(t *testing.T, width, height int) context.Context {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no %s (apt-get install chromium, or run .ci/setup): browser tests skipped", chromium)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(width, height), chromedp.Flag("lang", "fr-FR"))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	// A script the page runs by accident would open a dialog (and block the page
	// until the timeout): say so.
	if err := chromedp.Listen(ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			t.Errorf("the page ran a script: dialog %q", d.Message)
		}
	}); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if *screenshots == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err = os.WriteFile(filepath.Join(*screenshots, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowser types a query, clicks a facet and opens a document in headless
// Chromium, and checks that the hostile document's payload is text.
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t, 1280, 900)
	srv := newServer(t, serve.Options{})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel chromedp.CSS) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(sel))
		must(err)
		return s
	}
	count := func(expr string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
		must(err)
		return n
	}

	// Type a query.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "rénovation"),
		chromedp.Click(chromedp.CSS("form.search button")),
	))
	must(waitPage(ctx, "q=r%C3%A9novation", "ol.hits"))
	if h := text("#titre-resultats"); !strings.Contains(h, "6 documents") {
		t.Errorf("after typing the query: %q", h)
	}
	if n := count(`document.querySelectorAll('svg.chart[role="img"]').length`); n != 3 {
		t.Errorf("search page: %d charts and maps, want 3 (years, themes, départements)", n)
	}
	shot(t, ctx, "serve-search.png")

	// A département of the map is a link the keyboard reaches and follows.
	must(chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS(`#vue-ensemble ~ figure.map svg a[href*="dept=59"]`)),
		chromedp.KeyEvent("\r"),
	))
	must(waitPage(ctx, "dept=59", ".filters"))
	if h := text("#titre-resultats"); !strings.Contains(h, "4 documents") {
		t.Errorf("after following Nord on the map: %q", h)
	}
	must(chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/?q=r%C3%A9novation"), chromedp.WaitVisible(chromedp.CSS("ol.hits"))))

	// Click a facet.
	must(chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.facets a[href*="commune=59178"]`))))
	must(waitPage(ctx, "commune=59178", ".filters"))
	if h := text("#titre-resultats"); !strings.Contains(h, "3 documents") {
		t.Errorf("after clicking the Douai facet: %q", h)
	}

	// Download the CSV of the filtered results.
	dl := t.TempDir()
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior,
		browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dl})
	must(err)
	must(chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.exports a[href*="format=csv"]`))))
	rows := waitCSV(t, filepath.Join(dl, "terril-export.csv"))
	if len(rows) != 4 || rows[0][0] != "id" {
		t.Errorf("downloaded CSV: %d rows (want a header and 3): %v", len(rows), rows)
	}

	// Open a document.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?q=tramway"),
		chromedp.WaitVisible(chromedp.CSS(".hit h2 a")),
		chromedp.Click(chromedp.CSS(".hit h2 a")),
	))
	must(waitPage(ctx, "/doc/", "article h1"))
	if title := text("article h1"); title != "Le tramway de Valenciennes prolongé" {
		t.Errorf("document page title %q", title)
	}
	if n := count(`document.querySelectorAll('.passages mark').length`); n == 0 {
		t.Errorf("document page: no highlighted passage")
	}
	// The commune is highlighted in the text, its INSEE code in the mark's title.
	mark, err := chromedp.Run(ctx, chromedp.Evaluate[struct{ Text, Title string }](`(() => {
		const m = document.querySelector('.text mark.f-commune');
		return m ? {text: m.textContent, title: m.title} : {}; })()`))
	must(err)
	if mark.Text != "Valenciennes" || !strings.Contains(mark.Title, "59606") {
		t.Errorf("highlighted commune in the text: %+v, want Valenciennes with its code 59606 in the title", mark)
	}
	if n := count(`document.querySelectorAll('.text mark.f-amount[title*="8\u202f000\u202f000"]').length`); n != 1 {
		t.Errorf("highlighted amount with its value in the title: %d, want 1", n)
	}
	shot(t, ctx, "serve-document.png")

	// The hostile document's payload is text.
	must(chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?q=beffroi"),
		chromedp.WaitVisible(chromedp.CSS("ol.hits")),
		chromedp.Sleep(200*time.Millisecond), // time for an injected handler to fire
	))
	if title := text(".hit h2 a"); !strings.Contains(title, "<script>alert(1)</script>") || !strings.Contains(title, "<img src=x") {
		t.Errorf("hostile title shown as %q", title)
	}
	if n := count(`document.querySelectorAll('script, img, [onerror]').length`); n != 0 {
		t.Errorf("hostile document: %d script or img elements in the page", n)
	}
	must(chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/doc/piege"), chromedp.WaitVisible(chromedp.CSS("article h1"))))
	if title := text("article h1"); !strings.Contains(title, "<script>alert(1)</script>") {
		t.Errorf("hostile document page title shown as %q", title)
	}
	if n := count(`document.querySelectorAll('script, img, [onerror]').length`); n != 0 {
		t.Errorf("hostile document page: %d script or img elements", n)
	}
}

// waitPage waits for the page a click led to: its URL holds want and it has
// loaded, then sel is visible. Queries sent while the old page is being replaced
// fail ("Cannot find context with specified id"): they are retried.
func waitPage(ctx context.Context, want, sel string) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err == nil && strings.Contains(loc, want) {
			state, err2 := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState`))
			if err2 == nil && state == "complete" {
				return chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel)))
			}
			err = err2
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no page with %q loaded (last at %q): %v", want, loc, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitCSV reads the CSV file a download writes, once it is complete.
func waitCSV(t *testing.T, path string) [][]string {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("downloaded CSV: %v", err)
		}
		return rows
	}
	t.Fatalf("no download at %s", path)
	return nil
}

// TestBrowserPhone checks the search page on a phone-sized window: nothing wider
// than the screen.
func TestBrowserPhone(t *testing.T) {
	ctx := newBrowser(t, 390, 844)
	srv := newServer(t, serve.Options{})
	err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?q=renovation"),
		chromedp.WaitVisible(chromedp.CSS("ol.hits")),
	)
	if err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("the page is wider than a %d px window", 390)
	}
	shot(t, ctx, "serve-phone.png")
}
