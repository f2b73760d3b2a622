package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// The dialogs the editor builds answer the keys users expect: Esc closes
// a dialog as its Cancel (or Close) button does, and Enter confirms it as
// its default button does. Fyne 2.8.1's dialogs have neither. A key
// reaches a dialog in one of two ways: through the focused widget (an
// entry of the dialog: keyEntry), or, when nothing in the dialog has the
// focus (as after it opens, or after a button was clicked), through the
// window's typed-key handler, which asks handleDialogKey first.

// dialogKeys are what Esc and Enter do in one dialog.
type dialogKeys struct {
	cancel, confirm func() // confirm nil: Enter does nothing
}

// keyed holds the keys of every dialog on screen shown with showKeyed, by
// the overlay it is shown in. The editor's windows all run on Fyne's one
// event goroutine.
var keyed = map[fyne.CanvasObject]dialogKeys{}

// showKeyed shows d over w with its keys: Esc runs cancel, Enter runs
// confirm (nil for a dialog that has nothing to confirm).
func showKeyed(w fyne.Window, d dialog.Dialog, cancel, confirm func()) {
	d.Show()
	overlay := w.Canvas().Overlays().Top()
	keyed[overlay] = dialogKeys{cancel: cancel, confirm: confirm}
	d.SetOnClosed(func() { delete(keyed, overlay) })
}

// handleDialogKey gives ev to the topmost dialog of c if it is one of
// ours, and reports whether it used it.
func handleDialogKey(c fyne.Canvas, ev *fyne.KeyEvent) bool {
	k, ok := keyed[c.Overlays().Top()]
	if !ok {
		return false
	}
	switch ev.Name {
	case fyne.KeyEscape:
		k.cancel()
	case fyne.KeyReturn, fyne.KeyEnter:
		if k.confirm == nil {
			return false
		}
		k.confirm()
	default:
		return false
	}
	return true
}

// keyEntry is an entry of a dialog: Esc closes the dialog even while the
// entry has the focus, and Enter in a one-line entry without an
// OnSubmitted of its own confirms the dialog.
type keyEntry struct {
	widget.Entry
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func newKeyMultiLineEntry() *keyEntry {
	e := newKeyEntry()
	e.MultiLine = true
	return e
}

// TypedKey passes Esc, and Enter where it confirms, to the dialog.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	toDialog := ev.Name == fyne.KeyEscape ||
		((ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && !e.MultiLine && e.OnSubmitted == nil)
	if toDialog {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && handleDialogKey(c, ev) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}
