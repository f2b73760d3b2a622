package layout

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// Property tests on random trees. Every tree has its own generator seeded
// from (propertySeed, tree number), and a failure names both and the tree
// size, so one failing tree can be replayed alone.

const propertySeed = 20140612

func treeRand(test string, k int) *rand.Rand {
	h := uint64(propertySeed)
	for _, c := range test {
		h = h*31 + uint64(c)
	}
	return rand.New(rand.NewPCG(h, uint64(k)))
}

// randomOptions picks options and flags for tree k: even trees use the
// core layout only (no assistants, no compact stacks), odd trees
// everything; orientation, gaps and columns vary.
func randomOptions(r *rand.Rand, k int) (Options, genOptions) {
	g := genOptions{roots: 1 + r.IntN(3)/2, collapsed: 0.02 * float64(r.IntN(3))}
	opt := Options{LeftToRight: r.IntN(2) == 0}
	if r.IntN(3) == 0 {
		opt.SiblingGap = float64(1 + r.IntN(30))
		opt.SubtreeGap = float64(1 + r.IntN(40))
		opt.LevelGap = float64(1 + r.IntN(60))
	}
	if k%2 == 1 {
		g.assistant = 0.05 + 0.2*r.Float64()
		g.compact = 0.3 * r.Float64()
		opt.CompactLeaves = r.IntN(3) == 0
		opt.CompactColumns = 1 + r.IntN(2)
		opt.AssistantSide = Side(r.IntN(3))
	}
	g.uniformSize = r.IntN(8) == 0
	return opt, g
}

func describe(test string, k int, in Input, opt Options) string {
	return fmt.Sprintf("%s: tree %d (seed %d, %d nodes, options %+v)", test, k, propertySeed, len(in.Parent), opt)
}

// TestRandomTrees checks a thousand random trees of 1 to 2,000 nodes,
// half with assistants, compact stacks and collapsed nodes, in both
// orientations: no two boxes closer than the gaps, siblings in order and
// level below their parent, parents centred over their children, stacks
// and assistants beside the parent's line, every line from the parent's
// edge to the child's edge, hidden counts right, bounds from (0, 0).
func TestRandomTrees(t *testing.T) {
	for k := range 1000 {
		r := treeRand("random", k)
		opt, g := randomOptions(r, k)
		in := randomInput(r, 1+r.IntN(2000), g)
		for range r.IntN(4) {
			n := len(in.Parent)
			in.Links = append(in.Links, [2]int32{int32(r.IntN(n)), int32(r.IntN(n))})
		}
		res, err := Layout(in, opt)
		if err != nil {
			t.Fatalf("%s: %v", describe("random", k, in, opt), err)
		}
		bad := newView(in, opt).check(res)
		if res.Bounds.X != 0 || res.Bounds.Y != 0 {
			bad.add("bounds %v do not start at (0, 0)", res.Bounds)
		}
		for i, b := range res.Boxes {
			bb := res.Bounds
			if res.Visible[i] && (b.X < bb.X-eps || b.Y < bb.Y-eps || b.X+b.W > bb.X+bb.W+eps || b.Y+b.H > bb.Y+bb.H+eps) {
				bad.add("box %d %v is outside the bounds %v", i, b, bb)
			}
		}
		for _, c := range res.Connectors {
			for _, p := range c.Points {
				bb := res.Bounds
				if p.X < bb.X-eps || p.Y < bb.Y-eps || p.X > bb.X+bb.W+eps || p.Y > bb.Y+bb.H+eps {
					bad.add("line %d→%d %v leaves the bounds %v", c.From, c.To, c.Points, bb)
				}
			}
		}
		if len(bad) > 0 {
			t.Fatalf("%s:\n%v", describe("random", k, in, opt), bad)
		}
	}
}

// TestMirror: the mirror image of a tree (every list of children
// reversed) is drawn as the mirror image of the tree's drawing.
func TestMirror(t *testing.T) {
	for k := range 300 {
		r := treeRand("mirror", k)
		opt, g := randomOptions(r, 0) // the core layout: no assistants or stacks
		tr := randomTree(r, 1+r.IntN(600), g)
		in1, order1 := tr.toInput()
		in2, order2 := tr.mirrored().toInput()
		res1, err1 := Layout(in1, opt)
		res2, err2 := Layout(in2, opt)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		v := newView(in1, opt)
		at2 := make([]int, len(order2)) // tree node -> index in the mirrored input
		for k2, node := range order2 {
			at2[node] = k2
		}
		var c float64 // the mirror line, twice over
		for k1, node := range order1 {
			b1, b2 := v.frame(res1.Boxes[k1]), v.frame(res2.Boxes[at2[node]])
			if k1 == 0 {
				c = b1.X + b1.W + b2.X
			}
			if res1.Visible[k1] && (!near(b2.X, c-b1.X-b1.W) || !near(b2.Y, b1.Y)) {
				t.Fatalf("%s: node %d at %v, its mirror image at %v (mirror line %v)",
					describe("mirror", k, in1, opt), k1, b1, b2, c/2)
			}
		}
	}
}

// TestIdenticalSubtrees: copies of one subtree hung in different places of
// a random tree are drawn identically, up to translation, with or without
// assistants and compact stacks.
func TestIdenticalSubtrees(t *testing.T) {
	for k := range 300 {
		r := treeRand("identical", k)
		opt, g := randomOptions(r, k)
		host := randomTree(r, 1+r.IntN(400), g)
		g.roots = 1
		tmpl := randomTree(r, 2+r.IntN(60), g)
		var copies []int32
		hosts := len(host.size) // grafts go on the host's own nodes, never into a copy
		for range 2 + r.IntN(3) {
			copies = append(copies, graft(host, tmpl, int32(r.IntN(hosts)), r))
		}
		in, order := host.toInput()
		at := make([]int32, len(order))
		for i, node := range order {
			at[node] = int32(i)
		}
		res, err := Layout(in, opt)
		if err != nil {
			t.Fatal(err)
		}
		var ref int32 = -1
		for _, c := range copies {
			c = at[c]
			if !res.Visible[c] {
				continue
			}
			if ref < 0 {
				ref = c
				continue
			}
			for j := range int32(len(tmpl.size)) {
				a, b := res.Boxes[ref+j], res.Boxes[c+j]
				ra, rb := res.Boxes[ref], res.Boxes[c]
				if res.Visible[ref+j] != res.Visible[c+j] {
					t.Fatalf("%s: node %d of the copies at %d and %d differ in visibility", describe("identical", k, in, opt), j, ref, c)
				}
				if res.Visible[c+j] && (!near(a.X-ra.X, b.X-rb.X) || !near(a.Y-ra.Y, b.Y-rb.Y)) {
					t.Fatalf("%s: node %d of the copy at %d is at %v, of the copy at %d at %v",
						describe("identical", k, in, opt), j, ref, a, c, b)
				}
			}
		}
	}
}

// graft hangs a copy of tmpl under parent, at a random place among its
// children, and returns the copy's root.
func graft(host, tmpl *tree, parent int32, r *rand.Rand) int32 {
	base := int32(len(host.size))
	for i := range tmpl.size {
		host.kids = append(host.kids, nil)
		host.size = append(host.size, tmpl.size[i])
		host.flags = append(host.flags, tmpl.flags[i])
	}
	for i, ks := range tmpl.kids {
		for _, c := range ks {
			host.kids[base+int32(i)] = append(host.kids[base+int32(i)], base+c)
		}
	}
	root := base + tmpl.roots[0]
	ks := host.kids[parent]
	pos := r.IntN(len(ks) + 1)
	ks = append(ks, 0)
	copy(ks[pos+1:], ks[pos:])
	ks[pos] = root
	host.kids[parent] = ks
	return root
}

// TestLeftToRightIsTransposed: a left-to-right chart is the top-down chart
// of the same tree with every box turned on its side, reflected in the
// diagonal.
func TestLeftToRightIsTransposed(t *testing.T) {
	for k := range 200 {
		r := treeRand("transposed", k)
		opt, g := randomOptions(r, k)
		in := randomInput(r, 1+r.IntN(500), g)
		in.Links = [][2]int32{{int32(r.IntN(len(in.Parent))), int32(r.IntN(len(in.Parent)))}}
		turned := in
		turned.Size = make([]Size, len(in.Size))
		for i, s := range in.Size {
			turned.Size[i] = Size{W: s.H, H: s.W}
		}
		opt.LeftToRight = false
		down, err1 := Layout(turned, opt)
		opt.LeftToRight = true
		across, err2 := Layout(in, opt)
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		for i, b := range down.Boxes {
			if a := across.Boxes[i]; a != (Rect{X: b.Y, Y: b.X, W: b.H, H: b.W}) {
				t.Fatalf("%s: box %d is %v across, %v down", describe("transposed", k, in, opt), i, a, b)
			}
		}
		if len(down.Connectors) != len(across.Connectors) {
			t.Fatalf("%s: %d lines across, %d down", describe("transposed", k, in, opt), len(across.Connectors), len(down.Connectors))
		}
		for j, c := range down.Connectors {
			a := across.Connectors[j]
			for q, p := range c.Points {
				if q >= len(a.Points) || a.Points[q] != (Point{p.Y, p.X}) {
					t.Fatalf("%s: line %d is %v across, %v down", describe("transposed", k, in, opt), j, a.Points, c.Points)
				}
			}
		}
	}
}
