package gold

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report as score.py prints it: a note on gold documents with
// no prediction, one row per field (tp fp fn P R F1), the accuracy of published and
// genre, then the role accuracy of matched people, and the macro-F1 last. verbose
// adds, per document, the items missed and extra, the differing roles, published
// and genre.
func (r *Report) WriteText(w io.Writer, verbose bool) error {
	b := bufio.NewWriter(w)
	if n := len(r.Missing); n > 0 {
		fmt.Fprintf(b, "# %d gold documents have no prediction: %s\n", n,
			strings.Join(r.Missing[:min(n, 8)], " "))
	}
	if n := len(r.Unscored); n > 0 {
		fmt.Fprintf(b, "# %d predicted documents are not in the gold (ignored): %s\n", n,
			strings.Join(r.Unscored[:min(n, 8)], " "))
	}
	fmt.Fprintf(b, "%-14s %5s %5s %5s %6s %6s %6s\n", "field", "tp", "fp", "fn", "P", "R", "F1")
	for _, f := range r.Fields {
		fmt.Fprintf(b, "%-14s %5d %5d %5d %6.3f %6.3f %6.3f\n",
			f.Field, f.TP, f.FP, f.FN, f.Precision, f.Recall, f.F1)
	}
	if f := r.Fundings; f != nil {
		fmt.Fprintf(b, "%-14s %5d %5d %5d %6.3f %6.3f %6.3f\n", "fundings", f.TP, f.FP, f.FN, f.Precision, f.Recall, f.F1)
		if f.TP > 0 {
			fmt.Fprintf(b, "  on matched fundings: funder %d/%d, communes %d/%d, instrument %d/%d\n",
				f.Funder, f.TP, f.Communes, f.TP, f.Instrument, f.TP)
		}
	}
	for _, a := range []struct {
		name string
		Accuracy
	}{{"published", r.Published}, {"genre", r.Genre}, {"role", r.Role}} {
		if a.Total == 0 {
			fmt.Fprintf(b, "%-14s accuracy 0/0 = n/a\n", a.name)
			continue
		}
		fmt.Fprintf(b, "%-14s accuracy %d/%d = %.3f\n", a.name, a.OK, a.Total, a.Value)
	}
	fmt.Fprintf(b, "macro-F1 %.3f\n", r.MacroF1)
	if verbose {
		for _, d := range r.Docs {
			fmt.Fprintf(b, "\n%s\n", d.ID)
			if d.Missing {
				fmt.Fprintln(b, "  no prediction")
			}
			for _, f := range d.Fields {
				fmt.Fprintf(b, "  %-13s missed %s  extra %s\n", f.Field+":", list(f.Missed), list(f.Extra))
			}
			if d.Published != nil {
				fmt.Fprintf(b, "  %-13s gold %s  predicted %s\n", "published:", d.Published[0], d.Published[1])
			}
			if d.Genre != nil {
				fmt.Fprintf(b, "  %-13s gold %s  predicted %s\n", "genre:", d.Genre[0], d.Genre[1])
			}
			for _, rd := range d.Roles {
				fmt.Fprintf(b, "  %-13s %s: gold %s  predicted %s\n", "role:", rd.Name, role(rd.Gold), role(rd.Pred))
			}
		}
	}
	return b.Flush()
}

// list shows items as ["a", "b"].
func list(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func role(s string) string {
	if s == "" {
		return "null"
	}
	return fmt.Sprintf("%q", s)
}

// CommonLines returns the lines of a text report that score.py also prints, in
// order: without the role accuracy, the note on predictions not in the gold and the
// per-document details.
func CommonLines(report string) []string {
	var out []string
	for _, l := range strings.Split(report, "\n") {
		if l == "" {
			break
		}
		if strings.HasPrefix(l, "role ") || strings.HasPrefix(l, "# ") && strings.Contains(l, "not in the gold") {
			continue
		}
		out = append(out, l)
	}
	return out
}
