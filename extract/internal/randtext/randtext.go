// Package randtext makes random strings for the fuzz-like tests that compare a fast
// scanner with a plain reference: pieces drawn from an alphabet of awkward runes,
// spaces and broken UTF-8.
package randtext

import "math/rand/v2"

// Strings returns n strings, each of up to maxPieces pieces of alphabet drawn by r.
func Strings(r *rand.Rand, n, maxPieces int, alphabet []string) []string {
	out := make([]string, 0, n)
	for range n {
		var b []byte
		for range r.IntN(maxPieces) {
			b = append(b, alphabet[r.IntN(len(alphabet))]...)
		}
		out = append(out, string(b))
	}
	return out
}
