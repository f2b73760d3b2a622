// Package layout is the pure geometry of the org chart: given the tree of
// boxes, the size of every box and a few options it returns a rectangle for
// every visible box and the connector lines between them.
//
// The core is the non-layered tidy tree of A. J. van der Ploeg ("Drawing
// non-layered tidy trees in linear time", Software: Practice and Experience
// 44(12), 2014), the algorithm behind d3-flextree: boxes of any size, no
// overlaps, siblings kept in order, every parent centred over its children,
// identical subtrees drawn identically and a mirrored tree drawn as the
// mirror image, all in O(n) time. The org-chart variants are steps around
// that core rather than changes inside it:
//
//   - compact leaves: the leaf children of a box are stacked in a column (or
//     a two-column grid) hanging from the parent's line, and the core sees the
//     whole stack as one box; when the box has other children too, the stack
//     stands in their row at the place of its first leaf, with a line of its
//     own, so a leaf that gets a child steps out of the column and the rest
//     of the column stays;
//   - assistants: leaf boxes flagged Assistant sit beside the parent's line,
//     between the parent and its ordinary children, and the core sees the
//     parent as a box tall enough to hold them;
//   - left-to-right charts are laid out top-down in a frame whose axes are
//     swapped at the end;
//   - manual offsets move a box and its subtree after the layout.
//
// Everything works on flat arrays in a few passes over the nodes: no
// recursion (a chain 100,000 boxes deep is fine), no maps and no allocation
// per node. The package depends on nothing but the standard library; the
// caller converts its document into an Input of index arrays.
package layout

import (
	"errors"
	"fmt"
	"math"
)

// Size is the width and height of a box in points.
type Size struct{ W, H float64 }

// Point is a position in points; y grows downward.
type Point struct{ X, Y float64 }

// Rect is a box: its top-left corner and its size, in points. Y grows
// downward.
type Rect struct{ X, Y, W, H float64 }

// Flags mark how one node is drawn.
type Flags uint8

// The node flags.
const (
	// Assistant draws a box that has no visible children of its own beside
	// its parent's vertical line, above the row of ordinary children. An
	// assistant with visible children is laid out as an ordinary child.
	Assistant Flags = 1 << iota
	// Compact stacks this node's leaf children in a column under a side
	// line when it has two or more (see Options.CompactLeaves); its other
	// children stand beside the column in a row.
	Compact
	// NoCompact keeps this node's leaf children in a row even when
	// Options.CompactLeaves asks for compact columns everywhere.
	NoCompact
	// Collapsed hides all descendants of the node.
	Collapsed
)

// Input is the tree to lay out, as parallel arrays indexed by node.
type Input struct {
	// Parent[i] is the parent of node i, or -1 for a top-level box. The
	// nodes must be in pre-order: every subtree occupies consecutive
	// indices, its root first, and siblings appear in the order they are
	// drawn (left to right, or top to bottom in a left-to-right chart).
	Parent []int32
	// Size is the size of every box as drawn (width, height), whatever the
	// orientation.
	Size []Size
	// Flags are the node flags; nil means none.
	Flags []Flags
	// Offset is the manual displacement of every box from where the layout
	// puts it; it moves the box's subtree too. nil means none.
	Offset []Point
	// Links are dotted-line relations drawn besides the tree, as pairs of
	// node indices (from, to).
	Links [][2]int32
}

// Side says where assistants sit relative to their parent's line.
type Side uint8

// The assistant sides. Left is the side of smaller x in a top-down chart
// and of smaller y (above the line) in a left-to-right chart.
const (
	Alternate Side = iota // first left, second right, third left, ...
	LeftSide
	RightSide
)

// Default gaps in points, chosen for boxes of about 90×40 pt.
const (
	DefaultSiblingGap = 12
	DefaultSubtreeGap = 24
	DefaultLevelGap   = 36
)

// Options tune the layout. The zero value is a top-down chart with the
// default gaps.
type Options struct {
	// LeftToRight puts parents to the left of their children instead of
	// above them.
	LeftToRight bool
	// SiblingGap is the space between two boxes with the same parent, and
	// also the length of the short stubs into compact leaves and assistants.
	// Zero or less means DefaultSiblingGap.
	SiblingGap float64
	// SubtreeGap is the space between boxes of neighbouring subtrees and
	// between top-level trees. Zero or less means DefaultSubtreeGap.
	SubtreeGap float64
	// LevelGap is the space between a parent and its children. Zero or less
	// means DefaultLevelGap.
	LevelGap float64
	// CompactLeaves stacks the leaf children of every node with two or
	// more of them, as if each node had the Compact flag (nodes flagged
	// NoCompact excepted).
	CompactLeaves bool
	// CompactColumns is 1 (a single column beside the line, the default
	// when zero) or 2 (a grid with the line running down the middle).
	CompactColumns int
	// AssistantSide says on which side of the line assistants sit.
	AssistantSide Side
}

// Connector is one line of the chart: an orthogonal polyline that starts on
// the edge of box From and ends on the edge of box To.
type Connector struct {
	From, To int32
	Points   []Point
	// Dotted marks a dotted-line link (Input.Links) rather than a line of
	// the tree.
	Dotted bool
}

// Result is a laid-out chart.
type Result struct {
	// Boxes holds the rectangle of every node (the zero Rect for hidden
	// ones).
	Boxes []Rect
	// Visible reports which nodes are drawn: those with no collapsed
	// ancestor.
	Visible []bool
	// Hidden holds, for every collapsed node, how many descendant boxes it
	// hides (0 for the others), to show as a badge.
	Hidden []int32
	// Connectors holds one line from every visible node's parent to the
	// node, in node order, followed by the dotted links. A link to a hidden
	// node is drawn to its nearest visible ancestor, and dropped when both
	// ends resolve to the same box.
	Connectors []Connector
	// Overlaps lists the pairs of visible boxes (i < j, sorted) that
	// overlap because of manual offsets. It is computed only when some
	// offset is non-zero; the automatic layout itself never overlaps.
	Overlaps [][2]int32
	// Bounds is the smallest rectangle holding every visible box and
	// every connector. Without offsets it starts at (0, 0).
	Bounds Rect
}

// ErrInput wraps every error about malformed input.
var ErrInput = errors.New("layout: malformed input")

func inputError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInput}, args...)...)
}

// Layout lays out the tree in and returns where every box and line goes.
// It returns an error wrapping ErrInput when the arrays disagree in length,
// the nodes are not in pre-order, a size is negative or not finite, or a
// link names a node that does not exist.
func Layout(in Input, opt Options) (Result, error) {
	opt, err := normalize(opt)
	if err != nil {
		return Result{}, err
	}
	if err := validate(in); err != nil {
		return Result{}, err
	}
	n := len(in.Parent)
	res := Result{
		Hidden:  make([]int32, n),
		Visible: make([]bool, n),
	}
	if n == 0 {
		return res, nil
	}
	sc := scratchPool.Get().(*scratch)
	l := newLayouter(in, opt, res.Hidden, sc)
	defer func() {
		l.keep(sc)
		scratchPool.Put(sc)
	}()
	if err := l.countDescendants(); err != nil {
		return Result{}, err
	}
	l.classify()
	l.prepare(sc)
	l.firstWalks()
	l.secondWalk()
	minX := l.place()

	// Move the chart to start at cross position 0 (the top-level boxes
	// already start at depth 0) and fill in the per-node results.
	res.Boxes = l.box[:n:n]
	lines := 0
	for i := range res.Boxes {
		visible := l.role[i] != hidden
		res.Visible[i] = visible
		if visible {
			res.Boxes[i].X -= minX
			if l.parent[i] >= 0 {
				lines++
			}
		}
		if !l.collapsed(int32(i)) {
			res.Hidden[i] = 0 // it held the number of descendants
		}
	}
	for s := l.n + 1; int(s) < len(l.box); s++ {
		l.box[s].X -= minX // the stacks, whose lines the connectors follow
	}
	res.Connectors = l.connectors(lines)
	l.toPage(res.Boxes, res.Connectors)
	if l.applyOffsets(res.Boxes, res.Connectors) {
		res.Overlaps = overlaps(res.Boxes, res.Visible)
	}
	res.Connectors = l.links(res.Boxes, res.Connectors)
	res.Bounds = bounds(res.Boxes, res.Visible, res.Connectors)
	return res, nil
}

// normalize fills in the default gaps and checks the options.
func normalize(opt Options) (Options, error) {
	if !(opt.SiblingGap > 0) {
		opt.SiblingGap = DefaultSiblingGap
	}
	if !(opt.SubtreeGap > 0) {
		opt.SubtreeGap = DefaultSubtreeGap
	}
	if !(opt.LevelGap > 0) {
		opt.LevelGap = DefaultLevelGap
	}
	for _, g := range []float64{opt.SiblingGap, opt.SubtreeGap, opt.LevelGap} {
		if math.IsInf(g, 0) {
			return opt, fmt.Errorf("layout: gap %v is not finite", g)
		}
	}
	switch opt.CompactColumns {
	case 0:
		opt.CompactColumns = 1
	case 1, 2:
	default:
		return opt, fmt.Errorf("layout: CompactColumns is %d, want 1 or 2", opt.CompactColumns)
	}
	if opt.AssistantSide > RightSide {
		return opt, fmt.Errorf("layout: unknown assistant side %d", opt.AssistantSide)
	}
	return opt, nil
}

// validate checks everything about the input that does not need the tree
// walked; countDescendants checks the pre-order.
func validate(in Input) error {
	n := len(in.Parent)
	if n > math.MaxInt32/2 {
		return inputError("%d nodes is too many", n)
	}
	if len(in.Size) != n {
		return inputError("%d sizes for %d nodes", len(in.Size), n)
	}
	if in.Flags != nil && len(in.Flags) != n {
		return inputError("%d flags for %d nodes", len(in.Flags), n)
	}
	if in.Offset != nil && len(in.Offset) != n {
		return inputError("%d offsets for %d nodes", len(in.Offset), n)
	}
	for i, p := range in.Parent {
		if p < -1 || int(p) >= i {
			return inputError("node %d has parent %d, want -1 or a node before it", i, p)
		}
	}
	for i, s := range in.Size {
		if !(s.W >= 0 && s.W <= math.MaxFloat64 && s.H >= 0 && s.H <= math.MaxFloat64) { // also NaN
			return inputError("node %d has size %v×%v", i, s.W, s.H)
		}
	}
	for i, o := range in.Offset {
		if !(math.Abs(o.X) <= math.MaxFloat64 && math.Abs(o.Y) <= math.MaxFloat64) {
			return inputError("node %d has offset %v,%v", i, o.X, o.Y)
		}
	}
	for k, ln := range in.Links {
		for _, v := range ln {
			if v < 0 || int(v) >= n {
				return inputError("link %d names node %d of %d", k, v, n)
			}
		}
	}
	return nil
}
