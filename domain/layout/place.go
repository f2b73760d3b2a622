package layout

// The steps after the core: shrink every core box back to the node's own
// box, put assistants and compact leaves in the room reserved for them,
// then move the frame onto the page.

// place turns the core boxes into the final frame boxes of every visible
// node.
func (l *layouter) place() {
	for i := int32(0); i < l.n; i++ {
		if l.kind(i) != core {
			continue
		}
		b := &l.box[i]
		centre := b.X + l.anchor(i)
		*b = Rect{X: centre - l.cross(i)/2, Y: b.Y, W: l.cross(i), H: l.depth(i)}
		l.assistants(i, centre, b.Y+b.H, true)
	}
	for k := range l.stacks {
		l.stack(l.n+1+int32(k), true)
	}
}

// toPage moves the chart so that its leftmost box starts at cross position
// 0 (the top-level boxes already start at depth 0) and, for a
// left-to-right chart, swaps the frame's axes into page axes.
func (l *layouter) toPage(boxes []Rect, conns []Connector) {
	minX := 0.0
	seen := false
	for i, b := range boxes {
		if l.role[i] != hidden && (!seen || b.X < minX) {
			minX, seen = b.X, true
		}
	}
	swap := l.opt.LeftToRight
	for i := range boxes {
		b := &boxes[i]
		if l.role[i] == hidden {
			*b = Rect{}
			continue
		}
		b.X -= minX
		if swap {
			*b = Rect{X: b.Y, Y: b.X, W: b.H, H: b.W}
		}
	}
	for _, c := range conns {
		for k := range c.Points {
			p := &c.Points[k]
			p.X -= minX
			if swap {
				p.X, p.Y = p.Y, p.X
			}
		}
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

// framePoints converts points between the frame and the page, in place.
func (l *layouter) framePoints(ps []Point) {
	if l.opt.LeftToRight {
		for k := range ps {
			ps[k].X, ps[k].Y = ps[k].Y, ps[k].X
		}
	}
}
