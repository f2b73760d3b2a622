package layout

import (
	"math"
	"slices"
	"sync"
)

// The steps before the core: find out which boxes are visible and who
// places each of them, build the contour links of the core tree and give
// every core box the size it occupies (its own box plus any assistants
// below it, or a whole compact stack).
//
// Everything is computed in the layout frame: "cross" is the axis along
// which siblings are spread (x in a top-down chart) and "depth" the axis
// from parent to child (y in a top-down chart). toPage swaps them for a
// left-to-right chart.

// role says which step places a node.
type role uint8

const (
	hidden    role = iota // under a collapsed ancestor: not drawn
	core                  // placed by the tidy-tree core
	assistant             // placed beside its parent's line
	stacked               // placed in its parent's compact stack

	roleMask = 0x0f
	// hasAssistants marks a core node with assistant children, whose box
	// in the core is wider and deeper than its own.
	hasAssistants role = 0x10
	// stackStart marks the first leaf of a compact stack: the stack takes
	// that leaf's place among its parent's core children.
	stackStart role = 0x20
)

// coreNode is the per-node state of the tidy-tree algorithm; the node's
// box in l.box holds its preliminary position and its size.
type coreNode struct {
	// mod moves the node's whole subtree along the cross axis relative to
	// its parent; after the second walk it is the sum of the modifiers of
	// the node and its ancestors.
	mod float64
	// msel and mser are the sums of modifiers on the path from this node
	// down to el and er, so a contour walk can start at the extreme nodes.
	msel, mser float64
	// lnext and rnext are the next nodes on the left and right contour: the
	// first and last core child, or for a leaf the threads the algorithm
	// adds (-1 for none). One field serves both because only leaves get
	// threads.
	lnext, rnext int32
	// el and er are the leftmost and rightmost of the deepest nodes of the
	// subtree (of the node and its left siblings while they are separated).
	el, er int32
}

// layouter holds the whole computation. Node i of the input is core node
// i; core node n is a virtual root above the top-level boxes, and core
// nodes n+1... are the compact stacks.
type layouter struct {
	in     Input
	opt    Options
	n      int32
	root   int32
	parent []int32
	desc   []int32 // number of descendants (shares Result.Hidden's array)
	role   []role
	box    []Rect // frame boxes of the core nodes, then the final boxes
	nodes  []coreNode
	stacks []int32 // the parent of each compact stack
	family int     // the most core children of one node

	// Scratch for one family at a time: the "lowest y" list of left
	// siblings and the extra spacing of intermediate siblings.
	lows   []float64
	lowIdx []int32
	shift  []float64
	change []float64

	pts  []Point // the points of all connectors (see connectors)
	used int     // how many of pts are handed out

	indent    float64 // stub length into compact leaves and assistants
	assistGap float64 // from a parent's box down to its first assistants
}

// scratch is the working memory of a layout that does not end up in the
// result. It is kept between calls (an editor lays the chart out again
// after every edit) so that a layout allocates little beyond its result.
type scratch struct {
	role   []role
	nodes  []coreNode
	stacks []int32
	lows   []float64
	lowIdx []int32
	shift  []float64
	change []float64
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// resize returns s with length n and every element zero, reusing its
// array when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func newLayouter(in Input, opt Options, desc []int32, sc *scratch) *layouter {
	n := int32(len(in.Parent))
	return &layouter{
		in:        in,
		opt:       opt,
		n:         n,
		root:      n,
		parent:    in.Parent,
		desc:      desc,
		role:      resize(sc.role, int(n)),
		stacks:    sc.stacks[:0],
		indent:    opt.SiblingGap,
		assistGap: opt.LevelGap / 2,
	}
}

// keep hands the scratch arrays back for the next layout.
func (l *layouter) keep(sc *scratch) {
	*sc = scratch{role: l.role, nodes: l.nodes, stacks: l.stacks,
		lows: l.lows, lowIdx: l.lowIdx, shift: l.shift, change: l.change}
}

func (l *layouter) flags(i int32) Flags {
	if l.in.Flags == nil {
		return 0
	}
	return l.in.Flags[i]
}

func (l *layouter) collapsed(i int32) bool { return l.flags(i)&Collapsed != 0 }

func (l *layouter) kind(i int32) role { return l.role[i] & roleMask }

// cross and depth are the size of node i's own box along the frame axes.
func (l *layouter) cross(i int32) float64 {
	if l.opt.LeftToRight {
		return l.in.Size[i].H
	}
	return l.in.Size[i].W
}

func (l *layouter) depth(i int32) float64 {
	if l.opt.LeftToRight {
		return l.in.Size[i].W
	}
	return l.in.Size[i].H
}

// isLeaf reports whether a visible node shows no children.
func (l *layouter) isLeaf(i int32) bool { return l.desc[i] == 0 || l.collapsed(i) }

// firstKid returns the first child of i (or of the virtual root), -1 if
// none. In pre-order it directly follows its parent.
func (l *layouter) firstKid(i int32) int32 {
	if i == l.root {
		return 0
	}
	if l.desc[i] == 0 {
		return -1
	}
	return i + 1
}

// nextKid returns the next sibling of k, -1 if none: pre-order puts it
// right after k's subtree.
func (l *layouter) nextKid(k int32) int32 {
	s := k + l.desc[k] + 1
	if s < l.n && l.parent[s] == l.parent[k] {
		return s
	}
	return -1
}

// countDescendants fills l.desc and checks that the input is in
// pre-order: every node's subtree must lie inside its parent's index range,
// which (the ranges having exactly the right sizes) makes them contiguous.
func (l *layouter) countDescendants() error {
	for i := l.n - 1; i >= 0; i-- {
		if p := l.parent[i]; p >= 0 {
			l.desc[p] += l.desc[i] + 1
		}
	}
	for i := int32(0); i < l.n; i++ {
		p := l.parent[i]
		if p >= 0 && i+l.desc[i] > p+l.desc[p] {
			return inputError("nodes are not in pre-order: node %d (child of %d) comes after the end of %d's subtree", i, p, p)
		}
	}
	return nil
}

// compactWanted reports whether node i asks for its leaves to be stacked.
func (l *layouter) compactWanted(i int32) bool {
	f := l.flags(i)
	return f&NoCompact == 0 && (f&Compact != 0 || l.opt.CompactLeaves)
}

// classify gives every node its role, in one pass from the top: a node's
// children are classified when the node itself is visited. It also finds
// the largest family, which sizes the scratch arrays.
//
// A node that wants compact leaves stacks all its ordinary leaf children
// when it has at least two, whether or not some of its other children have
// children of their own. The stack then stands in the row of those other
// children, at the place of its first leaf. So a leaf that gets its first
// subordinate steps out of the column beside it, and the column stays a
// column, instead of the whole family turning into a row.
func (l *layouter) classify() {
	tops := 0
	for i := int32(0); i < l.n; i++ {
		if l.parent[i] < 0 {
			l.role[i] = core
			tops++
		}
		if l.role[i] == hidden || l.isLeaf(i) {
			continue
		}
		ordinary, leaves := 0, 0
		for k := l.firstKid(i); k >= 0; k = l.nextKid(k) {
			if l.flags(k)&Assistant != 0 && l.isLeaf(k) {
				l.role[k] = assistant
				l.role[i] |= hasAssistants
				continue
			}
			l.role[k] = core
			ordinary++
			if l.isLeaf(k) {
				leaves++
			}
		}
		// A single leaf hangs straight below its parent, or stands in
		// the row of its siblings, either way.
		if leaves >= 2 && l.compactWanted(i) {
			start := stackStart
			for k := l.firstKid(i); k >= 0; k = l.nextKid(k) {
				if l.role[k] == core && l.isLeaf(k) {
					l.role[k] = stacked | start
					start = 0
				}
			}
			l.stacks = append(l.stacks, i)
			ordinary += 1 - leaves
		}
		l.family = max(l.family, ordinary)
	}
	l.family = max(l.family, tops)
}

// prepare allocates the core arrays, links every core node to its first
// and last core child, sizes every core box and sets every core box's
// depth position (a child starts LevelGap below its parent's core box).
func (l *layouter) prepare(sc *scratch) {
	total := int(l.n) + 1 + len(l.stacks)
	l.box = make([]Rect, total)
	l.nodes = resize(sc.nodes, total)
	for v := range l.nodes {
		l.nodes[v] = coreNode{lnext: -1, rnext: -1, el: int32(v), er: int32(v)}
	}
	l.box[l.root] = Rect{Y: -l.opt.LevelGap}

	for i := int32(0); i < l.n; i++ {
		if l.kind(i) != core {
			continue
		}
		p := l.parent[i]
		if p < 0 {
			p = l.root
		}
		b := &l.box[i]
		b.W, b.H = l.cross(i), l.depth(i)
		if l.role[i]&hasAssistants != 0 {
			left, right, deep := l.assistants(i, 0, 0, false)
			b.W = max(b.W/2, left) + max(b.W/2, right)
			b.H += deep
		}
		b.Y = l.box[p].Y + l.box[p].H + l.opt.LevelGap
		pn := &l.nodes[p]
		if pn.lnext < 0 {
			pn.lnext = i
		}
		pn.rnext = i
	}
	for k, p := range l.stacks {
		// The stack is first or last of p's core children when its first
		// leaf comes before or after all of them.
		s := l.n + 1 + int32(k)
		first := l.stackLeaf(p)
		pn := &l.nodes[p]
		if pn.lnext < 0 || first < pn.lnext {
			pn.lnext = s
		}
		if pn.rnext < 0 || first > pn.rnext {
			pn.rnext = s
		}
		w, h, _ := l.stack(s, false)
		l.box[s] = Rect{Y: l.box[p].Y + l.box[p].H + l.opt.LevelGap, W: w, H: h}
	}

	l.lows = resize(sc.lows, l.family)
	l.lowIdx = resize(sc.lowIdx, l.family)
	l.shift = resize(sc.shift, l.family)
	l.change = resize(sc.change, l.family)
}

// nextCore returns the core sibling after core node c, -1 if none. A
// compact stack comes where its first leaf is among the children.
func (l *layouter) nextCore(c int32) int32 {
	if c > l.n { // a compact stack: go on after its first leaf
		c = l.stackLeaf(l.stacks[c-l.n-1])
	}
	for s := l.nextKid(c); s >= 0; s = l.nextKid(s) {
		switch {
		case l.kind(s) == core:
			return s
		case l.role[s]&stackStart != 0:
			return l.stackOf(l.parent[s])
		}
	}
	return -1
}

// stackLeaf returns the first leaf of p's compact stack.
func (l *layouter) stackLeaf(p int32) int32 {
	for k := l.firstKid(p); k >= 0; k = l.nextKid(k) {
		if l.role[k]&stackStart != 0 {
			return k
		}
	}
	return -1
}

// stackOf returns the core node of p's compact stack; p must have one.
// Stacks are listed in node order, so a binary search finds it.
func (l *layouter) stackOf(p int32) int32 {
	k, _ := slices.BinarySearch(l.stacks, p)
	return l.n + 1 + int32(k)
}

// stackAlone reports whether the compact stack s is the only core child
// of its parent, which then stands right above the stack's line.
func (l *layouter) stackAlone(s int32) bool {
	p := l.stacks[s-l.n-1]
	return l.nodes[p].lnext == s && l.nodes[p].rnext == s
}

// assistantSlot returns the side (-1 left, +1 right) of the k-th assistant
// of a node and whether it starts a new row.
func (l *layouter) assistantSlot(k int) (side float64, newRow bool) {
	switch l.opt.AssistantSide {
	case LeftSide:
		return -1, true
	case RightSide:
		return 1, true
	}
	if k%2 == 0 {
		return -1, true
	}
	return 1, false
}

// assistants walks the assistant children of t in order. It returns how
// far they reach to the left and right of t's centre line and how deep
// their block is below t's own box (all 0 when t has none). With place set
// it also sets their boxes from t's centre line and the bottom of t's box.
func (l *layouter) assistants(t int32, centre, bottom float64, place bool) (left, right, deep float64) {
	if l.role[t]&hasAssistants == 0 {
		return 0, 0, 0
	}
	top := bottom + l.assistGap
	rowH := 0.0
	k := 0
	for c := l.firstKid(t); c >= 0; c = l.nextKid(c) {
		if l.kind(c) != assistant {
			continue
		}
		side, newRow := l.assistantSlot(k)
		if newRow && k > 0 {
			top += rowH + l.opt.SiblingGap
			rowH = 0
		}
		w, h := l.cross(c), l.depth(c)
		rowH = max(rowH, h)
		x := centre + l.indent
		if side < 0 {
			left = max(left, l.indent+w)
			x = centre - l.indent - w
		} else {
			right = max(right, l.indent+w)
		}
		if place {
			l.box[c] = Rect{X: x, Y: top, W: w, H: h}
		}
		k++
	}
	return left, right, top + rowH - bottom
}

// stack measures the compact stack s: the leaf children of its parent in a
// column to the right of the parent's line, or in a grid of two columns
// with the line running down the middle. With place set it also sets the
// leaves' boxes inside the stack's (final) box, and minX is the leftmost
// of them.
func (l *layouter) stack(s int32, place bool) (w, h, minX float64) {
	p := l.stacks[s-l.n-1]
	two := l.opt.CompactColumns == 2
	origin := Rect{}
	if place {
		origin = l.box[s]
	}
	bus := origin.X + l.busOffset(s)
	top, rowH, maxW := origin.Y, 0.0, 0.0
	minX = math.Inf(1)
	k := 0
	for c := l.firstKid(p); c >= 0; c = l.nextKid(c) {
		if l.kind(c) != stacked {
			continue
		}
		left := two && k%2 == 0
		if (!two || left) && k > 0 {
			top += rowH + l.opt.SiblingGap
			rowH = 0
		}
		cw, ch := l.cross(c), l.depth(c)
		rowH = max(rowH, ch)
		maxW = max(maxW, cw)
		if place {
			x := bus + l.indent
			if left {
				x = bus - l.indent - cw
			}
			l.box[c] = Rect{X: x, Y: top, W: cw, H: ch}
			minX = min(minX, x)
		}
		k++
	}
	w = l.indent + maxW
	if two {
		w *= 2
	}
	return w, top + rowH - origin.Y, minX
}

// busOffset is where the parent's line runs down a compact stack, from
// the stack's left edge: along its left edge for one column, down the
// middle for two.
func (l *layouter) busOffset(s int32) float64 {
	if l.opt.CompactColumns == 2 {
		return l.box[s].W / 2
	}
	return 0
}
