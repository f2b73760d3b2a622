package layout

import (
	"errors"
	"slices"
	"sync"
	"testing"
)

// Small charts whose coordinates are worked out by hand, with the default
// gaps (sibling 12, subtree 24, level 36) and 90×40 boxes.

var box90 = Size{W: 90, H: 40}

func sizes(n int) []Size {
	s := make([]Size, n)
	for i := range s {
		s[i] = box90
	}
	return s
}

func mustLayout(t *testing.T, in Input, opt Options) Result {
	t.Helper()
	res, err := Layout(in, opt)
	if err != nil {
		t.Fatal(err)
	}
	if bad := newView(in, opt).check(res); len(bad) > 0 && in.Offset == nil {
		t.Fatalf("checker: %v", bad)
	}
	return res
}

func wantBoxes(t *testing.T, res Result, want ...Rect) {
	t.Helper()
	for i, w := range want {
		if got := res.Boxes[i]; got != w {
			t.Errorf("box %d = %v, want %v", i, got, w)
		}
	}
}

func wantLine(t *testing.T, c Connector, want ...Point) {
	t.Helper()
	if !slices.Equal(c.Points, want) {
		t.Errorf("line %d→%d = %v, want %v", c.From, c.To, c.Points, want)
	}
}

func TestEmptyAndSingle(t *testing.T) {
	res := mustLayout(t, Input{}, Options{})
	if len(res.Boxes) != 0 || len(res.Connectors) != 0 || res.Bounds != (Rect{}) {
		t.Errorf("empty input gave %+v", res)
	}
	res = mustLayout(t, Input{Parent: []int32{-1}, Size: []Size{{120, 50}}}, Options{})
	wantBoxes(t, res, Rect{0, 0, 120, 50})
	if len(res.Connectors) != 0 || res.Bounds != (Rect{0, 0, 120, 50}) {
		t.Errorf("single box gave %+v", res)
	}
}

func TestParentWithTwoChildren(t *testing.T) {
	in := Input{Parent: []int32{-1, 0, 0}, Size: sizes(3)}
	res := mustLayout(t, in, Options{})
	// Children side by side a level (36) below; the parent centred over
	// [0, 192].
	wantBoxes(t, res, Rect{51, 0, 90, 40}, Rect{0, 76, 90, 40}, Rect{102, 76, 90, 40})
	wantLine(t, res.Connectors[0], Point{96, 40}, Point{96, 58}, Point{45, 58}, Point{45, 76})
	wantLine(t, res.Connectors[1], Point{96, 40}, Point{96, 58}, Point{147, 58}, Point{147, 76})
	if res.Bounds != (Rect{0, 0, 192, 116}) {
		t.Errorf("bounds %v", res.Bounds)
	}

	res = mustLayout(t, in, Options{LeftToRight: true})
	wantBoxes(t, res, Rect{0, 26, 90, 40}, Rect{126, 0, 90, 40}, Rect{126, 52, 90, 40})
	wantLine(t, res.Connectors[0], Point{90, 46}, Point{108, 46}, Point{108, 20}, Point{126, 20})
}

func TestGapsAreOptions(t *testing.T) {
	// Two families side by side: cousins keep the subtree gap, siblings
	// the sibling gap, children the level gap.
	in := Input{Parent: []int32{-1, 0, 1, 1, 0, 4, 4}, Size: sizes(7)}
	res := mustLayout(t, in, Options{SiblingGap: 10, SubtreeGap: 50, LevelGap: 20})
	if gap := res.Boxes[5].X - (res.Boxes[3].X + 90); gap != 50 {
		t.Errorf("cousins 3 and 5 are %v apart, want 50", gap)
	}
	if gap := res.Boxes[3].X - (res.Boxes[2].X + 90); gap != 10 {
		t.Errorf("siblings 2 and 3 are %v apart, want 10", gap)
	}
	if gap := res.Boxes[2].Y - 40 - res.Boxes[1].Y; gap != 20 {
		t.Errorf("level gap %v, want 20", gap)
	}
}

func TestForestSideBySide(t *testing.T) {
	in := Input{Parent: []int32{-1, -1, 1}, Size: sizes(3)}
	res := mustLayout(t, in, Options{})
	// Top-level trees are a subtree gap (24) apart.
	wantBoxes(t, res, Rect{0, 0, 90, 40}, Rect{114, 0, 90, 40}, Rect{114, 76, 90, 40})
	if len(res.Connectors) != 1 || res.Connectors[0].From != 1 {
		t.Errorf("connectors %v", res.Connectors)
	}
}

func TestNonLayered(t *testing.T) {
	// A tall box pushes only its own children down; a short sibling's
	// children may tuck under the tall box's neighbour.
	in := Input{Parent: []int32{-1, 0, 1, 0, 3}, Size: sizes(5)}
	in.Size[1].H = 100
	res := mustLayout(t, in, Options{})
	if res.Boxes[2].Y != 76+100+36 || res.Boxes[4].Y != 76+40+36 {
		t.Errorf("grandchildren at depths %v and %v", res.Boxes[2].Y, res.Boxes[4].Y)
	}
}

func TestCompactColumn(t *testing.T) {
	in := Input{Parent: []int32{-1, 0, 0, 0}, Size: sizes(4)}
	res := mustLayout(t, in, Options{CompactLeaves: true})
	// The line drops from the parent's centre (45) and the leaves hang a
	// stub (12) to its right, one under the other.
	wantBoxes(t, res, Rect{0, 0, 90, 40}, Rect{57, 76, 90, 40}, Rect{57, 128, 90, 40}, Rect{57, 180, 90, 40})
	wantLine(t, res.Connectors[2], Point{45, 40}, Point{45, 200}, Point{57, 200})

	// The same through the node's own flag, and NoCompact overriding the
	// document option.
	in.Flags = []Flags{Compact, 0, 0, 0}
	res2 := mustLayout(t, in, Options{})
	if !slices.Equal(res.Boxes, res2.Boxes) {
		t.Errorf("Compact flag gave %v, option gave %v", res2.Boxes, res.Boxes)
	}
	in.Flags = []Flags{NoCompact, 0, 0, 0}
	res3 := mustLayout(t, in, Options{CompactLeaves: true})
	if res3.Boxes[1].Y != res3.Boxes[3].Y {
		t.Errorf("NoCompact still stacked: %v", res3.Boxes)
	}
}

func TestCompactNeedsTwoLeaves(t *testing.T) {
	// One leaf beside a child with a child of its own: a row.
	in := Input{Parent: []int32{-1, 0, 0, 2}, Size: sizes(4)}
	res := mustLayout(t, in, Options{CompactLeaves: true})
	if res.Boxes[1].Y != res.Boxes[2].Y {
		t.Errorf("a lone leaf is stacked: %v", res.Boxes)
	}
	// A collapsed child counts as a leaf: two leaves, stacked.
	in.Flags = []Flags{0, 0, Collapsed, 0}
	res = mustLayout(t, in, Options{CompactLeaves: true})
	if res.Boxes[1].X != res.Boxes[2].X || res.Boxes[2].Y <= res.Boxes[1].Y {
		t.Errorf("collapsed leaf not stacked: %v", res.Boxes)
	}
}

// inputIndex returns, for every tree node, its index in the input that
// toInput made with the given order.
func inputIndex(order []int32) []int32 {
	at := make([]int32, len(order))
	for k, node := range order {
		at[node] = int32(k)
	}
	return at
}

// TestFirstSubordinateKeepsTheColumn: a manager's four leaf positions are
// stacked in a column. When the third gets a subordinate, the other three
// stay in their column, in order and without a gap, and the third stands
// beside the column with its subordinate below it.
func TestFirstSubordinateKeepsTheColumn(t *testing.T) {
	for _, opt := range []Options{{CompactLeaves: true}, {CompactLeaves: true, LeftToRight: true}} {
		tr := &tree{}
		box := Size{W: 90, H: 40}
		mgr := tr.add(-1, box, 0)
		a, b, c, d := tr.add(mgr, box, 0), tr.add(mgr, box, 0), tr.add(mgr, box, 0), tr.add(mgr, box, 0)
		in, order := tr.toInput()
		before := mustLayout(t, in, opt)
		at := inputIndex(order)
		f := newView(in, opt).frame
		if x := f(before.Boxes[at[a]]).X; f(before.Boxes[at[d]]).X != x || f(before.Boxes[at[c]]).X != x {
			t.Fatalf("%+v: the four leaves are not one column: %v", opt, before.Boxes)
		}

		sub := tr.add(c, box, 0)
		in, order = tr.toInput()
		res := mustLayout(t, in, opt)
		v := newView(in, opt)
		if bad := v.check(res); len(bad) > 0 {
			t.Fatalf("%+v: %v", opt, bad)
		}
		at = inputIndex(order)
		r := func(n int32) Rect { return v.frame(res.Boxes[at[n]]) }
		gap := DefaultSiblingGap
		if r(b).X != r(a).X || r(d).X != r(a).X {
			t.Errorf("%+v: the other leaves left their column: %v %v %v", opt, r(a), r(b), r(d))
		}
		if r(b).Y != r(a).Y+r(a).H+float64(gap) || r(d).Y != r(b).Y+r(b).H+float64(gap) {
			t.Errorf("%+v: the column is out of order or has a gap: %v %v %v", opt, r(a), r(b), r(d))
		}
		if r(c).Y != r(a).Y || r(c).X < r(a).X+r(a).W+float64(gap) {
			t.Errorf("%+v: the box with a subordinate %v is not beside the column's top %v", opt, r(c), r(a))
		}
		if r(sub).Y <= r(c).Y+r(c).H {
			t.Errorf("%+v: the new subordinate %v is not below its superior %v", opt, r(sub), r(c))
		}
	}
}

// TestRandomFirstSubordinates: in random trees, giving a stacked leaf a
// subordinate leaves its stacked siblings in their column, and the chart
// passes every check.
func TestRandomFirstSubordinates(t *testing.T) {
	tried := 0
	for k := 0; k < 400; k++ {
		r := treeRand("first-subordinate", k)
		opt := Options{CompactLeaves: true, CompactColumns: 1 + r.IntN(2), LeftToRight: r.IntN(2) == 0}
		tr := randomTree(r, 2+r.IntN(300), genOptions{roots: 1, assistant: 0.1 * r.Float64()})
		in, order := tr.toInput()
		v := newView(in, opt)
		// A stacked leaf with at least two stacked siblings.
		var leaf int32 = -1
		for _, node := range r.Perm(len(order)) {
			i := inputIndex(order)[node]
			if v.kind[i] != 's' {
				continue
			}
			p := in.Parent[i]
			if n := len(slices.DeleteFunc(slices.Clone(v.kids[p]), func(c int32) bool { return v.kind[c] != 's' })); n >= 3 {
				leaf = int32(node)
				break
			}
		}
		if leaf < 0 {
			continue
		}
		tried++
		var siblings []int32 // tree nodes stacked with leaf
		for _, c := range tr.kids[tr.parentOf(leaf)] {
			if c != leaf && v.kind[inputIndex(order)[c]] == 's' {
				siblings = append(siblings, c)
			}
		}
		tr.add(leaf, Size{W: 90, H: 40}, 0)
		in, order = tr.toInput()
		res, err := Layout(in, opt)
		if err != nil {
			t.Fatal(err)
		}
		v = newView(in, opt)
		bad := v.check(res)
		// The siblings go down one under the other (a row beside each
		// other in a two-column grid), and in one column share a line.
		at := inputIndex(order)
		step := 1
		if opt.CompactColumns == 2 {
			step = 2
		}
		for j := step; j < len(siblings); j++ {
			prev, cur := v.frame(res.Boxes[at[siblings[j-step]]]), v.frame(res.Boxes[at[siblings[j]]])
			if cur.Y < prev.Y+prev.H || step == 1 && cur.X != prev.X {
				bad.add("stacked siblings %d %v and %d %v are no longer in a column after %d got a subordinate",
					at[siblings[j-step]], prev, at[siblings[j]], cur, at[leaf])
			}
		}
		if len(bad) > 0 {
			t.Fatalf("%s: %v", describe("first-subordinate", k, in, opt), bad)
		}
	}
	if tried < 100 {
		t.Fatalf("only %d of 400 trees had a stack of three to try", tried)
	}
}

func TestCompactGrid(t *testing.T) {
	in := Input{Parent: []int32{-1, 0, 0, 0}, Size: sizes(4)}
	res := mustLayout(t, in, Options{CompactLeaves: true, CompactColumns: 2})
	// The line runs down the middle (x 102), leaves left and right of it
	// in reading order.
	wantBoxes(t, res, Rect{57, 0, 90, 40}, Rect{0, 76, 90, 40}, Rect{114, 76, 90, 40}, Rect{0, 128, 90, 40})
	wantLine(t, res.Connectors[0], Point{102, 40}, Point{102, 96}, Point{90, 96})
	wantLine(t, res.Connectors[1], Point{102, 40}, Point{102, 96}, Point{114, 96})
}

func TestAssistants(t *testing.T) {
	in := Input{
		Parent: []int32{-1, 0, 0, 0, 0},
		Size:   sizes(5),
		Flags:  []Flags{0, Assistant, 0, Assistant, 0},
	}
	res := mustLayout(t, in, Options{})
	// Assistants half a level (18) below the parent, left and right of
	// its line (x 102); ordinary children a level below them.
	wantBoxes(t, res,
		Rect{57, 0, 90, 40},
		Rect{0, 58, 90, 40}, Rect{6, 134, 90, 40},
		Rect{114, 58, 90, 40}, Rect{108, 134, 90, 40})
	wantLine(t, res.Connectors[0], Point{102, 40}, Point{102, 78}, Point{90, 78})
	wantLine(t, res.Connectors[2], Point{102, 40}, Point{102, 78}, Point{114, 78})
	wantLine(t, res.Connectors[1], Point{102, 40}, Point{102, 116}, Point{51, 116}, Point{51, 134})

	res = mustLayout(t, in, Options{AssistantSide: RightSide})
	a1, a2 := res.Boxes[1], res.Boxes[3]
	if a1.X != a2.X || a2.Y != a1.Y+40+12 {
		t.Errorf("right-side assistants at %v and %v, want one under the other", a1, a2)
	}
	// An assistant with subordinates of its own is an ordinary child.
	in = Input{Parent: []int32{-1, 0, 1}, Size: sizes(3), Flags: []Flags{0, Assistant, 0}}
	res = mustLayout(t, in, Options{})
	if res.Boxes[1].Y != 76 {
		t.Errorf("assistant with a subordinate at %v, want in the row of children", res.Boxes[1])
	}
}

func TestCollapsed(t *testing.T) {
	in := Input{Parent: []int32{-1, 0, 1, 1, 0, 4}, Size: sizes(6), Flags: []Flags{0, Collapsed, 0, Collapsed, 0, 0}}
	res := mustLayout(t, in, Options{})
	if want := []int32{0, 2, 0, 0, 0, 0}; !slices.Equal(res.Hidden, want) {
		t.Errorf("hidden %v, want %v", res.Hidden, want)
	}
	if want := []bool{true, true, false, false, true, true}; !slices.Equal(res.Visible, want) {
		t.Errorf("visible %v, want %v", res.Visible, want)
	}
	if res.Boxes[2] != (Rect{}) || len(res.Connectors) != 3 {
		t.Errorf("hidden box %v, %d connectors", res.Boxes[2], len(res.Connectors))
	}
}

func TestDeepChain(t *testing.T) {
	const n = 100_000
	res := mustLayout(t, chain(n), Options{})
	if last := res.Boxes[n-1]; last != (Rect{0, (n - 1) * 76, 90, 40}) {
		t.Errorf("last box of the chain at %v", last)
	}
}

func TestLinks(t *testing.T) {
	in := Input{
		Parent: []int32{-1, 0, 1, 0, 3},
		Size:   sizes(5),
		Flags:  []Flags{0, Collapsed, 0, 0, 0},
		Links:  [][2]int32{{4, 2}, {2, 1}, {3, 1}},
	}
	res := mustLayout(t, in, Options{})
	// 4→2 goes to 2's collapsed parent 1; 2→1 joins a box to itself and is
	// dropped; 3→1 joins two siblings side to side.
	var dotted []Connector
	for _, c := range res.Connectors {
		if c.Dotted {
			dotted = append(dotted, c)
		}
	}
	if len(dotted) != 2 || dotted[0].From != 4 || dotted[0].To != 1 || dotted[1].From != 3 || dotted[1].To != 1 {
		t.Fatalf("dotted lines %v", dotted)
	}
	b1, b3 := res.Boxes[1], res.Boxes[3]
	wantLine(t, dotted[1], Point{b3.X, 96}, Point{b1.X + 90, 96})
}

func TestMalformedInput(t *testing.T) {
	ok := Input{Parent: []int32{-1, 0, 0}, Size: sizes(3)}
	cases := map[string]Input{
		"parent after child":  {Parent: []int32{-1, 2, 0}, Size: sizes(3)},
		"parent is self":      {Parent: []int32{-1, 1}, Size: sizes(2)},
		"parent below -1":     {Parent: []int32{-2}, Size: sizes(1)},
		"not pre-order":       {Parent: []int32{-1, 0, 0, 1}, Size: sizes(4)},
		"sizes short":         {Parent: ok.Parent, Size: sizes(2)},
		"flags short":         {Parent: ok.Parent, Size: ok.Size, Flags: []Flags{0}},
		"offsets long":        {Parent: ok.Parent, Size: ok.Size, Offset: make([]Point, 4)},
		"negative size":       {Parent: []int32{-1}, Size: []Size{{-1, 5}}},
		"link out of range":   {Parent: ok.Parent, Size: ok.Size, Links: [][2]int32{{0, 3}}},
		"negative link":       {Parent: ok.Parent, Size: ok.Size, Links: [][2]int32{{-1, 0}}},
		"not-a-number offset": {Parent: []int32{-1}, Size: sizes(1), Offset: []Point{{X: nan()}}},
	}
	for name, in := range cases {
		if _, err := Layout(in, Options{}); !errors.Is(err, ErrInput) {
			t.Errorf("%s: error %v, want ErrInput", name, err)
		}
	}
	for _, opt := range []Options{{CompactColumns: 3}, {AssistantSide: 7}} {
		if _, err := Layout(ok, opt); err == nil {
			t.Errorf("options %+v accepted", opt)
		}
	}
}

func nan() float64 {
	var zero float64
	return zero / zero
}

func TestOffsetMovesSubtree(t *testing.T) {
	in := Input{Parent: []int32{-1, 0, 1, 0}, Size: sizes(4)}
	base := mustLayout(t, in, Options{})
	in.Offset = []Point{{}, {X: 300, Y: 10}, {}, {}}
	res := mustLayout(t, in, Options{})
	for i, d := range []Point{{}, {300, 10}, {300, 10}, {}} {
		want := base.Boxes[i]
		want.X += d.X
		want.Y += d.Y
		if res.Boxes[i] != want {
			t.Errorf("box %d at %v, want %v", i, res.Boxes[i], want)
		}
	}
	// The line into the dragged box still runs along the family's bus
	// (y 58) and into the box's new top; the line below it moved along
	// unchanged.
	b0, b1 := res.Boxes[0], res.Boxes[1]
	wantLine(t, res.Connectors[0], Point{b0.X + 45, 40}, Point{b0.X + 45, 58}, Point{b1.X + 45, 58}, Point{b1.X + 45, 86})
	moved := slices.Clone(base.Connectors[1].Points)
	for k := range moved {
		moved[k].X += 300
		moved[k].Y += 10
	}
	wantLine(t, res.Connectors[1], moved...)
	if len(res.Overlaps) != 0 {
		t.Errorf("overlaps %v", res.Overlaps)
	}
	// Box 3 (at 102, 76) dragged up onto the parent: one overlap, and the
	// bounds grow to hold it.
	in.Offset[3] = Point{X: -60, Y: -70}
	res = mustLayout(t, in, Options{})
	if !slices.Equal(res.Overlaps, [][2]int32{{0, 3}}) {
		t.Errorf("overlaps %v, want [[0 3]]", res.Overlaps)
	}
	// Now above the bus and overlapping its parent, its line takes the
	// plain route for overlapping boxes: along the parent's bottom edge
	// and into the box's top.
	b0, b3 := res.Boxes[0], res.Boxes[3]
	if b3.X >= b0.X+b0.W || b3.Y >= b0.Y+b0.H {
		t.Fatalf("box 3 at %v does not overlap box 0 at %v", b3, b0)
	}
	wantLine(t, res.Connectors[2], Point{b0.X + 45, 40}, Point{b3.X + 45, 40}, Point{b3.X + 45, 6})
	if b := res.Bounds; b != (Rect{42, 0, 390 - 42, 162 + 40}) {
		t.Errorf("bounds %v", b)
	}
}

// TestOffsetsAndOverlaps drags random subtrees of random trees around and
// compares the reported overlaps with a check of every pair, the boxes
// with the layout without offsets, and the lines with their boxes' edges.
func TestOffsetsAndOverlaps(t *testing.T) {
	for k := range 60 {
		r := treeRand("offsets", k)
		opt, g := randomOptions(r, k)
		in := randomInput(r, 2+r.IntN(1200), g)
		n := len(in.Parent)
		giant := k%10 == 0 // two giant boxes dropped over the chart
		if giant {
			in.Size[0] = Size{W: 5000, H: 3000}
			in.Size[n-1] = Size{W: 4000, H: 2000}
		}
		base, err := Layout(in, opt)
		if err != nil {
			t.Fatal(err)
		}
		in.Offset = make([]Point, n)
		for range 1 + r.IntN(8) {
			in.Offset[r.IntN(n)] = Point{X: r.NormFloat64() * 150, Y: r.NormFloat64() * 60}
		}
		if giant {
			in.Offset[n-1] = Point{X: -base.Boxes[n-1].X, Y: -base.Boxes[n-1].Y}
			in.Offset[0] = Point{X: -base.Boxes[0].X}
		}
		res, err := Layout(in, opt)
		if err != nil {
			t.Fatal(err)
		}
		desc := describe("offsets", k, in, opt)
		total := make([]Point, n)
		for i := range n {
			total[i] = in.Offset[i]
			if p := in.Parent[i]; p >= 0 {
				total[i].X += total[p].X
				total[i].Y += total[p].Y
			}
			want := base.Boxes[i]
			if res.Visible[i] {
				want.X += total[i].X
				want.Y += total[i].Y
			}
			if got := res.Boxes[i]; !near(got.X, want.X) || !near(got.Y, want.Y) {
				t.Fatalf("%s: box %d at %v, want %v", desc, i, got, want)
			}
		}
		var want [][2]int32
		for a := range n {
			for b := a + 1; b < n; b++ {
				if res.Visible[a] && res.Visible[b] && overlap(res.Boxes[a], res.Boxes[b]) {
					want = append(want, [2]int32{int32(a), int32(b)})
				}
			}
		}
		if !slices.Equal(res.Overlaps, want) {
			t.Fatalf("%s: overlaps %v, want %v", desc, res.Overlaps, want)
		}
		bb := res.Bounds
		for _, c := range res.Connectors {
			if !onEdge(c.Points[0], res.Boxes[c.From]) || !onEdge(c.Points[len(c.Points)-1], res.Boxes[c.To]) {
				t.Fatalf("%s: line %d→%d %v leaves its boxes %v %v", desc, c.From, c.To, c.Points, res.Boxes[c.From], res.Boxes[c.To])
			}
			for _, p := range c.Points {
				if p.X < bb.X-eps || p.Y < bb.Y-eps || p.X > bb.X+bb.W+eps || p.Y > bb.Y+bb.H+eps {
					t.Fatalf("%s: line %d→%d %v leaves the bounds %v", desc, c.From, c.To, c.Points, bb)
				}
			}
		}
	}
}

func TestOverlapsOfManyBoxes(t *testing.T) {
	// A thousand boxes dragged onto one spot all overlap each other.
	const n = 1000
	in := Input{Parent: make([]int32, n), Size: sizes(n)}
	for i := range n {
		in.Parent[i] = -1
	}
	base := mustLayout(t, in, Options{})
	in.Offset = make([]Point, n)
	for i := range n {
		in.Offset[i] = Point{X: -base.Boxes[i].X + float64(i%3)}
	}
	res := mustLayout(t, in, Options{})
	if len(res.Overlaps) != n*(n-1)/2 {
		t.Errorf("%d overlaps, want %d", len(res.Overlaps), n*(n-1)/2)
	}
}

// TestReusedMemory: layouts reuse their working memory; one layout must
// not leak into the next, whether they run one after another (a large
// tree, then small ones, then the large one again) or at the same time.
func TestReusedMemory(t *testing.T) {
	var ins []Input
	var opts []Options
	for k := range 12 {
		r := treeRand("reuse", k)
		opt, g := randomOptions(r, k)
		ins = append(ins, randomInput(r, 1+r.IntN(3000)/(1+k%4*20), g))
		opts = append(opts, opt)
	}
	want := make([]Result, len(ins))
	for k := range ins {
		want[k] = mustLayout(t, ins[k], opts[k])
	}
	same := func(k int, got Result) bool {
		return slices.Equal(got.Boxes, want[k].Boxes) && slices.Equal(got.Hidden, want[k].Hidden) &&
			slices.EqualFunc(got.Connectors, want[k].Connectors, func(a, b Connector) bool {
				return a.From == b.From && a.To == b.To && slices.Equal(a.Points, b.Points)
			})
	}
	for k := len(ins) - 1; k >= 0; k-- {
		if got, _ := Layout(ins[k], opts[k]); !same(k, got) {
			t.Fatalf("tree %d laid out differently the second time", k)
		}
	}
	errs := make(chan int, 4*len(ins))
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ins {
				k := (j + w*5) % len(ins)
				if got, _ := Layout(ins[k], opts[k]); !same(k, got) {
					errs <- k
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for k := range errs {
		t.Errorf("tree %d laid out differently alongside other layouts", k)
	}
}
