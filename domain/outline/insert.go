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

	// batch holds the commands the first Do ran. The boxes' ids are only
	// known once they are added, so the batch is built while it runs;
	// redo runs the same commands again, and they reuse their ids.
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
func (c *Paste) Label() string { return "Paste outline" }

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

// Do implements domain.Command.
func (c *Paste) Do(d *domain.Document) (domain.Change, error) {
	if c.batch != nil {
		return c.batch.Do(d)
	}
	var done []domain.Command
	var ch domain.Change
	run := func(cmd domain.Command) error {
		sub, err := cmd.Do(d)
		if err != nil {
			for j := len(done) - 1; j >= 0; j-- {
				done[j].Undo(d)
			}
			return err
		}
		done = append(done, cmd)
		ch.Merge(sub)
		return nil
	}
	var heads []domain.NodeID
	var added []domain.NodeID
	var add func(bs []*box, parent domain.NodeID) error
	add = func(bs []*box, parent domain.NodeID) error {
		for _, b := range bs {
			cmd := &domain.AddNode{Parent: parent, Index: -1, Init: b.node}
			if err := run(cmd); err != nil {
				return err
			}
			if parent == c.parent {
				added = append(added, cmd.ID)
			}
			if b.node.Head {
				heads = append(heads, cmd.ID)
			}
			if err := add(b.children, cmd.ID); err != nil {
				return err
			}
		}
		return nil
	}
	if err := add(c.f.roots, c.parent); err != nil {
		return domain.Change{}, err
	}
	for _, id := range heads {
		if err := run(&domain.SetHead{ID: id, On: true}); err != nil {
			return domain.Change{}, err
		}
	}
	if c.f.top != nil && !emptyAdditions(c.f.top.node) {
		top := c.f.top.node
		edit := &domain.EditNode{ID: c.parent, Name: c.Label(), Apply: func(n *domain.Node) error {
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
		}}
		if err := run(edit); err != nil {
			return domain.Change{}, err
		}
	}
	c.batch = &domain.Batch{Name: c.Label(), Cmds: done}
	c.added = added
	return ch, nil
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
