// Package store owns terril's raw capture store and crawl manifest, on disk in one
// directory:
//
//	objects/ab/abcdef…   response bodies, content-addressed by their hex sha256
//	captures.jsonl       one line per response: URL, final URL, time, status,
//	                     headers, body sha256 and size (append-only)
//	manifest.jsonl       one line per change of a URL's entry: its state (new,
//	                     unchanged, changed, failed and why), the sha256 and
//	                     validators (ETag, Last-Modified) of its current capture, and
//	                     the sha256 last committed to the index (append-only; the
//	                     last line for a URL wins; compacted on Open)
//
// Every response is kept before anyone parses it, so extraction can be re-run without
// the network and a parse failure loses nothing.
//
// Writes are crash-safe in this order: a body is written to a temporary file, synced
// and renamed into place before any line refers to it; a line is appended with one
// write, and a torn last line (a process killed mid-write) is cut off on the next
// Open. So a run stopped at any moment leaves a store the next run resumes from: at
// worst a body without a line (refetched and found identical) or a document captured
// but not yet marked indexed (indexed again, which replaces it).
//
// It depends on the standard library only.
package store
