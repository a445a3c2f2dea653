// Package genre finds a document's genre (Find: deliberation, communique, article,
// page) and its publication date (Published), reading the one token stream of
// extract/text. It imports extract/dates, a genuine need: the dates of datelines,
// issues, meetings and bylines are read by the date scanner at the token where
// they are written; and extract/names, whose given names tell a journalist's
// signature on the last line.
//
// Published takes, in order:
// "publié le"/"édité le"/"date de publication"; a metadata line "date …"; a
// recueil's or bulletin's issue ("RECUEIL DES ACTES ADMINISTRATIFS MAI 2009",
// "RECUEIL n° 24 du 01 septembre 2016", a line "N° 55 du 09/09/2015" whose number has
// at most three digits, an act's being longer); a dateline near the
// top ("Lille, le 12 mars 2019", "Le 16 mai 2025", a date alone on its line, or a
// place and date after a label on the same line: "Communiqué de presse – Douai, le 5
// octobre 2023"); the meeting a minute reports, from a heading line ("Séance du …",
// "Réunion du …", "Conseil municipal du …", not a "Vu …" line citing another meeting);
// a byline with a date ("Par A. Dervaux – 14 août 2023"); "Fait à …, le …" or, below
// the head, a line "<Place>, le <date>" signing an act; "mis à jour le …". A meeting
// heading may put the date right after its words ("CR du conseil municipal 28 octobre
// 2022") or further on a procès-verbal's heading line ("PROCÈS-VERBAL. CONSEIL
// COMMUNAUTAIRE DE … Le jeudi 15 mars 2018"); a minute may state it as the day the
// members "se sont réunis le …", or give that day before, without its year, in the
// sentence of a full date ("Le 11 juillet suivant la convocation adressée le 04
// juillet 2017, les conseillers … se sont réunis"); a convocation's date is not the
// meeting's. A date
// line followed by its author ("Samedi 12 avril 2025 – par X Y") is a dateline.
// "Mise à jour : …" takes a colon. "Publié le" counts only where it states the
// document's own publication: starting its line in capitals, written in capitals
// anywhere on its line ("CORSE DU SUD PUBLIÉ LE …"), after a byline's separator ("Par
// X | Publié le"), after an issue's number ("N° 11 Édité le"), or after a label of
// one or two words ("Article publié le"); never inside a sentence or a visa ("Vu
// l'avis … publié le 8 janvier 2024"). Acts: an act's own date is its
// séance (délibérations, minutes) or, without one, its signature ("Fait à …, le"); a
// "Publié le" written after it is the act's publication formality and loses to it,
// while a "Publié le" before it (a recueil's cover) is the document's date.
// Genre: acts and minutes by their vocabulary in the head (registre des
// délibérations, procès-verbal, "Vu …" lines, a line "ARRÊTE :", attendance:
// "conseillers en exercice", "nombre de votants", "sont réunis"…; a line starting
// "Recueil des actes", "Extrait du registre", "Commission permanente du …", "Séance
// du …" is enough alone, and the last two count only there), then press releases
// (communiqué, contact presse, a news site's rubric of an institution: "RETOUR
// Département de …", a dateline), then press articles (a newspaper's name, a byline,
// reported speech "», déclare X", "a-t-il indiqué" — not alone where the text has its
// "publié le" line, as an institution's news quotes its people too —, a party's
// abbreviation after a name "(LR)", a question in the title of a page without
// sections; a weekday right after a verb, "a confirmé mardi", is one of a
// newspaper's habits), then pages: two
// words of a programme or procedure page ("Bénéficiaires", "Dépenses éligibles",
// "Modalités"), one without any sign of news ("publié le", "Actualités", "vient
// de"), or three short section headings over paragraphs ("Notre offre", "Chiffres
// clés"); the rest is an institution's news: communiqué. A date alone on its line ("Vendredi 24
// mai 2024") heads articles as well as releases: it makes a release only when no
// newspaper's name or byline is found and fewer than two of a newspaper's habits are
// (reported speech; people given with their age, "Kévin, 23 ans,", up to two; the
// journalist's name alone on the last line, a given name first). A dateline with a
// place ("Lille, le …") stays a release's.
package genre
