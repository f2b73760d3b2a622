package domain

// DefaultHistoryLimit is how many edits can be undone.
const DefaultHistoryLimit = 1000

// History applies commands to a document and keeps them for undo and redo.
// The editor, the command line and the tests all edit through it, so every
// change takes the same path (and reaches the same OnChange listener, which
// saves it).
type History struct {
	Doc   *Document
	Limit int // how many steps are kept; DefaultHistoryLimit when 0
	// OnChange, when set, is called after every successful do, undo and
	// redo with what changed. An error it returns (a failed save) is handed
	// back to the caller; the edit stays applied in memory.
	OnChange func(Change) error

	undo, redo []Command
}

// NewHistory returns a history that edits d.
func NewHistory(d *Document) *History { return &History{Doc: d} }

// Do applies cmd. On error the document is unchanged and nothing is
// recorded. A *Continued joins the last step when it continues it. An
// approved document refuses every edit with ErrApproved.
func (h *History) Do(cmd Command) error {
	if h.Doc.Locked() {
		return ErrApproved
	}
	if c, ok := cmd.(*Continued); ok && len(h.undo) > 0 && c.continues(h.undo[len(h.undo)-1]) {
		return h.continueLast(c)
	}
	ch, err := cmd.Do(h.Doc)
	if err != nil {
		return err
	}
	limit := h.Limit
	if limit <= 0 {
		limit = DefaultHistoryLimit
	}
	h.undo = append(h.undo, cmd)
	if len(h.undo) > limit {
		// Drop the oldest; copy so the backing array does not grow forever.
		h.undo = append([]Command(nil), h.undo[len(h.undo)-limit:]...)
	}
	h.redo = h.redo[:0]
	return h.notify(ch)
}

// CanUndo reports whether there is an edit to undo.
func (h *History) CanUndo() bool { return len(h.undo) > 0 }

// CanRedo reports whether there is an undone edit to redo.
func (h *History) CanRedo() bool { return len(h.redo) > 0 }

// UndoLabel names the edit Undo would revert ("" if none).
func (h *History) UndoLabel() string {
	if len(h.undo) == 0 {
		return ""
	}
	return h.undo[len(h.undo)-1].Label()
}

// RedoLabel names the edit Redo would apply again ("" if none).
func (h *History) RedoLabel() string {
	if len(h.redo) == 0 {
		return ""
	}
	return h.redo[len(h.redo)-1].Label()
}

// Undo reverts the last edit. It reports false when there is none.
func (h *History) Undo() (bool, error) {
	if h.Doc.Locked() {
		return false, ErrApproved
	}
	if len(h.undo) == 0 {
		return false, nil
	}
	cmd := h.undo[len(h.undo)-1]
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, cmd)
	return true, h.notify(cmd.Undo(h.Doc))
}

// Redo applies the last undone edit again. It reports false when there is
// none.
func (h *History) Redo() (bool, error) {
	if h.Doc.Locked() {
		return false, ErrApproved
	}
	if len(h.redo) == 0 {
		return false, nil
	}
	cmd := h.redo[len(h.redo)-1]
	ch, err := cmd.Do(h.Doc)
	if err != nil {
		// Cannot happen for a command that was done and undone on the
		// same document; drop the redo stack rather than loop on it.
		h.redo = h.redo[:0]
		return false, err
	}
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, cmd)
	return true, h.notify(ch)
}

// Forget drops every step to undo and redo: approving and starting a new
// revision are not edits, and undo does not reach back across them.
func (h *History) Forget() {
	h.undo, h.redo = nil, nil
}

func (h *History) notify(ch Change) error {
	if h.OnChange == nil {
		return nil
	}
	return h.OnChange(ch)
}
