package domain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Errors a command can return. Callers (the editor, the CLI) match them with
// errors.Is to show a translated message; the wrapped text names the boxes.
var (
	ErrNoSuchNode   = errors.New("no such box")
	ErrCycle        = errors.New("a box cannot report to itself or to one of its own subordinates")
	ErrEmptyName    = errors.New("the name is empty")
	ErrNegative     = errors.New("a headcount cannot be negative")
	ErrTooLong      = errors.New("the text is too long")
	ErrNoSuchItem   = errors.New("no such list item")
	ErrNoSuchLink   = errors.New("no such dotted-line link")
	ErrSelfLink     = errors.New("a dotted-line link needs two different boxes")
	ErrHeadNeedUnit = errors.New("only a position directly inside a unit can head it")
)

// Change says which parts of the document a command touched, so that the
// file can save just those (one small transaction per edit) and the editor
// can redraw. A listed node or link that no longer exists was deleted.
type Change struct {
	Nodes []NodeID
	Links []LinkID
	Info  bool
}

// Merge adds o's parts to c.
func (c *Change) Merge(o Change) {
	c.Nodes = append(c.Nodes, o.Nodes...)
	c.Links = append(c.Links, o.Links...)
	c.Info = c.Info || o.Info
}

// Command is one undoable edit. Do either applies the whole edit or returns
// an error and leaves the document unchanged; Undo reverts a successful Do.
// A command may be done again after it was undone (redo).
type Command interface {
	Do(d *Document) (Change, error)
	Undo(d *Document) Change
	// Label names the edit for the Undo/Redo menu, in English; the editor
	// translates it.
	Label() string
}

// nodeOf returns the node or ErrNoSuchNode.
func (d *Document) nodeOf(id NodeID) (*Node, error) {
	n := d.nodes[id]
	if n == nil {
		return nil, fmt.Errorf("%w: %d", ErrNoSuchNode, id)
	}
	return n, nil
}

// childrenChange lists parent (or nothing for the roots) and all its
// children: their stored sibling order may have changed.
func (d *Document) childrenChange(parent NodeID) []NodeID {
	ids := slices.Clone(d.ChildIDs(parent))
	if parent != 0 {
		ids = append(ids, parent)
	}
	return ids
}

// ---- adding ----

// AddNode inserts a new box. Build it with AddChild, AddSibling or
// AddAssistant.
type AddNode struct {
	Parent NodeID
	Index  int // position among the parent's children; -1 = last
	Init   Node

	// ID is the id the new box received; redo reuses it.
	ID NodeID
}

// AddChild returns a command that appends a new box of the given kind and
// name as the last child of parent (0 = a new top-level box).
func AddChild(parent NodeID, kind Kind, name string) *AddNode {
	return &AddNode{Parent: parent, Index: -1, Init: Node{Kind: kind, Name: name}}
}

// AddSibling returns a command that inserts a new box right after sibling.
func AddSibling(d *Document, sibling NodeID, kind Kind, name string) (*AddNode, error) {
	n, err := d.nodeOf(sibling)
	if err != nil {
		return nil, err
	}
	return &AddNode{Parent: n.Parent, Index: d.IndexOf(sibling) + 1, Init: Node{Kind: kind, Name: name}}, nil
}

// AddAssistant returns a command that adds an assistant box to parent.
func AddAssistant(parent NodeID, name string) *AddNode {
	return AddChild(parent, KindAssistant, name)
}

// Label implements Command.
func (c *AddNode) Label() string { return "Add box" }

// Do implements Command.
func (c *AddNode) Do(d *Document) (Change, error) {
	if c.Parent != 0 {
		if _, err := d.nodeOf(c.Parent); err != nil {
			return Change{}, err
		}
	}
	n := c.Init.clone()
	n.Head = false
	if err := checkNode(&n); err != nil {
		return Change{}, err
	}
	if c.ID == 0 {
		c.ID = d.nextNode
		d.nextNode++
	}
	n.ID = c.ID
	d.nodes[n.ID] = &n
	index := c.Index
	if index < 0 {
		index = len(d.ChildIDs(c.Parent))
	}
	d.attach(n.ID, c.Parent, index)
	return Change{Nodes: d.childrenChange(c.Parent)}, nil
}

// Undo implements Command.
func (c *AddNode) Undo(d *Document) Change {
	parent := d.nodes[c.ID].Parent
	d.detach(c.ID)
	delete(d.nodes, c.ID)
	return Change{Nodes: append(d.childrenChange(parent), c.ID)}
}

// ---- deleting ----

// DeleteNode removes a box with its whole subtree and the dotted-line links
// that touch any of them.
type DeleteNode struct {
	ID NodeID

	parent  NodeID
	index   int
	removed []Node // pre-order, with children lists
	links   []Link
	linkAt  []int
}

// Label implements Command.
func (c *DeleteNode) Label() string { return "Delete box" }

// Do implements Command.
func (c *DeleteNode) Do(d *Document) (Change, error) {
	n, err := d.nodeOf(c.ID)
	if err != nil {
		return Change{}, err
	}
	c.parent = n.Parent
	c.removed = c.removed[:0]
	gone := map[NodeID]bool{}
	d.WalkSubtree(c.ID, func(m *Node) bool {
		cp := m.clone()
		cp.children = slices.Clone(m.children)
		c.removed = append(c.removed, cp)
		gone[m.ID] = true
		return true
	})
	var ch Change
	c.links, c.linkAt = c.links[:0], c.linkAt[:0]
	kept := d.links[:0:0]
	for i, l := range d.links {
		if gone[l.From] || gone[l.To] {
			c.links = append(c.links, l)
			c.linkAt = append(c.linkAt, i)
			ch.Links = append(ch.Links, l.ID)
			continue
		}
		kept = append(kept, l)
	}
	d.links = kept
	c.index = d.detach(c.ID)
	for _, m := range c.removed {
		delete(d.nodes, m.ID)
		ch.Nodes = append(ch.Nodes, m.ID)
	}
	ch.Nodes = append(ch.Nodes, d.childrenChange(c.parent)...)
	return ch, nil
}

// Undo implements Command.
func (c *DeleteNode) Undo(d *Document) Change {
	var ch Change
	for i := range c.removed {
		m := c.removed[i].clone()
		m.children = slices.Clone(c.removed[i].children)
		d.nodes[m.ID] = &m
		ch.Nodes = append(ch.Nodes, m.ID)
	}
	d.attach(c.ID, c.parent, c.index)
	for i, l := range c.links {
		d.links = slices.Insert(d.links, min(c.linkAt[i], len(d.links)), l)
		ch.Links = append(ch.Links, l.ID)
	}
	ch.Nodes = append(ch.Nodes, d.childrenChange(c.parent)...)
	return ch
}

// ---- moving ----

// Move makes a box report somewhere else and/or changes its place among its
// siblings. Moving a box under itself or its own descendant is refused with
// ErrCycle.
type Move struct {
	ID        NodeID
	NewParent NodeID // 0 = top level
	Index     int    // position among the new siblings (after removal); -1 = last

	oldParent NodeID
	oldIndex  int
	oldHead   bool
}

// Label implements Command.
func (c *Move) Label() string { return "Move box" }

// Do implements Command.
func (c *Move) Do(d *Document) (Change, error) {
	n, err := d.nodeOf(c.ID)
	if err != nil {
		return Change{}, err
	}
	if c.NewParent != 0 {
		p, err := d.nodeOf(c.NewParent)
		if err != nil {
			return Change{}, err
		}
		if d.IsAncestor(c.ID, c.NewParent) {
			return Change{}, fmt.Errorf("%w: %q cannot go under %q", ErrCycle, n.Name, p.Name)
		}
	}
	c.oldParent, c.oldHead = n.Parent, n.Head
	c.oldIndex = d.detach(c.ID)
	index := c.Index
	if index < 0 {
		index = len(d.ChildIDs(c.NewParent))
	}
	d.attach(c.ID, c.NewParent, index)
	// A head stays head only where the new unit has none.
	if n.Head && (c.NewParent != c.oldParent) {
		n.Head = canHead(d, n) && d.headExcept(c.NewParent, n.ID) == 0
	}
	ch := Change{Nodes: d.childrenChange(c.oldParent)}
	ch.Nodes = append(ch.Nodes, d.childrenChange(c.NewParent)...)
	return ch, nil
}

// Undo implements Command.
func (c *Move) Undo(d *Document) Change {
	n := d.nodes[c.ID]
	newParent := n.Parent
	d.detach(c.ID)
	d.attach(c.ID, c.oldParent, c.oldIndex)
	n.Head = c.oldHead
	ch := Change{Nodes: d.childrenChange(c.oldParent)}
	ch.Nodes = append(ch.Nodes, d.childrenChange(newParent)...)
	return ch
}

// ---- editing one box ----

// EditNode changes fields of one box. The edit function works on a copy;
// the result is checked (non-empty name, no negative headcount, text within
// limits) before it replaces the box, so a failed edit changes nothing.
// The constructors below (Rename, SetPlanned, InsertItems, …) build it.
type EditNode struct {
	ID    NodeID
	Name  string // label for the undo menu
	Apply func(n *Node) error

	before Node
}

// Label implements Command.
func (c *EditNode) Label() string { return c.Name }

// Do implements Command.
func (c *EditNode) Do(d *Document) (Change, error) {
	n, err := d.nodeOf(c.ID)
	if err != nil {
		return Change{}, err
	}
	c.before = n.clone()
	after := n.clone()
	if err := c.Apply(&after); err != nil {
		return Change{}, err
	}
	if err := checkNode(&after); err != nil {
		return Change{}, err
	}
	if after.Head && !canHead(d, &after) {
		return Change{}, ErrHeadNeedUnit
	}
	// Identity and place in the tree are not the edit's to change.
	after.ID, after.Parent, after.children = n.ID, n.Parent, n.children
	*n = after
	return Change{Nodes: []NodeID{c.ID}}, nil
}

// Undo implements Command.
func (c *EditNode) Undo(d *Document) Change {
	n := d.nodes[c.ID]
	children := n.children
	*n = c.before.clone()
	n.children = children
	return Change{Nodes: []NodeID{c.ID}}
}

// checkNode enforces the rules every box obeys after any edit (see
// limits.go); it trims the name first.
func checkNode(n *Node) error {
	n.Name = strings.TrimSpace(n.Name)
	return checkBounds(n)
}

// canHead reports whether n may be its parent unit's head.
func canHead(d *Document, n *Node) bool {
	p := d.nodes[n.Parent]
	return n.Kind == KindPosition && p != nil && p.Kind == KindUnit
}

func edit(id NodeID, label string, f func(n *Node) error) *EditNode {
	return &EditNode{ID: id, Name: label, Apply: f}
}

// Rename sets a box's name; an empty name is refused.
func Rename(id NodeID, name string) *EditNode {
	return edit(id, "Rename", func(n *Node) error { n.Name = name; return nil })
}

// SetKind changes a box's kind.
func SetKind(id NodeID, k Kind) *EditNode {
	return edit(id, "Change kind", func(n *Node) error {
		if k < KindUnit || k > KindAssistant {
			return fmt.Errorf("unknown kind %d", k)
		}
		n.Kind = k
		if k != KindPosition {
			n.Head = false
		}
		return nil
	})
}

// SetPlanned sets the planned headcount (编制).
func SetPlanned(id NodeID, v int) *EditNode {
	return edit(id, "Set planned headcount", func(n *Node) error { n.Planned = v; return nil })
}

// SetFilled sets the filled headcount (在岗).
func SetFilled(id NodeID, v int) *EditNode {
	return edit(id, "Set filled headcount", func(n *Node) error { n.Filled = v; return nil })
}

// SetGrade sets the grade (职务等级).
func SetGrade(id NodeID, v string) *EditNode {
	return edit(id, "Set grade", func(n *Node) error { n.Grade = v; return nil })
}

// SetHours sets the working hours or shift text.
func SetHours(id NodeID, v string) *EditNode {
	return edit(id, "Set working hours", func(n *Node) error { n.Hours = v; return nil })
}

// SetNotes sets the notes.
func SetNotes(id NodeID, v string) *EditNode {
	return edit(id, "Set notes", func(n *Node) error { n.Notes = v; return nil })
}

// SetConcurrent sets the concurrent (兼) flag.
func SetConcurrent(id NodeID, v bool) *EditNode {
	return edit(id, "Set concurrent", func(n *Node) error { n.Concurrent = v; return nil })
}

// SetCollapsed folds or unfolds a box's subtree in the chart.
func SetCollapsed(id NodeID, v bool) *EditNode {
	return edit(id, "Collapse", func(n *Node) error { n.Collapsed = v; return nil })
}

// SetLeaves chooses how a box's leaf children are arranged.
func SetLeaves(id NodeID, v Leaves) *EditNode {
	return edit(id, "Arrange leaves", func(n *Node) error {
		if v < LeavesDefault || v > LeavesRow {
			return fmt.Errorf("unknown leaf arrangement %d", v)
		}
		n.Leaves = v
		return nil
	})
}

// SetOffset sets a box's manual offset from its automatic place.
func SetOffset(id NodeID, o Offset) *EditNode {
	return edit(id, "Arrange", func(n *Node) error { n.Offset = o; return nil })
}

// ---- list edits (duties, qualifications, functions) ----

// SplitLines turns pasted text into list items: one per non-blank line,
// trimmed, with a leading number or bullet ("1、", "2.", "(3)", "（四）",
// "- ", "•") removed because the list numbers its items itself.
func SplitLines(text string) []string {
	var items []string
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		line = StripItemNumber(strings.TrimSpace(line))
		if line != "" {
			items = append(items, line)
		}
	}
	return items
}

// InsertItems inserts one or more items into a list at index (-1 = at the
// end). Text with several lines becomes several items (see SplitLines).
func InsertItems(id NodeID, l List, index int, text string) *EditNode {
	return edit(id, "Add "+l.String(), func(n *Node) error {
		items := SplitLines(text)
		if len(items) == 0 {
			return fmt.Errorf("%w: nothing to add", ErrEmptyName)
		}
		s := n.list(l)
		if index < 0 || index > len(*s) {
			index = len(*s)
		}
		*s = slices.Insert(*s, index, items...)
		return nil
	})
}

// EditItem replaces the text of item index. Text of several lines replaces
// the item with several items; empty text is refused (delete instead).
func EditItem(id NodeID, l List, index int, text string) *EditNode {
	return edit(id, "Edit "+l.String(), func(n *Node) error {
		s := n.list(l)
		if index < 0 || index >= len(*s) {
			return fmt.Errorf("%w: %s item %d", ErrNoSuchItem, l, index+1)
		}
		items := SplitLines(text)
		if len(items) == 0 {
			return fmt.Errorf("%w: an item needs text", ErrEmptyName)
		}
		*s = slices.Replace(*s, index, index+1, items...)
		return nil
	})
}

// DeleteItem removes item index.
func DeleteItem(id NodeID, l List, index int) *EditNode {
	return edit(id, "Delete "+l.String(), func(n *Node) error {
		s := n.list(l)
		if index < 0 || index >= len(*s) {
			return fmt.Errorf("%w: %s item %d", ErrNoSuchItem, l, index+1)
		}
		*s = slices.Delete(*s, index, index+1)
		return nil
	})
}

// MoveItem moves item from to position to.
func MoveItem(id NodeID, l List, from, to int) *EditNode {
	return edit(id, "Reorder "+l.String(), func(n *Node) error {
		s := n.list(l)
		if from < 0 || from >= len(*s) || to < 0 || to >= len(*s) {
			return fmt.Errorf("%w: %s item %d → %d", ErrNoSuchItem, l, from+1, to+1)
		}
		v := (*s)[from]
		*s = slices.Insert(slices.Delete(*s, from, from+1), to, v)
		return nil
	})
}

// ---- head of unit ----

// SetHead makes a position the head of its parent unit (clearing the
// previous head), or with on=false clears it.
type SetHead struct {
	ID NodeID
	On bool

	previous NodeID
	wasHead  bool
}

// Label implements Command.
func (c *SetHead) Label() string { return "Set head of unit" }

// Do implements Command.
func (c *SetHead) Do(d *Document) (Change, error) {
	n, err := d.nodeOf(c.ID)
	if err != nil {
		return Change{}, err
	}
	if c.On && !canHead(d, n) {
		return Change{}, ErrHeadNeedUnit
	}
	c.previous, c.wasHead = d.headExcept(n.Parent, c.ID), n.Head
	ch := Change{Nodes: []NodeID{c.ID}}
	if c.previous != 0 {
		d.nodes[c.previous].Head = false
		ch.Nodes = append(ch.Nodes, c.previous)
	}
	n.Head = c.On
	return ch, nil
}

// Undo implements Command.
func (c *SetHead) Undo(d *Document) Change {
	d.nodes[c.ID].Head = c.wasHead
	ch := Change{Nodes: []NodeID{c.ID}}
	if c.previous != 0 {
		d.nodes[c.previous].Head = true
		ch.Nodes = append(ch.Nodes, c.previous)
	}
	return ch
}

// ---- links ----

// AddLink adds a dotted-line link between two boxes.
type AddLink struct {
	From, To NodeID
	Text     string

	ID LinkID
}

// Label implements Command.
func (c *AddLink) Label() string { return "Add dotted-line link" }

// Do implements Command.
func (c *AddLink) Do(d *Document) (Change, error) {
	if _, err := d.nodeOf(c.From); err != nil {
		return Change{}, err
	}
	if _, err := d.nodeOf(c.To); err != nil {
		return Change{}, err
	}
	if c.From == c.To {
		return Change{}, ErrSelfLink
	}
	l := Link{ID: c.ID, From: c.From, To: c.To, Label: strings.TrimSpace(c.Text)}
	if err := checkLink(&l); err != nil {
		return Change{}, err
	}
	if c.ID == 0 {
		c.ID = d.nextLink
		d.nextLink++
	}
	l.ID = c.ID
	d.links = append(d.links, l)
	return Change{Links: []LinkID{c.ID}}, nil
}

// Undo implements Command.
func (c *AddLink) Undo(d *Document) Change {
	d.links = slices.DeleteFunc(d.links, func(l Link) bool { return l.ID == c.ID })
	return Change{Links: []LinkID{c.ID}}
}

// RemoveLink deletes a dotted-line link.
type RemoveLink struct {
	ID LinkID

	link Link
	at   int
}

// Label implements Command.
func (c *RemoveLink) Label() string { return "Remove dotted-line link" }

// Do implements Command.
func (c *RemoveLink) Do(d *Document) (Change, error) {
	c.at = slices.IndexFunc(d.links, func(l Link) bool { return l.ID == c.ID })
	if c.at < 0 {
		return Change{}, fmt.Errorf("%w: %d", ErrNoSuchLink, c.ID)
	}
	c.link = d.links[c.at]
	d.links = slices.Delete(d.links, c.at, c.at+1)
	return Change{Links: []LinkID{c.ID}}, nil
}

// Undo implements Command.
func (c *RemoveLink) Undo(d *Document) Change {
	d.links = slices.Insert(d.links, min(c.at, len(d.links)), c.link)
	return Change{Links: []LinkID{c.ID}}
}

// ---- document fields ----

// EditInfo changes the document's own fields (title, sign-off rows, …). The
// edit works on a copy, checked before it replaces the original.
type EditInfo struct {
	Name  string
	Apply func(i *Info) error

	before Info
}

// Label implements Command.
func (c *EditInfo) Label() string { return c.Name }

// Do implements Command.
func (c *EditInfo) Do(d *Document) (Change, error) {
	c.before = d.Info.clone()
	after := d.Info.clone()
	if err := c.Apply(&after); err != nil {
		return Change{}, err
	}
	// The status changes only by approving and revising (approval.go),
	// which keep a snapshot and lock the document; never by an edit.
	after.Status = c.before.Status
	if err := checkInfo(&after); err != nil {
		return Change{}, err
	}
	d.Info = after
	return Change{Info: true}, nil
}

// Undo implements Command.
func (c *EditInfo) Undo(d *Document) Change {
	d.Info = c.before.clone()
	return Change{Info: true}
}

// SetInfo returns a command that replaces all document fields at once, as
// the properties dialog does.
func SetInfo(i Info) *EditInfo {
	return &EditInfo{Name: "Document properties", Apply: func(dst *Info) error {
		*dst = i.clone()
		return nil
	}}
}

// ---- batches ----

// Batch applies several commands as one undo step (e.g. deleting or
// re-arranging a multiple selection). If one fails, the ones before it are
// undone and the error returned.
type Batch struct {
	Name string
	Cmds []Command
}

// Steps returns cmds as one undo step named name: the command itself when
// there is one, a Batch of several, nil for none.
func Steps(name string, cmds []Command) Command {
	switch len(cmds) {
	case 0:
		return nil
	case 1:
		return cmds[0]
	}
	return &Batch{Name: name, Cmds: cmds}
}

// Label implements Command.
func (c *Batch) Label() string { return c.Name }

// Do implements Command.
func (c *Batch) Do(d *Document) (Change, error) {
	var ch Change
	for i, cmd := range c.Cmds {
		sub, err := cmd.Do(d)
		if err != nil {
			for j := i - 1; j >= 0; j-- {
				c.Cmds[j].Undo(d)
			}
			return Change{}, err
		}
		ch.Merge(sub)
	}
	return ch, nil
}

// Undo implements Command.
func (c *Batch) Undo(d *Document) Change {
	var ch Change
	for j := len(c.Cmds) - 1; j >= 0; j-- {
		ch.Merge(c.Cmds[j].Undo(d))
	}
	return ch
}

// ---- view settings and arranging ----

// SetLeftToRight draws the chart left to right (true) or top down; the
// printed chart follows it.
func SetLeftToRight(on bool) *EditInfo {
	return &EditInfo{Name: "Change orientation", Apply: func(i *Info) error {
		i.Page.LeftToRight = on
		return nil
	}}
}

// SetCompactLeaves sets the document's default for stacking leaf
// positions in a column under their box (true) or spreading them in a row.
func SetCompactLeaves(on bool) *EditInfo {
	return &EditInfo{Name: "Change compact layout", Apply: func(i *Info) error {
		i.Page.CompactLeaves = on
		return nil
	}}
}

// ResetOffsets returns one command that puts boxes arranged by hand back
// where the automatic layout puts them: the subtrees of ids, or every box
// when ids is empty. It returns nil when no such box has an offset.
func ResetOffsets(d *Document, ids []NodeID) Command {
	var cmds []Command
	seen := map[NodeID]bool{}
	reset := func(n *Node) bool {
		// A box selected inside another selected box is met twice.
		if !seen[n.ID] && n.Offset != (Offset{}) {
			cmds = append(cmds, SetOffset(n.ID, Offset{}))
		}
		seen[n.ID] = true
		return true
	}
	if len(ids) == 0 {
		d.Walk(reset)
	}
	for _, id := range ids {
		d.WalkSubtree(id, reset)
	}
	if len(cmds) == 0 {
		return nil
	}
	return &Batch{Name: "Auto layout", Cmds: cmds}
}
