package synth

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strings"

	"terril/corpus/sample"
	"terril/extract/read"
)

// Generator produces synthetic documents. It is not safe for concurrent use.
type Generator struct {
	rng   *rand.Rand
	paras []string
	heads []string
}

var (
	communes = []string{"Lille", "Lens", "Liévin", "Arras", "Amiens", "Beauvais", "Compiègne", "Douai",
		"Valenciennes", "Dunkerque", "Calais", "Boulogne-sur-Mer", "Saint-Quentin", "Laon", "Soissons",
		"Béthune", "Hénin-Beaumont", "Maubeuge", "Cambrai", "Roubaix", "Tourcoing", "Abbeville",
		"Saint-Omer", "Creil", "Noyon", "Oignies", "Wallers", "Avion", "Hem", "Croix", "Bailleul"}
	depts  = []string{"du Nord", "du Pas-de-Calais", "de la Somme", "de l'Oise", "de l'Aisne"}
	months = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
		"septembre", "octobre", "novembre", "décembre"}
	people = []string{"Marie Dupont", "Jean-Luc Lefebvre", "Sophie Martin", "Karim Benali",
		"Anne-Sophie Leroy", "Pierre Delattre", "Nathalie Dequidt", "François Lecerf"}
	roles = []string{"maire", "président de la communauté d'agglomération", "préfet du Nord",
		"vice-présidente du conseil régional", "directeur régional de la Banque des Territoires"}
)

// New returns a generator seeded with seed, built from the sample corpus.
func New(seed uint64) (*Generator, error) {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, p := range sample.Paths() {
		data, err := fs.ReadFile(sample.FS, p)
		if err != nil {
			return nil, err
		}
		res, err := read.Read(p, "", data)
		if err != nil {
			continue
		}
		g.heads = append(g.heads, res.Title)
		for para := range strings.SplitSeq(res.Text, "\n\n") {
			if len(para) > 120 {
				g.paras = append(g.paras, para)
			}
		}
	}
	if len(g.paras) == 0 {
		return nil, fmt.Errorf("synth: the sample corpus gave no paragraphs")
	}
	return g, nil
}

func (g *Generator) pick(s []string) string { return s[g.rng.IntN(len(s))] }

// Next returns the text of the next document, of about size bytes.
func (g *Generator) Next(size int) string {
	var b strings.Builder
	b.Grow(size + 512)
	year := 2015 + g.rng.IntN(10)
	fmt.Fprintf(&b, "%s, le %d %s %d\n\n", g.pick(communes), 1+g.rng.IntN(28), g.pick(months), year)
	fmt.Fprintf(&b, "%s\n\n", g.pick(g.heads))
	for b.Len() < size {
		b.WriteString(g.pick(g.paras))
		b.WriteString("\n\n")
		// The sample corpus has about 4 amounts and 6 dates in 3 KB; its paragraphs
		// bring most of them, and an added sentence now and then varies the values.
		switch g.rng.IntN(8) {
		case 0:
			fmt.Fprintf(&b, "À %s (%s), %s, %s, a annoncé une aide de %d,%d millions d'euros pour le projet, dont %d 000 euros en %d.\n\n",
				g.pick(communes), g.pick(depts), g.pick(people), g.pick(roles), 1+g.rng.IntN(40), g.rng.IntN(10),
				100+g.rng.IntN(900), year+g.rng.IntN(3))
		case 1:
			fmt.Fprintf(&b, "Le conseil communautaire du %d %s %d a approuvé la délibération n°%d-%03d relative à %s.\n\n",
				1+g.rng.IntN(28), g.pick(months), year, year, g.rng.IntN(400), strings.ToLower(g.pick(g.heads)))
		}
	}
	return b.String()
}
