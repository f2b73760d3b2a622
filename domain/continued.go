package domain

// Continued is an edit that goes on with an earlier one: the editor saves
// the typing in a field at every pause, and the whole field edit, from the
// first key to leaving the field, is still one undo step, so that an undo
// never leaves half a word behind.
//
// When Prev is still the edit Undo would revert, History.Do joins the two
// into one step: Undo then reverts Prev and Edit together. Otherwise (Prev
// was undone, or other edits came in between) Edit is a step of its own.
type Continued struct {
	Prev Command // the step this edit goes on with; nil starts a new one
	Edit Command // the edit itself

	steps []Command // what this step does, oldest first
}

// Continue returns the edit that goes on with prev by doing edit; see
// Continued. The result is what a later edit continues.
func Continue(prev, edit Command) *Continued { return &Continued{Prev: prev, Edit: edit} }

// Label implements Command: the name of the step's first edit ("Add
// duties" for a duty typed into the new-item field and finished in its
// own row).
func (c *Continued) Label() string {
	if len(c.steps) > 0 {
		return c.steps[0].Label()
	}
	return c.Edit.Label()
}

// Do implements Command. A step that was not joined does Edit alone.
func (c *Continued) Do(d *Document) (Change, error) {
	if c.steps == nil {
		c.steps = []Command{c.Edit}
	}
	return (&Batch{Cmds: c.steps}).Do(d)
}

// Undo implements Command.
func (c *Continued) Undo(d *Document) Change { return (&Batch{Cmds: c.steps}).Undo(d) }

// continues reports whether c goes on with last, the step on top of the
// undo stack. Commands are pointers, so comparing them is identity.
func (c *Continued) continues(last Command) bool { return c.Prev != nil && last == c.Prev }

// continueLast does c.Edit and makes it part of the step on top of the undo
// stack, which is c.Prev.
func (h *History) continueLast(c *Continued) error {
	ch, err := c.Edit.Do(h.Doc)
	if err != nil {
		return err
	}
	var prev []Command
	if p, ok := c.Prev.(*Continued); ok {
		prev = p.steps
	} else {
		prev = []Command{c.Prev}
	}
	c.steps = append(append(make([]Command, 0, len(prev)+1), prev...), c.Edit)
	h.undo[len(h.undo)-1] = c
	h.redo = h.redo[:0]
	return h.notify(ch)
}
