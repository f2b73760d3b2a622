package layout

import "math"

// Connectors are computed in the frame, where the parent is above its
// children, and moved onto the page with the boxes. Every polyline owns
// five consecutive points of one shared array, which is enough for every
// route drawn here (the longest runs into a compact stack beside other
// children), so there is no allocation per line and a line can be
// rerouted in place after a manual offset.

const pointsPerLine = 5

// connectors returns the tree's lines in the frame, one per visible node
// with a parent (there are lines of them), in node order, and reserves
// room for the dotted links.
func (l *layouter) connectors(lines int) []Connector {
	total := lines + len(l.in.Links)
	conns := make([]Connector, 0, total)
	l.pts = make([]Point, total*pointsPerLine)
	half := l.opt.LevelGap / 2
	for c := int32(0); c < l.n; c++ {
		p := l.parent[c]
		if l.role[c] == hidden || p < 0 {
			continue
		}
		pb, cb := l.box[p], l.box[c]
		px, bottom := pb.X+pb.W/2, pb.Y+pb.H
		ps := l.nextLine()
		if l.kind(c) == core {
			// Down from the parent to the family's bus, half a level above
			// the children, along it and down into the child's top.
			cx, bus := cb.X+cb.W/2, cb.Y-half
			if math.Abs(cx-px) < 1e-9 {
				ps = append(ps, Point{px, bottom}, Point{px, cb.Y})
			} else {
				ps = append(ps, Point{px, bottom}, Point{px, bus}, Point{cx, bus}, Point{cx, cb.Y})
			}
		} else {
			// Assistants and compact leaves: down the parent's line to the
			// box's middle, then a short stub into its near side. A stack
			// that shares its parent's row with other children hangs from
			// its own line, which the family's bus reaches first.
			line := px
			ps = append(ps, Point{px, bottom})
			if l.kind(c) == stacked {
				if s := l.stackOf(p); !l.stackAlone(s) {
					sb := l.box[s]
					line = sb.X + l.busOffset(s)
					bus := sb.Y - half
					ps = append(ps, Point{px, bus}, Point{line, bus})
				}
			}
			my, edge := cb.Y+cb.H/2, cb.X
			if cb.X+cb.W <= line {
				edge = cb.X + cb.W
			}
			ps = append(ps, Point{line, my}, Point{edge, my})
		}
		conns = append(conns, Connector{From: p, To: c, Points: ps})
	}
	return conns
}

// nextLine hands out the next empty four-point polyline.
func (l *layouter) nextLine() []Point {
	k := l.used
	l.used += pointsPerLine
	return l.pts[k:k:l.used]
}

// links appends the dotted links, routed between the final page boxes. An
// end inside a collapsed subtree moves up to the nearest visible ancestor.
func (l *layouter) links(boxes []Rect, conns []Connector) []Connector {
	for _, ln := range l.in.Links {
		a, b := l.shown(ln[0]), l.shown(ln[1])
		if a == b {
			continue
		}
		ps := l.routePage(l.nextLine(), boxes[a], boxes[b], true)
		conns = append(conns, Connector{From: a, To: b, Points: ps, Dotted: true})
	}
	return conns
}

// shown returns v or, if v is hidden, its nearest visible ancestor.
func (l *layouter) shown(v int32) int32 {
	for l.role[v] == hidden {
		v = l.parent[v]
	}
	return v
}

// routePage routes a line between two page boxes (see route) by working
// in the frame.
func (l *layouter) routePage(dst []Point, a, b Rect, sideFirst bool) []Point {
	ps := route(dst, l.frame(a), l.frame(b), sideFirst)
	l.framePoints(ps)
	return ps
}

// route appends to dst an orthogonal line from the edge of frame box a to
// the edge of frame box b, at most four points:
//   - b below or above a: out of a's bottom (top), across at mid-gap, into
//     b's top (bottom), like a tree line;
//   - b beside a: out of a's side at mid-height, across to mid-gap, into
//     b's side;
//   - b diagonally away: with sideFirst (dotted links) like b beside a, so
//     the line does not run along the tree's lines, which leave boxes at
//     the middle of their top and bottom; otherwise like b below a;
//   - overlapping boxes: along a's bottom edge and into b's top.
func route(dst []Point, a, b Rect, sideFirst bool) []Point {
	acx, acy := a.X+a.W/2, a.Y+a.H/2
	bcx, bcy := b.X+b.W/2, b.Y+b.H/2
	below, above := b.Y >= a.Y+a.H, b.Y+b.H <= a.Y
	right, left := b.X >= a.X+a.W, b.X+b.W <= a.X
	beside := left || right
	if (below || above) && !(sideFirst && beside) {
		y0, y1 := a.Y+a.H, b.Y
		if above {
			y0, y1 = a.Y, b.Y+b.H
		}
		if math.Abs(acx-bcx) < 1e-9 {
			return append(dst, Point{acx, y0}, Point{acx, y1})
		}
		mid := (y0 + y1) / 2
		return append(dst, Point{acx, y0}, Point{acx, mid}, Point{bcx, mid}, Point{bcx, y1})
	}
	if beside {
		x0, x1 := a.X+a.W, b.X
		if left {
			x0, x1 = a.X, b.X+b.W
		}
		if math.Abs(acy-bcy) < 1e-9 {
			return append(dst, Point{x0, acy}, Point{x1, acy})
		}
		mid := (x0 + x1) / 2
		return append(dst, Point{x0, acy}, Point{mid, acy}, Point{mid, bcy}, Point{x1, bcy})
	}
	return append(dst, Point{acx, a.Y + a.H}, Point{bcx, a.Y + a.H}, Point{bcx, b.Y})
}
