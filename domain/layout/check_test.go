package layout

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// The checker reads the input on its own (children lists, who is a leaf,
// an assistant, a compact stack) and checks a Result against what a user
// would look for on the chart. All geometry is compared in the layout
// frame: "cross" is the axis siblings spread along (x top-down, y
// left-to-right), "depth" runs from parent to child.

const eps = 1e-6

// view is the test's own reading of an input and its options.
type view struct {
	in      Input
	opt     Options // with the defaults filled in
	n       int
	kids    [][]int32
	visible []bool
	kind    []byte // 'h'idden, 'c'ore (ordinary), 'a'ssistant, 's'tacked
	compact []bool // the node stacks its leaf children
	desc    []int32
}

func newView(in Input, opt Options) *view {
	opt, err := normalize(opt)
	if err != nil {
		panic(err)
	}
	n := len(in.Parent)
	v := &view{in: in, opt: opt, n: n, kids: make([][]int32, n), visible: make([]bool, n),
		kind: make([]byte, n), compact: make([]bool, n), desc: make([]int32, n)}
	flag := func(i int32, f Flags) bool { return in.Flags != nil && in.Flags[i]&f != 0 }
	for i := range n {
		if p := in.Parent[i]; p >= 0 {
			v.kids[p] = append(v.kids[p], int32(i))
		}
	}
	for i := n - 1; i >= 0; i-- {
		if p := in.Parent[i]; p >= 0 {
			v.desc[p] += v.desc[i] + 1
		}
	}
	leaf := func(i int32) bool { return len(v.kids[i]) == 0 || flag(i, Collapsed) }
	for i := range n {
		p := in.Parent[i]
		v.visible[i] = p < 0 || v.visible[p] && !flag(p, Collapsed)
		switch {
		case !v.visible[i]:
			v.kind[i] = 'h'
		case p >= 0 && flag(int32(i), Assistant) && leaf(int32(i)):
			v.kind[i] = 'a'
		default:
			v.kind[i] = 'c'
		}
	}
	// A node that wants compact leaves stacks its ordinary leaf children
	// when it has two or more, whatever its other children are.
	for i := range n {
		if !v.visible[i] || leaf(int32(i)) {
			continue
		}
		var leaves []int32
		for _, k := range v.kids[i] {
			if v.kind[k] == 'c' && leaf(k) {
				leaves = append(leaves, k)
			}
		}
		want := !flag(int32(i), NoCompact) && (flag(int32(i), Compact) || opt.CompactLeaves)
		if want && len(leaves) >= 2 {
			v.compact[i] = true
			for _, k := range leaves {
				v.kind[k] = 's'
			}
		}
	}
	return v
}

// frame converts a page rectangle or point into the layout frame.
func (v *view) frame(r Rect) Rect {
	if v.opt.LeftToRight {
		return Rect{X: r.Y, Y: r.X, W: r.H, H: r.W}
	}
	return r
}

func (v *view) framePt(p Point) Point {
	if v.opt.LeftToRight {
		return Point{p.Y, p.X}
	}
	return p
}

// onEdge reports whether p lies on the outline of r.
func onEdge(p Point, r Rect) bool {
	inX := p.X > r.X-eps && p.X < r.X+r.W+eps
	inY := p.Y > r.Y-eps && p.Y < r.Y+r.H+eps
	onX := math.Abs(p.X-r.X) < eps || math.Abs(p.X-r.X-r.W) < eps
	onY := math.Abs(p.Y-r.Y) < eps || math.Abs(p.Y-r.Y-r.H) < eps
	return inX && onY || inY && onX
}

func near(a, b float64) bool { return math.Abs(a-b) < eps*(1+math.Abs(a)+math.Abs(b)) }

// problems collects what is wrong with res, at most a few.
type problems []string

func (p *problems) add(format string, args ...any) {
	if len(*p) < 8 {
		*p = append(*p, fmt.Sprintf(format, args...))
	}
}

// check returns everything wrong with res as a chart of in: visibility
// and hidden counts, gaps, order, centring, compact stacks, assistants,
// connectors. Manual offsets are not expected (see the offset tests).
func (v *view) check(res Result) problems {
	var bad problems
	n := v.n
	if len(res.Boxes) != n || len(res.Visible) != n || len(res.Hidden) != n {
		bad.add("result arrays have lengths %d, %d, %d for %d nodes", len(res.Boxes), len(res.Visible), len(res.Hidden), n)
		return bad
	}
	box := make([]Rect, n)
	for i := range n {
		box[i] = v.frame(res.Boxes[i])
		if res.Visible[i] != v.visible[i] {
			bad.add("node %d: visible %v, want %v", i, res.Visible[i], v.visible[i])
		}
		want := int32(0)
		if v.in.Flags != nil && v.in.Flags[i]&Collapsed != 0 {
			want = v.desc[i]
		}
		if res.Hidden[i] != want {
			bad.add("node %d: hides %d boxes, want %d", i, res.Hidden[i], want)
		}
		if v.visible[i] {
			s := v.frame(Rect{W: v.in.Size[i].W, H: v.in.Size[i].H})
			if !near(box[i].W, s.W) || !near(box[i].H, s.H) {
				bad.add("node %d: box %v does not have its size %v", i, res.Boxes[i], v.in.Size[i])
			}
		}
	}
	v.checkGaps(box, &bad)
	v.checkFamilies(box, &bad)
	v.checkConnectors(box, res, &bad)
	if len(res.Overlaps) != 0 {
		bad.add("overlaps %v reported without offsets", res.Overlaps[:min(3, len(res.Overlaps))])
	}
	return bad
}

// checkGaps: two visible boxes are either a level gap apart in depth or
// apart across by the sibling gap (boxes with the same parent) or the
// subtree gap (any others). With compact stacks and assistants, boxes may
// be closer in depth (a sibling gap, half a level) and an assistant may be
// a sibling gap from its parent's sibling. Sorting by cross position and
// sweeping keeps this near-linear.
func (v *view) checkGaps(box []Rect, bad *problems) {
	org := slices.ContainsFunc(v.kind, func(k byte) bool { return k == 'a' || k == 's' })
	gy := v.opt.LevelGap
	if org {
		gy = min(v.opt.SiblingGap, v.opt.LevelGap/2)
	}
	gapX := func(a, b int32) float64 {
		pa, pb := v.in.Parent[a], v.in.Parent[b]
		switch {
		case org:
			return min(v.opt.SiblingGap, v.opt.SubtreeGap)
		case pa == pb && pa >= 0:
			return v.opt.SiblingGap
		}
		return v.opt.SubtreeGap
	}
	gx := max(v.opt.SiblingGap, v.opt.SubtreeGap)
	var order []int32
	for i := range v.n {
		if v.visible[i] {
			order = append(order, int32(i))
		}
	}
	// Sweep along the axis where fewer pairs come within a gap of each
	// other: across for a deep chart, in depth for a wide one.
	byX := slices.Clone(order)
	slices.SortFunc(byX, func(a, b int32) int { return cmpF(box[a].X, box[b].X) })
	byY := slices.Clone(order)
	slices.SortFunc(byY, func(a, b int32) int { return cmpF(box[a].Y, box[b].Y) })
	candidates := func(sorted []int32, start func(Rect) float64, reach func(Rect) float64) int {
		count := 0
		for k, a := range sorted {
			end := start(box[a]) + reach(box[a])
			count += sort.Search(len(sorted)-k, func(j int) bool { return start(box[sorted[k+j]]) >= end })
		}
		return count
	}
	alongX := candidates(byX, func(r Rect) float64 { return r.X }, func(r Rect) float64 { return r.W + gx - eps })
	alongY := candidates(byY, func(r Rect) float64 { return r.Y }, func(r Rect) float64 { return r.H + gy - eps })
	sorted, start, reach := byX, func(r Rect) float64 { return r.X }, func(r Rect) float64 { return r.W + gx - eps }
	if alongY < alongX {
		sorted, start, reach = byY, func(r Rect) float64 { return r.Y }, func(r Rect) float64 { return r.H + gy - eps }
	}
	for k, a := range sorted {
		ra := box[a]
		for _, b := range sorted[k+1:] {
			rb := box[b]
			if start(rb) >= start(ra)+reach(ra) {
				break
			}
			dx := max(rb.X-(ra.X+ra.W), ra.X-(rb.X+rb.W))
			dy := max(rb.Y-(ra.Y+ra.H), ra.Y-(rb.Y+rb.H))
			if dy < gy-eps && dx < gapX(a, b)-eps {
				bad.add("boxes %d %v and %d %v are too close (depth gap %.3g < %.3g, cross gap %.3g < %.3g)",
					a, ra, b, rb, dy, gy, dx, gapX(a, b))
			}
		}
	}
}

func cmpF(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// checkFamilies: ordinary children in a row, in order, a level below
// their parent and centred under it; stacks and assistants where a reader
// expects them. A stack beside ordinary children stands in their row, at
// the place of its first leaf, as one member of it.
func (v *view) checkFamilies(box []Rect, bad *problems) {
	ind := v.opt.SiblingGap
	for p := range v.n {
		if !v.visible[p] {
			continue
		}
		pb := box[p]
		centre := pb.X + pb.W/2
		var ord, asst, stk []int32
		for _, k := range v.kids[p] {
			switch v.kind[k] {
			case 'c':
				ord = append(ord, k)
			case 'a':
				asst = append(asst, k)
			case 's':
				stk = append(stk, k)
			}
		}
		// Assistants: in rows below the parent, stubs of `ind` either side
		// of the line, and above every ordinary child.
		rowTop := pb.Y + pb.H + v.opt.LevelGap/2
		for j, a := range asst {
			ab := box[a]
			side := v.opt.AssistantSide
			left := side == LeftSide || side == Alternate && j%2 == 0
			if left && !near(ab.X+ab.W, centre-ind) || !left && !near(ab.X, centre+ind) {
				bad.add("assistant %d of %d (%v) is not beside the line at %.6g", a, p, ab, centre)
			}
			if ab.Y < rowTop-eps {
				bad.add("assistant %d of %d starts at depth %.6g, above %.6g", a, p, ab.Y, rowTop)
			}
			for _, k := range append(ord, stk...) {
				if box[k].Y < ab.Y+ab.H+v.opt.LevelGap-eps {
					bad.add("child %d of %d is not a level below assistant %d", k, p, a)
				}
			}
		}
		// The line the stack hangs from: the parent's own when the stack
		// is alone, else read off its first leaf (and checked below for
		// every other leaf), and the stack's extent in the row.
		line := centre
		var stack Rect
		if len(stk) > 0 {
			maxW, top, bottom := 0.0, box[stk[0]].Y, 0.0
			for _, k := range stk {
				maxW, bottom = max(maxW, box[k].W), max(bottom, box[k].Y+box[k].H)
			}
			if len(ord) > 0 {
				if first := box[stk[0]]; v.opt.CompactColumns == 2 {
					line = first.X + first.W + ind
				} else {
					line = first.X - ind
				}
			}
			stack = Rect{X: line, Y: top, W: ind + maxW, H: bottom - top}
			if v.opt.CompactColumns == 2 {
				stack.X, stack.W = line-ind-maxW, 2*(ind+maxW)
			}
		}
		// Ordinary children, and the stack among them: one row, in order,
		// centred under the parent.
		type member struct {
			id  int32 // the child, or the stack's first leaf
			box Rect
		}
		var row []member
		for _, k := range v.kids[p] {
			switch {
			case v.kind[k] == 'c':
				row = append(row, member{k, box[k]})
			case len(ord) > 0 && len(stk) > 0 && k == stk[0]:
				row = append(row, member{k, stack})
			}
		}
		for j, m := range row {
			kb := m.box
			if kb.Y < pb.Y+pb.H+v.opt.LevelGap-eps {
				bad.add("child %d starts at depth %.6g, less than a level below parent %d ending at %.6g", m.id, kb.Y, p, pb.Y+pb.H)
			}
			if len(asst) == 0 && !near(kb.Y, pb.Y+pb.H+v.opt.LevelGap) {
				bad.add("child %d starts at depth %.6g, want a level below parent %d", m.id, kb.Y, p)
			}
			if j > 0 {
				prev := row[j-1]
				if kb.Y != prev.box.Y {
					bad.add("siblings %d and %d do not start at the same depth", prev.id, m.id)
				}
				if kb.X < prev.box.X+prev.box.W+v.opt.SiblingGap-eps {
					bad.add("sibling %d (%v) is not after %d (%v)", m.id, kb, prev.id, prev.box)
				}
			}
		}
		if len(row) > 0 {
			first, last := row[0].box, row[len(row)-1].box
			if mid := (first.X + last.X + last.W) / 2; !near(centre, mid) {
				bad.add("parent %d centred at %.9g, its children at %.9g", p, centre, mid)
			}
		}
		// Compact stacks: hang from their line.
		for j, k := range stk {
			kb := box[k]
			if kb.Y < pb.Y+pb.H+v.opt.LevelGap-eps {
				bad.add("stacked leaf %d is less than a level below parent %d", k, p)
			}
			var right bool
			if v.opt.CompactColumns == 2 {
				right = j%2 == 1
			} else {
				right = true
			}
			if right && !near(kb.X, line+ind) || !right && !near(kb.X+kb.W, line-ind) {
				bad.add("stacked leaf %d (%v) is not beside the line of %d at %.6g", k, kb, p, line)
			}
			if j > 0 {
				prev := box[stk[j-1]]
				sameRow := v.opt.CompactColumns == 2 && j%2 == 1
				if sameRow && kb.Y != prev.Y || !sameRow && kb.Y < prev.Y+v.opt.SiblingGap-eps {
					bad.add("stacked leaf %d (%v) is out of order after %d (%v)", k, kb, stk[j-1], prev)
				}
			}
		}
	}
}

// checkConnectors: one line per visible child, from its parent's edge to
// its own edge, made of horizontal and vertical segments; a line into an
// ordinary child leaves the middle of the parent's bottom and enters the
// middle of the child's top; dotted links join two visible boxes.
func (v *view) checkConnectors(box []Rect, res Result, bad *problems) {
	var want []int32
	for i := range v.n {
		if v.visible[i] && v.in.Parent[i] >= 0 {
			want = append(want, int32(i))
		}
	}
	if len(res.Connectors) < len(want) {
		bad.add("%d connectors for %d visible children", len(res.Connectors), len(want))
		return
	}
	for k, c := range res.Connectors {
		if k < len(want) {
			if c.Dotted || c.To != want[k] || c.From != v.in.Parent[c.To] {
				bad.add("connector %d joins %d to %d (dotted %v), want %d to %d", k, c.From, c.To, c.Dotted, v.in.Parent[want[k]], want[k])
				continue
			}
		} else if !c.Dotted || !v.visible[c.From] || !v.visible[c.To] || c.From == c.To {
			bad.add("link connector %d joins %d to %d (dotted %v)", k, c.From, c.To, c.Dotted)
			continue
		}
		if len(c.Points) < 2 {
			bad.add("connector %d has %d points", k, len(c.Points))
			continue
		}
		pts := make([]Point, len(c.Points))
		for j, p := range c.Points {
			pts[j] = v.framePt(p)
		}
		from, to := box[c.From], box[c.To]
		if !onEdge(pts[0], from) || !onEdge(pts[len(pts)-1], to) {
			bad.add("connector %d→%d %v does not run from edge %v to edge %v", c.From, c.To, pts, from, to)
		}
		for j := 1; j < len(pts); j++ {
			if !near(pts[j].X, pts[j-1].X) && !near(pts[j].Y, pts[j-1].Y) {
				bad.add("connector %d→%d has a slanted segment %v", c.From, c.To, pts)
			}
			if crosses(pts[j-1], pts[j], from) || crosses(pts[j-1], pts[j], to) {
				bad.add("connector %d→%d %v runs through one of its boxes %v %v", c.From, c.To, pts, from, to)
			}
		}
		if !c.Dotted && v.kind[c.To] == 'c' {
			start := Point{from.X + from.W/2, from.Y + from.H}
			end := Point{to.X + to.W/2, to.Y}
			a, b := pts[0], pts[len(pts)-1]
			if !near(a.X, start.X) || !near(a.Y, start.Y) || !near(b.X, end.X) || !near(b.Y, end.Y) {
				bad.add("line %d→%d runs %v, want from %v to %v", c.From, c.To, pts, start, end)
			}
		}
	}
}

// crosses reports whether the axis-parallel segment ab passes through the
// inside of r (running along its edge is fine).
func crosses(a, b Point, r Rect) bool {
	x0, x1 := min(a.X, b.X), max(a.X, b.X)
	y0, y1 := min(a.Y, b.Y), max(a.Y, b.Y)
	return x0 < r.X+r.W-eps && x1 > r.X+eps && y0 < r.Y+r.H-eps && y1 > r.Y+eps
}
