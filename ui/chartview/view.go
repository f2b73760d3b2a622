// Package chartview is OrgDraft's chart canvas: the org chart drawn exactly
// as package ui/chart lays it out (the picture the PDF prints), with
// selection, renaming in place, drag and drop to change who reports to whom
// or to arrange boxes by hand, folding, dotted-line links, panning and
// zooming. It implements ui.ChartView.
//
// Every edit is a domain command run through the host's Do, so it can be
// undone and is saved at once; the view redraws when the host tells it
// (Changed) what an edit touched.
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
	"orgdraft/ui"
	"orgdraft/ui/chart"
)

// View is the chart canvas. Create it with New; it implements ui.ChartView.
// It must be used from the Fyne goroutine only, like every widget.
type View struct {
	widget.BaseWidget

	doc   *domain.Document
	host  ui.ChartHost
	chart *chart.Chart
	// texts keeps measured box text between rebuilds: after an edit only
	// the changed boxes are measured again.
	texts *chart.TextCache

	// zoom is 1 at 100 %, where a point of the chart is unitsPerPoint
	// Fyne units.
	zoom float64
	// origin is the chart point drawn at (margin, margin) of the board;
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
}

var (
	_ ui.ChartView   = (*View)(nil)
	_ ui.PreviewFunc = Preview
)

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

// SetHost implements ui.ChartView.
func (v *View) SetHost(h ui.ChartHost) { v.host = h }

// SetDocument implements ui.ChartView: it shows d from its top-left corner
// and clears the selection.
func (v *View) SetDocument(d *domain.Document) {
	v.cancelRename()
	v.drag = dragState{}
	v.linkFrom = 0
	v.doc = d
	v.sel = nil
	v.rebuild()
	v.scrollTo(fyne.Position{})
}

// Document returns the document shown.
func (v *View) Document() *domain.Document { return v.doc }

// Chart returns the chart as drawn now. Do not modify it.
func (v *View) Chart() *chart.Chart { return v.chart }

// Changed implements ui.ChartView: it lays the chart out again and redraws
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
	return fyne.NewPos(float32((p.X-v.origin.X)*s+margin), float32((p.Y-v.origin.Y)*s+margin))
}

// toChart converts a position on the board to a chart point.
func (v *View) toChart(p fyne.Position) layout.Point {
	s := v.scale()
	return layout.Point{X: (float64(p.X)-margin)/s + v.origin.X, Y: (float64(p.Y)-margin)/s + v.origin.Y}
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

// fitBoard sizes the board to the chart, or to the viewport when the
// chart is smaller, as the scroll container would on its next layout; the
// view needs the right size at once to place things.
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

// Select implements ui.ChartView: it selects ids (none clears the
// selection), unfolds collapsed boxes above the first so that it can be
// seen, and scrolls it into view. It does not call SelectionChanged.
func (v *View) Select(ids ...domain.NodeID) {
	if v.doc == nil {
		return
	}
	ids = slices.DeleteFunc(slices.Clone(ids), func(id domain.NodeID) bool { return v.doc.Node(id) == nil })
	v.sel = uniq(ids)
	if len(v.sel) > 0 {
		v.unfoldAbove(v.sel[0])
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

// unfoldAbove expands every collapsed box above id, as one undoable edit.
func (v *View) unfoldAbove(id domain.NodeID) {
	var cmds []domain.Command
	for n := v.doc.Node(v.doc.Node(id).Parent); n != nil; n = v.doc.Node(n.Parent) {
		if n.Collapsed {
			cmds = append(cmds, domain.SetCollapsed(n.ID, false))
		}
	}
	if len(cmds) > 0 {
		// Named like domain.SetCollapsed, so the undo menu says the same.
		v.do(&domain.Batch{Name: "Collapse", Cmds: cmds})
	}
}

// Selection implements ui.ChartView: the selected boxes, the primary one
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

// ---- zoom ----

// Zoom implements ui.ChartView: the zoom in percent.
func (v *View) Zoom() int { return int(math.Round(v.zoom * 100)) }

// SetZoom implements ui.ChartView: it zooms to percent (10 to 400) about
// the middle of the view.
func (v *View) SetZoom(percent int) {
	v.zoomAbout(float64(percent)/100, v.viewCentre(), false)
}

// ZoomIn zooms in one step (25 %) about the middle of the view.
func (v *View) ZoomIn() { v.zoomAbout(v.zoom*zoomStep, v.viewCentre(), true) }

// ZoomOut zooms out one step about the middle of the view.
func (v *View) ZoomOut() { v.zoomAbout(v.zoom/zoomStep, v.viewCentre(), true) }

// ZoomToFit implements ui.ChartView: it zooms so that the whole chart fits
// the view (but not beyond 100 %, which would blow a small chart up) and
// scrolls to its top-left corner.
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
	v.scrollTo(fyne.Position{})
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
