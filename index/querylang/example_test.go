package querylang_test

import (
	"fmt"

	"terril/index/querylang"
)

func ExampleParse() {
	n, err := querylang.Parse(`rénovation (logement OR habitat) -friche ville:"Hénin-Beaumont" montant>1M date:2018..`)
	if err != nil {
		panic(err)
	}
	for _, x := range n.(*querylang.And).Xs {
		fmt.Printf("%T at %d: %s\n", x, x.Pos(), x)
	}
	_, err = querylang.Parse(`cités thme:logement`)
	fmt.Println(err)
	// Output:
	// *querylang.Word at 0: rénovation
	// *querylang.Or at 13: logement OR habitat
	// *querylang.Not at 34: -friche
	// *querylang.Field at 42: commune:Hénin-Beaumont
	// *querylang.Compare at 66: montant>1M
	// *querylang.Range at 77: date:2018..
	// query: unknown field "thme" at character 7; did you mean "theme"?
}

func ExampleHints() {
	n, _ := querylang.Parse("logement ou habitat")
	for _, h := range querylang.Hints(n) {
		fmt.Println(h.Pos, h.Msg)
	}
	// Output:
	// 9 "ou" is searched as a word; to find either side, write OR in capitals
}
