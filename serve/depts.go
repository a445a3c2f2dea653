package serve

import (
	"math"
	"sort"
	"sync"
)

// deptCentroids are the approximate centroids (latitude, longitude, to a tenth of
// a degree or so) of the metropolitan départements, written for terril from
// public maps: enough to place a tile, not to draw a border.
var deptCentroids = map[string][2]float64{
	"01": {46.1, 5.35}, "02": {49.55, 3.55}, "03": {46.4, 3.2}, "04": {44.1, 6.25}, "05": {44.65, 6.25},
	"06": {43.95, 7.1}, "07": {44.75, 4.4}, "08": {49.6, 4.65}, "09": {42.95, 1.5}, "10": {48.3, 4.15},
	"11": {43.1, 2.4}, "12": {44.3, 2.65}, "13": {43.55, 5.1}, "14": {49.1, -0.35}, "15": {45.05, 2.65},
	"16": {45.7, 0.2}, "17": {45.8, -0.7}, "18": {47.05, 2.5}, "19": {45.35, 1.85}, "21": {47.4, 4.75},
	"22": {48.45, -2.85}, "23": {46.1, 2.0}, "24": {45.1, 0.75}, "25": {47.15, 6.35}, "26": {44.7, 5.15},
	"27": {49.1, 1.0}, "28": {48.4, 1.35}, "29": {48.25, -4.05}, "2A": {41.85, 9.0}, "2B": {42.4, 9.2},
	"30": {44.0, 4.2}, "31": {43.35, 1.2}, "32": {43.7, 0.45}, "33": {44.8, -0.55}, "34": {43.6, 3.4},
	"35": {48.15, -1.65}, "36": {46.8, 1.6}, "37": {47.25, 0.7}, "38": {45.25, 5.6}, "39": {46.75, 5.7},
	"40": {44.0, -0.8}, "41": {47.6, 1.4}, "42": {45.7, 4.15}, "43": {45.1, 3.8}, "44": {47.35, -1.7},
	"45": {47.9, 2.3}, "46": {44.6, 1.6}, "47": {44.35, 0.45}, "48": {44.5, 3.5}, "49": {47.4, -0.55},
	"50": {49.1, -1.3}, "51": {48.95, 4.25}, "52": {48.1, 5.2}, "53": {48.15, -0.65}, "54": {48.8, 6.15},
	"55": {49.0, 5.4}, "56": {47.85, -2.85}, "57": {49.05, 6.65}, "58": {47.1, 3.5}, "59": {50.45, 3.25},
	"60": {49.4, 2.45}, "61": {48.6, 0.1}, "62": {50.5, 2.3}, "63": {45.7, 3.15}, "64": {43.25, -0.75},
	"65": {43.05, 0.15}, "66": {42.6, 2.5}, "67": {48.65, 7.55}, "68": {47.85, 7.25}, "69": {45.85, 4.65},
	"70": {47.65, 6.1}, "71": {46.65, 4.55}, "72": {48.0, 0.2}, "73": {45.5, 6.45}, "74": {46.05, 6.4},
	"75": {48.86, 2.35}, "76": {49.65, 1.0}, "77": {48.6, 2.95}, "78": {48.8, 1.85}, "79": {46.55, -0.3},
	"80": {49.95, 2.3}, "81": {43.8, 2.15}, "82": {44.05, 1.3}, "83": {43.45, 6.2}, "84": {44.0, 5.15},
	"85": {46.65, -1.3}, "86": {46.55, 0.45}, "87": {45.9, 1.25}, "88": {48.2, 6.4}, "89": {47.85, 3.6},
	"90": {47.65, 6.9}, "91": {48.5, 2.25}, "92": {48.85, 2.2}, "93": {48.92, 2.48}, "94": {48.78, 2.47},
	"95": {49.1, 2.15},
}

// overseas are the départements d'outre-mer, tiled in a row under the mainland.
var overseas = []string{"971", "972", "973", "974", "976"}

type deptTile struct {
	code     string
	col, row int
}

// tileDeg is the side of a tile in degrees of latitude: about the size of a
// département, so that each finds a cell near its centroid.
const tileDeg = 0.8

var (
	tilesOnce sync.Once
	tiles     []deptTile
)

// deptTiles places every département on a grid: each takes the free tileDeg
// nearest its centroid (longitudes shrunk by the cosine of the mean latitude),
// the départements nearest the middle of France first, so that crowded areas
// (Paris and its ring) spread outwards. The DOM follow in a row of their own.
func deptTiles() []deptTile {
	tilesOnce.Do(func() {
		const lat0, lon0, latTop = 46.5, -5.2, 51.2
		k := math.Cos(lat0 * math.Pi / 180)
		type pos struct {
			code string
			x, y float64
		}
		var ps []pos
		for c, ll := range deptCentroids {
			ps = append(ps, pos{c, (ll[1] - lon0) * k / tileDeg, (latTop - ll[0]) / tileDeg})
		}
		// The crowded ring around Paris first: codes by distance to Paris, then
		// by code for a stable order.
		px, py := (2.35-lon0)*k/tileDeg, (latTop-48.86)/tileDeg
		sort.Slice(ps, func(i, j int) bool {
			di := math.Hypot(ps[i].x-px, ps[i].y-py)
			dj := math.Hypot(ps[j].x-px, ps[j].y-py)
			if di != dj {
				return di < dj
			}
			return ps[i].code < ps[j].code
		})
		taken := map[[2]int]bool{}
		maxRow := 0
		for _, p := range ps {
			best, bestD := [2]int{}, math.Inf(1)
			cx, cy := int(math.Round(p.x)), int(math.Round(p.y))
			for dy := -4; dy <= 4; dy++ {
				for dx := -4; dx <= 4; dx++ {
					c := [2]int{cx + dx, cy + dy}
					if c[0] < 0 || c[1] < 0 || taken[c] {
						continue
					}
					if d := math.Hypot(float64(c[0])-p.x, float64(c[1])-p.y); d < bestD {
						best, bestD = c, d
					}
				}
			}
			taken[best] = true
			tiles = append(tiles, deptTile{p.code, best[0], best[1]})
			maxRow = max(maxRow, best[1])
		}
		for i, c := range overseas {
			tiles = append(tiles, deptTile{c, i, maxRow + 2})
		}
		sort.Slice(tiles, func(i, j int) bool { return tiles[i].code < tiles[j].code })
	})
	return tiles
}
