package main

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"terril/index"
	"terril/serve"
)

// sortFacets orders the values of each facet: by order ("count", "value",
// "-value"), else by count with months and years newest first.
func sortFacets(res *index.Result, order string) {
	for i := range res.Facets {
		f := &res.Facets[i]
		o := order
		if o == "" && (f.Name == "year" || f.Name == "month") {
			o = "-value"
		}
		switch o {
		case "count":
			slices.SortStableFunc(f.Values, func(a, b index.FacetValue) int { return b.Count - a.Count })
		case "value":
			slices.SortStableFunc(f.Values, func(a, b index.FacetValue) int { return strings.Compare(a.Value, b.Value) })
		case "-value":
			slices.SortStableFunc(f.Values, func(a, b index.FacetValue) int { return strings.Compare(b.Value, a.Value) })
		}
	}
}

// trimFacets keeps the top values of each facet, adding the counts of the others
// to Other: one "other values" line, and JSON that honours -n. The values must be
// in their order already (see sortFacets).
func trimFacets(res *index.Result, top int) {
	for i := range res.Facets {
		f := &res.Facets[i]
		if len(f.Values) > top {
			for _, v := range f.Values[top:] {
				f.Other += v.Count
			}
			f.Values = f.Values[:top]
		}
	}
}

// facetLabel is how a facet value is shown: départements with their names,
// "Nord (59)", like communes.
func facetLabel(facet, value string) string {
	if facet == "dept" || facet == "fdept" {
		if name := index.DepartementName(value); name != "" {
			return name + " (" + value + ")"
		}
	}
	return value
}

// writeFacetsCSV writes facets and sums as one table: a row per value, with
// "(other values)" and "(none)" rows; sums have their dimension as "sums:DIM", the
// events as count and their total in euros.
func writeFacetsCSV(w io.Writer, res *index.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"facet", "value", "label", "count", "total_eur", "docs"})
	for _, f := range res.Facets {
		for _, v := range f.Values {
			cw.Write([]string{f.Name, serve.SafeCell(v.Value), serve.SafeCell(facetLabel(f.Name, v.Value)), strconv.Itoa(v.Count), "", ""})
		}
		if f.Other > 0 {
			cw.Write([]string{f.Name, "", "(other values)", strconv.Itoa(f.Other), "", ""})
		}
		if f.Missing > 0 {
			cw.Write([]string{f.Name, "", "(none)", strconv.Itoa(f.Missing), "", ""})
		}
	}
	for _, s := range res.Sums {
		for _, v := range s.Values {
			cw.Write([]string{"sums:" + s.Dimension, serve.SafeCell(v.Value), serve.SafeCell(facetLabel(s.Dimension, v.Value)),
				strconv.Itoa(v.Count), strconv.FormatFloat(v.Total, 'f', -1, 64), strconv.Itoa(v.Docs)})
		}
	}
	cw.Flush()
	return cw.Error()
}
