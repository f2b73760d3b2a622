package chartview

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"

	"orgdraft/domain"
)

// The rubber band: a drag with Shift held that starts on empty paper
// draws a rectangle, and the boxes it touches become the selection (with
// Ctrl or Cmd held as well, they are added to it). A drag on paper
// without Shift pans the view, as before.

// bandModifier reports whether the modifiers held at the press, or held
// now, start a rubber band rather than a pan.
func bandModifier(pressed fyne.KeyModifier) bool {
	if pressed&fyne.KeyModifierShift != 0 {
		return true
	}
	if app := fyne.CurrentApp(); app != nil {
		if d, ok := app.Driver().(desktop.Driver); ok {
			return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
		}
	}
	return false
}

// startBand begins a rubber band at the drag's start. The selection it
// adds to is kept in d.ids (empty unless Ctrl or Cmd was held too).
func (v *View) startBand(d *dragState, pressed fyne.KeyModifier) {
	d.kind = dragBand
	d.ids = nil
	if pressed&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0 {
		d.ids = slices.Clone(v.sel)
	}
}

// bandRect returns the band's rectangle on the board.
func (d *dragState) bandRect() (fyne.Position, fyne.Size) {
	x0, x1 := min(d.start.X, d.at.X), max(d.start.X, d.at.X)
	y0, y1 := min(d.start.Y, d.at.Y), max(d.start.Y, d.at.Y)
	return fyne.NewPos(x0, y0), fyne.NewSize(x1-x0, y1-y0)
}

// inBand returns the drawn boxes the band touches, in the chart's order.
func (v *View) inBand(d *dragState) []domain.NodeID {
	pos, size := d.bandRect()
	var out []domain.NodeID
	for i := range v.chart.Boxes {
		b := &v.chart.Boxes[i]
		bp, bs := v.boardRect(b.Rect)
		if bp.X <= pos.X+size.Width && bp.X+bs.Width >= pos.X && bp.Y <= pos.Y+size.Height && bp.Y+bs.Height >= pos.Y {
			out = append(out, b.ID)
		}
	}
	return out
}

// endBand selects what the band touches (after the selection it adds
// to).
func (v *View) endBand(d *dragState) {
	ids := append(slices.Clone(d.ids), v.inBand(d)...)
	v.selectByUser(ids...)
	v.board.updateView()
}

// showBand places the band's rectangle; it reports whether a band is
// being drawn.
func (r *boardRenderer) showBand(v *View) bool {
	if v.drag.kind != dragBand {
		return false
	}
	if r.band == nil {
		r.band = canvas.NewRectangle(ghostFill)
		r.band.StrokeColor = selectColor
		r.band.StrokeWidth = 1
	}
	pos, size := v.drag.bandRect()
	if r.band.Position() != pos || r.band.Size() != size {
		r.band.Move(pos)
		r.band.Resize(size)
		r.band.Refresh()
	}
	return true
}
