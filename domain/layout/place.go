package layout

import "math"

// The steps after the core: shrink every core box back to the node's own
// box, put assistants and compact leaves in the room reserved for them,
// then move the frame onto the page.

// place turns the core boxes into the final frame boxes of every visible
// node. It returns the smallest cross position of a visible box or line,
// so the caller can move the chart to start at 0.
func (l *layouter) place() (minX float64) {
	minX = math.Inf(1)
	for i := int32(0); i < l.n; i++ {
		if l.kind(i) != core {
			continue
		}
		b := &l.box[i]
		centre := b.X + l.anchor(i)
		*b = Rect{X: centre - l.cross(i)/2, Y: b.Y, W: l.cross(i), H: l.depth(i)}
		minX = min(minX, b.X)
		if l.role[i]&hasAssistants != 0 {
			left, _, _ := l.assistants(i, centre, b.Y+b.H, true)
			minX = min(minX, centre-left)
		}
	}
	for k := range l.stacks {
		s := l.n + 1 + int32(k)
		_, _, leftmost := l.stack(s, true)
		// The line of a one-column stack beside other children runs
		// left of its leaves and may be the leftmost stroke of all.
		minX = min(minX, leftmost, l.box[s].X+l.busOffset(s))
	}
	return minX
}

// toPage turns the frame into page coordinates: nothing to do for a
// top-down chart, the axes swapped for a left-to-right one.
func (l *layouter) toPage(boxes []Rect, conns []Connector) {
	if !l.opt.LeftToRight {
		return
	}
	for i, b := range boxes {
		boxes[i] = Rect{X: b.Y, Y: b.X, W: b.H, H: b.W}
	}
	for _, c := range conns {
		l.framePoints(c.Points)
	}
}

// frame converts a page rectangle into the layout frame (the same swap
// toPage does, which is its own inverse).
func (l *layouter) frame(r Rect) Rect {
	if l.opt.LeftToRight {
		return Rect{X: r.Y, Y: r.X, W: r.H, H: r.W}
	}
	return r
}

// framePoint converts one point between the frame and the page.
func (l *layouter) framePoint(p Point) Point {
	if l.opt.LeftToRight {
		return Point{p.Y, p.X}
	}
	return p
}

// framePoints converts points between the frame and the page, in place.
func (l *layouter) framePoints(ps []Point) {
	if l.opt.LeftToRight {
		for k := range ps {
			ps[k].X, ps[k].Y = ps[k].Y, ps[k].X
		}
	}
}
