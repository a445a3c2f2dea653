package read

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"terril/extract/text"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"terril/corpus"
)

// Result is what a reader makes of a document's bytes.
type Result struct {
	Title       string
	Text        string        // normalised (see Normalize)
	ContentType string        // the type the bytes were read as: text/plain, text/html, application/pdf
	Pages       []corpus.Page // for paged formats
	Problems    text.Problems // non-fatal problems (a page not read, a charset guessed…)
}

// Read reads a document's bytes into normalised text. name is the file name or URL
// (its extension helps decide the format), contentType the HTTP Content-Type when
// known (its charset parameter is honoured for HTML and text). The format is decided
// by the bytes first (a PDF header, HTML markup), then by contentType, then by name.
//
// An error means nothing could be read from the document; it names the document.
// Bytes that decode to binary content (NUL and control characters: a compressed,
// image or executable file under a text name) are an error, not mojibake. A panic
// in a reader is recovered and returned as an error.
func Read(name, contentType string, data []byte) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("read %s: reader panic: %v", name, r)
		}
	}()
	switch kind := Sniff(name, contentType, data); kind {
	case "application/pdf":
		res, err = readPDF(name, data)
	case "text/html":
		res, err = readHTML(data, contentType)
	case "text/plain":
		res, err = readPlain(data, contentType)
	case MimeDOCX:
		res, err = readDOCX(data)
	case MimeODT:
		res, err = readODT(data)
	default:
		return nil, fmt.Errorf("read %s: unsupported content type %s", name, kind)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return res, nil
}

// Sniff decides the format of a document: "application/pdf", "text/html",
// "text/plain", MimeDOCX, MimeODT, or another MIME type terril does not read.
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
	if office := sniffOffice(ct, ext, data); office != "" {
		return office
	}
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

// readPlain reads text: UTF-8, or the charset of contentType, or guessed (see
// decodeAs); bytes that decode to binary content fail. The title is the first line
// that reads as one.
func readPlain(data []byte, contentType string) (*Result, error) {
	res := &Result{ContentType: "text/plain"}
	s, err := decodeText(data, contentType, &res.Problems)
	if err != nil {
		return nil, err
	}
	if why := binaryContent(s); why != "" {
		return nil, errors.New(why)
	}
	res.Text = text.Normalize(s)
	res.Title = firstLine(res.Text)
	return res, nil
}

// firstLine returns the title of a plain text: its first line that reads like a
// title — not a stamp ("Envoyé en préfecture le …"), noise (an OCR'd logo), a
// dateline ("Lille, le 5 février 2018"), a publication line or a genre label
// ("Communiqué de presse") — cut to its first sentence when long.
func firstLine(s string) string {
	t, _ := titleLine(s)
	return t
}

// titleLine is firstLine, and whether the line read as a title (false: it is the
// first line, for want of one).
func titleLine(s string) (string, bool) {
	first := ""
	n, seen := 0, 0
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if seen++; seen > maxTitleLines {
			break
		}
		line = trimBullet(strings.TrimSpace(metaPrefix.ReplaceAllString(line, "")))
		if line == "" || stampOrNoise(line) {
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
		return titleCut(line), true
	}
	return titleCut(first), false
}

// maxTitleLines is how many lines at the top of a text firstLine looks at: a
// page of stamps and noise, not a whole table of figures.
const maxTitleLines = 40

// notTitle matches lines that open a document without being its title.
var notTitle = regexp.MustCompile(`(?i)^(\p{Lu}[\p{L}' -]{1,40}, le \d|(article )?publié le|mis à jour|contenu principal|communiqué de presse|dossier de presse|séance du|extrait du registre|date de (la )?convocation|nombre de conseillers|(conseillers|membres) en exercice|bureau d|direction d|département d[ue'] [^–-]+ [–-] |date \d{4}|le \d{1,2}(er)? \p{L}+ \d{4}$|vu (le|la|les|l')|considérant|l'an (deux mille|mil|\d{4})|(présents?|absents?|excusés?|pouvoirs?|procurations?|secrétaire de séance)\b|unité |pôle )`)

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
		if caps := capsHeading(line); caps != "" {
			return truncate(caps, 200)
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

// decodeText decodes text bytes: a BOM, else the charset of contentType, else
// guessed (see decodeGuess).
func decodeText(data []byte, contentType string, p *text.Problems) (string, error) {
	cs := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		cs = params["charset"]
	}
	return decodeAs(data, cs, p)
}

// decodeAs decodes data: by its BOM (UTF-8, UTF-16), else in the declared charset
// cs, else guessed (see decodeGuess). A declared UTF-8 is guessed too: pages saved in
// Windows-1252 under a UTF-8 meta are common. A declared Windows-1252 or ISO-8859-15
// whose bytes are valid UTF-8 with accents is UTF-8: the declaration is a leftover
// (Windows-1252 text with accents is never valid UTF-8).
func decodeAs(data []byte, cs string, p *text.Problems) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		data = data[3:]
		if valid, invalid := utf8Counts(data); invalid > 0 {
			p.Add(-1, "not valid UTF-8: %d bytes of %d non-ASCII sequences read as Windows-1252", invalid, valid+invalid)
			return decodeMixed(data, true), nil
		}
		return string(data), nil
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le", data)
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be", data)
	}
	if cs == "" {
		return decodeGuess(data, p), nil
	}
	enc, err := htmlindex.Get(cs)
	if err != nil {
		p.Add(-1, "unknown charset %q, guessing", cs)
		return decodeGuess(data, p), nil
	}
	name, _ := htmlindex.Name(enc)
	switch name {
	case "utf-8":
		return decodeGuess(data, p), nil
	case "windows-1252", "iso-8859-15":
		if utf8.Valid(data) && !isASCII(data) {
			p.Add(-1, "declared %s, but valid UTF-8: read as UTF-8", cs)
			return string(data), nil
		}
	}
	return decodeWith(enc, cs, data)
}

func decodeWith(enc encoding.Encoding, name string, data []byte) (string, error) {
	s, err := enc.NewDecoder().String(string(data))
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return s, nil
}

// decodeGuess decodes bytes of no known charset: UTF-8 when valid; UTF-8 when most
// of its non-ASCII sequences are valid UTF-8, each byte that is not read as
// Windows-1252 (a line pasted from another file, a stray byte must not turn every
// accent of the file into mojibake); else Windows-1252, which ISO-8859-1 files also
// read correctly. Windows-1252 French text almost never forms a valid UTF-8
// sequence: an accented capital would have to precede a quote or a dash.
func decodeGuess(data []byte, p *text.Problems) string {
	if utf8.Valid(data) {
		return string(data)
	}
	valid, invalid := utf8Counts(data)
	if valid > invalid {
		p.Add(-1, "not valid UTF-8: %d bytes of %d non-ASCII sequences read as Windows-1252", invalid, valid+invalid)
		return decodeMixed(data, true)
	}
	p.Add(-1, "not UTF-8: read as Windows-1252")
	return decodeMixed(data, false)
}

// utf8Counts counts the valid multi-byte UTF-8 sequences of data and the bytes that
// are not part of one.
func utf8Counts(data []byte) (valid, invalid int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid, invalid
}

// decodeMixed decodes data as UTF-8 (when utf8 is set) with the bytes that are not
// valid UTF-8 read as Windows-1252, or all as Windows-1252. The five bytes
// Windows-1252 leaves undefined read as U+FFFD.
func decodeMixed(data []byte, utf8First bool) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		if utf8First {
			if r, n := utf8.DecodeRune(data[i:]); r != utf8.RuneError || n > 1 {
				b.Write(data[i : i+n])
				i += n
				continue
			}
		}
		r := charmap.Windows1252.DecodeByte(c)
		if r >= 0x80 && r < 0xA0 {
			r = utf8.RuneError
		}
		b.WriteRune(r)
		i++
	}
	return b.String()
}

func isASCII(data []byte) bool {
	for _, c := range data {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Thresholds of binaryContent: the shares of the decoded bytes that text never has
// so many of. Real text has a form feed, an escape or two; a compressed, image or
// executable file decodes to 10–50 % of them.
const (
	binaryMaxControl     = 0.01 // NUL, C0 and C1 controls other than white space
	binaryMaxReplacement = 0.30 // bytes of U+FFFD, 3 each (a text with every accent lost has 5–12 %)
)

// binaryContent says why decoded text (valid UTF-8) is the content of a binary
// file, or "". Shares are of bytes: eight at a time through printable ASCII (most of
// any text), a table lookup each in the blocks with other bytes.
func binaryContent(s string) string {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	ctrl, repl := 0, 0
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		// No byte below 0x20 (x - 0x20 borrows into its high bit) nor above 0x7E
		// (x + 1 or x itself has its high bit set).
		if ((x-0x20*ones)&^x|(x+ones)|x)&highs == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			c, r := binaryByte(s, j)
			ctrl, repl = ctrl+c, repl+r
		}
	}
	for ; i < len(s); i++ {
		c, r := binaryByte(s, i)
		ctrl, repl = ctrl+c, repl+r
	}
	n := float64(len(s))
	switch {
	case float64(ctrl) > binaryMaxControl*n:
		return fmt.Sprintf("binary content, not text: %.0f %% NUL or control characters", 100*float64(ctrl)/n)
	case float64(3*repl) > binaryMaxReplacement*n:
		return fmt.Sprintf("binary content, not text: %.0f %% undecodable bytes", 100*float64(3*repl)/n)
	}
	return ""
}

// binaryByte reports whether s[i] starts a control character or a U+FFFD.
func binaryByte(s string, i int) (ctrl, repl int) {
	switch binaryClass[s[i]] {
	case 1:
		return 1, 0
	case 2: // U+0080–U+009F, the C1 controls, are C2 80 to C2 9F
		if i+1 < len(s) && s[i+1] < 0xA0 {
			return 1, 0
		}
	case 3: // U+FFFD is EF BF BD
		if strings.HasPrefix(s[i:], "\uFFFD") {
			return 0, 1
		}
	}
	return 0, 0
}

// binaryClass classes the bytes for binaryContent: 1 a control character (C0 but
// white space, DEL), 2 the lead byte of a C1 control, 3 that of U+FFFD, 0 the rest.
var binaryClass = func() (t [256]byte) {
	for c := range 0x20 {
		t[c] = 1
	}
	for _, c := range "\t\n\r\f\v" {
		t[c] = 0
	}
	t[0x7F], t[0xC2], t[0xEF] = 1, 2, 3
	return t
}()
