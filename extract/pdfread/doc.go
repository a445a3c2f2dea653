// Package pdfread reads PDFs into text page by page, choosing for each page the reader
// that reads it well, and records that choice so that a researcher can judge the text
// and a later run can redo only what a better reader would improve.
//
// It owns the readers beyond the fast one of package extract/read:
//
//   - PDFium, Chrome's PDF engine, compiled to WebAssembly and run by wazero through
//     github.com/klippa-app/go-pdfium: pure Go, no cgo, no system library. A Runtime
//     starts on first use, once per process (Shared), keeps wazero's compilation
//     cache on disk (DefaultCacheDir: os.UserCacheDir()/terril/pdfium) so that only
//     the first run of a machine compiles the module, and bounds each instance's
//     memory and the number of instances.
//   - OCR: PDFium renders the page, the tesseract binary reads it with the French
//     model (Debian packages tesseract-ocr and tesseract-ocr-fra). When tesseract is
//     missing the Reader says so once and records the pages as not read.
//
// A Reader combines them (see Reader.ReadPDF): the fast reader and its quality gate
// (read.ReadPDFPages), PDFium for the pages that fail the gate, OCR for the pages
// without a text layer, within a per-document OCR page limit. Reader.Read has the
// signature of pipeline.ReadFunc.
//
// The environment can raise the OCR page limit (TERRIL_OCR_PAGES), set the limit of
// pages read per document (TERRIL_PDF_PAGES, default read.DefaultMaxPDFPages) and
// move the compilation cache (TERRIL_PDFIUM_CACHE) for commands that build a Reader
// with default options.
//
// Bench and Agree measure a Reader against the reference texts of ../shared/pdfs
// (word F1 as ../shared/pdfs/agreement.py defines it); "terril pdftext --bench DIR"
// prints the table.
package pdfread
