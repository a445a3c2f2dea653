package extract

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"

	"terril/corpus"
)

// Result is what a reader makes of a document's bytes.
type Result struct {
	Title       string
	Text        string        // normalised (see Normalize)
	ContentType string        // the type the bytes were read as: text/plain, text/html, application/pdf
	Pages       []corpus.Page // for paged formats
	Problems    Problems      // non-fatal problems (a page not read, a charset guessed…)
}

// Read reads a document's bytes into normalised text. name is the file name or URL
// (its extension helps decide the format), contentType the HTTP Content-Type when
// known (its charset parameter is honoured for HTML and text). The format is decided
// by the bytes first (a PDF header, HTML markup), then by contentType, then by name.
//
// An error means nothing could be read from the document; it names the document.
// A panic in a reader is recovered and returned as an error.
func Read(name, contentType string, data []byte) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("read %s: reader panic: %v", name, r)
		}
	}()
	switch kind := Sniff(name, contentType, data); kind {
	case "application/pdf":
		res, err = readPDF(data)
	case "text/html":
		res, err = readHTML(data, contentType)
	case "text/plain":
		res, err = readPlain(data, contentType)
	default:
		return nil, fmt.Errorf("read %s: unsupported content type %s", name, kind)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return res, nil
}

// Sniff decides the format of a document: "application/pdf", "text/html",
// "text/plain", or another MIME type terril does not read.
func Sniff(name, contentType string, data []byte) string {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return "application/pdf"
	}
	ct, _, _ := mime.ParseMediaType(contentType)
	ext := strings.ToLower(path.Ext(strings.SplitN(name, "?", 2)[0]))
	switch {
	case ct == "application/pdf" || ext == ".pdf":
		return "application/pdf"
	case ct == "text/html" || ct == "application/xhtml+xml" || ext == ".html" || ext == ".htm" || ext == ".xhtml":
		return "text/html"
	case ct == "text/plain" || ext == ".txt" || ext == ".text" || ext == ".md":
		return "text/plain"
	}
	sniffed, _, _ := mime.ParseMediaType(http.DetectContentType(data))
	switch sniffed {
	case "text/html", "text/plain":
		return sniffed
	}
	if ct != "" {
		return ct
	}
	return sniffed
}

// readPlain reads text: UTF-8, or the charset of contentType, or Windows-1252 when the
// bytes are not valid UTF-8. The title is the first non-empty line.
func readPlain(data []byte, contentType string) (*Result, error) {
	res := &Result{ContentType: "text/plain"}
	s, err := decodeText(data, contentType, &res.Problems)
	if err != nil {
		return nil, err
	}
	res.Text = Normalize(s)
	res.Title = firstLine(res.Text)
	return res, nil
}

// firstLine returns the title of a plain text: its first line that reads like a
// title — not a dateline ("Lille, le 5 février 2018"), a publication line or a
// genre label ("Communiqué de presse") — cut to its first sentence when long.
func firstLine(s string) string {
	first := ""
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		line = strings.TrimSpace(metaPrefix.ReplaceAllString(line, ""))
		if line == "" {
			continue
		}
		if first == "" {
			first = line
		}
		if n++; n > 12 {
			break
		}
		if notTitle.MatchString(line) || len(strings.Fields(line)) < 5 || letterhead.MatchString(line) {
			continue
		}
		return titleCut(line)
	}
	return titleCut(first)
}

// notTitle matches lines that open a document without being its title.
var notTitle = regexp.MustCompile(`(?i)^(\p{Lu}[\p{L}' -]{1,40}, le \d|(article )?publié le|mis à jour|contenu principal|communiqué de presse|dossier de presse|séance du|extrait du registre|date de (la )?convocation|nombre de conseillers|(conseillers|membres) en exercice|bureau d|direction d|département d[ue'] [^–-]+ [–-] |date \d{4}|le \d{1,2}(er)? \p{L}+ \d{4}$)`)

// letterhead matches the institutional header lines of letters and acts, in
// capitals: "PRÉFET DU NORD", "COMMUNAUTÉ DE COMMUNES DU PAYS DU COQUELICOT".
var letterhead = regexp.MustCompile(`^(RÉPUBLIQUE FRANÇAISE|LIBERTÉ|PR[ÉE]FE[TC]|COMMUNAUT[ÉE]|D[ÉE]PARTEMENT|R[ÉE]GION|COMMUNE|MAIRIE|VILLE D|CONSEIL|M[ÉE]TROPOLE|EXTRAIT|REGISTRE)[^\p{Ll}]*$|^Liberté`)

// metaPrefix is a metadata field opening a line ("date 2017-04 Le 13 mars…").
var metaPrefix = regexp.MustCompile(`^(?i)date:? \d{4}(-\d{2}){0,2}\s*`)

// titleCut cuts a long line to its first sentence, at most 200 bytes.
func titleCut(line string) string {
	if len(line) > 150 {
		if i := strings.Index(line[40:], ". "); i >= 0 && i+41 <= 200 {
			return line[:i+41]
		}
	}
	return truncate(line, 200)
}

// truncate cuts s to at most n bytes on a rune boundary, adding "…" when cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.TrimSpace(s[:n]) + "…"
}

// decodeText decodes text bytes: a BOM, else the charset of contentType, else UTF-8
// when valid, else Windows-1252 (which ISO-8859-1 files also read correctly).
func decodeText(data []byte, contentType string, p *Problems) (string, error) {
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		return string(data[3:]), nil
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		enc, err := htmlindex.Get(params["charset"])
		if err == nil {
			s, err := enc.NewDecoder().String(string(data))
			if err != nil {
				return "", fmt.Errorf("decode %s: %w", params["charset"], err)
			}
			return s, nil
		}
		p.Add(-1, "unknown charset %q, guessing", params["charset"])
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	s, err := charmap.Windows1252.NewDecoder().String(string(data))
	if err != nil {
		return "", fmt.Errorf("decode windows-1252: %w", err)
	}
	p.Add(-1, "not UTF-8: read as Windows-1252")
	return s, nil
}
