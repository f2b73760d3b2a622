// Package chart turns a document into a drawn chart: the text of every box
// measured with the one measurer, every box placed by the one layout. The
// editor's canvas and the PDF writer both draw a *Chart, so the screen and
// the paper show the same picture. It imports neither fyne nor the PDF
// library.
package chart

import (
	"fmt"
	"strconv"

	"orgdraft/domain"
	"orgdraft/domain/layout"
	"orgdraft/ui/measure"
)

// Box is one drawn box.
type Box struct {
	ID   domain.NodeID
	Rect layout.Rect // points; top-left origin, y grows downward
	Kind domain.Kind
	// Head marks the head of a unit; Concurrent a position held by someone
	// counted elsewhere (兼); Vacant a position with fewer people in post
	// than planned, set only once the document records filled headcount
	// somewhere (the model holds 0 both for "nobody in post" and for "not
	// entered", so a document that never mentions 在岗 has no vacancies).
	// The PDF and the picture mark vacancies with their legend; the
	// canvas only when its View.SetMarkVacancies option is on.
	Head, Concurrent, Vacant bool
	// Hidden is how many boxes are folded away below a collapsed box.
	Hidden int
	// Lines is the box's text, relative to Rect's top-left corner.
	Lines []measure.PlacedLine
}

// Line is a connector polyline between two boxes; Dotted marks a
// dotted-line link rather than a line of the tree.
type Line struct {
	Points   []layout.Point
	Dotted   bool
	From, To domain.NodeID
}

// Chart is a laid-out document.
type Chart struct {
	Boxes []Box // visible boxes in pre-order
	Lines []Line
	// Bounds holds every box and line.
	Bounds layout.Rect
	// Overlaps lists pairs of boxes that manual arranging made overlap.
	Overlaps [][2]domain.NodeID

	index map[domain.NodeID]int
}

// Box returns the drawn box of id, if it is visible.
func (c *Chart) Box(id domain.NodeID) (*Box, bool) {
	i, ok := c.index[id]
	if !ok {
		return nil, false
	}
	return &c.Boxes[i], true
}

// At returns the topmost box under the point p, if any. Later boxes are
// drawn over earlier ones, so the search runs backwards.
func (c *Chart) At(p layout.Point) (domain.NodeID, bool) {
	for i := len(c.Boxes) - 1; i >= 0; i-- {
		r := c.Boxes[i].Rect
		if p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H {
			return c.Boxes[i].ID, true
		}
	}
	return 0, false
}

// Options choose what to draw and how.
type Options struct {
	LeftToRight   bool
	CompactLeaves bool
	// Root limits the chart to one box and its subtree (0 = the whole
	// document), for a page per unit.
	Root     domain.NodeID
	Measurer *measure.Measurer
	Style    measure.BoxStyle
	// Layout tunes the gaps; its orientation and compact fields are set
	// from the two fields above.
	Layout layout.Options
	// Cache, when set, keeps measured box text between builds, so that an
	// editor rebuilding the chart after every edit measures only the boxes
	// whose text changed. nil measures everything.
	Cache *TextCache
	// Unfolded lists collapsed boxes drawn unfolded all the same: the
	// editor shows a box folded away that the user went to (found it,
	// clicked its finding) without editing the document.
	Unfolded map[domain.NodeID]bool
	// English writes the boxes' own words (headcount, concurrent, folded)
	// in English rather than in Chinese; the names are the document's.
	// The editor sets it from its language, the paper and the pictures
	// from the language they are printed in.
	English bool
}

// TextCache remembers measured box text by its content. It belongs to one
// caller (it is not safe for concurrent use).
type TextCache struct {
	style measure.BoxStyle
	m     *measure.Measurer
	boxes map[string]measure.BoxLines
	used  map[string]bool
}

// NewTextCache returns an empty cache.
func NewTextCache() *TextCache { return &TextCache{} }

// box measures a box's text, or returns it from the cache.
func (c *TextCache) box(m *measure.Measurer, name string, details []string, st measure.BoxStyle) measure.BoxLines {
	if c == nil {
		return m.Box(name, details, st)
	}
	if c.boxes == nil || c.style != st || c.m != m {
		c.style, c.m, c.boxes = st, m, map[string]measure.BoxLines{}
	}
	key := name
	for _, d := range details {
		key += "\x00" + d
	}
	if c.used != nil {
		c.used[key] = true
	}
	if b, ok := c.boxes[key]; ok {
		return b
	}
	b := m.Box(name, details, st)
	c.boxes[key] = b
	return b
}

// begin and end bracket one build: entries no build used are dropped at
// the end, so renamed boxes do not pile up in the cache.
func (c *TextCache) begin() {
	if c != nil {
		c.used = make(map[string]bool, len(c.boxes))
	}
}

func (c *TextCache) end() {
	if c == nil || c.used == nil {
		return
	}
	for k := range c.boxes {
		if !c.used[k] {
			delete(c.boxes, k)
		}
	}
	c.used = nil
}

// OptionsFor returns the document's own chart options with the bundled
// font and the default box style.
func OptionsFor(d *domain.Document) Options {
	return Options{
		LeftToRight:   d.Info.Page.LeftToRight,
		CompactLeaves: d.Info.Page.CompactLeaves,
		Measurer:      measure.Default(),
		Style:         measure.DefaultBoxStyle(),
	}
}

// Build measures and lays out the document.
func Build(d *domain.Document, opt Options) (*Chart, error) {
	if opt.Measurer == nil {
		opt.Measurer = measure.Default()
	}
	if opt.Style == (measure.BoxStyle{}) {
		opt.Style = measure.DefaultBoxStyle()
	}
	roots := d.Roots()
	if opt.Root != 0 {
		if d.Node(opt.Root) == nil {
			return nil, fmt.Errorf("chart: %w: %d", domain.ErrNoSuchNode, opt.Root)
		}
		roots = []domain.NodeID{opt.Root}
	}
	nodes, parents := drawOrder(d, roots)

	n := len(nodes)
	index := make(map[domain.NodeID]int, n)
	in := layout.Input{
		Parent: parents,
		Size:   make([]layout.Size, n),
		Flags:  make([]layout.Flags, n),
	}
	roll := d.Rollup()
	tracksFilled := false
	for _, r := range d.Roots() {
		tracksFilled = tracksFilled || roll[r].Filled > 0
	}
	texts := make([]measure.BoxLines, n)
	folded := func(n *domain.Node) bool { return n.Collapsed && !opt.Unfolded[n.ID] }
	hidden := hiddenCounts(nodes, parents, folded)
	opt.Cache.begin()
	defer opt.Cache.end()
	for i, nd := range nodes {
		index[nd.ID] = i
		texts[i] = opt.Cache.box(opt.Measurer, nd.Name, details(nd, roll[nd.ID], tracksFilled, hidden[i], opt.English), opt.Style)
		in.Size[i] = layout.Size{W: texts[i].W, H: texts[i].H}
		in.Flags[i] = flags(nd, folded(nd))
		if nd.Offset != (domain.Offset{}) {
			if in.Offset == nil {
				in.Offset = make([]layout.Point, n)
			}
			in.Offset[i] = layout.Point{X: nd.Offset.X, Y: nd.Offset.Y}
		}
	}
	for _, l := range d.Links() {
		from, ok1 := index[l.From]
		to, ok2 := index[l.To]
		if ok1 && ok2 {
			in.Links = append(in.Links, [2]int32{int32(from), int32(to)})
		}
	}

	lo := opt.Layout
	lo.LeftToRight, lo.CompactLeaves = opt.LeftToRight, opt.CompactLeaves
	res, err := layout.Layout(in, lo)
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}

	c := &Chart{Bounds: res.Bounds, Boxes: make([]Box, 0, n), index: make(map[domain.NodeID]int, n)}
	for i, nd := range nodes {
		if !res.Visible[i] {
			continue
		}
		c.index[nd.ID] = len(c.Boxes)
		c.Boxes = append(c.Boxes, Box{
			ID: nd.ID, Rect: res.Boxes[i], Kind: nd.Kind, Head: nd.Head,
			Concurrent: nd.Concurrent,
			Vacant:     tracksFilled && nd.Kind.IsPosition() && nd.Filled < nd.Planned,
			Hidden:     int(res.Hidden[i]),
			Lines:      texts[i].Lines(),
		})
	}
	for _, cn := range res.Connectors {
		c.Lines = append(c.Lines, Line{
			Points: cn.Points, Dotted: cn.Dotted,
			From: nodes[cn.From].ID, To: nodes[cn.To].ID,
		})
	}
	for _, o := range res.Overlaps {
		c.Overlaps = append(c.Overlaps, [2]domain.NodeID{nodes[o[0]].ID, nodes[o[1]].ID})
	}
	return c, nil
}

// flags maps a box's kind and view settings to the layout's flags.
func flags(n *domain.Node, folded bool) layout.Flags {
	var f layout.Flags
	if n.Kind == domain.KindAssistant {
		f |= layout.Assistant
	}
	if folded {
		f |= layout.Collapsed
	}
	switch n.Leaves {
	case domain.LeavesColumn:
		f |= layout.Compact
	case domain.LeavesRow:
		f |= layout.NoCompact
	}
	return f
}

// drawOrder lists the boxes under roots in the order the layout takes
// them (pre-order) with the parent each is drawn under. That is the
// document's tree but for one thing: a unit with a head position draws
// its head right below it and its other members below the head, as the
// seed's charts do (the manager above the groups). The head's own
// children come first among its drawn children. The walk is iterative, so
// a deep chain cannot overflow the stack.
func drawOrder(d *domain.Document, roots []domain.NodeID) ([]*domain.Node, []int32) {
	type item struct {
		id     domain.NodeID
		parent int32
	}
	nodes := make([]*domain.Node, 0, d.Len())
	parents := make([]int32, 0, d.Len())
	stack := make([]item, 0, 64)
	push := func(ids []domain.NodeID, parent int32, skip domain.NodeID) {
		for i := len(ids) - 1; i >= 0; i-- {
			if ids[i] != skip {
				stack = append(stack, item{ids[i], parent})
			}
		}
	}
	push(roots, -1, 0)
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := d.Node(it.id)
		self := int32(len(nodes))
		nodes = append(nodes, nd)
		parents = append(parents, it.parent)
		head := domain.NodeID(0)
		if nd.Kind == domain.KindUnit {
			head = d.HeadOf(nd.ID)
		}
		if head == 0 {
			push(nd.Children(), self, 0)
			continue
		}
		// The members go under the head, which is popped next and so
		// gets index self+1; then the head itself under the unit.
		push(nd.Children(), self+1, head)
		stack = append(stack, item{head, self})
	}
	return nodes, parents
}

// hiddenCounts returns, for every collapsed box (in draw order), how many
// boxes it folds away, so the box can say so. The list is walked
// backwards, adding every drawn subtree's size to its parent.
func hiddenCounts(nodes []*domain.Node, parents []int32, folded func(*domain.Node) bool) []int {
	size := make([]int, len(nodes))
	out := make([]int, len(nodes))
	for i := len(nodes) - 1; i >= 0; i-- {
		if folded(nodes[i]) {
			out[i] = size[i]
		}
		if p := parents[i]; p >= 0 {
			size[p] += size[i] + 1
		}
	}
	return out
}

// details are the lines under a box's name: its headcount (rolled up for a
// unit), its grade, and how much a collapsed box hides, in Chinese
// ("编制 3人") or in English ("3 planned"). This is the one place that
// writes them, for the canvas, the pictures and the paper alike.
func details(n *domain.Node, roll domain.Headcount, tracksFilled bool, hidden int, english bool) []string {
	w := &boxWordsZh
	if english {
		w = &boxWordsEn
	}
	var lines []string
	h := roll
	if n.Kind.IsPosition() {
		h = domain.Headcount{Planned: n.Planned, Filled: n.Filled}
	}
	// strconv rather than fmt: this runs for every box on every edit.
	count := w.planned[0] + strconv.Itoa(h.Planned) + w.planned[1]
	if tracksFilled {
		count = w.plannedOf[0] + strconv.Itoa(h.Planned) + w.plannedOf[1] + strconv.Itoa(h.Filled) + w.plannedOf[2]
	}
	switch {
	case n.Concurrent && h.Planned == 0:
		count = w.concurrent
	case n.Concurrent:
		count += w.alsoConcurrent
	}
	if n.Kind.IsPosition() && n.Grade != "" {
		count += " · " + n.Grade
	}
	lines = append(lines, count)
	if hidden > 0 {
		folded := w.folded
		if hidden == 1 {
			folded = w.foldedOne
		}
		lines = append(lines, folded[0]+strconv.Itoa(hidden)+folded[1])
	}
	return lines
}

// boxWords are the words of a box's detail lines in one language, split
// around the numbers they hold.
type boxWords struct {
	planned           [2]string // around the planned headcount
	plannedOf         [3]string // around planned and filled
	concurrent        string    // a concurrent post with none planned
	alsoConcurrent    string    // after the planned headcount of a concurrent post
	folded, foldedOne [2]string // around the number of boxes folded away
}

var (
	boxWordsZh = boxWords{
		planned:        [2]string{"编制 ", "人"},
		plannedOf:      [3]string{"编制 ", " / 在岗 ", ""},
		concurrent:     "兼任",
		alsoConcurrent: "（兼）",
		folded:         [2]string{"（已折叠 ", " 个框）"},
		foldedOne:      [2]string{"（已折叠 ", " 个框）"},
	}
	boxWordsEn = boxWords{
		planned:        [2]string{"", " planned"},
		plannedOf:      [3]string{"", " planned / ", " filled"},
		concurrent:     "Concurrent",
		alsoConcurrent: " (concurrent)",
		folded:         [2]string{"(", " boxes folded)"},
		foldedOne:      [2]string{"(", " box folded)"},
	}
)
