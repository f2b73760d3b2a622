package chartview

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"orgdraft/domain"
)

// Mark is how a comparison paints a box: the chart of two versions
// compared shows the newer one, with the boxes added, changed and removed
// (drawn back in as ghosts) marked. It is a way of looking at the chart,
// apart from the selection: a marked box can be selected too.
type Mark uint8

// The marks of a comparison.
const (
	// Unmarked is a box that did not change.
	Unmarked Mark = iota
	// MarkAdded is a box only in the newer version: green.
	MarkAdded
	// MarkChanged is a box in both versions that differs: amber.
	MarkChanged
	// MarkRemoved is a box only in the older version, drawn where it was
	// as a ghost: faded, with a dashed red border.
	MarkRemoved
)

// The colours of the marks. The legend beside the chart (in the editor)
// draws its swatches with MarkColours.
var (
	addedFill    = color.NRGBA{0xdf, 0xf3, 0xe2, 0xff}
	addedEdge    = color.NRGBA{0x1e, 0x8e, 0x3e, 0xff}
	changedFill  = color.NRGBA{0xff, 0xf0, 0xc8, 0xff}
	changedEdge  = color.NRGBA{0xc7, 0x8a, 0x00, 0xff}
	removedFill  = color.NRGBA{0xfb, 0xee, 0xed, 0x90}
	removedEdge  = color.NRGBA{0xc5, 0x22, 0x1f, 0xff}
	removedInk   = color.NRGBA{0x8a, 0x8a, 0x8a, 0xff}
	markDash     = float32(4) // screen units on and off of a ghost's border
	markDashGap  = float32(3)
	markMinWidth = float32(2)
)

// MarkColours returns the fill and edge a mark paints a box with.
func MarkColours(m Mark) (fill, edge color.NRGBA) {
	switch m {
	case MarkAdded:
		return addedFill, addedEdge
	case MarkChanged:
		return changedFill, changedEdge
	case MarkRemoved:
		return removedFill, removedEdge
	}
	return positionFill, positionEdge
}

// SetMarks marks the boxes of the document shown (nil clears every mark)
// and redraws. The view keeps the map: give it a new one to change marks.
func (v *View) SetMarks(marks map[domain.NodeID]Mark) {
	v.board.marks = marks
	v.board.updateView()
}

// Marks returns the marks set by SetMarks.
func (v *View) Marks() map[domain.NodeID]Mark { return v.board.marks }

// markLook paints a marked box over the colours of its kind: the fill,
// edge and stroke, and for a ghost its faded text and dashed border (the
// frame itself then draws no border).
func (it *boxItem) markLook(m Mark, stroke float32) {
	it.header.FillColor = unitHeader
	if m == Unmarked {
		return
	}
	fill, edge := MarkColours(m)
	it.frame.FillColor, it.frame.StrokeColor = fill, edge
	// A unit's name band in a shade of the mark.
	it.header.FillColor = color.NRGBA{edge.R, edge.G, edge.B, 0x38}
	it.frame.StrokeWidth = max(stroke, markMinWidth)
	if m == MarkRemoved {
		it.frame.StrokeColor = transparent
	}
}

// markObjects appends a ghost's dashed border and greys its text; other
// marks add nothing.
func (it *boxItem) markObjects(m Mark, pos fyne.Position, size fyne.Size, objs []fyne.CanvasObject) []fyne.CanvasObject {
	if m != MarkRemoved {
		return objs
	}
	for _, t := range it.texts {
		t.Color = removedInk
		t.Refresh()
	}
	n := 0
	dash := func(a, b fyne.Position) {
		if n == len(it.dashes) {
			it.dashes = append(it.dashes, canvas.NewLine(removedEdge))
		}
		l := it.dashes[n]
		n++
		l.StrokeColor, l.StrokeWidth = removedEdge, markMinWidth
		l.Position1, l.Position2 = a, b
		l.Refresh()
		objs = append(objs, l)
	}
	side := func(a fyne.Position, dx, dy, length float32) {
		for s := float32(0); s < length; s += markDash + markDashGap {
			e := min(s+markDash, length)
			dash(a.AddXY(dx*s, dy*s), a.AddXY(dx*e, dy*e))
		}
	}
	w, h := size.Width, size.Height
	side(pos, 1, 0, w)
	side(pos.AddXY(0, h), 1, 0, w)
	side(pos, 0, 1, h)
	side(pos.AddXY(w, 0), 0, 1, h)
	return objs
}
