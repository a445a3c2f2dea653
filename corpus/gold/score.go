package gold

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
)

// Fields are the set-scored fields, in score.py's order.
var Fields = []string{"dates", "amounts", "communes", "epcis", "departements", "people",
	"signatories", "references", "themes"}

// keys is what one field of one record is scored on: the distinct keys in order,
// with the text shown for each in misses and extras.
type keys struct {
	list []string
	show map[string]string
	nums []float64 // amounts: the values, sorted
}

func (k *keys) add(key, show string) {
	if k.show == nil {
		k.show = map[string]string{}
	}
	if _, ok := k.show[key]; !ok {
		k.list = append(k.list, key)
		k.show[key] = show
	}
}

// items returns the list in a record's field: `rec.get(field) or []`.
func items(r Record, field string) ([]any, error) {
	v := r[field]
	if !truthy(v) {
		return nil, nil
	}
	l, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: %s, not a list", field, kindOf(v))
	}
	return l, nil
}

// object returns item i of field as an object.
func object(field string, i int, v any) (map[string]any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s[%d]: %s, not an object", field, i, kindOf(v))
	}
	return m, nil
}

// nameOf is `(name or "")` of score.py's fold: a string, or "" for a false value.
func nameOf(field string, i int, v any) (string, error) {
	if !truthy(v) {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s[%d].name: %s, not a string", field, i, kindOf(v))
	}
	return s, nil
}

// keysOf is score.py's keys(rec, field).
func keysOf(r Record, field string) (*keys, error) {
	l, err := items(r, field)
	if err != nil {
		return nil, err
	}
	k := &keys{}
	member := map[string]string{"dates": "value", "communes": "insee", "epcis": "siren",
		"references": "number"}
	for i, it := range l {
		switch field {
		case "dates", "communes", "epcis", "references":
			m, err := object(field, i, it)
			if err != nil {
				return nil, err
			}
			v := m[member[field]]
			if !truthy(v) {
				continue
			}
			s, err := pyStr(v)
			if err != nil {
				return nil, fmt.Errorf("%s[%d].%s: %w", field, i, member[field], err)
			}
			if field == "references" {
				k.add(Fold(s), s)
			} else {
				k.add(s, s)
			}
		case "amounts":
			m, err := object(field, i, it)
			if err != nil {
				return nil, err
			}
			if m["value"] == nil {
				continue
			}
			f, err := pyFloat(m["value"])
			if err != nil {
				return nil, fmt.Errorf("%s[%d].value: %w", field, i, err)
			}
			k.nums = append(k.nums, f)
		case "departements":
			s, err := pyStr(it)
			if err != nil {
				return nil, fmt.Errorf("%s[%d]: %w", field, i, err)
			}
			k.add(s, s)
		case "people", "signatories":
			m, err := object(field, i, it)
			if err != nil {
				return nil, err
			}
			name, err := nameOf(field, i, m["name"])
			if err != nil {
				return nil, err
			}
			if name != "" {
				k.add(NameKey(name), name)
			}
		case "themes":
			h, err := hashKey(it)
			if err != nil {
				return nil, fmt.Errorf("%s[%d]: %w", field, i, err)
			}
			s, _ := pyStr(it)
			k.add(h, s)
		default:
			return nil, fmt.Errorf("unknown field %q", field)
		}
	}
	slices.Sort(k.nums)
	return k, nil
}

// A party is one signatory as same_party sees it.
type party struct {
	name string // as written, "" when absent
	key  string // NameKey(name)
	org  bool   // kind == "organization"
}

func partiesOf(r Record, field string) ([]party, error) {
	l, err := items(r, field)
	if err != nil {
		return nil, err
	}
	ps := make([]party, 0, len(l))
	for i, it := range l {
		m, err := object(field, i, it)
		if err != nil {
			return nil, err
		}
		name, err := nameOf(field, i, m["name"])
		if err != nil {
			return nil, err
		}
		kind, _ := m["kind"].(string)
		ps = append(ps, party{name: name, key: NameKey(name), org: kind == "organization"})
	}
	return ps, nil
}

// sameParty is score.py's same_party: the same folded name, or, when either is an
// organisation, the significant words of one contained in the other's.
func sameParty(g, p party) bool {
	if g.key == p.key {
		return true
	}
	if g.org || p.org {
		a, b := orgTokens(g.name), orgTokens(p.name)
		return len(a) > 0 && len(b) > 0 && (subset(a, b) || subset(b, a))
	}
	return false
}

// matchParties is score.py's match_parties: greedy, each gold party taking the first
// unused predicted party that matches. It returns the unmatched of each side.
func matchParties(g, p []party) (tp int, missed, extra []string) {
	used := make([]bool, len(p))
	for _, gv := range g {
		found := false
		for i, pv := range p {
			if !used[i] && sameParty(gv, pv) {
				used[i], found = true, true
				tp++
				break
			}
		}
		if !found {
			missed = append(missed, gv.name)
		}
	}
	for i, pv := range p {
		if !used[i] {
			extra = append(extra, pv.name)
		}
	}
	return tp, missed, extra
}

// matchAmounts is score.py's match_amounts: distinct values in ascending order,
// each gold value taking the first unused predicted value within 0.5 % of it.
func matchAmounts(g, p []float64) (tp int, missed, extra []float64) {
	g, p = distinct(g), distinct(p)
	used := make([]bool, len(p))
	for _, gv := range g {
		found := false
		for i, pv := range p {
			if !used[i] && math.Abs(pv-gv) <= 0.005*math.Max(math.Abs(gv), 1) {
				used[i], found = true, true
				tp++
				break
			}
		}
		if !found {
			missed = append(missed, gv)
		}
	}
	for i, pv := range p {
		if !used[i] {
			extra = append(extra, pv)
		}
	}
	return tp, missed, extra
}

// distinct returns the distinct values of a sorted slice (NaNs all kept, as in a
// Python set of fresh floats).
func distinct(s []float64) []float64 {
	var out []float64
	for i, v := range s {
		if i > 0 && v == s[i-1] {
			continue
		}
		out = append(out, v)
	}
	return out
}

// FieldScore is one row of the table: micro-averaged counts and scores.
type FieldScore struct {
	Field     string  `json:"field"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Accuracy is OK right out of Total; Value is 0 when Total is 0.
type Accuracy struct {
	OK    int     `json:"ok"`
	Total int     `json:"total"`
	Value float64 `json:"accuracy"`
}

func accuracy(ok, total int) Accuracy {
	a := Accuracy{OK: ok, Total: total}
	if total > 0 {
		a.Value = float64(ok) / float64(total)
	}
	return a
}

// A Report is the outcome of scoring predictions against gold.
type Report struct {
	Gold      int          `json:"gold"`      // gold documents
	Missing   []string     `json:"missing"`   // gold ids with no prediction
	Unscored  []string     `json:"unscored"`  // predicted ids not in the gold (ignored)
	Fields    []FieldScore `json:"fields"`    // one per scored field
	Published Accuracy     `json:"published"` // null and "" count as equal
	Genre     Accuracy     `json:"genre"`
	// Role is the share of matched people (same NameKey) whose roles agree once
	// folded (case, accents, spaces and punctuation ignored; null == "").
	Role    Accuracy `json:"role"`
	MacroF1 float64  `json:"macro_f1"` // mean F1 over Fields
	// Fundings scores funding events (not part of the macro-F1); nil when the gold
	// has no fundings key.
	Fundings *FundingScore `json:"fundings,omitempty"`
	Docs     []DocDiff     `json:"documents,omitempty"`
}

// A DocDiff is what one gold document's prediction got wrong.
type DocDiff struct {
	ID      string      `json:"id"`
	Missing bool        `json:"missing,omitempty"` // no prediction at all
	Fields  []FieldDiff `json:"fields,omitempty"`
	Roles   []RoleDiff  `json:"roles,omitempty"`
	// Published and Genre are set when they differ: [gold, predicted].
	Published []string `json:"published,omitempty"`
	Genre     []string `json:"genre,omitempty"`
}

// A FieldDiff lists the gold items missed and the predicted items not in the gold,
// as written in the records.
type FieldDiff struct {
	Field  string   `json:"field"`
	Missed []string `json:"missed"`
	Extra  []string `json:"extra"`
}

// A RoleDiff is a matched person whose roles differ ("" for null).
type RoleDiff struct {
	Name string `json:"name"`
	Gold string `json:"gold"`
	Pred string `json:"pred"`
}

// Score scores pred against gold on fields (nil means Fields), as score.py does:
// per field, micro-averaged precision, recall and F1 over the gold documents (a
// missing prediction counts as empty, predictions for other ids are ignored);
// precision is 1 when nothing was predicted and nothing missed, recall 1 when
// there was nothing to find. It also gives the accuracy of published, genre and of
// matched people's roles, and every document's misses and extras.
func Score(gold, pred *Set, fields []string) (*Report, error) {
	if fields == nil {
		fields = Fields
	}
	if gold.Len() == 0 {
		return nil, fmt.Errorf("the gold has no documents")
	}
	if len(fields) == 0 {
		return nil, fmt.Errorf("no field to score")
	}
	rep := &Report{Gold: gold.Len(), Missing: []string{}, Unscored: []string{}}
	for _, id := range pred.IDs {
		if _, ok := gold.Docs[id]; !ok {
			rep.Unscored = append(rep.Unscored, id)
		}
	}
	diffs := make([]DocDiff, gold.Len())
	for i, id := range gold.IDs {
		diffs[i].ID = id
		if _, ok := pred.Docs[id]; !ok {
			rep.Missing = append(rep.Missing, id)
			diffs[i].Missing = true
		}
	}
	for _, field := range fields {
		fs := FieldScore{Field: field}
		for i, id := range gold.IDs {
			t, missed, extra, err := scoreField(gold.Docs[id], pred.Docs[id], field)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", id, err)
			}
			fs.TP, fs.FP, fs.FN = fs.TP+t, fs.FP+len(extra), fs.FN+len(missed)
			if len(missed)+len(extra) > 0 {
				diffs[i].Fields = append(diffs[i].Fields, FieldDiff{field, missed, extra})
			}
		}
		fs.Precision, fs.Recall, fs.F1 = prf(fs.TP, fs.FP, fs.FN)
		rep.MacroF1 += fs.F1
		rep.Fields = append(rep.Fields, fs)
	}
	rep.MacroF1 /= float64(len(fields))
	fsc, err := scoreFundings(gold, pred, diffs)
	if err != nil {
		return nil, err
	}
	rep.Fundings = fsc

	var pub, genre, roleOK, roleN int
	for i, id := range gold.IDs {
		g, p := gold.Docs[id], pred.Docs[id]
		for _, f := range []struct {
			name string
			ok   *int
			diff *[]string
		}{{"published", &pub, &diffs[i].Published}, {"genre", &genre, &diffs[i].Genre}} {
			gv, pv := orNone(g[f.name]), orNone(p[f.name])
			if pyEqual(pv, gv) {
				*f.ok++
			} else {
				*f.diff = []string{showValue(gv), showValue(pv)}
			}
		}
		ok, n, rd, err := roles(g, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		roleOK, roleN = roleOK+ok, roleN+n
		diffs[i].Roles = rd
	}
	rep.Published = accuracy(pub, gold.Len())
	rep.Genre = accuracy(genre, gold.Len())
	rep.Role = accuracy(roleOK, roleN)
	for _, d := range diffs {
		if d.Missing || d.Fields != nil || d.Roles != nil || d.Published != nil || d.Genre != nil {
			rep.Docs = append(rep.Docs, d)
		}
	}
	return rep, nil
}

// showValue shows a published or genre value as JSON: null, "2019", 2019.
func showValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return kindOf(v)
	}
	return string(b)
}

func orNone(v any) any {
	if !truthy(v) {
		return nil
	}
	return v
}

// prf is score.py's precision, recall and F1.
func prf(tp, fp, fn int) (p, r, f float64) {
	switch {
	case tp+fp > 0:
		p = float64(tp) / float64(tp+fp)
	case fn == 0:
		p = 1
	}
	r = 1
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// scoreField scores one field of one document; p is nil for a missing prediction.
func scoreField(g, p Record, field string) (tp int, missed, extra []string, err error) {
	if field == "signatories" {
		gp, err := partiesOf(g, field)
		if err != nil {
			return 0, nil, nil, err
		}
		pp, err := partiesOf(p, field)
		if err != nil {
			return 0, nil, nil, err
		}
		tp, missed, extra = matchParties(gp, pp)
		return tp, missed, extra, nil
	}
	gk, err := keysOf(g, field)
	if err != nil {
		return 0, nil, nil, err
	}
	pk, err := keysOf(p, field)
	if err != nil {
		return 0, nil, nil, err
	}
	if field == "amounts" {
		t, m, e := matchAmounts(gk.nums, pk.nums)
		return t, showNums(m), showNums(e), nil
	}
	for _, k := range gk.list {
		if _, ok := pk.show[k]; ok {
			tp++
		} else {
			missed = append(missed, gk.show[k])
		}
	}
	for _, k := range pk.list {
		if _, ok := gk.show[k]; !ok {
			extra = append(extra, pk.show[k])
		}
	}
	sort.Strings(missed)
	sort.Strings(extra)
	return tp, missed, extra, nil
}

func showNums(v []float64) []string {
	var s []string
	for _, f := range v {
		s = append(s, strconv.FormatFloat(f, 'f', -1, 64))
	}
	return s
}

// roles compares the roles of the people of g and p matched by NameKey (the first
// person of each key on either side).
func roles(g, p Record) (ok, n int, diffs []RoleDiff, err error) {
	gr, err := rolesOf(g)
	if err != nil {
		return 0, 0, nil, err
	}
	pr, err := rolesOf(p)
	if err != nil {
		return 0, 0, nil, err
	}
	for _, k := range gr.list {
		prole, found := pr.roles[k]
		if !found {
			continue
		}
		n++
		grole := gr.roles[k]
		if Fold(grole) == Fold(prole) {
			ok++
		} else {
			diffs = append(diffs, RoleDiff{gr.show[k], grole, prole})
		}
	}
	return ok, n, diffs, nil
}

type peopleRoles struct {
	keys
	roles map[string]string
}

func rolesOf(r Record) (*peopleRoles, error) {
	l, err := items(r, "people")
	if err != nil {
		return nil, err
	}
	pr := &peopleRoles{roles: map[string]string{}}
	for i, it := range l {
		m, err := object("people", i, it)
		if err != nil {
			return nil, err
		}
		name, err := nameOf("people", i, m["name"])
		if err != nil || name == "" {
			continue
		}
		k := NameKey(name)
		if _, ok := pr.roles[k]; ok {
			continue
		}
		role := ""
		if truthy(m["role"]) {
			if role, err = pyStr(m["role"]); err != nil {
				return nil, fmt.Errorf("people[%d].role: %w", i, err)
			}
		}
		pr.add(k, name)
		pr.roles[k] = role
	}
	return pr, nil
}
