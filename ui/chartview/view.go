// Package chartview is OrgDraft's chart canvas: the org chart drawn exactly
// as package ui/chart lays it out (the picture the PDF prints), with
// selection, renaming in place, drag and drop to change who reports to whom
// or to arrange boxes by hand, folding, dotted-line links, panning and
// zooming. The editor around it (package ui) gives it a Host: the editing
// verbs shared with the menus live there, once.
//
// Every edit is a domain command run through the host, so it can be
// undone and is saved at once; the view redraws when the host tells it
// (Changed) what an edit touched. Selecting, scrolling and revealing a box
// are the view's own business: they never edit the document.
//
// Only the boxes and line pieces inside the visible part of the chart are
// turned into canvas objects, taken from a pool and re-used as the view
// scrolls, so a chart of thousands of boxes stays smooth.
package chartview

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"orgdraft/domain"
	"orgdraft/domain/layout"
	"orgdraft/ui/chart"
)

// View is the chart canvas. Create it with New.
// It must be used from the Fyne goroutine only, like every widget.
type View struct {
	widget.BaseWidget

	doc   *domain.Document
	host  Host
	chart *chart.Chart
	// texts keeps measured box text between rebuilds: after an edit only
	// the changed boxes are measured again.
	texts *chart.TextCache
	// english writes the boxes' words in English (SetEnglish).
	english bool

	// zoom is 1 at 100 %, where a point of the chart is unitsPerPoint
	// Fyne units.
	zoom float64
	// origin is the chart point drawn at the inset of the board;
	// it is the top-left of the chart's bounds.
	origin layout.Point

	board  *board
	scroll *container.Scroll

	// sel is the selection, the primary box first.
	sel []domain.NodeID

	// In-place renaming.
	entry   *nameEntry
	hint    *canvas.Text // "the name cannot be empty" under the entry
	editing domain.NodeID

	drag     dragState
	press    pressState
	linkFrom domain.NodeID // while choosing the target of a dotted line
	pointer  fyne.Position // last pointer position on the board (link preview)
	hovering bool

	// stale is set before an edit is handed to the host and cleared by the
	// rebuild that Changed does; if the host did not call Changed the view
	// rebuilds itself.
	stale bool
	// fitPending asks for ZoomToFit once the view has a size.
	fitPending bool
	// readOnly stops the gestures that edit: renaming in place and
	// dragging boxes (a drag then pans).
	readOnly bool
	// peek holds collapsed boxes the view draws unfolded because a box
	// inside them was selected from outside the canvas (Find, a finding,
	// a new box): the document keeps them collapsed.
	peek map[domain.NodeID]bool
}

// New returns an empty chart view; the main window gives it a host
// (SetHost) and a document (SetDocument).
func New() *View {
	v := &View{zoom: 1, chart: &chart.Chart{}}
	v.board = newBoard(v)
	v.scroll = container.NewScroll(v.board)
	v.scroll.OnScrolled = func(fyne.Position) { v.board.updateView() }
	v.entry = newNameEntry(v)
	v.hint = canvas.NewText("", errorColor)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer implements fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	return &viewRenderer{v: v}
}

// viewRenderer holds the scroll container. Its Layout also tells the board
// when the window grew: the board's own size may not change then (a big
// chart stays bigger than the window), yet more of it is visible.
type viewRenderer struct{ v *View }

// Layout implements fyne.WidgetRenderer.
func (r *viewRenderer) Layout(size fyne.Size) {
	v := r.v
	v.scroll.Resize(size)
	v.fitBoard()
	if v.fitPending && size.Width > 0 && size.Height > 0 {
		v.fitPending = false
		v.zoomToFit(false)
		return
	}
	v.board.updateView()
}

// MinSize implements fyne.WidgetRenderer: the chart scrolls, so the view
// can be small.
func (r *viewRenderer) MinSize() fyne.Size { return fyne.NewSize(100, 100) }

// Refresh implements fyne.WidgetRenderer.
func (r *viewRenderer) Refresh() { r.v.board.Refresh() }

// Objects implements fyne.WidgetRenderer.
func (r *viewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.v.scroll} }

// Destroy implements fyne.WidgetRenderer.
func (r *viewRenderer) Destroy() {}

// SetHost gives the view the editor's callbacks; call it once, before
// SetDocument.
func (v *View) SetHost(h Host) { v.host = h }

// SetDocument shows d, zoomed to fit the view and centred, and clears the
// selection.
func (v *View) SetDocument(d *domain.Document) {
	v.cancelRename()
	v.drag = dragState{}
	v.linkFrom = 0
	v.doc = d
	v.sel = nil
	v.peek = nil
	v.rebuild()
	v.zoomToFit(false)
}

// SetReadOnly stops (or allows again) renaming in place and dragging
// boxes, for a document that is only viewed.
func (v *View) SetReadOnly(on bool) {
	v.readOnly = on
	if on {
		v.cancelRename()
	}
}

// Document returns the document shown.
func (v *View) Document() *domain.Document { return v.doc }

// Chart returns the chart as drawn now. Do not modify it.
func (v *View) Chart() *chart.Chart { return v.chart }

// Changed lays the chart out again and redraws
// what changed. Selected boxes that no longer exist leave the selection
// quietly; a box being renamed that no longer exists ends the renaming.
// An empty change (the file was saved) needs no drawing.
func (v *View) Changed(ch domain.Change) {
	if len(ch.Nodes) == 0 && len(ch.Links) == 0 && !ch.Info {
		return
	}
	v.rebuild()
}

// rebuild lays the document out again and redraws. The boxes the user is
// looking at stay where they are on the screen even when the chart grows
// to the left or upwards (a box arranged further out than all others).
func (v *View) rebuild() {
	v.stale = false
	c := &chart.Chart{}
	if v.doc != nil {
		if v.texts == nil {
			v.texts = chart.NewTextCache()
		}
		opt := chart.OptionsFor(v.doc)
		opt.Cache = v.texts
		opt.Unfolded = v.peek
		opt.English = v.english
		built, err := chart.Build(v.doc, opt)
		if err != nil {
			fyne.LogError("laying out the chart", err)
		} else {
			c = built
		}
	}
	v.chart = c
	if v.doc != nil {
		v.sel = slices.DeleteFunc(v.sel, func(id domain.NodeID) bool { return v.doc.Node(id) == nil })
		if v.editing != 0 {
			if _, ok := c.Box(v.editing); !ok {
				v.cancelRename()
			}
		}
		if v.linkFrom != 0 && v.doc.Node(v.linkFrom) == nil {
			v.linkFrom = 0
		}
	} else {
		v.sel = nil
	}

	oldOrigin := v.origin
	v.origin = layout.Point{X: c.Bounds.X, Y: c.Bounds.Y}
	s := v.scale()
	off := v.scroll.Offset
	off.X += float32((oldOrigin.X - v.origin.X) * s)
	off.Y += float32((oldOrigin.Y - v.origin.Y) * s)
	v.scrollTo(off)
}

// do hands an edit to the host, which runs it through the history and
// shows any error. It returns the error, after the view has redrawn
// (which also snaps a refused drag back).
func (v *View) do(cmd domain.Command) error {
	if v.host.Do == nil || v.doc == nil {
		return nil
	}
	v.stale = true
	err := v.host.Do(cmd)
	if v.stale {
		v.rebuild()
	}
	return err
}

// scale is the number of Fyne units per chart point at the current zoom.
func (v *View) scale() float64 { return v.zoom * unitsPerPoint }

// toBoard converts a chart point to a position on the board.
func (v *View) toBoard(p layout.Point) fyne.Position {
	s := v.scale()
	inset := v.inset()
	return fyne.NewPos(float32((p.X-v.origin.X)*s)+inset.X, float32((p.Y-v.origin.Y)*s)+inset.Y)
}

// toChart converts a position on the board to a chart point.
func (v *View) toChart(p fyne.Position) layout.Point {
	s := v.scale()
	inset := v.inset()
	return layout.Point{X: float64(p.X-inset.X)/s + v.origin.X, Y: float64(p.Y-inset.Y)/s + v.origin.Y}
}

// boardRect returns where a chart rectangle is drawn on the board.
func (v *View) boardRect(r layout.Rect) (fyne.Position, fyne.Size) {
	s := v.scale()
	return v.toBoard(layout.Point{X: r.X, Y: r.Y}), fyne.NewSize(float32(r.W*s), float32(r.H*s))
}

// contentSize is the size of the whole chart on the board, margins
// included.
func (v *View) contentSize() fyne.Size {
	s := v.scale()
	return fyne.NewSize(float32(v.chart.Bounds.W*s+2*margin), float32(v.chart.Bounds.H*s+2*margin))
}

// viewport returns the part of the board that is on the screen.
func (v *View) viewport() (fyne.Position, fyne.Size) {
	size := v.scroll.Size()
	if size.IsZero() {
		// Not laid out inside a window (yet): treat everything as visible.
		return fyne.Position{}, v.board.Size()
	}
	return v.scroll.Offset, size
}

// inset is where the chart's top-left corner is drawn on the board: the
// margin, or more to centre a chart smaller than the view.
func (v *View) inset() fyne.Position {
	content, size := v.contentSize(), v.scroll.Size()
	return fyne.NewPos(margin+max(0, size.Width-content.Width)/2, margin+max(0, size.Height-content.Height)/2)
}

// fitBoard sizes the board to the chart, or to the viewport when the
// chart is smaller, as the scroll container would on its next layout; the
// view needs the right size at once to place things. A chart smaller than
// the view is drawn in its middle.
func (v *View) fitBoard() {
	min := v.contentSize()
	size := v.scroll.Size()
	v.board.Resize(fyne.NewSize(max(min.Width, size.Width), max(min.Height, size.Height)))
}

// scrollTo sizes the board for the current chart and zoom, scrolls to off
// (clamped to the chart) and redraws what is visible.
func (v *View) scrollTo(off fyne.Position) {
	v.fitBoard()
	content, size := v.board.Size(), v.scroll.Size()
	off.X = max(0, min(off.X, content.Width-size.Width))
	off.Y = max(0, min(off.Y, content.Height-size.Height))
	v.scroll.Offset = off
	// Refresh lays the board out at its new size and position and
	// redraws it (through its Refresh).
	v.scroll.Refresh()
}

// ---- selection ----

// Select selects ids (none clears the selection) and scrolls the first
// into view. A box folded away inside a collapsed one is shown by
// unfolding its collapsed superiors in the view only (see peek): selecting
// never edits the document. It does not call SelectionChanged: the caller
// knows.
func (v *View) Select(ids ...domain.NodeID) {
	if v.doc == nil {
		return
	}
	ids = slices.DeleteFunc(slices.Clone(ids), func(id domain.NodeID) bool { return v.doc.Node(id) == nil })
	v.sel = uniq(ids)
	if len(v.sel) > 0 {
		v.peekAbove(v.sel[0])
		v.Reveal(v.sel[0])
	}
	v.board.updateView()
}

// uniq drops repeated ids, keeping the first of each.
func uniq(ids []domain.NodeID) []domain.NodeID {
	out := ids[:0]
	for _, id := range ids {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// peekAbove unfolds, in the view only, every collapsed box above id, so
// that it can be seen. The boxes stay unfolded until the user folds them
// or another document is shown.
func (v *View) peekAbove(id domain.NodeID) {
	changed := false
	for n := v.doc.Node(v.doc.Node(id).Parent); n != nil; n = v.doc.Node(n.Parent) {
		if n.Collapsed && !v.peek[n.ID] {
			if v.peek == nil {
				v.peek = map[domain.NodeID]bool{}
			}
			v.peek[n.ID], changed = true, true
		}
	}
	if changed {
		v.rebuild()
	}
}

// Folded reports whether box id is drawn folded: collapsed in the
// document and not unfolded by the view.
func (v *View) Folded(id domain.NodeID) bool {
	n := v.doc.Node(id)
	return n != nil && n.Collapsed && !v.peek[id]
}

// ToggleFold folds a box's subtree away, or unfolds it: an undoable edit
// of the document, except for a box the view unfolded by itself (see
// peekAbove), which only goes back to how the document has it.
func (v *View) ToggleFold(id domain.NodeID) {
	if v.doc == nil {
		return
	}
	n := v.doc.Node(id)
	if n == nil || (len(n.Children()) == 0 && !n.Collapsed) {
		return
	}
	if v.peek[id] {
		delete(v.peek, id)
		v.rebuild()
		return
	}
	v.do(domain.SetCollapsed(id, !n.Collapsed))
}

// Selection returns the selected boxes, the primary one
// first.
func (v *View) Selection() []domain.NodeID { return slices.Clone(v.sel) }

// primary returns the primary selected box, or 0.
func (v *View) primary() domain.NodeID {
	if len(v.sel) == 0 {
		return 0
	}
	return v.sel[0]
}

// selectByUser changes the selection on the user's behalf and tells the
// host.
func (v *View) selectByUser(ids ...domain.NodeID) {
	ids = uniq(slices.Clone(ids))
	if slices.Equal(ids, v.sel) {
		return
	}
	v.sel = ids
	v.board.updateView()
	if v.host.SelectionChanged != nil {
		v.host.SelectionChanged(v.Selection())
	}
}

// toggleSelected adds id to the selection as the primary box, or removes
// it when it is already selected (Ctrl/Cmd-click).
func (v *View) toggleSelected(id domain.NodeID) {
	if i := slices.Index(v.sel, id); i >= 0 {
		v.selectByUser(slices.Delete(slices.Clone(v.sel), i, i+1)...)
		return
	}
	v.selectByUser(append([]domain.NodeID{id}, v.sel...)...)
}

// Reveal scrolls the least distance that brings box id fully into view
// (if it is drawn at all: a box inside a collapsed one is not).
func (v *View) Reveal(id domain.NodeID) {
	b, ok := v.chart.Box(id)
	if !ok {
		return
	}
	pos, size := v.boardRect(b.Rect)
	off, view := v.viewport()
	if view.IsZero() {
		return
	}
	const pad = 2 * selectPad
	revealAxis := func(off, view, start, length float32) float32 {
		switch {
		case length+2*pad > view: // too big: show its start
			return start - pad
		case start-pad < off:
			return start - pad
		case start+length+pad > off+view:
			return start + length + pad - view
		}
		return off
	}
	v.scrollTo(fyne.NewPos(
		revealAxis(off.X, view.Width, pos.X, size.Width),
		revealAxis(off.Y, view.Height, pos.Y, size.Height)))
}

// BoxOnScreen returns where box id is drawn, relative to the view's
// top-left corner (it may lie outside the visible part), and false for a
// box that is not drawn (folded away).
func (v *View) BoxOnScreen(id domain.NodeID) (fyne.Position, fyne.Size, bool) {
	b, ok := v.chart.Box(id)
	if !ok {
		return fyne.Position{}, fyne.Size{}, false
	}
	pos, size := v.boardRect(b.Rect)
	return pos.Subtract(v.scroll.Offset), size, true
}

// ---- zoom ----

// Zoom returns the zoom in percent.
func (v *View) Zoom() int { return int(math.Round(v.zoom * 100)) }

// SetZoom zooms to percent (10 to 400) about
// the middle of the view.
func (v *View) SetZoom(percent int) {
	v.zoomAbout(float64(percent)/100, v.viewCentre(), false)
}

// ZoomIn zooms in one step (25 %) about the middle of the view.
func (v *View) ZoomIn() { v.zoomAbout(v.zoom*zoomStep, v.viewCentre(), true) }

// ZoomOut zooms out one step about the middle of the view.
func (v *View) ZoomOut() { v.zoomAbout(v.zoom/zoomStep, v.viewCentre(), true) }

// ZoomToFit zooms so that the whole chart fits the view (but not beyond
// 100 %, which would blow a small chart up) and centres it.
func (v *View) ZoomToFit() { v.zoomToFit(false) }

func (v *View) zoomToFit(byUser bool) {
	size := v.scroll.Size()
	if size.Width <= 2*margin || size.Height <= 2*margin {
		v.fitPending = true // do it once the view has a size
		return
	}
	z := fitMaxZoom
	if b := v.chart.Bounds; b.W > 0 && b.H > 0 {
		z = min(z, (float64(size.Width)-2*margin)/(b.W*unitsPerPoint), (float64(size.Height)-2*margin)/(b.H*unitsPerPoint))
	}
	v.setZoom(z, byUser)
	// A chart that fits is centred by the board (see inset). One too big
	// even at the smallest zoom shows its top, with the first top-level
	// box in the middle.
	off := fyne.Position{}
	if v.doc != nil && len(v.doc.Roots()) > 0 {
		roots := v.doc.Roots()
		if b, ok := v.chart.Box(roots[0]); ok {
			pos, bs := v.boardRect(b.Rect)
			off.X = pos.X + bs.Width/2 - size.Width/2
		}
	}
	v.scrollTo(off)
}

// viewCentre is the board position in the middle of the view.
func (v *View) viewCentre() fyne.Position {
	off, size := v.viewport()
	return off.AddXY(size.Width/2, size.Height/2)
}

// zoomAbout zooms to z keeping the chart point under the board position
// at stays where it is on the screen (the mouse pointer for the wheel).
func (v *View) zoomAbout(z float64, at fyne.Position, byUser bool) {
	p := v.toChart(at)
	onScreen := at.Subtract(v.scroll.Offset)
	if !v.setZoom(z, byUser) {
		return
	}
	v.scrollTo(v.toBoard(p).Subtract(onScreen))
}

// setZoom changes the zoom (clamped); it reports whether it changed. A
// zoom the user made on the canvas is reported to the host.
func (v *View) setZoom(z float64, byUser bool) bool {
	z = max(minZoom, min(maxZoom, z))
	if math.Abs(z-v.zoom) < 1e-9 {
		return false
	}
	v.zoom = z
	if v.editing != 0 {
		// The entry is placed over the box: keep it there.
		v.board.placeEntry()
	}
	if byUser && v.host.ZoomChanged != nil {
		v.host.ZoomChanged(v.Zoom())
	}
	return true
}
