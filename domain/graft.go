package domain

// Graft adds a copy of another document's whole tree under one box as a
// single undo step: every box with its fields and duties, the heads of
// its units and the dotted-line links among its boxes. The editor uses it
// to import a staffing table under the selected box. From is only read;
// the other document's own fields (title, sign-offs, …) are not copied.
type Graft struct {
	Parent NodeID // 0 = at the top level
	From   *Document

	// batch holds the commands the first Do ran. The boxes' ids are only
	// known once they are added, so the batch is built while it runs;
	// redo runs the same commands again, and they reuse their ids.
	batch *Batch
	added []NodeID
}

// Label implements Command.
func (c *Graft) Label() string { return "Import table" }

// Added returns the new top-level boxes, in order, once the graft has
// been done: the editor selects them.
func (c *Graft) Added() []NodeID { return c.added }

// Do implements Command.
func (c *Graft) Do(d *Document) (Change, error) {
	if c.batch != nil {
		return c.batch.Do(d)
	}
	if c.Parent != 0 {
		if _, err := d.nodeOf(c.Parent); err != nil {
			return Change{}, err
		}
	}
	var done []Command
	var ch Change
	run := func(cmd Command) error {
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
	newID := map[NodeID]NodeID{}
	var heads, added []NodeID
	var err error
	c.From.Walk(func(n *Node) bool {
		parent := c.Parent
		if n.Parent != 0 {
			parent = newID[n.Parent]
		}
		cmd := &AddNode{Parent: parent, Index: -1, Init: n.clone()}
		if err = run(cmd); err != nil {
			return false
		}
		newID[n.ID] = cmd.ID
		if n.Parent == 0 {
			added = append(added, cmd.ID)
		}
		if n.Head {
			heads = append(heads, cmd.ID)
		}
		return true
	})
	if err != nil {
		return Change{}, err
	}
	for _, id := range heads {
		if err := run(&SetHead{ID: id, On: true}); err != nil {
			return Change{}, err
		}
	}
	for _, l := range c.From.Links() {
		from, to := newID[l.From], newID[l.To]
		if from == 0 || to == 0 {
			continue // a link to a missing box, which the source's checks name
		}
		if err := run(&AddLink{From: from, To: to, Text: l.Label}); err != nil {
			return Change{}, err
		}
	}
	c.batch = &Batch{Name: c.Label(), Cmds: done}
	c.added = added
	return ch, nil
}

// Undo implements Command.
func (c *Graft) Undo(d *Document) Change { return c.batch.Undo(d) }
