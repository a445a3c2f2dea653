// Package fetch owns terril's polite HTTP client: one rate limiter per host
// (golang.org/x/time/rate, slowed further by a robots.txt Crawl-delay), robots.txt
// honoured (github.com/temoto/robotstxt), a User-Agent naming terril and a contact,
// a timeout per attempt, retries with exponential backoff on 429, 5xx and network
// errors honouring Retry-After (every wait capped), a size cap per response,
// redirects limited in number and kept within the allowed hosts, and conditional GET
// (If-None-Match, If-Modified-Since) from the validators the caller holds.
//
// It also reads file:// URLs, with validators made of size and modification time, so
// that local folders go through the same path as the web.
//
// It keeps nothing: capturing responses and remembering validators is the job of the
// capture store (terril/corpus/store), driven by package pipeline.
package fetch
