package querylang

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseAmount reads an amount in euros as a user writes it: 1000000, 1e6,
// 1 000 000, 1,5M, 200k, 2Md.
func ParseAmount(s string) (float64, error) {
	t := strings.ToLower(amountNoise.Replace(s))
	mult := 1.0
	for _, suf := range amountSuffixes {
		if strings.HasSuffix(t, suf.s) {
			mult = suf.m
			t = strings.TrimSuffix(t, suf.s)
			break
		}
	}
	t = strings.ReplaceAll(t, ",", ".")
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("bad amount %q", s)
	}
	return v * mult, nil
}

// amountNoise are the spaces and currency signs an amount may hold.
var amountNoise = strings.NewReplacer(" ", "", "\u00a0", "", "€", "", "eur", "")

// amountSuffixes are the multipliers an amount may end with, longest first.
var amountSuffixes = []struct {
	s string
	m float64
}{{"mds", 1e9}, {"md", 1e9}, {"g", 1e9}, {"m", 1e6}, {"k", 1e3}}

// ParseDate parses a date of the query language: YYYY, YYYY-MM or YYYY-MM-DD.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
}

// MaxYearSpan is the most years a mention:YYYY..YYYY range may span.
const MaxYearSpan = 200

// ParseYears reads the bounds of a range of years (mention:2018..2020).
func ParseYears(from, to string) (int, int, error) {
	a, err1 := strconv.Atoi(from)
	b, err2 := strconv.Atoi(to)
	if err1 != nil || err2 != nil || len(from) != 4 || len(to) != 4 || b < a || b-a > MaxYearSpan {
		return 0, 0, fmt.Errorf("bad range of years %q (want YYYY..YYYY)", from+".."+to)
	}
	return a, b, nil
}

// checkValue checks the value of a field clause (amounts, dates, ranges of years).
func checkValue(n Node) error {
	switch n := n.(type) {
	case *Field:
		switch n.Name {
		case "amount":
			_, err := ParseAmount(n.Value)
			return err
		case "date", "mention":
			_, err := ParseDate(n.Value)
			return err
		}
	case *Compare:
		if n.Name == "amount" {
			_, err := ParseAmount(n.Value)
			return err
		}
		_, err := ParseDate(n.Value)
		return err
	case *Range:
		if n.From == "" && n.To == "" {
			return fmt.Errorf("%s:.. needs a bound", Prefix(n.Name))
		}
		switch n.Name {
		case "mention":
			_, _, err := ParseYears(n.From, n.To)
			return err
		case "amount":
			return bothOK(n.From, n.To, func(s string) error { _, err := ParseAmount(s); return err })
		default:
			return bothOK(n.From, n.To, func(s string) error { _, err := ParseDate(s); return err })
		}
	}
	return nil
}

func bothOK(a, b string, check func(string) error) error {
	for _, s := range []string{a, b} {
		if s != "" {
			if err := check(s); err != nil {
				return err
			}
		}
	}
	return nil
}
