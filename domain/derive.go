package domain

// Derived facts: computed from the tree every time, never stored, so they
// cannot disagree with the chart.

// headExcept returns the child of unit that is marked head, ignoring
// except; 0 if there is none.
func (d *Document) headExcept(unit, except NodeID) NodeID {
	u := d.nodes[unit]
	if u == nil {
		return 0
	}
	for _, c := range u.children {
		if c != except && d.nodes[c].Head {
			return c
		}
	}
	return 0
}

// HeadOf returns the position that heads unit, or 0.
func (d *Document) HeadOf(unit NodeID) NodeID { return d.headExcept(unit, 0) }

// Superior returns the direct superior (直接上级) of a box: the nearest
// position above it, where a unit counts as its head position for the
// unit's other members. 0 when there is none.
func (d *Document) Superior(id NodeID) NodeID {
	n := d.nodes[id]
	if n == nil {
		return 0
	}
	for p := d.nodes[n.Parent]; p != nil; p = d.nodes[p.Parent] {
		if p.Kind.IsPosition() {
			return p.ID
		}
		if h := d.headExcept(p.ID, id); h != 0 {
			return h
		}
	}
	return 0
}

// Subordinates returns the direct subordinates (直接下级) of a position:
// every position whose Superior is id, in chart order.
func (d *Document) Subordinates(id NodeID) []NodeID {
	n := d.nodes[id]
	if n == nil || !n.Kind.IsPosition() {
		return nil
	}
	starts := []NodeID{id}
	if n.Head {
		starts = append(starts, n.Parent)
	}
	var out []NodeID
	for _, s := range starts {
		// Depth-first in chart order, descending only through units that
		// have no head of their own: the first position on every path is
		// a direct subordinate.
		kids := d.nodes[s].children
		stack := make([]NodeID, 0, len(kids))
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
		for len(stack) > 0 {
			c := d.nodes[stack[len(stack)-1]]
			stack = stack[:len(stack)-1]
			switch head := d.HeadOf(c.ID); {
			case c.ID == id:
			case c.Kind.IsPosition():
				out = append(out, c.ID)
			case head != 0:
				out = append(out, head)
			default:
				for i := len(c.children) - 1; i >= 0; i-- {
					stack = append(stack, c.children[i])
				}
			}
		}
	}
	return out
}

// Headcount is a planned and filled number of people.
type Headcount struct {
	Planned, Filled int
}

// Add returns h + o.
func (h Headcount) Add(o Headcount) Headcount {
	return Headcount{h.Planned + o.Planned, h.Filled + o.Filled}
}

// counts reports whether a box adds to the roll-up: positions do, unless
// held concurrently (兼) by someone already counted elsewhere.
func counts(n *Node) bool { return n.Kind.IsPosition() && !n.Concurrent }

// Rollup returns the headcount of every box's subtree (the box itself
// included), computed in one pass over the tree.
func (d *Document) Rollup() map[NodeID]Headcount {
	out := make(map[NodeID]Headcount, len(d.nodes))
	order := make([]*Node, 0, len(d.nodes))
	d.Walk(func(n *Node) bool { order = append(order, n); return true })
	// Children come after parents in pre-order, so walking backwards adds
	// every child to its parent after the child is complete.
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		h := out[n.ID]
		if counts(n) {
			h = h.Add(Headcount{n.Planned, n.Filled})
		}
		out[n.ID] = h
		if n.Parent != 0 {
			out[n.Parent] = out[n.Parent].Add(h)
		}
	}
	return out
}

// Total returns the headcount of the whole document.
func (d *Document) Total() Headcount {
	var t Headcount
	d.Walk(func(n *Node) bool {
		if counts(n) {
			t = t.Add(Headcount{n.Planned, n.Filled})
		}
		return true
	})
	return t
}

// UnitOf returns the nearest unit above id (its 所属部门), or 0.
func (d *Document) UnitOf(id NodeID) NodeID {
	n := d.nodes[id]
	if n == nil {
		return 0
	}
	for p := d.nodes[n.Parent]; p != nil; p = d.nodes[p.Parent] {
		if p.Kind == KindUnit {
			return p.ID
		}
	}
	return 0
}

// Superiors returns the direct superior of every box that has one, the
// same as Superior gives for each, in one pass over the tree: callers that
// need every box's superior (a printout of the whole chart) stay linear
// however many boxes a unit holds.
func (d *Document) Superiors() map[NodeID]NodeID {
	// The first two heads of every unit: a head's own superior is found
	// past itself, so it needs the second (a sound document has none).
	heads := map[NodeID][2]NodeID{}
	for _, p := range d.nodes {
		if p.Kind.IsPosition() {
			continue
		}
		var h [2]NodeID
		k := 0
		for _, c := range p.children {
			if d.nodes[c].Head && k < 2 {
				h[k] = c
				k++
			}
		}
		if k > 0 {
			heads[p.ID] = h
		}
	}
	// above[u] is the superior of a box somewhere below unit u that finds
	// no position between itself and u: u's head, else what is above u.
	above := map[NodeID]NodeID{}
	from := func(id NodeID) NodeID { // the superior found starting at box id
		switch n := d.nodes[id]; {
		case n == nil:
			return 0
		case n.Kind.IsPosition():
			return id
		}
		return above[id]
	}
	out := make(map[NodeID]NodeID, len(d.nodes))
	d.Walk(func(n *Node) bool {
		if n.Kind == KindUnit {
			above[n.ID] = heads[n.ID][0]
			if above[n.ID] == 0 {
				above[n.ID] = from(n.Parent)
			}
		}
		p := d.nodes[n.Parent]
		var sup NodeID
		switch {
		case p == nil:
		case p.Kind.IsPosition():
			sup = p.ID
		default:
			h := heads[p.ID]
			if h[0] == n.ID {
				h[0] = h[1]
			}
			sup = h[0]
			if sup == 0 {
				sup = from(p.Parent)
			}
		}
		if sup != 0 {
			out[n.ID] = sup
		}
		return true
	})
	return out
}

// PathShown is the most names a short path shows whole; a longer one
// shows the first two, "…" and the last two.
const PathShown = 5

// ShortPath returns the names from the top-level box down to id, as Path
// does, but with the middle of a path longer than PathShown names replaced
// by one "…": "A", "B", "…", "Y", "Z". A message names a box deep in a
// chain by it without growing with the depth.
func (d *Document) ShortPath(id NodeID) []string {
	var tail []string // id and its parent
	var top [2]string // the last two names seen going up: the top of the path
	depth := 0
	for n := d.nodes[id]; n != nil; n = d.nodes[n.Parent] {
		if len(tail) < 2 {
			tail = append(tail, n.Name)
		}
		top[0], top[1] = n.Name, top[0]
		depth++
	}
	if depth <= PathShown {
		return d.Path(id)
	}
	return []string{top[0], top[1], "…", tail[1], tail[0]}
}

// ShortPaths returns ShortPath of each of ids, in one walk of the tree:
// time linear in the document and the number of ids, however deep the
// tree, where one ShortPath per id would be quadratic in a deep chain.
func (d *Document) ShortPaths(ids []NodeID) map[NodeID][]string {
	want := make(map[NodeID]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	out := make(map[NodeID][]string, len(want))
	// An explicit stack of (box, depth) and the current line of ancestors,
	// so a chain of a million boxes costs neither recursion nor copies.
	type item struct {
		id    NodeID
		depth int
	}
	var line []NodeID // line[k] is the ancestor at depth k
	stack := make([]item, 0, 64)
	for i := len(d.roots) - 1; i >= 0; i-- {
		stack = append(stack, item{d.roots[i], 0})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		line = append(line[:it.depth], it.id)
		if want[it.id] {
			names := make([]string, 0, PathShown)
			if len(line) <= PathShown {
				for _, a := range line {
					names = append(names, d.nodes[a].Name)
				}
			} else {
				k := len(line)
				names = append(names, d.nodes[line[0]].Name, d.nodes[line[1]].Name, "…",
					d.nodes[line[k-2]].Name, d.nodes[line[k-1]].Name)
			}
			out[it.id] = names
		}
		n := d.nodes[it.id]
		for i := len(n.children) - 1; i >= 0; i-- {
			stack = append(stack, item{n.children[i], it.depth + 1})
		}
	}
	return out
}
