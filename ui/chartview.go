package ui

import (
	"fyne.io/fyne/v2"

	"orgdraft/domain"
)

// ChartView is the chart in the centre of the main window. The main window
// talks to it only through this interface, so the drawn chart canvas
// (package ui/chartview) and the plain outline that stands in for it
// (OutlineView) are interchangeable; Options.NewChartView picks one.
type ChartView interface {
	fyne.CanvasObject
	// SetHost gives the view the main window's callbacks. It is called
	// once, before SetDocument.
	SetHost(h ChartHost)
	// SetDocument shows d (after New or Open) and clears the selection.
	SetDocument(d *domain.Document)
	// Changed redraws after an edit, an undo or a redo touched ch. Boxes
	// listed in ch that no longer exist were deleted: drop them from the
	// selection (without calling SelectionChanged).
	Changed(ch domain.Change)
	// Select selects ids (none clears the selection) and scrolls the first
	// into view, unfolding collapsed boxes above it if needed. It does not
	// call SelectionChanged: the caller knows.
	Select(ids ...domain.NodeID)
	// Selection returns the selected boxes, the primary one first.
	Selection() []domain.NodeID
	// Zoom returns the zoom in percent, or 0 for a view that cannot zoom
	// (the main window then hides the zoom commands).
	Zoom() int
	// SetZoom zooms to percent (clamped to what the view supports).
	SetZoom(percent int)
	// ZoomToFit zooms so that the whole chart is visible.
	ZoomToFit()
}

// ChartHost is what the main window offers the chart view.
type ChartHost struct {
	// Do runs an edit made on the canvas (a box dragged under a new
	// superior, re-ordered, folded) through the document's history, so
	// that it can be undone and is saved at once. The host shows any
	// error to the user and also returns it.
	Do func(domain.Command) error
	// SelectionChanged is called after the user changed the selection on
	// the canvas.
	SelectionChanged func(ids []domain.NodeID)
	// Key is called with the keys the focused canvas does not use itself.
	// The host binds Tab (add a subordinate), Return/Enter (add a
	// sibling), Delete and Backspace (delete), F2 (edit the name in the
	// inspector). It reports whether it used the key.
	Key func(ev *fyne.KeyEvent) bool
	// ZoomChanged is called after the user zoomed on the canvas (wheel,
	// pinch, keys), with the new zoom in percent.
	ZoomChanged func(percent int)
}

// PreviewFunc draws a small picture of a document, for the template
// gallery. Options.Preview sets it; without one the gallery shows text only.
type PreviewFunc func(d *domain.Document, size fyne.Size) fyne.CanvasObject
