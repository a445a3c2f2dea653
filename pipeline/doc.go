// Package pipeline runs terril's stages: collect or walk inputs, read them into text,
// extract facts, and index the documents, concurrently and cancellably.
//
// The shape is restic's ParallelList: errgroup.WithContext; a producer that closes
// its channel and checks ctx.Done() on every send; N workers ranging over it that
// read and extract; one indexer goroutine that batches. A document that fails is
// recorded with its file or URL and the reason, and the run goes on; cancelling the
// context stops every stage cleanly, and what was indexed stays indexed.
package pipeline
