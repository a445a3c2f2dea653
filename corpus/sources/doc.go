// Package sources owns terril's sources file: a YAML file (gopkg.in/yaml.v3) that
// says how to fetch politely (contact, rate, timeouts, retries, caps) and lists the
// sources to crawl, each an RSS/Atom feed, a sitemap, an HTML listing, a site in the
// State's design system (dsfr: a préfecture's recueil des actes or news), a list of
// document URLs or a local folder. Load validates it and names the source and field
// of every mistake. See sources.example.yaml at the repository root.
//
// It also owns the catalogue that ships with terril (Catalogue, embedded from
// catalogue/): the 101 préfectures' recueils des actes and news, the 18 Régions'
// press rooms and the Banque des Territoires' communiqués, each entry saying whether
// its URL is known or follows a pattern and when it was last checked. Plan picks a
// crawl's sources from a user's file and the catalogue, by name or group; a user's
// entry of a catalogue name replaces the catalogue's.
package sources
