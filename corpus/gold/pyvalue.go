package gold

// score.py compares JSON values with Python's semantics: truthiness (`x or []`),
// str() of a scalar, float() of an amount, == between values. These helpers give
// the same results on values decoded by encoding/json with UseNumber (nil, bool,
// json.Number, string, []any, map[string]any).

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// truthy is Python's bool() of a JSON value.
func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case json.Number:
		r, inf, ok := number(v)
		return ok && (inf != 0 || r.Sign() != 0)
	case string:
		return v != ""
	case []any:
		return len(v) > 0
	case map[string]any:
		return len(v) > 0
	}
	return true
}

// isInt reports whether a JSON number literal is an integer for Python's json.
func isInt(n json.Number) bool { return !strings.ContainsAny(string(n), ".eE") }

// number returns the exact value of a JSON number, or inf = ±1 when it overflows a
// float64 (Python's json reads 1e400 as inf). ok is false for a malformed literal.
func number(n json.Number) (r *big.Rat, inf int, ok bool) {
	if isInt(n) {
		i, ok := new(big.Int).SetString(string(n), 10)
		if !ok {
			return nil, 0, false
		}
		return new(big.Rat).SetInt(i), 0, true
	}
	f, err := strconv.ParseFloat(string(n), 64)
	if err != nil && !math.IsInf(f, 0) {
		return nil, 0, false
	}
	if math.IsInf(f, 0) {
		return nil, int(math.Copysign(1, f)), true
	}
	return new(big.Rat).SetFloat64(f), 0, true
}

// pyStr is Python's str() of a JSON scalar.
func pyStr(v any) (string, error) {
	switch v := v.(type) {
	case nil:
		return "None", nil
	case bool:
		if v {
			return "True", nil
		}
		return "False", nil
	case string:
		return v, nil
	case json.Number:
		if isInt(v) {
			i, ok := new(big.Int).SetString(string(v), 10)
			if !ok {
				return "", fmt.Errorf("bad number %s", v)
			}
			return i.String(), nil
		}
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil && !math.IsInf(f, 0) {
			return "", fmt.Errorf("bad number %s", v)
		}
		return pyFloatRepr(f), nil
	}
	return "", fmt.Errorf("%s where a string is expected", kindOf(v))
}

// pyFloatRepr is Python's repr() of a float: the shortest digits that round-trip,
// in exponent form below 1e-4 and from 1e16 on, else with at least one decimal.
func pyFloatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	if exp < -4 || exp >= 16 {
		return e
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// pyFloat is Python's float() of an amount's value: a number, a boolean, or a
// string holding a decimal number. Python also accepts "1_000" in a string; this
// does not.
func pyFloat(v any) (float64, error) {
	switch v := v.(type) {
	case bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case json.Number:
		f, err := strconv.ParseFloat(string(v), 64)
		if err != nil && !(math.IsInf(f, 0) && !isInt(v)) {
			return 0, fmt.Errorf("number %s out of range", v)
		}
		return f, nil
	case string:
		s := strings.TrimFunc(v, isPySpace)
		if !strings.ContainsAny(s, "xX_") {
			if f, err := strconv.ParseFloat(s, 64); err == nil {
				return f, nil
			}
		}
		return 0, fmt.Errorf("amount value %q is not a number", v)
	}
	return 0, fmt.Errorf("amount value is %s, not a number", kindOf(v))
}

// isPySpace is Python's str.isspace for one character.
func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0, 0x1680,
		0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200a
}

// pyEqual is Python's == between two JSON values: True == 1 == 1.0, "1" != 1.
func pyEqual(a, b any) bool {
	if na, ok := numeric(a); ok {
		nb, ok := numeric(b)
		if !ok {
			return false
		}
		ra, ia, oka := number(na)
		rb, ib, okb := number(nb)
		if !oka || !okb || ia != 0 || ib != 0 {
			return oka && okb && ia == ib && ia != 0
		}
		return ra.Cmp(rb) == 0
	}
	switch a := a.(type) {
	case nil:
		return b == nil
	case string:
		b, ok := b.(string)
		return ok && a == b
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !pyEqual(a[i], b[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, va := range a {
			vb, ok := b[k]
			if !ok || !pyEqual(va, vb) {
				return false
			}
		}
		return true
	}
	return false
}

// numeric returns a boolean or number as a JSON number literal.
func numeric(v any) (json.Number, bool) {
	switch v := v.(type) {
	case bool:
		if v {
			return "1", true
		}
		return "0", true
	case json.Number:
		return v, true
	}
	return "", false
}

// hashKey is a string equal for two scalars exactly when Python's set would merge
// them (themes are a set of whatever the record holds).
func hashKey(v any) (string, error) {
	if n, ok := numeric(v); ok {
		r, inf, ok := number(n)
		switch {
		case !ok:
			return "", fmt.Errorf("bad number %s", n)
		case inf != 0:
			return fmt.Sprintf("#inf%d", inf), nil
		}
		return "#" + r.RatString(), nil
	}
	switch v := v.(type) {
	case nil:
		return "null", nil
	case string:
		return "s" + v, nil
	}
	return "", fmt.Errorf("%s in a set", kindOf(v))
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
