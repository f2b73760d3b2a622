package diff

import "orgdraft/domain"

// Overlay is the new version with the boxes removed since the old one put
// back where they were, as ghosts, for drawing the comparison on one
// chart.
type Overlay struct {
	// Doc is the new version plus the ghosts. It is for drawing only:
	// the ghosts' ids are new numbers, none of them heads a unit or counts
	// in a headcount.
	Doc *domain.Document
	// Marks says of every box of Doc that differs how it does: Added,
	// Removed (a ghost) or Changed. Boxes not in it are the same.
	Marks map[domain.NodeID]Status
	// Ghosts gives the id in Doc of each removed box, by its old id.
	Ghosts map[domain.NodeID]domain.NodeID
}

// Box returns the id in the overlay of the box a change is about.
func (o *Overlay) Box(c *BoxChange) domain.NodeID {
	if c.Status == Removed {
		return o.Ghosts[c.Old]
	}
	return c.New
}

// RowBox returns the id in the overlay of the box a row is about, or 0.
func (o *Overlay) RowBox(r Row) domain.NodeID {
	if r.New != 0 {
		return r.New
	}
	return o.Ghosts[r.Old]
}

// NewOverlay builds the overlay of r, the report of Compare(old, new).
// A removed box whose old superior box is still there comes back under
// it, at its old place among the siblings (as far as they still exist);
// one whose superior is gone too comes back inside that ghost.
func NewOverlay(old, new *domain.Document, r *Report) (*Overlay, error) {
	o := &Overlay{Marks: map[domain.NodeID]Status{}, Ghosts: map[domain.NodeID]domain.NodeID{}}
	next := domain.NodeID(1)
	new.Walk(func(n *domain.Node) bool {
		next = max(next, n.ID+1)
		return true
	})
	for i := range r.Boxes {
		c := &r.Boxes[i]
		if c.Status == Removed {
			o.Ghosts[c.Old] = next
			next++
		}
	}
	// The children of every box of the overlay, the roots under 0.
	kids := map[domain.NodeID][]domain.NodeID{}
	new.Walk(func(n *domain.Node) bool {
		kids[n.Parent] = append(kids[n.Parent], n.ID)
		return true
	})
	ghostNodes := map[domain.NodeID]domain.Node{}
	old.Walk(func(n *domain.Node) bool {
		g, ok := o.Ghosts[n.ID]
		if !ok {
			return true
		}
		parent := r.oldToNew[n.Parent]
		if pg, ok := o.Ghosts[n.Parent]; ok {
			parent = pg
		}
		// Its place: after the sibling that came before it in the old
		// version, if that one is still beside it.
		list := kids[parent]
		at := 0
		sibs := old.ChildIDs(n.Parent)
		for k := old.IndexOf(n.ID) - 1; k >= 0; k-- {
			prev := r.oldToNew[sibs[k]]
			if pg, ok := o.Ghosts[sibs[k]]; ok {
				prev = pg
			}
			if idx := indexOf(list, prev); idx >= 0 {
				at = idx + 1
				break
			}
		}
		list = append(list, 0)
		copy(list[at+1:], list[at:])
		list[at] = g
		kids[parent] = list
		// A ghost counts no one: every headcount the chart shows, the
		// units' totals included, is the new version's.
		ghost := *n
		ghost.ID, ghost.Parent, ghost.Head = g, parent, false
		ghost.Planned, ghost.Filled = 0, 0
		ghostNodes[g] = ghost
		o.Marks[g] = Removed
		return true
	})
	// Every node once, parents before children, siblings in order.
	var nodes []domain.Node
	stack := []domain.NodeID{}
	for i := len(kids[0]) - 1; i >= 0; i-- {
		stack = append(stack, kids[0][i])
	}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if g, ok := ghostNodes[id]; ok {
			nodes = append(nodes, g)
		} else {
			nodes = append(nodes, *new.Node(id))
		}
		k := kids[id]
		for i := len(k) - 1; i >= 0; i-- {
			stack = append(stack, k[i])
		}
	}
	doc, err := domain.Restore(new.Info, nodes, new.Links())
	if err != nil {
		return nil, err
	}
	o.Doc = doc
	for i := range r.Boxes {
		if c := &r.Boxes[i]; c.Status != Removed {
			o.Marks[c.New] = c.Status
		}
	}
	return o, nil
}

func indexOf(list []domain.NodeID, id domain.NodeID) int {
	if id == 0 {
		return -1
	}
	for i, v := range list {
		if v == id {
			return i
		}
	}
	return -1
}
