package layout

import (
	"math/rand/v2"
	"slices"
)

// tree is a test tree as children lists, easy to build, copy and mirror;
// toInput turns it into the pre-order arrays Layout takes.
type tree struct {
	kids  [][]int32 // children of every node, in order
	roots []int32   // top-level nodes, in order
	size  []Size
	flags []Flags
}

func (t *tree) add(parent int32, s Size, f Flags) int32 {
	id := int32(len(t.size))
	t.kids = append(t.kids, nil)
	t.size = append(t.size, s)
	t.flags = append(t.flags, f)
	if parent < 0 {
		t.roots = append(t.roots, id)
	} else {
		t.kids[parent] = append(t.kids[parent], id)
	}
	return id
}

// parentOf returns the parent of node n, -1 for a top-level node.
func (t *tree) parentOf(n int32) int32 {
	for p, ks := range t.kids {
		if slices.Contains(ks, n) {
			return int32(p)
		}
	}
	return -1
}

// toInput lays the tree out in pre-order. order[k] is the tree node at
// input index k.
func (t *tree) toInput() (in Input, order []int32) {
	n := len(t.size)
	in = Input{Parent: make([]int32, 0, n), Size: make([]Size, 0, n), Flags: make([]Flags, 0, n)}
	index := make([]int32, n) // tree node -> input index
	type item struct{ node, parent int32 }
	var stack []item
	for k := len(t.roots) - 1; k >= 0; k-- {
		stack = append(stack, item{t.roots[k], -1})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		index[it.node] = int32(len(order))
		order = append(order, it.node)
		in.Parent = append(in.Parent, it.parent)
		in.Size = append(in.Size, t.size[it.node])
		in.Flags = append(in.Flags, t.flags[it.node])
		kids := t.kids[it.node]
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, item{kids[k], index[it.node]})
		}
	}
	return in, order
}

// mirrored returns the tree with every list of children (and the roots)
// reversed.
func (t *tree) mirrored() *tree {
	m := &tree{size: t.size, flags: t.flags, kids: make([][]int32, len(t.kids))}
	for i, ks := range t.kids {
		for k := len(ks) - 1; k >= 0; k-- {
			m.kids[i] = append(m.kids[i], ks[k])
		}
	}
	for k := len(t.roots) - 1; k >= 0; k-- {
		m.roots = append(m.roots, t.roots[k])
	}
	return m
}

// genOptions says what a random tree may contain.
type genOptions struct {
	roots                         int     // top-level boxes (at least 1)
	assistant, compact, collapsed float64 // probability of each flag
	uniformSize                   bool    // all boxes 90×40
	shape                         int     // 1, 2, 3 as in randomTree; 0 picks one at random
}

// randomTree grows a tree of n nodes. The shape varies with the seed: a
// random recursive tree (shallow and bushy), a tree that mostly extends
// recent nodes (deep, with long chains), or an org-like one (bounded
// fan-out by attaching to nodes of a sliding window).
func randomTree(r *rand.Rand, n int, g genOptions) *tree {
	t := &tree{}
	shape := g.shape - 1
	if g.shape == 0 {
		shape = r.IntN(3)
	}
	for i := 0; i < n; i++ {
		parent := int32(-1)
		if i >= max(g.roots, 1) {
			switch shape {
			case 0:
				parent = int32(r.IntN(i))
			case 1:
				parent = int32(i - 1 - r.IntN(min(i, 4)))
			default:
				lo := max(0, i/3-2)
				parent = int32(lo + r.IntN(i-lo))
			}
		}
		s := Size{W: 90, H: 40}
		if !g.uniformSize {
			s = Size{W: float64(30 + r.IntN(140)), H: float64(16 + r.IntN(70))}
			if r.IntN(20) == 0 {
				s.H *= 3 // an occasional tall box makes the tree non-layered
			}
		}
		var f Flags
		if r.Float64() < g.assistant {
			f |= Assistant
		}
		if r.Float64() < g.compact {
			f |= Compact
		}
		if r.Float64() < g.collapsed {
			f |= Collapsed
		}
		t.add(parent, s, f)
	}
	return t
}

// randomInput is randomTree in pre-order.
func randomInput(r *rand.Rand, n int, g genOptions) Input {
	in, _ := randomTree(r, n, g).toInput()
	return in
}

// chain is a single line of n boxes, each the parent of the next.
func chain(n int) Input {
	in := Input{Parent: make([]int32, n), Size: make([]Size, n)}
	for i := range n {
		in.Parent[i] = int32(i - 1)
		in.Size[i] = Size{W: 90, H: 40}
	}
	return in
}
