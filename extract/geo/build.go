package geo

import (
	"fmt"
	"slices"
	"strings"

	"terril/extract/names"
	"terril/extract/text"
)

// Kinds of trie entries.
const (
	kCommune  = iota + 1 // a commune's current, former or short name
	kEPCI                // an intercommunality's full name, former name, long form or acronym
	kEPCICore            // the distinctive part of an EPCI name: "Lens - Liévin", "Douaisis"
	kHead                // "communauté d'agglomération", "CC"…: announces EPCI names
	kDep                 // a département name, with or without its article
	kRegion              // a région name, current or former
	kBlock               // a phrase that contains a place name but names no place
	kGentile             // a demonym or the name of a pays: "lillois", "Audomarois"
)

// Entry flags.
const (
	fFormer  = 1 << iota // a former name of the commune
	fAlias               // a hand-made short form
	fWeak                // an EPCI core that counts only after a head
	fComma               // the name contains a comma, so a match may cross one
	fAcronym             // must be upper case in the text
	fArticle             // the key starts with an article (département)
	fPlural              // a plural head: a list of EPCI names may follow
	fTypeCA              // head types
	fTypeCC
	fTypeCU
	fTypeMetro
)

// An entry is what one key of the trie stands for.
type entry struct {
	kind  uint8
	skip  uint8 // leading tokens of the key outside the span ("du" of "du Touquet")
	flags uint16
	ref   int32 // index of the commune, EPCI, département or région
}

// The matcher is a trie over token sequences: each edge is a token id, each node may
// end keys, whose entries it holds.
type matcher struct {
	dict   map[string]int32
	table  *strTable        // dict, frozen for fast lookups once built
	root   []int32          // by token id: the root's child, 0 for none
	kids   map[uint64]int32 // node<<32 | token id → child node
	kidTab *kidTable        // kids, frozen for fast lookups once built
	ents   [][]entry        // by node
	longer []uint16         // by node: bit 1<<kind for each kind of key that goes on after it
	level  []int8           // by node: how much context a commune name needs (0–3)
	class  []uint8          // by token id: the word's classes (wKnown…)
	nodes  int32

	idDe, idDu, idDes, idD, idLa, idL, idLe, idLes, idA, idEt, idOu, idAu, idAux int32
	// Pseudo-words that no text token spells, for an article in parentheses after a
	// name: "SEYNE-SUR-MER (LA)" is keyed seyne sur mer (la).
	idPLa, idPL, idPLe, idPLes int32
}

// fInverted marks a commune key written with its article after it, in parentheses, as
// administrative lists write them: "SEYNE-SUR-MER (LA)".
const fInverted = fGlued << 1

// parenArticle returns the pseudo-word that stands for article id in parentheses after
// a name, or -1 when id is no article.
func (m *matcher) parenArticle(id int32) int32 {
	switch id {
	case m.idLa:
		return m.idPLa
	case m.idL:
		return m.idPL
	case m.idLe:
		return m.idPLe
	case m.idLes:
		return m.idPLes
	}
	return -1
}

func (m *matcher) intern(s string) int32 {
	if id, ok := m.dict[s]; ok {
		return id
	}
	id := int32(len(m.dict))
	m.dict[s] = id
	return id
}

func (m *matcher) lookupID(s string) int32 {
	if id, ok := m.dict[s]; ok {
		return id
	}
	return -1
}

// keyTokens folds and tokenizes a name into dictionary ids, interning new tokens.
func (m *matcher) keyTokens(name string) ([]int32, bool) {
	toks := stringTokens(name, m.intern)
	ids := make([]int32, len(toks))
	comma := false
	for i, t := range toks {
		ids[i] = t.id
		if t.gap&gapComma != 0 {
			comma = true
		}
	}
	return ids, comma
}

func (m *matcher) insert(ids []int32, e entry) int32 {
	node := int32(0)
	for i, id := range ids {
		k := uint64(node)<<32 | uint64(uint32(id))
		child, ok := m.kids[k]
		if !ok {
			m.nodes++
			child = m.nodes
			m.kids[k] = child
			m.ents = append(m.ents, nil)
			m.longer = append(m.longer, 0)
		}
		node = child
		if i < len(ids)-1 {
			m.longer[node] |= 1 << e.kind
		}
	}
	for _, x := range m.ents[node] {
		if x == e {
			return node
		}
	}
	m.ents[node] = append(m.ents[node], e)
	return node
}

func (m *matcher) add(name string, e entry) int32 {
	ids, comma := m.keyTokens(name)
	if len(ids) == 0 {
		return 0
	}
	if comma {
		e.flags |= fComma
	}
	return m.insert(ids, e)
}

// child returns the child of node along token id, or 0.
func (m *matcher) child(node, id int32) int32 {
	if node == 0 && m.root != nil {
		if int(id) < len(m.root) {
			return m.root[id]
		}
		return 0
	}
	if m.kidTab != nil {
		return m.kidTab.get(uint64(node)<<32 | uint64(uint32(id)))
	}
	return m.kids[uint64(node)<<32|uint64(uint32(id))]
}

// walk follows ids from the root and returns the node reached, or -1.
func (m *matcher) walk(ids []int32) int32 {
	node := int32(0)
	for _, id := range ids {
		child, ok := m.kids[uint64(node)<<32|uint64(uint32(id))]
		if !ok {
			return -1
		}
		node = child
	}
	return node
}

// lookup returns the entries of the key spelt name (folded and tokenized).
func (m *matcher) lookup(name string) []entry {
	return m.lookupTokens(stringTokens(name, m.lookupID))
}

func (m *matcher) lookupTokens(toks []token) []entry {
	ids := make([]int32, len(toks))
	for i, t := range toks {
		if t.id < 0 {
			return nil
		}
		ids[i] = t.id
	}
	if n := m.walk(ids); n > 0 {
		return m.ents[n]
	}
	return nil
}

// tokens derives the tokens of a lexed text with the matcher's dictionary.
func (m *matcher) tokens(x *text.Tokens, buf []token) []token {
	return tokensOf(x, buf, m.table, m.lookupID)
}

// Articles by INSEE typeLiaison: the article the name starts with, and the contracted
// forms that replace it after "de" and "à".
var articleForms = map[int]struct {
	art        string
	contracted []string
}{
	2: {"le", []string{"du", "au"}},
	3: {"la", nil},
	4: {"les", []string{"des", "aux"}},
	5: {"l", nil},
}

// build fills the matcher from the gazetteer and the hand-made tables.
func (g *Gazetteer) build() error {
	m := &g.m
	m.dict = make(map[string]int32, 1<<15)
	m.kids = make(map[uint64]int32, 1<<16)
	m.ents = [][]entry{nil}
	m.longer = []uint16{0}
	m.intern("saint")
	m.intern("sainte")
	m.intern("saints")
	m.intern("saintes")
	m.dict["st"] = m.dict["saint"]
	m.dict["ste"] = m.dict["sainte"]
	m.dict["sts"] = m.dict["saints"]
	m.dict["stes"] = m.dict["saintes"]
	for _, p := range []struct {
		id *int32
		s  string
	}{{&m.idDe, "de"}, {&m.idDu, "du"}, {&m.idDes, "des"}, {&m.idD, "d"}, {&m.idLa, "la"},
		{&m.idL, "l"}, {&m.idLe, "le"}, {&m.idLes, "les"}, {&m.idA, "a"}, {&m.idEt, "et"},
		{&m.idOu, "ou"}, {&m.idAu, "au"}, {&m.idAux, "aux"},
		{&m.idPLa, "(la)"}, {&m.idPL, "(l)"}, {&m.idPLe, "(le)"}, {&m.idPLes, "(les)"}} {
		*p.id = m.intern(p.s)
	}

	communeKeys, err := g.buildCommunes()
	if err != nil {
		return err
	}
	if err := g.buildPlaces(); err != nil {
		return err
	}
	parts, err := g.buildEPCIs()
	if err != nil {
		return err
	}
	if err := g.buildTables(); err != nil {
		return err
	}
	m.addParts(parts)
	if err := g.buildLevels(communeKeys); err != nil {
		return err
	}
	m.freeze()
	return nil
}

// buildCommunes adds the communes' keys: official names, former names, hand-made
// short forms, with their contracted article forms ("du Touquet-Paris-Plage") and the
// article after them in parentheses. It returns each key's node with its ids, for the
// levels.
func (g *Gazetteer) buildCommunes() (map[int32][]int32, error) {
	m := &g.m
	// Communes: official names, contracted article forms ("du Touquet-Paris-Plage").
	communeKeys := map[int32][]int32{} // node → key, for the levels
	addCommune := func(name string, liaison int, ref int32, flags uint16) {
		ids, _ := m.keyTokens(name)
		if len(ids) == 0 {
			return
		}
		communeKeys[m.insert(ids, entry{kind: kCommune, ref: ref, flags: flags})] = ids
		// "SEYNE-SUR-MER (LA)": the article after the name, in parentheses. The key
		// needs the context the name with its article in front needs.
		if p := m.parenArticle(ids[0]); p >= 0 && len(ids) > 1 {
			k := append(slices.Clone(ids[1:]), p)
			communeKeys[m.insert(k, entry{kind: kCommune, ref: ref, flags: flags | fInverted})] = ids
		}
		if a, ok := articleForms[liaison]; ok && ids[0] == m.dict[a.art] && len(ids) > 1 {
			for _, c := range a.contracted {
				k := append([]int32{m.intern(c)}, ids[1:]...)
				communeKeys[m.insert(k, entry{kind: kCommune, ref: ref, flags: flags, skip: 1})] = k
			}
		}
	}
	for i, c := range g.communes {
		addCommune(c.Name, c.Liaison, int32(i), 0)
	}
	err := readTSV("data/anciens.tsv.gz", 5, func(f []string) error {
		i, ok := g.byINSEE[f[3]]
		if !ok {
			return fmt.Errorf("unknown commune %s", f[3])
		}
		addCommune(f[0], atoi(f[1]), i, fFormer)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV("data/communes-alias.tsv", 2, func(f []string) error {
		for _, insee := range strings.Split(f[1], " ") {
			i, ok := g.byINSEE[insee]
			if !ok {
				return fmt.Errorf("unknown commune %s", insee)
			}
			addCommune(f[0], g.communes[i].Liaison, i, fAlias)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return communeKeys, nil
}

// buildPlaces adds the départements' and régions' keys, with their articles and the
// glued forms PDF extraction produces ("Hauts-deFrance").
func (g *Gazetteer) buildPlaces() error {
	m := &g.m
	type region struct {
		name string
		ref  int32
	}
	var regs []region
	for i, r := range g.regions {
		regs = append(regs, region{r.Name, int32(i)})
	}
	err := readTSV("data/regions-anciennes.tsv", 2, func(f []string) error {
		i, ok := g.byRegion[f[1]]
		if !ok {
			return fmt.Errorf("unknown région %s", f[1])
		}
		regs = append(regs, region{f[0], i})
		return nil
	})
	if err != nil {
		return err
	}
	for _, d := range g.deps {
		m.keyTokens(d.Name) // intern every word before reversing the dictionary
	}
	for _, r := range regs {
		m.keyTokens(r.name)
	}
	rev := m.reverse()
	for i, d := range g.deps {
		ids, _ := m.keyTokens(d.Name)
		m.insertGlued(ids, entry{kind: kDep, ref: int32(i)}, rev)
		if a, ok := articleForms[d.Liaison]; ok {
			for _, art := range append([]string{a.art}, a.contracted...) {
				if art == "au" || art == "aux" {
					continue // "au Nord" is a direction, "jusqu'au Rhône" a river
				}
				k := append([]int32{m.intern(art)}, ids...)
				m.insertGlued(k, entry{kind: kDep, ref: int32(i), skip: 1, flags: fArticle}, rev)
			}
		}
	}
	for _, r := range regs {
		ids, _ := m.keyTokens(r.name)
		m.insertGlued(ids, entry{kind: kRegion, ref: r.ref}, rev)
	}
	return nil
}

// buildTables adds the hand-made tables: phrases that name no place, demonyms.
func (g *Gazetteer) buildTables() error {
	m := &g.m
	err := readTSV("data/non-lieux.tsv", 1, func(f []string) error {
		m.add(f[0], entry{kind: kBlock})
		return nil
	})
	if err != nil {
		return err
	}
	err = readTSV("data/gentiles.tsv", 1, func(f []string) error {
		for _, form := range inflect(f[0]) {
			m.add(form, entry{kind: kGentile})
		}
		return nil
	})
	if err != nil {
		return err
	}
	return nil
}

// buildLevels sets how much context each commune key needs, by its words without a
// leading article: the hand-made levels (ambigus.tsv), else from the words.
func (g *Gazetteer) buildLevels(communeKeys map[int32][]int32) error {
	m := &g.m
	rev := m.reverse()
	coreOf := func(ids []int32) string {
		for len(ids) > 1 {
			switch ids[0] {
			case m.idLe, m.idLa, m.idLes, m.idL, m.idDu, m.idDes, m.idAu, m.idAux:
				ids = ids[1:]
				continue
			}
			break
		}
		w := make([]string, len(ids))
		for i, id := range ids {
			w[i] = rev[id]
		}
		return strings.Join(w, " ")
	}
	hand := map[string]int8{}
	err := readTSV("data/ambigus.tsv", 2, func(f []string) error {
		ids, _ := m.keyTokens(f[0])
		n := m.walk(ids)
		if n <= 0 || !hasKind(m.ents[n], kCommune) {
			return fmt.Errorf("%q is not a commune name", f[0])
		}
		l := atoi(f[1])
		if l < 0 || l > 3 {
			return fmt.Errorf("level %q", f[1])
		}
		hand[coreOf(ids)] = int8(l)
		return nil
	})
	if err != nil {
		return err
	}
	m.level = make([]int8, len(m.ents))
	for n, ids := range communeKeys {
		core := coreOf(ids)
		if l, ok := hand[core]; ok {
			m.level[n] = l
			continue
		}
		if strings.Contains(core, " ") {
			continue
		}
		// "La Tour", "La Chambre", "Le Palais": an article and a common noun.
		if len(ids) > 1 && text.IsFrenchWord(core) {
			m.level[n] = 2
			continue
		}
		maxPop := 0
		for _, e := range m.ents[n] {
			if e.kind == kCommune {
				maxPop = max(maxPop, g.communes[e.ref].Population)
			}
		}
		if maxPop < 20000 && (text.IsFrenchWord(core) || names.IsGiven(core) || names.IsSurname(core) || len(core) <= 2) {
			m.level[n] = 1
		}
	}
	return nil
}

// freeze turns the build's maps into the tables Match reads.
func (m *matcher) freeze() {
	m.table = newStrTable(m.dict)
	m.kidTab = newKidTable(m.kids)
	m.root = make([]int32, len(m.dict))
	for k, child := range m.kids {
		if k>>32 == 0 {
			m.root[uint32(k)] = child
		}
	}
	m.classes()
}

// Word classes of the dictionary's words (matcher.class), for the rules' questions
// about a token: wKnown marks an id spelt one way only, whose bits below hold.
const (
	wKnown     = 1 << iota
	wArticle   // isArticle
	wConnector // isConnectorWord
	wGiven     // names.IsGiven
)

// classes fills m.class from the word lists the rules read: the rules ask about the
// same few words again and again, and most tokens of a text have an id.
func (m *matcher) classes() {
	m.class = make([]uint8, len(m.dict))
	spelt := make([]uint8, len(m.dict)) // the number of spellings of an id, up to 2
	for w, id := range m.dict {
		spelt[id] = min(spelt[id]+1, 2)
		c := uint8(wKnown)
		if isArticle(w) {
			c |= wArticle
		}
		if isConnectorWord(w) {
			c |= wConnector
		}
		if names.IsGiven(w) {
			c |= wGiven
		}
		m.class[id] = c
	}
	for id, n := range spelt {
		if n > 1 {
			m.class[id] = 0 // "st" and "saint": asked by the word, not the id
		}
	}
}

func hasKind(es []entry, kind uint8) bool {
	for _, e := range es {
		if e.kind == kind {
			return true
		}
	}
	return false
}

// insertGlued inserts ids and, for each short connector followed by a word, the key
// with the two glued as PDF extraction sometimes leaves them: "Hauts-deFrance".
func (m *matcher) insertGlued(ids []int32, e entry, rev map[int32]string) {
	m.insert(ids, e)
	for i := 0; i+1 < len(ids); i++ {
		switch ids[i] {
		case m.idDe, m.idDu, m.idDes, m.idLa, m.idLe, m.idLes, m.idEt:
			glued := m.intern(rev[ids[i]] + rev[ids[i+1]])
			k := append(append(append([]int32{}, ids[:i]...), glued), ids[i+2:]...)
			// The glued word counts only where a capital marks the glue ("deFrance",
			// "duNord"), never inside a word ("légers" is not "le Gers"); the span
			// starts at the glued word.
			ge := e
			ge.flags |= fGlued
			if i < int(ge.skip) {
				ge.skip = uint8(i)
			}
			m.insert(k, ge)
		}
	}
}

// reverse maps token ids back to their spelling (the longest, for "saint"/"st").
func (m *matcher) reverse() map[int32]string {
	rev := make(map[int32]string, len(m.dict))
	for s, id := range m.dict {
		if old, ok := rev[id]; !ok || len(s) > len(old) {
			rev[id] = s
		}
	}
	return rev
}

// inflect gives the four forms of a demonym written in the masculine singular:
// "lillois" → lillois, lilloise, lilloises; "roubaisien" → …ienne, …iens, …iennes.
func inflect(w string) []string {
	switch {
	case strings.HasSuffix(w, "ois"), strings.HasSuffix(w, "ais"):
		return []string{w, w + "e", w + "es"}
	case strings.HasSuffix(w, "ien"), strings.HasSuffix(w, "éen"):
		return []string{w, w + "s", w + "ne", w + "nes"}
	case strings.HasSuffix(w, "in"), strings.HasSuffix(w, "ain"), strings.HasSuffix(w, "an"):
		return []string{w, w + "s", w + "e", w + "es"}
	}
	return []string{w}
}
