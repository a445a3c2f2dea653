// Package recueil splits a préfecture's recueil des actes administratifs (RAA) into
// its acts. It is pure: it takes the pages' texts (one string a page, "" for a page
// with no text, as a scan not OCR'd) and returns the acts with their pages, and
// reads each act's facts with package extract's extractors.
//
// A recueil is recognised by its cover (a line of its first pages opening with
// "Recueil des actes…" or "RAA") or by a sommaire listing acts. The sommaire, when
// there is one ("ID - title (N pages)" entries with their "Page N", on one line or
// apart, or a table of contents with dot leaders), gives each act's identifier,
// title, printed start page and page count; the offset between printed
// page numbers and PDF pages is calibrated on the pages where each identifier first
// appears after the sommaire (and on the page numbers printed at the foot of pages),
// and each start is checked against the act's own page. Without a sommaire, acts
// start on pages whose head carries an identifier or a heading (ARRÊTÉ, DÉCISION,
// RÉCÉPISSÉ…), once the act before has been closed by a signature block ("Fait à
// …, le …", "Le préfet,", "Pour le préfet et par délégation").
//
// Each act's date is that of its signature block, else the one its identifier
// encodes ("83-2025-07-15-00005"), else the one its title gives ("Arrêté du 5 mai
// 2025"); its signatory is the person extract.Parties finds signing in the last
// signature block.
//
// A scanned act's signatory is often lost: OCR by layout makes noise of a printed
// name a handwritten signature crosses. Reread gives the signature pages of acts
// without a sure signatory a second reading through a callback (package
// extract/pdfread OCRs them again as one block of text) and keeps the new split
// when it signs more acts.
//
// PageTexts cuts a reader's joined text back into pages; Recueil.Documents makes
// one corpus.Document per act (ID "<recueil's ID>#<act identifier>", with the
// recueil's ID, the act's kind and pages), which package pipeline puts in the
// recueil's Document.Acts and package index indexes with it, replacing the acts of
// an earlier reading.
package recueil
