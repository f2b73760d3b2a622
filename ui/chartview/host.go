package chartview

import (
	"fyne.io/fyne/v2"

	"orgdraft/domain"
)

// Host is what the canvas needs from the editor around it. The canvas
// owns only what is drawn: the selection, the view (zoom, scrolling,
// boxes unfolded to reveal one), the gestures on it and renaming in
// place. The editing verbs that menus, the toolbar and keys share (add,
// delete, rename, fold, auto layout, links) live once in the editor, which
// the canvas calls for its keys and its context menu.
type Host struct {
	// Do runs an edit made by a gesture on the canvas (a box dragged
	// under a new superior or arranged by hand, a box renamed in place, a
	// fold button, a dotted-line link) through the document's history, so
	// that it can be undone and is saved. The host shows a refusal to the
	// user and also returns it.
	Do func(domain.Command) error
	// SelectionChanged is called after the user changed the selection on
	// the canvas.
	SelectionChanged func(ids []domain.NodeID)
	// ZoomChanged is called after the user zoomed on the canvas (wheel,
	// keys), with the new zoom in percent.
	ZoomChanged func(percent int)
	// Key is given the keys the canvas does not use for moving around
	// (the arrows and Escape are its own): Tab, Return, Delete, F2,
	// Space … It reports whether it used the key.
	Key func(ev *fyne.KeyEvent) bool
	// Menu returns the context menu of box id, or of the empty paper for
	// 0; nil shows none.
	Menu func(id domain.NodeID) *fyne.Menu
}
