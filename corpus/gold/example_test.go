package gold_test

import (
	"fmt"
	"os"
	"strings"

	"terril/corpus/gold"
)

func ExampleScore() {
	g, _ := gold.Read(strings.NewReader(`{"id": "a", "genre": "communique", "published": null, "amounts": [{"value": 35000000}, {"value": 1600000000}], "people": [{"name": "Jean-René Lecerf", "role": "président du Département"}]}`), "gold.jsonl")
	p, _ := gold.Read(strings.NewReader(`{"id": "a", "genre": "communique", "published": "", "amounts": [{"value": 35100000}], "people": [{"name": "LECERF Jean-René", "role": "Président du département"}]}`), "pred.jsonl")
	rep, err := gold.Score(g, p, []string{"amounts", "people"})
	if err != nil {
		fmt.Println(err)
		return
	}
	rep.WriteText(os.Stdout, true)
	// Output:
	// field             tp    fp    fn      P      R     F1
	// amounts            1     0     1  1.000  0.500  0.667
	// people             1     0     0  1.000  1.000  1.000
	// published      accuracy 1/1 = 1.000
	// genre          accuracy 1/1 = 1.000
	// role           accuracy 1/1 = 1.000
	// macro-F1 0.833
	//
	// a
	//   amounts:      missed ["1600000000"]  extra []
}

func ExampleNameKey() {
	fmt.Println(gold.NameKey("LECERF Jean-René") == gold.NameKey("Jean-René Lecerf"))
	fmt.Println(gold.Fold("Cœur d'Ostrevent"))
	// Output:
	// true
	// coeurdostrevent
}
