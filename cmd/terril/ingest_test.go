package main

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// The summary adds up: files seen = read + failed + skipped, and the skipped are
// counted by reason with their first names.
func TestIngestSummaryAddsUp(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{
		"conseil/pv.txt":            "Procès-verbal du conseil municipal de Liévin.",
		"conseil/tronque.pdf":       "%PDF-1.7 cassé",
		"conseil/plan.dwg":          "x",
		"conseil/photo.jpg":         "x",
		"brouillons/pv-v1.txt":      "Brouillon.",
		"brouillons/2021/pv-v2.txt": "Brouillon.",
		"notes.txt":                 "Note sur l'œuvre et les 5 000 € du budget.",
	})
	dir := filepath.Join(t.TempDir(), "index")
	out, _ := terril(t, true, "ingest", "-q", "--index", dir, "--exclude", "brouillons/*", src)
	for _, want := range []string{
		"7 files: read 2, failed 1, skipped 4; indexed 2",
		"skipped 2, unsupported type: ",
		"skipped 2, excluded: ",
		"failed: " + filepath.Join(src, "conseil/tronque.pdf"),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	out, _ = terril(t, false, "ingest", "-q", "-v", "--index", dir, "--include", "*.TXT", "--exclude", "brouillons", src)
	for _, want := range []string{
		"7 files: read 2, failed 0, skipped 5; indexed 2",
		"skipped: " + filepath.Join(src, "conseil/plan.dwg") + ": excluded (no --include matches)",
		"skipped: " + filepath.Join(src, "brouillons/2021/pv-v2.txt") + ": excluded (--exclude brouillons)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

func TestIngestBadPatternIsUsageError(t *testing.T) {
	_, _ = terril(t, true, "ingest", "--index", t.TempDir(), "--include", "[a-", t.TempDir())
}

// A DOCX and an ODT in a folder are read and found.
func TestIngestOfficeDocuments(t *testing.T) {
	src := t.TempDir()
	mk := func(entries ...string) string {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		for i := 0; i < len(entries); i += 2 {
			w, err := zw.Create(entries[i])
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(entries[i+1]))
		}
		zw.Close()
		return b.String()
	}
	writeTree(t, src, map[string]string{
		"conseil/pv.docx": mk("word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+
			`<w:p><w:r><w:t>Le conseil attribue une subvention de 8 000 € à l'association des œuvres laïques.</w:t></w:r></w:p></w:body></w:document>`),
		"conseil/arrete.odt": mk("mimetype", "application/vnd.oasis.opendocument.text",
			"content.xml", `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">`+
				`<office:body><office:text><text:p>Arrêté de circulation : la rue des Œillets est fermée.</text:p></office:text></office:body></office:document-content>`),
	})
	dir := filepath.Join(t.TempDir(), "index")
	out, _ := terril(t, false, "ingest", "-q", "--index", dir, src)
	if !strings.Contains(out, "2 files: read 2, failed 0, skipped 0; indexed 2") {
		t.Errorf("summary:\n%s", out)
	}
	if r := search(t, dir, "œuvres laïques"); len(r.Hits) != 1 {
		t.Errorf("the DOCX is not found: %v", ids(r))
	}
	if r := search(t, dir, "Œillets"); len(r.Hits) != 1 {
		t.Errorf("the ODT is not found: %v", ids(r))
	}
}

// With -v off a terminal, a long PDF's pages are lines, a few seconds apart and
// the last one always; a short PDF's are not shown, nor anything with -q.
func TestProgressPages(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, false)
	p.verbose = true
	for i := 1; i <= 111; i++ {
		p.page("/srv/raa/recueil.pdf", i, 111, "OCR")
	}
	p.page("court.pdf", 3, 3, "PDFium")
	if got := b.String(); got != "recueil.pdf: page 1/111 (OCR)\nrecueil.pdf: page 111/111 (OCR)\n" {
		t.Errorf("got %q", got)
	}
	b.Reset()
	q := newProgress(&b, true)
	q.verbose = true
	q.page("recueil.pdf", 111, 111, "OCR")
	p = newProgress(&b, false)
	p.page("recueil.pdf", 111, 111, "OCR")
	if b.Len() != 0 {
		t.Errorf("quiet or not verbose: %q", b.String())
	}
}
