package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// commitEntry is an entry that hands its text over only when the user is
// done with it: on leaving the field, on Enter (single line) or on
// Shift+Enter (multi-line, where Enter starts a new line). Editing a duty
// letter by letter would otherwise fill the undo menu with one step per
// key and save after every key.
type commitEntry struct {
	widget.Entry

	// committed is the text the model holds; leaving the field unchanged
	// commits nothing.
	committed string
	// OnCommit receives the edited text. It returns false when the edit
	// was refused; the field then shows the model's text again.
	OnCommit func(text string) bool
}

func newCommitEntry(multiLine bool) *commitEntry {
	e := &commitEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.OnSubmitted = func(string) { e.Commit() }
	e.ExtendBaseWidget(e)
	return e
}

// SetModel puts the model's text in the field, discarding any uncommitted
// typing.
func (e *commitEntry) SetModel(text string) {
	e.committed = text
	if e.Text != text {
		e.SetText(text)
	}
}

// Dirty reports whether the field holds typing not yet committed.
func (e *commitEntry) Dirty() bool { return e.Text != e.committed }

// Commit hands a changed text to OnCommit; a refused edit is undone in the
// field.
func (e *commitEntry) Commit() {
	if !e.Dirty() || e.OnCommit == nil {
		return
	}
	text, before := e.Text, e.committed
	// Mark the text committed first: the edit makes the panels refresh,
	// which may ask this field to commit again.
	e.committed = text
	if !e.OnCommit(text) {
		e.SetModel(before)
	}
	// On success whoever shows the model has called SetModel with the
	// text as the model holds it (trimmed, or split into several items).
}

// Revert throws the uncommitted typing away.
func (e *commitEntry) Revert() { e.SetText(e.committed) }

// FocusLost commits: leaving the field is how most people finish an edit.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.Commit()
}
