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
