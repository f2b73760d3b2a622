package outline

import (
	"fmt"
	"strings"

	"orgdraft/domain"
)

// Paste is the command Insert returns: it adds a parsed outline's boxes
// under one box of a document as a single undo step.
type Paste struct {
	parent domain.NodeID
	f      *forest

	// Name labels the edit in the Undo menu; "Paste outline" when empty.
	Name string

	// batch holds the commands the first Do ran; redo runs the same
	// commands again, and they reuse their ids.
	batch *domain.Batch
	added []domain.NodeID
}

// Insert parses an outline to be pasted under parent (0 = at the top
// level of d) and returns the command that adds it, after parent's last
// child. Lines at the outline's top level that are list items or
// headings belong to parent itself: under a position they become its
// duties, under a unit its functions ("岗位职责：" and the like choose
// explicitly); pasted into a position, a plain line that does not name a
// unit is a duty too, as under a position in an outline. When parent is a unit without a head, a leader's post
// pasted directly into it becomes its head. A stated total (合计) cannot
// be pasted.
//
// On any problem in the text it returns an ErrorList and no command.
func Insert(d *domain.Document, parent domain.NodeID, text string) (*Paste, error) {
	var into *target
	if parent != 0 {
		n := d.Node(parent)
		if n == nil {
			return nil, fmt.Errorf("%w: %d", domain.ErrNoSuchNode, parent)
		}
		into = &target{kind: n.Kind, headFree: n.Kind == domain.KindUnit && d.HeadOf(parent) == 0}
	}
	f, err := parse(text, true, into)
	if err != nil {
		return nil, err
	}
	return &Paste{parent: parent, f: f}, nil
}

// Label implements domain.Command.
func (c *Paste) Label() string {
	if c.Name == "" {
		return "Paste outline"
	}
	return c.Name
}

// Added returns the new top-level boxes of the paste, in order, once it
// has been done: the editor selects them.
func (c *Paste) Added() []domain.NodeID { return c.added }

// Boxes returns how many boxes the paste adds.
func (c *Paste) Boxes() int {
	n := 0
	var count func(bs []*box)
	count = func(bs []*box) {
		for _, b := range bs {
			n++
			count(b.children)
		}
	}
	count(c.f.roots)
	return n
}

// Do implements domain.Command. The boxes go in as a domain.PasteBranch
// (so a name that clashes with a box already under the parent gets a
// number, "客服专员 (2)", as a copied branch does), the parent's own
// additions as an edit of it, both in one step.
func (c *Paste) Do(d *domain.Document) (domain.Change, error) {
	if c.batch != nil {
		return c.batch.Do(d)
	}
	batch := &domain.Batch{Name: c.Label()}
	var paste *domain.PasteBranch
	if len(c.f.roots) > 0 {
		paste = &domain.PasteBranch{Parent: c.parent, Index: -1, Branch: c.f.branch(), Name: c.Label()}
		batch.Cmds = append(batch.Cmds, paste)
	}
	if c.f.top != nil && !emptyAdditions(c.f.top.node) {
		top := c.f.top.node
		batch.Cmds = append(batch.Cmds, &domain.EditNode{ID: c.parent, Name: c.Label(), Apply: func(n *domain.Node) error {
			n.Duties = append(n.Duties, top.Duties...)
			n.Functions = append(n.Functions, top.Functions...)
			n.Qualifications = append(n.Qualifications, top.Qualifications...)
			n.Notes = joinText(n.Notes, top.Notes)
			if top.Hours != "" {
				n.Hours = top.Hours
			}
			if top.Grade != "" {
				n.Grade = top.Grade
			}
			mergeJob(&n.Job, top.Job)
			return nil
		}})
	}
	ch, err := batch.Do(d)
	if err != nil {
		return domain.Change{}, err
	}
	c.batch = batch
	if paste != nil {
		c.added = paste.Added()
	}
	return ch, nil
}

// branch returns the outline's boxes and links as a domain.Branch, the
// boxes numbered from 1 in pre-order.
func (f *forest) branch() *domain.Branch {
	b := &domain.Branch{}
	ids := map[*box]domain.NodeID{}
	// Iterative, like Document.Walk: an outline may be indented deeply.
	type item struct {
		b      *box
		parent domain.NodeID
	}
	stack := make([]item, 0, 64)
	for i := len(f.roots) - 1; i >= 0; i-- {
		stack = append(stack, item{f.roots[i], 0})
	}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := it.b.node
		n.ID, n.Parent = domain.NodeID(len(b.Nodes)+1), it.parent
		ids[it.b] = n.ID
		b.Nodes = append(b.Nodes, n)
		for i := len(it.b.children) - 1; i >= 0; i-- {
			stack = append(stack, item{it.b.children[i], n.ID})
		}
	}
	for i, l := range f.links {
		b.Links = append(b.Links, domain.Link{ID: domain.LinkID(i + 1), From: ids[l.from], To: ids[l.to], Label: l.label})
	}
	return b
}

// Undo implements domain.Command.
func (c *Paste) Undo(d *domain.Document) domain.Change { return c.batch.Undo(d) }

func emptyAdditions(n domain.Node) bool {
	return len(n.Duties)+len(n.Functions)+len(n.Qualifications) == 0 && n.Notes+n.Hours+n.Grade == "" && emptyJob(n.Job)
}

// joinText appends b to a on a new line.
func joinText(a, b string) string {
	switch {
	case b == "":
		return a
	case strings.TrimSpace(a) == "":
		return b
	}
	return a + "\n" + b
}
