package chartview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
)

// ---- dotted-line links ----

// StartLink starts a dotted-line link from box from: the next click on
// another box ends it there; Escape or a click on empty paper cancels.
func (v *View) StartLink(from domain.NodeID) {
	if v.doc == nil || v.doc.Node(from) == nil {
		return
	}
	v.linkFrom = from
	v.board.updateView()
}

// finishLink ends a dotted-line link at the box under board position p.
// A click on paper or on the box the link starts at cancels it.
func (v *View) finishLink(p fyne.Position) {
	from := v.linkFrom
	v.cancelLink()
	if to, ok := v.boxAt(p, nil); ok && to != from {
		v.do(&domain.AddLink{From: from, To: to})
	}
}

func (v *View) cancelLink() {
	if v.linkFrom != 0 {
		v.linkFrom = 0
		v.board.updateView()
	}
}

// ---- renaming in place ----

// nameEntry is the entry laid over a box to rename it: Enter commits,
// Escape cancels, leaving it for another widget commits.
type nameEntry struct {
	widget.Entry
	v *View
}

func newNameEntry(v *View) *nameEntry {
	e := &nameEntry{v: v}
	e.OnSubmitted = func(string) { v.commitRename(true) }
	e.OnChanged = func(string) { v.setHint("") }
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey catches Escape, which a plain entry ignores.
func (e *nameEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.v.cancelRename()
		e.v.focus()
		return
	}
	e.Entry.TypedKey(ev)
}

// FocusLost is called both when the user moves on to another widget and
// when the whole window loses the focus (another program comes to the
// front). Only the first ends the renaming: the decision waits until the
// focus has moved (see entryLeft).
func (e *nameEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.v.editing != 0 {
		fyne.Do(e.v.entryLeft)
	}
}

// entryLeft runs after the rename entry lost the focus. If another widget
// has it now, the renaming ends as if the user had pressed Enter (an
// empty name keeps the old one); if the entry still has the canvas's
// focus, only the window was left and the renaming goes on.
func (v *View) entryLeft() {
	if v.editing == 0 {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.board); c != nil && c.Focused() == v.entry {
		return
	}
	v.finishRename()
}

// finishRename ends renaming on the user's behalf, keeping what was typed
// unless it is empty. The focus stays where the user put it.
func (v *View) finishRename() {
	if v.editing == 0 {
		return
	}
	if strings.TrimSpace(v.entry.Text) == "" {
		v.cancelRename()
		return
	}
	v.commitRename(false)
}

// StartRename lays an entry over box id with its name selected, so typing
// replaces it.
func (v *View) StartRename(id domain.NodeID) {
	if v.doc == nil || v.readOnly {
		return
	}
	n := v.doc.Node(id)
	if n == nil {
		return
	}
	if _, ok := v.chart.Box(id); !ok {
		return // inside a folded box
	}
	if v.editing != id {
		v.finishRename()
	}
	v.editing = id
	v.entry.SetText(n.Name)
	v.setHint("")
	v.Reveal(id)
	v.board.updateView()
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.board); c != nil {
		c.Focus(v.entry)
	}
	v.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// Renaming returns the box being renamed in place, or 0.
func (v *View) Renaming() domain.NodeID { return v.editing }

// commitRename gives the box the typed name and, with refocus, gives the
// chart the keyboard again (after Enter, so that Tab and Enter go on
// adding boxes). An empty name is refused with a message under the entry,
// which stays so the user can type one. (The host is not asked: it would
// show the domain's refusal in a dialog, taking the focus from the entry.)
func (v *View) commitRename(refocus bool) {
	id := v.editing
	n := v.doc.Node(id)
	if n == nil {
		v.cancelRename()
		return
	}
	text := strings.TrimSpace(v.entry.Text)
	if text == "" {
		v.setHint(lang.L("The name cannot be empty."))
		return
	}
	v.endRename()
	if text != n.Name {
		v.do(domain.Rename(id, text))
	}
	if refocus {
		v.focus()
	}
}

// cancelRename removes the entry without changing the name.
func (v *View) cancelRename() {
	if v.editing != 0 {
		v.endRename()
	}
}

func (v *View) endRename() {
	v.editing = 0
	v.setHint("")
	v.board.updateView()
}

// setHint shows msg under the rename entry ("" hides it).
func (v *View) setHint(msg string) {
	if v.hint.Text == msg {
		return
	}
	v.hint.Text = msg
	v.hint.Refresh()
	v.board.placeEntry()
}

// ---- context menu ----

// showMenu opens the host's context menu of box id (0: of the empty
// paper) at the absolute canvas position at.
func (v *View) showMenu(id domain.NodeID, at fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(v.board)
	if c == nil || v.doc == nil || v.host.Menu == nil {
		return
	}
	if m := v.host.Menu(id); m != nil {
		// Opened low in the window, a long menu is moved up so that its
		// last items are not cut off at the window's bottom edge.
		pop := widget.NewPopUpMenu(m, c)
		// (MinSize leaves out the menu's own outer padding and shadow.)
		size := pop.MinSize().AddWidthHeight(4*theme.Padding(), 4*theme.Padding())
		at.X = max(0, min(at.X, c.Size().Width-size.Width))
		at.Y = max(0, min(at.Y, c.Size().Height-size.Height))
		pop.ShowAtPosition(at)
	}
}
