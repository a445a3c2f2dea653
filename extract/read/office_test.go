package read

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// makeZip writes a zip of the given entries, in order; a name starting with "0"
// is stored uncompressed (an ODT's mimetype), its "0" dropped.
func makeZip(t testing.TB, entries ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(entries); i += 2 {
		name, method := entries[i], zip.Deflate
		if strings.HasPrefix(name, "0") {
			name, method = name[1:], zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(entries[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// docx builds a DOCX whose body is the given w:body content and whose core
// properties have the given title.
func docx(t testing.TB, title, body string) []byte {
	core := `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + title + `</dc:title><dc:creator>Mairie</dc:creator></cp:coreProperties>`
	return makeZip(t,
		"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document `+wNS+`><w:body>`+body+`</w:body></w:document>`,
		"docProps/core.xml", core)
}

// odt builds an ODT whose office:text is the given content.
func odt(t testing.TB, title, body string) []byte {
	const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"`
	return makeZip(t,
		"0mimetype", MimeODT,
		"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content `+ns+`><office:automatic-styles><style:style xmlns:style="s">x</style:style></office:automatic-styles><office:body><office:text>`+body+`</office:text></office:body></office:document-content>`,
		"meta.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-meta `+ns+`><office:meta><dc:title>`+title+`</dc:title></office:meta></office:document-meta>`)
}

func wp(style, text string) string {
	ppr := ""
	if style != "" {
		ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + ppr + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func TestReadOffice(t *testing.T) {
	table := `<w:tbl><w:tr><w:tc>` + wp("", "Opération") + `</w:tc><w:tc>` + wp("", "Montant") + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + wp("", "Rénovation de l'œuvre") + `</w:tc><w:tc>` + wp("", "12 500 €") + `</w:tc></w:tr></w:tbl>`
	for _, tt := range []struct {
		name      string
		data      []byte
		title     string
		contains  []string
		lacks     []string
		wantError string
	}{{
		name: "délibération.docx",
		data: docx(t, "Délibération relative au fonds de concours",
			wp("Titre1", "Conseil municipal du 4 juin")+wp("", "Le conseil approuve la rénovation de l’église.")+table),
		title:    "Délibération relative au fonds de concours",
		contains: []string{"Conseil municipal du 4 juin\n\nLe conseil approuve la rénovation de l'église.", "Opération | Montant\nRénovation de l'œuvre | 12 500 €"},
	}, {
		// A file name as dc:title: the first heading instead.
		name: "pv.docx",
		data: docx(t, "Microsoft Word - pv_v4.docx",
			wp("", "MAIRIE DE FLÉCHIN")+wp("Heading1", "Procès-verbal de la séance du 12 mars")+wp("", "Séance ouverte à 18 h.")),
		title: "Procès-verbal de la séance du 12 mars",
	}, {
		// Runs split a word; a deleted revision, a field code and a text box's
		// fallback copy are not text; a tab is a space.
		name: "runs.docx",
		data: docx(t, "",
			`<w:p><w:r><w:t>Subven</w:t></w:r><w:r><w:t>tion</w:t></w:r><w:r><w:tab/><w:t>de 3 000 €</w:t></w:r>`+
				`<w:del><w:r><w:delText>supprimé</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r>`+
				`<mc:AlternateContent><mc:Choice><w:r><w:t> accordée</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t> accordée</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>`),
		title:    "Subvention de 3 000 € accordée",
		contains: []string{"Subvention de 3 000 € accordée"},
		lacks:    []string{"supprimé", "PAGE", "accordée accordée"},
	}, {
		name: "arrêté.odt",
		data: odt(t, "Arrêté portant réglementation de la circulation",
			`<text:h text:outline-level="1">Arrêté n° 2024-17</text:h><text:p>Le maire de Cœuvres<text:s text:c="2"/>arrête :</text:p>`+
				`<text:p>Article 1<text:tab/>La vitesse est limitée.<text:note><text:note-body><text:p>Note.</text:p></text:note-body></text:note></text:p>`+
				`<table:table><table:table-row><table:table-cell><text:p>Rue</text:p></table:table-cell><table:table-cell><text:p>Œillets</text:p></table:table-cell></table:table-row></table:table>`),
		title:    "Arrêté portant réglementation de la circulation",
		contains: []string{"Arrêté n° 2024-17\n\nLe maire de Cœuvres", "Article 1 La vitesse est limitée.", "Rue | Œillets"},
		lacks:    []string{"Note."},
	}, {
		name:  "sans-titre.odt",
		data:  odt(t, "Sans titre 1", `<text:p>Compte rendu de la commission des finances du 3 mai</text:p>`),
		title: "Compte rendu de la commission des finances du 3 mai",
	}, {
		name:      "tronqué.docx",
		data:      docx(t, "x", wp("", "texte"))[:200],
		wantError: "read tronqué.docx: malformed DOCX: not a zip archive",
	}, {
		name:      "ancien.docx",
		data:      append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...),
		wantError: "OLE2",
	}, {
		name:      "vide.docx",
		data:      makeZip(t, "[Content_Types].xml", "<Types/>"),
		wantError: "no word/document.xml in the archive",
	}} {
		res, err := Read(tt.name, "", tt.data)
		if tt.wantError != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantError) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.wantError)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if res.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.name, res.Title, tt.title)
		}
		for _, s := range tt.contains {
			if !strings.Contains(res.Text, s) {
				t.Errorf("%s: text lacks %q:\n%s", tt.name, s, res.Text)
			}
		}
		for _, s := range tt.lacks {
			if strings.Contains(res.Text, s) {
				t.Errorf("%s: text has %q:\n%s", tt.name, s, res.Text)
			}
		}
	}
}

// A zip bomb is cut at the cap, whatever its header says, with an error naming
// the entry.
func TestReadOfficeZipBomb(t *testing.T) {
	body := `<w:p><w:r><w:t>` + strings.Repeat("a", officeMaxEntry+10) + `</w:t></w:r></w:p>`
	data := docx(t, "Bombe", body)
	if len(data) > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed", len(data))
	}
	_, err := Read("bombe.docx", "", data)
	if err == nil || !strings.Contains(err.Error(), "word/document.xml: more than 64 MiB uncompressed") {
		t.Errorf("error %v", err)
	}
}

// Content types and bytes tell DOCX and ODT apart without an extension.
func TestSniffOffice(t *testing.T) {
	for _, tt := range []struct {
		name, ct string
		data     []byte
		want     string
	}{
		{"x.docx", "", nil, MimeDOCX},
		{"x.ODT", "", nil, MimeODT},
		{"telechargement", MimeDOCX, nil, MimeDOCX},
		{"telechargement", "", odt(t, "", ""), MimeODT},
		{"telechargement", "", docx(t, "", ""), MimeDOCX},
		{"archive.zip", "", makeZip(t, "a.txt", "x"), "application/zip"},
	} {
		if got := Sniff(tt.name, tt.ct, tt.data); got != tt.want {
			t.Errorf("Sniff(%q, %q) = %q, want %q", tt.name, tt.ct, got, tt.want)
		}
	}
}

func FuzzReadOffice(f *testing.F) {
	f.Add(docx(f, "Titre", wp("", "Délibération")))
	f.Add(odt(f, "Titre", `<text:p>Arrêté</text:p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = readDOCX(data)
		_, _ = readODT(data)
	})
}
