// Package sample owns terril's embedded sample corpus: 36 documents written for the
// project in the styles of the French public-policy genres it reads (communiqués with
// datelines and "Contact presse", délibérations and arrêtés with their "Vu…",
// "DÉCIDE" and signature blocks, procès-verbaux with attendance lists, news articles,
// programme pages), as plain text, HTML (with navigation, cookie banners and footers
// around the main content, in UTF-8, windows-1252 and ISO-8859-1) and PDF.
//
// Beside the documents, gold.jsonl holds the facts of every document, annotated by
// hand in the schema of shared/gold/GUIDELINES.md (one record per document, id = file
// name without extension); NOTES.md records the judgement calls. The gold covers only
// the main content of HTML pages, not menus, footers or scripts. It is committed
// before the extraction rules and changed only with a note in NOTES.md.
//
// The PDFs are generated from pdfsrc/*.txt by internal/genpdf (go generate); the
// generated files are committed.
package sample
