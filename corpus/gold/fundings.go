package gold

import (
	"fmt"
	"math"
	"strconv"
)

// FundingScore is score.py's fundings_report: events matched by amount (within
// 0.5 %) inside a document, each gold event taking the first unused predicted one;
// then, on the matched pairs, how many have the funder right (significant words, as
// for organisation signatories), the same set of communes and the same instrument.
type FundingScore struct {
	TP         int     `json:"tp"`
	FP         int     `json:"fp"`
	FN         int     `json:"fn"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	F1         float64 `json:"f1"`
	Funder     int     `json:"funder"`
	Communes   int     `json:"communes"`
	Instrument int     `json:"instrument"`
}

// A funding is one event as fundings_report reads it.
type funding struct {
	amount     float64
	ok         bool // the amount reads as a number
	funder     map[string]bool
	communes   map[string]bool
	instrument any
}

// fundingsOf reads a record's fundings; an item that is not an object, a funder
// that is not a string or communes that are not a list are errors (score.py would
// crash or read the characters of a string).
func fundingsOf(r Record) ([]funding, error) {
	l, err := items(r, "fundings")
	if err != nil {
		return nil, err
	}
	out := make([]funding, 0, len(l))
	for i, it := range l {
		m, err := object("fundings", i, it)
		if err != nil {
			return nil, err
		}
		var f funding
		if v, present := m["amount"]; present && v != nil {
			if a, err := pyFloat(v); err == nil {
				f.amount, f.ok = a, true
			}
		}
		name, err := nameOf("fundings", i, m["funder"])
		if err != nil {
			return nil, fmt.Errorf("fundings[%d].funder: %s, not a string", i, kindOf(m["funder"]))
		}
		f.funder = orgTokens(name)
		f.communes = map[string]bool{}
		cl, err := items(m, "communes")
		if err != nil {
			return nil, fmt.Errorf("fundings[%d].%w", i, err)
		}
		for k, c := range cl {
			h, err := hashKey(c)
			if err != nil {
				return nil, fmt.Errorf("fundings[%d].communes[%d]: %w", i, k, err)
			}
			f.communes[h] = true
		}
		f.instrument = orNone(m["instrument"])
		out = append(out, f)
	}
	return out, nil
}

// scoreFundings returns nil when no gold record has a fundings key, as score.py
// then prints no fundings row. diffs receives, per gold document, the amounts
// missed and extra.
func scoreFundings(gold, pred *Set, diffs []DocDiff) (*FundingScore, error) {
	has := false
	for _, id := range gold.IDs {
		if _, ok := gold.Docs[id]["fundings"]; ok {
			has = true
		}
	}
	if !has {
		return nil, nil
	}
	s := &FundingScore{}
	total := 0
	for n, id := range gold.IDs {
		gf, err := fundingsOf(gold.Docs[id])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		pf, err := fundingsOf(pred.Docs[id])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		total += len(gf)
		used := make([]bool, len(pf))
		var missed, extra []string
		for _, g := range gf {
			found := false
			for k, p := range pf {
				if !g.ok || !p.ok || used[k] || math.Abs(g.amount-p.amount) > 0.005*math.Max(math.Abs(g.amount), 1) {
					continue
				}
				used[k], found = true, true
				s.TP++
				if len(g.funder) > 0 && len(p.funder) > 0 && (subset(g.funder, p.funder) || subset(p.funder, g.funder)) {
					s.Funder++
				}
				if sameKeys(g.communes, p.communes) {
					s.Communes++
				}
				if pyEqual(g.instrument, p.instrument) {
					s.Instrument++
				}
				break
			}
			if !found {
				missed = append(missed, showAmount(g))
			}
		}
		for k, p := range pf {
			if !used[k] {
				s.FP++
				extra = append(extra, showAmount(p))
			}
		}
		if len(missed)+len(extra) > 0 {
			diffs[n].Fields = append(diffs[n].Fields, FieldDiff{"fundings", missed, extra})
		}
	}
	s.FN = total - s.TP
	s.Precision, s.Recall, s.F1 = prf(s.TP, s.FP, s.FN)
	return s, nil
}

func sameKeys(a, b map[string]bool) bool {
	return len(a) == len(b) && subset(a, b)
}

func showAmount(f funding) string {
	if !f.ok {
		return "?"
	}
	return strconv.FormatFloat(f.amount, 'f', -1, 64)
}
