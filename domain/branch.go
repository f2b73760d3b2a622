package domain

import (
	"fmt"
	"slices"
	"strings"
)

// A Branch is a copy of one or more subtrees, taken out of any document:
// what the editor's Copy puts on the clipboard and Paste puts back, in the
// same document or another one.
//
// Nodes are in pre-order (a box before the boxes under it, siblings in
// order). A node's ID is its own within the branch; its Parent is another
// node's ID, or 0 for a top-level box of the branch. Links are the
// dotted-line links whose both ends are in the branch, by those IDs.
// Manual offsets and folding are not part of a copy: a pasted box sits
// where the automatic layout puts it, unfolded.
type Branch struct {
	Nodes []Node
	Links []Link
}

// Roots returns the IDs of the branch's top-level boxes, in order.
func (b *Branch) Roots() []NodeID {
	var out []NodeID
	for i := range b.Nodes {
		if b.Nodes[i].Parent == 0 {
			out = append(out, b.Nodes[i].ID)
		}
	}
	return out
}

// CopyBranch copies the subtrees of ids (a box inside another one of ids
// is copied once, with its superior; see Topmost), with every field of
// every box and the dotted-line links that lie wholly inside them.
func (d *Document) CopyBranch(ids []NodeID) *Branch {
	b := &Branch{}
	in := map[NodeID]bool{}
	for _, top := range d.Topmost(ids) {
		d.WalkSubtree(top, func(n *Node) bool {
			c := n.clone()
			if n.ID == top {
				c.Parent = 0
			}
			c.Offset, c.Collapsed = Offset{}, false
			b.Nodes = append(b.Nodes, c)
			in[n.ID] = true
			return true
		})
	}
	for _, l := range d.links {
		if in[l.From] && in[l.To] {
			b.Links = append(b.Links, l)
		}
	}
	return b
}

// PasteBranch adds a copy of a branch under a box (or at the top level)
// as one undo step. A top-level box of the branch whose name a box
// already there has gets a number: "客服专员 (2)", "客服专员 (3)" … A box
// that headed its unit in the branch heads it again; a top-level box that
// was a head heads the unit it is pasted into when that unit has no head
// yet and the box may head it (a position directly in a unit).
type PasteBranch struct {
	Parent NodeID // 0 = top level
	Index  int    // where among the parent's children; -1 = after the last
	Branch *Branch
	// Name labels the edit in the Undo menu ("Paste", "Duplicate" …);
	// "Paste" when empty.
	Name string

	done   []Command // what the first Do ran, in order; redo runs them again
	added  []NodeID
	change Change
}

// Label implements Command.
func (c *PasteBranch) Label() string {
	if c.Name == "" {
		return "Paste"
	}
	return c.Name
}

// Added returns the new boxes made from the branch's top-level boxes, in
// order, once the paste has been done: the editor selects them.
func (c *PasteBranch) Added() []NodeID { return slices.Clone(c.added) }

// Do implements Command. The first Do builds the step from the document
// as it is (the names free under the parent, its head); redo runs the same
// commands again, which reuse their ids. The change is gathered once, at
// the end, so that a paste of many boxes under one parent stays linear.
func (c *PasteBranch) Do(d *Document) (Change, error) {
	if c.done != nil {
		for i, cmd := range c.done {
			if _, err := cmd.Do(d); err != nil {
				undoAll(d, c.done[:i])
				return Change{}, err
			}
		}
		return c.changed(d), nil
	}
	if c.Parent != 0 {
		if _, err := d.nodeOf(c.Parent); err != nil {
			return Change{}, err
		}
	}
	if c.Branch == nil || len(c.Branch.Nodes) == 0 {
		return Change{}, fmt.Errorf("%w: nothing to paste", ErrNoSuchNode)
	}
	var done []Command
	var ch Change
	run := func(cmd Command) error {
		if _, err := cmd.Do(d); err != nil {
			undoAll(d, done)
			return err
		}
		done = append(done, cmd)
		return nil
	}
	taken := map[string]bool{}
	for _, id := range d.ChildIDs(c.Parent) {
		taken[d.nodes[id].Name] = true
	}
	ids := map[NodeID]NodeID{} // branch id → new id
	index := c.Index
	var added []NodeID
	for i := range c.Branch.Nodes {
		n := c.Branch.Nodes[i].clone()
		parent, at := ids[n.Parent], -1
		if n.Parent == 0 {
			parent = c.Parent
			n.Name = freeName(n.Name, taken)
			taken[n.Name] = true
			at = index
			if index >= 0 {
				index++
			}
		} else if parent == 0 {
			undoAll(d, done)
			return Change{}, fmt.Errorf("%w: box %d of the copy comes before its superior %d", ErrNoSuchNode, n.ID, n.Parent)
		}
		add := &AddNode{Parent: parent, Index: at, Init: n}
		if err := run(add); err != nil {
			return Change{}, err
		}
		ids[n.ID] = add.ID
		ch.Nodes = append(ch.Nodes, add.ID)
		if n.Parent == 0 {
			added = append(added, add.ID)
		}
		if n.Head {
			m := d.nodes[add.ID]
			m.Head = false
			if canHead(d, m) && d.HeadOf(parent) == 0 {
				if err := run(&SetHead{ID: add.ID, On: true}); err != nil {
					return Change{}, err
				}
			}
		}
	}
	for _, l := range c.Branch.Links {
		from, to := ids[l.From], ids[l.To]
		if from == 0 || to == 0 {
			continue // an end outside the branch: not part of the copy
		}
		add := &AddLink{From: from, To: to, Text: l.Label}
		if err := run(add); err != nil {
			return Change{}, err
		}
		ch.Links = append(ch.Links, add.ID)
	}
	if done == nil {
		done = []Command{} // done, with nothing to do
	}
	c.done, c.added, c.change = done, added, ch
	return c.changed(d), nil
}

// changed is what a paste touches: the new boxes and links, the parent
// and its children (whose sibling order may have changed).
func (c *PasteBranch) changed(d *Document) Change {
	return Change{
		Nodes: append(slices.Clone(c.change.Nodes), d.childrenChange(c.Parent)...),
		Links: slices.Clone(c.change.Links),
	}
}

// Undo implements Command.
func (c *PasteBranch) Undo(d *Document) Change {
	undoAll(d, c.done)
	return c.changed(d)
}

// undoAll undoes cmds, last first.
func undoAll(d *Document, cmds []Command) {
	for i := len(cmds) - 1; i >= 0; i-- {
		cmds[i].Undo(d)
	}
}

// freeName returns name, or name with the first number from 2 up that
// makes it a name not in taken: "客服专员 (2)". A name that already ends
// in such a number counts on from it.
func freeName(name string, taken map[string]bool) string {
	if !taken[name] {
		return name
	}
	base, n := name, 2
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		var k int
		if _, err := fmt.Sscanf(name[i:], " (%d)", &k); err == nil && k >= 1 && fmt.Sprintf(" (%d)", k) == name[i:] {
			base, n = name[:i], k+1
		}
	}
	for {
		s := fmt.Sprintf("%s (%d)", base, n)
		if !taken[s] {
			return s
		}
		n++
	}
}
