package corpus_test

import (
	"encoding/json"
	"fmt"

	"terril/corpus"
)

// A Document marshals with the field names of the annotation guidelines: an unknown
// publication date is null, a fact list with nothing found is [] (never null), and a
// person's or reference's missing role or date is null too.
func ExampleDocument_MarshalJSON() {
	d := corpus.Document{
		ID:       "042_cp_lens",
		Genre:    corpus.GenreCommunique,
		Communes: []corpus.Commune{{Name: "Lens", INSEE: "62498", Departement: "62"}},
		People:   []corpus.Person{{Name: "Sylvain Robert"}},
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))
	// Output:
	// {
	//   "id": "042_cp_lens",
	//   "genre": "communique",
	//   "dates": [],
	//   "amounts": [],
	//   "communes": [
	//     {
	//       "name": "Lens",
	//       "insee": "62498",
	//       "departement": "62"
	//     }
	//   ],
	//   "epcis": [],
	//   "departements": [],
	//   "people": [
	//     {
	//       "name": "Sylvain Robert",
	//       "role": null
	//     }
	//   ],
	//   "signatories": [],
	//   "references": [],
	//   "themes": [],
	//   "fundings": [],
	//   "published": null
	// }
}
