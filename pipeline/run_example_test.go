package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"terril/corpus"
	"terril/pipeline"
)

// countingSink stands for the index: it keeps the IDs of the documents it is given.
// Run calls Index from one goroutine only.
type countingSink struct{ ids []string }

func (s *countingSink) Index(docs []*corpus.Document) error {
	for _, d := range docs {
		s.ids = append(s.ids, d.ID)
	}
	return nil
}

// Run with a producer of in-memory inputs: two documents are read and indexed, the
// third, which the producer could not fetch, is recorded as a failure and the run
// goes on.
func ExampleRun() {
	inputs := []pipeline.Input{
		{URL: "https://www.example.fr/actualites/piscine-lens.html", ContentType: "text/html",
			Data: []byte("<html><head><title>Piscine de Lens</title></head><body><p>La piscine rouvre le 2 avril 2024.</p></body></html>")},
		{URL: "notes/conseil-2024-03.txt", Data: []byte("Conseil communautaire du 12 mars 2024.\n")},
		{URL: "https://www.example.fr/absent.pdf", Err: errors.New("https://www.example.fr/absent.pdf: 404 Not Found")},
	}
	produce := func(ctx context.Context, out chan<- pipeline.Input) error {
		for _, in := range inputs {
			if err := pipeline.Send(ctx, out, in); err != nil {
				return err
			}
		}
		return nil
	}
	sink := &countingSink{}
	stats, err := pipeline.Run(context.Background(), pipeline.Config{Sink: sink, Workers: 2}, produce)
	if err != nil {
		panic(err)
	}
	slices.Sort(sink.ids) // workers finish in any order
	fmt.Println("sink:", len(sink.ids), "documents", sink.ids)
	fmt.Printf("read %d, indexed %d, failed %d\n", stats.Read, stats.Indexed, stats.Failed)
	for _, f := range stats.Failures {
		fmt.Println("failure:", f.Reason)
	}
	// Output:
	// sink: 2 documents [conseil-2024-03 piscine-lens_0742b96a15cf]
	// read 2, indexed 2, failed 1
	// failure: https://www.example.fr/absent.pdf: 404 Not Found
}
