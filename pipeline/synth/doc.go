// Package synth generates a corpus shaped like the sample corpus, of any size, for
// benchmarks: each document is assembled from paragraphs of the sample documents,
// with communes, amounts, dates and people substituted, so that every extractor
// and every facet has work to do. Generation is deterministic for a seed.
//
// It owns the Generator (New, Next), used by `terril bench` and by this package's
// BenchmarkExtractSynthetic; it reads the embedded sample corpus (corpus/sample) and
// writes nothing.
package synth
