package layout

import (
	"cmp"
	"math"
	"slices"
)

// applyOffsets moves every visible box by its own manual offset plus those
// of its ancestors, so a dragged box takes its subtree along. A line into a
// box that was itself dragged is rerouted; the others move with their
// subtree unchanged. It reports whether any offset was non-zero.
func (l *layouter) applyOffsets(boxes []Rect, conns []Connector) bool {
	off := l.in.Offset
	if !slices.ContainsFunc(off, func(p Point) bool { return p != Point{} }) {
		return false
	}
	total := make([]Point, l.n)
	for i := int32(0); i < l.n; i++ {
		t := off[i]
		if p := l.parent[i]; p >= 0 {
			t.X += total[p].X
			t.Y += total[p].Y
		}
		total[i] = t
		if l.role[i] != hidden {
			boxes[i].X += t.X
			boxes[i].Y += t.Y
		}
	}
	for k := range conns {
		c := &conns[k]
		if off[c.To] != (Point{}) {
			c.Points = l.reroute(c, boxes, total[c.From])
			continue
		}
		t := total[c.To]
		for j := range c.Points {
			c.Points[j].X += t.X
			c.Points[j].Y += t.Y
		}
	}
	return true
}

// reroute draws the line c into a box the user dragged, given the page
// boxes after the offsets and the parent's total offset. An ordinary child
// still below its family's bus keeps using the bus (half a level above
// where the layout put the child, moved with the parent); other lines take
// the plain route between the two boxes.
func (l *layouter) reroute(c *Connector, boxes []Rect, moved Point) []Point {
	from, to := l.frame(boxes[c.From]), l.frame(boxes[c.To])
	if l.kind(c.To) == core {
		laidOut := l.framePoint(c.Points[len(c.Points)-1]) // the child's top before the offsets
		bus := laidOut.Y - l.opt.LevelGap/2 + l.framePoint(moved).Y
		if bottom := from.Y + from.H; bus > bottom && bus < to.Y {
			px, cx := from.X+from.W/2, to.X+to.W/2
			ps := append(c.Points[:0], Point{px, bottom}, Point{px, bus}, Point{cx, bus}, Point{cx, to.Y})
			l.framePoints(ps)
			return ps
		}
	}
	return l.routePage(c.Points[:0], boxes[c.From], boxes[c.To], false)
}

// overlapEps ignores overlaps thinner than rounding noise.
const overlapEps = 1e-9

func overlap(a, b Rect) bool {
	return a.X+overlapEps < b.X+b.W && b.X+overlapEps < a.X+a.W &&
		a.Y+overlapEps < b.Y+b.H && b.Y+overlapEps < a.Y+a.H
}

// overlaps returns the pairs (i < j) of visible boxes that overlap, sorted.
// The boxes are dropped into a grid of cells about twice the average box
// size; only boxes sharing a cell are compared, and a pair is reported by
// the cell holding the top-left corner of its intersection, so each pair
// once. For a chart that is mostly tidy this is O(n log n).
func overlaps(boxes []Rect, visible []bool) [][2]int32 {
	var sumW, sumH float64
	minX, minY := math.Inf(1), math.Inf(1)
	count := 0
	for i, b := range boxes {
		if visible[i] && b.W > 0 && b.H > 0 {
			sumW += b.W
			sumH += b.H
			minX, minY = min(minX, b.X), min(minY, b.Y)
			count++
		}
	}
	if count < 2 {
		return nil
	}
	cw, ch := 2*sumW/float64(count), 2*sumH/float64(count)
	cell := func(x, y float64) (int64, int64) {
		return int64((x - minX) / cw), int64((y - minY) / ch)
	}

	// A box spanning very many cells (far bigger than the average) is
	// compared with every box instead of being copied into all of them.
	const maxCells = 64
	type entry struct {
		key uint64
		box int32
	}
	entries := make([]entry, 0, 2*count)
	var big []int32
	for i, b := range boxes {
		if !visible[i] || b.W <= 0 || b.H <= 0 {
			continue
		}
		x0, y0 := cell(b.X, b.Y)
		x1, y1 := cell(b.X+b.W, b.Y+b.H)
		if (x1-x0+1)*(y1-y0+1) > maxCells {
			big = append(big, int32(i))
			continue
		}
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				entries = append(entries, entry{uint64(x)<<32 | uint64(y), int32(i)})
			}
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.box, b.box)
	})

	var pairs [][2]int32
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].key == entries[lo].key {
			hi++
		}
		for j := lo; j < hi; j++ {
			for k := j + 1; k < hi; k++ {
				a, b := entries[j].box, entries[k].box
				ra, rb := boxes[a], boxes[b]
				if !overlap(ra, rb) {
					continue
				}
				x, y := cell(max(ra.X, rb.X), max(ra.Y, rb.Y))
				if uint64(x)<<32|uint64(y) == entries[lo].key {
					pairs = append(pairs, [2]int32{a, b})
				}
			}
		}
		lo = hi
	}
	for _, a := range big {
		for b := range boxes {
			if int32(b) == a || !visible[b] || !overlap(boxes[a], boxes[b]) {
				continue
			}
			// Two big boxes meet twice; keep the meeting from the smaller.
			if slices.Contains(big, int32(b)) && int32(b) < a {
				continue
			}
			pairs = append(pairs, [2]int32{min(a, int32(b)), max(a, int32(b))})
		}
	}
	slices.SortFunc(pairs, func(p, q [2]int32) int {
		if c := cmp.Compare(p[0], q[0]); c != 0 {
			return c
		}
		return cmp.Compare(p[1], q[1])
	})
	return pairs
}

// bounds returns the smallest rectangle holding the visible boxes and the
// connectors. Routes between two boxes never leave the rectangle spanned
// by the boxes; the line of a compact stack that shares its parent's row
// with other children runs beside its leaves and can be the chart's
// outermost stroke, so the points are counted too.
func bounds(boxes []Rect, visible []bool, conns []Connector) Rect {
	x0, y0 := math.Inf(1), math.Inf(1)
	x1, y1 := math.Inf(-1), math.Inf(-1)
	for i, b := range boxes {
		if visible[i] {
			x0, y0 = min(x0, b.X), min(y0, b.Y)
			x1, y1 = max(x1, b.X+b.W), max(y1, b.Y+b.H)
		}
	}
	if x0 > x1 {
		return Rect{}
	}
	for _, c := range conns {
		for _, p := range c.Points {
			x0, y0 = min(x0, p.X), min(y0, p.Y)
			x1, y1 = max(x1, p.X), max(y1, p.Y)
		}
	}
	return Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}
}
