package pdf

import (
	"fmt"
	"math"
	"slices"

	"orgdraft/domain/layout"
	"orgdraft/ui/chart"
)

// Tiles: the chart at full size on a grid of pages to tape together. The
// grid has as few tiles as the chart needs; within that, the cuts (the
// bands neighbouring tiles share) go between boxes where they can (see
// cuts). The assembly marks and the map's tile names move off the boxes.

// tiling is a chart cut into a grid of equally sized pieces.
type tiling struct {
	rows, cols int
	k          float64   // scale from chart points to paper points
	xs, ys     []float64 // chart point at the left of each column, the top of each row
	winW, winH float64   // chart size shown on each tile
	boxes      []layout.Rect
}

// tileAt is one tile of a tiling.
type tileAt struct {
	t    *tiling
	r, c int
}

// label returns a tile's name: its row as letters (A, B, …, Z, AA, …) and
// its column as a number, like a spreadsheet cell.
func (t *tiling) label(r, c int) string { return rowName(r) + fmt.Sprint(c+1) }

func rowName(r int) string {
	s := ""
	for r++; r > 0; r = (r - 1) / 26 {
		s = string(rune('A'+(r-1)%26)) + s
	}
	return s
}

// window returns the chart rectangle shown on tile (r, c).
func (t *tiling) window(r, c int) layout.Rect {
	return layout.Rect{X: t.xs[c], Y: t.ys[r], W: t.winW, H: t.winH}
}

// cover returns the chart rectangle the tiles cover together.
func (t *tiling) cover() layout.Rect {
	return layout.Rect{X: t.xs[0], Y: t.ys[0], W: t.xs[t.cols-1] + t.winW - t.xs[0], H: t.ys[t.rows-1] + t.winH - t.ys[0]}
}

// tileContent is the rectangle of a tile page the chart shows in: the area
// under the caption every tile has, less the margin for the neighbours'
// labels.
func tileContent(area layout.Rect) layout.Rect {
	return layout.Rect{X: area.X + tileMargin, Y: area.Y + captionH + tileMargin,
		W: area.W - 2*tileMargin, H: area.H - captionH - 2*tileMargin}
}

// grid cuts chart ch into tiles of content rectangle r at scale k,
// neighbours sharing at least tileOverlap points of paper.
func grid(ch *chart.Chart, r layout.Rect, k float64) tiling {
	b := ch.Bounds
	t := tiling{k: k, winW: r.W / k, winH: r.H / k}
	stepX := (r.W - tileOverlap) / k
	stepY := (r.H - tileOverlap) / k
	t.cols = max(1, int(math.Ceil((b.W-t.winW)/stepX-1e-9))+1)
	t.rows = max(1, int(math.Ceil((b.H-t.winH)/stepY-1e-9))+1)
	var xs, ys [][2]float64
	for _, bx := range ch.Boxes {
		t.boxes = append(t.boxes, bx.Rect)
		xs = append(xs, [2]float64{bx.Rect.X, bx.Rect.X + bx.Rect.W})
		ys = append(ys, [2]float64{bx.Rect.Y, bx.Rect.Y + bx.Rect.H})
	}
	t.xs = cuts(b.X, b.W, t.winW, stepX, t.cols, xs, tileOverlap/k)
	t.ys = cuts(b.Y, b.H, t.winH, stepY, t.rows, ys, tileOverlap/k)
	return t
}

// cuts returns the starts of n windows of length win along one axis,
// covering [lo, lo+length], each starting at most step after the one
// before (so that neighbours share at least win-step). Of the even grid
// centred on the chart, even grids shifted along the slack, and grids
// whose windows start early, before a box the even step would cut, it
// takes the one cutting the fewest boxes (spans are the boxes' extents
// along the axis), the centred grid on a tie.
func cuts(lo, length, win, step float64, n int, spans [][2]float64, gap float64) []float64 {
	slack := max(0, float64(n-1)*step+win-length)
	slices.SortFunc(spans, func(a, b [2]float64) int { return cmpFloat(a[0], b[0]) })
	even := func(s0 float64) []float64 {
		s := make([]float64, n)
		for c := range s {
			s[c] = s0 + float64(c)*step
		}
		return s
	}
	early := func(s0 float64) []float64 {
		s := make([]float64, n)
		s[0] = s0
		for c := 0; c+1 < n; c++ {
			end := s[c] + win
			next := s[c] + step
			// The earliest start from which the windows left still
			// reach the end.
			need := lo + length - float64(n-2-c)*step - win
			cand := next
			for _, sp := range spans {
				if sp[0] >= next {
					break
				}
				if sp[1] > end && sp[0]-gap/2 > s[c] {
					cand = min(cand, sp[0]-gap/2) // cut before the box
				}
			}
			if cand >= need-1e-9 {
				next = cand
			}
			s[c+1] = next
		}
		return s
	}
	best := even(lo - slack/2)
	fewest := cutCount(best, win, spans)
	const tries = 32
	for i := 0; i <= tries && fewest > 0; i++ {
		s0 := lo - slack*float64(i)/tries
		for _, s := range [][]float64{even(s0), early(s0)} {
			if k := cutCount(s, win, spans); k < fewest {
				best, fewest = s, k
			}
		}
	}
	return best
}

// cutCount returns how many spans lie whole in none of the windows.
func cutCount(starts []float64, win float64, spans [][2]float64) int {
	n := 0
	for _, sp := range spans {
		whole := false
		for _, s := range starts {
			if sp[0] >= s-1e-9 && sp[1] <= s+win+1e-9 {
				whole = true
				break
			}
		}
		if !whole {
			n++
		}
	}
	return n
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// free reports whether the chart rectangle r meets no box.
func (t *tiling) free(r layout.Rect) bool {
	for _, b := range t.boxes {
		if intersects(r, b) {
			return false
		}
	}
	return true
}

// spot returns the point nearest to (x, y) among candidates in the chart
// rectangle area where a w × h rectangle centred on it meets no box, and
// whether one was found.
func (t *tiling) spot(x, y, w, h float64, area layout.Rect) (layout.Point, bool) {
	const n = 12
	best, found, dist := layout.Point{X: x, Y: y}, false, math.Inf(1)
	try := func(px, py float64) {
		if px-w/2 < area.X || px+w/2 > area.X+area.W || py-h/2 < area.Y || py+h/2 > area.Y+area.H {
			return
		}
		if d := math.Hypot(px-x, py-y); d < dist && t.free(layout.Rect{X: px - w/2, Y: py - h/2, W: w, H: h}) {
			best, found, dist = layout.Point{X: px, Y: py}, true, d
		}
	}
	try(x, y)
	if found {
		return best, true
	}
	for i := 0; i <= n; i++ {
		for j := 0; j <= n; j++ {
			try(area.X+area.W*float64(i)/n, area.Y+area.H*float64(j)/n)
		}
	}
	return best, found
}

// drawTileMap draws the grid of tiles over the thumbnail of the chart,
// each tile's name where it covers no box.
func (c *composer) drawTileMap(s *sheet, v view, r layout.Rect) {
	t := v.tiles
	at := func(x, y float64) (float64, float64) { return r.X + (x-v.win.X)*v.k, r.Y + (y-v.win.Y)*v.k }
	stepX := t.winW
	if t.cols > 1 {
		stepX = t.xs[1] - t.xs[0]
	}
	f := font{size: min(16, max(7, stepX*v.k/4)), bold: true, color: unitLine}
	for row := range t.rows {
		for col := range t.cols {
			w := t.window(row, col)
			x, y := at(w.X, w.Y)
			s.rect(x, y, w.W*v.k, w.H*v.k, pen{width: 0.6, color: unitLine, dash: dashed}, nil)
		}
	}
	for row := range t.rows {
		for col := range t.cols {
			// The name goes in the part of the tile no neighbour shares.
			own := t.window(row, col)
			if col+1 < t.cols {
				own.W = t.xs[col+1] - own.X
			}
			if col > 0 {
				d := t.xs[col-1] + t.winW - own.X
				own.X, own.W = own.X+d, own.W-d
			}
			if row+1 < t.rows {
				own.H = t.ys[row+1] - own.Y
			}
			if row > 0 {
				d := t.ys[row-1] + t.winH - own.Y
				own.Y, own.H = own.Y+d, own.H-d
			}
			label := t.label(row, col)
			lw, lh := (c.m.Width(label, f.size)+4)/v.k, (f.size+2)/v.k
			p, ok := t.spot(own.X+own.W/2, own.Y+own.H/2, lw, lh, own)
			cx, cy := at(p.X, p.Y)
			if !ok {
				// Every spot covers a box: the name on a white patch.
				s.rect(cx-lw*v.k/2, cy-lh*v.k/2, lw*v.k, lh*v.k, pen{}, &white)
			}
			c.textIn(s, cx-50, 100, cy+f.size/2.8, f, alignCenter, label)
		}
	}
}

// drawTile draws one tile: the shared edges tinted, the chart clipped to
// the tile, the assembly marks and the neighbours' labels around it.
func (c *composer) drawTile(s *sheet, v view) {
	t, row, col := v.tile.t, v.tile.r, v.tile.c
	r := tileContent(v.area)
	band := &overlap
	win := t.window(row, col)
	if col > 0 {
		s.rect(r.X, r.Y, (t.xs[col-1]+t.winW-win.X)*v.k, r.H, pen{}, band)
	}
	if col < t.cols-1 {
		w := (win.X + t.winW - t.xs[col+1]) * v.k
		s.rect(r.X+r.W-w, r.Y, w, r.H, pen{}, band)
	}
	if row > 0 {
		s.rect(r.X, r.Y, r.W, (t.ys[row-1]+t.winH-win.Y)*v.k, pen{}, band)
	}
	if row < t.rows-1 {
		h := (win.Y + t.winH - t.ys[row+1]) * v.k
		s.rect(r.X, r.Y+r.H-h, r.W, h, pen{}, band)
	}
	s.clip(r.X, r.Y, r.W, r.H)
	c.drawChart(s, v.ch, v.win, v.k, r.X, r.Y, true)
	c.drawMarks(s, v, r)
	s.unclip()
	s.rect(r.X, r.Y, r.W, r.H, pen{width: 0.4, color: grey, dash: dashed}, nil)

	// The neighbours' names in the margin, so the tiles can be laid out
	// without the map.
	f := font{size: 8, bold: true, color: unitLine}
	mid := r.Y + r.H/2 + f.size/3
	if col > 0 {
		c.textIn(s, r.X-tileMargin, tileMargin, mid, f, alignCenter, "←")
		c.textIn(s, r.X-tileMargin, tileMargin, mid+f.size*1.3, f, alignCenter, t.label(row, col-1))
	}
	if col < t.cols-1 {
		c.textIn(s, r.X+r.W, tileMargin, mid, f, alignCenter, "→")
		c.textIn(s, r.X+r.W, tileMargin, mid+f.size*1.3, f, alignCenter, t.label(row, col+1))
	}
	if row > 0 {
		c.textIn(s, r.X, r.W, r.Y-5, f, alignCenter, "↑ "+t.label(row-1, col))
	}
	if row < t.rows-1 {
		c.textIn(s, r.X, r.W, r.Y+r.H+tileMargin-6, f, alignCenter, "↓ "+t.label(row+1, col))
	}
}

// marks returns the assembly marks, in chart points: in the middle of
// every band two tiles share, near a quarter and three quarters along the
// seam, moved along it off the boxes. They depend on the chart alone, so
// the two tiles sharing a band show them at the same place of the chart:
// laying one mark over the other aligns the tiles.
func (t *tiling) marks() []layout.Point {
	size := 4 * markRadius / t.k // the mark's footprint, in chart points
	var out []layout.Point
	along := func(x, y float64, seam layout.Rect) {
		if p, ok := t.spot(x, y, size, size, seam); ok {
			x, y = p.X, p.Y
		}
		out = append(out, layout.Point{X: x, Y: y})
	}
	for col := range t.cols - 1 {
		x := (t.xs[col+1] + t.xs[col] + t.winW) / 2
		for row := range t.rows {
			y := t.ys[row]
			seam := layout.Rect{X: x - size/2, Y: y, W: size, H: t.winH}
			along(x, y+t.winH/4, seam)
			along(x, y+t.winH*3/4, seam)
		}
	}
	for row := range t.rows - 1 {
		y := (t.ys[row+1] + t.ys[row] + t.winH) / 2
		for col := range t.cols {
			x := t.xs[col]
			seam := layout.Rect{X: x, Y: y - size/2, W: t.winW, H: size}
			along(x+t.winW/4, y, seam)
			along(x+t.winW*3/4, y, seam)
		}
	}
	return out
}

// drawMarks draws the assembly marks on a tile: a circle and a cross.
func (c *composer) drawMarks(s *sheet, v view, r layout.Rect) {
	st := pen{width: 0.5, color: unitLine}
	for _, m := range v.tile.t.marks() {
		if !contains(v.win, m) {
			continue
		}
		x, y := r.X+(m.X-v.win.X)*v.k, r.Y+(m.Y-v.win.Y)*v.k
		s.path(circle(x, y, markRadius), true, st, nil)
		s.line(x-2*markRadius, y, x+2*markRadius, y, st)
		s.line(x, y-2*markRadius, x, y+2*markRadius, st)
	}
}
